//! The JavaScript face of the crate (SPEC §5), and the only file that imports
//! wasm-bindgen and js-sys: JS values in, the core's `Input` and options through,
//! plain JSON-compatible objects and arrays out (never a `Map`).
//!
//! Two kinds of failure are kept apart. A mistake in the request's *data* is a
//! returned `Problem`. A mistake by the *calling code* throws a real error that
//! names the argument: a `TypeError` for a wrong type, a `RangeError` for a value
//! outside what is allowed (an unknown action or option value, a malformed
//! option, a call over the size caps), an `Error` when caller code threw while
//! being read. Nothing reachable from JS panics: every JS operation that can run
//! caller code (getters, Proxy traps, `toString`) goes through a catching import,
//! and caller data is never indexed or unwrapped, so the module stays usable after
//! any input.

use crate::describe::{self as spec, ActionSpec, Dependency, FieldSpec};
use crate::messages::Locale;
use crate::problem::{Param, Problem};
use crate::request::{self, BuildOptions, Built, Method, ResponseFormat};
use crate::rules::Action;
use crate::value::{quote, Input};
use js_sys::{Array, BigInt, Date, JsString, Object, RangeError, Reflect, TypeError};
use wasm_bindgen::prelude::*;

/// At most this many parameters per call: far above any action's table, and it
/// bounds the work a hostile object can cause.
pub const MAX_PARAMS: u32 = 1_000;
/// At most this much text (UTF-16 code units, over every key, value and option
/// of one call) is copied into the module: far above the core's 4,096-character
/// value limit, and it bounds memory.
pub const MAX_TEXT_UNITS: u32 = 1 << 20;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("api.d.ts");

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, which runs a Proxy's `ownKeys` and descriptor traps.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
    /// `Object.getPrototypeOf`, which runs a Proxy's trap.
    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf, catch)]
    fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// A caller's Date, whose `getTime` may have been replaced: read with a catch, any value back.
    type CallerDate;
    #[wasm_bindgen(method, catch, js_name = getTime)]
    fn time_value(this: &CallerDate) -> Result<JsValue, JsValue>;
    /// `globalThis.crypto.getRandomValues`: browsers, Node ≥ 19 (≥ 18 with a flag).
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(buf: &mut [u8]) -> Result<JsValue, JsValue>;
}

/// The names of every action, in a stable order.
#[wasm_bindgen(skip_typescript)]
pub fn actions() -> Array {
    crate::actions().map(JsValue::from_str).collect()
}

/// Everything a form needs to render `action`, in the asked locale.
#[wasm_bindgen(skip_typescript)]
pub fn describe(action: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("describe");
    let action = call.action(action)?;
    let locale = call.locale(options)?;
    action_spec(&spec::describe(action, locale))
}

/// Every problem with `params` for `action` (errors and warnings).
#[wasm_bindgen(skip_typescript)]
pub fn validate(action: &JsValue, params: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("validate");
    let action = call.action(action)?;
    let params = call.params(params)?;
    let locale = call.locale(options)?;
    problems(&crate::validate::check(action, &params, locale).problems)
}

/// A signed-ready request, or the problems that stop it.
#[wasm_bindgen(js_name = buildRequest, skip_typescript)]
pub fn build_request(action: &JsValue, params: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("buildRequest");
    let action = call.action(action)?;
    let params = call.params(params)?;
    let options = call.build_options(options)?;
    let result = Obj::new();
    match request::build(action.name, &params, &options).map_err(|m| call.range_error(&m.to_string()))? {
        Built::Ready(r) => {
            let sent = Obj::new();
            for (k, v) in &r.params {
                sent.set(k, v.as_str())?;
            }
            result
                .set("ok", true)?
                .set("params", sent.0)?
                .set("canonicalQuery", r.canonical_query.as_str())?
                .set("stringToSign", r.string_to_sign.as_str())?
                .set("url", r.url.as_str())?;
        }
        Built::Invalid(found) => {
            result.set("ok", false)?.set("errors", problems(&found)?)?;
        }
    }
    Ok(result.0.into())
}

/// One call from JS: its name for messages, and what is left of its text budget.
struct Call {
    name: &'static str,
    text_left: u32,
}

impl Call {
    fn new(name: &'static str) -> Self {
        Call { name, text_left: MAX_TEXT_UNITS }
    }

    fn type_error(&self, what: &str, expected: &str, got: &JsValue) -> JsValue {
        TypeError::new(&format!("{}: {what} must be {expected}; got {}", self.name, kind(got))).into()
    }

    fn range_error(&self, message: &str) -> JsValue {
        RangeError::new(&format!("{}: {message}", self.name)).into()
    }

    /// An `Error` for caller code that threw while being read, with the thrown value as its `cause`.
    fn threw(&self, what: &str, thrown: JsValue) -> JsValue {
        // `message` is read through a catching `Reflect.get`; a long one is not copied in.
        let detail = Reflect::get(&thrown, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.dyn_into::<JsString>().ok())
            .filter(|m| m.length() <= 1_000)
            .and_then(|m| m.as_string());
        let message = match detail {
            Some(d) => format!("{}: reading {what} threw: {d}", self.name),
            None => format!("{}: reading {what} threw {}", self.name, kind(&thrown)),
        };
        let error = js_sys::Error::new(&message);
        error.set_cause(&thrown);
        error.into()
    }

    /// Copies a JS string in, charging the call's text budget. The copy replaces an
    /// unpaired surrogate with U+FFFD, so it comes with whether the original was well formed.
    fn text(&mut self, s: &JsString, what: &str) -> Result<(String, bool), JsValue> {
        self.text_left = self
            .text_left
            .checked_sub(s.length())
            .ok_or_else(|| self.range_error(&format!("{what} takes the text of one call past {MAX_TEXT_UNITS} UTF-16 code units")))?;
        let copy = s.as_string().unwrap_or_default();
        // Only a copy holding U+FFFD needs the slow, code unit by code unit check.
        let well_formed = !copy.contains('\u{FFFD}') || s.is_valid_utf16();
        Ok((copy, well_formed))
    }

    fn action(&mut self, value: &JsValue) -> Result<&'static Action, JsValue> {
        let name = match value.dyn_ref::<JsString>() {
            Some(s) => self.text(s, "action")?.0,
            None => return Err(self.type_error("action", "a string", value)),
        };
        request::find_action(&name).map_err(|m| self.range_error(&m.to_string()))
    }

    /// Whether `value` is a plain object: its prototype is `null` or a root prototype
    /// (an object literal from any realm, `Object.create(null)`, a Proxy of one).
    fn is_plain(&self, value: &JsValue, what: &str) -> Result<bool, JsValue> {
        if !value.is_object() {
            return Ok(false);
        }
        let proto = prototype_of(value).map_err(|e| self.threw(what, e))?;
        Ok(proto.is_null() || prototype_of(&proto).map_err(|e| self.threw(what, e))?.is_null())
    }

    fn params(&mut self, value: &JsValue) -> Result<Vec<(String, Input)>, JsValue> {
        if !self.is_plain(value, "params")? {
            return Err(self.type_error("params", "a plain object of parameter names to values", value));
        }
        let keys = object_keys(value).map_err(|e| self.threw("params", e))?;
        if keys.length() > MAX_PARAMS {
            return Err(self.range_error(&format!("params has {} keys; at most {MAX_PARAMS} are read", keys.length())));
        }
        let mut out = Vec::new();
        for key in keys.iter() {
            // `Object.keys` only yields strings, whatever a Proxy's trap returns.
            let Some(name) = key.dyn_ref::<JsString>() else { continue };
            // A lossy copy of an odd key is still an unknown name, reported as such.
            let (name, _) = self.text(name, "a key of params")?;
            let what = path("params", &name);
            let v = Reflect::get(value, &key).map_err(|e| self.threw(&what, e))?;
            out.push((name, self.input(&v, &what)?));
        }
        Ok(out)
    }

    /// SPEC §3's input model, from any JS value.
    fn input(&mut self, value: &JsValue, what: &str) -> Result<Input, JsValue> {
        if value.is_undefined() || value.is_null() {
            Ok(Input::Missing)
        } else if let Some(n) = value.as_f64() {
            Ok(Input::Number(n))
        } else if let Some(b) = value.as_bool() {
            Ok(Input::Bool(b))
        } else if let Some(s) = value.dyn_ref::<JsString>() {
            Ok(match self.text(s, what)? {
                (text, true) => Input::Text(text),
                (_, false) => Input::BadText,
            })
        } else if let Some(n) = value.dyn_ref::<BigInt>() {
            let digits = n.to_string(10).map_err(|e| self.threw(what, e.into()))?;
            match digits.dyn_ref::<JsString>() {
                Some(d) => Ok(Input::BigInt(self.text(d, what)?.0)),
                None => Err(self.type_error(what, "a bigint whose toString gives digits", value)),
            }
        } else {
            Ok(Input::Other(kind(value)))
        }
    }

    /// The options argument: `None` when not given (`undefined` or `null`).
    fn options<'a>(&self, value: &'a JsValue) -> Result<Option<&'a JsValue>, JsValue> {
        if value.is_undefined() || value.is_null() {
            Ok(None)
        } else if self.is_plain(value, "options")? {
            Ok(Some(value))
        } else {
            Err(self.type_error("options", "a plain object", value))
        }
    }

    /// One option's value; `undefined` and `null` mean not given.
    fn option(&self, options: &JsValue, name: &str) -> Result<Option<JsValue>, JsValue> {
        let v = Reflect::get(options, &JsValue::from_str(name)).map_err(|e| self.threw(&format!("options.{name}"), e))?;
        Ok((!v.is_undefined() && !v.is_null()).then_some(v))
    }

    /// A string option's value, as `option` read it.
    fn string_option(&mut self, name: &str, expected: &str, value: &JsValue) -> Result<String, JsValue> {
        let what = format!("options.{name}");
        match value.dyn_ref::<JsString>().map(|s| self.text(s, &what)).transpose()? {
            Some((text, true)) => Ok(text),
            Some((_, false)) => Err(self.range_error(&format!("{what} holds an unpaired surrogate"))),
            None => Err(self.type_error(&what, expected, value)),
        }
    }

    fn option_text(&mut self, options: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
        self.option(options, name)?.map(|v| self.string_option(name, "a string", &v)).transpose()
    }

    /// An option with a closed set of string values.
    fn option_choice<T: Copy>(&mut self, options: &JsValue, name: &str, choices: &[(&str, T)]) -> Result<Option<T>, JsValue> {
        let expected = choices.iter().map(|(s, _)| format!("\"{s}\"")).collect::<Vec<_>>().join(" or ");
        let Some(v) = self.option(options, name)? else { return Ok(None) };
        let Some(s) = v.dyn_ref::<JsString>() else { return Err(self.type_error(&format!("options.{name}"), &expected, &v)) };
        let (given, _) = self.text(s, &format!("options.{name}"))?;
        match choices.iter().find(|(s, _)| *s == given) {
            Some((_, choice)) => Ok(Some(*choice)),
            None => Err(self.range_error(&format!("options.{name} must be {expected}; got {}", quote(&given)))),
        }
    }

    fn locale_of(&mut self, options: &JsValue) -> Result<Locale, JsValue> {
        Ok(self.option_choice(options, "locale", &[("en", Locale::En), ("zh-CN", Locale::ZhCn)])?.unwrap_or_default())
    }

    fn locale(&mut self, options: &JsValue) -> Result<Locale, JsValue> {
        match self.options(options)? {
            Some(o) => self.locale_of(o),
            None => Ok(Locale::default()),
        }
    }

    /// The build options, with a fresh nonce and the current time where not given.
    fn build_options(&mut self, value: &JsValue) -> Result<BuildOptions, JsValue> {
        let Some(o) = self.options(value)? else {
            return Err(self.type_error("options", "a plain object with an accessKeyId", value));
        };
        let key_id = Reflect::get(o, &JsValue::from_str("accessKeyId")).map_err(|e| self.threw("options.accessKeyId", e))?;
        let access_key_id = self.string_option("accessKeyId", "a string (an AccessKey ID)", &key_id)?;
        let timestamp = match self.option(o, "timestamp")? {
            None => utc_timestamp(Date::now()),
            Some(v) => match v.dyn_ref::<Date>() {
                // An invalid Date gives "", which the core refuses with its own message.
                Some(d) => utc_timestamp(
                    d.unchecked_ref::<CallerDate>()
                        .time_value()
                        .map_err(|e| self.threw("options.timestamp", e))?
                        .as_f64()
                        .unwrap_or(f64::NAN),
                ),
                None => self.string_option("timestamp", "a string or a Date", &v)?,
            },
        };
        let nonce = match self.option_text(o, "nonce")? {
            Some(n) => n,
            None => self.uuid_v4()?,
        };
        Ok(BuildOptions {
            access_key_id,
            timestamp,
            nonce,
            format: self.option_choice(o, "format", &[("JSON", ResponseFormat::Json), ("XML", ResponseFormat::Xml)])?.unwrap_or_default(),
            method: self.option_choice(o, "method", &[("GET", Method::Get), ("POST", Method::Post)])?.unwrap_or_default(),
            endpoint: self.option_text(o, "endpoint")?,
            security_token: self.option_text(o, "securityToken")?,
            locale: self.locale_of(o)?,
        })
    }

    /// A random (version 4) UUID from the platform's crypto-strength generator.
    fn uuid_v4(&self) -> Result<String, JsValue> {
        let mut bytes = [0u8; 16];
        get_random_values(&mut bytes).map_err(|_| {
            JsValue::from(js_sys::Error::new(&format!(
                "{}: crypto.getRandomValues is not available for a SignatureNonce; give options.nonce",
                self.name
            )))
        })?;
        let mut out = String::with_capacity(36);
        for (i, byte) in bytes.iter().enumerate() {
            // RFC 9562: the version nibble is 4, the variant bits are 10.
            let byte = match i {
                6 => byte & 0x0f | 0x40,
                8 => byte & 0x3f | 0x80,
                _ => *byte,
            };
            if matches!(i, 4 | 6 | 8 | 10) {
                out.push('-');
            }
            out.push_str(&format!("{byte:02x}"));
        }
        Ok(out)
    }
}

/// How a JS value is named in messages and in `Input::Other`.
fn kind(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_function() {
        "a function"
    } else if is_array(value).unwrap_or(false) {
        "an array"
    } else {
        "an object"
    }
}

/// `params.RegionId`, or `params["odd key"]` for a key that is not a plain name.
fn path(base: &str, key: &str) -> String {
    if !key.is_empty() && key.len() <= 64 && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        format!("{base}.{key}")
    } else {
        format!("{base}[{}]", quote(key))
    }
}

/// `YYYY-MM-DDThh:mm:ssZ` for a JS time value (ms since 1970, UTC), truncated to
/// the second like `toISOString`; "" for a value outside the JS Date range.
fn utc_timestamp(ms: f64) -> String {
    const MAX_MS: f64 = 8.64e15;
    if ms.is_nan() || ms.abs() > MAX_MS {
        return String::new();
    }
    // Exact: |ms / 1000| < 2^53 after the range check.
    let secs = (ms / 1000.0).floor() as i64;
    let (days, second) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
    let z = days + 719_468;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", second / 3_600, second / 60 % 60, second % 60)
}

/// A fresh plain object, filled by chained `set`s.
struct Obj(Object);

impl Obj {
    fn new() -> Self {
        Obj(Object::new())
    }

    fn set(&self, key: &str, value: impl Into<JsValue>) -> Result<&Self, JsValue> {
        Reflect::set(&self.0, &JsValue::from_str(key), &value.into())?;
        Ok(self)
    }
}

/// An integer as a JS number, or as its decimal string where a number would lose digits.
fn int(n: i64) -> JsValue {
    const MAX_SAFE: i64 = (1 << 53) - 1;
    if (-MAX_SAFE..=MAX_SAFE).contains(&n) {
        JsValue::from_f64(n as f64)
    } else {
        JsValue::from_str(&n.to_string())
    }
}

fn size(n: usize) -> JsValue {
    int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn strings(items: &[&str]) -> Array {
    items.iter().map(|s| JsValue::from_str(s)).collect()
}

fn ints(items: &[i64]) -> Array {
    items.iter().map(|n| int(*n)).collect()
}

fn problems(found: &[Problem]) -> Result<JsValue, JsValue> {
    let out = Array::new();
    for p in found {
        let params = Obj::new();
        for (k, v) in &p.params {
            let v = match v {
                Param::Int(n) => int(*n),
                Param::Str(s) => JsValue::from_str(s),
                Param::Ints(ns) => ints(ns).into(),
                Param::Strs(ss) => strings(ss).into(),
            };
            params.set(k, v)?;
        }
        let o = Obj::new();
        o.set("field", p.field.as_str())?
            .set("rule", p.rule.as_str())?
            .set("code", p.code)?
            .set("message", p.message.as_str())?
            .set("params", params.0)?
            .set("severity", p.severity.as_str())?;
        out.push(&o.0);
    }
    Ok(out.into())
}

fn action_spec(a: &ActionSpec) -> Result<JsValue, JsValue> {
    let fields = Array::new();
    for f in &a.fields {
        fields.push(&field_spec(f)?);
    }
    let o = Obj::new();
    o.set("action", a.action)?.set("version", a.version)?.set("title", a.title)?.set("fields", fields)?;
    Ok(o.0.into())
}

fn field_spec(f: &FieldSpec) -> Result<JsValue, JsValue> {
    let o = Obj::new();
    o.set("name", f.name)?
        .set("type", f.ty.as_str())?
        .set("required", f.required)?
        .set("label", f.label)?
        .set("help", f.help)?
        .set("example", f.example)?
        .set("freeText", f.free_text)?;
    // Optional keys are omitted when absent, never set to undefined.
    let optional = [
        ("enum", f.allowed.map(|a| strings(a).into())),
        ("values", f.values.map(|v| ints(v).into())),
        ("min", f.min.map(int)),
        ("max", f.max.map(int)),
        ("multipleOf", f.multiple_of.map(int)),
        ("minLength", f.min_length.map(size)),
        ("maxLength", f.max_length.map(size)),
        ("format", f.format.map(|x| JsValue::from_str(x.as_str()))),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            o.set(key, v)?;
        }
    }
    if !f.dependencies.is_empty() {
        let deps = Array::new();
        for d in &f.dependencies {
            deps.push(&dependency(d)?);
        }
        o.set("dependencies", deps)?;
    }
    Ok(o.0.into())
}

fn dependency(d: &Dependency) -> Result<JsValue, JsValue> {
    let o = Obj::new();
    match d {
        Dependency::RangeBy { field, ranges } => {
            let list = Array::new();
            for (value, min, max) in ranges.iter() {
                let r = Obj::new();
                r.set("value", *value)?.set("min", int(*min))?.set("max", int(*max))?;
                list.push(&r.0);
            }
            o.set("kind", "rangeBy")?.set("field", *field)?.set("ranges", list)?;
        }
        Dependency::RequiredWhen { field, when, value } => {
            o.set("kind", "requiredWhen")?.set("field", *field)?.set("when", *when)?.set("value", *value)?;
        }
        Dependency::OnlyWith { field, value } => {
            o.set("kind", "onlyWith")?.set("field", *field)?.set("value", *value)?;
        }
    }
    Ok(o.0.into())
}
