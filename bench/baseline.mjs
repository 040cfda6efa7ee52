// The two baselines the module is measured against, for CreateSmartAccessGatewaySoftware:
// (a) straightforward hand-written JS and (b) ajv 8 with a JSON Schema of the same
// rules; both share one plain JS serializer. They collect every problem, as we do.
import Ajv from "ajv";

const ACTION = "CreateSmartAccessGatewaySoftware";
const PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36];
const REGION = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const FIELDS = ["RegionId", "Period", "AutoPay", "ChargeType", "UserCount", "DataPlan"];

// --- the shared serializer (SPEC §4) ---
const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

export function serialize(values, options) {
  const params = {
    ...values,
    Action: ACTION,
    Version: "2018-03-13",
    Format: options.format ?? "JSON",
    AccessKeyId: options.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: options.nonce,
    Timestamp: options.timestamp,
  };
  const keys = Object.keys(params).sort();
  const canonicalQuery = keys.map((k) => `${encode(k)}=${encode(params[k])}`).join("&");
  const stringToSign = `GET&%2F&${encode(canonicalQuery)}`;
  return { ok: true, params, canonicalQuery, stringToSign, url: `https://smartag.${params.RegionId}.aliyuncs.com/?${canonicalQuery}` };
}

// --- (a) hand-written validation ---
const int = (v) => (typeof v === "number" ? (Number.isInteger(v) ? v : NaN) : /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN);
const bool = (v) => (v === true || v === "true" || v === 1 || v === "1" ? true : v === false || v === "false" || v === 0 || v === "0" ? false : null);

export function handValidate(p) {
  const errors = [];
  const values = {};
  const problem = (field, rule, code, message) => errors.push({ field, rule, code, message, severity: "error" });
  const given = (k) => p[k] !== undefined && p[k] !== null && p[k] !== "";
  for (const k of FIELDS) if (!given(k)) problem(k, "required", "MissingParameter", `${k} is required.`);
  if (given("RegionId")) {
    const r = String(p.RegionId).trim();
    if (!REGION.test(r)) problem("RegionId", "format", "InvalidParameter", `RegionId must be a region ID such as cn-shanghai; got "${r}".`);
    else values.RegionId = r;
  }
  if (given("Period")) {
    const n = int(p.Period);
    if (!Number.isInteger(n) || n > 2147483647 || n < -2147483648) problem("Period", "type", "InvalidParameter", `Period must be a whole number; got ${p.Period}.`);
    else if (!PERIODS.includes(n)) problem("Period", "enum", "InvalidParameter", `Period must be one of ${PERIODS.join(", ")}; got ${n}.`);
    else values.Period = String(n);
  }
  if (given("AutoPay")) {
    const b = bool(typeof p.AutoPay === "string" ? p.AutoPay.trim() : p.AutoPay);
    if (b === null) problem("AutoPay", "type", "InvalidParameter", `AutoPay must be true or false; got ${p.AutoPay}.`);
    else values.AutoPay = String(b);
  }
  if (given("ChargeType")) {
    const c = String(p.ChargeType).trim();
    if (c !== "PREPAY") problem("ChargeType", "enum", "InvalidParameter", `ChargeType must be PREPAY; got "${c}".`);
    else values.ChargeType = c;
  }
  if (given("UserCount")) {
    const n = int(p.UserCount);
    if (!Number.isInteger(n) || n > 2147483647 || n < -2147483648) problem("UserCount", "type", "InvalidParameter", `UserCount must be a whole number; got ${p.UserCount}.`);
    else {
      if (n < 5) problem("UserCount", "range", "SAG.InvalidUserCount", `UserCount must be at least 5; got ${n}.`);
      if (n % 5 !== 0) problem("UserCount", "multipleOf", "SAG.InvalidUserCount", `UserCount must be a multiple of 5 (5, 10, 15 ...); got ${n}.`);
      values.UserCount = String(n);
    }
  }
  if (given("DataPlan")) {
    const n = int(p.DataPlan);
    if (!Number.isSafeInteger(n)) problem("DataPlan", "type", "InvalidParameter", `DataPlan must be a whole number; got ${p.DataPlan}.`);
    else if (n !== 5) problem("DataPlan", "enum", "SAG.InvalidDataPlan", `DataPlan must be 5; got ${n}.`);
    else values.DataPlan = String(n);
  }
  for (const k of Object.keys(p)) if (!FIELDS.includes(k)) problem(k, "unknown", "InvalidParameter", `${k} is not a parameter of this action.`);
  return { errors, values };
}

export function handBuild(params, options) {
  const { errors, values } = handValidate(params);
  return errors.length ? { ok: false, errors } : serialize(values, options);
}

// --- (b) ajv with a JSON Schema of the same rules ---
const ajv = new Ajv({ allErrors: true, coerceTypes: true });
const schema = {
  type: "object",
  additionalProperties: false,
  required: FIELDS,
  properties: {
    RegionId: { type: "string", pattern: REGION.source },
    Period: { type: "integer", enum: PERIODS },
    AutoPay: { type: "boolean" },
    ChargeType: { type: "string", enum: ["PREPAY"] },
    UserCount: { type: "integer", minimum: 5, multipleOf: 5, maximum: 2147483647 },
    DataPlan: { type: "integer", enum: [5] },
  },
};
const check = ajv.compile(schema);

export function ajvBuild(params, options) {
  const data = { ...params }; // coerceTypes rewrites the object in place
  if (!check(data)) return { ok: false, errors: check.errors };
  const values = {};
  for (const k of FIELDS) values[k] = String(data[k]);
  return serialize(values, options);
}
