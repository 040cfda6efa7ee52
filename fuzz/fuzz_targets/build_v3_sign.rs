//! `build_v3`, `sign` and `authorization` on fuzzed parameters and options: the
//! V3 result agrees with the V1 build of the same input; its canonical request,
//! re-derived from its own headers and query with the `rpc::v3` helpers, is the
//! one it carries; its string-to-sign is `ACS3-HMAC-SHA256\n` + hex SHA-256 of
//! it; and the signatures are the HMACs the RustCrypto crates compute here.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use base64::Engine as _;
use common::{business, mode, Mode, Order};
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};
use smartag_request::rpc::encode::percent_encode;
use smartag_request::rpc::{v1, v3};
use smartag_request::{authorization, build, build_v3, sign, signed_url, Built, Misuse, ResponseFormat, SignatureVersion};

fuzz_target!(|data: &[u8]| {
    let order = match mode(data) {
        None => return,
        Some(Mode::Raw(bytes)) => Order::from_lines(bytes),
        Some(m) => match Order::from_mode(m) {
            Some(o) => o,
            None => return,
        },
    };
    check(&order);
});

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn check(order: &Order) {
    let (action, params, options) = (&order.action, &order.params, &order.options);
    let b1 = build(action, params, options);
    let b3 = build_v3(action, params, options);
    assert_eq!(b3, build_v3(action, params, options), "build_v3 is not a pure function");
    let r = match (b1, b3) {
        (Err(m1), b3) => return assert_eq!(b3, Err(m1), "V1 and V3 refuse differently"),
        (Ok(_), Err(Misuse::BadOption("format", _))) if options.format == ResponseFormat::Xml => return,
        (Ok(_), Err(m)) => panic!("V3 refused what V1 took: {m}"),
        (Ok(Built::Invalid(p1)), Ok(Built::Invalid(p3))) => return assert_eq!(p1, p3, "V1 and V3 report differently"),
        (Ok(Built::Ready(r1)), Ok(Built::Ready(r3))) => {
            assert!(options.format != ResponseFormat::Xml, "V3 built a request for XML");
            assert_eq!(r3.params, business(&r1.params), "V3 sends other business parameters than V1");
            assert_eq!((r3.method, &r3.cli), (r1.method, &r1.cli));
            check_v1_signature(order, &r1.url, &r1.string_to_sign);
            r3
        }
        (b1, b3) => panic!("V1 and V3 disagree on validity: {b1:?} / {b3:?}"),
    };

    // The headers: lower-case, sorted, each once; the common values as given.
    assert!(r.headers.windows(2).all(|w| w[0].0 < w[1].0), "headers not sorted or repeated: {:?}", r.headers);
    assert!(r.headers.iter().all(|(k, _)| !k.bytes().any(|b| b.is_ascii_uppercase())));
    let header = |name: &str| r.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let empty_hash = hex(&Sha256::digest(b""));
    assert_eq!(header("x-acs-action"), Some(action.as_str()));
    assert_eq!(header("x-acs-version"), Some("2018-03-13"));
    assert_eq!(header("x-acs-date"), Some(options.timestamp.as_str()));
    assert_eq!(header("x-acs-signature-nonce"), Some(options.nonce.as_str()));
    assert_eq!(header("x-acs-content-sha256"), Some(empty_hash.as_str()));
    assert_eq!(header("x-acs-security-token"), options.security_token.as_deref());
    assert_eq!(header("x-acs-accesskey-id"), options.security_token.as_ref().map(|_| options.access_key_id.as_str()));
    assert_eq!(r.hashed_payload, empty_hash);
    let host = header("host").expect("a host header");
    if let Some(endpoint) = &options.endpoint {
        assert_eq!(host, endpoint);
    }

    // Re-derived from the result's own headers and query.
    let mut query: Vec<(&str, &str)> = r.params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let canonical_query = v1::canonical_query(&mut query);
    assert_eq!(r.canonical_query, canonical_query);
    assert_eq!(r.url, format!("https://{host}/?{canonical_query}"));
    let (canonical_headers, signed_headers) = v3::canonical_headers(&r.headers);
    assert_eq!(r.signed_headers, signed_headers);
    let names: Vec<&str> = r.headers.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(signed_headers, names.join(";"), "every header the builder writes is signed");
    let listed: Vec<(&str, &str)> = r.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(v3::canonical_headers_listed(&listed, &signed_headers), canonical_headers, "the verifier's canonical headers differ");
    let expected = v3::canonical_request(&v3::Request {
        method: r.method.as_str(),
        uri: v3::RPC_URI,
        canonical_query: &canonical_query,
        canonical_headers: &canonical_headers,
        signed_headers: &signed_headers,
        hashed_payload: &empty_hash,
    });
    assert_eq!(r.canonical_request, expected);
    let by_hand = format!("{}\n/\n{canonical_query}\n{canonical_headers}\n{signed_headers}\n{empty_hash}", r.method.as_str());
    assert_eq!(r.canonical_request, by_hand);
    assert_eq!(r.string_to_sign, format!("ACS3-HMAC-SHA256\n{}", hex(&Sha256::digest(r.canonical_request.as_bytes()))));

    // The signature and the Authorization header.
    let signature = sign(&r.string_to_sign, &order.secret, SignatureVersion::V3).expect("non-empty secret");
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(order.secret.as_bytes()).unwrap();
    mac.update(r.string_to_sign.as_bytes());
    assert_eq!(signature, hex(&mac.finalize().into_bytes()));
    let auth = authorization(&r.access_key_id, &r.signed_headers, &r.string_to_sign, &order.secret).unwrap();
    assert_eq!(auth, format!("ACS3-HMAC-SHA256 Credential={},SignedHeaders={signed_headers},Signature={signature}", options.access_key_id));
    assert_ne!(sign(&r.string_to_sign, &order.other_secret, SignatureVersion::V3).unwrap(), signature);
    assert!(sign(&r.string_to_sign, "", SignatureVersion::V3).is_err() && authorization("k", "host", &r.string_to_sign, "").is_err());
}

fn check_v1_signature(order: &Order, url: &str, string_to_sign: &str) {
    let signature = sign(string_to_sign, &order.secret, SignatureVersion::V1).expect("non-empty secret");
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(format!("{}&", order.secret).as_bytes()).unwrap();
    mac.update(string_to_sign.as_bytes());
    assert_eq!(signature, base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()));
    assert_eq!(signed_url(url, string_to_sign, &order.secret).unwrap(), format!("{url}&Signature={}", percent_encode(&signature)));
    assert!(signed_url(url, string_to_sign, "").is_err());
}
