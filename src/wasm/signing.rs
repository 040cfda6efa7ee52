//! The exports that take an AccessKey secret: the Node build's only (feature
//! `sign`), for trusted contexts such as a backend; never in a page.
use super::read::{Call, Members};
use crate::sign::{self, SignatureVersion};
use crate::value::Input;
use wasm_bindgen::prelude::*;

/// The signature of `stringToSign` with the AccessKey secret: base64 HMAC-SHA1
/// (key `secret + "&"`) for V1, hex HMAC-SHA256 for V3.
#[wasm_bindgen(skip_typescript)]
pub fn sign(string_to_sign: &JsValue, secret: &JsValue, signature: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("sign");
    let args = call.arguments(["stringToSign", "accessKeySecret", "signature"], [string_to_sign, secret, signature])?;
    let string_to_sign = args.required("stringToSign", "a string")?;
    let secret = args.required("accessKeySecret", "a string (an AccessKey secret)")?;
    let version = args.choice::<SignatureVersion>("signature")?.unwrap_or_default();
    sign::sign(&string_to_sign, &secret, version).map(JsValue::from).map_err(|m| args.call.misuse(m))
}

/// A V1 `buildRequest` result's URL with `&Signature=…` appended.
#[wasm_bindgen(js_name = signedUrl, skip_typescript)]
pub fn signed_url(built: &JsValue, secret: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("signedUrl");
    let (built, secret) = read_built(&mut call, built, secret, SignatureVersion::V1)?;
    let url = built.required("url", "a string")?;
    let string_to_sign = built.required("stringToSign", "a string")?;
    sign::signed_url(&url, &string_to_sign, &secret).map(JsValue::from).map_err(|m| call.misuse(m))
}

/// The `Authorization` header value for a V3 `buildRequest` result.
#[wasm_bindgen(skip_typescript)]
pub fn authorization(built: &JsValue, secret: &JsValue) -> Result<JsValue, JsValue> {
    let mut call = Call::new("authorization");
    let (built, secret) = read_built(&mut call, built, secret, SignatureVersion::V3)?;
    let access_key_id = built.required("accessKeyId", "a string")?;
    let signed_headers = built.required("signedHeaders", "a string")?;
    let string_to_sign = built.required("stringToSign", "a string")?;
    sign::authorization(&access_key_id, &signed_headers, &string_to_sign, &secret).map(JsValue::from).map_err(|m| call.misuse(m))
}

/// A `buildRequest` result with `ok: true` for `version`, and the secret.
fn read_built<'a>(
    call: &'a mut Call,
    built: &JsValue,
    secret: &JsValue,
    version: SignatureVersion,
) -> Result<(Members<'a>, String), JsValue> {
    let [built, secret] = call.snapshot(["built", "accessKeySecret"], [built, secret], 1)?;
    let call = &*call;
    let expected = "a buildRequest result with ok: true";
    let entries = call.object("built", expected, &built)?.ok_or_else(|| call.type_error("built", expected, &call.input(&built)))?;
    let built = Members { call, base: "built", entries };
    if built.get("ok") != &Input::Bool(true) {
        return Err(call.type_error("built", expected, &Input::Other("an object")));
    }
    let got = built.required("signature", "a string")?;
    if got != version.as_str() {
        let other = if version == SignatureVersion::V1 { "authorization for a v3 request" } else { "signedUrl for a v1 request" };
        let got = crate::value::quote(&got);
        return Err(call.range_error(&format!("built.signature must be \"{}\"; got {got} (use {other})", version.as_str())));
    }
    let secret = match call.input(&secret) {
        Input::Text(s) => s,
        other => return Err(call.type_error("accessKeySecret", "a string (an AccessKey secret)", &other)),
    };
    Ok((built, secret))
}
