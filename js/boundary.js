// The JS half of the module's boundary (src/wasm/): the one place where caller
// code (getters, Proxy traps) may run, and the platform's time and randomness.
// Everything it uses is taken from the realm when the module loads, so that a
// later change to a global (JSON.parse, Object.keys, Error ...) changes nothing.

// `uncurry(String.prototype.slice)(s, 0, 1)` is `s.slice(0, 1)` with the slice of load time.
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const { getPrototypeOf, getOwnPropertyDescriptor, keys } = Object;
const { isArray } = Array;
const parseJson = JSON.parse;
const stringify = JSON.stringify;
const toText = String;
const RealDate = Date;
const dateTime = uncurry(Date.prototype.getTime);
const isoString = uncurry(Date.prototype.toISOString);
const headersForEach = globalThis.Headers && uncurry(globalThis.Headers.prototype.forEach);
const headersPrototype = globalThis.Headers?.prototype;
const toStringTag = Symbol.toStringTag;
const random = globalThis.crypto?.getRandomValues && uncurry(globalThis.crypto.getRandomValues);
const realCrypto = globalThis.crypto;
const Bytes = Uint8Array;
const slice = uncurry(String.prototype.slice);
const charCodeAt = uncurry(String.prototype.charCodeAt);
// Whether a string has no unpaired surrogate, and the string with U+FFFD for each.
const wellFormed = uncurry(String.prototype.isWellFormed);
const toWellFormed = uncurry(String.prototype.toWellFormed);
const errors = { Error, TypeError, RangeError };
const HEX = "0123456789abcdef";

/** An Error of class `kind` ("Error", "TypeError", "RangeError"), with `cause` when given. */
export function fail(kind, message, cause) {
  return new errors[kind](message, cause === undefined ? undefined : { cause });
}

/** The module's own JSON text (always JSON) as plain objects: every key an own data property. */
export function parse(text) {
  return parseJson(text);
}

/** The current time as `YYYY-MM-DDThh:mm:ssZ`. */
export function now() {
  return slice(isoString(new RealDate()), 0, 19) + "Z";
}

/** A random (version 4) UUID, or undefined when the platform has no crypto. */
export function nonce() {
  if (!random) return undefined;
  const b = random(realCrypto, new Bytes(16));
  b[6] = (b[6] & 0x0f) | 0x40; // RFC 9562: version 4
  b[8] = (b[8] & 0x3f) | 0x80; // variant 10
  let out = "";
  for (let i = 0; i < 16; i++) out += (i === 4 || i === 6 || i === 8 || i === 10 ? "-" : "") + HEX[b[i] >> 4] + HEX[b[i] & 15];
  return out;
}

// `params.RegionId`, or `params["odd key"]` for a key that is not a plain name.
function path(base, key) {
  let plain = key.length > 0 && key.length <= 64;
  for (let i = 0; plain && i < key.length; i++) {
    const c = charCodeAt(key, i);
    plain = c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  }
  return plain ? `${base}.${key}` : `${base}[${stringify(key.length > 40 ? slice(key, 0, 40) + "…" : key)}]`;
}

// How a thrown value is named in a message: its own `message` data property when
// that is a short string. Never an inherited one: a string or symbol thrown must
// not run a getter a page put on Object.prototype, and no getter of the value runs.
function described(thrown) {
  try {
    const own = thrown !== null && typeof thrown === "object" ? getOwnPropertyDescriptor(thrown, "message") : undefined;
    const m = own?.value;
    if (own && "value" in own && typeof m === "string" && m.length <= 1000) return `: ${m}`;
  } catch {
    // A Proxy's trap that throws is described like a value without a message.
  }
  return ` ${kind(thrown)}`;
}

// How a value is named in messages: "a string", "an array", "null" ...
function kind(v) {
  if (v === null || v === undefined) return `${v}`;
  if (typeof v !== "object") return `a ${typeof v}`;
  try {
    return isArray(v) ? "an array" : "an object";
  } catch {
    return "an object"; // a revoked Proxy
  }
}

// A plain object: its prototype is null or a root prototype (an object literal of
// any realm, Object.create(null), a Proxy of one).
function isPlain(v) {
  const proto = getPrototypeOf(v);
  return proto === null || getPrototypeOf(proto) === null;
}

// Whether `v` may be a WHATWG Headers (this realm's or another's): a prototype in its
// chain is Headers.prototype or has its own tag "Headers". Only such an object is
// brand-checked with Headers.prototype.forEach: in Node that is undici's JS, whose
// failed brand check makes an Error and sets its `code` (through a page's setter on
// Object.prototype), and costs an Error's stack for every Map or class instance.
function maybeHeaders(v) {
  let proto = getPrototypeOf(v);
  for (let steps = 0; proto !== null && steps < 64; steps++, proto = getPrototypeOf(proto)) {
    if (proto === headersPrototype) return true;
    const tag = getOwnPropertyDescriptor(proto, toStringTag);
    if (tag && "value" in tag && tag.value === "Headers") return true;
  }
  return false;
}

function brand(method, v) {
  try {
    method(v, () => {});
    return true;
  } catch {
    return false;
  }
}

/**
 * A snapshot of the `count` (at most 3) arguments `value0` ... (named `name0` ...,
 * after the action; passed one by one, as no array the module makes in JS is safe
 * from a page's index setters on Array.prototype), as the text of a JSON array,
 * written here piece by piece (JSON.stringify only ever sees a string, so no
 * `toJSON` of a page's runs): strings, finite numbers, booleans and null as they
 * are; `depth` levels of plain objects (and WHATWG Headers) as objects of their
 * own enumerable string keys (a key with an unpaired surrogate gets U+FFFD in its
 * place, a value of undefined leaves its key out); anything else a tag, an array
 * `[kind, value]`: `["bigint", digits]`, `["badText"]` (a string with an unpaired
 * surrogate), `["number", "NaN"]`, `["undefined"]`, `["date", "YYYY-MM-DDThh:mm:ssZ" or ""]`,
 * `["other", "an array"]`. At most `maxKeys` keys an object and `budget` UTF-16
 * code units of text in all. Caller code that throws, and a call over the caps,
 * throw an Error for `call`.
 */
export function snapshot(call, depth, budget, maxKeys, count, name0, value0, name1, value1, name2, value2) {
  const over = (what) => fail("RangeError", `${call}: ${what} takes the text of one call past ${1 << 20} UTF-16 code units`);
  // The thrown value is the cause even when it is undefined (`fail` takes undefined for none).
  const threw = (what, e) => new errors.Error(`${call}: ${what} threw${described(e)}`, { cause: e });
  const tag = (kind, value) => (value === undefined ? `["${kind}"]` : `["${kind}",${stringify(value)}]`);
  const text = (s, what) => {
    if ((budget -= s.length) < 0) throw over(what);
    return wellFormed(s) ? stringify(s) : tag("badText");
  };
  const copy = (v, what, depth) => {
    switch (typeof v) {
      case "string":
        return text(v, what);
      case "number":
        return v - v === 0 ? toText(v) : tag("number", toText(v)); // NaN and ±Infinity are not JSON
      case "boolean":
        return v ? "true" : "false";
      case "undefined":
        return tag("undefined");
      case "bigint": {
        const digits = toText(v); // runs no caller code, unlike v.toString()
        if ((budget -= digits.length) < 0) throw over(what);
        return tag("bigint", digits);
      }
      case "function":
      case "symbol":
        return tag("other", kind(v));
    }
    if (v === null) return "null";
    // Plain objects first: a brand check throws for them, and a throw costs microseconds.
    let plain;
    try {
      plain = isPlain(v);
    } catch (e) {
      throw threw(`reading ${what}`, e);
    }
    if (!plain) {
      if (brand(dateTime, v)) {
        // The Date's own time value: an own `getTime` (caller code) is never called.
        const time = dateTime(v);
        const iso = time !== time ? "" : isoString(v); // NaN: an invalid Date
        return tag("date", iso.length === 24 ? slice(iso, 0, 19) + "Z" : ""); // four-digit years only
      }
      let headers;
      try {
        headers = depth > 0 && headersForEach && maybeHeaders(v) && brand(headersForEach, v);
      } catch (e) {
        throw threw(`reading ${what}`, e); // a Proxy's trap
      }
      if (headers) {
        let out = "";
        headersForEach(v, (value, name) => (out += `${out ? "," : ""}${text(name, what)}:${text(value, what)}`));
        return `{${out}}`;
      }
      return tag("other", kind(v));
    }
    if (depth === 0) return tag("other", kind(v));
    let own;
    try {
      own = keys(v);
    } catch (e) {
      throw threw(`reading ${what}`, e);
    }
    if (own.length > maxKeys) throw fail("RangeError", `${call}: ${what} has ${own.length} keys; at most ${maxKeys} are read`);
    let out = "";
    // An index loop: for-of would run a page's Array.prototype[Symbol.iterator] or its iterator's `next`.
    for (let i = 0; i < own.length; i++) {
      const key = own[i];
      if ((budget -= key.length) < 0) throw over(`a key of ${what}`);
      let value;
      try {
        value = v[key];
      } catch (e) {
        throw threw(`reading ${path(what, key)}`, e);
      }
      if (value === undefined) continue; // not given
      out += `${out ? "," : ""}${stringify(toWellFormed(key))}:${copy(value, path(what, key), depth - 1)}`;
    }
    return `{${out}}`;
  };
  let out = "";
  if (count > 0) out += copy(value0, name0, depth);
  if (count > 1) out += "," + copy(value1, name1, depth);
  if (count > 2) out += "," + copy(value2, name2, depth);
  return `[${out}]`;
}
