// What the benchmark runs and how, shared by Node (bench/run.mjs) and Chromium
// (bench/page.mjs): the inputs, the check that every implementation gives the
// same output, and the interleaved timing. No Node or DOM APIs here.
import { ajvBuild, ajvValidate, handBuild, handValidate } from "./baseline.mjs";

const SOFTWARE = "CreateSmartAccessGatewaySoftware";
const HARDWARE = "CreateSmartAccessGateway";
const UPGRADE = "UpgradeSmartAccessGatewaySoftware";

// Fixed nonce and time, so every build is a pure function and outputs compare.
export const OPTIONS = { accessKeyId: "testid", nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", timestamp: "2016-02-23T12:46:24Z" };

const RECEIVER = {
  ReceiverName: "张三", ReceiverMobile: "13800000000", ReceiverEmail: "buyer@example.com", ReceiverCountry: "China",
  ReceiverState: "Zhejiang", ReceiverCity: "Hangzhou", ReceiverDistrict: "Xihu", ReceiverTown: "Wenxin",
  ReceiverAddress: "No. 1 Road", ReceiverZip: "310000",
};

// For each action a valid request and an invalid one with exactly three problems.
export const INPUTS = {
  // Seed 000's request (the README's example).
  [SOFTWARE]: {
    valid: { RegionId: "cn-shanghai", Period: 12, AutoPay: true, ChargeType: "PREPAY", UserCount: 5, DataPlan: 5 },
    invalid: { RegionId: "cn-shanghai", Period: 13, AutoPay: true, ChargeType: "prepay", UserCount: 7, DataPlan: 5 },
  },
  [HARDWARE]: {
    valid: { RegionId: "cn-shanghai", AutoPay: true, BuyerMessage: "pls. deliver asap", ChargeType: "PREPAY", HardWareSpec: "sag-1000", HaType: "no_backup", MaxBandWidth: 100, Period: 12, ...RECEIVER },
    invalid: { RegionId: "cn-shanghai", AutoPay: true, BuyerMessage: "pls. deliver asap", ChargeType: "PREPAY", HardWareSpec: "sag-1000", HaType: "no_backup", MaxBandWidth: 600, Period: 12, ...RECEIVER, ReceiverEmail: "buyer-at-example.com", ReceiverZip: "" },
  },
  // Seed 004's request, with its masked instance ID unmasked.
  [UPGRADE]: {
    valid: { AutoPay: "1", DataPlan: "5", RegionId: "cn-shanghai", SmartAGId: "sag-8biez7habqwmx6", UserCount: "5" },
    invalid: { AutoPay: "1", DataPlan: "10", RegionId: "cn-shanghai", SmartAGId: "sag-8biez7habqwmx6****", UserCount: "12" },
  },
};

/**
 * Every benchmark case: `run()` does one operation and returns a number (kept,
 * so the work cannot be optimized away). `pkg` is the module's API.
 */
export function cases(pkg) {
  const out = [];
  const add = (action, op, input, impl, run) => out.push({ action, op, input, impl, run });
  for (const [action, inputs] of Object.entries(INPUTS)) {
    for (const [input, params] of Object.entries(inputs)) {
      add(action, "validate", input, "wasm", () => pkg.validate(action, params).length);
      add(action, "buildRequest", input, "wasm", () => size(pkg.buildRequest(action, params, OPTIONS)));
      if (action !== SOFTWARE) continue;
      add(action, "validate", input, "hand JS", () => handValidate(params).errors.length);
      add(action, "buildRequest", input, "hand JS", () => size(handBuild(params, OPTIONS)));
      add(action, "validate", input, "ajv", () => ajvValidate(params).errors.length);
      add(action, "buildRequest", input, "ajv", () => size(ajvBuild(params, OPTIONS)));
    }
  }
  return out;
}

const size = (r) => (r.ok ? r.stringToSign.length : r.errors.length);

/** Throws unless every implementation gives the module's output for the same input. */
export function verify(pkg) {
  for (const [action, { valid, invalid }] of Object.entries(INPUTS)) {
    const built = pkg.buildRequest(action, valid, OPTIONS);
    const errors = pkg.validate(action, invalid);
    if (!built.ok || pkg.validate(action, valid).some((p) => p.severity === "error")) throw new Error(`${action}: the valid input is refused`);
    if (errors.length !== 3) throw new Error(`${action}: the invalid input has ${errors.length} problems, not 3`);
    if (JSON.stringify(pkg.buildRequest(action, invalid, OPTIONS)) !== JSON.stringify({ ok: false, errors })) {
      throw new Error(`${action}: buildRequest and validate disagree on the invalid input`);
    }
    if (action !== SOFTWARE) continue;
    const same = (what, a, b) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${what} differs from the module's:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
    };
    same("hand JS buildRequest (valid)", handBuild(valid, OPTIONS), built);
    same("ajv buildRequest (valid)", ajvBuild(valid, OPTIONS), built);
    same("hand JS validate (valid)", handValidate(valid).errors, []);
    same("hand JS validate (invalid)", handValidate(invalid).errors, errors);
    same("hand JS buildRequest (invalid)", handBuild(invalid, OPTIONS), { ok: false, errors });
    // ajv's errors are its own objects; they must name the same fields.
    const fields = (list) => [...new Set(list.map((e) => e.field ?? e.instancePath.slice(1)))].sort().join();
    same("ajv's fields in error (invalid)", fields(ajvValidate(invalid).errors), fields(errors));
    same("ajv buildRequest's fields in error (invalid)", fields(ajvBuild(invalid, OPTIONS).errors), fields(errors));
  }
}

/**
 * Times every case in `rounds` interleaved rounds (each round runs every case
 * once, starting at a different case), after sizing each case's batch to take
 * about `batchMs`. Returns the cases with `samples` (ops/s, one per round).
 */
export async function measure(list, { now, rounds = 15, batchMs = 20, pause = async () => {} }) {
  let sink = 0;
  const time = (c, n) => {
    const start = now();
    for (let i = 0; i < n; i++) sink += c.run();
    return now() - start;
  };
  for (const c of list) {
    c.batch = 1;
    while (time(c, c.batch) < batchMs / 4) c.batch *= 2;
    c.batch = Math.max(1, Math.round((c.batch * batchMs) / Math.max(time(c, c.batch), 1e-3)));
    c.samples = [];
  }
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < list.length; i++) {
      const c = list[(i + round) % list.length];
      // A batch sized during a pause (a GC, say) can run faster than the timer ticks
      // (5 µs, or coarser, in a browser): it grows until it lasts long enough to time.
      let elapsed = time(c, c.batch);
      while (elapsed < batchMs / 4) elapsed = time(c, (c.batch *= 2));
      c.samples.push((c.batch * 1000) / elapsed);
    }
    await pause(); // lets a browser page breathe between rounds
  }
  if (Number.isNaN(sink)) throw new Error("unreachable");
  return list;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : n.toFixed(0));

/** The results as text tables: ops/s median (min–max), µs per op, and the ratios. */
export function report(list, title) {
  const stats = (c) => ({ median: median(c.samples), min: Math.min(...c.samples), max: Math.max(...c.samples) });
  const lines = [`${title}: ops/s, median (min–max) of ${list[0].samples.length} interleaved rounds`, ""];
  const row = (cols, widths) => cols.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd();
  const widths = [33, 13, 8, 8, 22, 8];
  lines.push(row(["action", "operation", "input", "impl", "ops/s median (min–max)", "µs/op"], widths));
  for (const c of list.slice().sort(order)) {
    const s = stats(c);
    lines.push(row([c.action, c.op, c.input, c.impl, `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`, (1e6 / s.median).toFixed(2)], widths));
  }
  lines.push("", "ratio: wasm ops/s ÷ baseline ops/s, per round (both ran in it, so a slow spell of the", "machine hits both): median (min–max) over the rounds; > 1 means the module is faster", "");
  const ratioWidths = [33, 13, 8, 22, 22];
  lines.push(row(["action", "operation", "input", "vs hand JS", "vs ajv"], ratioWidths));
  for (const c of list.filter((c) => c.impl === "wasm").sort(order)) {
    const other = (impl) => list.find((o) => o.impl === impl && o.action === c.action && o.op === c.op && o.input === c.input);
    const hand = other("hand JS");
    const ajv = other("ajv");
    if (!hand) continue;
    const ratio = (o) => {
      const each = c.samples.map((s, round) => s / o.samples[round]);
      const two = (n) => n.toFixed(2);
      return `${two(median(each))}× (${two(Math.min(...each))}–${two(Math.max(...each))})`;
    };
    lines.push(row([c.action, c.op, c.input, ratio(hand), ratio(ajv)], ratioWidths));
  }
  return lines.join("\n");
}

const IMPLS = ["wasm", "hand JS", "ajv"];
const order = (a, b) =>
  Object.keys(INPUTS).indexOf(a.action) - Object.keys(INPUTS).indexOf(b.action) ||
  (a.op === b.op ? 0 : a.op === "buildRequest" ? -1 : 1) ||
  (a.input === b.input ? 0 : a.input === "valid" ? -1 : 1) ||
  IMPLS.indexOf(a.impl) - IMPLS.indexOf(b.impl);
