// Bundles each spec's generated TypeScript with the pinned esbuild (minified, tree-shaken, as an
// ES module), once from an entry that imports only `ErrorCode` and once from one that imports
// everything, and checks that the first bundle holds none of the spec's titles and descriptions
// and the second holds them all: a program that only names codes does not ship their text.
//
// Usage: node tree-shaking.test.mjs CASES.json, where CASES.json is
// { "modules": [{ "name", "source", "texts": [title, description or other text, ...] }] }.
// tests/typescript_target.rs (format v1) and tests/format_v2.rs (v2) write it and run this script.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { test } from "node:test";
import * as esbuild from "esbuild";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
assert.ok(cases.modules.length > 0, "no modules to test");

/** The minified, tree-shaken ES module bundle of `entry`, which imports `source`. */
async function bundle(source, entry) {
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: dirname(source), loader: "ts" },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    // Text as written, so that a description is found as itself.
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/**
 * The longest run of letters, digits, spaces and `,.-` in `text`, which esbuild writes into a
 * string literal as it is, whatever quotes and escapes the rest of the text needs; `undefined`
 * when it is shorter than 6 characters or holds none of ` ,.-`, since a code's name (which
 * the bundle of `ErrorCode` does hold) is letters and digits alone.
 */
function probe(text) {
  const runs = text.match(/[A-Za-z0-9 ,.-]+/g) ?? [];
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), "");
  const usable = longest.trim().length >= 6 && /[ ,.-]/.test(longest.trim());
  return usable ? longest : undefined;
}

for (const { name, source, texts } of cases.modules) {
  test(`${name}: an entry that imports only ErrorCode leaves the titles and descriptions out`, async () => {
    const spec = JSON.stringify(source);
    const codeOnly = await bundle(
      source,
      `import { ErrorCode } from ${spec};\nconsole.log(ErrorCode);\n`,
    );
    const everything = await bundle(
      source,
      `import * as errors from ${spec};\nconsole.log(errors);\n`,
    );
    const probes = texts.map(probe).filter((p) => p !== undefined);
    assert.ok(probes.length > 0, "no text long enough to look for");
    for (const text of probes) {
      assert.ok(everything.includes(text), `the full bundle lacks ${text}`);
      assert.ok(!codeOnly.includes(text), `ErrorCode's bundle holds ${text}`);
    }
    // What ErrorCode itself is does stay: every code's name.
    assert.match(codeOnly, /Object\.freeze/);
  });
}
