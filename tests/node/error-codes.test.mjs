// Runs the compiled TypeScript of each spec and checks every value it exports against the spec,
// as the Rust test read it from the YAML and passed it here (never against copies of it here).
//
// Usage: node error-codes.test.mjs CASES.json, where CASES.json is
// { "modules": [{ "name", "path", "spec": { "errorName", "codes": [{ "status", "title",
// "description", "retryable" }] } }], "seed": { "module", "exampleBody" } }.
// tests/typescript_target.rs writes it and runs this script after tsc has compiled the modules.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
assert.ok(cases.modules.length > 0, "no modules to test");

/** A message that must survive a body unchanged. */
const MESSAGE = 'a "quoted" message, ünïcödé 🚀, </script>, \\ and \u2028';

/** Statuses to probe the lookups with: every integer around the HTTP range. */
const PROBES = Array.from({ length: 1102 }, (_, i) => i - 1);

/** Values that are not integer numbers, and so never a status. */
const NOT_INTEGERS = [
  404.5,
  0.1,
  NaN,
  Infinity,
  -Infinity,
  "404",
  null,
  undefined,
];

for (const { name, path, spec } of cases.modules) {
  const load = () => import(pathToFileURL(path).href);
  const statuses = new Set(spec.codes.map((code) => code.status));

  test(`${name}: ERROR_CODES holds every code of the spec, in order, as written`, async () => {
    const { ERROR_CODES } = await load();
    assert.ok(Array.isArray(ERROR_CODES));
    assert.equal(ERROR_CODES.length, spec.codes.length);
    ERROR_CODES.forEach((info, index) => {
      const { name: _name, ...facts } = info;
      assert.deepEqual(facts, spec.codes[index], `code ${info.status}`);
      assert.deepEqual(Object.keys(info), [
        "status",
        "name",
        "title",
        "description",
        "retryable",
      ]);
    });
  });

  test(`${name}: ErrorCode maps each code's name to its status, and nothing else`, async () => {
    const { ErrorCode, ERROR_CODES } = await load();
    assert.equal(Object.getPrototypeOf(ErrorCode), Object.prototype);
    assert.deepEqual(
      Object.keys(ErrorCode),
      ERROR_CODES.map((info) => info.name),
    );
    for (const info of ERROR_CODES) {
      assert.match(info.name, /^[A-Z][A-Za-z0-9]*$/);
      assert.ok(Object.hasOwn(ErrorCode, info.name), info.name);
      assert.equal(ErrorCode[info.name], info.status, info.name);
    }
  });

  test(`${name}: errorCodeFromStatus finds exactly the spec's codes`, async () => {
    const { ERROR_CODES, errorCodeFromStatus } = await load();
    for (const info of ERROR_CODES) {
      assert.equal(errorCodeFromStatus(info.status), info, `${info.status}`);
    }
    for (const status of PROBES) {
      assert.equal(
        errorCodeFromStatus(status) !== undefined,
        statuses.has(status),
        `${status}`,
      );
    }
    for (const value of NOT_INTEGERS) {
      assert.equal(errorCodeFromStatus(value), undefined, String(value));
    }
  });

  test(`${name}: isErrorCode is true for the spec's statuses only`, async () => {
    const { ERROR_CODES, isErrorCode } = await load();
    for (const status of PROBES) {
      assert.equal(isErrorCode(status), statuses.has(status), `${status}`);
    }
    for (const { status } of ERROR_CODES) {
      assert.equal(isErrorCode(String(status)), false, `"${status}"`);
    }
    for (const value of NOT_INTEGERS) {
      assert.equal(isErrorCode(value), false, String(value));
    }
  });

  test(`${name}: the exported data is frozen, deeply`, async () => {
    const { ERROR_CODES, ErrorCode, isRetryable, errorCodeFromStatus } =
      await load();
    assert.ok(Object.isFrozen(ErrorCode));
    assert.ok(Object.isFrozen(ERROR_CODES));
    for (const info of ERROR_CODES) {
      assert.ok(Object.isFrozen(info), `${info.status}`);
    }
    const [first] = ERROR_CODES;
    const retryable = first.retryable;
    // A module is strict code, where writing to a frozen object throws.
    assert.throws(() => {
      first.retryable = !retryable;
    }, TypeError);
    assert.throws(() => {
      first.title = "changed";
    }, TypeError);
    assert.throws(() => ERROR_CODES.push(first), TypeError);
    assert.throws(() => {
      ERROR_CODES[0] = { ...first, retryable: !retryable };
    }, TypeError);
    assert.throws(() => {
      ErrorCode[first.name] = 1;
    }, TypeError);
    assert.throws(() => {
      ErrorCode.Added = 1;
    }, TypeError);
    // Sloppy code (a `Function` body is not strict) writes nothing, silently.
    const sloppy = new Function(
      "codes",
      "table",
      "codes[0].retryable = !codes[0].retryable; table.Added = 1; return codes[0].retryable;",
    );
    assert.equal(sloppy(ERROR_CODES, ErrorCode), retryable);
    assert.equal(Object.hasOwn(ErrorCode, "Added"), false);
    // What every importer reads is unchanged.
    assert.equal(isRetryable(first.status), retryable);
    assert.equal(errorCodeFromStatus(first.status), first);
    assert.equal(ErrorCode[first.name], first.status);
  });

  test(`${name}: isErrorStatus is true for 400 to 599 only`, async () => {
    const { isErrorStatus } = await load();
    for (const status of PROBES) {
      assert.equal(
        isErrorStatus(status),
        status >= 400 && status <= 599,
        `${status}`,
      );
    }
    for (const value of [...NOT_INTEGERS, 404.5, 499.9]) {
      assert.equal(isErrorStatus(value), false, String(value));
    }
  });

  test(`${name}: isRetryable follows the spec, and is false for unknown statuses`, async () => {
    const { isRetryable } = await load();
    for (const status of PROBES) {
      const code = spec.codes.find((c) => c.status === status);
      assert.equal(isRetryable(status), code?.retryable ?? false, `${status}`);
    }
    for (const value of NOT_INTEGERS) {
      assert.equal(isRetryable(value), false, String(value));
    }
  });

  test(`${name}: errorBody builds bodies that isErrorBody accepts`, async () => {
    const { ERROR_NAME, errorBody, isErrorBody } = await load();
    assert.equal(ERROR_NAME, spec.errorName);
    for (const { status } of spec.codes) {
      const body = errorBody(status, MESSAGE);
      assert.deepEqual(body, {
        error: { name: spec.errorName, status, message: MESSAGE },
      });
      assert.equal(isErrorBody(body), true, `${status}`);
      const sent = JSON.parse(JSON.stringify(body));
      assert.deepEqual(sent, body);
      assert.equal(isErrorBody(sent), true, `${status} through JSON`);
    }
  });

  test(`${name}: isErrorBody accepts what the type allows`, async () => {
    const { isErrorBody } = await load();
    const accepted = [
      { error: { name: "Error", status: 400, message: "m" } },
      { error: { name: "", status: 100, message: "" } },
      { error: { name: "OtherError", status: 599, message: "m" } },
      // A status the spec does not list is still an HTTP status.
      { error: { name: "Error", status: 418, message: "m" } },
      // Extra properties, at either level, are allowed.
      { error: { name: "Error", status: 503, message: "m", details: [1] } },
      { error: { name: "Error", status: 400, message: "m" }, requestId: "r" },
    ];
    for (const value of accepted) {
      assert.equal(isErrorBody(value), true, JSON.stringify(value));
    }
  });

  test(`${name}: isErrorBody rejects what is not an error body`, async () => {
    const { isErrorBody } = await load();
    const detail = { name: "Error", status: 400, message: "m" };
    const rejected = {
      null: null,
      undefined: undefined,
      "a string": JSON.stringify({ error: detail }),
      "a number": 400,
      "an array": [{ error: detail }],
      "an empty object": {},
      "error is null": { error: null },
      "error is an array": { error: ["Error", 400, "m"] },
      "error is a string": { error: "Error" },
      "missing name": { error: { status: 400, message: "m" } },
      "missing status": { error: { name: "Error", message: "m" } },
      "missing message": { error: { name: "Error", status: 400 } },
      "name not a string": { error: { ...detail, name: 1 } },
      "name null": { error: { ...detail, name: null } },
      "message not a string": { error: { ...detail, message: ["m"] } },
      "status a string": { error: { ...detail, status: "400" } },
      "status not an integer": { error: { ...detail, status: 400.5 } },
      "status NaN": { error: { ...detail, status: NaN } },
      "status below 100": { error: { ...detail, status: 99 } },
      "status above 599": { error: { ...detail, status: 600 } },
      "status infinite": { error: { ...detail, status: Infinity } },
      "detail at the top": detail,
      "extra nesting": { error: { error: detail } },
      "nested in a body": { body: { error: detail } },
      "a function": Object.assign(() => {}, { error: detail }),
      // Only a value's own properties count, not those it inherits.
      "error inherited": Object.create({ error: detail }),
      "error's members inherited": { error: Object.create(detail) },
      "name inherited": {
        error: Object.assign(Object.create({ name: "Error" }), {
          status: 400,
          message: "m",
        }),
      },
      "status inherited": {
        error: Object.assign(Object.create({ status: 400 }), {
          name: "Error",
          message: "m",
        }),
      },
      "message inherited": {
        error: Object.assign(Object.create({ message: "m" }), {
          name: "Error",
          status: 400,
        }),
      },
    };
    for (const [what, value] of Object.entries(rejected)) {
      assert.equal(isErrorBody(value), false, what);
    }
  });
}

test("the seed's example body is an ErrorBody, and errorBody builds it exactly", async () => {
  const seed = cases.modules.find((m) => m.name === cases.seed.module);
  assert.ok(seed, `no module named ${cases.seed.module}`);
  const { ErrorCode, errorBody, isErrorBody } = await import(
    pathToFileURL(seed.path).href
  );
  const example = JSON.parse(cases.seed.exampleBody);
  assert.equal(isErrorBody(example), true);
  const built = errorBody(ErrorCode.BadRequest, example.error.message);
  assert.equal(JSON.stringify(built), JSON.stringify(example));
});
