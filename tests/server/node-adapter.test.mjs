// toNodeListener: both handlers mounted in real node:http servers on 127.0.0.1,
// and the server half loaded from the packaged layout (server/ next to the build).
import test from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import h from "./helpers.cjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const { mod, server, ID, SECRET, PARAMS, read } = h;
const SOFT = "CreateSmartAccessGatewaySoftware";

function listen(listener) {
  return new Promise((resolve) => {
    const s = http.createServer(listener);
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
}
const close = (s) => new Promise((resolve) => s.close(resolve));
const base = (s) => `http://127.0.0.1:${s.address().port}`;

async function stack(extra = {}) {
  const emu = server.createGatewayEmulator({ module: mod, credentials: [{ accessKeyId: ID, accessKeySecret: SECRET }] });
  const gw = await listen(server.toNodeListener(emu));
  const handler = server.createOrderHandler({ module: mod, accessKeyId: ID, accessKeySecret: SECRET, endpoint: base(gw), log: false, ...extra });
  const api = await listen(server.toNodeListener(handler));
  return { emu, gw, api, done: async () => (await close(api), await close(gw)) };
}

test("over real HTTP: the order handler and the emulator in node:http (V3 and V1)", async () => {
  for (const signature of ["v3", "v1"]) {
    const s = await stack({ signature });
    try {
      const r = await read(await fetch(`${base(s.api)}/order`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: SOFT, params: PARAMS[SOFT] }) }));
      assert.equal(r.status, 200, r.text);
      assert.match(r.json.result.OrderId, /^\d{15}$/);
      assert.equal(s.emu.stats.orders, 1);
      const g = await fetch(`${base(s.api)}/order`);
      assert.equal(g.status, 405);
      assert.equal(g.headers.get("allow"), "POST");
    } finally {
      await s.done();
    }
  }
});

test("over real HTTP: a streamed 1 MB body without Content-Length is cut off at 64 KB with 413; nothing reaches the gateway", async () => {
  const s = await stack();
  try {
    const status = await new Promise((resolve, reject) => {
      const req = http.request(`${base(s.api)}/order`, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", (err) => (err.code === "EPIPE" || err.code === "ECONNRESET" ? resolve("reset") : reject(err)));
      let sent = 0;
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (sent < 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    assert.ok(status === 413 || status === "reset", `got ${status}`);
    assert.equal(s.emu.stats.requests, 0);
  } finally {
    await s.done();
  }
});

test("over real HTTP: a lying Content-Length does not let a larger body through", async () => {
  const s = await stack();
  try {
    // A declared length of 10 with a 70 KB body: Node's parser reads 10 bytes as the
    // body; the rest is a malformed next request. Either way, no order is sent.
    const body = JSON.stringify({ action: SOFT, params: { ...PARAMS[SOFT], BuyerMessage: "x".repeat(70 * 1024) } });
    const status = await new Promise((resolve) => {
      const req = http.request(`${base(s.api)}/order`, { method: "POST", headers: { "content-type": "application/json", "content-length": "10" } });
      req.on("response", (res) => (res.resume(), resolve(res.statusCode)));
      req.on("error", () => resolve("reset"));
      req.end(body.slice(0, 10));
    });
    assert.equal(status, 400);
    assert.equal(s.emu.stats.requests, 0);
  } finally {
    await s.done();
  }
});

test("over real HTTP: refusals of an unread body (415, 403, 413) are delivered and the server lives on", async () => {
  const s = await stack({ authorize: (r) => r.headers.get("x-ok") === "1" });
  try {
    for (const [contentType, ok, size, status] of [
      ["text/plain", "1", 100, 415],
      ["application/json", "0", 100, 403],
      ["text/plain", "1", 300_000, 415],
      ["application/json", "0", 300_000, 403],
      ["application/json", "1", 300_000, 413],
    ]) {
      const r = await fetch(`${base(s.api)}/order`, { method: "POST", headers: { "content-type": contentType, "x-ok": ok }, body: "x".repeat(size) });
      assert.equal(r.status, status, `${contentType} ${ok} ${size}`);
      await r.text();
    }
    const r = await fetch(`${base(s.api)}/order`, { method: "POST", headers: { "content-type": "application/json", "x-ok": "1" }, body: JSON.stringify({ action: SOFT, params: PARAMS[SOFT] }) });
    assert.equal(r.status, 200);
    assert.equal(s.emu.stats.requests, 1);
  } finally {
    await s.done();
  }
});

test("the packaged layout: server/ next to the Node build loads it without options.module", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smartag-server-"));
  try {
    fs.cpSync(h.PKG, dir, { recursive: true });
    fs.cpSync(path.join(here, "../../js/server"), path.join(dir, "server"), { recursive: true });
    const packaged = require(path.join(dir, "server/index.cjs"));
    const emu = packaged.createGatewayEmulator({ credentials: [{ accessKeyId: ID, accessKeySecret: SECRET }] });
    const handler = packaged.createOrderHandler({ accessKeyId: ID, accessKeySecret: SECRET, log: false, fetch: (u, i) => emu(new Request(u, i)) });
    const r = await read(await handler(new Request("http://x/", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: SOFT, params: PARAMS[SOFT] }) })));
    assert.equal(r.status, 200, r.text);
    // ES modules import it by name too (cjs-module-lexer sees the exports).
    const esm = await import(path.join(dir, "server/index.cjs"));
    assert.equal(typeof esm.createOrderHandler, "function");
    assert.equal(typeof esm.createGatewayEmulator, "function");
    assert.equal(typeof esm.toNodeListener, "function");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
