// The TypeScript side of format v2's conformance test. For each module: the JSON text of
// `errorBody(code, message)` for every code and message (`null` for a code that does not
// take a message alone: one with a template or parameters), and for each body (JSON text that
// the compiled Rust serialized, or a body with a code no spec has), whether `isErrorBody`
// accepts it once parsed and which known code `errorCodeInfo` finds. Prints JSON;
// tests/format_v2.rs compares it with the Rust side and the OpenAPI schemas.
//
// Usage: node conformance-v2.mjs CASES.json, where CASES.json is
// [{ "module": "path/to/error-codes.js", "messages": ["..."], "messageOnly": ["code", ...],
//    "bodies": ["{...}"] }].

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));

const results = [];
for (const { module, messages, messageOnly, bodies } of cases) {
  const { ERROR_CODES, errorBody, errorCodeInfo, isErrorBody } = await import(
    pathToFileURL(module).href
  );
  const built = ERROR_CODES.map((info) => ({
    code: info.code,
    bodies: messageOnly.includes(info.code)
      ? messages.map((message) => JSON.stringify(errorBody(info.code, message)))
      : null,
  }));
  const read = bodies.map((text) => {
    const body = JSON.parse(text);
    if (!isErrorBody(body)) {
      return { accepted: false };
    }
    return {
      accepted: true,
      known: errorCodeInfo(body.error.code)?.code ?? null,
      message: body.error.message,
    };
  });
  results.push({ built, read });
}
console.log(JSON.stringify(results));
