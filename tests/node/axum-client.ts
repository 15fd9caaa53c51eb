// A client of the Orders service (examples/axum-service), written against the TypeScript that
// errspec generates from the service's spec, as a front end would be: it calls every route with
// `fetch`, reads each response with `readErrorBody`, and narrows the body by its code to read
// the code's parameters, typed. tests/serving.rs compiles it with the strict tsconfig (plus the
// DOM's `fetch`), starts the service, and runs it.
//
// Usage: node axum-client.js BASE_URL. It checks each response as it goes and stops with an
// error at the first that is wrong; it prints one JSON line per response, `{ "route",
// "status", "contentType", "body" }` (the body parsed, or null), for the caller to hold to
// the OpenAPI fragment.

import {
  type ErrorBody,
  type KnownErrorBody,
  isKnownErrorBody,
  readErrorBody,
} from "./generated/typescript/error-codes.js";

// Node's globals that this file uses, without Node's types (the strict tsconfig has none).
declare const process: { readonly argv: readonly string[] };

/** A parameter's value as this client reads it. */
type Value = string | number | boolean | undefined;

/** One route, and what it must answer. */
interface Route {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly status: number;
  /** The error the route answers with, or `undefined` for a response that is no error body. */
  readonly error?: {
    readonly code: KnownErrorBody["error"]["code"];
    readonly params: Readonly<Record<string, Value>>;
    /** The message, or a check of it. */
    readonly message: string | ((message: string) => boolean);
  };
}

const ROUTES: readonly Route[] = [
  { method: "GET", path: "/health", status: 200 },
  { method: "POST", path: "/charges?amount=12.5", status: 200 },
  { method: "GET", path: "/no/such/route", status: 404 },
  {
    method: "GET",
    path: "/orders/o%2F42",
    status: 404,
    error: {
      code: "order_not_found",
      params: { order_id: "o/42" },
      message: "No order has the id o/42.",
    },
  },
  {
    method: "POST",
    path: "/charges?amount=-5",
    status: 400,
    error: {
      code: "invalid_amount",
      params: { amount: -5, max_amount: 10000 },
      message: "The amount must be above 0 and at most 10000.",
    },
  },
  {
    method: "GET",
    path: "/quota",
    status: 429,
    error: {
      code: "quota_exceeded",
      params: { limit: 100, window: "hour", plan: "free" },
      message: "You have used all 100 requests of this hour.",
    },
  },
  {
    method: "GET",
    path: "/reports",
    status: 500,
    error: {
      code: "internal",
      params: { incident: "inc-1" },
      // The cause (the database's host) stays in the server's log.
      message: (message) =>
        message ===
          "Something failed on our side; quote incident inc-1 when you report it." &&
        !message.includes("db.internal"),
    },
  },
  {
    method: "GET",
    path: "/admin",
    status: 503,
    error: {
      code: "maintenance",
      params: {},
      message: "The service is down for planned maintenance.",
    },
  },
];

/** Throws `what` unless `condition` holds. */
function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error(what);
  }
}

/**
 * The parameters of `body`, read as the types its code declares: each `case` narrows
 * `body.error` to its code's, so that a parameter of another name or type does not compile.
 */
function typedParams(body: KnownErrorBody): Record<string, Value> {
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

/** Checks one route's response, and returns it as the line to print. */
async function call(base: string, route: Route): Promise<string> {
  const where = `${route.method} ${route.path}`;
  const response = await fetch(new URL(route.path, base), {
    method: route.method,
  });
  const contentType = response.headers.get("content-type");
  const text = await response.clone().text();
  check(
    response.status === route.status,
    `${where}: status ${response.status}`,
  );
  const body: ErrorBody | undefined = await readErrorBody(response);
  const expected = route.error;
  if (expected === undefined) {
    check(body === undefined, `${where}: read an error body from ${text}`);
  } else {
    check(
      contentType === "application/json",
      `${where}: content type ${contentType}`,
    );
    check(body !== undefined, `${where}: no error body in ${text}`);
    check(isKnownErrorBody(body), `${where}: not a known error body: ${text}`);
    check(
      body.error.code === expected.code,
      `${where}: code ${body.error.code}`,
    );
    const params = JSON.stringify(typedParams(body));
    check(
      params === JSON.stringify(expected.params),
      `${where}: params ${params}`,
    );
    const message = body.error.message;
    check(
      typeof expected.message === "string"
        ? message === expected.message
        : expected.message(message),
      `${where}: message ${JSON.stringify(message)}`,
    );
  }
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: printed as null.
  }
  return JSON.stringify({
    route: where,
    status: response.status,
    contentType,
    body: parsed,
  });
}

const base = process.argv[2];
check(base !== undefined, "usage: node axum-client.js BASE_URL");
for (const route of ROUTES) {
  console.log(await call(base, route));
}
