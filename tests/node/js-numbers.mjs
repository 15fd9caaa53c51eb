// Prints JavaScript's String(n) of each number in the file named by the first argument, one
// per line, each given as the 16 hexadecimal digits of its IEEE 754 bits: the reference the
// Rust target's message text is held to (tests/catalog_rust.rs).
import { readFileSync } from "node:fs";

const view = new DataView(new ArrayBuffer(8));
const lines = readFileSync(process.argv[2], "utf8")
  .split("\n")
  .filter((line) => line !== "");
const out = lines.map((hex) => {
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return String(view.getFloat64(0));
});
process.stdout.write(out.join("\n") + "\n");
