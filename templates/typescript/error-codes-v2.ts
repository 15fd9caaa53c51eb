{{ header }}

{% for line in error_code_doc -%}
{{ line }}
{% endfor -%}
export const ErrorCode = {
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

/** A code the API sends in `error.code`, as {@link ErrorCode} names it. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What the spec says about one error code. */
export interface ErrorCodeInfo {
  /** The code as the API sends it in `error.code`. */
  readonly code: ErrorCode;
  /** The HTTP status the code is sent with. */
  readonly status: number;
  /** The code's key in {@link ErrorCode}. */
  readonly name: keyof typeof ErrorCode;
  /** The short title people read. */
  readonly title: string;
  /** What the code means, as the spec describes it. */
  readonly description: string;
  /** Whether the same request may succeed if it is sent again later. */
  readonly retryable: boolean;
  /** Where the code is documented, if the spec gives it a URL. */
  readonly docsUrl: string | undefined;
}

{% for line in error_codes_doc -%}
{{ line }}
{% endfor -%}
export const ERROR_CODES: readonly ErrorCodeInfo[] = [
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
  },
{%- endfor %}
];

/** The codes by the code the API sends, for the lookups below. */
const codesByCode: ReadonlyMap<string, ErrorCodeInfo> = new Map(
  ERROR_CODES.map((info) => [info.code, info]),
);

/** Whether `value` is a code of the spec: one of {@link ErrorCode}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && codesByCode.has(value);
}

/**
 * The facts of a code. Every {@link ErrorCode} is in the spec, so the result is
 * never `undefined`.
 */
export function errorCodeInfo(code: ErrorCode): ErrorCodeInfo;
/**
 * The facts of a code, or `undefined` when the spec does not have it: a newer
 * version of the API may send codes this one does not know.
 */
export function errorCodeInfo(code: string): ErrorCodeInfo | undefined;
export function errorCodeInfo(code: string): ErrorCodeInfo | undefined {
  return codesByCode.get(code);
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
  return codesByCode.get(code)?.retryable ?? false;
}

{% for line in error_name_doc -%}
{{ line }}
{% endfor -%}
{%- if error_name.break_after -%}
export const ERROR_NAME =
  {{ error_name.literal }};
{%- else -%}
export const ERROR_NAME = {{ error_name.literal }};
{%- endif %}

{% for line in body_doc -%}
{{ line }}
{% endfor -%}
export interface ErrorBody {
  /** What went wrong. */
  error: ErrorDetail;
}

/** The `error` member of an {@link ErrorBody}. */
export interface ErrorDetail {
  /** The kind of error: {@link ERROR_NAME} in every body this API documents. */
  name: string;
  /** The HTTP status of the response. */
  status: number;
  /**
   * The error's code as sent: one of {@link ErrorCode}, or a code that a newer
   * version of the API added ({@link isKnownErrorBody} tells them apart).
   */
  code: string;
  /** What went wrong, for people to read. */
  message: string;
}

/** The `error` member of an error body whose code is `C`. */
export interface ErrorDetailOf<C extends ErrorCode> extends ErrorDetail {
  /** The error's code. */
  code: C;
}

/**
 * An error body whose code the spec has, as {@link isKnownErrorBody} narrows
 * one: a `switch` on `error.code` narrows it to each code, and its `default`
 * branch is `never` once every code has its `case`.
 */
export type KnownErrorBody = {
  [C in ErrorCode]: { error: ErrorDetailOf<C> };
}[ErrorCode];

/**
 * The body of a response that fails with `code`, named {@link ERROR_NAME}, with
 * the code's status.
 */
export function errorBody<C extends ErrorCode>(
  code: C,
  message: string,
): { error: ErrorDetailOf<C> } {
  return {
    error: {
      name: ERROR_NAME,
      status: errorCodeInfo(code).status,
      code,
      message,
    },
  };
}

/** Whether `value` is an object that is not `null` or an array. */
function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether `value` is an HTTP status: an integer from 100 to 599. */
function isHttpStatus(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= 100 &&
    value <= 599
  );
}

/** Whether `value` is an {@link ErrorDetail}, as {@link isErrorBody} checks it. */
function isErrorDetail(value: unknown): value is ErrorDetail {
  return (
    isObject(value) &&
    "name" in value &&
    typeof value.name === "string" &&
    "status" in value &&
    isHttpStatus(value.status) &&
    "code" in value &&
    typeof value.code === "string" &&
    "message" in value &&
    typeof value.message === "string"
  );
}

/**
 * Whether `value`, such as a parsed response body, is an {@link ErrorBody}: an
 * object whose `error` is an object with a string `name`, a string `code`, a
 * string `message` and a `status` that is an HTTP status (an integer from 100
 * to 599).
 *
 * Extra properties, at either level, are allowed, so that a server which adds
 * a field to its error bodies does not break its clients; for the same reason
 * `code` may be a code the spec does not have, `name` any string and `status`
 * any HTTP status. {@link isKnownErrorBody} also asks for a known code.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  return isObject(value) && "error" in value && isErrorDetail(value.error);
}

/**
 * Whether `value` is an {@link ErrorBody} whose code the spec has, as a
 * {@link KnownErrorBody} that a `switch` on `error.code` narrows. A body with a
 * code that a newer version of the API added is an {@link ErrorBody} but not
 * this.
 */
export function isKnownErrorBody(value: unknown): value is KnownErrorBody {
  return isErrorBody(value) && isErrorCode(value.error.code);
}
