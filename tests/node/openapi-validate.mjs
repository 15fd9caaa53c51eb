// Validates OpenAPI documents with the pinned @readme/openapi-parser: each is parsed, its
// `$ref`s resolved (external files included), and checked against the official schema of its
// OpenAPI version and the rules that schema cannot express (duplicate operation ids, path
// parameters, ...). Prints, as JSON, each document's errors and warnings, and the document as
// the parser's own YAML reader (js-yaml) reads it, before references are resolved; the Rust
// test asserts.
//
// Usage: node openapi-validate.mjs DOCUMENT...

import { parse, validate } from "@readme/openapi-parser";

const documents = process.argv.slice(2);
if (documents.length === 0) {
  throw new Error("no documents to validate");
}

const reports = [];
for (const path of documents) {
  try {
    const result = await validate(path, {
      validate: { errors: { colorize: false } },
    });
    reports.push({
      path,
      errors: (result.errors ?? []).map((error) => error.message),
      warnings: result.warnings.map((warning) => warning.message),
      document: await parse(path),
    });
  } catch (error) {
    // A document that cannot be read or parsed at all.
    reports.push({
      path,
      errors: [String(error)],
      warnings: [],
      document: null,
    });
  }
}
console.log(JSON.stringify(reports));
