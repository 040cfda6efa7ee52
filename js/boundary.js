// The JS half of the module's boundary (src/wasm.rs): a params object crosses
// into the module as one string instead of one crossing per key and value (and
// results come back as one JSON string).
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

// `params` as `<budget left>;` then per key `<key length>:<key><tag>[payload]`
// (lengths in UTF-16 code units). Tags: u missing, T/F boolean, i safe integer,
// d other number (its IEEE bits in hex), s/b text/bigint digits (`<length>:<text>`),
// x text with a lone surrogate, o other (a/f/s/o: array, function, symbol, object).
// On failure an array [failure, key, value]: 0 not a plain object, 1 reading params
// threw, 2 too many keys (value: the count), 3 a key over budget, 4 reading the key
// threw, 5 its value over budget, 6 its BigInt's toString threw, 7 did not give a string.
export function readParams(params, budget, maxKeys) {
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
  return budget + ";" + out;
}
