// Seeded property test of the built package's JS boundary (SPEC §5, issue 17): random hostile JS values at every export.
// Run: node --test tests/node/  (SMARTAG_PKG: the package, default ../../pkg; PROPERTY_SEED=N replays a run; PROPERTY_CASES=N, default 1500).
// Checks per call: Error-only throws named by export with the caller's thrown value as cause; plain JSON results; usability; no caller code after the call or from result making; pollution changes nothing; determinism.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const pkgPath = process.env.SMARTAG_PKG ? resolve(process.env.SMARTAG_PKG) : fileURLToPath(new URL("../../pkg", import.meta.url));
const pkg = require(pkgPath);
const EXPORTS = ["actions", "describe", "validate", "buildRequest", "sign", "signedUrl", "authorization", "parseRequest", "parseResponse"];
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
const CASES = Number(process.env.PROPERTY_CASES || 1500);
console.log(`property seed: ${SEED} (replay with PROPERTY_SEED=${SEED})`);

// Everything taken before any pollution, so that the harness itself never runs a polluted accessor.
const { getPrototypeOf, getOwnPropertyDescriptors, defineProperty, hasOwn, is, keys: ownKeysOf } = Object;
const { ownKeys, apply } = Reflect;
const { isArray } = Array;
const OBJ = Object.prototype;
const ARR = Array.prototype;
const ARRAY_ITERATOR = getPrototypeOf([][Symbol.iterator]());
const stringify = JSON.stringify;
const parseJson = JSON.parse;

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- known calls
const A_SOFT = "CreateSmartAccessGatewaySoftware";
const GOOD = { RegionId: "cn-shanghai", Period: "12", AutoPay: "true", ChargeType: "PREPAY", UserCount: "5", DataPlan: "5" };
const FIXED = { accessKeyId: "testid", nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", timestamp: "2016-02-23T12:46:24Z" };
const KNOWN_QUERY =
  "AccessKeyId=testid&Action=CreateSmartAccessGatewaySoftware&AutoPay=true&ChargeType=PREPAY&DataPlan=5&Format=JSON&Period=12&RegionId=cn-shanghai&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=5&Version=2018-03-13";
const SECRET = "testsecret";

function usable() {
  const problems = pkg.validate(A_SOFT, { ...GOOD });
  if (!isArray(problems) || problems.length !== 0) return `validate(known good) gave ${stringify(problems)}`;
  const built = pkg.buildRequest(A_SOFT, { ...GOOD }, { ...FIXED });
  if (built?.canonicalQuery !== KNOWN_QUERY) return `buildRequest(known good) gave ${stringify(built)?.slice(0, 300)}`;
  return null;
}

const ACTIONS = pkg.actions();
const SPECS = Object.fromEntries(ACTIONS.map((a) => [a, pkg.describe(a)]));
const EXAMPLES = Object.fromEntries(ACTIONS.map((a) => [a, Object.fromEntries(SPECS[a].fields.filter((f) => f.required || f.name === "Name").map((f) => [f.name, f.example]))]));
const PARAM_NAMES = [...new Set(ACTIONS.flatMap((a) => SPECS[a].fields.map((f) => f.name)))];
const OPTION_NAMES = ["accessKeyId", "timestamp", "nonce", "format", "method", "endpoint", "securityToken", "locale", "signature", "accessKeySecret"];
const REQUEST_NAMES = ["url", "headers", "body", "status", "ok", "stringToSign", "signedHeaders"];
const BUILT = {
  v1: pkg.buildRequest(A_SOFT, { ...GOOD }, { ...FIXED }),
  v1post: pkg.buildRequest(A_SOFT, { ...GOOD }, { ...FIXED, method: "POST", securityToken: "sts-token" }),
  v3: pkg.buildRequest(EXAMPLES.CreateSmartAccessGateway ? "CreateSmartAccessGateway" : A_SOFT, EXAMPLES.CreateSmartAccessGateway ?? { ...GOOD }, { ...FIXED, signature: "v3" }),
};
assert.ok(BUILT.v1.ok && BUILT.v1post.ok && BUILT.v3.ok, "the fixture builds are valid");
const SIGNED_URL = pkg.signedUrl(BUILT.v1, SECRET);
const V3_AUTH = pkg.authorization(BUILT.v3, SECRET);
const POST_BODY = `${BUILT.v1post.canonicalQuery}&Signature=${encodeURIComponent(pkg.sign(BUILT.v1post.stringToSign, SECRET, "v1"))}`;
const RESPONSES = [
  '{"RequestId":"5E1F0E2B-0000-4B6A-9C0F-000000000000","OrderId":123456789012345678901}',
  '{"RequestId":"r","OrderId":"2000"}',
  '{"RequestId":"r","Code":"SAG.InvalidUserCount","Message":"The specified UserCount is invalid.","HostId":"smartag.aliyuncs.com","Recommend":"https://api.aliyun.com/troubleshoot?q=SAG.InvalidUserCount"}',
  "<?xml version='1.0' encoding='UTF-8'?><CreateSmartAccessGatewayResponse><RequestId>r</RequestId><OrderId>2000</OrderId></CreateSmartAccessGatewayResponse>",
  '<Error><RequestId>r</RequestId><HostId>h</HostId><Code>Throttling</Code><Message>m</Message></Error>',
  "",
  "{",
  '{"RequestId":"r","OrderId":1e400}',
];

// ------------------------------------------------------- instrumentation state
// Frames are a linked list (no arrays: a polluted Array.prototype["0"] setter must not see the harness).
let top = null; // { kind: "module" | "caller", ctx, prev }
let violations = new Set(); // strings, reported with the case that caused them (a Set: no array writes while prototypes are polluted)
const violate = (what) => violations.add(what);
let pollutionRuns = 0; // polluted accessors run while the module (not caller code) was on top

function newCtx(name) {
  return { name, done: false, threw: false, thrown: undefined, traps: 0 };
}

// Caller code: a getter, a trap, a conversion method. Records that it ran, and what it threw.
function caller(ctx, tag, fn, record = true) {
  if (tag.startsWith("trap")) ctx.traps++;
  if (!top) violate(`caller code (${tag}) of ${ctx.name} ran outside any call`);
  else if (ctx.done) violate(`caller code (${tag}) of ${ctx.name} ran after its call returned`);
  if (tag.startsWith("convert")) violate(`the module called a conversion method of the caller's (${tag})`);
  top = { kind: "caller", ctx, prev: top };
  try {
    return fn();
  } catch (e) {
    if (record) {
      ctx.threw = true;
      ctx.thrown = e;
    }
    throw e;
  } finally {
    top = top.prev;
  }
}

// ---------------------------------------------------------------- generator
// Node's Headers is undici's JS: reading one (forEach) goes through Array.prototype, so a polluted
// Array.prototype reaches it (a platform limit, not the module's); cases with one are not polluted.
let headersMade = 0;
function headers(init) {
  headersMade++;
  return new Headers(init);
}

// `g` draws from one case's PRNG; every value is made fresh, so a case can be made twice alike.
function makeGen(seed, ctx, depthLeft) {
  const rnd = mulberry32(seed ^ 0x9e3779b9); // not the draw that chose the export
  const int = (n) => Math.floor(rnd() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => rnd() < p;
  const CAP = 1 << 20;
  const clean = rnd() < 0.35; // a case of valid-ish arguments only, so that the success paths run often too

  const strings = () =>
    pick([
      () => "",
      () => "cn-shanghai",
      () => "PREPAY",
      () => "prepay",
      () => " 12 ",
      () => "12.5",
      () => "1e3",
      () => "5",
      () => "true",
      () => "TRUE",
      () => "\uD800",
      () => "a\uDC00b",
      () => "\uDBFF\uDFFF\uD800",
      () => "a\0b",
      () => "张三 深圳市南山区",
      () => "sag-abc123",
      () => "US (Virginia)",
      () => "x".repeat(4097),
      () => "x".repeat(CAP - int(3)),
      () => "y".repeat(CAP + int(3)),
      () => "%E5%BC%A0&=?#\r\n",
      () => "9007199254740993",
      () => "-9223372036854775809",
      () => String.fromCharCode(...Array.from({ length: 1 + int(20) }, () => int(0x10000))),
    ])();
  const numbers = () => pick([0, -0, 1, 5, 12, 36, NaN, Infinity, -Infinity, 2 ** 53 + 1, 2 ** 31, -1, 1.5, 1e300, Number.MIN_VALUE, 2 ** 63]);
  const bigints = () => pick([0n, 5n, 12n, 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n, 10n ** 30n]);
  const primitive = () =>
    pick([strings, strings, numbers, bigints, () => Symbol("s"), () => Symbol.iterator, () => chance(0.5), () => null, () => undefined])();

  // A value a caller's code throws.
  const thrownValue = () =>
    pick([
      () => new Error("getter failed"),
      () => new TypeError("trap failed"),
      () => "a thrown string",
      () => Symbol("thrown"),
      () => undefined,
      () => 42,
      () => proxy({}, handler({}, false, false)), // its traps run only while the module describes it
      () => {
        const e = new Error("x");
        defineProperty(e, "message", { get: () => caller(ctx, "message getter of a thrown value", () => { throw new Error("again"); }, false) });
        return e;
      },
    ])();

  // A Proxy handler whose traps are instrumented; `lies` makes them lie, randomly.
  function handler(target, lies, record = true) {
    const h = {};
    const traps = ["getPrototypeOf", "ownKeys", "getOwnPropertyDescriptor", "get", "has", "isExtensible"];
    for (const t of traps) {
      const mode = pick(["forward", "forward", "forward", "throw", lies ? "lie" : "forward"]);
      h[t] = (...args) =>
        caller(ctx, `trap ${t}`, () => {
          if (mode === "throw") throw thrownValue();
          if (mode === "lie") {
            if (t === "getPrototypeOf" && Object.isExtensible(target)) return pick([null, OBJ, ARR, Date.prototype, Map.prototype]);
            if (t === "ownKeys") {
              const real = Reflect.ownKeys(target);
              return Object.isExtensible(target) ? [...real, ...pick([["extra"], ["RegionId", "UserCount"], ["0"], ["__proto__"]])].filter((k, i, a) => a.indexOf(k) === i) : real;
            }
            if (t === "getOwnPropertyDescriptor") {
              const d = Reflect.getOwnPropertyDescriptor(...args);
              return d ?? (Object.isExtensible(target) ? { value: "lie", enumerable: true, configurable: true, writable: true } : undefined);
            }
            if (t === "get") return pick([() => "lie", () => 7, () => ({ nested: 1 }), () => undefined])();
          }
          return Reflect[t](...args);
        }, record);
    }
    return h;
  }

  function objectValue(depth) {
    return pick([
      () => Array.from({ length: int(4) }, () => value(depth - 1)),
      () => plainObject(depth - 1, pick([PARAM_NAMES, OPTION_NAMES, REQUEST_NAMES])),
      () => Object.assign(Object.create(null), plainObject(depth - 1, PARAM_NAMES)),
      () => new (class Order { constructor() { this.RegionId = "cn-shanghai"; } })(),
      () => new Date(pick([0, 1456231584000, NaN, 253402300800000, -62198755200000, 8.64e15])),
      () => new Map([["RegionId", "cn-shanghai"]]),
      () => Object.assign(() => 1, { RegionId: "cn-shanghai" }),
      () => proxy(plainObject(depth - 1, PARAM_NAMES), handler({}, true)),
      () => {
        const target = pick([() => ({ ...EXAMPLES[pick(ACTIONS)] }), () => [], () => new Date(0), () => Object.freeze({ a: 1 })])();
        return proxy(target, handler(target, true));
      },
      () => revokedProxy({ RegionId: "cn-shanghai" }),
      () => withGetters(plainObject(depth - 1, PARAM_NAMES), depth),
      () => manyKeys(pick([999, 1000, 1001, 1500])),
      () => parseJson('{"__proto__": {"RegionId": "cn-hangzhou"}, "constructor": "x", "RegionId": "cn-shanghai"}'),
      () => headers({ "x-acs-action": "CreateSmartAccessGatewaySoftware", host: "smartag.cn-shanghai.aliyuncs.com" }),
      () => converting(),
      () => new String("cn-shanghai"),
      () => new Uint8Array(4),
      () => Object.defineProperty({}, "RegionId", { value: "hidden", enumerable: false }),
      () => ({ [Symbol("k")]: "symbol key", RegionId: "cn-shanghai" }),
    ])();
  }

  // Objects whose conversion methods record that they ran: the module must never call them.
  function converting() {
    const o = { RegionId: "cn-shanghai" };
    for (const k of ["toString", "valueOf", "toJSON"]) defineProperty(o, k, { value: () => caller(ctx, `convert ${k}`, () => "converted"), enumerable: false });
    defineProperty(o, Symbol.toPrimitive, { value: () => caller(ctx, "convert toPrimitive", () => "converted") });
    return o;
  }

  function manyKeys(n) {
    const o = {};
    for (let i = 0; i < n; i++) o[`K${i}`] = "v";
    return o;
  }

  // Own getters: that throw, that return hostile values, that call the module re-entrantly.
  function withGetters(o, depth) {
    const n = 1 + int(3);
    for (let i = 0; i < n; i++) {
      const name = pick([...PARAM_NAMES, ...OPTION_NAMES, ...REQUEST_NAMES, "odd key", "0"]);
      const kind = pick(["throw", "value", "reenter", "reenter-throw"]);
      const thrown = kind === "throw" ? thrownValue() : undefined;
      const v = kind === "value" ? value(depth - 1) : undefined;
      const nested = kind.startsWith("reenter") && depthLeft > 0 ? prepare(makeCase(int(2 ** 31), `${ctx.name}↳`, depthLeft - 1)) : null;
      defineProperty(o, name, {
        enumerable: true,
        configurable: true,
        get: () =>
          caller(ctx, `getter ${name}`, () => {
            if (kind === "throw") throw thrown;
            if (kind === "value") return v;
            if (!nested) return "cn-shanghai";
            const out = run(nested); // checked like any call, once the outer call is done
            pending = { out, next: pending };
            if (kind === "reenter-throw" && out.error) throw out.error;
            return out.error ? "after a throw" : "cn-shanghai";
          }),
      });
    }
    return o;
  }

  function plainObject(depth, names) {
    const o = {};
    const n = int(5);
    // Defined, not assigned: "__proto__" is an own key here, never the prototype.
    for (let i = 0; i < n; i++) {
      const key = chance(0.8) ? pick(names) : pick(["", "__proto__", "constructor", "\uD800", "0", "k".repeat(100), "张"]);
      defineProperty(o, key, { value: value(depth), enumerable: true, writable: true, configurable: true });
    }
    return o;
  }

  function value(depth = 1) {
    if (depth <= 0 || chance(0.55)) return primitive();
    return objectValue(depth);
  }

  // Valid-ish: an action's example, with some values junk, some gone, some keys added.
  function params(action) {
    const o = { ...EXAMPLES[action] };
    if (clean) {
      // Typed values as well as form strings (SPEC §3).
      for (const k of ownKeysOf(o)) if (chance(0.3) && /^-?\d+$/.test(o[k])) o[k] = chance(0.5) ? Number(o[k]) : BigInt(o[k]);
      for (const k of ownKeysOf(o)) if (chance(0.3) && /^(true|false)$/.test(o[k])) o[k] = pick([o[k] === "true", o[k].toUpperCase(), o[k] === "true" ? 1 : 0]);
      if (chance(0.2)) o.Period = pick([1, "24", " 36 ", 13]);
      return o;
    }
    if (chance(0.1)) return value(2);
    for (const k of ownKeysOf(o)) {
      if (chance(0.1)) o[k] = value(1);
      else if (chance(0.05)) delete o[k];
    }
    if (chance(0.1)) o[pick(["Foo", "Signature", "AccessKeyId", "Format"])] = value(1);
    if (chance(0.2)) return withGetters(o, 2);
    if (chance(0.1)) return proxy(o, handler(o, chance(0.5)));
    return o;
  }

  function options(kind) {
    if (clean) {
      const o = kind === "build" ? { ...FIXED } : {};
      if (chance(0.3)) o.locale = pick(["en", "zh-CN"]);
      if (kind === "build") {
        if (chance(0.4)) o.signature = pick(["v1", "v3"]);
        if (chance(0.3)) o.method = pick(["GET", "POST"]);
        if (chance(0.2) && o.signature !== "v3") o.format = pick(["JSON", "XML"]);
        if (chance(0.2)) o.endpoint = pick(["smartag.aliyuncs.com", "smartag.cn-hangzhou.aliyuncs.com:443"]);
        if (chance(0.2)) o.securityToken = "CAIS-sts.token";
        if (chance(0.2)) o.timestamp = pick([new Date(0), "2020-01-02T03:04:05Z"]);
      }
      if (kind === "parse" && chance(0.6)) o.accessKeySecret = pick([SECRET, "wrong"]);
      if (kind === "parse" && chance(0.3)) o.method = pick(["GET", "POST"]);
      return o;
    }
    if (chance(0.08)) return value(2);
    const o = kind === "build" || chance(0.1) ? { ...FIXED } : {};
    if (kind === "build" && chance(0.05)) delete o[pick(["accessKeyId", "nonce", "timestamp"])];
    if (chance(0.3)) o.locale = pick(["en", "zh-CN", "fr", "", null, 1]);
    if (kind === "build") {
      if (chance(0.2)) o.signature = pick(["v1", "v3", "V3", 3]);
      if (chance(0.2)) o.method = pick(["GET", "POST", "get", "PUT"]);
      if (chance(0.1)) o.format = pick(["JSON", "XML", "YAML"]);
      if (chance(0.1)) o.endpoint = pick(["smartag.aliyuncs.com", "evil.example:8080/x", "", "\uD800"]);
      if (chance(0.1)) o.securityToken = pick(["sts", "", "a b"]);
      if (chance(0.1)) o.timestamp = pick([new Date(0), new Date(NaN), "2016-02-23 12:46:24", "2016-02-23T12:46:24Z"]);
      if (chance(0.05)) o.accessKeyId = pick(["", "a\nb", 5, "\uD800"]);
    }
    if (kind === "parse" && chance(0.5)) o.accessKeySecret = pick([SECRET, "wrong", "", 1]);
    if (kind === "parse" && chance(0.3)) o.method = pick(["GET", "POST", "HEAD"]);
    for (const k of ownKeysOf(o)) if (chance(0.05)) o[k] = value(1);
    if (chance(0.15)) return withGetters(o, 2);
    return o;
  }

  const mutateText = (s) =>
    pick([
      () => s,
      () => s,
      () => s.slice(0, int(s.length + 1)),
      () => {
        const at = int(s.length + 1);
        return s.slice(0, at) + strings().slice(0, 2000) + s.slice(at);
      },
      () => s.replace(/&/g, "&&").replace("Period=12", "Period=12&Period=24"),
      () => s.replace(/%[0-9A-F]{2}/, "%G1"),
      () => `https://[Endpoint]/? ${s.split("?")[1]?.split("&").join("\n  ") ?? s}`,
    ])();

  const built = () => {
    if (chance(0.15)) return value(2);
    const o = parseJson(stringify(BUILT[pick(["v1", "v1post", "v3"])]));
    if (chance(0.3)) {
      const k = pick(ownKeysOf(o));
      o[k] = chance(0.5) ? value(1) : typeof o[k] === "string" ? mutateText(o[k]) : o[k];
    }
    if (chance(0.05)) o.ok = pick([false, "true", 1]);
    if (chance(0.15)) return withGetters(o, 2);
    return o;
  };

  const secret = () => (chance(0.8) ? pick([SECRET, "another secret", "张"]) : value(1));

  const request = () => {
    const post = chance(0.3);
    const r = post
      ? { method: pick(["POST", "POST", "GET", undefined]), url: "https://smartag.cn-shanghai.aliyuncs.com/", headers: { "content-type": "application/x-www-form-urlencoded" }, body: mutateText(POST_BODY) }
      : { method: "GET", url: mutateText(BUILT.v3.url), headers: { ...BUILT.v3.headers, Authorization: V3_AUTH } };
    if (chance(0.2)) r.headers = headers(r.headers);
    if (chance(0.2)) r.headers = value(2);
    for (const k of ownKeysOf(r)) if (chance(0.08)) r[k] = value(1);
    if (chance(0.15)) return withGetters(r, 2);
    return r;
  };

  const response = () => {
    const body = chance(0.85) ? pick(RESPONSES) : strings();
    if (chance(0.4)) return body;
    const r = { status: pick([200, 400, 404, 503, undefined, 99, 200.5, "200"]), headers: pick([{ "content-type": "application/json" }, { "Content-Type": "text/xml" }, undefined, headers({ "content-type": "application/xml" })]), body };
    for (const k of ownKeysOf(r)) if (chance(0.08)) r[k] = value(1);
    if (chance(0.15)) return withGetters(r, 2);
    return chance(0.1) ? value(2) : r;
  };

  const action = () => (chance(0.9) ? pick(ACTIONS) : value(1));

  return {
    int,
    pick,
    chance,
    args(name) {
      switch (name) {
        case "actions":
          return chance(0.8) ? [] : [value(1)];
        case "describe":
          return [action(), options("read")];
        case "validate": {
          const a = action();
          return [a, params(typeof a === "string" && EXAMPLES[a] ? a : pick(ACTIONS)), options("read")];
        }
        case "buildRequest": {
          const a = action();
          return [a, params(typeof a === "string" && EXAMPLES[a] ? a : pick(ACTIONS)), options("build")];
        }
        case "sign":
          return [chance(0.8) ? pick([BUILT.v1.stringToSign, BUILT.v3.stringToSign, strings()]) : value(1), secret(), chance(0.7) ? pick(["v1", "v3", undefined]) : value(1)];
        case "signedUrl":
        case "authorization":
          return [built(), secret()];
        case "parseRequest":
          return [chance(0.5) ? mutateText(pick([SIGNED_URL, BUILT.v1.canonicalQuery, `?${BUILT.v1.canonicalQuery}`, POST_BODY])) : request(), options("parse")];
        case "parseResponse":
          return [action(), response(), options("read")];
      }
      throw new Error(name);
    },
  };
}

// A case: an export and a recipe for its arguments (made fresh for each run of the case).
function makeCase(seed, prefix = "", depthLeft = 1) {
  const name = EXPORTS[mulberry32(seed)() * EXPORTS.length | 0];
  return { seed, name, label: `${prefix}${name}`, depthLeft };
}

function describeValue(v, depth = 0) {
  // Describes without running caller code: only descriptors are read, never a getter, never a Proxy.
  if (typeof v === "string") return v.length > 60 ? `${stringify(v.slice(0, 40))}…(${v.length} units)` : stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol") return v.toString();
  if (typeof v === "number") return is(v, -0) ? "-0" : String(v);
  if (typeof v !== "object" && typeof v !== "function") return String(v);
  if (v === null) return "null";
  if (depth > 2) return "{…}";
  if (proxies.has(v)) return "Proxy";
  try {
    const proto = getPrototypeOf(v);
    const tag = isArray(v) ? "Array" : proto === null ? "null-proto" : proto === OBJ ? "" : proto?.constructor?.name ?? "?";
    const d = getOwnPropertyDescriptors(v);
    const ks = ownKeys(d);
    const parts = ks.slice(0, 8).map((k) => `${String(k)}: ${"value" in d[k] ? describeValue(d[k].value, depth + 1) : "<getter>"}`);
    if (ks.length > 8) parts.push(`…${ks.length} keys`);
    return `${tag}{${parts.join(", ")}}`;
  } catch {
    return "<revoked Proxy>";
  }
}
// Every Proxy the generator makes, so that a description never runs its traps.
const proxies = new WeakSet();
function proxy(target, handler) {
  const p = new Proxy(target, handler);
  proxies.add(p);
  return p;
}
function revokedProxy(target) {
  const r = Proxy.revocable(target, {});
  proxies.add(r.proxy);
  r.revoke();
  return r.proxy;
}

// ---------------------------------------------------------------- checking
const ERROR_KINDS = new Set([Error.prototype, TypeError.prototype, RangeError.prototype]);

// A result as plain JSON data; returns a reason or null.
function plainProblem(v, path = "result") {
  if (v === null || typeof v === "string" || typeof v === "boolean") return null;
  if (typeof v === "number") return Number.isFinite(v) ? (is(v, -0) ? `${path} is -0` : null) : `${path} is ${v}`;
  if (typeof v !== "object") return `${path} is a ${typeof v}`;
  const proto = getPrototypeOf(v);
  if (proto !== (isArray(v) ? ARR : OBJ)) return `${path} has a prototype other than Object.prototype/Array.prototype`;
  const d = getOwnPropertyDescriptors(v);
  for (const k of ownKeys(d)) {
    if (typeof k === "symbol") return `${path} has a symbol key`;
    if (isArray(v) && k === "length") continue;
    if (!("value" in d[k])) return `${path}.${k} is an accessor`;
    if (!d[k].enumerable || !d[k].writable || !d[k].configurable) return `${path}.${k} is not an ordinary data property`;
    const inner = plainProblem(d[k].value, `${path}.${k}`);
    if (inner) return inner;
  }
  return null;
}

// A case's arguments, made fresh (and described) before any pollution; `run` makes the call, `check` judges it.
function prepare(c) {
  const ctx = newCtx(c.label);
  const args = makeGen(c.seed, ctx, c.depthLeft).args(c.name);
  return { c, ctx, args, desc: `${c.name}(${args.map((a) => describeValue(a)).join(", ")})` };
}

let pending = null; // re-entrant calls made by caller code, checked after the outer call

function run(p) {
  const out = { c: p.c, ctx: p.ctx, desc: p.desc, result: undefined, error: undefined, threw: false };
  top = { kind: "module", ctx: p.ctx, prev: top };
  try {
    out.result = apply(pkg[p.c.name], undefined, p.args); // no spread: it would run the (polluted) array iterator
  } catch (e) {
    out.threw = true;
    out.error = e;
  } finally {
    top = top.prev;
    p.ctx.done = true;
  }
  return out;
}

// What the engine throws for a revoked Proxy or a trap result that breaks an invariant: the Proxy threw it.
const engineProxyError = (v) => v instanceof TypeError && /proxy|trap/i.test(v.message);

// Guarantees 1 and 2 for one call (and the re-entrant calls its caller code made).
function check(out) {
  for (let list = ((list) => ((pending = null), list))(pending); list; list = list.next) check(list.out);
  const { c, ctx } = out;
  const fail = (what) => violate(`${c.label}: ${what}\n    args: ${out.desc}`);
  if (out.threw) {
    const e = out.error;
    if (!(e instanceof Error) || !ERROR_KINDS.has(getPrototypeOf(e))) return fail(`threw a non-Error or another class: ${describeValue(e)}`);
    if (typeof e.message !== "string" || !e.message.startsWith(`${c.name}: `)) fail(`error message does not start with "${c.name}: ": ${stringify(e.message)}`);
    if (ctx.threw) {
      if (!hasOwn(e, "cause") || !is(e.cause, ctx.thrown)) fail(`caller code threw ${describeValue(ctx.thrown)} but the Error's cause is ${hasOwn(e, "cause") ? describeValue(e.cause) : "absent"} (${e.message})`);
    } else if (hasOwn(e, "cause") && !engineProxyError(e.cause)) fail(`no caller code threw, yet the Error has a cause: ${describeValue(e.cause)} (${e.message})`);
  } else {
    if (ctx.threw) fail(`caller code threw ${describeValue(ctx.thrown)}, yet the call returned`);
    const reason = plainProblem(out.result);
    if (reason) return fail(`result not plain JSON data: ${reason}`);
    try {
      assert.deepStrictEqual(parseJson(stringify(out.result)), out.result);
    } catch (e) {
      fail(`result does not round-trip through JSON: ${e.message.slice(0, 300)}`);
    }
  }
}

// Same outcome: the same result, or the same error class and message.
function outcome(o) {
  if (o.threw) return `throw ${o.error?.constructor?.name}: ${o.error?.message}`;
  return stringify(o.result);
}

// A build without a fixed nonce or timestamp depends on crypto randomness or the clock: its outcome is not compared.
function deterministic(o) {
  const r = o.result;
  if (!r || typeof r !== "object" || r.ok !== true || typeof r.stringToSign !== "string") return true;
  const nonce = r.params?.SignatureNonce ?? r.headers?.["x-acs-signature-nonce"];
  const time = r.params?.Timestamp ?? r.headers?.["x-acs-date"];
  return nonce === FIXED.nonce && ["2016-02-23T12:46:24Z", "1970-01-01T00:00:00Z", "2020-01-02T03:04:05Z"].includes(time);
}

// ---------------------------------------------------------------- pollution
const RESULT_KEYS = new Set();
(function collect(v) {
  if (v && typeof v === "object") for (const k of ownKeysOf(v)) RESULT_KEYS.add(k), collect(v[k]);
})([BUILT, SPECS, pkg.validate(A_SOFT, { UserCount: "7", RegionId: "US (Virginia)", Foo: 1 }), pkg.parseRequest(SIGNED_URL, { accessKeySecret: SECRET }), RESPONSES.map((r) => pkg.parseResponse(A_SOFT, r))]);
// Names whose pollution would break the harness's own descriptors, not the module.
for (const k of ["get", "set", "value", "writable", "enumerable", "configurable", "__proto__", "constructor", "toString", "valueOf", "then", "length", "cause", "stack", "name"]) RESULT_KEYS.delete(k);
const POLLUTED_VALUE = { locale: "zh-CN", signature: "v3", method: "POST", format: "XML", endpoint: "evil.example", accessKeyId: "evil", nonce: "evil-nonce", timestamp: "2030-01-01T00:00:00Z", securityToken: "evil", accessKeySecret: "evil", RegionId: "cn-hangzhou", UserCount: "10", Period: "24", AutoPay: "false", DataPlan: "5", headers: { evil: "1" }, url: "https://evil.example/?Action=X", body: "Action=X", status: 500, ok: true };
const POLLUTE_NAMES = [...new Set([...RESULT_KEYS, ...PARAM_NAMES, ...OPTION_NAMES, ...REQUEST_NAMES, "0", "1", "2", "3"])];

// PROPERTY_TRACE=1 prints where each polluted accessor run by the module came from.
const traces = new Set();
const trace = process.env.PROPERTY_TRACE ? (what) => traces.add(`${what}: ${new Error().stack}`) : () => {};
function counted(name) {
  return {
    __proto__: null,
    configurable: true,
    get() {
      if (top?.kind === "module") pollutionRuns++, trace(`get ${name}`);
      return hasOwn(POLLUTED_VALUE, name) ? POLLUTED_VALUE[name] : `POLLUTED ${name}`;
    },
    set() {
      if (top?.kind === "module") pollutionRuns++, trace(`set ${name}`);
    },
  };
}

const realIterator = ARR[Symbol.iterator];
const realNext = ARRAY_ITERATOR.next;
function pollute(mode) {
  for (const name of POLLUTE_NAMES) {
    if (mode === "accessors") defineProperty(OBJ, name, counted(name));
    else defineProperty(OBJ, name, { __proto__: null, configurable: true, writable: mode === "values", value: hasOwn(POLLUTED_VALUE, name) ? POLLUTED_VALUE[name] : `POLLUTED ${name}` });
  }
  for (const name of ["0", "1", "2", "3", "4"]) defineProperty(ARR, name, counted(name));
  defineProperty(ARR, Symbol.iterator, { __proto__: null, configurable: true, writable: true, value: function () { if (top?.kind === "module") pollutionRuns++, trace("Array.prototype[Symbol.iterator]"); return apply(realIterator, this, []); } });
  defineProperty(ARRAY_ITERATOR, "next", { __proto__: null, configurable: true, writable: true, value: function () { if (top?.kind === "module") pollutionRuns++, trace("%ArrayIteratorPrototype%.next"); return apply(realNext, this, []); } });
}
function unpollute() {
  for (const name of POLLUTE_NAMES) delete OBJ[name];
  for (const name of ["0", "1", "2", "3", "4"]) delete ARR[name];
  defineProperty(ARR, Symbol.iterator, { __proto__: null, configurable: true, writable: true, value: realIterator });
  defineProperty(ARRAY_ITERATOR, "next", { __proto__: null, configurable: true, writable: true, value: realNext });
}

// ---------------------------------------------------------------- the test
test(`every export against random hostile values (seed ${SEED})`, { timeout: 600_000 }, async () => {
  const master = mulberry32(SEED);
  const failures = [];
  const t0 = Date.now();
  let calls = 0;
  const seen = Object.fromEntries(EXPORTS.map((name) => [name, { returned: 0, threw: 0, callerThrew: 0 }]));
  for (let n = 1; n <= CASES && failures.length < 5; n++) {
    const c = makeCase((master() * 2 ** 32) >>> 0);
    const mode = n % 10 === 0 ? ["accessors", "values", "readonly"][(n / 10) % 3] : null; // every 10th case polluted
    violations = new Set();
    pollutionRuns = 0;
    let polluted;
    const first = run(prepare(c));
    check(first);
    seen[c.name][first.threw ? (first.ctx.threw ? "callerThrew" : "threw") : "returned"]++;
    if (process.env.PROPERTY_DEBUG === c.name) console.log(first.threw ? `${first.error?.message}`.slice(0, 200) : stringify(first.result).slice(0, 200));
    const madeBefore = headersMade;
    const p = mode ? prepare(c) : null;
    if (mode && headersMade === madeBefore) {
      pollute(mode);
      try {
        polluted = run(p);
      } finally {
        unpollute();
      }
      check(polluted);
    }
    const again = run(prepare(c));
    check(again);
    calls += polluted ? 3 : 2;
    for (const t of traces) console.log(t);
    traces.clear();
    if (pollutionRuns > 0) violate(`${c.label}: ${pollutionRuns} polluted prototype accessor run(s) (${mode}) by the module itself, not by caller code`);
    if (deterministic(first) && outcome(first) !== outcome(again)) violate(`${c.label}: not deterministic:\n    first: ${outcome(first).slice(0, 400)}\n    again: ${outcome(again).slice(0, 400)}`);
    // A Proxy's forwarding trap may read the caller's own inherited (polluted) properties: only trap-free cases compare.
    if (polluted && deterministic(first) && outcome(first) !== outcome(polluted) && first.ctx.traps === 0)
      violate(`${c.label}: a polluted prototype (${mode}) changed the outcome:\n    clean:    ${outcome(first).slice(0, 400)}\n    polluted: ${outcome(polluted).slice(0, 400)}`);
    if (n % 50 === 0 || n === CASES) {
      const broken = usable();
      if (broken) violate(`module no longer usable after case ${n}: ${broken}`);
    }
    if (violations.size) {
      const report = `seed ${SEED}, case ${n} (call #${calls}), ${c.label}${mode ? `, polluted: ${mode}` : ""}\n  args: ${first.desc}\n  - ${[...new Set(violations)].slice(0, 6).join("\n  - ")}`;
      console.log(`FAIL ${report}`);
      failures.push(report);
    }
  }
  // Nothing of the callers' runs later either (a microtask or timer left behind).
  violations = new Set();
  await new Promise((r) => setImmediate(r));
  if (violations.size) failures.push(`after the run: ${[...violations].join("; ")}`);
  const broken = usable();
  if (broken) failures.push(`module no longer usable at the end: ${broken}`);
  console.log(`property: ${calls} calls in ${Date.now() - t0} ms (seed ${SEED}); first runs returned/threw/threw for caller code: ${EXPORTS.map((n) => `${n} ${seen[n].returned}/${seen[n].threw}/${seen[n].callerThrew}`).join(", ")}`);
  assert.equal(failures.length, 0, `property failures (replay with PROPERTY_SEED=${SEED}):\n${failures.join("\n")}`);
});

// Arguments cross as the snapshot's JSON text, and js/boundary.js takes what it uses at load: a page
// that replaces a global after load (Object.entries, Reflect.get ..., which serde-wasm-bindgen's
// reading would call) runs nothing inside the module's own steps and changes no result.
test("a global replaced after load changes no result", () => {
  const clean = stringify(pkg.validate(A_SOFT, { ...GOOD, UserCount: "7" }));
  const replaced = [];
  const swap = (owner, name, wrap) => {
    const real = owner[name];
    owner[name] = wrap(real);
    replaced.push(() => (owner[name] = real));
  };
  let runs = 0;
  swap(Object, "entries", (real) => (o) => (runs++, real(o).map(([k, v]) => [k, k === "UserCount" ? "5" : v])));
  swap(Reflect, "get", (real) => (...a) => (runs++, real(...a)));
  swap(Array, "isArray", (real) => (v) => (runs++, real(v)));
  swap(Number, "isSafeInteger", (real) => (v) => (runs++, real(v)));
  let got;
  try {
    got = stringify(pkg.validate(A_SOFT, { ...GOOD, UserCount: "7" }));
  } finally {
    for (const undo of replaced) undo();
  }
  assert.equal(runs, 0, "replaced globals ran inside the call");
  assert.equal(got, clean);
});

// SPEC §3 refuses a value with an unpaired surrogate (a format problem, never sent). A params *name*
// with one is never a field's, so it is an unknown problem and never sent either; its `field` shows
// the surrogate as U+FFFD (README, "Rules and choices"), so two such names that differ only there are
// reported once.
test("a params key with an unpaired surrogate is an unknown name, shown with U+FFFD", () => {
  const problems = pkg.validate(A_SOFT, { ...GOOD, "\uD800": "x", "\uDC00": "y", "a\uD800": "z" });
  assert.deepEqual(problems.map((p) => [p.field, p.rule]), [["a\uFFFD", "unknown"], ["\uFFFD", "unknown"]]);
  const built = pkg.buildRequest(A_SOFT, { ...GOOD, "\uD800": "x" }, { accessKeyId: "testid" });
  assert.equal(built.ok, false, "a request with an unknown name is not built");
});
