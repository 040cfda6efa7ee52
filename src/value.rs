//! The input model and coercion (SPEC §3).
//!
//! `Input` is what a caller handed over, before any interpretation: the bindings
//! fill it from any JS value, tests and native users build it directly. Coercion
//! turns an `Input` into a typed `Value` for one field, or says why it cannot.

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
        match self {
            Value::Text(s) => s.clone(),
            Value::Int(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
        }
    }
}

/// Why an input could not become a value of the field's type.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Wrong type, fraction, out of the type's range...: a description of what was given.
    Type(String),
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

/// Coerces `input` to `ty`. `trim` says whether surrounding white space is
/// insignificant (numbers, booleans, enums and IDs) or part of the value (free text).
pub fn coerce(input: &Input, ty: Type, trim: bool) -> Coerced {
    let text = match input {
        Input::Missing => return Coerced::Absent,
        Input::BadText => return Coerced::Refused(Refusal::NotUnicode),
        Input::Text(s) => {
            let t = if trim || ty != Type::String { s.trim() } else { s.as_str() };
            if t.is_empty() {
                return Coerced::Absent;
            }
            Some(t)
        }
        Input::BigInt(s) if matches!(ty, Type::Integer | Type::Long) => Some(s.as_str()),
        _ => None,
    };
    let refused = || Coerced::Refused(Refusal::Type(describe(input)));
    let value = match (ty, text, input) {
        (Type::String, Some(t), _) => Some(Value::Text(t.to_owned())),
        (Type::Integer, Some(t), _) => parse_int(t).filter(|n| i32::try_from(*n).is_ok()).map(Value::Int),
        (Type::Long, Some(t), _) => parse_int(t).map(Value::Int),
        (Type::Integer, None, Input::Number(n)) => int_from_f64(*n, i32::MAX as f64),
        (Type::Long, None, Input::Number(n)) => int_from_f64(*n, MAX_SAFE),
        (Type::Boolean, None, Input::Bool(b)) => Some(Value::Bool(*b)),
        (Type::Boolean, Some("true" | "1"), Input::Text(_)) => Some(Value::Bool(true)),
        (Type::Boolean, Some("false" | "0"), Input::Text(_)) => Some(Value::Bool(false)),
        (Type::Boolean, None, Input::Number(n)) if *n == 1.0 => Some(Value::Bool(true)),
        (Type::Boolean, None, Input::Number(n)) if *n == 0.0 => Some(Value::Bool(false)),
        _ => None,
    };
    value.map_or_else(refused, Coerced::Given)
}

/// Parses an optionally negative run of ASCII digits (no `+`, no fraction, no exponent).
fn parse_int(t: &str) -> Option<i64> {
    let digits = t.strip_prefix('-').unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn int_from_f64(n: f64, max: f64) -> Option<Value> {
    // `-0` is the integer 0; the casts are exact because the bounds are checked first.
    (n.is_finite() && n.fract() == 0.0 && n.abs() <= max).then_some(Value::Int(n as i64))
}

/// Describes a caller's value for a message, short and unambiguous.
pub fn describe(input: &Input) -> String {
    match input {
        Input::Missing => "nothing".to_owned(),
        Input::Text(s) => quote(s),
        Input::Number(n) => js_number(*n),
        Input::BigInt(s) => format!("{s}n"),
        Input::Bool(b) => b.to_string(),
        Input::BadText => "text with an unpaired surrogate".to_owned(),
        Input::Other(kind) => (*kind).to_owned(),
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

/// Formats a number the way JS prints it, for messages.
fn js_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".to_owned()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if n.abs() >= 1e21 {
        format!("{n:e}")
    } else {
        n.to_string()
    }
}
