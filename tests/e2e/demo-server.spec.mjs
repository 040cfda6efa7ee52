// scripts/demo-server.mjs as the README's serve command runs it (no test faults):
// each test starts its own copy on a free port. No browser needed.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";

const ORDER = {
  action: "CreateSmartAccessGatewaySoftware",
  params: { RegionId: "cn-shanghai", Period: "12", AutoPay: "true", ChargeType: "PREPAY", UserCount: "5", DataPlan: "5" },
  locale: "en",
};

/** Starts the demo server with `args` and `env` (added to a copy without the ALIBABA_CLOUD_* variables). */
function start(args = [], env = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ALIBABA_CLOUD_") && k !== "SMARTAG_DEMO_TEST_FAULTS"));
  const child = spawn(process.execPath, ["scripts/demo-server.mjs", "--port", "0", ...args], { env: { ...clean, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /the order form is at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 20);
    exited.then((code) => (clearInterval(timer), reject(new Error(`exited ${code}: ${out}`))));
  });
  ready.catch(() => {}); // awaited only by the tests that expect the server up
  return { child, ready, exited, output: () => out };
}

const post = (base, body, headers = {}) =>
  fetch(`${base}/order`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

test("the demo serves the form and its config, orders from the emulator, and ignores the test-fault header", async () => {
  const server = start();
  try {
    const base = await server.ready;
    expect((await fetch(`${base}/`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect((await fetch(`${base}/pkg/smartag_request_bg.wasm`)).headers.get("content-type")).toBe("application/wasm");
    expect(await (await fetch(`${base}/config.json`)).json()).toEqual({ orderEndpoint: "/order" });
    expect(existsSync("www/config.json")).toBe(false); // answered by the server, never written
    const placed = await (await post(base, ORDER, { "x-demo-fault": "Throttling.User" })).json();
    expect(placed).toMatchObject({ ok: true, result: { OrderId: expect.stringMatching(/^\d{15}$/) } });
    // What the demo key looks like in its output: masked, and no secret-like token.
    expect(server.output()).toMatch(/demo AccessKey ID LTAI…[0-9a-f]{4}/);
    expect(server.output()).not.toMatch(/LTAIdemo[0-9a-f]{16}/);
    expect(server.output()).not.toMatch(/[A-Za-z0-9_-]{32}/);
  } finally {
    server.child.kill();
  }
});

test("the demo refuses other hosts' names, other origins, paths out of www/ and GET on /order", async () => {
  const server = start();
  try {
    const base = await server.ready;
    const { port } = new URL(base);
    // Raw requests: fetch would neither set Host nor keep "..", which is what is tried here.
    const raw = (path, headers = {}) =>
      new Promise((resolve, reject) => http.get({ host: "127.0.0.1", port, path, headers }, (res) => (res.resume(), resolve(res.statusCode))).on("error", reject));
    expect(await raw("/", { host: `evil.example:${port}` })).toBe(421); // a DNS-rebinding page's name
    expect(await raw("/")).toBe(200);
    expect((await post(base, ORDER, { origin: "http://evil.example" })).status).toBe(403);
    for (const path of ["/../README.md", "/%2e%2e/README.md", "/..%2fREADME.md", "/pkg/..%2f..%2fCargo.toml", "/.git/HEAD", "/%00"]) {
      expect(await raw(path), path).toBe(404);
    }
    expect((await fetch(`${base}/order`)).status).toBe(405);
  } finally {
    server.child.kill();
  }
});

test("--real without the AccessKey in the environment is refused with a clear message", async () => {
  const server = start(["--real"]);
  expect(await server.exited).toBe(2);
  expect(server.output()).toContain("--real places REAL orders");
  expect(server.output()).toContain("ALIBABA_CLOUD_ACCESS_KEY_ID");
  // Nor with the test faults, ever.
  const faulty = start(["--real"], { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIxxxxxxxxxxxx", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "x".repeat(30), SMARTAG_DEMO_TEST_FAULTS: "1" });
  expect(await faulty.exited).toBe(2);
  expect(faulty.output()).toContain("never with --real");
});

test("--real signs with the environment's AccessKey for the real endpoint (not contacted here)", async () => {
  const server = start(["--real"], { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tExampleKeyId", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "s".repeat(30) });
  try {
    const base = await server.ready;
    expect(server.output()).toContain("REAL ORDERS");
    expect(server.output()).toContain("AccessKey ID LTAI…eyId from the environment"); // masked
    expect(server.output()).not.toContain("LTAI5tExampleKeyId");
    // An invalid order is refused before anything is sent.
    const refused = await post(base, { ...ORDER, params: { ...ORDER.params, UserCount: "7" } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].field).toBe("UserCount");
  } finally {
    server.child.kill();
  }
});
