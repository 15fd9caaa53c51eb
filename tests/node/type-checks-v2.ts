// Type-level checks of the generated API of a format v2 spec, compiled against the payments
// fixture's module under the strict config: every line must compile, and each
// `@ts-expect-error` must meet its error.
import {
  ERROR_CODES,
  ErrorCode,
  errorBody,
  errorCodeInfo,
  type ErrorBody,
  type ErrorCodeInfo,
  type ErrorCodeName,
  type ErrorCodeStatus,
  type ErrorStatus,
  isErrorBody,
  isErrorCode,
  isKnownErrorBody,
  type KnownErrorBody,
} from "./payments/error-codes.js";

// A known code always has its facts; a code from elsewhere may have none.
export const known: ErrorCodeInfo = errorCodeInfo(ErrorCode.CardDeclined);
export const found: ErrorCodeInfo | undefined = errorCodeInfo(String("x"));
// @ts-expect-error: a code from elsewhere may be unknown
export const unchecked: ErrorCodeInfo = errorCodeInfo(String("x"));

// ErrorCode, the type, is the union of the spec's wire codes and nothing else.
export const declined: ErrorCode = "card_declined";
// @ts-expect-error: not a code of the payments spec
export const teapot: ErrorCode = "teapot";

// A body is built from a known code only, and keeps that code's type.
export const body: KnownErrorBody = errorBody(ErrorCode.QuotaExceeded, "slow");
export const quota: "quota_exceeded" = errorBody(ErrorCode.QuotaExceeded, "")
  .error.code;
// @ts-expect-error: errorBody takes a known code
export const unknownBody: ErrorBody = errorBody("teapot", "no");

// The codes, the table and its entries are read-only.
export function mutate(info: ErrorCodeInfo): void {
  // @ts-expect-error: ErrorCode is `as const`
  ErrorCode.CardDeclined = "card_expired";
  // @ts-expect-error: ERROR_CODES is a readonly array
  ERROR_CODES.push(info);
  // @ts-expect-error: ErrorCodeInfo's properties are readonly
  info.title = "Declined";
}

// isErrorBody accepts any code as a string; isKnownErrorBody narrows to the known codes, and
// a `switch` on them is exhaustive: the `never` below compiles only when every code has a case.
export function describe(value: unknown): string {
  if (isKnownErrorBody(value)) {
    switch (value.error.code) {
      case ErrorCode.CardDeclined:
      case ErrorCode.CardExpired:
        return "card";
      case ErrorCode.InvalidAmount:
        return "amount";
      case ErrorCode.QuotaExceeded:
        return "quota";
      case ErrorCode.InternalFailure:
        return "ours";
      default: {
        const unreachable: never = value.error;
        return unreachable;
      }
    }
  }
  if (isErrorBody(value)) {
    const code: string = value.error.code;
    return `a code added later: ${code}`;
  }
  return "not an error body";
}

// Leaving a code out is caught at the same place.
export function incomplete(body: KnownErrorBody): string {
  switch (body.error.code) {
    case ErrorCode.CardDeclined:
      return "card";
    default: {
      // @ts-expect-error: the other codes still reach the default branch
      const unreachable: never = body.error;
      return unreachable;
    }
  }
}

// A code from elsewhere narrows to ErrorCode through isErrorCode.
export function statusOf(code: string): number | undefined {
  return isErrorCode(code) ? errorCodeInfo(code).status : undefined;
}

// A lookup by a known code keeps its literal types: the code, its status and its name.
export const declinedCode: "card_declined" = errorCodeInfo(
  ErrorCode.CardDeclined,
).code;
export const declinedStatus: 402 = errorCodeInfo(ErrorCode.CardDeclined).status;
export const declinedName: "CardDeclined" = errorCodeInfo(
  ErrorCode.CardDeclined,
).name;
export const internalName: ErrorCodeName<"internal"> = "InternalFailure";
export const quotaStatus: ErrorCodeStatus<"quota_exceeded"> = 429;
// @ts-expect-error: card_declined is sent with 402, not 400
export const wrongStatus: 400 = errorCodeInfo(ErrorCode.CardDeclined).status;
// @ts-expect-error: internal's name is its identifier, not its wire code
export const wrongName: ErrorCodeName<"internal"> = "Internal";
// @ts-expect-error: a code's facts are not another's, though their statuses are the same
export const expired: ErrorCodeInfo<"card_expired"> = errorCodeInfo(
  ErrorCode.CardDeclined,
);

// ErrorStatus is the statuses the spec's codes are sent with, and no other.
export const statuses: readonly ErrorStatus[] = [400, 402, 429, 500];
export const anyStatus: ErrorStatus = errorCodeInfo(
  ErrorCode.InvalidAmount,
).status;
// @ts-expect-error: no code of the payments spec is sent with 404
export const notFound: ErrorStatus = 404;
// @ts-expect-error: a success status is no code's
export const ok: ErrorStatus = 200;

// isErrorCode narrows `unknown` to an ErrorCode.
export function codeOf(value: unknown): ErrorCode | undefined {
  return isErrorCode(value) ? value : undefined;
}
export function notNarrowed(value: unknown): ErrorCode {
  // @ts-expect-error: without the guard, `unknown` is not an ErrorCode
  return value;
}

// The frozen table keeps its readonly types, down to each code's parameters' facts.
export function mutateDeeply(): void {
  const [first] = ERROR_CODES;
  if (first !== undefined) {
    // @ts-expect-error: ErrorCodeInfo's properties are readonly
    first.retryable = true;
  }
}
