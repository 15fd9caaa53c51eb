{% for line in body_doc -%}
{{ line }}
{% endfor -%}
export interface ErrorBody {
  /** What kind of problem it is: the URL of its code's documentation. */
  type: string;
  /** The code's title. */
  title: string;
  /** The HTTP status of the response. */
  status: number;
  /** What went wrong in this occurrence, for people to read: the message. */
  detail: string;
  /**
   * The error's code as sent: one of {@link ErrorCode}, or a code that a newer
   * version of the API added ({@link isKnownErrorBody} tells them apart).
   */
  code: string;
  /** A URI of this occurrence of the problem, when the server gives one. */
  instance?: string;
}

{% if let Some(params) = params -%}
{% include "typescript/v2-param-types.ts" -%}
{% if params.members.is_empty() -%}
/** An error body whose code is `C`. */
export interface ErrorBodyOf<C extends ErrorCode> extends ErrorBody {
  /** The error's code. */
  code: C;
}
{%- else -%}
/**
 * The parameters of each code that has any, by code: members of each of its
 * bodies, beside the problem's own.
 */
export interface ErrorParams {
{%- for member in params.members %}
{%- for line in member.written() %}
  {{ line }}
{%- endfor %}
{%- endfor %}
}

/**
 * An error body whose code is `C`, with the code's parameters beside the
 * problem's own members when it has any ({@link ErrorParams}).
 */
export type ErrorBodyOf<C extends ErrorCode> = ErrorBody & {
  /** The error's code. */
  code: C;
} & (C extends keyof ErrorParams ? ErrorParams[C] : unknown);
{%- endif %}

/**
 * An error body whose code the spec has, with the code's parameters, as
 * {@link isKnownErrorBody} narrows one: a `switch` on `code` narrows it to each
 * code, and its `default` branch is `never` once every code has its `case`.
 */
export type KnownErrorBody = {
  [C in ErrorCode]: ErrorBodyOf<C>;
}[ErrorCode];

{% include "typescript/v2-body-args.ts" %}

/**
 * The problem details of a response that fails with `code`: its `type` (the
 * code's documentation URL), `title` and `status` are the code's, its `detail`
 * the message. After the code come its {@link ErrorBodyArgs}: the message,
 * unless the code has a template, then the parameters, if it has any.
 *
 * With a template, the message is the template with each `{name}` replaced by
 * the value of the parameter `name` as `String(value)` writes it. The code's
 * parameters that are given follow `code`, in the order of the spec (one given
 * as `undefined` is left out). {@link withInstance} adds an `instance`.
 */
export function errorBody<C extends ErrorCode>(
  code: C,
  ...args: ErrorBodyArgs[C]
): ErrorBodyOf<C> {
  const info = errorCodeInfo(code);
  const [first, second]: readonly unknown[] = args;
  const template = info.messageTemplate;
  const given = template === undefined ? second : first;
  const body: ErrorBody = {
    type: info.docsUrl ?? "",
    title: info.title,
    status: info.status,
    detail:
      template === undefined ? String(first) : formatMessage(template, given),
    code,
  };
  // What `ErrorBodyArgs` lets through for `C` makes the body `ErrorBodyOf<C>` says; the
  // compiler cannot follow that through the facts of `ERROR_CODES`.
  return { ...body, ...paramsOf(info, given) } as unknown as ErrorBodyOf<C>;
}

{% include "typescript/v2-param-helpers.ts" %}
{%- else -%}
/** An error body whose code is `C`. */
export interface ErrorBodyOf<C extends ErrorCode> extends ErrorBody {
  /** The error's code. */
  code: C;
}

/**
 * An error body whose code the spec has, as {@link isKnownErrorBody} narrows
 * one: a `switch` on `code` narrows it to each code, and its `default` branch is
 * `never` once every code has its `case`.
 */
export type KnownErrorBody = {
  [C in ErrorCode]: ErrorBodyOf<C>;
}[ErrorCode];

/**
 * The problem details of a response that fails with `code`: its `type` (the
 * code's documentation URL), `title` and `status` are the code's, its `detail`
 * the message. {@link withInstance} adds an `instance`.
 */
export function errorBody<C extends ErrorCode>(
  code: C,
  message: string,
): ErrorBodyOf<C> {
  const info = errorCodeInfo(code);
  return {
    type: info.docsUrl ?? "",
    title: info.title,
    status: info.status,
    detail: message,
    code,
  };
}
{%- endif %}

/** Whether `value` is an object that is not `null` or an array. */
function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `body` with `instance`, a URI of this occurrence of the problem (such as the
 * request's path, or a link to its incident), placed after `code` as the Rust
 * target places it.
 */
export function withInstance<B extends ErrorBody>(
  body: B,
  instance: string,
): B {
  const result: Record<string, unknown> = {
    type: body.type,
    title: body.title,
    status: body.status,
    detail: body.detail,
    code: body.code,
    instance,
  };
  for (const [key, value] of Object.entries(body)) {
    if (!Object.hasOwn(result, key)) {
      result[key] = value;
    }
  }
  return result as B;
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

/**
 * Whether `value`, such as a parsed response body, is an {@link ErrorBody}: an
 * object with a string `type`, `title`, `detail` and `code`, a `status` that is
 * an HTTP status (an integer from 100 to 599), and an `instance`, if it has
 * one, that is a string, each a property of its own (a property inherited from
 * a prototype does not count).
 *
 * Extra properties are allowed: they are the code's parameters, or members that
 * a newer version of the API added; for the same reason `code` may be a code
 * the spec does not have and `status` any HTTP status. {@link isKnownErrorBody}
 * also asks for a known code.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    isObject(value) &&
    hasOwn(value, "type") &&
    typeof value.type === "string" &&
    hasOwn(value, "title") &&
    typeof value.title === "string" &&
    hasOwn(value, "status") &&
    isHttpStatus(value.status) &&
    hasOwn(value, "detail") &&
    typeof value.detail === "string" &&
    hasOwn(value, "code") &&
    typeof value.code === "string" &&
    (!hasOwn(value, "instance") || typeof value.instance === "string")
  );
}
{%- if params.is_some() %}

{% include "typescript/v2-param-value.ts" %}

/**
 * Whether `body` carries the parameters of `info`'s code as members: each
 * required one, and each that is there of the type the spec gives it (`null` is
 * no type). Members the spec does not declare, which a newer version of the API
 * may send, are allowed.
 */
function hasParamsOf(body: ErrorBody, info: ErrorCodeInfo): boolean {
  return info.params.every(({ name, type, optional }) => {
    const found = ownValue(body, name);
    return found === undefined ? optional : isParamValue(found, type);
  });
}

/**
 * Whether `value` is an {@link ErrorBody} whose code the spec has, with the
 * code's parameters: as a {@link KnownErrorBody} that a `switch` on `code`
 * narrows. A body with a code that a newer version of the API added is an
 * {@link ErrorBody} but not this, and so is a body that lacks a required
 * parameter of its code or has one of another type; members the spec does not
 * declare are allowed.
 */
export function isKnownErrorBody(value: unknown): value is KnownErrorBody {
  return (
    isErrorBody(value) &&
    isErrorCode(value.code) &&
    hasParamsOf(value, errorCodeInfo(value.code))
  );
}
{%- else %}

/**
 * Whether `value` is an {@link ErrorBody} whose code the spec has, as a
 * {@link KnownErrorBody} that a `switch` on `code` narrows. A body with a code
 * that a newer version of the API added is an {@link ErrorBody} but not this.
 */
export function isKnownErrorBody(value: unknown): value is KnownErrorBody {
  return isErrorBody(value) && isErrorCode(value.code);
}
{%- endif %}
