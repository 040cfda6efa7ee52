//! A V3 (ACS3-HMAC-SHA256) request's headers, and its signature, as Alibaba's
//! "V3 request structure and signature" page describes them and as the official
//! SDKs send them (tests/sdk).
//!
//! Codes, and where they come from:
//! - `MissingParameter` for a missing header: the list of client error codes
//!   (help.aliyun.com/document_detail/51132.html, "The parameter … is needed but
//!   no provided"), as the V1 reader answers a missing common parameter. (The
//!   "管控OpenAPI的客户端公用错误码" list writes `Missing{ParameterName}`; which
//!   name the gateway puts there for a V3 header is not documented.)
//! - `IncompleteSignature` for a malformed `Authorization` header and for a
//!   common header left out of `SignedHeaders` (or listed and not sent): the
//!   same list, "The request signature does not conform to Aliyun standards".
//! - `InvalidSignatureMethod` for an algorithm other than ACS3-HMAC-SHA256:
//!   "管控OpenAPI的客户端公用错误码" ("签名方法不支持"). ACS3-HMAC-SM3 and
//!   ACS3-RSA-SHA256, which the gateway knows but this module does not verify,
//!   are warnings.
//! - `InvalidTimeStamp.Format` for an `x-acs-date` not `YYYY-MM-DDThh:mm:ssZ`:
//!   "管控OpenAPI的客户端公用错误码" ("时间戳格式不对").
//! - `InvalidApi.NotFound` for an unknown `x-acs-action` and `InvalidParameter`
//!   for a wrong `x-acs-version`, as the V1 reader answers `Action` and `Version`
//!   (the first from "管控OpenAPI的客户端公用错误码", the second from 51132's
//!   "The specified parameter "Action or Version" is not valid").
//! - `InvalidParameter` for a malformed nonce and for an `x-acs-content-sha256`
//!   that is malformed or not the body's: ours (no code is documented).
use super::v1::{API_NOT_FOUND, BAD_SIGNATURE_METHOD, BAD_TIMESTAMP};
use super::Pairs;
use crate::messages::Msg;
use crate::problem::{Problem, Rule, INVALID_PARAMETER, MISSING_PARAMETER};
use crate::request::{is_timestamp, Method, Misuse};
use crate::rpc::{v1, v3};
use crate::rules::{ACTION_NAMES, VERSION};
use crate::sign::{same_signature, sign, SignatureVersion};
use crate::validate::{near, Report};

const INCOMPLETE_SIGNATURE: &str = "IncompleteSignature";

/// The V3 algorithms Alibaba's gateway knows; only the first is verified here.
const ALGORITHMS: &[&str] = &[v3::ALGORITHM, "ACS3-HMAC-SM3", "ACS3-RSA-SHA256"];

/// The common request headers that must be signed when they are sent: the
/// page's "除Authorization外的所有公共请求头，只要存在必须被加入签名".
const COMMON_HEADERS: &[&str] =
    &["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-security-token"];

/// The headers a request holds once.
const SINGLE: &[&str] = &[
    "authorization",
    "host",
    "x-acs-action",
    "x-acs-version",
    "x-acs-date",
    "x-acs-signature-nonce",
    "x-acs-content-sha256",
    "x-acs-security-token",
    "x-acs-accesskey-id",
];

/// What a V3 signature covers, but the method.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Signed {
    /// Whether the algorithm is ACS3-HMAC-SHA256, the one verified here.
    verifiable: bool,
    canonical_query: String,
    canonical_headers: String,
    signed_headers: String,
    hashed_payload: String,
    /// The `Signature` of the `Authorization` header.
    signature: Option<String>,
}

/// What [`read`] finds.
pub(super) struct Read {
    pub action: Option<String>,
    pub common: Pairs,
    pub signed: Signed,
}

/// An `Authorization` header's parts.
struct Authorization<'a> {
    algorithm: &'a str,
    credential: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

/// `ALGORITHM Credential=…,SignedHeaders=…,Signature=…` (the three in any
/// order, each once, white space around them allowed), or `None`.
fn authorization(text: &str) -> Option<Authorization<'_>> {
    let (algorithm, rest) = text.split_once(' ')?;
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (key, value) = part.split_once('=')?;
        let slot = match key.trim() {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            _ => return None,
        };
        if slot.replace(value.trim()).is_some() {
            return None;
        }
    }
    let a = Authorization { algorithm, credential: credential?, signed_headers: signed_headers?, signature: signature? };
    let token = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic());
    let names_ok = a.signed_headers.split(';').all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b)));
    let signature_ok = a.algorithm != v3::ALGORITHM || is_hex64(a.signature);
    (a.algorithm.starts_with("ACS3-") && token(a.algorithm) && token(a.credential) && token(a.signature) && names_ok && signature_ok)
        .then_some(a)
}

/// 64 hex digits (a SHA-256 or HMAC-SHA256, as V3 writes them).
fn is_hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// 1 to 128 printable ASCII characters without spaces (what the builder takes as a nonce).
fn is_nonce(s: &str) -> bool {
    !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_graphic())
}

/// Reads a V3 request's headers (names lower-case), its query's pairs and its
/// body: the action, the common values, every problem of the headers, and
/// what the signature covers.
pub(super) fn read(headers: &[(String, &str)], query: &Pairs, body: &str, report: &mut Report) -> Read {
    let value = |name: &str| super::header(headers, name).filter(|v| !v.is_empty());
    for name in SINGLE {
        if headers.iter().filter(|(k, _)| k == name).nth(1).is_some() {
            report.add(name, Rule::Format, INVALID_PARAMETER, Msg::Duplicate);
        }
    }
    let required = |report: &mut Report, name: &str| report.add(name, Rule::Required, MISSING_PARAMETER, Msg::Required);

    match value("x-acs-action") {
        None => required(report, "x-acs-action"),
        Some(a) if !ACTION_NAMES.contains(&a) => report.add(
            "x-acs-action",
            Rule::Enum,
            API_NOT_FOUND,
            Msg::OneOf { allowed: ACTION_NAMES, got: a.to_owned(), hint: near(a, ACTION_NAMES) },
        ),
        Some(_) => {}
    }
    match value("x-acs-version") {
        None => required(report, "x-acs-version"),
        Some(v) if v != VERSION => {
            report.add("x-acs-version", Rule::Enum, INVALID_PARAMETER, Msg::OneOf { allowed: &[VERSION], got: v.to_owned(), hint: None })
        }
        Some(_) => {}
    }

    let given = value("authorization");
    let auth = given.and_then(authorization);
    match (given, &auth) {
        (None, _) => required(report, "Authorization"),
        (Some(text), None) => report.add("Authorization", Rule::Format, INCOMPLETE_SIGNATURE, Msg::Authorization { got: text.to_owned() }),
        (Some(_), Some(a)) if a.algorithm != v3::ALGORITHM => {
            let problem = Problem::new(
                "Authorization",
                Rule::Enum,
                BAD_SIGNATURE_METHOD,
                Msg::OneOf { allowed: &ALGORITHMS[..1], got: a.algorithm.to_owned(), hint: near(a.algorithm, &ALGORITHMS[..1]) },
                report.locale,
            );
            let known = ALGORITHMS.contains(&a.algorithm);
            if !report.full() {
                report.problems.push(if known { problem.warning() } else { problem });
            }
        }
        _ => {}
    }
    if let Some(a) = &auth {
        let listed: Vec<String> = a.signed_headers.split(';').map(str::to_ascii_lowercase).collect();
        for name in COMMON_HEADERS {
            if headers.iter().any(|(k, _)| k == name) && !listed.iter().any(|l| l == name) {
                report.add(name, Rule::Dependency, INCOMPLETE_SIGNATURE, Msg::Unsigned { listed: false });
            }
        }
        for name in &listed {
            if !headers.iter().any(|(k, _)| k == name) {
                report.add(name, Rule::Dependency, INCOMPLETE_SIGNATURE, Msg::Unsigned { listed: true });
            }
        }
    }

    match value("x-acs-date") {
        None => required(report, "x-acs-date"),
        Some(d) if !is_timestamp(d) => report.add("x-acs-date", Rule::Format, BAD_TIMESTAMP, Msg::Timestamp { got: d.to_owned() }),
        Some(_) => {}
    }
    match value("x-acs-signature-nonce") {
        None => required(report, "x-acs-signature-nonce"),
        Some(n) if !is_nonce(n) => report.add("x-acs-signature-nonce", Rule::Format, INVALID_PARAMETER, Msg::Nonce { got: n.to_owned() }),
        Some(_) => {}
    }
    let body_hash = v3::sha256_hex(body.as_bytes());
    let content = value("x-acs-content-sha256");
    match content {
        None => required(report, "x-acs-content-sha256"),
        Some(h) if !is_hex64(h) => {
            report.add("x-acs-content-sha256", Rule::Format, INVALID_PARAMETER, Msg::ContentHash { got: h.to_owned(), body: None })
        }
        Some(h) if !h.eq_ignore_ascii_case(&body_hash) => report.add(
            "x-acs-content-sha256",
            Rule::Dependency,
            INVALID_PARAMETER,
            Msg::ContentHash { got: h.to_owned(), body: Some(body_hash.clone()) },
        ),
        Some(_) => {}
    }

    let mut common: Pairs =
        headers.iter().filter(|(k, _)| k.starts_with("x-acs-")).map(|(k, v)| (k.clone(), v.trim().to_owned())).collect();
    if let Some(a) = &auth {
        for (k, v) in [
            ("AccessKeyId", a.credential),
            ("SignatureMethod", a.algorithm),
            ("SignedHeaders", a.signed_headers),
            ("Signature", a.signature),
        ] {
            common.push((k.to_owned(), v.to_owned()));
        }
    }
    let mut sorted: Vec<(&str, &str)> = query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let listed_headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let signed_headers = auth.as_ref().map_or("", |a| a.signed_headers);
    let signed = Signed {
        verifiable: auth.as_ref().is_some_and(|a| a.algorithm == v3::ALGORITHM),
        canonical_query: v1::canonical_query(&mut sorted),
        canonical_headers: v3::canonical_headers_listed(&listed_headers, signed_headers),
        signed_headers: signed_headers.to_owned(),
        // What the signer hashed is what it sent in x-acs-content-sha256; whether
        // that is the body's is a problem of its own.
        hashed_payload: content.map_or(body_hash, str::to_owned),
        signature: auth.as_ref().map(|a| a.signature.to_owned()),
    };
    Read { action: value("x-acs-action").map(str::to_owned), common, signed }
}

/// Whether the `Authorization` header's signature is the one `secret` gives
/// over the canonical request sent with `method`.
pub(super) fn verify(signed: &Signed, secret: &str, method: Method) -> Result<bool, Misuse> {
    let canonical_request = v3::canonical_request(&v3::Request {
        method: method.as_str(),
        uri: v3::RPC_URI,
        canonical_query: &signed.canonical_query,
        canonical_headers: &signed.canonical_headers,
        signed_headers: &signed.signed_headers,
        hashed_payload: &signed.hashed_payload,
    });
    let expected = sign(&v3::string_to_sign(&canonical_request), secret, SignatureVersion::V3)?;
    Ok(signed.verifiable && signed.signature.as_deref().is_some_and(|given| same_signature(&expected, &given.to_ascii_lowercase())))
}
