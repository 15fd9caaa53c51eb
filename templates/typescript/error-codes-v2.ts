{{ header }}

/** The names and codes of {@link ErrorCode}, before they are frozen. */
const errorCodes = {
{%- for member in members %}
{%- for line in member.doc %}
  {{ line }}
{%- endfor %}
{%- if member.code.break_after %}
  {{ member.ident }}:
    {{ member.code.literal }},
{%- else %}
  {{ member.ident }}: {{ member.code.literal }},
{%- endif %}
{%- endfor %}
} as const;

{% for line in error_code_doc -%}
{{ line }}
{% endfor -%}
export const ErrorCode: typeof errorCodes =
  /* @__PURE__ */ Object.freeze(errorCodes);

/** A code the API sends in {{ code_place }}, as {@link ErrorCode} names it. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

{% for line in error_status_doc -%}
{{ line }}
{% endfor -%}
{%- if error_statuses.inline -%}
export type ErrorStatus = {{ error_statuses.items|join(" | ") }};
{%- else if error_statuses.next_line -%}
export type ErrorStatus =
  {{ error_statuses.items|join(" | ") }};
{%- else -%}
export type ErrorStatus =
{%- for status in error_statuses.items %}
  | {{ status }}
{%- endfor %};
{%- endif %}

/**
 * The name of the code `C`: its key in {@link ErrorCode}. Without `C`, any
 * code's name.
 */
export type ErrorCodeName<C extends ErrorCode = ErrorCode> = {
  readonly [K in keyof typeof ErrorCode as (typeof ErrorCode)[K]]: K;
}[C];

/**
 * The HTTP status the code `C` is sent with. Without `C`, any code's status: an
 * {@link ErrorStatus}.
 */
export type ErrorCodeStatus<C extends ErrorCode = ErrorCode> = {
{%- for member in status_members %}
{%- for line in member.written() %}
  {{ line }}
{%- endfor %}
{%- endfor %}
}[C];

{% if params.is_some() -%}
/**
 * The JSON type of a parameter's value, as the spec names it: an `integer` is a
 * `number` that is a whole number.
 */
export type ErrorParamType = "string" | "integer" | "number" | "boolean";

/** What the spec says about one parameter of a code. */
export interface ErrorParamInfo {
{%- if problem %}
  /** The parameter's name: its member in the body. */
{%- else %}
  /** The parameter's name in `error.params`. */
{%- endif %}
  readonly name: string;
  /** The JSON type of its value. */
  readonly type: ErrorParamType;
  /** Whether an error may leave it out. */
  readonly optional: boolean;
  /** What the value is, as the spec describes it. */
  readonly description: string;
}

{% endif -%}
/**
 * What the spec says about one error code; `C` is the code, when that is known,
 * so that the code, its status and its name keep their literal types.
 */
export interface ErrorCodeInfo<C extends ErrorCode = ErrorCode> {
  /** The code as the API sends it in {{ code_place }}. */
  readonly code: C;
  /** The HTTP status the code is sent with. */
  readonly status: ErrorCodeStatus<C>;
  /** The code's key in {@link ErrorCode}. */
  readonly name: ErrorCodeName<C>;
  /** The short title people read. */
  readonly title: string;
  /** What the code means, as the spec describes it. */
  readonly description: string;
  /** Whether the same request may succeed if it is sent again later. */
  readonly retryable: boolean;
  /** Where the code is documented, if the spec gives it a URL. */
  readonly docsUrl: string | undefined;
{%- if params.is_some() %}
  /**
   * The message every error of the code carries, as the spec writes it: `{name}`
   * stands for the value of the parameter `name`, and `{{ "{{" }}` and `{{ "}}" }}` for literal
   * braces. `undefined` when the server writes each error's message.
   */
  readonly messageTemplate: string | undefined;
  /**
{%- if problem %}
   * The values each error of the code carries as members of its body, in the
   * order of the spec; empty for a code without parameters.
{%- else %}
   * The values each error of the code carries in `error.params`, in the order of
   * the spec; empty for a code without parameters.
{%- endif %}
   */
  readonly params: readonly ErrorParamInfo[];
{%- endif %}
{%- if lifecycle %}
  /**
   * Why the code is deprecated and what to use instead, if it is: servers should
   * stop sending it, and clients keep understanding it.
   */
  readonly deprecated: string | undefined;
  /** The code that replaces this one, if the spec names one. */
  readonly replacedBy: ErrorCode | undefined;
{%- endif %}
}

{% for line in error_codes_doc -%}
{{ line }}
{% endfor -%}
export const ERROR_CODES: readonly ErrorCodeInfo[] = /* @__PURE__ */ frozen([
{%- for entry in entries %}
  {
{%- if entry.code.break_after %}
    code:
      {{ entry.code.literal }},
{%- else %}
    code: {{ entry.code.literal }},
{%- endif %}
    status: {{ entry.status }},
{%- for property in entry.strings %}
{%- if property.value.break_after %}
    {{ property.key }}:
      {{ property.value.literal }},
{%- else %}
    {{ property.key }}: {{ property.value.literal }},
{%- endif %}
{%- endfor %}
    retryable: {{ entry.retryable }},
{%- if let Some(docs_url) = entry.docs_url %}
{%- if docs_url.break_after %}
    docsUrl:
      {{ docs_url.literal }},
{%- else %}
    docsUrl: {{ docs_url.literal }},
{%- endif %}
{%- else %}
    docsUrl: undefined,
{%- endif %}
{%- if let Some(property) = entry.message_template %}
{%- if property.value.break_after %}
    {{ property.key }}:
      {{ property.value.literal }},
{%- else %}
    {{ property.key }}: {{ property.value.literal }},
{%- endif %}
{%- endif %}
{%- if let Some(params) = entry.params %}
{%- if params.is_empty() %}
    params: [],
{%- else %}
    params: [
{%- for param in params %}
      {
        name: {{ param.name }},
        type: "{{ param.kind }}",
        optional: {{ param.optional }},
{%- if param.description.break_after %}
        description:
          {{ param.description.literal }},
{%- else %}
        description: {{ param.description.literal }},
{%- endif %}
      },
{%- endfor %}
    ],
{%- endif %}
{%- endif %}
{%- for property in entry.lifecycle %}
{%- if property.value.break_after %}
    {{ property.key }}:
      {{ property.value.literal }},
{%- else %}
    {{ property.key }}: {{ property.value.literal }},
{%- endif %}
{%- endfor %}
  },
{%- endfor %}
]);
{%- if params.is_some() %}

/**
 * `codes`, each code and each of its parameters, frozen, so that no importer can
 * change what the others read.
 */
function frozen(codes: readonly ErrorCodeInfo[]): readonly ErrorCodeInfo[] {
  for (const info of codes) {
    info.params.forEach((param) => Object.freeze(param));
    Object.freeze(info.params);
    Object.freeze(info);
  }
  return Object.freeze(codes);
}
{%- else %}

/**
 * `codes` and each code, frozen, so that no importer can change what the others
 * read; the codes hold only primitives, so they are frozen deeply.
 */
function frozen(codes: readonly ErrorCodeInfo[]): readonly ErrorCodeInfo[] {
  codes.forEach((info) => Object.freeze(info));
  return Object.freeze(codes);
}
{%- endif %}

/**
 * The codes by the code the API sends, made by the first lookup rather than on
 * import, so that a bundler can leave out what a program does not use.
 */
let codesByCode: ReadonlyMap<string, ErrorCodeInfo> | undefined;

/** The code the API sends as `code`, from {@link codesByCode}. */
function lookup(code: string): ErrorCodeInfo | undefined {
  codesByCode ??= new Map(ERROR_CODES.map((info) => [info.code, info]));
  return codesByCode.get(code);
}

/** Whether `value` is a code of the spec: one of {@link ErrorCode}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && lookup(value) !== undefined;
}

/**
 * The facts of a code, whose `code`, `status` and `name` keep their literal
 * types. Every {@link ErrorCode} is in the spec, so the result is never
 * `undefined`.
 */
export function errorCodeInfo<C extends ErrorCode>(code: C): ErrorCodeInfo<C>;
/**
 * The facts of a code, or `undefined` when the spec does not have it: a newer
 * version of the API may send codes this one does not know.
 */
export function errorCodeInfo(code: string): ErrorCodeInfo | undefined;
export function errorCodeInfo(code: string): ErrorCodeInfo | undefined {
  return lookup(code);
}

/**
 * The codes sent with `status`, in the order of the spec; empty for a status no
 * code has.
 */
export function errorCodesForStatus(status: number): readonly ErrorCodeInfo[] {
  return ERROR_CODES.filter((info) => info.status === status);
}

/**
 * Whether `status` reports an error: a client error (4xx) or a server error
 * (5xx). Any integer from 400 to 599 counts, whether the spec lists it or not,
 * so an unexpected status from a proxy still counts as an error.
 */
export function isErrorStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 599;
}

/**
 * Whether a request that failed with `code` may succeed if it is sent again
 * later, as the spec marks the code. A code the spec does not have is not
 * retryable.
 */
export function isRetryable(code: string): boolean {
  return lookup(code)?.retryable ?? false;
}

{% if problem -%}
{% include "typescript/v2-problem-body.ts" %}
{%- else -%}
{% include "typescript/v2-errspec-body.ts" %}
{%- endif %}
{% include "typescript/read.ts" %}
