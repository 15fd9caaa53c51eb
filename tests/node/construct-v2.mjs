// Builds error bodies with the `errorBody` of a compiled format v2 module, for tests that hold
// it to another target's bodies (or to bodies written out by hand).
//
// Usage: node construct-v2.mjs MODULE.js < LINES, where each line of LINES is a JSON object
// { "code": "quota_exceeded", "params": { "limit": 100, ... }, "message": "..." }: `params`
// and `message` may be left out or `null`. For each line it prints one line, the JSON text of
// the body, as `JSON.stringify` writes it (members in the order `errorBody` made them):
// `errorBody(code, params)` for a code with a message template (the message is ignored),
// `errorBody(code, message, params)` for one without (a spec with no parameters and no
// templates has only these). A code the module does not know, or a line that is not such an
// object, stops the script with an error naming the line, and exit code 1.
//
// Numbers in the JSON lines are read by `JSON.parse`, so `-0` is -0, and `1e21` is 1e21.

import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const [path] = process.argv.slice(2);
if (path === undefined) {
  throw new Error("usage: node construct-v2.mjs MODULE.js < LINES");
}
const { errorBody, errorCodeInfo } = await import(pathToFileURL(path).href);

let number = 0;
for await (const line of createInterface({ input: process.stdin })) {
  number += 1;
  if (line.trim() === "") {
    continue;
  }
  const { code, params, message } = JSON.parse(line);
  const info = errorCodeInfo(code);
  if (info === undefined) {
    throw new Error(
      `line ${number}: ${path} has no code ${JSON.stringify(code)}`,
    );
  }
  const args =
    info.messageTemplate === undefined
      ? [message ?? undefined, params ?? undefined]
      : [params ?? undefined];
  process.stdout.write(`${JSON.stringify(errorBody(code, ...args))}\n`);
}
