// What the bodies of codes with parameters hold when the caller's object says more, or less,
// than JSON can: `undefined` values, properties in another order or not declared, inherited
// properties. Runs the compiled modules of the catalog and params_edge fixtures.
//
// Usage: node params-v2.test.mjs CASES.json, where CASES.json is
// { "catalog": "path/to/error-codes.js", "params_edge": "path/to/error-codes.js" };
// tests/catalog_typescript.rs writes it and runs this script after tsc has compiled them.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
const catalog = await import(pathToFileURL(cases.catalog).href);
const edge = await import(pathToFileURL(cases.params_edge).href);

/** The body of a code of the catalog, as the wire format writes it. */
function body(status, code, message, params) {
  const error = { name: "Error", status, code, message };
  if (params !== undefined) {
    error.params = params;
  }
  return { error };
}

test("an optional parameter given as undefined is left out, like one not given", () => {
  const required = { limit: 100, window: "hour", resets_at: "2026-12-01" };
  const expected = body(
    429,
    "quota_exceeded",
    "You have used all 100 requests of this hour; the quota resets at 2026-12-01.",
    required,
  );
  for (const given of [required, { ...required, plan: undefined }]) {
    const built = catalog.errorBody("quota_exceeded", given);
    assert.deepEqual(built, expected);
    assert.equal(Object.hasOwn(built.error.params, "plan"), false);
  }
  assert.deepEqual(
    catalog.errorBody("quota_exceeded", { ...required, plan: "pro" }).error
      .params,
    { ...required, plan: "pro" },
  );
});

test("parameters come in the order of the spec, and only those the code declares", () => {
  const built = catalog.errorBody("amount_too_large", {
    live: false,
    currency: "EUR",
    extra: "dropped",
    max_amount: 2,
    amount: 1,
  });
  assert.deepEqual(Object.keys(built.error), [
    "name",
    "status",
    "code",
    "message",
    "params",
  ]);
  assert.deepEqual(Object.keys(built.error.params), [
    "amount",
    "max_amount",
    "currency",
    "live",
  ]);
  assert.equal(
    JSON.stringify(built),
    '{"error":{"name":"Error","status":400,"code":"amount_too_large","message":"The amount 1 is above the limit of 2 {per charge}.","params":{"amount":1,"max_amount":2,"currency":"EUR","live":false}}}',
  );
  const invalid = catalog.errorBody("invalid_param", "m", {
    param: "p",
    other: 1,
  });
  assert.deepEqual(invalid, body(400, "invalid_param", "m", { param: "p" }));
});

test("only own properties are parameters: nothing is read from what objects inherit", () => {
  // A caller in JavaScript may leave out `constructor`, which every object inherits.
  const built = edge.errorBody("new", { type: "t", self: 1, class: true });
  assert.equal(built.error.message, "t");
  assert.equal(Object.hasOwn(built.error.params, "constructor"), false);
  // Nothing own is given, so the error carries no parameters and has no `params`.
  assert.equal(
    Object.hasOwn(
      edge.errorBody("only_optional", "m", Object.create({ a: "inherited" }))
        .error,
      "params",
    ),
    false,
  );
  // Nor does a body's check count an inherited `constructor` as the parameter.
  const inherited = body(400, "new", "t", { type: "t", self: 1, class: true });
  assert.equal(edge.isKnownErrorBody(inherited), false);
  assert.equal(edge.isErrorBody(inherited), true);
  const prototypeless = Object.assign(Object.create(null), {
    type: "t",
    self: 1,
    class: true,
    constructor: 0.5,
  });
  assert.equal(
    edge.isKnownErrorBody(body(400, "new", "t", prototypeless)),
    true,
  );
});

test("params is sent when the error carries parameter values, as in Rust", () => {
  for (const args of [
    ["m"],
    ["m", undefined],
    ["m", {}],
    ["m", { a: undefined }],
  ]) {
    const built = edge.errorBody("only_optional", ...args);
    assert.deepEqual(built, body(409, "only_optional", "m"));
    assert.equal(Object.hasOwn(built.error, "params"), false);
  }
  assert.deepEqual(
    edge.errorBody("only_optional", "m", { a: "x" }),
    body(409, "only_optional", "m", { a: "x" }),
  );
  const braces = edge.errorBody("braces");
  assert.deepEqual(braces, body(422, "braces", "{} { and }"));
  assert.equal(Object.hasOwn(braces.error, "params"), false);
  assert.deepEqual(
    catalog.errorBody("card_expired", "Expired."),
    body(402, "card_expired", "Expired."),
  );
  // A parameter named `message` is a parameter; the message is the argument before it.
  assert.deepEqual(
    edge.errorBody("message_param", "the message", {
      message: "a value",
      messageId: 7,
    }),
    body(500, "message_param", "the message", {
      message: "a value",
      messageId: 7,
    }),
  );
});

test("values are written into the message as String writes them", () => {
  const message = (amount, max) =>
    catalog.errorBody("amount_too_large", { amount, max_amount: max }).error
      .message;
  assert.equal(
    message(0.1, 1e21),
    "The amount 0.1 is above the limit of 1e+21 {per charge}.",
  );
  assert.equal(
    message(-0, 2 ** 53 - 1),
    "The amount 0 is above the limit of 9007199254740991 {per charge}.",
  );
  assert.equal(
    edge.errorBody("unicode", { size: 3, max: 2, name: "$& $1 {size}" }).error
      .message,
    "Größe 3 überschreitet 2 — 🚫 «$& $1 {size}»",
  );
  assert.equal(
    catalog.errorBody("maintenance", { until: "noon", partial: false }).error
      .message,
    "The service is down for maintenance; try again after noon.",
  );
});
