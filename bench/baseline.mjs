// The two baselines the module is measured against, for CreateSmartAccessGatewaySoftware:
// (a) straightforward hand-written JS and (b) ajv 8 with a JSON Schema of the same
// rules; both share one plain JS serializer. They check every rule of SPEC §1 for
// the action and collect every problem, as the module does. The hand-written one
// also returns the module's problem objects (English), so its output can be
// compared byte for byte; ajv returns its own error objects.
import Ajv from "ajv";

const ACTION = "CreateSmartAccessGatewaySoftware";
const PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36];
const REGION = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const KNOWN_REGIONS = [
  "cn-shanghai", "cn-hangzhou", "cn-hongkong", "cn-shanghai-finance-1", "ap-southeast-1",
  "ap-southeast-2", "ap-southeast-3", "ap-southeast-5", "ap-northeast-1", "eu-central-1",
];
const RESERVED = [
  "AccessKeyId", "Format", "SecurityToken", "Signature", "SignatureMethod", "SignatureNonce",
  "SignatureType", "SignatureVersion", "Timestamp", "Version",
];
const REQUIRED = ["RegionId", "Period", "AutoPay", "ChargeType", "UserCount", "DataPlan"];
const OPTIONAL = ["Action", "OwnerId", "ResourceOwnerId", "OwnerAccount", "ResourceOwnerAccount"];
// The action's table order, which is also the order problems come in.
const FIELDS = ["Action", ...REQUIRED, ...OPTIONAL.slice(1)];
const TYPES = {
  String: "text (a string)",
  Integer: "a whole number from -2147483648 to 2147483647",
  Long: "a whole number from -9223372036854775808 to 9223372036854775807 (beyond 2^53, pass a decimal string or a BigInt)",
  Boolean: "true or false",
};

// --- the shared serializer (SPEC §4) ---
const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

export function serialize(values, options) {
  // The common parameters first and the spread last: adding properties to a
  // spread copy (`{ ...values, Action }`) falls off a V8 fast path, about 13 µs
  // per call in Node 20, which would make this baseline a strawman.
  const all = {
    Action: ACTION,
    Version: "2018-03-13",
    Format: options.format ?? "JSON",
    AccessKeyId: options.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: options.nonce,
    Timestamp: options.timestamp,
    ...values,
  };
  const keys = Object.keys(all).sort();
  const params = {};
  for (const k of keys) params[k] = all[k];
  const canonicalQuery = keys.map((k) => `${encode(k)}=${encode(all[k])}`).join("&");
  const stringToSign = `${options.method ?? "GET"}&%2F&${encode(canonicalQuery)}`;
  const method = options.method ?? "GET";
  const url = `https://smartag.${all.RegionId}.aliyuncs.com/?${canonicalQuery}`;
  // The aliyun CLI line: the business parameters, each value one POSIX shell word.
  let cli = `aliyun smartag ${ACTION} --force`;
  for (const k of Object.keys(values).sort()) cli += ` --${k} ${shellWord(values[k])}`;
  return { ok: true, signature: "v1", method, params, canonicalQuery, stringToSign, url, cli };
}

const shellWord = (v) => (/^[A-Za-z0-9_.,:/@%+=-]+$/.test(v) ? v : `'${v.replaceAll("'", "'\\''")}'`);

// --- (a) hand-written validation ---
const quote = (s) => {
  const chars = [...s];
  return `"${chars.slice(0, 40).join("")}${chars.length > 40 ? "…" : ""}"`;
};
const describeValue = (v) => {
  if (typeof v === "string") return quote(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return `${v}n`;
  if (Array.isArray(v)) return "an array";
  return typeof v === "function" ? "a function" : typeof v === "symbol" ? "a symbol" : "an object";
};
const editDistance = (a, b) => {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
};
const nearMiss = (got, allowed) =>
  allowed.find((a) => a.toLowerCase() === got.toLowerCase()) ??
  allowed.find((a) => a.length > 3 && editDistance(a.toLowerCase(), got.toLowerCase()) <= 2);

// An Integer or Long from a number, a bigint or a decimal string; undefined if it is none.
// A type problem's params.value: the value as given where JSON can hold it (as the module does).
const givenValue = (v) =>
  typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))
    ? v
    : typeof v === "bigint"
      ? String(v)
      : typeof v === "number"
        ? String(v)
        : describeValue(v);

function integer(v, long) {
  let n;
  if (typeof v === "number") n = Number.isInteger(v) && Math.abs(v) <= (long ? Number.MAX_SAFE_INTEGER : 2 ** 31 - 1) ? v : undefined;
  else if (typeof v === "bigint" && long) n = v;
  else if (typeof v === "string" && /^-?\d+$/.test(v.trim())) n = long ? BigInt(v.trim()) : Number(v.trim());
  if (n === undefined) return undefined;
  const [min, max] = long ? [-(2n ** 63n), 2n ** 63n - 1n] : [-(2 ** 31), 2 ** 31 - 1];
  if (n < min || n > max) return undefined;
  return long && n >= -Number.MAX_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER ? Number(n) : n;
}

export function handValidate(p) {
  const errors = [];
  const values = {};
  const problem = (field, rule, code, message, params = {}, severity = "error") => errors.push({ field, rule, code, message, params, severity });
  // Absent, null and "" are not given; white space alone is "" except in free text.
  const given = (k) => p[k] !== undefined && p[k] !== null && (typeof p[k] !== "string" || (k.endsWith("Account") ? p[k] : p[k].trim()) !== "");
  const typeError = (k, ty) => problem(k, "type", "InvalidParameter", `${k} must be ${TYPES[ty]}; got ${describeValue(p[k])}.`, { expected: ty, value: givenValue(p[k]) });
  const text = (k, trim) => {
    if (typeof p[k] !== "string") return void typeError(k, "String");
    if (!p[k].isWellFormed()) return void problem(k, "format", "InvalidParameter", `${k} contains a broken character (an unpaired UTF-16 surrogate) that cannot be sent; retype the text.`);
    const s = trim ? p[k].trim() : p[k];
    const length = [...s].length;
    if (length > 4096) return void problem(k, "length", "InvalidParameter", `${k} must be at most 4096 characters long; got ${length}.`, { minLength: 0, maxLength: 4096, length });
    return s;
  };
  const oneOf = (k, s, allowed) => {
    if (allowed.includes(s)) return true;
    const hint = nearMiss(s, allowed);
    const params = { allowed, value: s };
    if (hint) params.hint = hint;
    problem(k, "enum", "InvalidParameter", `${k} must be ${allowed[0]}; got ${quote(s)}${hint ? `; did you mean ${hint}?` : "."}`, params);
    return false;
  };

  for (const k of FIELDS) {
    if (!given(k)) {
      if (REQUIRED.includes(k)) problem(k, "required", "MissingParameter", `${k} is required.`);
      continue;
    }
    if (k === "Action") {
      const s = text(k, true);
      if (s !== undefined && oneOf(k, s, [ACTION])) values[k] = s;
    } else if (k === "RegionId") {
      const r = text(k, true);
      if (r === undefined) continue;
      if (!REGION.test(r) || r.length > 63) {
        problem(k, "format", "InvalidParameter", `${k} must be a region ID such as cn-shanghai (lower-case words and digits joined by '-'); got ${quote(r)}.`, { format: "regionId", value: r });
        continue;
      }
      if (!KNOWN_REGIONS.includes(r)) {
        const message = `${k} ${r} is not in the official SDK's endpoint list (${KNOWN_REGIONS.join(", ")}); check that Smart Access Gateway is offered there.`;
        problem(k, "enum", "InvalidParameter", message, { value: r, known: KNOWN_REGIONS }, "warning");
      }
      values[k] = r;
    } else if (k === "Period") {
      const n = integer(p[k], false);
      if (n === undefined) typeError(k, "Integer");
      else if (!PERIODS.includes(n)) problem(k, "enum", "InvalidParameter", `${k} must be one of ${PERIODS.join(", ")}; got ${n}.`, { allowed: PERIODS, value: n });
      else values[k] = String(n);
    } else if (k === "AutoPay") {
      const v = typeof p[k] === "string" ? p[k].trim() : p[k];
      const b = v === true || v === "true" || v === 1 || v === "1" ? true : v === false || v === "false" || v === 0 || v === "0" ? false : null;
      if (b === null) typeError(k, "Boolean");
      else values[k] = String(b);
    } else if (k === "ChargeType") {
      const c = text(k, true);
      if (c !== undefined && oneOf(k, c, ["PREPAY"])) values[k] = c;
    } else if (k === "UserCount") {
      const n = integer(p[k], false);
      if (n === undefined) {
        typeError(k, "Integer");
        continue;
      }
      const before = errors.length;
      if (n < 5) problem(k, "range", "SAG.InvalidUserCount", `${k} must be at least 5; got ${n}.`, { min: 5, value: n });
      if (n % 5 !== 0) problem(k, "multipleOf", "SAG.InvalidUserCount", `${k} must be a multiple of 5 (5, 10, 15 ...); got ${n}.`, { multipleOf: 5, value: n });
      if (errors.length === before) values[k] = String(n);
    } else if (k === "DataPlan") {
      const n = integer(p[k], true);
      if (n === undefined) typeError(k, "Long");
      else if (n != 5) problem(k, "enum", "SAG.InvalidDataPlan", `${k} must be 5; got ${n}.`, { allowed: [5], value: typeof n === "bigint" ? String(n) : n });
      else values[k] = String(n);
    } else if (k === "OwnerId" || k === "ResourceOwnerId") {
      const n = integer(p[k], true);
      if (n === undefined) typeError(k, "Long");
      else values[k] = String(n);
    } else {
      const s = text(k, false);
      if (s !== undefined) values[k] = s;
    }
  }
  for (const k of Object.keys(p).filter((k) => !FIELDS.includes(k)).sort()) {
    if (RESERVED.includes(k)) {
      problem(k, "reserved", "InvalidParameter", `${k} is a common request or signature parameter, not a business parameter; the build sets it (some from its options), or signing adds it.`);
    } else {
      const hint = FIELDS.find((f) => f.toLowerCase() === k.toLowerCase());
      problem(k, "unknown", "InvalidParameter", `${k} is not a parameter of this action and would not be sent${hint ? `; did you mean ${hint}?` : "."}`, hint ? { hint } : {});
    }
  }
  return { errors, values };
}

export function handBuild(params, options) {
  const { errors, values } = handValidate(params);
  if (errors.some((e) => e.severity === "error")) return { ok: false, errors };
  delete values.Action; // a common parameter, set by the serializer
  return serialize(values, options);
}

// --- (b) ajv with a JSON Schema of the same rules ---
const ajv = new Ajv({ allErrors: true, coerceTypes: true });
const long = { type: "integer", minimum: -(2 ** 63), maximum: 2 ** 63 - 1 };
const schema = {
  type: "object",
  additionalProperties: false,
  required: REQUIRED,
  properties: {
    Action: { type: "string", enum: [ACTION] },
    RegionId: { type: "string", pattern: REGION.source, maxLength: 63 },
    Period: { type: "integer", enum: PERIODS },
    AutoPay: { type: "boolean" },
    ChargeType: { type: "string", enum: ["PREPAY"] },
    UserCount: { type: "integer", minimum: 5, multipleOf: 5, maximum: 2147483647 },
    DataPlan: { type: "integer", enum: [5] },
    OwnerId: long,
    ResourceOwnerId: long,
    OwnerAccount: { type: "string", maxLength: 4096 },
    ResourceOwnerAccount: { type: "string", maxLength: 4096 },
  },
};
const check = ajv.compile(schema);

export function ajvValidate(params) {
  const data = { ...params }; // coerceTypes rewrites the object in place
  return check(data) ? { errors: [], data } : { errors: check.errors, data };
}

export function ajvBuild(params, options) {
  const { errors, data } = ajvValidate(params);
  if (errors.length) return { ok: false, errors };
  const values = {};
  for (const k of FIELDS) if (k !== "Action" && data[k] !== undefined) values[k] = String(data[k]);
  return serialize(values, options);
}
