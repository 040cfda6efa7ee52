//! The JavaScript face of the crate (SPEC §5), and the only file that imports
//! wasm-bindgen and js-sys: JS values in, the core's `Input` and options through,
//! plain JSON-compatible objects and arrays out (never a `Map`).
//!
//! Two kinds of failure are kept apart. A mistake in the request's *data* is a
//! returned `Problem`. A mistake by the *calling code* throws a real error that
//! names the argument: a `TypeError` for a wrong type, a `RangeError` for a value
//! outside what is allowed (an unknown action or option value, a malformed
//! option, a call over the size caps), an `Error` when caller code threw while
//! being read or JS threw while the result was made. Nothing reachable from JS
//! panics: every JS operation that can run caller code (getters, Proxy traps,
//! `toString`) is caught, in `js/boundary.js` or by a catching import, and caller
//! data is never indexed or unwrapped, so the module stays usable after any input.

use crate::cat;
use crate::describe::{self as spec, ActionSpec, Dependency, FieldSpec};
use crate::messages::Locale;
use crate::parse;
#[allow(unused_imports)]
use crate::prelude::*;
use crate::problem::{Param, Problem};
use crate::request::{self, BuildOptions, Built, Method, Misuse, ResponseFormat, SignedReadyTexts};
use crate::rules::Action;
use crate::sign::{self as signing, SignatureVersion};
use crate::text::{int_text, Hex2, Padded, Piece};
use crate::value::{quote, Input, Value};
use core::sync::atomic::{AtomicU32, Ordering};
use js_sys::{Array, Date, JsString, Object, RangeError, Reflect, TypeError};
use wasm_bindgen::prelude::*;

/// At most this many parameters per call: far above any action's table, and it
/// bounds the work a hostile object can cause.
pub const MAX_PARAMS: u32 = 1_000;
/// At most this much text (UTF-16 code units, over every key, value and option
/// of one call) is copied into the module: far above the core's 4,096-character
/// value limit, and it bounds memory.
pub const MAX_TEXT_UNITS: u32 = 1 << 20;

const METHODS: &[(&str, Method)] = &[("GET", Method::Get), ("POST", Method::Post)];
const SIGNATURES: &[(&str, SignatureVersion)] = &[("v1", SignatureVersion::V1), ("v3", SignatureVersion::V3)];
const LOCALES: &[(&str, Locale)] = &[("en", Locale::En), ("zh-CN", Locale::ZhCn)];
/// The build options, in the order they are read.
const BUILD_OPTIONS: Names = Names { id: 0, text: "accessKeyId,timestamp,nonce,format,method,endpoint,securityToken,locale,signature" };

/// The options `validate` reads.
const LOCALE_OPTION: Names = Names { id: 1, text: "locale" };

/// A list of option names: `text`, the names joined by `,`, goes to `readCall` with
/// the calls that read the list until one succeeds (`NAMES_SENT`); `readCall` keeps it
/// split under `id`, and later calls send the `id` alone, so no text is decoded for it.
#[derive(Clone, Copy)]
struct Names {
    id: u32,
    text: &'static str,
}

/// The ids of the name lists `readCall` already holds, one bit each (`ACTIONS_SENT`: the actions').
static NAMES_SENT: AtomicU32 = AtomicU32::new(0);
const ACTIONS_SENT: u32 = 1 << 31;

/// A call's arguments as read: the action, the params, and the options (`None`: not given).
type Arguments = (&'static Action, Vec<(String, Input)>, Option<Read>);

/// An option's value as read: not given (`undefined` or `null`), a string (copied, with
/// whether it was well formed), a Date's time value (`timestamp` only), or anything else.
enum Given {
    Absent(JsValue),
    Text(String, bool),
    Time(f64),
    Other(JsValue),
}

/// Options as `readOptions` packed them, handed out in order: the names not yet handed
/// out, the call's packing and where its next option starts, and the failure that
/// ended the options, if any.
struct Read {
    names: &'static str,
    packed: Vec<u8>,
    at: usize,
    failure: Option<Array>,
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("api.d.ts");

// The JS half of the boundary: a call's arguments read in one pass and packed
// as bytes; a V1 result finished from one string.
#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = readCall)]
    fn read_call(
        action: &JsValue,
        params: &JsValue,
        options: &JsValue,
        names_id: u32,
        names_text: Option<&str>,
        actions_text: Option<&str>,
        budget: u32,
        max_keys: u32,
        buffer: &mut [u8],
    ) -> i32;
    #[wasm_bindgen(js_name = takePacked)]
    fn take_packed(buffer: &mut [u8]) -> u32;
    #[wasm_bindgen(js_name = takeFailure)]
    fn take_failure() -> Array;
    // The two that make results catch what throws in them (a replaced
    // `JSON.parse`, say): a throw must not unwind through the module, which would
    // leave its stack and its table of JS values unreleased, and break it for
    // good after a few hundred such calls (wasm-bindgen#1963).
    #[wasm_bindgen(js_name = v1Result, catch)]
    fn v1_result(packed: &str) -> Result<JsValue, JsValue>;
    /// `JSON.parse` of text the module wrote, which is always JSON.
    #[wasm_bindgen(js_name = parseJson, catch)]
    fn parse_json(text: &str) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// `Object.getPrototypeOf`, which runs a Proxy's trap.
    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf, catch)]
    fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Object.hasOwn`, which runs a Proxy's `getOwnPropertyDescriptor` trap.
    #[wasm_bindgen(js_namespace = Object, js_name = hasOwn, catch)]
    fn has_own(value: &JsValue, key: &str) -> Result<bool, JsValue>;
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
    call.made(action_spec(&spec::describe(action, locale)))
}

/// Every problem with `params` for `action` (errors and warnings).
#[wasm_bindgen(skip_typescript)]
pub fn validate(action: &JsValue, params: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("validate");
    let (action, params, options) = call.arguments(action, params, options, LOCALE_OPTION)?;
    let locale = match options {
        Some(mut read) => {
            let given = call.next_option(&mut read)?;
            call.given_choice("options.locale", given, LOCALES)?.unwrap_or_default()
        }
        None => Locale::default(),
    };
    call.made(problems(&crate::validate::check(action, &params, locale).problems))
}

/// A signed-ready request (V1 by default, V3 with `signature: "v3"`), or the problems that stop it.
#[wasm_bindgen(js_name = buildRequest, skip_typescript)]
pub fn build_request(action: &JsValue, params: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("buildRequest");
    let (action, params, read) = call.arguments(action, params, options, BUILD_OPTIONS)?;
    let (options, signature, no_nonce) = call.build_options(read, options)?;
    let misuse = |m: Misuse| call.range_error(&m.message());
    // A nonce the platform could not make stops only a request that would be sent.
    if signature == SignatureVersion::V1 {
        return match request::build_texts(action.name, &params, &options).map_err(misuse)? {
            Built::Ready(r) => no_nonce.map_or_else(|| call.made(v1_result(&v1_packed(action, &options, &r))), Err),
            Built::Invalid(found) => call.made(invalid(&found)),
        };
    }
    let r = match request::build_v3(action.name, &params, &options).map_err(misuse)? {
        Built::Ready(r) => no_nonce.map_or(Ok(r), Err)?,
        Built::Invalid(found) => return call.made(invalid(&found)),
    };
    // The result as one JSON text, parsed on the JS side: one crossing, not one per field.
    let mut ready = Json(String::with_capacity(2048));
    ready.key("{", "ok").0.push_str("true");
    ready.key(",", "signature").text(signature.as_str()).key(",", "method").text(options.method.as_str());
    // The Authorization header's Credential, so `authorization` needs the result alone.
    ready.key(",", "accessKeyId").text(&options.access_key_id).key(",", "url").text(&r.url);
    ready.key(",", "params").record(&r.params).key(",", "canonicalQuery").text(&r.canonical_query);
    ready.key(",", "headers").record(&r.headers).key(",", "hashedPayload").text(&r.hashed_payload);
    ready.key(",", "canonicalRequest").text(&r.canonical_request).key(",", "signedHeaders").text(&r.signed_headers);
    ready.key(",", "stringToSign").text(&r.string_to_sign).0.push('}');
    call.made(parse_json(&ready.0))
}

/// A valid V1 result for `v1Result`:
/// `<method>\n<canonicalQuery>\n<stringToSign>\n<host>\n<keys id>` (ASCII, so `\n`
/// separates). The keys id names the query's keys, `<action index>.<fields sent>`
/// with `t` after it when a security token is sent, or is empty past 64 fields:
/// JS caches the names under it, so that they are made once, not on every call.
fn v1_packed(action: &Action, options: &BuildOptions, r: &SignedReadyTexts) -> String {
    let index = crate::rules::ACTION_NAMES.iter().position(|a| *a == action.name).unwrap_or(usize::MAX);
    let token = if options.security_token.is_some() { "t" } else { "" };
    let id = r.sent.map(|sent| cat!(index, '.', sent, token)).unwrap_or_default();
    crate::text::joined(&[options.method.as_str(), &r.canonical_query, &r.string_to_sign, &r.host, &id], "\n")
}

/// The result of a build stopped by `found`.
fn invalid(found: &[Problem]) -> Result<JsValue, JsValue> {
    parse_json(&cat!("{\"ok\":false,\"errors\":", problems_json(found), "}"))
}

/// The signature of `stringToSign` with the AccessKey secret, for trusted contexts
/// only: base64 HMAC-SHA1 (key `secret + "&"`) for V1, hex HMAC-SHA256 for V3.
#[wasm_bindgen(skip_typescript)]
pub fn sign(string_to_sign: &JsValue, secret: &JsValue, signature: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("sign");
    let string_to_sign = call.string("stringToSign", "a string", string_to_sign)?;
    let secret = call.secret("accessKeySecret", secret)?;
    let version = call.choice("signature", given(signature), SIGNATURES)?.unwrap_or_default();
    signing::sign(&string_to_sign, &secret, version).map(JsValue::from).map_err(|m| call.range_error(&m.message()))
}

/// A V1 `buildRequest` result's URL with `&Signature=…` appended.
#[wasm_bindgen(js_name = signedUrl, skip_typescript)]
pub fn signed_url(built: &JsValue, secret: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("signedUrl");
    call.built(built, SignatureVersion::V1)?;
    let url = call.member(built, "built", "url")?;
    let string_to_sign = call.member(built, "built", "stringToSign")?;
    let secret = call.secret("accessKeySecret", secret)?;
    signing::signed_url(&url, &string_to_sign, &secret).map(JsValue::from).map_err(|m| call.range_error(&m.message()))
}

/// The `Authorization` header value for a V3 `buildRequest` result.
#[wasm_bindgen(skip_typescript)]
pub fn authorization(built: &JsValue, secret: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("authorization");
    call.built(built, SignatureVersion::V3)?;
    let access_key_id = call.member(built, "built", "accessKeyId")?;
    let signed_headers = call.member(built, "built", "signedHeaders")?;
    let string_to_sign = call.member(built, "built", "stringToSign")?;
    let secret = call.secret("accessKeySecret", secret)?;
    signing::authorization(&access_key_id, &signed_headers, &string_to_sign, &secret)
        .map(JsValue::from)
        .map_err(|m| call.range_error(&m.message()))
}

/// A V1 request read back from a URL, query string or POST body: its action,
/// typed parameters, common parameters and problems; with `accessKeySecret`,
/// whether its signature is valid.
#[wasm_bindgen(js_name = parseRequest, skip_typescript)]
pub fn parse_request(input: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("parseRequest");
    let (input, broken) = match call.given("urlOrQuery", input.clone())? {
        Given::Text(text, true) => (text, Vec::new()),
        // Its unpaired surrogates are problems of the pairs that hold them (data, not a throw).
        Given::Text(..) => lossy(input.unchecked_ref()),
        given => return Err(call.refused("urlOrQuery", "a string (a URL, a query string or a POST body)", given)),
    };
    let (mut locale, mut secret, mut method) = (Locale::default(), None, Method::default());
    if let Some(o) = call.options(options)? {
        locale = call.locale_of(o)?;
        secret = call.option(o, "accessKeySecret")?.map(|v| call.secret("options.accessKeySecret", &v)).transpose()?;
        method = call.option_choice(o, "method", METHODS)?.unwrap_or_default();
    }
    let parsed = parse::parse_request_lossy(&input, &broken, locale);
    let valid = secret.map(|s| parsed.verify(&s, method)).transpose().map_err(|m| call.range_error(&m.message()))?;
    // One JSON text, parsed on the JS side; JSON.parse defines every key (even
    // `__proto__`) as an own data property.
    let mut out = Json(String::with_capacity(1024));
    out.key("{", "ok").bool(parsed.is_valid());
    if let Some(action) = &parsed.action {
        out.key(",", "action").text(action);
    }
    if let Some(endpoint) = &parsed.endpoint {
        out.key(",", "endpoint").text(endpoint);
    }
    out.key(",", "params").object(&parsed.params, |o, v| match v {
        Value::Text(s) => o.text(s),
        Value::Int(n) => o.int(*n),
        Value::Bool(b) => o.bool(*b),
    });
    out.key(",", "common").record(&parsed.common).key(",", "problems").raw(&problems_json(&parsed.problems));
    if let Some(valid) = valid {
        out.key(",", "signatureValid").bool(valid);
    }
    out.0.push('}');
    call.made(parse_json(&out.0))
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
        TypeError::new(&cat!(self.name, ": ", what, " must be ", expected, "; got ", kind(got))).into()
    }

    fn range_error(&self, message: &str) -> JsValue {
        RangeError::new(&cat!(self.name, ": ", message)).into()
    }

    /// A plain `Error`, for what the platform (not the caller's arguments) got wrong.
    fn error(&self, message: &str) -> js_sys::Error {
        js_sys::Error::new(&cat!(self.name, ": ", message))
    }

    /// An `Error` for caller code that threw while being read, with the thrown value as its `cause`.
    fn threw(&self, what: &str, thrown: JsValue) -> JsValue {
        self.threw_while(&cat!("reading ", what), thrown)
    }

    /// The call's result, or an `Error` for what threw while it was made.
    fn made(&self, result: Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
        result.map_err(|thrown| self.threw_while("making the result", thrown))
    }

    /// An `Error` for a throw while `doing` ("reading options", say), with the thrown value as its `cause`.
    fn threw_while(&self, doing: &str, thrown: JsValue) -> JsValue {
        // `message` is read through a catching `Reflect.get`; a long one is not copied in.
        let detail = Reflect::get(&thrown, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.dyn_into::<JsString>().ok())
            .filter(|m| m.length() <= 1_000)
            .and_then(|m| m.as_string());
        let message = match detail {
            Some(d) => cat!(self.name, ": ", doing, " threw: ", d),
            None => cat!(self.name, ": ", doing, " threw ", kind(&thrown)),
        };
        let error = js_sys::Error::new(&message);
        error.set_cause(&thrown);
        error.into()
    }

    /// Copies a JS string in, charging the call's text budget. The copy replaces an
    /// unpaired surrogate with U+FFFD, so it comes with whether the original was well formed.
    fn text(&mut self, s: &JsString, what: &str) -> Result<(String, bool), JsValue> {
        self.text_left = self.text_left.checked_sub(s.length()).ok_or_else(|| self.over(what))?;
        let copy = s.as_string().unwrap_or_default();
        // Only a copy holding U+FFFD needs the slow, code unit by code unit check.
        let well_formed = !copy.chars().any(|c| c == char::REPLACEMENT_CHARACTER) || s.is_valid_utf16();
        Ok((copy, well_formed))
    }

    fn over(&self, what: &str) -> JsValue {
        self.range_error(&cat!(what, " takes the text of one call past ", MAX_TEXT_UNITS, " UTF-16 code units"))
    }

    fn action(&mut self, value: &JsValue) -> Result<&'static Action, JsValue> {
        let name = match value.dyn_ref::<JsString>() {
            Some(s) => self.text(s, "action")?.0,
            None => return Err(self.type_error("action", "a string", value)),
        };
        request::find_action(&name).map_err(|m| self.range_error(&m.message()))
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

    /// `action`, `params` and `options`, read by `js/boundary.js` in one pass and copied
    /// in as bytes: the action, the params, and the options named in `names` (`None`:
    /// not given) to hand out in order. An options failure comes back as a `Read` that
    /// ends in it, so that the options before it are checked first.
    fn arguments(&mut self, action: &JsValue, params: &JsValue, options: &JsValue, names: Names) -> Result<Arguments, JsValue> {
        // Marked as sent only once a call has read its arguments with them: a first
        // call that failed before `readCall` kept them (its stack ran out, say) sends
        // them again, where marking them first would fail every later call.
        let sent = NAMES_SENT.load(Ordering::Relaxed);
        let names_text = (sent & 1 << names.id == 0).then_some(names.text);
        let actions_text = (sent & ACTIONS_SENT == 0).then(|| crate::text::joined(crate::rules::ACTION_NAMES, ","));
        // Most calls' packing fits this; a longer one is taken in a second step.
        let mut packed = vec![0; 1024];
        let written =
            read_call(action, params, options, names.id, names_text, actions_text.as_deref(), self.text_left, MAX_PARAMS, &mut packed);
        let written = usize::try_from(written).unwrap_or_else(|_| {
            packed = vec![0; written.unsigned_abs() as usize];
            take_packed(&mut packed) as usize
        });
        packed.truncate(written);
        if packed.is_empty() {
            return Err(self.failed(params));
        }
        NAMES_SENT.fetch_or(1 << names.id | ACTIONS_SENT, Ordering::Relaxed);
        let mut bytes = Bytes(&packed);
        let (options_failed, action, params, left, given) = (|| {
            Some((
                bytes.byte()? == 1,
                crate::rules::ACTIONS.get(usize::from(bytes.byte()?))?,
                unpack(&mut bytes)?,
                bytes.u32()?,
                bytes.byte()?,
            ))
        })()
        .ok_or_else(|| self.unreadable("the arguments"))?;
        self.text_left = left;
        let at = packed.len() - bytes.0.len();
        let mut failure = None;
        if options_failed {
            // `[failure, index, value]`, the options before `index` packed.
            let detail: Array = take_failure().get(2).unchecked_into();
            match detail.get(0).as_f64() {
                Some(0.0) => return Err(self.type_error("options", "a plain object", options)),
                Some(1.0) => return Err(self.threw("options", detail.get(2))),
                _ => failure = Some(detail),
            }
        }
        let read = (given == 1).then_some(Read { names: names.text, packed, at, failure });
        Ok((action, params, read))
    }

    /// The error for a `readCall` that read no arguments (see `js/boundary.js`).
    fn failed(&mut self, params: &JsValue) -> JsValue {
        let failure = take_failure();
        let (stage, detail) = (failure.get(0).as_f64().unwrap_or(0.0), failure.get(2));
        if stage == 0.0 {
            return self.type_error("action", "a string", &detail);
        }
        if stage == 2.0 {
            // `[failure, key, value]`, after the action was found.
            return self.params_failure(&detail.unchecked_into(), params);
        }
        if stage == 4.0 {
            return self.threw("the arguments", detail);
        }
        // Over budget or unknown: the same checks again, for their errors.
        match self.action(&failure.get(1)) {
            Err(e) => e,
            Ok(_) => self.unreadable("action"),
        }
    }

    /// The error for `readParams`' failure.
    fn params_failure(&self, failure: &Array, value: &JsValue) -> JsValue {
        let key = failure.get(1).as_string().unwrap_or_default();
        let what = path("params", &key);
        match failure.get(0).as_f64().unwrap_or(0.0) as u8 {
            1 => self.threw("params", failure.get(2)),
            2 => self.range_error(&cat!(
                "params has ",
                failure.get(2).as_f64().unwrap_or(0.0) as u32,
                " keys; at most ",
                MAX_PARAMS,
                " are read"
            )),
            3 => self.over("a key of params"),
            4 | 6 => self.threw(&what, failure.get(2)),
            5 => self.over(&what),
            7 => self.type_error(&what, "a bigint whose toString gives digits", &failure.get(2)),
            _ => self.type_error("params", "a plain object of parameter names to values", value),
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

    /// One option's value; `undefined` and `null` mean not given, and so does an
    /// inherited one (from a polluted `Object.prototype`).
    fn option(&self, options: &JsValue, name: &'static str) -> Result<Option<JsValue>, JsValue> {
        let threw = |e| self.threw(&cat!("options.", name), e);
        match given(&Reflect::get(options, &JsValue::from_str(name)).map_err(threw)?) {
            Some(v) if has_own(options, name).map_err(threw)? => Ok(Some(v)),
            _ => Ok(None),
        }
    }

    /// A string argument, option or member; an unpaired surrogate is refused.
    fn string(&mut self, what: &str, expected: &str, value: &JsValue) -> Result<String, JsValue> {
        match self.given(what, value.clone())? {
            Given::Text(text, true) => Ok(text),
            given => Err(self.refused(what, expected, given)),
        }
    }

    /// A value from a closed set of strings; `None` when not given.
    fn choice<T: Copy>(&mut self, what: &str, value: Option<JsValue>, choices: &[(&str, T)]) -> Result<Option<T>, JsValue> {
        let Some(v) = value else { return Ok(None) };
        let given = self.given(what, v)?;
        self.given_choice(what, given, choices)
    }

    fn option_choice<T: Copy>(&mut self, options: &JsValue, name: &'static str, choices: &[(&str, T)]) -> Result<Option<T>, JsValue> {
        let value = self.option(options, name)?;
        self.choice(&cat!("options.", name), value, choices)
    }

    /// An AccessKey secret: a non-empty string.
    fn secret(&mut self, what: &str, value: &JsValue) -> Result<String, JsValue> {
        let secret = self.string(what, "a string (an AccessKey secret)", value)?;
        if secret.is_empty() {
            return Err(self.range_error(&cat!(what, " must be a non-empty AccessKey secret")));
        }
        Ok(secret)
    }

    /// A string member of a caller's object, such as `built.url`.
    fn member(&mut self, object: &JsValue, base: &str, key: &str) -> Result<String, JsValue> {
        let what = path(base, key);
        let value = Reflect::get(object, &JsValue::from_str(key)).map_err(|e| self.threw(&what, e))?;
        self.string(&what, "a string", &value)
    }

    /// Checks that `value` is a successful `buildRequest` result for `version`, so a
    /// signing helper cannot be handed the pieces of another request or scheme.
    fn built(&mut self, value: &JsValue, version: SignatureVersion) -> Result<(), JsValue> {
        let ok = match self.is_plain(value, "built")? {
            true => Reflect::get(value, &JsValue::from_str("ok")).map_err(|e| self.threw("built.ok", e))?.as_bool(),
            false => None,
        };
        if ok != Some(true) {
            return Err(self.type_error("built", "a buildRequest result with ok: true", value));
        }
        let got = self.member(value, "built", "signature")?;
        if got != version.as_str() {
            let other = if version == SignatureVersion::V1 { "authorization for a v3 request" } else { "signedUrl for a v1 request" };
            return Err(self.range_error(&cat!(
                "built.signature must be \"",
                version.as_str(),
                "\"; got ",
                quote(&got),
                " (use ",
                other,
                ")"
            )));
        }
        Ok(())
    }

    fn locale_of(&mut self, options: &JsValue) -> Result<Locale, JsValue> {
        Ok(self.option_choice(options, "locale", LOCALES)?.unwrap_or_default())
    }

    fn locale(&mut self, options: &JsValue) -> Result<Locale, JsValue> {
        match self.options(options)? {
            Some(o) => self.locale_of(o),
            None => Ok(Locale::default()),
        }
    }

    /// The build options as `arguments` read them, with a fresh nonce and the current
    /// time where not given, and the signature, checked in order; and the error that
    /// stands in for a nonce the platform could not make, so that an invalid request
    /// still gets its problems.
    fn build_options(&mut self, read: Option<Read>, value: &JsValue) -> Result<(BuildOptions, SignatureVersion, Option<JsValue>), JsValue> {
        let Some(mut read) = read else {
            return Err(self.type_error("options", "a plain object with an accessKeyId", value));
        };
        let access_key_id = match self.next_option(&mut read)? {
            Given::Text(text, true) => text,
            given => return Err(self.refused("options.accessKeyId", "a string (an AccessKey ID)", given)),
        };
        let timestamp = match self.next_option(&mut read)? {
            Given::Absent(_) => Some(utc_timestamp(Date::now()))
                .filter(|t| !t.is_empty())
                .ok_or_else(|| JsValue::from(self.error("Date.now() gave no usable time for a Timestamp; give options.timestamp")))?,
            // An invalid Date gives "", which the core refuses with its own message.
            Given::Time(ms) => utc_timestamp(ms),
            Given::Text(text, true) => text,
            given => return Err(self.refused("options.timestamp", "a string or a Date", given)),
        };
        let given = self.next_option(&mut read)?;
        let nonce = self.given_text("options.nonce", given)?;
        let given = self.next_option(&mut read)?;
        let format = self.given_choice("options.format", given, &[("JSON", ResponseFormat::Json), ("XML", ResponseFormat::Xml)])?;
        let given = self.next_option(&mut read)?;
        let method = self.given_choice("options.method", given, METHODS)?;
        let given = self.next_option(&mut read)?;
        let endpoint = self.given_text("options.endpoint", given)?;
        let given = self.next_option(&mut read)?;
        let security_token = self.given_text("options.securityToken", given)?;
        let given = self.next_option(&mut read)?;
        let locale = self.given_choice("options.locale", given, LOCALES)?;
        let given = self.next_option(&mut read)?;
        let signature = self.given_choice("options.signature", given, SIGNATURES)?;
        let (nonce, no_nonce) = match nonce.map_or_else(|| self.uuid_v4(), Ok) {
            Ok(nonce) => (nonce, None),
            // A well-formed stand-in, never sent: `build_request` throws `e` for a valid request.
            Err(e) => (String::from("00000000-0000-4000-8000-000000000000"), Some(e)),
        };
        let options = BuildOptions {
            access_key_id,
            timestamp,
            nonce,
            format: format.unwrap_or_default(),
            method: method.unwrap_or_default(),
            endpoint,
            security_token,
            locale: locale.unwrap_or_default(),
        };
        Ok((options, signature.unwrap_or_default(), no_nonce))
    }

    /// The next option of `read`, in the order of its names, its text charged to the budget.
    fn next_option(&mut self, read: &mut Read) -> Result<Given, JsValue> {
        let (name, later) = split_at_byte(read.names, b',').unwrap_or((read.names, ""));
        read.names = later;
        let mut bytes = Bytes(read.packed.get(read.at..).unwrap_or_default());
        if bytes.0.is_empty() {
            let Some(failure) = read.failure.take() else { return Err(self.unreadable("options")) };
            return match failure.get(0).as_f64() {
                Some(2.0) => Err(self.threw(&cat!("options.", name), failure.get(2))),
                Some(3.0) => Ok(Given::Other(failure.get(2))),
                _ => Err(self.over(&cat!("options.", name))),
            };
        }
        let given = unpack_option(&mut bytes).ok_or_else(|| self.unreadable("options"))?;
        read.at = read.packed.len() - bytes.0.len();
        if let Given::Text(text, _) = &given {
            // The length in UTF-16 code units, as JS counted it (in ASCII, its bytes).
            let units = if text.is_ascii() { text.len() } else { text.encode_utf16().count() };
            self.text_left =
                u32::try_from(units).ok().and_then(|u| self.text_left.checked_sub(u)).ok_or_else(|| self.over(&cat!("options.", name)))?;
        }
        Ok(given)
    }

    /// The error for a string option, argument or member that is not a well-formed string.
    fn refused(&self, what: &str, expected: &str, given: Given) -> JsValue {
        match given {
            Given::Text(..) => self.range_error(&cat!(what, " holds an unpaired surrogate")),
            Given::Absent(v) | Given::Other(v) => self.type_error(what, expected, &v),
            // Only `timestamp` takes a Date's time; to any other option a Date is an object.
            Given::Time(_) => self.type_error(what, expected, &Object::new()),
        }
    }

    /// An optional string: `None` when not given.
    fn given_text(&self, what: &str, given: Given) -> Result<Option<String>, JsValue> {
        match given {
            Given::Absent(_) => Ok(None),
            Given::Text(text, true) => Ok(Some(text)),
            given => Err(self.refused(what, "a string", given)),
        }
    }

    /// A value from a closed set of strings; `None` when not given.
    fn given_choice<T: Copy>(&self, what: &str, given: Given, choices: &[(&str, T)]) -> Result<Option<T>, JsValue> {
        // Only a refusal needs the list, so it is not built on every call.
        let expected = || crate::text::joined(&choices.iter().map(|(s, _)| cat!("\"", s, "\"")).collect::<Vec<_>>(), " or ");
        let given = match given {
            Given::Absent(_) => return Ok(None),
            Given::Text(text, _) => text,
            given => return Err(self.refused(what, &expected(), given)),
        };
        match choices.iter().find(|(s, _)| *s == given) {
            Some((_, choice)) => Ok(Some(*choice)),
            None => Err(self.range_error(&cat!(what, " must be ", expected(), "; got ", quote(&given)))),
        }
    }

    /// A JS value as an option's value, its text charged to the budget.
    fn given(&mut self, what: &str, value: JsValue) -> Result<Given, JsValue> {
        Ok(match value.dyn_ref::<JsString>() {
            Some(s) => {
                let (text, well_formed) = self.text(s, what)?;
                Given::Text(text, well_formed)
            }
            None if value.is_undefined() || value.is_null() => Given::Absent(value),
            None => Given::Other(value),
        })
    }

    /// An Error for when the two halves of the boundary disagree.
    fn unreadable(&self, what: &str) -> JsValue {
        self.error(&cat!(what, " could not be read")).into()
    }

    /// A random (version 4) UUID from the platform's crypto-strength generator.
    fn uuid_v4(&self) -> Result<String, JsValue> {
        let mut bytes = [0u8; 16];
        get_random_values(&mut bytes).map_err(|thrown| {
            let error = self.error("crypto.getRandomValues failed or is not available for a SignatureNonce; give options.nonce");
            error.set_cause(&thrown);
            JsValue::from(error)
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
            Hex2(byte).put(&mut out);
        }
        Ok(out)
    }
}

/// A JS string with unpaired surrogates as text with U+FFFD in their place, and
/// the byte offsets where they stand.
fn lossy(s: &JsString) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(s.length() as usize);
    let mut broken = Vec::new();
    for c in char::decode_utf16(s.iter()) {
        if c.is_err() {
            broken.push(text.len());
        }
        text.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    (text, broken)
}

/// A value as given: `undefined` and `null` mean not given.
fn given(value: &JsValue) -> Option<JsValue> {
    (!value.is_undefined() && !value.is_null()).then(|| value.clone())
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
        cat!(base, ".", key)
    } else {
        cat!(base, "[", quote(key), "]")
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
    // `floor` without std: truncate, then step down below zero (|ms / 1000| < 2^63 here).
    let whole = ms / 1000.0;
    let secs = (whole as i64) - i64::from((whole as i64) as f64 > whole);
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
    cat!(
        Padded(year, 4),
        "-",
        Padded(month, 2),
        "-",
        Padded(day, 2),
        "T",
        Padded(second / 3_600, 2),
        ":",
        Padded(second / 60 % 60, 2),
        ":",
        Padded(second % 60, 2),
        "Z"
    )
}

/// Problems as one JSON text parsed on the JS side: one crossing, not one per field.
fn problems(found: &[Problem]) -> Result<JsValue, JsValue> {
    // A valid request, the common case, needs no text at all.
    if found.is_empty() {
        return Ok(Array::new().into());
    }
    parse_json(&problems_json(found))
}

/// An action's spec as one JSON text parsed on the JS side.
fn action_spec(a: &ActionSpec) -> Result<JsValue, JsValue> {
    let mut out = Json(String::with_capacity(8192));
    out.key("{", "action").text(a.action).key(",", "version").text(a.version).key(",", "title").text(a.title);
    out.key(",", "fields").list(&a.fields, field_spec);
    out.0.push('}');
    parse_json(&out.0)
}

fn field_spec(out: &mut Json, f: &FieldSpec) {
    out.key("{", "name").text(f.name).key(",", "type").text(f.ty.as_str());
    out.key(",", "required").bool(f.required).key(",", "label").text(f.label).key(",", "help").text(f.help);
    out.key(",", "example").text(f.example).key(",", "freeText").bool(f.free_text);
    // Optional keys are omitted when absent, never set to null.
    // Allowed values: strings for an enum, numbers for Period and DataPlan.
    if let Some(allowed) = f.allowed {
        out.key(",", "enum").list(allowed, |o, s| {
            o.text(s);
        });
    } else if let Some(values) = f.values {
        out.key(",", "enum").list(values, |o, n| {
            o.int(*n);
        });
    }
    let size = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let numbers = [
        ("min", f.min),
        ("max", f.max),
        ("multipleOf", f.multiple_of),
        ("minLength", f.min_length.map(size)),
        ("maxLength", f.max_length.map(size)),
    ];
    for (key, value) in numbers {
        if let Some(n) = value {
            out.key(",", key).int(n);
        }
    }
    if let Some(format) = f.format {
        out.key(",", "format").text(format.as_str());
    }
    if let Some(d) = &f.dependency {
        out.key(",", "dependency");
        dependency(out, d);
    }
    out.0.push('}');
}

fn dependency(out: &mut Json, d: &Dependency) {
    match d {
        Dependency::RangeBy { field, ranges } => {
            out.key("{", "kind").text("rangeBy").key(",", "field").text(field).key(",", "ranges").list(ranges, |o, (value, min, max)| {
                o.key("{", "value").text(value).key(",", "min").int(*min).key(",", "max").int(*max).0.push('}');
            });
        }
        Dependency::RequiredWhen { field, when, value } => {
            out.key("{", "kind").text("requiredWhen").key(",", "field").text(field).key(",", "when").text(when);
            out.key(",", "value").text(value);
        }
        Dependency::OnlyWith { field, value } => {
            out.key("{", "kind").text("onlyWith").key(",", "field").text(field).key(",", "value").text(value);
        }
    }
    out.0.push('}');
}

/// A cursor over `js/boundary.js`'s packing (numbers little-endian). A read past
/// the end gives `None`, which only happens if the two halves disagree.
struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    #[inline(always)]
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(taken)
    }

    #[inline(always)]
    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    #[inline(always)]
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    #[inline(always)]
    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A text: its UTF-8 length (u32), then its bytes.
    #[inline(always)]
    fn text(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.u32()?).ok()?;
        core::str::from_utf8(self.take(len)?).ok()
    }
}

/// `readParams`' packing of a params object: each key and its value as the input model.
fn unpack(bytes: &mut Bytes) -> Option<Vec<(String, Input)>> {
    let count = usize::try_from(bytes.u32()?).ok()?;
    let mut params = Vec::with_capacity(count.min(MAX_PARAMS as usize));
    for _ in 0..count {
        let key = bytes.text()?.to_owned();
        let input = match bytes.byte()? {
            b'u' => Input::Missing,
            b'T' => Input::Bool(true),
            b'F' => Input::Bool(false),
            b'x' => Input::BadText,
            b'n' => Input::Number(bytes.f64()?),
            b's' => Input::Text(bytes.text()?.to_owned()),
            b'b' => Input::BigInt(bytes.text()?.to_owned()),
            b'o' => Input::Other(match bytes.byte()? {
                b'a' => "an array",
                b'f' => "a function",
                b's' => "a symbol",
                _ => "an object",
            }),
            _ => return None,
        };
        params.push((key, input));
    }
    Some(params)
}

/// One option of `readOptions`' packing.
fn unpack_option(bytes: &mut Bytes) -> Option<Given> {
    Some(match bytes.byte()? {
        b'u' => Given::Absent(JsValue::UNDEFINED),
        b'N' => Given::Absent(JsValue::NULL),
        tag @ (b's' | b'x') => Given::Text(bytes.text()?.to_owned(), tag == b's'),
        b'd' => Given::Time(bytes.f64()?),
        _ => return None,
    })
}

/// `s` split around the first `sep` (an ASCII byte), without it: a plain loop, where
/// `split_once` goes through the general string searcher.
fn split_at_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == sep)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// Problems as a JSON array, for one `JSON.parse` on the JS side.
fn problems_json(found: &[Problem]) -> String {
    let mut out = Json(String::with_capacity(256 * found.len() + 2));
    out.0.push('[');
    for (i, p) in found.iter().enumerate() {
        if i > 0 {
            out.0.push(',');
        }
        out.key("{", "field").text(&p.field).key(",", "rule").text(p.rule.as_str()).key(",", "code").text(p.code);
        out.key(",", "message").text(&p.message).key(",", "params").object(&p.params, |o, v| match v {
            Param::Int(n) => o.int(*n),
            // Always finite (`value::raw` spells NaN and Infinity as text), so valid JSON.
            Param::Num(n) => o.raw(&crate::value::js_number(*n)),
            Param::Bool(b) => o.bool(*b),
            Param::Str(s) => o.text(s),
            Param::Ints(ns) => o.list(ns, |o, n| {
                o.int(*n);
            }),
            Param::Strs(ss) => o.list(ss, |o, s| {
                o.text(s);
            }),
        });
        out.key(",", "severity").text(p.severity.as_str()).0.push('}');
    }
    out.0.push(']');
    out.0
}

/// A JSON text under construction (strings, integers, arrays; objects by `key`).
struct Json(String);

impl Json {
    fn key(&mut self, before: &str, key: &str) -> &mut Self {
        self.0.push_str(before);
        self.text(key).0.push(':');
        self
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.0.push('"');
        let mut rest = s;
        // Runs without a byte to escape are copied whole.
        while let Some(at) = rest.bytes().position(|b| b == b'"' || b == b'\\' || b < 0x20) {
            let (run, tail) = rest.split_at_checked(at).unwrap_or((rest, ""));
            self.0.push_str(run);
            let b = tail.as_bytes().first().copied().unwrap_or(0);
            match b {
                b'"' => self.0.push_str("\\\""),
                b'\\' => self.0.push_str("\\\\"),
                _ => {
                    self.0.push_str("\\u00");
                    Hex2(b).put(&mut self.0);
                }
            }
            rest = tail.get(1..).unwrap_or("");
        }
        self.0.push_str(rest);
        self.0.push('"');
        self
    }

    /// An object of string values, keys in the given order.
    fn record(&mut self, pairs: &[(String, String)]) -> &mut Self {
        self.object(pairs, |o, v| o.text(v))
    }

    /// An object of `entries`, keys in the given order, each value written by `each`.
    fn object<K: AsRef<str>, V>(&mut self, entries: &[(K, V)], each: impl for<'a> Fn(&'a mut Self, &V) -> &'a mut Self) -> &mut Self {
        for (i, (k, v)) in entries.iter().enumerate() {
            each(self.key(if i > 0 { "," } else { "{" }, k.as_ref()), v);
        }
        if entries.is_empty() {
            self.0.push('{');
        }
        self.0.push('}');
        self
    }

    fn bool(&mut self, b: bool) -> &mut Self {
        b.put(&mut self.0);
        self
    }

    /// JSON written as is (a number).
    fn raw(&mut self, json: &str) -> &mut Self {
        self.0.push_str(json);
        self
    }

    /// A JS number, or its decimal string where a number would lose digits.
    fn int(&mut self, n: i64) -> &mut Self {
        if crate::value::is_safe_integer(n) {
            self.0.push_str(&int_text(n));
        } else {
            self.text(&int_text(n));
        }
        self
    }

    fn list<T>(&mut self, items: &[T], each: impl Fn(&mut Self, &T)) -> &mut Self {
        self.0.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            each(self, item);
        }
        self.0.push(']');
        self
    }
}
