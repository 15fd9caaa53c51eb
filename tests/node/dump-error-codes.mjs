// Prints, as JSON, what each compiled module given says: its table of codes, and for each error
// code whether a body built for it passes the module's own guard. tests/properties.rs compares
// this with the spec it drew, so nothing here knows what the values should be.
//
// Usage: node dump-error-codes.mjs MESSAGE MODULE.js...

import { pathToFileURL } from "node:url";

const [message, ...paths] = process.argv.slice(2);
const modules = {};
for (const path of paths) {
  const generated = await import(pathToFileURL(path).href);
  const bodies = generated.ERROR_CODES.filter((code) => code.status >= 400).map(
    (code) => {
      const body = generated.errorBody(code.status, message);
      return {
        status: code.status,
        accepted: generated.isErrorBody(JSON.parse(JSON.stringify(body))),
        found: generated.errorCodeFromStatus(code.status)?.title,
        message: body.error.message,
      };
    },
  );
  modules[path] = { codes: generated.ERROR_CODES, bodies };
}
process.stdout.write(JSON.stringify(modules));
