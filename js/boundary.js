// The JS half of the module's boundary (src/wasm.rs): a call's action, params
// object and options cross into the module packed as bytes instead of one
// crossing per key and value, and a V1 result comes back as one ASCII string
// (other results as one JSON string).
// Every JS operation that can run caller code (getters, Proxy traps, a
// BigInt's toString) happens here, in the order the module used to do them,
// and a throw comes back as data for the module to turn into its Error.

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

let failure; // why the last readCall gave 0, for takeFailure
const nameLists = []; // the option-name lists, by id
let actionNames = []; // the module's actions

// The packing is written here, then copied into the module's buffer in one native
// copy: written straight into the module's memory, it could not grow.
const MAX_KEPT = 1 << 16;
let bytes = new Uint8Array(1024);
let view = new DataView(bytes.buffer);
let at = 0; // where the next byte goes
const NOTHING = new Uint8Array(0);
let pending = NOTHING; // a packing longer than the module's buffer, for takePacked
// The writers of calls being read when caller code (a getter, a trap) called the
// module again: the inner call gets a writer of its own.
const suspended = [];
let reading = false;
const utf8 = new TextEncoder();

function begin() {
  if (reading) {
    suspended.push([bytes, view, at]);
    bytes = new Uint8Array(1024);
    view = new DataView(bytes.buffer);
  }
  reading = true;
  at = 0;
}

// The end of a call's reading: back to the writer of the call it was read in, if
// any; and a long packing's room is not kept past its call.
function end() {
  const outer = suspended.pop();
  if (outer) [bytes, view, at] = outer;
  else {
    reading = false;
    if (bytes.length > MAX_KEPT) {
      bytes = new Uint8Array(1024);
      view = new DataView(bytes.buffer);
    }
  }
}

// Room for `n` more bytes.
function room(n) {
  if (at + n <= bytes.length) return;
  const grown = new Uint8Array(Math.max(2 * bytes.length, at + n));
  grown.set(bytes.subarray(0, at));
  bytes = grown;
  view = new DataView(bytes.buffer);
}

function putByte(b) {
  room(1);
  bytes[at++] = b;
}

function putU32(n) {
  room(4);
  view.setUint32(at, n, true);
  at += 4;
}

function putF64(n) {
  room(8);
  view.setFloat64(at, n, true);
  at += 8;
}

// `s` as its UTF-8 length (u32) then its UTF-8 bytes (a lone surrogate as U+FFFD),
// and whether `s` is well formed. ASCII is copied by a loop, which costs less than
// a native encode of a short text, and is well formed without a check.
function putText(s) {
  const n = s.length;
  room(4 + 3 * n);
  const start = at + 4;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    bytes[start + i] = c;
  }
  const written = i === n ? n : utf8.encodeInto(s, bytes.subarray(start)).written;
  view.setUint32(at, written, true);
  at = start + written;
  return i === n || wellFormed(s);
}

// A tag, then `s` (see putText); the tag becomes `x` when `s` is not well formed.
function putTagged(tag, s) {
  const where = at;
  putByte(tag);
  const ok = putText(s);
  if (!ok) bytes[where] = TAG_X;
  return ok;
}

// One call's `action`, `params` and `options` read in one pass, in that order, and
// packed as bytes (numbers little-endian): a flag (1 when reading options failed,
// see takeFailure), the action's index in the module's list (u8), then readParams'
// packing, then readOptions' after a byte 1, or a byte 0 when options is undefined
// or null: one crossing into the module instead of one per argument.
// The names (joined by `,`) of option list `namesId` come as `namesText`, and the
// action names as `actionsText`, with the calls that need them until one of them
// has read its arguments, and only then. An unknown action fails before params
// and options are read. The packing is copied into `buffer`, a view of the
// module's memory, and its length is returned; when it does not fit, minus its
// length, and takePacked copies it into a buffer that long (before any other call
// can be read).
// On a failure 0 and, for takeFailure, `[stage, action, detail]`: stage 0 the
// action is not a string (detail: it), 1 it is over budget or unknown, 2 params
// failed, 3 options failed (detail: readParams' or readOptions' failure array;
// the packing is then written, its options cut where they failed), 4 something
// else threw (detail: what). It never throws, so the module imports it without a
// catching wrapper.
export function readCall(action, params, options, namesId, namesText, actionsText, budget, maxKeys, buffer) {
  begin();
  try {
    if (namesText !== undefined) nameLists[namesId] = namesText.split(",");
    if (actionsText !== undefined) actionNames = actionsText.split(",");
    packCall(action, params, options, nameLists[namesId], budget, maxKeys);
  } catch (e) {
    fail(4, undefined, e);
  }
  const length = at;
  // `buffer` is empty, and detached, if caller code grew the module's memory.
  if (length > buffer.length) pending = bytes.slice(0, length);
  else if (length > 0) buffer.set(bytes.subarray(0, length));
  end();
  return length > buffer.length ? -length : length;
}

export function takePacked(buffer) {
  buffer.set(pending);
  const length = pending.length;
  pending = NOTHING;
  return length;
}

function packCall(action, params, options, names, budget, maxKeys) {
  if (typeof action !== "string") return fail(0, undefined, action);
  const index = (budget -= action.length) < 0 ? -1 : actionNames.indexOf(action);
  if (index < 0) return fail(1, action);
  putByte(0);
  putByte(index);
  const read = readParams(params, budget, maxKeys);
  if (read !== undefined) return fail(2, action, read);
  if (options == null) return putByte(0);
  putByte(1);
  // The options get the budget readParams left.
  const failed = readOptions(options, names, paramsLeft);
  if (failed === undefined) return;
  failure = [3, action, failed];
  bytes[0] = 1;
}

function fail(stage, action, detail) {
  failure = [stage, action, detail];
  at = 0;
}

export function takeFailure() {
  const taken = failure;
  failure = undefined;
  return taken;
}

// `params` as the number of keys (u32) then per key its text (see putText), a
// tag and the value: `u` missing, `T`/`F` boolean, `n` number (f64), `s`/`b` text
// or bigint digits (a text), `x` text with a lone surrogate, `o` other and a tag
// of its kind (`a`/`f`/`s`/`o`: array, function, symbol, object); then the text
// budget left (u32; lengths counted in UTF-16 code units). On failure an array
// [failure, key, value]: 0 not a plain object, 1 reading params threw, 2 too many
// keys (value: the count), 3 a key over budget, 4 reading the key threw, 5 its
// value over budget, 6 its BigInt's toString threw, 7 did not give a string.
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
  putU32(keys.length);
  for (const key of keys) {
    if ((budget -= key.length) < 0) return [3, key];
    let v;
    try {
      v = params[key];
    } catch (e) {
      return [4, key, e];
    }
    putText(key);
    switch (typeof v) {
      case "undefined":
        putByte(TAG_U);
        break;
      case "boolean":
        putByte(v ? TAG_T : TAG_F);
        break;
      case "number":
        putByte(TAG_N);
        putF64(v);
        break;
      case "string": {
        if ((budget -= v.length) < 0) return [5, key];
        const where = at;
        // A text that is not well formed is refused: only its tag is kept.
        if (!putTagged(TAG_S, v)) at = where + 1;
        break;
      }
      case "bigint": {
        let digits;
        try {
          digits = v.toString(10);
        } catch (e) {
          return [6, key, e];
        }
        if (typeof digits !== "string") return [7, key, v];
        if ((budget -= digits.length) < 0) return [5, key];
        putByte(TAG_B);
        putText(digits);
        break;
      }
      default:
        if (v === null) putByte(TAG_U);
        else {
          putByte(TAG_O);
          putByte(kind(v).charCodeAt(0));
        }
    }
  }
  putU32(budget);
  paramsLeft = budget;
}
let paramsLeft = 0; // the budget readParams left, for the options
const [TAG_U, TAG_T, TAG_F, TAG_N, TAG_S, TAG_B, TAG_X, TAG_O, TAG_NULL, TAG_D] = [..."uTFnsbxoNd"].map((c) => c.charCodeAt(0));

// The options named in `names`, read in that order, each a tag and its value:
// `u`/`N` undefined/null, `s`/`x` a string (`x`: with a lone surrogate) and its
// text, or, for a Date `timestamp`, `d` and its time value (f64). On failure an
// array [failure, index, value], the packing holding the options before it: 0 not
// a plain object, 1 reading options threw, 2 reading option `index` (or its
// Date's getTime) threw, 3 it is of another type, 4 its text is over budget.
function readOptions(options, names, budget) {
  try {
    const proto = Object.getPrototypeOf(options);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return [0];
  } catch (e) {
    return [1, undefined, e];
  }
  for (let i = 0; i < names.length; i++) {
    let v;
    try {
      v = options[names[i]];
      // Only own options count: a polluted Object.prototype (`endpoint`, say) is not one.
      if (v !== undefined && !Object.hasOwn(options, names[i])) v = undefined;
      if (v == null) {
        putByte(v === null ? TAG_NULL : TAG_U);
        continue;
      }
      if (typeof v === "string") {
        if ((budget -= v.length) < 0) return [4, i];
        putTagged(TAG_S, v);
        continue;
      }
      if (names[i] === "timestamp" && isDate(v)) {
        const t = v.getTime(); // may have been replaced: any value, or a throw
        putByte(TAG_D);
        putF64(typeof t === "number" ? t : NaN);
        continue;
      }
    } catch (e) {
      return [2, i, e];
    }
    return [3, i, v];
  }
}

// Whether `v` is a Date of any realm (an iframe's or a vm context's too, which
// `instanceof` misses), by the check of the built-in getTime: it throws for
// anything else, a Proxy included.
const dateTime = Date.prototype.getTime;
function isDate(v) {
  try {
    dateTime.call(v);
    return true;
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
