// The JS half of the module's boundary (src/wasm.rs): a call's action, params
// object and options cross into the module packed as one UTF-8 text instead of
// one crossing per key and value, and a V1 result comes back as one ASCII string
// (other results as one JSON string).
// Every JS operation that can run caller code (getters, Proxy traps, a
// BigInt's toString) happens here, in the order the module used to do them,
// and a throw comes back as data for the module to turn into its Error.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const hex = (n) => n.toString(16).padStart(8, "0");
// Node 18 has no String.prototype.isWellFormed; a `u` regex sees only lone surrogates.
const wellFormed = String.prototype.isWellFormed ? (s) => s.isWellFormed() : (s) => !/[\uD800-\uDFFF]/u.test(s);

function kind(v) {
  if (typeof v === "symbol") return "s";
  if (typeof v === "function") return "f";
  try {
    return Array.isArray(v) ? "a" : "o";
  } catch {
    return "o"; // a revoked Proxy
  }
}

let failure; // why the last readCall gave "", for takeFailure
let pending = ""; // a packing longer than the module's buffer, for takePacked
const utf8 = new TextEncoder();
const nameLists = []; // the option-name lists, by id
let actionNames = []; // the module's actions

// One call's `action`, `params` and `options` read in one pass, in that order, and
// packed as `<action length>:<action><params packing length>:<params packing>`
// then the options packing (see readParams and readOptions; `-` when options is
// undefined or null): one crossing into the module instead of one per argument.
// The names (joined by `,`) of option list `namesId` come as `namesText`, and the
// action names as `actionsText`, with the first call that needs them, and only
// then. An unknown action fails before params and options are read. The packing
// is written as UTF-8 into `buffer`, a view of the module's memory (one native
// encode, no copy of a JS string character by character), and the number of
// bytes written is returned; when it does not fit, minus the bytes it needs, and
// takePacked writes it into a buffer that size.
// On a failure "" (0 bytes) and, for takeFailure, `[stage, action, detail]`: stage 0 the
// action is not a string (detail: it), 1 it is over budget or unknown, 2 params
// failed, 3 options failed (detail: readParams' or readOptions' failure array), 4
// something else threw (detail: what). It never throws, so the module imports it
// without a catching wrapper.
export function readCall(action, params, options, namesId, namesText, actionsText, budget, maxKeys, buffer) {
  let packed;
  try {
    if (namesText !== undefined) nameLists[namesId] = namesText.split(",");
    if (actionsText !== undefined) actionNames = actionsText.split(",");
    packed = packCall(action, params, options, nameLists[namesId], budget, maxKeys);
  } catch (e) {
    packed = fail(4, undefined, e);
  }
  const { read, written } = utf8.encodeInto(packed, buffer);
  if (read === packed.length) return written;
  pending = packed;
  return -3 * packed.length; // UTF-8 takes at most 3 bytes per UTF-16 code unit
}

export function takePacked(buffer) {
  const { written } = utf8.encodeInto(pending, buffer);
  pending = "";
  return written;
}

function packCall(action, params, options, names, budget, maxKeys) {
  if (typeof action !== "string") return fail(0, undefined, action);
  if ((budget -= action.length) < 0 || !actionNames.includes(action)) return fail(1, action);
  const read = readParams(params, budget, maxKeys);
  if (typeof read !== "string") return fail(2, action, read);
  // The budget readParams left (also at the start of its packing, for the module) is the options'.
  const rest = options == null ? "-" : readOptions(options, names, paramsLeft);
  if (typeof rest !== "string") return fail(3, action, rest);
  return action.length + ":" + action + read.length + ":" + read + rest;
}

function fail(stage, action, detail) {
  failure = [stage, action, detail];
  return "";
}

export function takeFailure() {
  const taken = failure;
  failure = undefined;
  return taken;
}

// `params` as `<budget left>;` then per key `<key length>:<key><tag>[payload]`
// (lengths in UTF-16 code units). Tags: u missing, T/F boolean, i safe integer,
// d other number (its IEEE bits in hex), s/b text/bigint digits (`<length>:<text>`),
// x text with a lone surrogate, o other (a/f/s/o: array, function, symbol, object).
// On failure an array [failure, key, value]: 0 not a plain object, 1 reading params
// threw, 2 too many keys (value: the count), 3 a key over budget, 4 reading the key
// threw, 5 its value over budget, 6 its BigInt's toString threw, 7 did not give a string.
function readParams(params, budget, maxKeys) {
  if (typeof params !== "object" || params === null) return [0];
  let keys;
  try {
    const proto = Object.getPrototypeOf(params);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return [0];
    keys = Object.keys(params);
  } catch (e) {
    return [1, undefined, e];
  }
  if (keys.length > maxKeys) return [2, undefined, keys.length];
  let out = "";
  for (const key of keys) {
    if ((budget -= key.length) < 0) return [3, key];
    let v;
    try {
      v = params[key];
    } catch (e) {
      return [4, key, e];
    }
    out += key.length + ":" + key;
    switch (typeof v) {
      case "undefined":
        out += "u";
        break;
      case "boolean":
        out += v ? "T" : "F";
        break;
      case "number":
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) out += "i" + v + ";";
        else {
          f64[0] = v;
          out += "d" + hex(u32[1]) + hex(u32[0]);
        }
        break;
      case "string":
        if ((budget -= v.length) < 0) return [5, key];
        out += wellFormed(v) ? "s" + v.length + ":" + v : "x";
        break;
      case "bigint": {
        let digits;
        try {
          digits = v.toString(10);
        } catch (e) {
          return [6, key, e];
        }
        if (typeof digits !== "string") return [7, key, v];
        if ((budget -= digits.length) < 0) return [5, key];
        out += "b" + digits.length + ":" + digits;
        break;
      }
      default:
        out += v === null ? "u" : "o" + kind(v);
    }
  }
  paramsLeft = budget;
  return budget + ";" + out;
}
let paramsLeft = 0; // the budget readParams left, for the options

// The options named in `names`, read in that order, as per name `u`/`n` (undefined/null),
// `s`/`x` then `<length>:<text>` (a string; `x`: with a lone surrogate) or, for a
// Date `timestamp`, `d` and its time value's IEEE bits in hex. On failure an array
// [failure, index, value, the packing so far]: 0 not a plain object, 1 reading
// options threw, 2 reading option `index` (or its Date's getTime) threw, 3 it is
// of another type, 4 its text is over budget.
function readOptions(options, names, budget) {
  try {
    const proto = Object.getPrototypeOf(options);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return [0];
  } catch (e) {
    return [1, undefined, e];
  }
  let out = "";
  for (let i = 0; i < names.length; i++) {
    let v;
    try {
      v = options[names[i]];
      if (v == null) {
        out += v === null ? "n" : "u";
        continue;
      }
      if (typeof v === "string") {
        if ((budget -= v.length) < 0) return [4, i, undefined, out];
        out += (wellFormed(v) ? "s" : "x") + v.length + ":" + v;
        continue;
      }
      if (names[i] === "timestamp" && isDate(v)) {
        const t = v.getTime(); // may have been replaced: any value, or a throw
        f64[0] = typeof t === "number" ? t : NaN;
        out += "d" + hex(u32[1]) + hex(u32[0]);
        continue;
      }
    } catch (e) {
      return [2, i, e, out];
    }
    return [3, i, v, out];
  }
  return out;
}

// `instanceof`, which runs a Proxy's getPrototypeOf trap: a throw means "not a Date".
function isDate(v) {
  try {
    return v instanceof Date;
  } catch {
    return false;
  }
}

// The parameter names of V1 queries, by keys id (see v1Result), each with a
// template object of them. The sets seen in practice are few; it is emptied past
// KEY_LISTS all the same, so that no run of calls can grow it without bound.
const keyLists = new Map();
const KEY_LISTS = 256;

// A successful V1 result from `<method>\n<canonicalQuery>\n<stringToSign>\n<host>\n<keys id>`
// (ASCII; see v1_packed in src/wasm.rs): `params` is decoded back from the
// canonical query, whose encoding is injective, in its order (sorted by key). The
// keys (parameter names: unreserved characters, never `__proto__`) are split from
// the query once per keys id (each time when the id is empty) and cached with a
// template object, which each result copies and fills: that costs less than
// adding the properties one by one.
export function v1Result(packed) {
  const end1 = packed.indexOf("\n");
  const end2 = packed.indexOf("\n", end1 + 1);
  const end3 = packed.indexOf("\n", end2 + 1);
  const end4 = packed.indexOf("\n", end3 + 1);
  const canonicalQuery = packed.slice(end1 + 1, end2);
  const id = packed.slice(end4 + 1);
  let set = keyLists.get(id);
  if (!set) {
    const keys = canonicalQuery.split("&").map((pair) => pair.slice(0, pair.indexOf("=")));
    set = { keys, template: Object.fromEntries(keys.map((key) => [key, ""])) };
    if (keyLists.size >= KEY_LISTS) keyLists.clear();
    if (id) keyLists.set(id, set);
  }
  const { keys, template } = set;
  const params = { ...template };
  for (let k = 0, at = 0; k < keys.length; k++) {
    const key = keys[k];
    let end = canonicalQuery.indexOf("&", at);
    if (end < 0) end = canonicalQuery.length;
    params[key] = decode(canonicalQuery.slice(at + key.length + 1, end));
    at = end + 1;
  }
  const method = packed.slice(0, end1);
  const stringToSign = packed.slice(end2 + 1, end3);
  const url = "https://" + packed.slice(end3 + 1, end4) + "/?" + canonicalQuery;
  return { ok: true, signature: "v1", method, params, canonicalQuery, stringToSign, url };
}

// Hex digit values by character code (-1: not one); the query's escapes are upper-case.
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX_VALUE["0123456789ABCDEF".charCodeAt(i)] = i;

// A query value decoded. An escaped ASCII character (a time's `:`, say) is decoded
// here, which costs less than a call to decodeURIComponent; anything else goes to it.
function decode(value) {
  let i = value.indexOf("%");
  if (i < 0) return value;
  let out = "";
  let at = 0;
  do {
    const c = (HEX_VALUE[value.charCodeAt(i + 1)] << 4) | HEX_VALUE[value.charCodeAt(i + 2)];
    if (c < 0 || c >= 0x80) return decodeURIComponent(value);
    out += value.slice(at, i) + String.fromCharCode(c);
    at = i + 3;
  } while ((i = value.indexOf("%", at)) >= 0);
  return out + value.slice(at);
}

// The module's own JSON text (problems, a V3 result) as plain objects.
export function parseJson(text) {
  return JSON.parse(text);
}
