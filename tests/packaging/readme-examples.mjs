// Extracts the README's runnable examples: each ```js block after an
// `<!-- example: NAME -->` marker, and the ```text block after it, which is
// what the example prints. Writes NAME.mjs and NAME.expected into <outdir>.
// Usage: node readme-examples.mjs <README.md> <outdir>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [readme, outdir] = process.argv.slice(2);
const text = readFileSync(readme, "utf8");
const marker = /<!-- example: ([\w-]+) -->\s*```js\n([\s\S]*?)```\s*(?:[^`]*?)```text\n([\s\S]*?)```/g;
const found = [...text.matchAll(marker)];
if (found.length === 0) throw new Error(`${readme}: no <!-- example: NAME --> blocks`);
for (const [, name, code, expected] of found) {
  writeFileSync(join(outdir, `${name}.mjs`), code);
  writeFileSync(join(outdir, `${name}.expected`), expected);
  console.log(name);
}
