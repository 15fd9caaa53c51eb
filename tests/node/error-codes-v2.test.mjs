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
    ];
    for (const body of bad) {
      assert.equal(isErrorBody(body), false, JSON.stringify(body));
      assert.equal(isKnownErrorBody(body), false, JSON.stringify(body));
    }
  });
}
