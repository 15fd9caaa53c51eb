// The TypeScript side of the cross-target conformance test: for each body (JSON text that the
// compiled Rust serialized), whether the generated `isErrorBody` accepts it once parsed, and
// what `errorCodeFromStatus` reports for its status. Prints JSON; tests/conformance.rs compares.
//
// Usage: node conformance.mjs CASES.json, where CASES.json is
// [{ "module": "path/to/error-codes.js", "bodies": ["{\"error\":...}", ...] }].

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));

const results = [];
for (const { module, bodies } of cases) {
  const { errorCodeFromStatus, isErrorBody } = await import(
    pathToFileURL(module).href
  );
  results.push(
    bodies.map((text) => {
      const body = JSON.parse(text);
      if (!isErrorBody(body)) {
        return { accepted: false };
      }
      const info = errorCodeFromStatus(body.error.status);
      return {
        accepted: true,
        info:
          info === undefined
            ? null
            : {
                status: info.status,
                name: info.name,
                title: info.title,
                description: info.description,
              },
      };
    }),
  );
}
console.log(JSON.stringify(results));
