// Reads error bodies with the guards of a compiled format v2 module, as a client does with a
// parsed response body: for tests that feed it bodies of other versions of the spec, or
// bodies that are wrong on purpose.
//
// Usage: node read-v2.mjs MODULE.js < LINES, where each line of LINES is a JSON value (a
// body). For each line it prints one line of JSON: { "body": isErrorBody(value), "known":
// isKnownErrorBody(value), "code": the code `errorCodeInfo` finds for `error.code`, or null,
// "message": `error.message` (a problem's `detail`) when the value is an error body, else
// null }; or
// { "threw": "..." } when a guard or the lookup throws, which none should.

import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const [path] = process.argv.slice(2);
if (path === undefined) {
  throw new Error("usage: node read-v2.mjs MODULE.js < LINES");
}
const { errorCodeInfo, isErrorBody, isKnownErrorBody } = await import(
  pathToFileURL(path).href
);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "") {
    continue;
  }
  const value = JSON.parse(line);
  let result;
  try {
    const body = isErrorBody(value);
    // errspec's envelope nests the error in `error`; problem details are the error itself.
    const error = body ? (value.error ?? value) : null;
    result = {
      body,
      known: isKnownErrorBody(value),
      code: body ? (errorCodeInfo(error.code)?.code ?? null) : null,
      message: body ? (error.message ?? error.detail) : null,
    };
  } catch (error) {
    result = { threw: String(error) };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
