// Type-level checks of the generated API, compiled against the seed spec's module under the
// strict config: every line must compile, and each `@ts-expect-error` must meet its error.
import {
  ERROR_CODES,
  ErrorCode,
  errorCodeFromStatus,
  type ErrorCodeInfo,
  isErrorBody,
} from "./generated/typescript/error-codes.js";

// A code known by name always has its info; a status from elsewhere may have none.
export const known: ErrorCodeInfo = errorCodeFromStatus(ErrorCode.NotFound);
export const found: ErrorCodeInfo | undefined = errorCodeFromStatus(
  Number("404"),
);
// @ts-expect-error: a status from elsewhere may have no code
export const unchecked: ErrorCodeInfo = errorCodeFromStatus(Number("404"));

// ErrorCode, the type, is the union of the spec's statuses and nothing else.
export const notFound: ErrorCode = 404;
// @ts-expect-error: 418 is not a status of the seed spec
export const teapot: ErrorCode = 418;

// A code's name is a key of ErrorCode.
export const name: ErrorCodeInfo["name"] = "NotFound";
// @ts-expect-error: not a key of ErrorCode
export const misspelt: ErrorCodeInfo["name"] = "Notfound";

// The codes, the table and its entries are read-only.
export function mutate(info: ErrorCodeInfo): void {
  // @ts-expect-error: ErrorCode is `as const`
  ErrorCode.NotFound = 405;
  // @ts-expect-error: ERROR_CODES is a readonly array
  ERROR_CODES.push(info);
  // @ts-expect-error: ErrorCodeInfo's properties are readonly
  info.title = "Found";
}

// The guard narrows `unknown` to an ErrorBody.
export function messageOf(body: unknown): string | undefined {
  return isErrorBody(body) ? body.error.message : undefined;
}
