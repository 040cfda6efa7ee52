//! The JavaScript face of the crate (SPEC §5), and the only module that imports
//! wasm-bindgen: each export reads its arguments (`read`), calls the core, and
//! writes the result.
//!
//! A mistake in the request's *data* is a returned `Problem`. A mistake by the
//! *calling code* throws a real error that names the argument: a `TypeError`
//! for a wrong type, a `RangeError` for a value outside what is allowed, an
//! `Error` (with the thrown value as `cause`) when caller code threw while its
//! arguments were read. Results are serde types written as JSON and made into
//! objects by one `JSON.parse`, which runs no caller code (README, "How a call
//! crosses the boundary").
mod read;

use crate::describe as spec;
use crate::locale::Locale;
use crate::parse;
use crate::request::{self, BuildOptions, Method, ResponseFormat};
use crate::sign::SignatureVersion;
use crate::value::Input;
use read::{Call, Entries, Members, Snap};
pub use read::{MAX_KEYS, MAX_TEXT_UNITS};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../api.d.ts");
#[cfg(feature = "sign")]
#[wasm_bindgen(typescript_custom_section)]
const SIGNING_TYPES: &str = include_str!("../api.sign.d.ts");

mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/js/boundary.js")]
    extern "C" {
        /// The guarded snapshot of a call's first `count` arguments (at most 3),
        /// passed one by one: an array made in JS (`new Array()`, `push`) would
        /// go through a page's index setters on `Array.prototype`. Throws a made Error.
        #[allow(clippy::too_many_arguments)]
        #[wasm_bindgen(catch)]
        pub fn snapshot(
            call: &str,
            depth: u32,
            budget: u32,
            max_keys: u32,
            count: u32,
            name0: &str,
            value0: &JsValue,
            name1: &str,
            value1: &JsValue,
            name2: &str,
            value2: &JsValue,
        ) -> Result<String, JsValue>;
        pub fn fail(kind: &str, message: &str, cause: JsValue) -> JsValue;
        #[wasm_bindgen(catch)]
        fn parse(text: &str) -> Result<JsValue, JsValue>;
        pub fn now() -> String;
        pub fn nonce() -> Option<String>;
    }

    /// A serde value as a plain JS object, through JSON.
    pub fn write<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
        let text =
            serde_json::to_string(value).map_err(|e| fail("Error", &format!("writing the result failed: {e}"), JsValue::UNDEFINED))?;
        parse(&text)
    }
}

/// The names of every action, in a stable order.
#[wasm_bindgen(skip_typescript)]
pub fn actions() -> Result<JsValue, JsValue> {
    js::write(crate::rules::ACTION_NAMES)
}

/// Everything a form needs to render `action`, in the asked locale.
#[wasm_bindgen(skip_typescript)]
pub fn describe(action: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("describe");
    let action = call.action(action)?;
    let [options] = call.snapshot(["options"], [options], 1)?;
    let locale = locale(&call, options)?;
    js::write(&spec::describe(action, locale))
}

/// Every problem with `params` for `action` (errors and warnings).
#[wasm_bindgen(skip_typescript)]
pub fn validate(action: &JsValue, params: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("validate");
    let action = call.action(action)?;
    let [params, options] = call.snapshot(["params", "options"], [params, options], 1)?;
    let params = read_params(&call, params)?;
    let locale = locale(&call, options)?;
    js::write(&crate::validate::check(action, &params, locale).problems)
}

/// A signed-ready request (V1 by default, V3 with `signature: "v3"`), or the problems that stop it.
#[wasm_bindgen(js_name = buildRequest, skip_typescript)]
pub fn build_request(action: &JsValue, params: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("buildRequest");
    let action = call.action(action)?;
    let [params, options] = call.snapshot(["params", "options"], [params, options], 1)?;
    let params = read_params(&call, params)?;
    let expected = "a plain object with an accessKeyId";
    let Some(entries) = call.object("options", expected, &options)? else {
        return Err(call.type_error("options", expected, &call.input(&options)));
    };
    let o = Members { call: &call, base: "options", entries };
    let timestamp = match o.get("timestamp") {
        Input::Date(text) => Some(text.clone()),
        _ => o.text("timestamp", "a string or a Date")?,
    };
    let options = BuildOptions {
        access_key_id: o.required("accessKeyId", "a string (an AccessKey ID)")?,
        timestamp: timestamp.unwrap_or_else(js::now),
        nonce: match o.text("nonce", "a string")? {
            Some(nonce) => nonce,
            None => js::nonce().ok_or_else(|| {
                js::fail(
                    "Error",
                    "buildRequest: crypto.getRandomValues is not available for a SignatureNonce; give options.nonce",
                    JsValue::UNDEFINED,
                )
            })?,
        },
        format: o.choice::<ResponseFormat>("format")?.unwrap_or_default(),
        method: o.choice::<Method>("method")?.unwrap_or_default(),
        endpoint: o.text("endpoint", "a string")?,
        security_token: o.text("securityToken", "a string")?,
        locale: o.choice::<Locale>("locale")?.unwrap_or_default(),
        signature: o.choice::<SignatureVersion>("signature")?.unwrap_or_default(),
    };
    let built = request::build_request(action.name, &params, &options).map_err(|m| call.misuse(m))?;
    js::write(&built)
}

/// The params argument as the core's list of names and values.
fn read_params(call: &Call, snap: Snap) -> Result<Vec<(String, Input)>, JsValue> {
    let expected = "a plain object of parameter names to values";
    call.object("params", expected, &snap)?.ok_or_else(|| call.type_error("params", expected, &call.input(&snap)))
}

/// `options.locale`, English when not given.
fn locale(call: &Call, options: Snap) -> Result<Locale, JsValue> {
    let Some(entries) = call.object("options", "a plain object", &options)? else { return Ok(Locale::default()) };
    Ok(Members { call, base: "options", entries }.choice("locale")?.unwrap_or_default())
}

/// A request or response object: its members, and its `headers` (a plain object
/// of strings or a `Headers`; names in any letter case).
fn with_headers<'a>(call: &'a Call, base: &'static str, expected: &str, snap: &Snap) -> Result<(Members<'a>, Entries<String>), JsValue> {
    let raws: Entries<Snap> = call.object(base, expected, snap)?.ok_or_else(|| call.type_error(base, expected, &call.input(snap)))?;
    let headers = match raws.iter().find(|(k, _)| k == "headers") {
        Some((_, h)) => call.object(&format!("{base}.headers"), "a plain object of strings or a Headers", h)?.unwrap_or_default(),
        None => Vec::new(),
    };
    let entries = raws.iter().map(|(k, v)| (k.clone(), call.input(v))).collect();
    Ok((Members { call, base, entries }, headers))
}

/// A request read back, V1 or V3: from a URL, query string or POST body (a
/// string), or from `{ method, url, headers, body }`; its action, typed
/// parameters, common values and problems; with `accessKeySecret` (Node build),
/// whether its signature is valid.
#[wasm_bindgen(js_name = parseRequest, skip_typescript)]
pub fn parse_request(input: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("parseRequest");
    let text = call.string(input, "request")?;
    // A string is read as it is (above); only an object is snapshotted.
    let object = if text.is_some() { JsValue::UNDEFINED } else { input.clone() };
    let [request, options] = call.snapshot(["request", "options"], [&object, options], 2)?;
    let o = Members { call: &call, base: "options", entries: call.object("options", "a plain object", &options)?.unwrap_or_default() };
    let locale = o.choice::<Locale>("locale")?.unwrap_or_default();
    let secret = o.text("accessKeySecret", "a string (an AccessKey secret)")?;
    let method = o.choice::<Method>("method")?;
    if secret.is_some() && !cfg!(feature = "sign") {
        return Err(call.range_error("options.accessKeySecret is read only by the Node build: no AccessKey secret belongs in a page"));
    }
    // Without `sign` the verifying code (HMAC, SHA-1) is left out of the module.
    let secret = if cfg!(feature = "sign") { secret } else { None };
    // A string's unpaired surrogates are problems of the pairs that hold them (data, not a throw).
    let (url, url_broken, method, headers, body) = match text {
        Some(text) => {
            let (url, broken) = lossy(&text);
            (url, broken, method, Vec::new(), None)
        }
        None => {
            let expected = "a string (a URL, a query string or a POST body) or { method, url, headers, body }";
            let (r, headers) = with_headers(&call, "request", expected, &request)?;
            let method = method.or(r.choice::<Method>("method")?);
            (r.required("url", "a string")?, Vec::new(), method, headers, r.text("body", "a string")?)
        }
    };
    let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let request =
        parse::HttpRequest { method, url: &url, headers: &headers, body: body.as_deref(), url_broken: &url_broken, body_broken: &[] };
    let parsed = parse::parse_http_request(&request, secret.as_deref(), locale).map_err(|m| call.misuse(m))?;
    #[derive(serde::Serialize)]
    struct Result<'a> {
        ok: bool,
        #[serde(flatten)]
        parsed: &'a parse::Parsed,
    }
    js::write(&Result { ok: parsed.is_valid(), parsed: &parsed })
}

/// The gateway's answer read: `{ status?, headers?, body }` or the body text.
#[wasm_bindgen(js_name = parseResponse, skip_typescript)]
pub fn parse_response(action: &JsValue, response: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("parseResponse");
    let action = call.action(action)?;
    let [response, options] = call.snapshot(["response", "options"], [response, options], 2)?;
    let locale = locale(&call, options)?;
    let (status, content_type, body) = match call.input(&response) {
        Input::Text(body) => (None, None, body),
        // The body text, like `response.body`, is refused as text: not "not a response".
        Input::BadText => return Err(call.range_error("response holds an unpaired surrogate")),
        _ => {
            let (r, headers) = with_headers(&call, "response", "{ status?, headers?, body } or the body text", &response)?;
            let status = match r.get("status") {
                Input::Missing | Input::Null => None,
                Input::Number(n) if (100.0..=599.0).contains(n) && n.fract() == 0.0 => Some(*n as u16),
                other => return Err(call.type_error("response.status", "an HTTP status (100 to 599)", other)),
            };
            let content_type = headers.into_iter().find(|(k, _)| k.eq_ignore_ascii_case("content-type")).map(|(_, v)| v);
            (status, content_type, r.required("body", "a string (the body text)")?)
        }
    };
    let answer = crate::response::parse_response(
        action.name,
        &crate::response::ResponseIn { status, content_type: content_type.as_deref(), body: body.as_bytes() },
        locale,
    )
    .map_err(|m| call.misuse(m))?;
    js::write(&answer)
}

/// A JS string with unpaired surrogates as text with U+FFFD in their place, and
/// the byte offsets where they stand.
fn lossy(s: &js_sys::JsString) -> (String, Vec<usize>) {
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

#[cfg(feature = "sign")]
mod signing;
#[cfg(feature = "sign")]
pub use signing::{authorization, sign, signed_url};
