//! The input model and coercion (SPEC §3).
//!
//! `Input` is what a caller handed over, before any interpretation: the bindings
//! fill it from any JS value, tests and native users build it directly. Coercion
//! turns an `Input` into a typed `Value` for one field, or says why it cannot.
#[allow(unused_imports)]
use crate::prelude::*;

use crate::problem::Param;
use crate::rules::Type;

/// A value exactly as the caller gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// `undefined` or `null`.
    Missing,
    Text(String),
    Number(f64),
    /// A JS BigInt, as its decimal digits (optional leading `-`).
    BigInt(String),
    Bool(bool),
    /// A string holding an unpaired UTF-16 surrogate: never replaced, always refused.
    BadText,
    /// Anything else (array, object, function, symbol), named for messages.
    Other(&'static str),
}

impl From<&str> for Input {
    fn from(s: &str) -> Self {
        Input::Text(s.to_owned())
    }
}
impl From<String> for Input {
    fn from(s: String) -> Self {
        Input::Text(s)
    }
}
impl From<f64> for Input {
    fn from(n: f64) -> Self {
        Input::Number(n)
    }
}
impl From<i64> for Input {
    fn from(n: i64) -> Self {
        Input::Number(n as f64)
    }
}
impl From<bool> for Input {
    fn from(b: bool) -> Self {
        Input::Bool(b)
    }
}

/// A coerced, typed value; `Integer` and `Long` both live in `Int`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Int(i64),
    Bool(bool),
}

impl Value {
    /// The value as it is written into the query string.
    pub fn write(&self) -> String {
        self.clone().written()
    }

    /// `write`, without copying text.
    pub fn written(self) -> String {
        match self {
            Value::Text(s) => s,
            Value::Int(n) => crate::text::int_text(n),
            Value::Bool(b) => crate::cat!(b),
        }
    }
}

/// Why an input could not become a value of the field's type.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Wrong type, fraction, out of the type's range...: a description of what
    /// was given, for the message, and the value itself, for `params`.
    Type(String, Param),
    /// A string with an unpaired surrogate.
    NotUnicode,
}

/// The outcome of coercing one input.
#[derive(Clone, Debug, PartialEq)]
pub enum Coerced {
    /// Not given: missing, null, or empty.
    Absent,
    Given(Value),
    Refused(Refusal),
}

// `fract` and `ceil` are std's, not core's: the build without std has these.

/// `x.fract()`: 0 for every |x| ≥ 2^52 (all integers), NaN for NaN and ±Infinity.
pub(crate) fn fract(x: f64) -> f64 {
    if !x.is_finite() {
        f64::NAN
    } else if x.abs() >= 4_503_599_627_370_496.0 {
        0.0
    } else {
        x - (x as i64) as f64
    }
}

/// `x.ceil()` for |x| < 2^63.
fn ceil(x: f64) -> f64 {
    let t = (x as i64) as f64;
    if t < x {
        t + 1.0
    } else {
        t
    }
}

/// JS's `Number.MAX_SAFE_INTEGER`: beyond it a JS number may already have lost digits.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// Whether a JS number holds `n` exactly; otherwise it travels as a decimal string.
pub fn is_safe_integer(n: i64) -> bool {
    n.unsigned_abs() <= MAX_SAFE as u64
}

/// What JS's `String.prototype.trim` removes (white space and line terminators),
/// as a form's values come from JS: Unicode's White_Space without U+0085, and U+FEFF.
pub fn is_js_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}')
}

/// Coerces `input` to `ty`. `trim` says whether surrounding white space is
/// insignificant (numbers, booleans, enums and IDs) or part of the value (free text).
pub fn coerce(input: &Input, ty: Type, trim: bool) -> Coerced {
    let text = match input {
        Input::Missing => return Coerced::Absent,
        Input::BadText => return Coerced::Refused(Refusal::NotUnicode),
        Input::Text(s) => {
            let t = if trim || ty != Type::String { s.trim_matches(is_js_space) } else { s.as_str() };
            if t.is_empty() {
                return Coerced::Absent;
            }
            Some(t)
        }
        Input::BigInt(s) if matches!(ty, Type::Integer | Type::Long) => Some(s.as_str()),
        _ => None,
    };
    let refused = || Coerced::Refused(Refusal::Type(describe(input), raw(input)));
    let value = match (ty, text, input) {
        (Type::String, Some(t), _) => Some(Value::Text(t.to_owned())),
        (Type::Integer, Some(t), _) => parse_int(t).filter(|n| i32::try_from(*n).is_ok()).map(Value::Int),
        (Type::Long, Some(t), _) => parse_int(t).map(Value::Int),
        (Type::Integer, None, Input::Number(n)) => int_from_f64(*n, f64::from(i32::MIN), f64::from(i32::MAX)),
        (Type::Long, None, Input::Number(n)) => int_from_f64(*n, -MAX_SAFE, MAX_SAFE),
        (Type::Boolean, None, Input::Bool(b)) => Some(Value::Bool(*b)),
        // A boolean's text in any letter case, as the gateway reads it (SPEC §3):
        // Alibaba's Python SDKs send `str(True)`, so `True`/`False`
        // (alibabacloud-tea-openapi 0.4.6 and aliyun-python-sdk-core 2.16.1, in
        // tests/sdk), the Node SDKs `true`/`false`, and the seeds' examples `1`/`0`.
        // Nothing else: `yes`, `on`, `2`, `t` stay type problems. Written `true`/`false`.
        (Type::Boolean, Some(t), Input::Text(_)) if t == "1" || t.eq_ignore_ascii_case("true") => Some(Value::Bool(true)),
        (Type::Boolean, Some(t), Input::Text(_)) if t == "0" || t.eq_ignore_ascii_case("false") => Some(Value::Bool(false)),
        (Type::Boolean, None, Input::Number(n)) if *n == 1.0 => Some(Value::Bool(true)),
        (Type::Boolean, None, Input::Number(n)) if *n == 0.0 => Some(Value::Bool(false)),
        _ => None,
    };
    value.map_or_else(refused, Coerced::Given)
}

/// Parses an optionally negative run of ASCII digits (no `+`, no fraction, no exponent).
/// The official SDKs type Integer and Long fields as integers and write them as
/// plain decimal digits (`Period=12`, `DataPlan=5`; tests/sdk has their requests),
/// so nothing an SDK sends is refused here; `12.0`, `+12`, `1e3` and `0x10` are
/// what hand-written requests hold, and stay type problems (SPEC §3).
fn parse_int(t: &str) -> Option<i64> {
    let digits = t.strip_prefix('-').unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn int_from_f64(n: f64, min: f64, max: f64) -> Option<Value> {
    // `-0` is the integer 0; the casts are exact because the bounds are checked first.
    (n.is_finite() && fract(n) == 0.0 && (min..=max).contains(&n)).then_some(Value::Int(n as i64))
}

/// Describes a caller's value for a message, short and unambiguous.
pub fn describe(input: &Input) -> String {
    match input {
        Input::Missing => "nothing".to_owned(),
        Input::Text(s) => quote(s),
        Input::Number(n) => js_number(*n),
        Input::BigInt(s) => crate::cat!(s, "n"),
        Input::Bool(b) => crate::cat!(b),
        Input::BadText => "text with an unpaired surrogate".to_owned(),
        Input::Other(kind) => (*kind).to_owned(),
    }
}

/// The caller's value as a problem's `params.value`: as given where JSON can
/// hold it, else its description (an array, an object ...).
fn raw(input: &Input) -> Param {
    match input {
        Input::Text(s) => Param::Str(s.clone()),
        Input::Number(n) if fract(*n) == 0.0 && n.abs() <= MAX_SAFE => Param::Int(*n as i64),
        // JSON (and equality) has no NaN or Infinity: those are their JS spelling.
        Input::Number(n) if n.is_finite() => Param::Num(*n),
        Input::Number(n) => Param::Str(js_number(*n)),
        Input::BigInt(s) => Param::Str(s.clone()),
        Input::Bool(b) => Param::Bool(*b),
        _ => Param::Str(describe(input)),
    }
}

/// A quoted, shortened copy of caller text for a message.
pub fn quote(s: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = s.chars().take(MAX).collect();
    if s.chars().nth(MAX).is_some() {
        out.push('…');
    }
    crate::cat!("\"", out, "\"")
}

/// Formats a number the way JS prints it (`String(n)`, ECMA-262 Number::toString),
/// for messages: computed here so that the module carries no float formatting
/// code (about 18 KB of wasm).
pub(crate) fn js_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".to_owned();
    }
    if n == 0.0 {
        return "0".to_owned(); // -0 too
    }
    let sign = if n.is_sign_negative() { "-" } else { "" };
    if n.is_infinite() {
        return crate::cat!(sign, "Infinity");
    }
    // n = 0.digits × 10^k
    let (digits, k) = shortest(n.abs());
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    let zeros = |count: i32| "0".repeat(usize::try_from(count).unwrap_or(0));
    let body = if len <= k && k <= 21 {
        crate::cat!(digits, zeros(k - len))
    } else if 0 < k && k <= 21 {
        let (int, frac) = digits.split_at_checked(usize::try_from(k).unwrap_or(0)).unwrap_or(("", ""));
        crate::cat!(int, ".", frac)
    } else if -6 < k && k <= 0 {
        crate::cat!("0.", zeros(-k), digits)
    } else {
        let (first, rest) = digits.split_at_checked(1).unwrap_or(("", ""));
        let point = if rest.is_empty() { "" } else { "." };
        let exponent_sign = if k > 0 { "+" } else { "" };
        crate::cat!(first, point, rest, "e", exponent_sign, k - 1)
    };
    crate::cat!(sign, body)
}

/// A non-negative integer of up to 1280 bits, little-endian 32-bit limbs: enough
/// for every scaled value of `shortest`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Big([u32; 40]);

impl Big {
    fn from(n: u64) -> Big {
        let mut limbs = [0; 40];
        limbs[0] = n as u32;
        limbs[1] = (n >> 32) as u32;
        Big(limbs)
    }

    fn mul(mut self, m: u32, times: i32) -> Big {
        for _ in 0..times {
            let mut carry = 0u64;
            for limb in &mut self.0 {
                let v = u64::from(*limb) * u64::from(m) + carry;
                *limb = v as u32;
                carry = v >> 32;
            }
        }
        self
    }

    fn add(mut self, other: &Big) -> Big {
        let mut carry = 0u64;
        for (a, b) in self.0.iter_mut().zip(other.0) {
            let v = u64::from(*a) + u64::from(b) + carry;
            *a = v as u32;
            carry = v >> 32;
        }
        self
    }

    /// `self - other`; `other` is never larger.
    fn sub(mut self, other: &Big) -> Big {
        let mut borrow = 0i64;
        for (a, b) in self.0.iter_mut().zip(other.0) {
            let v = i64::from(*a) - i64::from(b) - borrow;
            *a = v as u32;
            borrow = i64::from(v < 0);
        }
        self
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<core::cmp::Ordering> {
        Some(self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

/// The shortest digits that read back as `v` (finite, positive), the closest of
/// them, and the decimal exponent `k` with `v ≈ 0.digits × 10^k`: Steele and
/// White's free-format algorithm as Burger and Dybvig give it, with Rust's
/// choices (an even mantissa includes its boundaries; a tie rounds up).
fn shortest(v: f64) -> (String, i32) {
    let bits = v.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let (f, e) = if exp_bits == 0 { (bits & ((1 << 52) - 1), -1074) } else { (bits & ((1 << 52) - 1) | 1 << 52, exp_bits - 1075) };
    let inclusive = f % 2 == 0;
    // v = r / s; the neighbours' midpoints are (r - minus) / s and (r + plus) / s.
    let narrow_below = f == 1 << 52 && exp_bits > 1;
    let low = if narrow_below { 2 } else { 1 };
    let (mut r, mut s, mut plus, mut minus) = if e >= 0 {
        (Big::from(f).mul(2, e + low), Big::from(1).mul(2, low), Big::from(1).mul(2, e + low - 1), Big::from(1).mul(2, e))
    } else {
        (Big::from(f).mul(2, low), Big::from(1).mul(2, low - e), Big::from(1).mul(2, low - 1), Big::from(1))
    };
    // An estimate of ceil(log10(v)) that is never too high; the loop below fixes it up.
    let bit_len = 64 - f.leading_zeros() as i32;
    let mut k = ceil(f64::from(e + bit_len - 1) * core::f64::consts::LOG10_2 - 1e-10) as i32;
    if k >= 0 {
        s = s.mul(10, k);
    } else {
        (r, plus, minus) = (r.mul(10, -k), plus.mul(10, -k), minus.mul(10, -k));
    }
    let above = |r: &Big, s: &Big, plus: &Big| if inclusive { r.add(plus) >= *s } else { r.add(plus) > *s };
    while above(&r, &s, &plus) {
        s = s.mul(10, 1);
        k += 1;
    }
    let mut digits: Vec<u8> = Vec::new();
    loop {
        (r, plus, minus) = (r.mul(10, 1), plus.mul(10, 1), minus.mul(10, 1));
        let mut d = b'0';
        while r >= s {
            r = r.sub(&s);
            d += 1;
        }
        let down = if inclusive { r <= minus } else { r < minus };
        let up = above(&r, &s, &plus);
        digits.push(d);
        if down || up {
            if up && (!down || r.mul(2, 1) >= s) {
                round_up(&mut digits, &mut k);
            }
            break;
        }
    }
    (String::from_utf8(digits).unwrap_or_default(), k)
}

/// Adds one to the last digit, carrying; `999` becomes `1` with `k + 1`.
fn round_up(digits: &mut Vec<u8>, k: &mut i32) {
    while let Some(last) = digits.pop() {
        if last < b'9' {
            digits.push(last + 1);
            return;
        }
    }
    digits.push(b'1');
    *k += 1;
}

#[cfg(test)]
mod tests {
    use super::js_number;

    /// ECMA-262 Number::toString applied to Rust's own shortest digits (`{:e}`).
    fn js(n: f64) -> String {
        if n.is_nan() {
            return "NaN".to_owned();
        }
        if n == 0.0 {
            return "0".to_owned();
        }
        if n.is_infinite() {
            return if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
        }
        let sci = format!("{:e}", n.abs()); // "1.2345e-7"
        let (mantissa, exponent) = sci.split_once('e').unwrap();
        let digits = mantissa.replace('.', "");
        let (k, n_) = (digits.len() as i32, exponent.parse::<i32>().unwrap() + 1);
        let body = if k <= n_ && n_ <= 21 {
            format!("{digits}{}", "0".repeat((n_ - k) as usize))
        } else if 0 < n_ && n_ <= 21 {
            format!("{}.{}", &digits[..n_ as usize], &digits[n_ as usize..])
        } else if -6 < n_ && n_ <= 0 {
            format!("0.{}{digits}", "0".repeat(-n_ as usize))
        } else if k == 1 {
            format!("{digits}e{}{}", if n_ > 0 { "+" } else { "-" }, (n_ - 1).abs())
        } else {
            format!("{}.{}e{}{}", &digits[..1], &digits[1..], if n_ > 0 { "+" } else { "-" }, (n_ - 1).abs())
        };
        format!("{}{body}", if n < 0.0 { "-" } else { "" })
    }

    #[test]
    fn js_space_is_unicode_white_space_as_ecma_262_takes_it() {
        // ECMA-262 WhiteSpace (with U+FEFF) and LineTerminator; Unicode's White_Space also has U+0085.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(super::is_js_space(c), (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}', "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn js_spellings_of_published_values() {
        // What `String(n)` gives in JS.
        for (n, text) in [
            (-0.0, "0"),
            (1e-7, "1e-7"),
            (0.000001, "0.000001"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1.5e300, "1.5e+300"),
            (123e-20, "1.23e-18"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (2f64.powi(60), "1152921504606847000"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-12.5, "-12.5"),
        ] {
            assert_eq!(js_number(n), text, "{n:e}");
        }
    }

    #[test]
    fn numbers_print_as_js_prints_them() {
        let special = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            12.5,
            0.1,
            0.2,
            0.3,
            0.1 + 0.2,
            1e21,
            1e20,
            999_999_999_999_999_900_000.0,
            1e-7,
            5e-324,
            -5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::from_bits(0x000f_ffff_ffff_ffff), // the largest subnormal
            9_007_199_254_740_993.0,
            1.5e300,
            123_456.789,
            2f64.powi(60),
            2f64.powi(-1022),
            2f64.powi(1023),
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            4.35,
            0.000_001,
            1e-6,
            1e22,
            1e23,
        ];
        for n in special {
            assert_eq!(js_number(n), js(n), "{n:?}");
        }
        // Every exponent, and mantissas from a fixed pseudo-random sequence.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 0..20_000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let bits = if i % 2 == 0 { x } else { (x & !(0x7ff << 52)) | ((i / 2 % 2046 + 1) << 52) };
            let n = f64::from_bits(bits);
            assert_eq!(js_number(n), js(n), "{bits:#x}");
        }
        for e in -1074..=1023 {
            for n in [2f64.powi(e), 2f64.powi(e) * 3.0, 2f64.powi(e) * 1.5 - 2f64.powi(e - 52).max(5e-324)] {
                assert_eq!(js_number(n), js(n), "{n:e}");
            }
        }
    }
}
