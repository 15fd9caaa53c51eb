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
  type ErrorCode,
  isKnownErrorBody,
  readErrorBody,
} from "./generated/typescript/error-codes.js";
// The envelope's own reading of a known body: `axum-read-errspec.ts` or
// `axum-read-problem.ts`, copied beside this file as `read.ts`.
import { type Value, CONTENT_TYPE, read } from "./read.js";

// Node's globals that this file uses, without Node's types (the strict tsconfig has none).
declare const process: { readonly argv: readonly string[] };

/** One route, and what it must answer. */
interface Route {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly status: number;
  /** The error the route answers with, or `undefined` for a response that is no error body. */
  readonly error?: {
    readonly code: ErrorCode;
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
      contentType === CONTENT_TYPE,
      `${where}: content type ${contentType}`,
    );
    check(body !== undefined, `${where}: no error body in ${text}`);
    check(isKnownErrorBody(body), `${where}: not a known error body: ${text}`);
    const found = read(body);
    check(found.code === expected.code, `${where}: code ${found.code}`);
    const params = JSON.stringify(found.params);
    check(
      params === JSON.stringify(expected.params),
      `${where}: params ${params}`,
    );
    const message = found.message;
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
