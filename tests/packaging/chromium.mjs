// Loads a page in headless Chromium (Debian's, never a downloaded one) and prints
// what it logs. Files come from a directory through request interception, so no
// server or port is needed. Usage: node chromium.mjs <dir> <page.html>
import { chromium } from "playwright-core";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [dir, page] = process.argv.slice(2);
const ORIGIN = "http://package.test";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
const DONE = "__done__";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const tab = await browser.newPage();
  await tab.route(`${ORIGIN}/**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname));
    try {
      await route.fulfill({ body: await readFile(join(dir, path)), contentType: TYPES[extname(path)] ?? "application/octet-stream" });
    } catch {
      await route.fulfill({ status: 404, body: "not found" });
    }
  });
  const failures = [];
  const done = new Promise((resolve) => {
    tab.on("console", (m) => {
      if (m.text() === DONE) resolve();
      else if (m.type() === "error") failures.push(m.text());
      else console.log(m.text());
    });
    tab.on("pageerror", (e) => {
      failures.push(e.message);
      resolve();
    });
  });
  await tab.goto(`${ORIGIN}/${page}`);
  await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`${page}: timed out`)), 20_000))]);
  if (failures.length) throw new Error(`${page}: ${failures.join("\n")}`);
} finally {
  await browser.close();
}
