"use strict";
// createOrderHandler (SPEC §7): a company backend's order endpoint. It takes
// POST JSON { action, params, locale? } from the order form, REBUILDS the
// request itself with the module (fresh nonce and time), re-validates it, asks
// the deployment's `authorize` and `policy`, signs it with credentials from its
// own options or the environment, sends it to the Smartag gateway and answers
// with what the gateway said (the module's parseResponse result).
//
// It is never a signing oracle: nothing the client sends is signed as is. Only
// `action`, `params` and `locale` are read from the body; a string-to-sign, URL,
// endpoint, signature, AccessKeyId, time or nonce in the body is ignored (extra
// top-level keys) or refused by the module's own validation (`reserved`, when
// it is inside `params`). The signature, the signed URL and headers never leave
// the server; the secret and the STS token never appear in an answer or a log.

const { readBody, BodyTooLarge, BodyNotUtf8, scrub, isPlainObject, sleep } = require("./http-util.cjs");
const { loadModule, checkModule } = require("./load-module.cjs");

/** The largest order body read: 64 KiB (an order is a few hundred bytes). */
const MAX_ORDER_BYTES = 64 * 1024;
/** The largest gateway answer read: 1 MiB, the module's parseResponse limit. */
const MAX_ANSWER_BYTES = 1 << 20;
/** The RPC common parameters of a V1 request (SPEC §4): not business parameters. */
const COMMON = new Set([
  "AccessKeyId",
  "Action",
  "Format",
  "SecurityToken",
  "SignatureMethod",
  "SignatureNonce",
  "SignatureVersion",
  "Timestamp",
  "Version",
]);
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const LOCALES = new Set(["en", "zh-CN"]);

// The handler's own answers (everything that is not the gateway's): code, then
// the sentence in each locale.
const OWN = {
  MethodNotAllowed: ["Place an order with POST.", "请使用 POST 下单。"],
  Unauthorized: ["Sign in to place an order.", "请先登录再下单。"],
  Forbidden: ["You may not place orders here.", "您无权在此下单。"],
  UnsupportedMediaType: [
    "Send the order as JSON (Content-Type: application/json).",
    "请以 JSON 格式（Content-Type: application/json）发送订单。",
  ],
  PayloadTooLarge: ["The order is too large.", "订单内容过大。"],
  InvalidJson: [
    "The order must be a JSON object { action, params, locale? }.",
    "订单须为 JSON 对象 { action, params, locale? }。",
  ],
  InvalidAction: ["Unknown action; the order was not sent.", "未知的操作，订单未发送。"],
  ActionNotAllowed: ["This action may not be ordered here.", "此处不允许下这种订单。"],
  InvalidParams: ["params must be a JSON object.", "params 须为 JSON 对象。"],
  InvalidLocale: ['locale must be "en" or "zh-CN".', 'locale 须为 "en" 或 "zh-CN"。'],
  InvalidOrder: ["The order could not be read; it was not sent.", "无法读取该订单，订单未发送。"],
  PolicyFailed: ["The order could not be checked; it was not sent.", "无法检查该订单，订单未发送。"],
  GatewayUnreachable: [
    "The gateway could not be reached; the order was not retried. It may still have been placed: check the order list before placing it again.",
    "无法连接网关，订单未重试。订单仍可能已经生成：请先查看订单列表，再决定是否重新下单。",
  ],
  GatewayTimeout: [
    "The gateway did not answer in time; the order was not retried. It may still have been placed: check the order list before placing it again.",
    "网关未及时响应，订单未重试。订单仍可能已经生成：请先查看订单列表，再决定是否重新下单。",
  ],
  GatewayError: [
    "The gateway failed while handling the order; it was not retried. It may still have been placed: check the order list before placing it again.",
    "网关处理订单时出错，订单未重试。订单仍可能已经生成：请先查看订单列表，再决定是否重新下单。",
  ],
  InternalError: ["The order service failed.", "下单服务出错。"],
};

function createOrderHandler(options = {}) {
  const caller = "createOrderHandler";
  if (!isPlainObject(options)) throw new TypeError(`${caller}: options must be an object`);
  // Only own properties count (a polluted Object.prototype sets nothing).
  const opt = (name) => (Object.prototype.hasOwnProperty.call(options, name) ? options[name] : undefined);
  const env = opt("env") ?? process.env;
  const mod = checkModule(opt("module") ?? loadModule(caller), caller, [
    "actions",
    "buildRequest",
    "signedUrl",
    "authorization",
  ]);

  const nonEmpty = (v) => (typeof v === "string" && v !== "" ? v : undefined);
  const accessKeyId = nonEmpty(opt("accessKeyId")) ?? nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_ID);
  const secret = nonEmpty(opt("accessKeySecret")) ?? nonEmpty(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
  const securityToken = nonEmpty(opt("securityToken")) ?? nonEmpty(env.ALIBABA_CLOUD_SECURITY_TOKEN);
  if (accessKeyId === undefined) {
    throw new TypeError(`${caller}: no AccessKey ID: set options.accessKeyId or ALIBABA_CLOUD_ACCESS_KEY_ID`);
  }
  if (secret === undefined) {
    throw new TypeError(`${caller}: no AccessKey secret: set options.accessKeySecret or ALIBABA_CLOUD_ACCESS_KEY_SECRET`);
  }
  // Real AccessKey secrets are 30 characters; a very short one could not be scrubbed
  // from answers and logs without mangling them.
  if (secret.length < 8) throw new RangeError(`${caller}: the AccessKey secret is too short (under 8 characters) to be a real one`);
  const secrets = [secret, securityToken].filter(Boolean);
  const clean = (text) => scrub(text, secrets);

  const signature = opt("signature") ?? "v3";
  if (signature !== "v3" && signature !== "v1") throw new RangeError(`${caller}: options.signature must be "v3" or "v1"`);
  const method = opt("method") ?? "POST";
  if (method !== "POST" && method !== "GET") throw new RangeError(`${caller}: options.method must be "POST" or "GET"`);
  const locale = opt("locale") ?? "en";
  if (!LOCALES.has(locale)) throw new RangeError(`${caller}: options.locale must be "en" or "zh-CN"`);
  const target = parseEndpoint(opt("endpoint"), caller);

  const known = mod.actions();
  if (!Array.isArray(opt("actions") ?? known)) throw new TypeError(`${caller}: options.actions must be an array of action names`);
  const allowed = new Set(opt("actions") ?? known);
  for (const a of allowed) {
    if (!known.includes(a)) throw new RangeError(`${caller}: options.actions: ${JSON.stringify(a)} is not an action of the module`);
  }

  const fetchImpl = opt("fetch") ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TypeError(`${caller}: options.fetch must be a function (or Node 18+'s global fetch)`);
  // The default refuses nothing: a deployment MUST set authorize (README, index.d.ts).
  const authorize = opt("authorize") ?? (() => true);
  const policy = opt("policy");
  for (const [name, f] of [["authorize", authorize], ["policy", policy]]) {
    if (f !== undefined && typeof f !== "function") throw new TypeError(`${caller}: options.${name} must be a function`);
  }
  const timeoutMs = opt("timeoutMs") ?? 30_000;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError(`${caller}: options.timeoutMs must be a positive number`);
  const maxBodyBytes = opt("maxBodyBytes") ?? MAX_ORDER_BYTES;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new RangeError(`${caller}: options.maxBodyBytes must be a positive integer`);
  }
  const retry = readRetry(opt("retry"), caller);
  const log = makeLog(opt("log"), clean, caller);

  const buildOptions = (loc) => ({
    accessKeyId,
    signature,
    method,
    locale: loc,
    ...(signature === "v1" ? { format: "JSON" } : {}),
    ...(target.host !== undefined ? { endpoint: target.host } : {}),
    ...(securityToken !== undefined ? { securityToken } : {}),
  });
  // A dry build checks the AccessKey ID, endpoint and token shapes now, not per order.
  try {
    mod.buildRequest(known[0], {}, buildOptions(locale));
  } catch (err) {
    const e = new (err instanceof RangeError ? RangeError : TypeError)(`${caller}: ${clean(err && err.message)}`);
    throw e;
  }

  const own = (status, code, loc, headers) =>
    respond(status, { ok: false, status, code, message: OWN[code][loc === "zh-CN" ? 1 : 0] }, headers);
  const respond = (status, value, headers = {}) => {
    // The one place an answer is made: the secret and the token are scrubbed from it.
    const text = clean(JSON.stringify(value));
    return new Response(text, { status, headers: { ...BASE_HEADERS, ...headers } });
  };

  /** Signs `built` and sends it once; never retries by itself. */
  async function sendOnce(built) {
    const { url, init } = signedRequest(built);
    const controller = new AbortController();
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ kind: "timeout" });
      }, timeoutMs);
    });
    const attempt = (async () => {
      let res;
      try {
        res = await fetchImpl(url, { ...init, signal: controller.signal });
      } catch (err) {
        if (controller.signal.aborted) return { kind: "timeout" };
        return { kind: "network", detail: errorText(err) };
      }
      try {
        const body = await readBody(res, MAX_ANSWER_BYTES);
        const contentType = res.headers.get("content-type");
        return { kind: "answer", status: res.status, headers: contentType ? { "content-type": contentType } : {}, body };
      } catch (err) {
        if (controller.signal.aborted) return { kind: "timeout" };
        if (err instanceof BodyTooLarge || err instanceof BodyNotUtf8) return { kind: "unreadable", status: res.status, detail: err.message };
        return { kind: "network", detail: errorText(err) };
      }
    })();
    try {
      return await Promise.race([attempt, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  function signedRequest(built) {
    const toTarget = (u) => (target.scheme === "http:" ? "http:" + u.slice("https:".length) : u);
    if (built.signature === "v3") {
      const headers = { ...built.headers, authorization: mod.authorization(built, secret) };
      return { url: toTarget(built.url), init: { method: built.method, headers } };
    }
    const url = mod.signedUrl(built, secret);
    if (built.method === "GET") return { url: toTarget(url), init: { method: "GET", headers: {} } };
    const q = url.indexOf("?");
    return {
      url: toTarget(url.slice(0, q)),
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: url.slice(q + 1),
      },
    };
  }

  async function handle(request) {
    if (request.method !== "POST") {
      await cancelBody(request);
      return own(405, "MethodNotAllowed", locale, { allow: "POST" });
    }
    let verdict;
    try {
      verdict = await authorize(request);
    } catch (err) {
      await cancelBody(request);
      log({ event: "authorize-threw", detail: errorText(err) });
      return own(401, "Unauthorized", locale);
    }
    if (verdict instanceof Response) {
      await cancelBody(request);
      return verdict;
    }
    if (verdict !== true) {
      await cancelBody(request);
      return own(403, "Forbidden", locale);
    }
    const contentType = request.headers.get("content-type") ?? "";
    if (!/^application\/json\s*(;|$)/i.test(contentType.trim())) {
      await cancelBody(request);
      return own(415, "UnsupportedMediaType", locale);
    }

    let text;
    try {
      text = await readBody(request, maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) return own(413, "PayloadTooLarge", locale);
      if (err instanceof BodyNotUtf8) return own(400, "InvalidJson", locale);
      throw err;
    }
    let order;
    try {
      order = JSON.parse(text);
    } catch {
      return own(400, "InvalidJson", locale);
    }
    if (!isPlainObject(order)) return own(400, "InvalidJson", locale);
    // Only these three own keys are read; anything else in the body is ignored.
    const field = (name) => (Object.prototype.hasOwnProperty.call(order, name) ? order[name] : undefined);
    const action = field("action");
    const params = field("params");
    const loc = field("locale") ?? locale;
    if (!LOCALES.has(loc)) return own(400, "InvalidLocale", locale);
    if (typeof action !== "string" || !known.includes(action)) return own(400, "InvalidAction", loc);
    if (!allowed.has(action)) return own(403, "ActionNotAllowed", loc);
    if (!isPlainObject(params)) return own(400, "InvalidParams", loc);

    const build = () => mod.buildRequest(action, params, buildOptions(loc));
    let built;
    try {
      built = build();
    } catch {
      // Misuse from the client's data (over 1,000 keys, say): nothing was sent.
      return own(400, "InvalidOrder", loc);
    }
    if (!built.ok) return respond(400, { ok: false, status: 400, errors: built.errors });

    if (policy !== undefined) {
      let extra;
      try {
        extra = await policy(action, businessParams(built), { request, locale: loc });
      } catch (err) {
        log({ event: "policy-threw", action, detail: errorText(err) });
        return own(500, "PolicyFailed", loc);
      }
      if (extra !== undefined && extra !== null && !Array.isArray(extra)) {
        log({ event: "policy-returned-non-array", action });
        return own(500, "PolicyFailed", loc);
      }
      const problems = extra ?? [];
      if (problems.some((p) => !(isPlainObject(p) && p.severity === "warning"))) {
        return respond(400, { ok: false, status: 400, errors: problems });
      }
    }

    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) built = build(); // a fresh nonce and time for each try
      const outcome = await sendOnce(built);
      if (outcome.kind === "timeout") {
        log({ event: "gateway-timeout", action, attempt });
        return own(504, "GatewayTimeout", loc);
      }
      if (outcome.kind === "network") {
        log({ event: "gateway-unreachable", action, attempt, detail: outcome.detail });
        return own(502, "GatewayUnreachable", loc);
      }
      if (outcome.kind === "unreadable") {
        log({ event: "gateway-answer-unreadable", action, attempt, status: outcome.status, detail: outcome.detail });
        return own(502, "GatewayError", loc);
      }
      let answer;
      try {
        answer = readAnswer(mod, action, outcome, loc);
      } catch (err) {
        log({ event: "gateway-answer-unreadable", action, attempt, status: outcome.status, detail: errorText(err) });
        return own(502, "GatewayError", loc);
      }
      if (answer.ok) return respond(outcome.status >= 200 && outcome.status < 300 ? outcome.status : 200, answer);
      if (isRetryableThrottling(answer, outcome) && attempt < retry.retries) {
        log({ event: "gateway-throttled", action, attempt, code: answer.code });
        await sleep(backoff(retry, attempt, outcome));
        continue;
      }
      if (outcome.status >= 500 && !isThrottlingCode(answer.code)) {
        // A server error may have placed the order: never retried, relayed as 502.
        log({ event: "gateway-error", action, attempt, status: outcome.status, code: answer.code });
        return respond(502, answer);
      }
      // The gateway's own refusal (signature, parameters, throttling after the
      // retries), or an answer that was not the gateway's (a 2xx without OrderId).
      const status = outcome.status >= 400 ? outcome.status : 502;
      return respond(status, answer);
    }
  }

  return async function orderHandler(request) {
    try {
      return await handle(request);
    } catch (err) {
      log({ event: "internal-error", detail: errorText(err) });
      return own(500, "InternalError", locale);
    }
  };
}

const BASE_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

/** The gateway's answer, read by the module's parseResponse (SPEC §5): the one place the handler reads one. */
function readAnswer(mod, action, response, locale) {
  return mod.parseResponse(action, { status: response.status, headers: response.headers, body: response.body }, { locale });
}

const isThrottlingCode = (code) => typeof code === "string" && /^Throttling(\.|$)/.test(code);

/** A throttling refusal: no order was placed, so it is the one answer worth retrying. */
function isRetryableThrottling(answer, outcome) {
  return (
    !answer.ok &&
    isThrottlingCode(answer.code) &&
    [400, 429, 503].includes(outcome.status) &&
    !outcome.body.includes("OrderId")
  );
}

function backoff(retry, attempt, outcome) {
  const exp = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  const jittered = exp / 2 + Math.random() * (exp / 2);
  const after = Number(outcome.headers && outcome.headers["retry-after"]);
  return Number.isFinite(after) && after > 0 ? Math.min(retry.maxDelayMs, after * 1000) : jittered;
}

function readRetry(value, caller) {
  const r = { retries: 2, baseDelayMs: 250, maxDelayMs: 2000, ...(isPlainObject(value) ? value : {}) };
  if (value !== undefined && !isPlainObject(value)) throw new TypeError(`${caller}: options.retry must be an object`);
  if (!(Number.isInteger(r.retries) && r.retries >= 0 && r.retries <= 2)) {
    throw new RangeError(`${caller}: options.retry.retries must be 0, 1 or 2 (a throttled order is retried at most twice)`);
  }
  for (const k of ["baseDelayMs", "maxDelayMs"]) {
    if (!(Number.isFinite(r[k]) && r[k] >= 0)) throw new RangeError(`${caller}: options.retry.${k} must be a number >= 0`);
  }
  return r;
}

/**
 * `endpoint`: a host[:port] (sent with https), or a URL with no path: https
 * anywhere, http only to a loopback host (the emulator in tests and the demo).
 */
function parseEndpoint(endpoint, caller) {
  if (endpoint === undefined) return { scheme: "https:", host: undefined };
  if (typeof endpoint !== "string" || endpoint === "") throw new TypeError(`${caller}: options.endpoint must be a non-empty string`);
  if (!endpoint.includes("://")) return { scheme: "https:", host: endpoint };
  let u;
  try {
    u = new URL(endpoint);
  } catch {
    throw new RangeError(`${caller}: options.endpoint is not a URL or host`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new RangeError(`${caller}: options.endpoint must be https (or http to a loopback host)`);
  if (u.pathname !== "/" || u.search || u.hash || u.username || u.password) {
    throw new RangeError(`${caller}: options.endpoint must be a scheme and host only, no path, query or credentials`);
  }
  if (u.protocol === "http:" && !LOOPBACK.has(u.hostname)) {
    throw new RangeError(`${caller}: options.endpoint may use http only for a loopback host (127.0.0.1, localhost, [::1])`);
  }
  return { scheme: u.protocol, host: u.host };
}

function businessParams(built) {
  const out = {};
  for (const [k, v] of Object.entries(built.params)) if (built.signature === "v3" || !COMMON.has(k)) out[k] = v;
  return Object.freeze(out);
}

function errorText(err) {
  const parts = [];
  for (let e = err, i = 0; e !== undefined && e !== null && i < 4; e = e.cause, i++) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message}${e.code ? ` (${e.code})` : ""}` : String(e));
    if (!(e instanceof Error)) break;
  }
  return parts.join(" <- ");
}

async function cancelBody(request) {
  if (request.body && !request.body.locked) await request.body.cancel().catch(() => {});
}

/** `log`: a function(entry), false to be silent, or (default) one console.warn line per event. */
function makeLog(value, clean, caller) {
  if (value === false) return () => {};
  if (value !== undefined && typeof value !== "function") throw new TypeError(`${caller}: options.log must be a function or false`);
  const sink = value ?? ((entry) => console.warn(`smartag-request/server: ${JSON.stringify(entry)}`));
  return (entry) => {
    // Every string is scrubbed before any sink sees it.
    const safe = JSON.parse(clean(JSON.stringify(entry)));
    try {
      sink(safe);
    } catch {
      // A failing logger must not fail an order.
    }
  };
}

module.exports = { createOrderHandler, readAnswer, MAX_ORDER_BYTES };
