/**
 * What {@link errorBody} takes after each code, by code: the message, unless the
 * code has a message template, then the code's parameters, if it has any (they
 * may be left out when every one of them is optional).
 */
export interface ErrorBodyArgs {
{%- for member in params.args %}
{%- for line in member.written() %}
  {{ line }}
{%- endfor %}
{%- endfor %}
}
