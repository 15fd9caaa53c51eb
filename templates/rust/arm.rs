{%- for line in arm.lines %}
            {{ line }}
{%- endfor %}
{%- if arm.block %}
            {{ arm.pattern }} => {
                {{ arm.value }}
            }
{%- else %}
            {{ arm.pattern }} => {{ arm.value }},
{%- endif %}