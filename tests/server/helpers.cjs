"use strict";
// Shared set-up for the server tests: the module under test (SMARTAG_PKG, default
// ../../pkg-node, the Node build of scripts/package.sh), the server half from
// js/server/, and a handler wired to an in-process emulator.
const path = require("node:path");

const PKG = path.resolve(process.env.SMARTAG_PKG ?? path.join(__dirname, "../../pkg-node"));
let mod;
try {
  mod = require(PKG);
} catch (err) {
  // Loud, never a silent skip: the whole suite needs the built module.
  throw new Error(`tests/server: cannot load the smartag-request Node build from ${PKG} (set SMARTAG_PKG, or run scripts/package.sh): ${err.message}`);
}
const server = require("../../js/server/index.cjs");

const ID = "LTAI5tTestKeyId0001";
const SECRET = "Zq9-secret-ONLY-in-server-7Hn2xQ";
const TOKEN = "CAIS-sts-token-ONLY-in-server-4Lp";

const PARAMS = {
  CreateSmartAccessGatewaySoftware: { RegionId: "cn-shanghai", Period: 12, AutoPay: true, ChargeType: "PREPAY", UserCount: 5, DataPlan: 5 },
  UpgradeSmartAccessGatewaySoftware: { RegionId: "cn-shanghai", SmartAGId: "sag-abc123def456", UserCount: 10, DataPlan: 5, AutoPay: true },
  CreateSmartAccessGateway: {
    RegionId: "cn-shanghai",
    AutoPay: true,
    BuyerMessage: "leave at the gate",
    ChargeType: "PREPAY",
    HardWareSpec: "sag-1000",
    HaType: "no_backup",
    MaxBandWidth: 50,
    Period: 12,
    ReceiverName: "张三",
    ReceiverMobile: "13800000000",
    ReceiverEmail: "buyer@example.com",
    ReceiverCountry: "China",
    ReceiverState: "Zhejiang",
    ReceiverCity: "Hangzhou",
    ReceiverDistrict: "Xihu",
    ReceiverTown: "Wenxin",
    ReceiverAddress: "No. 1 Example Road",
    ReceiverZip: "310000",
  },
};

function emulator(extra = {}) {
  return server.createGatewayEmulator({ module: mod, credentials: [{ accessKeyId: ID, accessKeySecret: SECRET }], ...extra });
}

/** A handler whose fetch goes to `emu` in process; `seen` records every request sent. */
function wired(emu, extra = {}) {
  const seen = [];
  const fetch = async (url, init) => {
    const req = new Request(url, init);
    seen.push({ url, init, copy: req.clone() });
    return emu(req);
  };
  const handler = server.createOrderHandler({
    module: mod,
    accessKeyId: ID,
    accessKeySecret: SECRET,
    fetch,
    log: false,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
  return { handler, seen };
}

function order(body, init = {}) {
  return new Request("http://shop.example/api/order", {
    method: "POST",
    headers: { "content-type": "application/json", ...(init.headers ?? {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init.extra,
  });
}

async function read(response) {
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const headers = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  return { status: response.status, text, json, headers };
}

/** Every form of the secret and token that would betray them. */
function leaks(text) {
  const found = [];
  for (const s of [SECRET, TOKEN]) {
    for (const form of [s, encodeURIComponent(s), s.slice(0, 12)]) if (text.includes(form)) found.push(form);
  }
  return found;
}

/** Runs `fn` with console.* captured; returns [result, captured text]. */
async function captureConsole(fn) {
  const lines = [];
  const names = ["log", "info", "warn", "error", "debug", "trace"];
  const saved = names.map((n) => console[n]);
  names.forEach((n) => {
    console[n] = (...args) => lines.push(args.map((a) => (typeof a === "string" ? a : require("node:util").inspect(a, { depth: 5 }))).join(" "));
  });
  try {
    return [await fn(), lines.join("\n")];
  } finally {
    names.forEach((n, i) => (console[n] = saved[i]));
  }
}

/** Alibaba's RPC percent-encoding, for building tampered requests in tests. */
const pct = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

module.exports = { PKG, mod, server, ID, SECRET, TOKEN, PARAMS, emulator, wired, order, read, leaks, captureConsole, pct };
