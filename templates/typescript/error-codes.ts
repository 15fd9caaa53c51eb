{{ header }}

/** The keys and statuses of {@link ErrorCode}, before they are frozen. */
const errorCodes = {
{%- for member in members %}
{%- for line in member.doc %}
  {{ line }}
{%- endfor %}
  {{ member.ident }}: {{ member.status }},
{%- endfor %}
} as const;

{% for line in error_code_doc -%}
{{ line }}
{% endfor -%}
export const ErrorCode: typeof errorCodes =
  /* @__PURE__ */ Object.freeze(errorCodes);

/** The HTTP status of a code in {@link ErrorCode}, e.g. `404`. */
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
 * The name of the code whose status is `S`: its key in {@link ErrorCode}.
 * Without `S`, any code's name.
 */
export type ErrorCodeName<S extends ErrorCode = ErrorCode> = {
  readonly [K in keyof typeof ErrorCode as (typeof ErrorCode)[K]]: K;
}[S];

/**
 * What the spec says about one error code; `S` is its status, when that is
 * known, so that the status and the name keep their literal types.
 */
export interface ErrorCodeInfo<S extends ErrorCode = ErrorCode> {
  /** The HTTP status, e.g. `404`. */
  readonly status: S;
  /** The code's key in {@link ErrorCode}, e.g. `"NotFound"`. */
  readonly name: ErrorCodeName<S>;
  /** The short title people read, e.g. `"Not Found"`. */
  readonly title: string;
  /** What the code means, as the spec describes it. */
  readonly description: string;
  /** Whether the same request may succeed if it is sent again later. */
  readonly retryable: boolean;
}

{% for line in error_codes_doc -%}
{{ line }}
{% endfor -%}
export const ERROR_CODES: readonly ErrorCodeInfo[] = /* @__PURE__ */ frozen([
{%- for entry in entries %}
  {
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
  },
{%- endfor %}
]);

/**
 * `entries` and each entry, frozen, so that no importer can change what the
 * others read; the entries hold only primitives, so they are frozen deeply.
 */
function frozen<T extends object>(entries: readonly T[]): readonly T[] {
  entries.forEach((entry) => Object.freeze(entry));
  return Object.freeze(entries);
}

/**
 * The codes by status, made by the first lookup rather than on import, so that
 * a bundler can leave out what a program does not use.
 */
let codesByStatus: ReadonlyMap<number, ErrorCodeInfo> | undefined;

/** The code with this status, from {@link codesByStatus}. */
function lookup(status: number): ErrorCodeInfo | undefined {
  codesByStatus ??= new Map(ERROR_CODES.map((code) => [code.status, code]));
  return codesByStatus.get(status);
}

/**
 * The code with this status, whose `status` and `name` keep their literal
 * types. Every {@link ErrorCode} is the status of a code, so the result is
 * never `undefined`.
 */
export function errorCodeFromStatus<S extends ErrorCode>(
  status: S,
): ErrorCodeInfo<S>;
/**
 * The code with this status, or `undefined` when the spec has none: a response
 * may carry any status.
 */
export function errorCodeFromStatus(status: number): ErrorCodeInfo | undefined;
export function errorCodeFromStatus(status: number): ErrorCodeInfo | undefined {
  return lookup(status);
}

/** Whether `value` is the status of a code of the spec: one of {@link ErrorCode}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "number" && lookup(value) !== undefined;
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
 * Whether a request that failed with `status` may succeed if it is sent again
 * later, as the spec marks its code. A status the spec does not list is not
 * retryable.
 */
export function isRetryable(status: number): boolean {
  return lookup(status)?.retryable ?? false;
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
  /** What went wrong, for people to read. */
  message: string;
}

/**
 * The body of a response that fails with `status`, an {@link ErrorStatus},
 * named {@link ERROR_NAME}.
 */
export function errorBody(status: ErrorStatus, message: string): ErrorBody {
  return { error: { name: ERROR_NAME, status, message } };
}

/** Whether `value` is an object that is not `null` or an array. */
function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether `value` has `key` as a property of its own, not one it inherits
 * from its prototype.
 */
function hasOwn<K extends string>(
  value: object,
  key: K,
): value is Record<K, unknown> {
  return Object.hasOwn(value, key);
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
    hasOwn(value, "name") &&
    typeof value.name === "string" &&
    hasOwn(value, "status") &&
    isHttpStatus(value.status) &&
    hasOwn(value, "message") &&
    typeof value.message === "string"
  );
}

/**
 * Whether `value`, such as a parsed response body, is an {@link ErrorBody}: an
 * object whose `error` is an object with a string `name`, a string `message`
 * and a `status` that is an HTTP status (an integer from 100 to 599), each a
 * property of its own (a property inherited from a prototype does not count).
 *
 * Extra properties, at either level, are allowed, so that a server which adds
 * a field to its error bodies does not break its clients; for the same reason
 * `name` may be any string and `status` any HTTP status, listed in the spec or
 * not.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    isObject(value) && hasOwn(value, "error") && isErrorDetail(value.error)
  );
}
{% include "typescript/read.ts" %}
