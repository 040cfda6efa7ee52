//! Properties that hold for every input, whatever it is: shared by the proptest
//! suite (tests/properties.rs) and the cargo-fuzz target (fuzz/), which include
//! this file by path. Each check panics with a description on a violation.

use smartag_request::rpc::encode::percent_encode;
use smartag_request::{build, rules, validate, BuildOptions, Built, Input, Misuse, SignedReady};

/// Parameters every signed-ready request carries besides the business ones.
const COMMON: &[&str] =
    &["AccessKeyId", "Action", "Format", "SecurityToken", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version"];

/// Options that are always acceptable, to tell "the request is valid" apart from "the options are bad".
pub fn good_options() -> BuildOptions {
    BuildOptions {
        access_key_id: "testid".into(),
        timestamp: "2016-02-23T12:46:24Z".into(),
        nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf".into(),
        ..Default::default()
    }
}

/// Gives `key` the value `input`: replaces the caller's value, or adds the parameter.
pub fn set(params: &mut Vec<(String, Input)>, key: String, input: Input) {
    match params.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = input,
        None => params.push((key, input)),
    }
}

/// Checks every property of validating and building `params` for `action` with `options`.
pub fn check(action: &str, params: &[(String, Input)], options: &BuildOptions) {
    let problems = validate(action, params, options.locale);
    assert_eq!(problems, validate(action, params, options.locale), "validation is not deterministic");
    let built = build(action, params, options);
    assert_eq!(built, build(action, params, options), "building is not a pure function");

    let problems = match problems {
        Err(misuse) => return assert_eq!(built, Err(misuse), "an unknown action must be refused by build too"),
        Ok(p) => p,
    };
    assert!(problems.len() <= 100, "{} problems: the report must be capped", problems.len());
    let valid = !problems.iter().any(|p| p.is_error());
    // With options that cannot be at fault, the outcome depends on validation alone.
    match build(action, params, &BuildOptions { locale: options.locale, ..good_options() }) {
        Ok(Built::Ready(_)) => assert!(valid, "a request with errors was serialized: {problems:?}"),
        Ok(Built::Invalid(p)) => assert_eq!(p, problems, "build must report what validate reports"),
        Err(misuse) => panic!("good options refused: {misuse}"),
    }
    match built {
        Ok(Built::Ready(r)) => check_ready(action, params, options, &r),
        Ok(Built::Invalid(p)) => assert!(!valid && p == problems, "build refused a request that validates clean: {p:?}"),
        Err(Misuse::BadOption(..)) => {}
        Err(misuse) => panic!("a known action was refused: {misuse}"),
    }
}

/// The properties of a serialized request.
fn check_ready(action: &str, params: &[(String, Input)], options: &BuildOptions, r: &SignedReady) {
    // The query is injective: splitting it apart gives back exactly what was sent.
    let decoded: Vec<(String, String)> = r
        .canonical_query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or_else(|| panic!("pair without '=': {pair:?}"));
            let decode = |s: &str| rfc3986_decode(s).unwrap_or_else(|| panic!("undecodable {s:?}"));
            (decode(k), decode(v))
        })
        .collect();
    assert_eq!(decoded, r.params, "the canonical query does not decode to the parameters sent");
    assert!(
        r.params.windows(2).all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()),
        "keys not strictly sorted by bytes: {:?}",
        r.params.iter().map(|p| &p.0).collect::<Vec<_>>()
    );
    assert_eq!(r.string_to_sign, format!("{}&%2F&{}", r.method.as_str(), percent_encode(&r.canonical_query)));
    assert_eq!(r.method, options.method);

    let host = r.url.strip_prefix("https://").and_then(|u| u.strip_suffix(&format!("/?{}", r.canonical_query)));
    let host = host.unwrap_or_else(|| panic!("url is not https://<host>/?<canonical query>: {}", r.url));
    assert!(!host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:".contains(&b)), "host {host:?}");

    // Nothing is sent that the caller did not give, apart from the common parameters.
    let fields = rules::action(action).map(|a| a.fields).unwrap_or_default();
    for (key, _) in &r.params {
        let common = COMMON.contains(&key.as_str());
        let given = fields.iter().any(|f| f.name == key) && params.iter().any(|(k, _)| k == key);
        assert!(common || given, "{key} was sent but neither given nor common");
    }
    let sent = |key: &str| r.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    assert_eq!(sent("Action"), Some(action));
    assert_eq!(sent("AccessKeyId"), Some(options.access_key_id.as_str()));
    assert_eq!(sent("SignatureNonce"), Some(options.nonce.as_str()));
    assert_eq!(sent("Timestamp"), Some(options.timestamp.as_str()));
    assert_eq!(sent("SecurityToken"), options.security_token.as_deref());
}

/// Percent-encoding keeps only the unreserved set, escapes in upper-case hex, and decodes back.
pub fn check_encoding(s: &str) {
    let encoded = percent_encode(s);
    let mut bytes = encoded.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hex = [bytes.next(), bytes.next()];
            assert!(hex.iter().all(|h| h.is_some_and(|h| h.is_ascii_digit() || (b'A'..=b'F').contains(&h))), "bad escape in {encoded}");
        } else {
            assert!(b.is_ascii_alphanumeric() || b"-_.~".contains(&b), "{:?} kept in {encoded}", char::from(b));
        }
    }
    assert_eq!(rfc3986_decode(&encoded).as_deref(), Some(s));
}

/// RFC 3986 §2.1 percent-decoding (`%XX` is the byte XX, anything else itself),
/// written here from the RFC, so that the module's encoding is not checked by
/// the module's own decoder. `None` for a broken escape or bytes that are not UTF-8.
fn rfc3986_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3).filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()))?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
