//! The input model and coercion (SPEC §3).
//!
//! `Input` is what a caller handed over, before any interpretation: the bindings
//! fill it from any JS value, tests and native users build it directly. Coercion
//! turns an `Input` into a typed `Value` for one field, or says why it cannot.
use crate::rules::Type;

/// A value exactly as the caller gave it. It reads from JSON (`null`, a string,
/// a number, a boolean; an array or object is `Other`) and from the JS
/// boundary's snapshot, which adds tags: `["bigint", digits]`, `["badText"]`,
/// `["date", text]`, `["number", "NaN" | "Infinity" | "-Infinity"]`,
/// `["undefined"]`, `["other", kind]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Input {
    /// `undefined`, or absent.
    #[default]
    Missing,
    /// `null`: not given either, but named as such in a misuse message.
    Null,
    Text(String),
    Number(f64),
    /// A JS BigInt, as its decimal digits (optional leading `-`).
    BigInt(String),
    Bool(bool),
    /// A string holding an unpaired UTF-16 surrogate: never replaced, always refused.
    BadText,
    /// A JS Date, as `YYYY-MM-DDThh:mm:ssZ` ("" for an invalid one or a year past 9999).
    Date(String),
    /// Anything else (array, object, function, symbol), named for messages.
    Other(&'static str),
}

impl<'de> serde::Deserialize<'de> for Input {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(InputVisitor)
    }
}

struct InputVisitor;

impl<'de> serde::de::Visitor<'de> for InputVisitor {
    type Value = Input;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a parameter value")
    }
    fn visit_unit<E>(self) -> Result<Input, E> {
        Ok(Input::Null)
    }
    fn visit_none<E>(self) -> Result<Input, E> {
        Ok(Input::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Input, E> {
        Ok(Input::Bool(b))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Input, E> {
        Ok(Input::Number(n))
    }
    // A JSON integer is a number, as JS reads it: beyond 2^53 it may not hold the
    // digits meant, which a Long refuses (pass a string).
    fn visit_i64<E>(self, n: i64) -> Result<Input, E> {
        Ok(Input::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Input, E> {
        Ok(Input::Number(n as f64))
    }
    fn visit_str<E>(self, s: &str) -> Result<Input, E> {
        Ok(Input::Text(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Input, E> {
        Ok(Input::Text(s))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Input, A::Error> {
        while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
        Ok(Input::Other("an object"))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Input, A::Error> {
        let tag: Option<String> = seq.next_element().unwrap_or_default();
        let value: Option<String> = if tag.is_some() { seq.next_element().unwrap_or_default() } else { None };
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(match (tag.as_deref(), value) {
            (Some("bigint"), Some(digits)) => Input::BigInt(digits),
            (Some("undefined"), None) => Input::Missing,
            // JSON has no NaN or Infinity.
            (Some("number"), Some(n)) => Input::Number(n.parse().unwrap_or(f64::NAN)),
            (Some("badText"), None) => Input::BadText,
            (Some("date"), Some(text)) => Input::Date(text),
            (Some("other"), Some(kind)) => Input::Other(match kind.as_str() {
                "a function" => "a function",
                "a symbol" => "a symbol",
                "an object" => "an object",
                _ => "an array",
            }),
            _ => Input::Other("an array"),
        })
    }
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

/// A value a message was built from; becomes a JSON number, string or array.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Param {
    #[serde(serialize_with = "exact")]
    Int(i64),
    /// A finite number that is not a safe integer (a fraction, or beyond 2^53).
    Num(f64),
    Bool(bool),
    Str(String),
    Ints(Vec<i64>),
    Strs(Vec<&'static str>),
}

/// An integer as JS can hold it: a number, or beyond 2^53 its exact digits as a string.
fn exact<S: serde::Serializer>(n: &i64, serializer: S) -> Result<S::Ok, S::Error> {
    if is_safe_integer(*n) {
        serializer.serialize_i64(*n)
    } else {
        serializer.collect_str(n)
    }
}

/// A coerced, typed value; `Integer` and `Long` both live in `Int`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Int(i64),
    Bool(bool),
}

/// As JS reads it: a number, or beyond 2^53 the exact digits as a string.
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Text(s) => serializer.serialize_str(s),
            Value::Int(n) => exact(n, serializer),
            Value::Bool(b) => serializer.serialize_bool(*b),
        }
    }
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
            Value::Int(n) => n.to_string(),
            Value::Bool(b) => format!("{b}"),
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
        Input::Missing | Input::Null => return Coerced::Absent,
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
    (n.is_finite() && n.fract() == 0.0 && (min..=max).contains(&n)).then_some(Value::Int(n as i64))
}

/// Describes a caller's value for a message, short and unambiguous.
pub fn describe(input: &Input) -> String {
    match input {
        Input::Missing => "undefined".to_owned(),
        Input::Null => "null".to_owned(),
        Input::Date(_) => "an object".to_owned(),
        Input::Text(s) => quote(s),
        Input::Number(n) => js_number(*n),
        Input::BigInt(s) => format!("{s}n"),
        Input::Bool(b) => format!("{b}"),
        Input::BadText => "text with an unpaired surrogate".to_owned(),
        Input::Other(kind) => (*kind).to_owned(),
    }
}

/// The caller's value as a problem's `params.value`: as given where JSON can
/// hold it, else its description (an array, an object ...).
fn raw(input: &Input) -> Param {
    match input {
        Input::Text(s) => Param::Str(s.clone()),
        Input::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE => Param::Int(*n as i64),
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
    format!("\"{out}\"")
}

/// Formats a number the way JS prints it (`String(n)`, ECMA-262 Number::toString), for messages.
pub(crate) fn js_number(n: f64) -> String {
    ryu_js::Buffer::new().format(n).to_owned()
}

#[cfg(test)]
mod tests {
    use super::js_number;

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
            // A tie between two shortest spellings: JS takes the even one (Node prints .2).
            (f64::from_bits(0x430f_7efb_0b6c_66aa), "1108167621446869.2"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            assert_eq!(js_number(n), text, "{n:e}");
        }
    }
}
