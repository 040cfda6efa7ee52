//! The JavaScript face of the crate (SPEC §5), and the only module that imports
//! wasm-bindgen: each export reads its arguments (`read`), calls the core, and
//! writes the result.
//!
//! A mistake in the request's *data* is a returned `Problem`. A mistake by the
//! *calling code* throws a real error that names the argument: a `TypeError`
//! for a wrong type, a `RangeError` for a value outside what is allowed, an
//! `Error` (with the thrown value as `cause`) when caller code threw while its
//! arguments were read. Results are serde types written as JSON and made into
//! objects by one `JSON.parse`: serde-wasm-bindgen's serializer assigns
//! properties (`obj[key] = value`), which an inherited setter on a polluted
//! `Object.prototype` would intercept (tests/js_api/boundary.rs shows it), while
//! `JSON.parse` defines each as an own data property and runs no caller code.
mod read;

use crate::describe as spec;
use crate::locale::Locale;
use crate::parse;
use crate::request::{self, BuildOptions, Method, ResponseFormat};
use crate::sign::SignatureVersion;
use crate::value::Input;
use read::{Call, Members};
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
        /// The guarded snapshot of a call's arguments; throws a made Error.
        #[wasm_bindgen(catch)]
        pub fn snapshot(
            call: &str,
            names: &js_sys::Array,
            values: &js_sys::Array,
            depth: u32,
            budget: u32,
            max_keys: u32,
        ) -> Result<js_sys::Array, JsValue>;
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
    let Some(entries) = call.object("options", expected, options.clone())? else {
        return Err(call.type_error("options", expected, &call.input(options)));
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
fn read_params(call: &Call, snap: JsValue) -> Result<Vec<(String, Input)>, JsValue> {
    let expected = "a plain object of parameter names to values";
    call.object("params", expected, snap.clone())?.ok_or_else(|| call.type_error("params", expected, &call.input(snap)))
}

/// `options.locale`, English when not given.
fn locale(call: &Call, options: JsValue) -> Result<Locale, JsValue> {
    let Some(entries) = call.object("options", "a plain object", options)? else { return Ok(Locale::default()) };
    Ok(Members { call, base: "options", entries }.choice("locale")?.unwrap_or_default())
}

/// A V1 request read back from a URL, query string or POST body: its action,
/// typed parameters, common parameters and problems; with `accessKeySecret`
/// (Node build), whether its signature is valid.
#[wasm_bindgen(js_name = parseRequest, skip_typescript)]
pub fn parse_request(input: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("parseRequest");
    let Some(text) = call.string(input, "urlOrQuery")? else {
        let expected = "a string (a URL, a query string or a POST body)";
        return Err(call.type_error("urlOrQuery", expected, &call.describe(input)));
    };
    let [options] = call.snapshot(["options"], [options], 1)?;
    let o = Members { call: &call, base: "options", entries: call.object("options", "a plain object", options)?.unwrap_or_default() };
    let locale = o.choice::<Locale>("locale")?.unwrap_or_default();
    let secret = o.text("accessKeySecret", "a string (an AccessKey secret)")?;
    let method = o.choice::<Method>("method")?.unwrap_or_default();
    // Its unpaired surrogates are problems of the pairs that hold them (data, not a throw).
    let (text, broken) = lossy(&text);
    let parsed = parse::parse_request_lossy(&text, &broken, locale);
    let signature_valid = match secret {
        None => None,
        Some(secret) => Some(signing::verify(&call, &parsed, &secret, method)?),
    };
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Result<'a> {
        ok: bool,
        #[serde(flatten)]
        parsed: &'a parse::Parsed,
        #[serde(skip_serializing_if = "Option::is_none")]
        signature_valid: Option<bool>,
    }
    js::write(&Result { ok: parsed.is_valid(), parsed: &parsed, signature_valid })
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

/// Without the `sign` feature (the browser builds) nothing verifies: a secret is refused.
#[cfg(not(feature = "sign"))]
mod signing {
    use super::Call;
    use wasm_bindgen::JsValue;

    pub fn verify(call: &Call, _: &crate::parse::Parsed, _: &str, _: crate::request::Method) -> Result<bool, JsValue> {
        Err(call.range_error("options.accessKeySecret is read only by the Node build: no AccessKey secret belongs in a page"))
    }
}
