{%- if arm.block %}
            {{ arm.pattern }} => {
                {{ arm.value }}
            }
{%- else %}
            {{ arm.pattern }} => {{ arm.value }},
{%- endif %}
