{% for ty in params.types -%}
{% for line in ty.doc -%}
{{ line }}
{% endfor -%}
export interface {{ ty.name }} {
{%- for field in ty.fields %}
{%- for line in field.written() %}
  {{ line }}
{%- endfor %}
{%- endfor %}
}

{% endfor -%}
