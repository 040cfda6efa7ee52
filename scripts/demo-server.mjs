#!/usr/bin/env node
// The demo that scripts/serve.sh runs, in one process on 127.0.0.1:
//   GET  /…            the order form, the static files of www/ (which loads the web build from www/pkg)
//   GET  /config.json  { "orderEndpoint": "/order" }, answered from here: nothing in www/ is written
//   POST /order        smartag-request/server's createOrderHandler, signing with a demo AccessKey made
//                      up for this run and sending to createGatewayEmulator in this process
//                      (nothing leaves the machine; the emulator places no real order)
// With --real (and ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, optional _SECURITY_TOKEN) the handler
// signs with those and sends to the real Smartag endpoint, smartag.<RegionId>.aliyuncs.com: REAL ORDERS.
//
//   node scripts/demo-server.mjs [--port 8080] [--real]     (--port 0: a free port, printed)
//
// Test-only: SMARTAG_DEMO_TEST_FAULTS=1 (Playwright's webServer sets it; never with --real) makes
// POST /order read an `x-demo-fault` header: `<code>` or `<status> <code>` has the emulator refuse
// the order with that gateway error code (Throttling.User, SAG.InvalidUserCount …), and
// `policy <Field>` has the handler's policy refuse it with a problem at that field (a 400 problem
// list). Without the variable the header is ignored.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const usage = "usage: node scripts/demo-server.mjs [--port <port>] [--real]";

const args = process.argv.slice(2);
let port = Number(process.env.PORT ?? 8080);
let real = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--real") real = true;
  else if (args[i] === "--port" && i + 1 < args.length) port = Number(args[++i]);
  else if (args[i] === "--help" || args[i] === "-h") {
    console.log(usage);
    process.exit(0);
  } else {
    console.error(`demo-server: unknown argument ${JSON.stringify(args[i])}\n${usage}`);
    process.exit(2);
  }
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`demo-server: the port must be a whole number from 0 to 65535\n${usage}`);
  process.exit(2);
}
const testFaults = process.env.SMARTAG_DEMO_TEST_FAULTS === "1";
if (real && testFaults) {
  console.error("demo-server: SMARTAG_DEMO_TEST_FAULTS is for the tests against the emulator, never with --real");
  process.exit(2);
}
if (real && !(process.env.ALIBABA_CLOUD_ACCESS_KEY_ID && process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET)) {
  console.error(
    "demo-server: --real places REAL orders with your own AccessKey, and needs it in the environment:\n" +
      "  export ALIBABA_CLOUD_ACCESS_KEY_ID=…  ALIBABA_CLOUD_ACCESS_KEY_SECRET=…  (and ALIBABA_CLOUD_SECURITY_TOKEN=… for STS)\n" +
      "Without --real the demo signs with a made-up key and orders from a local gateway emulator.",
  );
  process.exit(2);
}

// The Node build (scripts/package.sh makes pkg-node/, with server/ in it); SMARTAG_PKG picks another.
const pkgDir = path.resolve(repo, process.env.SMARTAG_PKG ?? "pkg-node");
let server;
try {
  server = createRequire(import.meta.url)(path.join(pkgDir, "server", "index.cjs"));
} catch (error) {
  console.error(`demo-server: the Node build was not found in ${pkgDir} (run ./scripts/package.sh first): ${error.message}`);
  process.exit(1);
}
const { createOrderHandler, createGatewayEmulator, toNodeListener } = server;

const root = await realpath(path.join(repo, "www"));
/** `LTAI…abcd`: enough to tell keys apart, never the whole ID. */
const masked = (id) => (id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : "…");

// --- the order handler, and the emulator it talks to -----------------------------

const faultOf = new AsyncLocalStorage(); // the x-demo-fault header of the order being handled (tests only)
let keyId;
let handlerOptions;
if (real) {
  keyId = process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  // Credentials from ALIBABA_CLOUD_* (the handler's default), the real endpoint, global fetch.
  handlerOptions = {};
} else {
  // A key pair for this run only: random, kept in memory, never printed in full nor written anywhere.
  keyId = `LTAIdemo${randomBytes(8).toString("hex")}`;
  const secret = randomBytes(24).toString("base64url");
  const emulator = createGatewayEmulator({
    credentials: [{ accessKeyId: keyId, accessKeySecret: secret }],
    fault: testFaults ? () => gatewayFault(faultOf.getStore()) : undefined,
  });
  handlerOptions = {
    accessKeyId: keyId,
    accessKeySecret: secret,
    // Never the environment's key in the demo: it orders from the emulator only.
    env: {},
    // In process: the request the handler signed for smartag.<RegionId>.aliyuncs.com goes to the emulator.
    fetch: (url, init) => emulator(new Request(url, init)),
  };
}
const orderHandler = createOrderHandler({
  ...handlerOptions,
  // The page's own origin only (the Host check below keeps other sites' DNS names out).
  authorize: (request) => {
    const origin = request.headers.get("origin");
    return origin === null || origins.has(origin);
  },
  policy: testFaults ? (action, params, { request, locale }) => policyFault(request, locale) : undefined,
  log: (entry) => console.warn(`demo-server: ${JSON.stringify(entry)}`),
});
const orderListener = toNodeListener((request) => faultOf.run(request.headers.get("x-demo-fault"), () => orderHandler(request)));

/** `Throttling.User` or `503 ServiceUnavailable` in x-demo-fault: the emulator's refusal (tests only). */
function gatewayFault(header) {
  const m = /^(?:(\d{3}) )?([A-Za-z][\w.]*)$/.exec(header ?? "");
  return m && !header.startsWith("policy") ? { status: Number(m[1] ?? 400), code: m[2] } : null;
}

/** `policy UserCount` in x-demo-fault: the deployment's policy refuses the order at that field (tests only). */
function policyFault(request, locale) {
  const m = /^policy ([A-Za-z]\w*)$/.exec(request.headers.get("x-demo-fault") ?? "");
  if (!m) return [];
  const message = locale === "zh-CN" ? `本演示不接受这个 ${m[1]}。` : `This demo does not take this ${m[1]}.`;
  return [{ field: m[1], rule: "policy", code: "Demo.Policy", message, params: {}, severity: "error" }];
}

// --- static files -------------------------------------------------------------------

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
const BASE = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "cache-control": "no-cache" };
const CONFIG = JSON.stringify({ orderEndpoint: "/order" });

function send(res, status, type, body, head = false) {
  res.writeHead(status, { ...BASE, "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

async function serveStatic(req, res) {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) {
    res.setHeader("allow", "GET, HEAD");
    return send(res, 405, "text/plain; charset=utf-8", "Method not allowed\n");
  }
  const notFound = () => send(res, 404, "text/plain; charset=utf-8", "Not found\n", head);
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
  } catch {
    return notFound();
  }
  if (pathname === "/config.json") return send(res, 200, TYPES[".json"], CONFIG, head);
  if (pathname.endsWith("/")) pathname += "index.html";
  if (pathname.includes("\0") || pathname.split("/").some((part) => part === ".." || part.startsWith("."))) return notFound();
  try {
    // Resolved and real-pathed inside www/: no way out by .. or a symbolic link.
    const file = await realpath(path.join(root, pathname));
    if (!file.startsWith(root + path.sep) || !(await stat(file)).isFile()) return notFound();
    const body = await readFile(file);
    return send(res, 200, TYPES[path.extname(file)] ?? "application/octet-stream", body, head);
  } catch {
    return notFound();
  }
}

// --- the server -----------------------------------------------------------------------

let hosts = new Set();
let origins = new Set();
const httpServer = http.createServer(async (req, res) => {
  // Only our own names: a DNS-rebinding page (evil.example resolving to 127.0.0.1) is refused.
  if (!hosts.has(req.headers.host)) return send(res, 421, "text/plain; charset=utf-8", "Misdirected request\n");
  const pathname = req.url.split("?")[0];
  if (pathname === "/order") return orderListener(req, res);
  return serveStatic(req, res);
});
httpServer.listen(port, "127.0.0.1", () => {
  const actual = httpServer.address().port;
  hosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
  origins = new Set([...hosts].map((h) => `http://${h}`));
  const where = real
    ? `the REAL Smartag endpoint (smartag.<RegionId>.aliyuncs.com) with AccessKey ID ${masked(keyId)} from the environment: REAL ORDERS, REAL CHARGES`
    : `the gateway emulator in this process (demo AccessKey ID ${masked(keyId)}, a random key pair for this run, kept in memory): nothing leaves this machine`;
  console.log(`demo-server: orders go from POST /order to ${where}`);
  if (testFaults) console.log("demo-server: test faults on (x-demo-fault header)");
  // The line Playwright's webServer waits for, and reads the port from.
  console.log(`demo-server: the order form is at http://127.0.0.1:${actual}/ (Ctrl-C to stop)`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => httpServer.close(() => process.exit(0)).closeAllConnections());
