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

{% if let Some(params) = params -%}
{% include "typescript/v2-param-types.ts" -%}
{% if params.members.is_empty() -%}
/** The `error` member of an error body whose code is `C`. */
export interface ErrorDetailOf<C extends ErrorCode> extends ErrorDetail {
  /** The error's code. */
  code: C;
}
{%- else -%}
/**
 * The `params` of the `error` of each code that has parameters, by code: in
 * every body of a code that has a required parameter, else optional.
 */
export interface ErrorParamsMembers {
{%- for member in params.members %}
{%- for line in member.written() %}
  {{ line }}
{%- endfor %}
{%- endfor %}
}

/**
 * The `error` member of an error body whose code is `C`, with the code's
 * parameters in `params` when it has any ({@link ErrorParamsMembers}).
 */
export type ErrorDetailOf<C extends ErrorCode> = ErrorDetail & {
  /** The error's code. */
  code: C;
} & (C extends keyof ErrorParamsMembers ? ErrorParamsMembers[C] : unknown);
{%- endif %}

/**
 * An error body whose code the spec has, with the code's parameters, as
 * {@link isKnownErrorBody} narrows one: a `switch` on `error.code` narrows it to
 * each code, and its `default` branch is `never` once every code has its
 * `case`.
 */
export type KnownErrorBody = {
  [C in ErrorCode]: { error: ErrorDetailOf<C> };
}[ErrorCode];

{% include "typescript/v2-body-args.ts" %}

/**
 * The body of a response that fails with `code`, named {@link ERROR_NAME}, with
 * the code's status. After the code come its {@link ErrorBodyArgs}: the message,
 * unless the code has a template, then the parameters, if it has any.
 *
 * With a template, the message is the template with each `{name}` replaced by
 * the value of the parameter `name` as `String(value)` writes it. `error.params`
 * holds the code's parameters that are given, in the order of the spec (one
 * given as `undefined` is left out); an error with none has no `params`.
 */
export function errorBody<C extends ErrorCode>(
  code: C,
  ...args: ErrorBodyArgs[C]
): { error: ErrorDetailOf<C> } {
  const info = errorCodeInfo(code);
  const [first, second]: readonly unknown[] = args;
  const template = info.messageTemplate;
  const given = template === undefined ? second : first;
  const error: ErrorDetail & { params?: Record<string, unknown> } = {
    name: ERROR_NAME,
    status: info.status,
    code,
    message:
      template === undefined ? String(first) : formatMessage(template, given),
  };
  const params = paramsOf(info, given);
  // As in the Rust target: an error that carries no parameter values has no `params`.
  if (Object.keys(params).length > 0) {
    error.params = params;
  }
  // What `ErrorBodyArgs` lets through for `C` makes the body `ErrorDetailOf<C>` says; the
  // compiler cannot follow that through the facts of `ERROR_CODES`.
  return { error } as unknown as { error: ErrorDetailOf<C> };
}

/** Whether `value` is an object that is not `null` or an array. */
function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

{% include "typescript/v2-param-helpers.ts" %}
{%- else -%}
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
{%- endif %}

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
    hasOwn(value, "code") &&
    typeof value.code === "string" &&
    hasOwn(value, "message") &&
    typeof value.message === "string"
  );
}

/**
 * Whether `value`, such as a parsed response body, is an {@link ErrorBody}: an
 * object whose `error` is an object with a string `name`, a string `code`, a
 * string `message` and a `status` that is an HTTP status (an integer from 100
 * to 599), each a property of its own (a property inherited from a prototype
 * does not count).
 *
 * Extra properties, at either level, are allowed, so that a server which adds
 * a field to its error bodies does not break its clients; for the same reason
 * `code` may be a code the spec does not have, `name` any string and `status`
 * any HTTP status. {@link isKnownErrorBody} also asks for a known code.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    isObject(value) && hasOwn(value, "error") && isErrorDetail(value.error)
  );
}
{%- if params.is_some() %}

{% include "typescript/v2-param-value.ts" %}

/**
 * Whether `error` carries the parameters of `info`'s code: each required one,
 * and each that is there of the type the spec gives it (`null` is no type). Its
 * `params`, when the code has parameters, is an object, or absent when every
 * parameter is optional; parameters the spec does not declare, which a newer
 * version of the API may send, are allowed.
 */
function hasParamsOf(error: ErrorDetail, info: ErrorCodeInfo): boolean {
  if (info.params.length === 0) {
    return true;
  }
  const params = ownValue(error, "params");
  if (params !== undefined && !isObject(params)) {
    return false;
  }
  return info.params.every(({ name, type, optional }) => {
    const found = ownValue(params, name);
    return found === undefined ? optional : isParamValue(found, type);
  });
}

/**
 * Whether `value` is an {@link ErrorBody} whose code the spec has, with the
 * code's parameters: as a {@link KnownErrorBody} that a `switch` on `error.code`
 * narrows. A body with a code that a newer version of the API added is an
 * {@link ErrorBody} but not this, and so is a body that lacks a required
 * parameter of its code or has one of another type; parameters the spec does
 * not declare are allowed.
 */
export function isKnownErrorBody(value: unknown): value is KnownErrorBody {
  return (
    isErrorBody(value) &&
    isErrorCode(value.error.code) &&
    hasParamsOf(value.error, errorCodeInfo(value.error.code))
  );
}
{%- else %}

/**
 * Whether `value` is an {@link ErrorBody} whose code the spec has, as a
 * {@link KnownErrorBody} that a `switch` on `error.code` narrows. A body with a
 * code that a newer version of the API added is an {@link ErrorBody} but not
 * this.
 */
export function isKnownErrorBody(value: unknown): value is KnownErrorBody {
  return isErrorBody(value) && isErrorCode(value.error.code);
}
{%- endif %}
