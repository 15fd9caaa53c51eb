{% for ty in params.types -%}
{% for line in ty.doc -%}
{{ line }}
{% endfor -%}
export interface {{ ty.name }} {
{%- for field in ty.fields %}
{%- for line in field.doc %}
  {{ line }}
{%- endfor %}
{%- for line in field.lines %}
  {{ line }}
{%- endfor %}
{%- endfor %}
}

{% endfor -%}
