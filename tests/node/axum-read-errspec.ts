// How the axum example's client (axum-client.ts) reads a known body in errspec's envelope:
// the code, the message and the parameters from `error`, each parameter as the type its code
// declares. tests/serving.rs copies it beside the client as `read.ts`.

import {
  type ErrorCode,
  type KnownErrorBody,
} from "./generated/typescript/error-codes.js";

/** A parameter's value as the client reads it. */
export type Value = string | number | boolean | undefined;

/** The media type of an error response in this envelope. */
export const CONTENT_TYPE = "application/json";

/** What the client reads of a known body. */
export interface Read {
  readonly code: ErrorCode;
  readonly message: string;
  readonly params: Record<string, Value>;
}

/**
 * The code, message and parameters of `body`: each `case` narrows `body.error` to its code's,
 * so that a parameter of another name or type does not compile.
 */
export function read(body: KnownErrorBody): Read {
  const { code, message } = body.error;
  return { code, message, params: params(body) };
}

function params(body: KnownErrorBody): Record<string, Value> {
  switch (body.error.code) {
    case "order_not_found": {
      const orderId: string = body.error.params.order_id;
      return { order_id: orderId };
    }
    case "invalid_amount": {
      const { amount, max_amount }: { amount: number; max_amount: number } =
        body.error.params;
      return { amount, max_amount };
    }
    case "quota_exceeded": {
      const limit: number = body.error.params.limit;
      const window: string = body.error.params.window;
      const plan: string | undefined = body.error.params.plan;
      return { limit, window, plan };
    }
    case "internal": {
      const incident: string = body.error.params.incident;
      return { incident };
    }
    case "maintenance":
      return {};
  }
}
