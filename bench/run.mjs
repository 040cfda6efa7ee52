// The benchmark (README "Benchmark"): validate and buildRequest through the built
// npm package (pkg/, from scripts/package.sh), against hand-written JS and ajv,
// in Node (this process) and then in headless Chromium (Debian's), each in
// interleaved rounds after checking that every implementation gives the same
// output. Usage: node bench/run.mjs [--node | --chromium] [--rounds N]
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cases, measure, report, verify } from "./harness.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1] || 15) || 15;
const only = args.find((a) => a === "--node" || a === "--chromium");
if (!existsSync(`${root}pkg/package.json`)) {
  console.error("bench: no pkg/ yet; run ./scripts/package.sh first");
  process.exit(1);
}

if (only !== "--chromium") {
  // Resolved through pkg/package.json's "exports", as a user's require() is.
  const pkg = createRequire(import.meta.url)("../pkg");
  verify(pkg);
  const list = await measure(cases(pkg), { rounds, now: () => performance.now() });
  console.log(report(list, `Node ${process.version}`), "\n");
}

if (only !== "--node") {
  const { build } = await import("esbuild");
  const { chromium } = await import("playwright-core");
  const bundle = await build({ entryPoints: [`${root}bench/page.mjs`], bundle: true, format: "esm", write: false, logLevel: "warning" });
  const ORIGIN = "http://bench.test";
  const files = {
    "/": ["text/html", '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script>'],
    "/bench.js": ["text/javascript", bundle.outputFiles[0].contents],
    "/smartag_request_bg.wasm": ["application/wasm", readFileSync(`${root}pkg/web/smartag_request_bg.wasm`)],
  };
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const page = await browser.newPage();
    // Cross-origin isolation gives performance.now() its finer (5 µs) resolution.
    const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
    await page.route(`${ORIGIN}/**`, (route) => {
      const file = files[new URL(route.request().url()).pathname];
      return file ? route.fulfill({ contentType: file[0], body: Buffer.from(file[1]), headers }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => typeof globalThis.bench === "function");
    const list = await page.evaluate((options) => globalThis.bench(options), { rounds });
    console.log(report(list, `Chromium ${browser.version()} (headless)`));
  } finally {
    await browser.close();
  }
}
