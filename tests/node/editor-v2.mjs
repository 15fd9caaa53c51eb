// What an editor shows for a file that uses a generated module, asked of the language service
// of the pinned TypeScript 5 (the one VS Code and other editors run): which names it
// strikes through as deprecated, and the signature it shows at each marker `/*?*/` of the
// file (as a call's parameter hints). Prints JSON; tests/catalog_typescript.rs checks it.
//
// Usage: node editor-v2.mjs TSCONFIG.json FILE.ts, where FILE.ts imports the module by a
// relative path and both are under the tsconfig's folder. Prints
// { "deprecated": ["CardExpired", ...], "signatures": ["errorBody(code: ...): ...", ...],
//   "errors": ["...", ...] }, `errors` being the file's own compile errors.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript-5";

const [tsconfig, file] = process.argv.slice(2).map((path) => resolve(path));
const config = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic(diagnostic) {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText));
  },
});
const service = ts.createLanguageService({
  getScriptFileNames: () => [file],
  getScriptVersion: () => "1",
  getScriptSnapshot: (name) => {
    const text = ts.sys.readFile(name);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => process.cwd(),
  getCompilationSettings: () => config.options,
  getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
});

const text = readFileSync(file, "utf8");
const deprecated = service
  .getSuggestionDiagnostics(file)
  .filter((diagnostic) => diagnostic.reportsDeprecated)
  .map((diagnostic) =>
    text.slice(diagnostic.start, diagnostic.start + diagnostic.length),
  );
const signatures = [...text.matchAll(/\/\*\?\*\//g)].map((marker) => {
  const help = service.getSignatureHelpItems(file, marker.index, undefined);
  const item = help?.items[help.selectedItemIndex];
  if (item === undefined) {
    return null;
  }
  const parameters = item.parameters.flatMap((parameter, index) => [
    ...(index > 0 ? item.separatorDisplayParts : []),
    ...parameter.displayParts,
  ]);
  return ts.displayPartsToString([
    ...item.prefixDisplayParts,
    ...parameters,
    ...item.suffixDisplayParts,
  ]);
});
const errors = service
  .getSemanticDiagnostics(file)
  .map((diagnostic) =>
    ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
  );
console.log(JSON.stringify({ deprecated, signatures, errors }));
