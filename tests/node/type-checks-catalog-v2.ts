// Type-level checks of the parameters, templates and life cycle of a format v2 spec, compiled
// against the modules of the catalog and params_edge fixtures under the strict config: every
// line must compile, and each `@ts-expect-error` must meet its error.
import {
  ERROR_CODES,
  ErrorCode,
  errorBody,
  errorCodeInfo,
  isErrorBody,
  isKnownErrorBody,
  type ErrorBodyArgs,
  type ErrorCodeInfo,
  type ErrorDetailOf,
  type ErrorParamInfo,
  type ErrorParamType,
  type KnownErrorBody,
  type QuotaExceededParams,
} from "./catalog/error-codes.js";
import * as edge from "./params_edge/error-codes.js";

// A code with a template takes its parameters, each of its type, and no message.
export const quota: KnownErrorBody = errorBody(ErrorCode.QuotaExceeded, {
  limit: 100,
  window: "hour",
  resets_at: "2026-12-01T00:00:00Z",
});
errorBody("quota_exceeded", {
  limit: 100,
  window: "hour",
  resets_at: "2026-12-01T00:00:00Z",
  plan: "pro",
});
// An optional parameter may be given as `undefined`, also under exactOptionalPropertyTypes.
errorBody("quota_exceeded", {
  limit: 1,
  window: "hour",
  resets_at: "x",
  plan: undefined,
});
// @ts-expect-error: `resets_at` is missing
errorBody("quota_exceeded", { limit: 100, window: "hour" });
errorBody("quota_exceeded", {
  // @ts-expect-error: `limit` is an integer, a number
  limit: "100",
  window: "hour",
  resets_at: "x",
});
errorBody("quota_exceeded", {
  limit: 1,
  window: "hour",
  resets_at: "x",
  // @ts-expect-error: the code has no parameter `extra`
  extra: 1,
});
// @ts-expect-error: the parameters are required
errorBody("quota_exceeded");
errorBody(
  "quota_exceeded",
  "a message",
  // @ts-expect-error: its message comes from its template: one argument too many
  { limit: 1, window: "hour", resets_at: "x" },
);
errorBody("amount_too_large", { amount: 0.1, max_amount: 1e21, live: true });
errorBody("amount_too_large", {
  amount: 1,
  max_amount: 2,
  // @ts-expect-error: `live` is a boolean
  live: "yes",
});
// @ts-expect-error: `partial` is required
errorBody("maintenance", { until: "2026-12-01T00:00:00Z" });

// A code without a template takes the message first, then its parameters.
export const invalid: KnownErrorBody = errorBody(
  ErrorCode.InvalidParam,
  "amount must be positive",
  { param: "amount" },
);
// @ts-expect-error: its parameters are required
errorBody("invalid_param", "amount must be positive");
// @ts-expect-error: the message is a string
errorBody("invalid_param", 1, { param: "amount" });
// A code with neither takes the message alone, as before.
errorBody("card_expired", "Your card has expired.");
// @ts-expect-error: it has no parameters
errorBody("card_expired", "Your card has expired.", {});

// A template without parameters takes nothing more.
edge.errorBody("braces");
// @ts-expect-error: its message is its template
edge.errorBody("braces", "a message");
// Only optional parameters: they may all be left out, and so may the object.
edge.errorBody("only_optional", "m");
edge.errorBody("only_optional", "m", {});
edge.errorBody("only_optional", "m", { a: "x", b: 1 });
// @ts-expect-error: `b` is an integer, a number
edge.errorBody("only_optional", "m", { b: "1" });
// Names that are keywords, or that every object inherits, are parameters like any other.
edge.errorBody("new", { type: "t", self: 1, class: true, constructor: 0.5 });
// @ts-expect-error: `constructor` is required, and not the one every object inherits
edge.errorBody("new", { type: "t", self: 1, class: true });
// A parameter named `message` on a code without a template is not its message.
edge.errorBody("message_param", "the message", { message: "v", messageId: 7 });

// A built body keeps its code's parameter types.
export const limit: number = quota.error.code === "quota_exceeded" ? 1 : 0;
export const built: ErrorDetailOf<"quota_exceeded"> = errorBody(
  "quota_exceeded",
  { limit: 1, window: "hour", resets_at: "x" },
).error;
export const plan: string | undefined = built.params.plan;
// @ts-expect-error: a body of card_expired has no parameters
export const none: unknown = errorBody("card_expired", "m").error.params;

// After isKnownErrorBody, a switch on the code gives each code's parameters, and is exhaustive.
export function describe(value: unknown): string {
  if (!isKnownErrorBody(value)) {
    return isErrorBody(value) ? value.error.message : "not an error body";
  }
  const { error } = value;
  switch (error.code) {
    case ErrorCode.QuotaExceeded: {
      const params: QuotaExceededParams = error.params;
      return `${params.limit} per ${params.window}, ${params.plan ?? "no plan"}`;
    }
    case ErrorCode.InvalidParam:
      return `${error.params.param} ${error.params.expected ?? ""}`;
    case ErrorCode.AmountTooLarge: {
      const amount: number = error.params.amount;
      const live: boolean | undefined = error.params.live;
      return `${amount} ${live ?? "?"}`;
    }
    case ErrorCode.CardDeclined:
      // @ts-expect-error: card_declined has no parameter `limit`
      return error.params.decline_code + error.params.limit;
    case ErrorCode.CardExpired:
      return error.message;
    case ErrorCode.Maintenance: {
      const partial: boolean = error.params.partial;
      return `${error.params.until} ${partial}`;
    }
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

// A code whose parameters are all optional may come without `params`.
export function first(body: edge.KnownErrorBody): string | undefined {
  switch (body.error.code) {
    case "only_optional":
      // @ts-expect-error: its `params` may be absent
      return body.error.params.a;
    case "new":
      return `${body.error.params.constructor + body.error.params.self}`;
    default:
      return body.error.code === "message_param"
        ? body.error.params.message
        : undefined;
  }
}

// ERROR_CODES holds each code's template, parameters and life cycle, precisely typed.
export const template: string | undefined = errorCodeInfo(
  ErrorCode.QuotaExceeded,
).messageTemplate;
export const replacement: ErrorCode | undefined = errorCodeInfo(
  ErrorCode.CardExpired,
).replacedBy;
export const reason: string | undefined = errorCodeInfo(
  ErrorCode.CardExpired,
).deprecated;
export const params: readonly ErrorParamInfo[] = ERROR_CODES.flatMap(
  (info) => info.params,
);
export const kinds: readonly ErrorParamType[] = params.map((p) => p.type);
// @ts-expect-error: a parameter's type is one of the four the spec format has
export const kind: ErrorParamType = "date";
// @ts-expect-error: a replacement is a code of the spec
export const teapot: ErrorCodeInfo["replacedBy"] = "teapot";
export function rename(info: ErrorParamInfo): void {
  // @ts-expect-error: the facts are read-only
  info.name = "other";
}

// What errorBody takes after each code is a named tuple.
export const args: ErrorBodyArgs["invalid_param"] = ["m", { param: "amount" }];
export const noArgs: edge.ErrorBodyArgs["braces"] = [];
// @ts-expect-error: a code of the spec has its arguments; another has none
export const unknownArgs: ErrorBodyArgs["teapot"] = [];
