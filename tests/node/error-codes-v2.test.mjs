// Runs the compiled TypeScript of each format v2 spec and checks every value it exports against
// the spec, as the Rust test read it from the YAML and passed it here.
//
// Usage: node error-codes-v2.test.mjs CASES.json, where CASES.json is
// { "modules": [{ "name", "path", "spec": { "errorName", "codes": [{ "code", "status",
// "title", "description", "retryable", "docsUrl", and when the spec uses them
// "messageTemplate", "params", "deprecated", "replacedBy" }], "keys": [an entry's keys in
// order], "messageOnly": [for each code, whether `errorBody(code, message)` builds its body] }
// }] }.
// tests/format_v2.rs writes it and runs this script after tsc has compiled the modules.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
assert.ok(cases.modules.length > 0, "no modules to test");

/** A message that must survive a body unchanged. */
const MESSAGE = 'a "quoted" message, ünïcödé 🚀, </script>, \\ and \u2028';

/** Codes no spec has, among them what every object inherits. */
const UNKNOWN = [
  "no.such-code",
  "__proto__",
  "toString_",
  "hasOwnProperty",
  "",
];

for (const { name, path, spec } of cases.modules) {
  const load = () => import(pathToFileURL(path).href);

  test(`${name}: ERROR_CODES holds every code of the spec, in order, as written`, async () => {
    const { ERROR_CODES } = await load();
    assert.equal(ERROR_CODES.length, spec.codes.length);
    ERROR_CODES.forEach((info, index) => {
      const { name: _name, ...facts } = info;
      // JSON has no `undefined`: a code without a URL (a template, a deprecation, a
      // replacement) comes as `null`.
      const expected = { ...spec.codes[index] };
      for (const key of [
        "docsUrl",
        "messageTemplate",
        "deprecated",
        "replacedBy",
      ]) {
        if (expected[key] === null) {
          expected[key] = undefined;
        }
      }
      assert.deepEqual(facts, expected, `code ${info.code}`);
      assert.deepEqual(Object.keys(info), spec.keys);
    });
  });

  test(`${name}: ErrorCode maps each code's name to its wire code, and nothing else`, async () => {
    const { ErrorCode, ERROR_CODES } = await load();
    assert.deepEqual(
      Object.entries(ErrorCode),
      ERROR_CODES.map((info) => [info.name, info.code]),
    );
  });

  test(`${name}: errorCodeInfo and isErrorCode find each code, and no other`, async () => {
    const { errorCodeInfo, ERROR_CODES, isErrorCode, isRetryable } =
      await load();
    for (const info of ERROR_CODES) {
      assert.equal(errorCodeInfo(info.code), info);
      assert.equal(isErrorCode(info.code), true);
      assert.equal(isRetryable(info.code), info.retryable);
    }
    for (const code of UNKNOWN) {
      if (spec.codes.some((known) => known.code === code)) continue;
      assert.equal(errorCodeInfo(code), undefined, code);
      assert.equal(isErrorCode(code), false, code);
      assert.equal(isRetryable(code), false, code);
    }
    for (const value of [undefined, null, 1, {}, []]) {
      assert.equal(isErrorCode(value), false);
    }
  });

  test(`${name}: the exported data is frozen, deeply`, async () => {
    const { ERROR_CODES, ErrorCode, errorCodeInfo, isRetryable } = await load();
    assert.ok(Object.isFrozen(ErrorCode));
    assert.ok(Object.isFrozen(ERROR_CODES));
    for (const info of ERROR_CODES) {
      assert.ok(Object.isFrozen(info), info.code);
      // A spec with parameters or templates gives every code a list of them.
      if (info.params !== undefined) {
        assert.ok(Object.isFrozen(info.params), `${info.code}: params`);
        for (const param of info.params) {
          assert.ok(Object.isFrozen(param), `${info.code}: ${param.name}`);
        }
      }
    }
    const [first] = ERROR_CODES;
    const retryable = first.retryable;
    // A module is strict code, where writing to a frozen object throws.
    assert.throws(() => {
      first.retryable = !retryable;
    }, TypeError);
    assert.throws(() => {
      first.status = 200;
    }, TypeError);
    assert.throws(() => ERROR_CODES.push(first), TypeError);
    assert.throws(() => {
      ERROR_CODES[0] = { ...first, retryable: !retryable };
    }, TypeError);
    assert.throws(() => {
      ErrorCode[first.name] = "changed";
    }, TypeError);
    assert.throws(() => {
      ErrorCode.Added = "added";
    }, TypeError);
    const withParams = ERROR_CODES.find((info) => info.params?.length > 0);
    if (withParams !== undefined) {
      const [param] = withParams.params;
      assert.throws(() => {
        param.optional = !param.optional;
      }, TypeError);
      assert.throws(() => withParams.params.pop(), TypeError);
    }
    // Sloppy code (a `Function` body is not strict) writes nothing, silently.
    const sloppy = new Function(
      "codes",
      "table",
      "codes[0].retryable = !codes[0].retryable; table.Added = 1; return codes[0].retryable;",
    );
    assert.equal(sloppy(ERROR_CODES, ErrorCode), retryable);
    assert.equal(Object.hasOwn(ErrorCode, "Added"), false);
    // What every importer reads is unchanged.
    assert.equal(isRetryable(first.code), retryable);
    assert.equal(errorCodeInfo(first.code), first);
    assert.equal(ErrorCode[first.name], first.code);
  });

  test(`${name}: errorCodesForStatus gives the codes of a status in spec order`, async () => {
    const { errorCodesForStatus } = await load();
    for (let status = 0; status < 700; status++) {
      const expected = spec.codes.filter((code) => code.status === status);
      const found = errorCodesForStatus(status).map((info) => info.code);
      assert.deepEqual(
        found,
        expected.map((code) => code.code),
        `${status}`,
      );
    }
  });

  test(`${name}: errorBody builds the body every target agrees on, and the guards accept it`, async () => {
    const { errorBody, isErrorBody, isKnownErrorBody, ERROR_NAME } =
      await load();
    assert.equal(ERROR_NAME, spec.errorName);
    const messageOnly = spec.codes.filter((_, i) => spec.messageOnly[i]);
    for (const code of messageOnly) {
      const body = errorBody(code.code, MESSAGE);
      assert.deepEqual(body, {
        error: {
          name: spec.errorName,
          status: code.status,
          code: code.code,
          message: MESSAGE,
        },
      });
      const parsed = JSON.parse(JSON.stringify(body));
      assert.ok(isErrorBody(parsed));
      assert.ok(isKnownErrorBody(parsed));
    }
  });

  test(`${name}: the guard accepts a code the spec lacks and refuses malformed bodies`, async () => {
    const { isErrorBody, isKnownErrorBody, errorCodeInfo } = await load();
    const newer = {
      error: {
        name: "Error",
        status: 418,
        code: "added.later",
        message: "m",
        extra: 1,
      },
      trace: "abc",
    };
    assert.ok(isErrorBody(newer));
    assert.equal(isKnownErrorBody(newer), false);
    assert.equal(errorCodeInfo(newer.error.code), undefined);
    const good = { name: "Error", status: 400, code: "x", message: "m" };
    const bad = [
      null,
      [],
      "body",
      { error: null },
      { error: [] },
      { error: { ...good, code: undefined } },
      { error: { ...good, code: 5 } },
      { error: { ...good, message: undefined } },
      { error: { ...good, status: "400" } },
      { error: { ...good, status: 600 } },
      { error: { ...good, name: 1 } },
      // Only a value's own properties count, not those it inherits.
      Object.create({ error: good }),
      { error: Object.create(good) },
      ...["name", "status", "code", "message"].map((key) => {
        const { [key]: inherited, ...own } = good;
        return {
          error: Object.assign(Object.create({ [key]: inherited }), own),
        };
      }),
    ];
    for (const body of bad) {
      assert.equal(isErrorBody(body), false, JSON.stringify(body));
      assert.equal(isKnownErrorBody(body), false, JSON.stringify(body));
    }
  });
}
