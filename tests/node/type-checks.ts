// Type-level checks of the generated API, compiled against the seed spec's module under the
// strict config: every line must compile, and each `@ts-expect-error` must meet its error.
import {
  ERROR_CODES,
  ErrorCode,
  errorBody,
  errorCodeFromStatus,
  type ErrorBody,
  type ErrorCodeInfo,
  type ErrorCodeName,
  type ErrorStatus,
  isErrorBody,
  isErrorCode,
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

// A lookup by a code keeps the code's literal types: its status and its name.
export const notFoundStatus: 404 = errorCodeFromStatus(
  ErrorCode.NotFound,
).status;
export const notFoundName: "NotFound" = errorCodeFromStatus(
  ErrorCode.NotFound,
).name;
export const nameOf502: ErrorCodeName<502> = "BadGateway";
// @ts-expect-error: 404's name is not "Ok"
export const wrongName: "Ok" = errorCodeFromStatus(ErrorCode.NotFound).name;
// @ts-expect-error: 502's name is not 500's, though their titles are the same
export const wrongNameOf502: ErrorCodeName<502> = "InternalServerError";

// errorBody takes the status of an error code, never a success code's.
export const badRequest: ErrorBody = errorBody(ErrorCode.BadRequest, "m");
export const errorStatus: ErrorStatus = ErrorCode.GatewayTimeout;
// @ts-expect-error: 200 is a success code, which has no error body
export const okBody: ErrorBody = errorBody(ErrorCode.Ok, "m");
// @ts-expect-error: 204 is a success code
export const noContent: ErrorStatus = ErrorCode.NoContent;
// @ts-expect-error: any code may be a success code
export const anyCode = (code: ErrorCode): ErrorBody => errorBody(code, "m");

// isErrorCode narrows `unknown` to an ErrorCode.
export function codeOf(value: unknown): ErrorCode | undefined {
  return isErrorCode(value) ? value : undefined;
}
export function notNarrowed(value: unknown): ErrorCode {
  // @ts-expect-error: without the guard, `unknown` is not an ErrorCode
  return value;
}
