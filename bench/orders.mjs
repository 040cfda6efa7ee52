// Load benchmark of the order path (not a test): N orders sent at once by
// clients over HTTP to the order handler, which rebuilds, signs (V3 by default)
// and sends each to the gateway emulator over HTTP. Everything on 127.0.0.1,
// real node:http servers on ephemeral ports; nothing leaves the machine.
//
//   SMARTAG_PKG=pkg-node node bench/orders.mjs [--orders 200] [--signature v3|v1] [--deadline-ms 60000]
//
// It fails (exit 1) unless every order is answered with an OrderId, no order is
// placed twice (distinct OrderIds, the emulator counted exactly N requests and N
// orders) and the whole run ends before the deadline. Prints orders/s and the
// latency percentiles seen by the clients.
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg("orders", 200));
const signature = arg("signature", "v3");
const deadlineMs = Number(arg("deadline-ms", 60_000));
if (!(Number.isInteger(N) && N > 0 && N <= 10_000)) throw new RangeError("--orders must be 1..10000");

const pkg = path.resolve(process.env.SMARTAG_PKG ?? path.join(here, "../pkg-node"));
const mod = require(pkg);
const { createOrderHandler, createGatewayEmulator, toNodeListener } = require("../js/server/index.cjs");

const ID = "LTAI5tBenchKey0001";
const SECRET = "bench-secret-never-printed";
const ORDERS = [
  ["CreateSmartAccessGatewaySoftware", { RegionId: "cn-shanghai", Period: 12, AutoPay: true, ChargeType: "PREPAY", UserCount: 5, DataPlan: 5 }],
  ["UpgradeSmartAccessGatewaySoftware", { RegionId: "cn-hangzhou", SmartAGId: "sag-bench0001", UserCount: 10, DataPlan: 5, AutoPay: "true" }],
  [
    "CreateSmartAccessGateway",
    {
      RegionId: "ap-southeast-1", AutoPay: true, BuyerMessage: "bench", ChargeType: "PREPAY", HardWareSpec: "sag-1000", HaType: "no_backup",
      MaxBandWidth: 100, Period: 12, ReceiverName: "Bench", ReceiverMobile: "13800000000", ReceiverEmail: "bench@example.com",
      ReceiverCountry: "SG", ReceiverState: "SG", ReceiverCity: "Singapore", ReceiverDistrict: "Central", ReceiverTown: "Downtown",
      ReceiverAddress: "1 Bench Road", ReceiverZip: "018956",
    },
  ],
];

const listen = (listener) =>
  new Promise((resolve) => {
    const s = http.createServer(listener);
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
const close = (s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)));

const emulator = createGatewayEmulator({ module: mod, credentials: [{ accessKeyId: ID, accessKeySecret: SECRET }] });
const gateway = await listen(toNodeListener(emulator));
const handler = createOrderHandler({
  module: mod,
  accessKeyId: ID,
  accessKeySecret: SECRET,
  signature,
  endpoint: `http://127.0.0.1:${gateway.address().port}`,
  timeoutMs: deadlineMs,
});
const api = await listen(toNodeListener(handler));
const url = `http://127.0.0.1:${api.address().port}/order`;

const deadline = setTimeout(() => {
  console.error(`bench/orders: FAILED: not done within ${deadlineMs} ms (${emulator.stats.orders} orders placed)`);
  process.exit(1);
}, deadlineMs);

// One warm-up order (JIT, connection set-up), not counted.
await (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: ORDERS[0][0], params: ORDERS[0][1] }) })).text();
emulator.reset();

const start = performance.now();
const results = await Promise.all(
  Array.from({ length: N }, async (_, i) => {
    const [action, params] = ORDERS[i % ORDERS.length];
    const t = performance.now();
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action, params }) });
      const body = await res.json();
      return { ms: performance.now() - t, status: res.status, orderId: body.ok ? body.result.OrderId : undefined, code: body.code };
    } catch (err) {
      return { ms: performance.now() - t, status: 0, code: String(err && err.message) };
    }
  }),
);
const wall = performance.now() - start;
clearTimeout(deadline);
await close(api);
await close(gateway);

const failed = results.filter((r) => r.status !== 200 || !/^\d{15}$/.test(r.orderId ?? ""));
const ids = new Set(results.map((r) => r.orderId).filter(Boolean));
const lat = results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p) => lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)];

console.log(`bench/orders: ${N} concurrent orders, signature ${signature}, client -> handler -> emulator over HTTP on 127.0.0.1 (Node ${process.version})`);
console.log(`  wall ${wall.toFixed(0)} ms, ${((N / wall) * 1000).toFixed(0)} orders/s`);
console.log(`  latency ms: p50 ${pct(50).toFixed(1)}, p90 ${pct(90).toFixed(1)}, p99 ${pct(99).toFixed(1)}, max ${lat[lat.length - 1].toFixed(1)}`);
console.log(`  answered with an OrderId: ${N - failed.length}/${N}; distinct OrderIds: ${ids.size}; emulator requests ${emulator.stats.requests}, orders ${emulator.stats.orders}`);

const problems = [];
if (failed.length) problems.push(`${failed.length} orders without an OrderId (first: ${JSON.stringify(failed[0])})`);
if (ids.size !== N - failed.length) problems.push("an OrderId was answered twice");
if (emulator.stats.orders !== N) problems.push(`the emulator placed ${emulator.stats.orders} orders, not ${N}`);
if (emulator.stats.requests !== N) problems.push(`the emulator got ${emulator.stats.requests} requests, not ${N} (a retry or a lost order)`);
if (new Set(emulator.orders.map((o) => o.OrderId)).size !== emulator.orders.length) problems.push("the emulator placed an order twice");
if (problems.length) {
  console.error(`bench/orders: FAILED: ${problems.join("; ")}`);
  process.exit(1);
}
console.log("bench/orders: OK (none lost, none placed twice)");
