"use strict";
// createGatewayEmulator (SPEC §7): a local stand-in for the Smartag gateway
// (smartag.<region>.aliyuncs.com, API 2018-03-13, RPC), for tests and the demo.
// NEVER FOR PRODUCTION: it places no order anywhere, keeps its state in memory,
// and its AccessKey secrets are whatever the caller configured.
//
// What it checks, in the gateway's order, and what it answers (status, Code,
// Message as Alibaba's gateway words them; sources in README-server.md):
//   path "/" and GET/POST              else 404 InvalidAction.NotFound
//   V1: Action, Version, AccessKeyId, Signature, SignatureMethod,
//       SignatureVersion, Timestamp, SignatureNonce present
//   V3: Authorization ACS3-HMAC-SHA256 well formed, the x-acs-* headers present
//       and signed                     else 400 MissingParameter / IncompleteSignature
//   Version is 2018-03-13              else 400 InvalidVersion
//   Action is one of the module's      else 404 InvalidAction.NotFound
//   time stamp well formed, within 15 minutes
//                                      else 400 InvalidTimeStamp.Format / .Expired
//   AccessKey ID known                 else 404 InvalidAccessKeyId.NotFound
//   signature (V1 HMAC-SHA1, V3 ACS3-HMAC-SHA256)
//                                      else 400 SignatureDoesNotMatch
//   nonce not used before (per AccessKey ID, remembered while its time stamp
//   is acceptable, bounded)            else 400 SignatureNonceUsed
//   options.fault(info)                its { status, code } when it returns one
//   the params, validated by the module
//                                      else 400 with the first error's code
//                                      (SAG.InvalidUserCount, MissingParameter, InvalidParameter ...)
// A success is 200 with RequestId, a fresh unique 15-digit OrderId and, for a
// creation, a new instance ID sag-…; V1 answers in its Format (JSON or XML),
// V3 in JSON.

const crypto = require("node:crypto");
const { readBody, BodyTooLarge, BodyNotUtf8, isPlainObject, sleep } = require("./http-util.cjs");
const { loadModule, checkModule } = require("./load-module.cjs");

const VERSION = "2018-03-13";
const MAX_SKEW_MS = 15 * 60 * 1000;
const V3_REQUIRED_HEADERS = [
  "host",
  "x-acs-action",
  "x-acs-content-sha256",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-version",
];
const V1_REQUIRED = ["Action", "Version", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp", "SignatureNonce"];
const V1_COMMON = new Set([...V1_REQUIRED, "Format", "SecurityToken", "SignatureType"]);
// Instance IDs a creation answers with (seeds 000/003: SmartAGId, ResourceGroupId).
const CREATIONS = new Set(["CreateSmartAccessGatewaySoftware", "CreateSmartAccessGateway"]);

// The gateway's messages for its own codes (help.aliyun.com/document_detail/48054.html,
// the common error code pages; InvalidVersion and InvalidAction.NotFound as the
// POP gateway answers them in aliyun/openapi-sdk-php#175 and aliyun/openapi-sdk-php-client#230).
const MESSAGES = {
  "InvalidAction.NotFound": "Specified api is not found, please check your url and method.",
  InvalidVersion: "Specified parameter Version is not valid.",
  "InvalidTimeStamp.Format": "Specified time stamp or date value is not well formatted.",
  "InvalidTimeStamp.Expired": "Specified time stamp or date value is expired.",
  "InvalidAccessKeyId.NotFound": "Specified access key is not found.",
  SignatureDoesNotMatch: "Specified signature is not matched with our calculation.",
  SignatureNonceUsed: "Specified signature nonce was used already.",
  IncompleteSignature: "The request signature does not conform to Aliyun standards.",
  "Throttling.User": "Request was denied due to user flow control.",
  "Throttling.Api": "Request was denied due to api flow control.",
  InternalError: "The request processing has failed due to some unknown error, exception or failure.",
  ServiceUnavailable: "The request has failed due to a temporary failure of the server.",
  "SAG.InvalidUserCount": "The specified UserCount is invalid.",
  "SAG.InvalidDataPlan": "The specified DataPlan is invalid.",
};
const missing = (name) => `The input parameter "${name}" that is mandatory for processing this request is not supplied.`;
const invalid = (name) => `The specified parameter "${name}" is not valid.`;

function createGatewayEmulator(options = {}) {
  const caller = "createGatewayEmulator";
  if (!isPlainObject(options)) throw new TypeError(`${caller}: options must be an object`);
  const opt = (name) => (Object.prototype.hasOwnProperty.call(options, name) ? options[name] : undefined);
  const mod = checkModule(opt("module") ?? loadModule(caller), caller, ["actions", "validate", "parseRequest", "sign"]);
  const credentials = new Map();
  const list = opt("credentials");
  if (!Array.isArray(list) || list.length === 0) {
    throw new TypeError(`${caller}: options.credentials must be a non-empty array of { accessKeyId, accessKeySecret }`);
  }
  for (const c of list) {
    if (!isPlainObject(c) || typeof c.accessKeyId !== "string" || !c.accessKeyId || typeof c.accessKeySecret !== "string" || !c.accessKeySecret) {
      throw new TypeError(`${caller}: each credential must be { accessKeyId, accessKeySecret } with non-empty strings`);
    }
    credentials.set(c.accessKeyId, c.accessKeySecret);
  }
  const fault = opt("fault");
  if (fault !== undefined && typeof fault !== "function") throw new TypeError(`${caller}: options.fault must be a function`);
  const now = opt("now") ?? Date.now;
  const nonceCapacity = opt("nonceCapacity") ?? 100_000;
  const maxBodyBytes = opt("maxBodyBytes") ?? 1 << 20;
  const keepOrders = opt("keepOrders") ?? 10_000;
  const actions = new Set(mod.actions());
  const verifyV3 = makeV3Verifier(mod);

  const stats = { requests: 0, orders: 0, refused: 0 };
  const orders = []; // the last `keepOrders` orders placed, oldest first
  const nonces = new Map(); // `${accessKeyId}\n${nonce}` -> the time (ms) after which it can be forgotten
  let nextOrder = 203_000_000_000_000 + Math.floor(Math.random() * 1e12) * 100;

  /** Remembers a nonce; false when it was used already or the memory is full. */
  function remember(accessKeyId, nonce, stampMs) {
    const key = `${accessKeyId}\n${nonce}`;
    const t = now();
    if (nonces.has(key) && nonces.get(key) >= t) return "used";
    if (nonces.size >= nonceCapacity) {
      for (const [k, until] of nonces) if (until < t) nonces.delete(k);
      if (nonces.size >= nonceCapacity) return "full";
    }
    // A request with this time stamp is refused as expired after stamp + 15 min,
    // so the nonce needs remembering only until then.
    nonces.set(key, stampMs + MAX_SKEW_MS);
    return "new";
  }

  async function handle(request) {
    stats.requests++;
    const ctx = { requestId: crypto.randomUUID().toUpperCase(), hostId: "", format: "JSON", action: "" };
    let url;
    try {
      url = new URL(request.url);
    } catch {
      return fail(ctx, 404, "InvalidAction.NotFound");
    }
    ctx.hostId = request.headers.get("host") ?? url.host;
    if (url.pathname !== "/" || (request.method !== "GET" && request.method !== "POST")) {
      return fail(ctx, 404, "InvalidAction.NotFound");
    }
    let body;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) return fail(ctx, 413, "InvalidParameter", "The request body is too large.");
      if (err instanceof BodyNotUtf8) return fail(ctx, 400, "InvalidParameter", "The request body is not UTF-8.");
      throw err;
    }
    const authorization = request.headers.get("authorization");
    const isV3 = authorization !== null && /^ACS3-/.test(authorization);
    return isV3 ? handleV3(request, url, body, authorization, ctx) : handleV1(request, url, body, ctx);
  }

  async function handleV1(request, url, body, ctx) {
    const query = url.search.slice(1);
    const form = /^application\/x-www-form-urlencoded/i.test(request.headers.get("content-type") ?? "");
    const text = [query, request.method === "POST" && form ? body : ""].filter(Boolean).join("&");
    const parsed = mod.parseRequest(text, { locale: "en" });
    const common = parsed.common;
    if (common.Format === "XML") ctx.format = "XML";
    // A repeated or broken common parameter is refused before anything else.
    const broken = parsed.problems.find((p) => p.severity === "error" && V1_COMMON.has(p.field) && p.rule !== "enum" && p.rule !== "required");
    for (const name of V1_REQUIRED) {
      if (common[name] === undefined || common[name] === "") return fail(ctx, 400, "MissingParameter", missing(name));
    }
    if (broken) return fail(ctx, 400, broken.code === "InvalidTimeStamp.Format" ? broken.code : "InvalidParameter", invalid(broken.field));
    if (common.Version !== VERSION) return fail(ctx, 400, "InvalidVersion");
    if (!actions.has(common.Action)) return fail(ctx, 404, "InvalidAction.NotFound");
    ctx.action = common.Action;
    if (common.SignatureMethod !== "HMAC-SHA1") return fail(ctx, 400, "InvalidParameter", invalid("SignatureMethod"));
    if (common.SignatureVersion !== "1.0") return fail(ctx, 400, "InvalidParameter", invalid("SignatureVersion"));
    if (common.Format !== undefined && common.Format !== "JSON" && common.Format !== "XML") {
      return fail(ctx, 400, "InvalidParameter", invalid("Format"));
    }
    const stamp = readStamp(common.Timestamp);
    if (stamp === null) return fail(ctx, 400, "InvalidTimeStamp.Format");
    if (Math.abs(now() - stamp) > MAX_SKEW_MS) return fail(ctx, 400, "InvalidTimeStamp.Expired");
    const secret = credentials.get(common.AccessKeyId);
    if (secret === undefined) return fail(ctx, 404, "InvalidAccessKeyId.NotFound");
    const verified = mod.parseRequest(text, { locale: "en", accessKeySecret: secret, method: request.method });
    if (verified.signatureValid !== true) return fail(ctx, 400, "SignatureDoesNotMatch");
    const seen = remember(common.AccessKeyId, common.SignatureNonce, stamp);
    if (seen === "used") return fail(ctx, 400, "SignatureNonceUsed");
    if (seen === "full") return fail(ctx, 400, "Throttling.User");
    const problems = parsed.problems.filter((p) => p.severity === "error" && !V1_COMMON.has(p.field));
    return finish(ctx, { signature: "v1", accessKeyId: common.AccessKeyId, params: parsed.params, problems });
  }

  async function handleV3(request, url, body, authorization, ctx) {
    const auth = /^ACS3-HMAC-SHA256 Credential=([^,\s]+),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(authorization);
    if (auth === null) return fail(ctx, 400, "IncompleteSignature");
    const [, accessKeyId, signedHeaders, signature] = auth;
    const header = (name) => request.headers.get(name);
    for (const name of V3_REQUIRED_HEADERS) {
      if (name !== "host" && (header(name) === null || header(name) === "")) return fail(ctx, 400, "MissingParameter", missing(name));
    }
    const signed = signedHeaders.split(";");
    const mustSign = [...V3_REQUIRED_HEADERS, ...["x-acs-security-token", "x-acs-accesskey-id"].filter((h) => header(h) !== null)];
    const sorted = [...signed].sort();
    if (mustSign.some((h) => !signed.includes(h)) || signed.some((h, i) => h !== sorted[i] || (i > 0 && h === signed[i - 1]))) {
      return fail(ctx, 400, "IncompleteSignature");
    }
    if (header("x-acs-version") !== VERSION) return fail(ctx, 400, "InvalidVersion");
    const action = header("x-acs-action");
    if (!actions.has(action)) return fail(ctx, 404, "InvalidAction.NotFound");
    ctx.action = action;
    const stamp = readStamp(header("x-acs-date"));
    if (stamp === null) return fail(ctx, 400, "InvalidTimeStamp.Format");
    if (Math.abs(now() - stamp) > MAX_SKEW_MS) return fail(ctx, 400, "InvalidTimeStamp.Expired");
    const secret = credentials.get(accessKeyId);
    if (secret === undefined) return fail(ctx, 404, "InvalidAccessKeyId.NotFound");
    if (header("x-acs-accesskey-id") !== null && header("x-acs-accesskey-id") !== accessKeyId) {
      return fail(ctx, 400, "SignatureDoesNotMatch");
    }
    const hashed = crypto.createHash("sha256").update(body, "utf8").digest("hex");
    if (header("x-acs-content-sha256") !== hashed) return fail(ctx, 400, "SignatureDoesNotMatch");
    const ok = verifyV3({ method: request.method, url: url.href, headers: request.headers, body, signedHeaders, signature }, secret);
    if (!ok) return fail(ctx, 400, "SignatureDoesNotMatch");
    const seen = remember(accessKeyId, header("x-acs-signature-nonce"), stamp);
    if (seen === "used") return fail(ctx, 400, "SignatureNonceUsed");
    if (seen === "full") return fail(ctx, 400, "Throttling.User");
    // The business parameters: the query, and a form body if there is one.
    const form = /^application\/x-www-form-urlencoded/i.test(header("content-type") ?? "");
    const pairs = readPairs([url.search.slice(1), form ? body : ""].filter(Boolean).join("&"));
    if (pairs.error) return fail(ctx, 400, "InvalidParameter", invalid(pairs.error));
    const problems = mod.validate(action, pairs.params, { locale: "en" }).filter((p) => p.severity === "error");
    return finish(ctx, { signature: "v3", accessKeyId, params: pairs.params, problems });
  }

  async function finish(ctx, order) {
    if (fault !== undefined) {
      const f = await fault({ action: ctx.action, params: order.params, signature: order.signature, accessKeyId: order.accessKeyId, request: stats.requests, orders: stats.orders });
      if (f !== undefined && f !== null) {
        if (f.delayMs > 0) await sleep(f.delayMs);
        if (f.placeOrder === true) place(ctx, order);
        if (typeof f.code === "string") return fail(ctx, f.status ?? 400, f.code, f.message);
      }
    }
    const first = order.problems[0];
    if (first !== undefined) {
      const message =
        MESSAGES[first.code] ?? (first.code === "MissingParameter" ? missing(first.field) : invalid(first.field));
      return fail(ctx, 400, first.code, message);
    }
    return answer(ctx, 200, place(ctx, order));
  }

  function place(ctx, order) {
    const fields = { RequestId: ctx.requestId, OrderId: String(nextOrder++) };
    if (CREATIONS.has(ctx.action)) {
      fields.SmartAGId = `sag-${randomId(18)}`;
      fields.ResourceGroupId = `rg-${randomId(15)}`;
    }
    stats.orders++;
    orders.push({ ...fields, action: ctx.action, signature: order.signature, accessKeyId: order.accessKeyId, params: order.params });
    if (orders.length > keepOrders) orders.shift();
    return fields;
  }

  function fail(ctx, status, code, message) {
    stats.refused++;
    const recommend = `https://error-center.aliyun.com/status/search?Keyword=${encodeURIComponent(code)}&source=PopGw`;
    return answer(ctx, status, {
      RequestId: ctx.requestId,
      HostId: ctx.hostId,
      Code: code,
      Message: message ?? MESSAGES[code] ?? code,
      Recommend: recommend,
    }, true);
  }

  function answer(ctx, status, fields, isError = false) {
    const headers = { "x-acs-request-id": ctx.requestId };
    if (ctx.format === "XML") {
      const root = isError ? "Error" : `${ctx.action}Response`;
      const inner = Object.entries(fields)
        .map(([k, v]) => (k === "Recommend" ? `<${k}><![CDATA[${v.replace(/]]>/g, "]]]]><![CDATA[>")}]]></${k}>` : `<${k}>${xmlText(v)}</${k}>`))
        .join("");
      return new Response(`<?xml version='1.0' encoding='UTF-8'?><${root}>${inner}</${root}>`, {
        status,
        headers: { ...headers, "content-type": "text/xml;charset=utf-8" },
      });
    }
    return new Response(JSON.stringify(fields), { status, headers: { ...headers, "content-type": "application/json;charset=utf-8" } });
  }

  async function emulator(request) {
    try {
      return await handle(request);
    } catch {
      return new Response(JSON.stringify({ Code: "InternalError", Message: MESSAGES.InternalError }), {
        status: 500,
        headers: { "content-type": "application/json;charset=utf-8" },
      });
    }
  }
  Object.defineProperties(emulator, {
    /** Live counters: requests received, orders placed, requests refused. */
    stats: { value: stats, enumerable: true },
    /** The orders placed (the last `keepOrders`), oldest first. */
    orders: { value: orders, enumerable: true },
    /** Forgets nonces, orders and counters. */
    reset: {
      value: () => {
        stats.requests = stats.orders = stats.refused = 0;
        orders.length = 0;
        nonces.clear();
      },
    },
  });
  return emulator;
}

/** The V3 signature check: the module's parseRequest reads the request object and verifies it. */
function makeV3Verifier(mod) {
  return (req, secret) => {
    const headers = {};
    for (const [k, v] of req.headers) headers[k] = v;
    const r = mod.parseRequest({ method: req.method, url: req.url, headers, body: req.body }, { accessKeySecret: secret });
    return r.signatureValid === true;
  };
}

/** Query/form pairs as a plain object of strings; a repeated or undecodable key is an error. */
function readPairs(text) {
  const params = Object.create(null);
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    let k, v;
    try {
      k = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      v = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1));
    } catch {
      return { error: eq < 0 ? part : part.slice(0, eq) };
    }
    if (k in params) return { error: k };
    params[k] = v;
  }
  return { params: { ...params } };
}

/** `YYYY-MM-DDThh:mm:ssZ` (UTC) as ms, or null. */
function readStamp(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text ?? "");
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return t;
}

function randomId(n) {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.randomBytes(n);
  let out = "";
  for (const b of bytes) out += alphabet[b % 36];
  return out;
}

function xmlText(v) {
  return String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

module.exports = { createGatewayEmulator };
