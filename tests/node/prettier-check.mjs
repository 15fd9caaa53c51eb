// Checks that each file given is exactly as the pinned prettier formats it with its default
// options (no configuration file is read), as `prettier --check` would, and for each file
// that is not, prints the first line that differs.
//
// Usage: node prettier-check.mjs FILE...

import { readFileSync } from "node:fs";
import * as prettier from "prettier";

const files = process.argv.slice(2);
if (files.length === 0) {
  throw new Error("no files to check");
}

let failed = 0;
for (const file of files) {
  const source = readFileSync(file, "utf8");
  const formatted = await prettier.format(source, { filepath: file });
  if (formatted === source) {
    continue;
  }
  failed += 1;
  const got = source.split("\n");
  const want = formatted.split("\n");
  let line = 0;
  while (got[line] === want[line]) {
    line += 1;
  }
  console.error(`${file}:${line + 1}: not as prettier formats it`);
  console.error(`  generated: ${JSON.stringify(got.slice(line, line + 3))}`);
  console.error(`  prettier:  ${JSON.stringify(want.slice(line, line + 3))}`);
}
console.log(
  `prettier ${prettier.version}: ${files.length - failed} passed, ${failed} failed`,
);
process.exitCode = failed === 0 ? 0 : 1;
