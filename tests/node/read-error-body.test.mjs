// Checks `readErrorBody` of compiled modules (format v1 and v2, errspec's envelope): it reads
// the body of a JSON or problem+json response that is an error body, and gives `undefined`,
// never an exception, for anything else: another content type, an empty, truncated or
// non-JSON body, JSON of another shape, a body that fails to read.
//
// Usage: node read-error-body.test.mjs MODULE.js...; tests/serving.rs runs it after tsc has
// compiled the modules.

import assert from "node:assert/strict";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const paths = process.argv.slice(2);
assert.ok(paths.length > 0, "no modules to test");

/** A response as `readErrorBody` reads it: `text` as its body, `type` its content type. */
function response(text, type = "application/json") {
  return {
    headers: { get: (name) => (name === "content-type" ? type : null) },
    text: async () => text,
  };
}

for (const path of paths) {
  const module = await import(pathToFileURL(path).href);
  const { readErrorBody, ERROR_NAME } = module;
  // v2's guard needs a code, v1's allows one: this body is an error body of both.
  const body = {
    error: { name: ERROR_NAME, status: 418, code: "added.later", message: "m" },
  };
  const text = JSON.stringify(body);

  test(`${path}: reads the error body of a JSON or problem+json response`, async () => {
    for (const type of [
      "application/json",
      "application/json; charset=utf-8",
      "Application/JSON",
      "application/problem+json",
      " application/problem+json ; charset=UTF-8",
    ]) {
      assert.deepEqual(await readErrorBody(response(text, type)), body, type);
    }
    // And a real `Response`, as `fetch` gives it.
    const real = new Response(text, {
      status: 418,
      headers: { "content-type": "application/json" },
    });
    assert.deepEqual(await readErrorBody(real), body);
  });

  test(`${path}: gives undefined for anything else, and never throws`, async () => {
    const others = {
      "another content type": response(text, "text/plain"),
      "a JSON-like type": response(text, "application/jsonx"),
      "no content type": response(text, null),
      "an empty body": response(""),
      "a truncated body": response(text.slice(0, text.length - 3)),
      "a body that is not JSON": response("<html>502 Bad Gateway</html>"),
      "JSON null": response("null"),
      "JSON of another shape": response('{"amount": 12.5}'),
      "an error of another shape": response('{"error": "not found"}'),
      "a body that fails to read": {
        headers: { get: () => "application/json" },
        text: async () => {
          throw new TypeError("terminated");
        },
      },
      "headers that throw": {
        headers: {
          get: () => {
            throw new Error("no headers");
          },
        },
        text: async () => text,
      },
    };
    for (const [what, given] of Object.entries(others)) {
      assert.equal(await readErrorBody(given), undefined, what);
    }
  });
}
