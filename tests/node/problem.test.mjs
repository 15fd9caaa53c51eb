// Checks the TypeScript of specs whose bodies are RFC 9457 problem details (`envelope:
// problem`): `errorBody` and `withInstance` build the bodies the Rust target builds, member
// for member and in order, and `isErrorBody`, `isKnownErrorBody` and `readErrorBody` read
// problem details, and only them.
//
// Usage: node problem.test.mjs CASES.json, where CASES.json is { "modules": [{ "name",
// "path", "bodies": [{ "code", "message", "text" }] }] }: for each code that takes its message
// alone, the text of the body the Rust target builds with `ErrorBody::new(code, message)
// .with_instance("/orders/42")`. tests/problem.rs writes it after tsc has compiled the modules.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
assert.ok(cases.modules.length > 0, "no modules to test");

for (const { name, path, bodies } of cases.modules) {
  const module = await import(pathToFileURL(path).href);
  const { errorBody, withInstance, isErrorBody, isKnownErrorBody } = module;

  test(`${name}: errorBody and withInstance build Rust's bodies, member for member`, () => {
    assert.ok(bodies.length > 0, "no code takes its message alone");
    for (const { code, message, text } of bodies) {
      const built = withInstance(errorBody(code, message), "/orders/42");
      assert.equal(JSON.stringify(built), text, code);
      assert.equal(isErrorBody(built), true, code);
      assert.equal(isKnownErrorBody(built), true, code);
      // A second instance replaces the first, in its place.
      const again = withInstance(built, "/orders/43");
      assert.deepEqual(Object.keys(again), Object.keys(built));
      assert.equal(again.instance, "/orders/43");
    }
  });

  test(`${name}: isErrorBody reads problem details, and only them`, () => {
    const [{ text }] = bodies;
    const body = JSON.parse(text);
    const newer = { ...body, code: "added.later", extension: [1, 2] };
    assert.equal(
      isErrorBody(newer),
      true,
      "a newer code, and an extension member",
    );
    assert.equal(isKnownErrorBody(newer), false, "a code the spec lacks");
    const { instance: _instance, ...noInstance } = body;
    assert.equal(isErrorBody(noInstance), true, "instance is optional");
    const { code: _code, ...withoutCode } = body;
    const refused = {
      "errspec's envelope": {
        error: {
          name: "Error",
          status: body.status,
          code: body.code,
          message: "m",
        },
      },
      "no type": { ...body, type: undefined },
      "a number for a title": { ...body, title: 5 },
      "a status that is no HTTP status": { ...body, status: 600 },
      "a string status": { ...body, status: String(body.status) },
      "no detail": { ...body, detail: undefined },
      "a number for a code": { ...body, code: 1 },
      "an instance that is no string": { ...body, instance: 42 },
      "an inherited code": Object.assign(
        Object.create({ code: body.code }),
        withoutCode,
      ),
      null: null,
      "an array": [body],
    };
    for (const [what, value] of Object.entries(refused)) {
      // JSON drops members that are undefined, as a body parsed from the wire would.
      const wire = value === null ? null : JSON.parse(JSON.stringify(value));
      const parsed = what === "an inherited code" ? value : wire;
      assert.equal(isErrorBody(parsed), false, what);
    }
  });

  test(`${name}: readErrorBody reads an application/problem+json response`, async () => {
    const [{ text }] = bodies;
    const response = new Response(text, {
      status: JSON.parse(text).status,
      headers: { "content-type": "application/problem+json" },
    });
    assert.deepEqual(await module.readErrorBody(response), JSON.parse(text));
  });
}
