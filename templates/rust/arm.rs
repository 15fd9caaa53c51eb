{%- for line in arm.lines %}
            {{ line }}
{%- endfor %}
{%- if arm.block %}
            {{ arm.pattern }} => {
                {{ arm.value }}{{ arm.block_end }}
            }
{%- else %}
            {{ arm.pattern }} => {{ arm.value }},
{%- endif %}