// What holds a valid build back in Node (README "Benchmark"): the JS half of the
// module's boundary timed alone (packing the arguments, decoding the result's
// bytes, making the result object), beside the whole buildRequest and the
// hand-written JS, on the valid seed request, in interleaved rounds. The hand JS
// divided by the JS half is the most any module could reach with this boundary.
// Usage: node bench/floor.mjs [--rounds N]; needs pkg/ (scripts/package.sh).
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { handBuild } from "./baseline.mjs";
import { INPUTS, OPTIONS, measure } from "./harness.mjs";

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1] || 21) || 21;
const require = createRequire(import.meta.url);
const pkg = require("../pkg");
// The package's own copy of js/boundary.js, the module instance its glue uses.
const snippets = fileURLToPath(new URL("../pkg/node/snippets/", import.meta.url));
const boundary = require(`${snippets}${readdirSync(snippets)[0]}/js/boundary.js`);

const action = "CreateSmartAccessGatewaySoftware";
const params = INPUTS[action].valid;
const built = pkg.buildRequest(action, params, OPTIONS); // also hands readCall its name lists
// The result text the module hands v1Result (see v1_packed in src/wasm.rs), and its bytes.
const packed = [built.method, built.canonicalQuery, built.stringToSign, new URL(built.url).host, "floor"].join("\n");
const bytes = new TextEncoder().encode(packed);
const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
const buffer = new Uint8Array(1024);
const BUILD_OPTIONS = 0; // the id of buildRequest's option names (src/wasm.rs)

const list = [
  ["packing the arguments (readCall)", () => boundary.readCall(action, params, OPTIONS, BUILD_OPTIONS, undefined, undefined, 1 << 20, 1000, buffer)],
  ["decoding the result's bytes (TextDecoder)", () => decoder.decode(bytes).length],
  ["making the result object (v1Result)", () => boundary.v1Result(packed).stringToSign.length],
  ["the whole buildRequest", () => pkg.buildRequest(action, params, OPTIONS).stringToSign.length],
  ["the hand-written JS", () => handBuild(params, OPTIONS).stringToSign.length],
].map(([name, run]) => ({ name, run }));
if (boundary.readCall(action, params, OPTIONS, BUILD_OPTIONS, undefined, undefined, 1 << 20, 1000, buffer) <= 0) {
  throw new Error("readCall packed nothing: the boundary has changed");
}
if (JSON.stringify(boundary.v1Result(packed)) !== JSON.stringify(built)) throw new Error("v1Result does not remake the result");

await measure(list, { rounds, now: () => performance.now() });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const us = (c) => c.samples.map((opsPerSecond) => 1e6 / opsPerSecond);
const [pack, decode, result, whole, hand] = list.map(us);
const half = pack.map((p, i) => p + decode[i] + result[i]);
const row = (name, xs, unit = " µs") =>
  `${name.padEnd(50)} ${median(xs).toFixed(2)}${unit} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
console.log(`Node ${process.version}: µs per call, median (min–max) of ${rounds} interleaved rounds\n`);
for (const [i, c] of list.slice(0, 3).entries()) console.log(row(c.name, [pack, decode, result][i]));
console.log(row("the JS half of the boundary (the three above)", half));
console.log(row(list[3].name, whole));
console.log(row(list[4].name, hand));
console.log("\nper round, the hand-written JS's time divided by:");
console.log(row("  the JS half (the most any module could reach)", hand.map((h, i) => h / half[i]), "×"));
console.log(row("  the whole buildRequest (where it is)", hand.map((h, i) => h / whole[i]), "×"));
