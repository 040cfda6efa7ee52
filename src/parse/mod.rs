//! Reading an existing request back, signed with V1 (HMAC-SHA1, its parameters
//! in the query and a form body) or V3 (ACS3-HMAC-SHA256, its common values in
//! `x-acs-*` headers): a URL, a query string or a POST body ([`parse_request`]),
//! or a whole request as parts ([`parse_http_request`]) gives the action, the
//! business parameters (typed per the action's table), the common parameters and
//! every problem; with the AccessKey secret, whether its signature matches.
//!
//! Pairs are decoded as an `application/x-www-form-urlencoded` body is, so `+`
//! is a space. The signature encoding never writes a bare `+` (it writes `%2B`),
//! but the official Python SDK (alibabacloud-tea-openapi 0.4.6) sends a space as
//! `+` in its URLs (`BuyerMessage=%E5%BC%A0+a%2Bb`, tests/sdk) and signs it as
//! `%20`: reading `+` as a space is what makes those verify. In a request printed
//! one pair per line, as Alibaba's docs print their examples
//! (`http(s)://[Endpoint]/? Action=…`), the white space around each pair is
//! dropped, so those examples read too.
mod v1;
mod v3;

use crate::messages::{Locale, Msg};
use crate::problem::{Problem, Rule, INVALID_PARAMETER};
use crate::request::{is_host, Method, Misuse};
use crate::rpc::encode::percent_decode;
use crate::rules::{self, RESERVED};
use crate::sign::SignatureVersion;
use crate::validate::{self, Report};
use crate::value::{coerce, Coerced, Input, Value};

type Pairs = Vec<(String, String)>;

/// At most this many headers of a request are read; the rest are a problem and left out.
pub const MAX_HEADERS: usize = 100;
/// The longest header read, name and value, in characters: far above any real
/// one (an STS token is a few thousand); a longer one is a problem and left out.
pub const MAX_HEADER_CHARS: usize = 16 * 1024;
/// The longest URL or body read, in characters: the JS bindings' budget for the
/// text of one call (`MAX_TEXT_UNITS`); a longer one is a problem and not read.
pub const MAX_TEXT_CHARS: usize = 1 << 20;

/// A request as its parts, as an HTTP server or `fetch` sees it.
#[derive(Clone, Copy, Debug, Default)]
pub struct HttpRequest<'a> {
    /// `GET` or `POST`; `None` when not known (a URL or body alone): with a
    /// secret, both are tried and [`Parsed::method`] says which one signs.
    pub method: Option<Method>,
    /// An absolute URL (`https://host/?query`), a path and query (`/?query`), or
    /// a query string with or without its `?`.
    pub url: &'a str,
    /// Every header as sent, names in any letter case, in order.
    pub headers: &'a [(&'a str, &'a str)],
    /// The body: its pairs are read when it is `application/x-www-form-urlencoded`
    /// (or no `content-type` is given); another body's pairs are not read, but a
    /// V3 request's `x-acs-content-sha256` is checked against it all the same.
    pub body: Option<&'a str>,
    /// Byte offsets in `url` of U+FFFD that stand for unpaired UTF-16 surrogates
    /// (a JS string read lossily); see [`parse_request_lossy`].
    pub url_broken: &'a [usize],
    /// The same for `body`.
    pub body_broken: &'a [usize],
}

/// A request read back. In JSON (and JS) camelCase, with `endpoint`, `action`,
/// `method` and `signatureValid` left out when absent.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Parsed {
    /// The host, when a URL or a `host` header names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// `Action` (V1) or `x-acs-action` (V3) as given, known or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The business parameters in the order given (query, then body): typed per
    /// the action's table where the text has the field's type, else the text as
    /// given (and a problem says why).
    #[serde(with = "crate::pairs")]
    pub params: Vec<(String, Value)>,
    /// The common and signature values, in the order given. V1: the parameters
    /// (`Action`, `Version`, `Signature` ...). V3: every `x-acs-*` header (name
    /// lower-cased, value trimmed), then `AccessKeyId`, `SignatureMethod`,
    /// `SignedHeaders` and `Signature` from the `Authorization` header, then any
    /// common parameter found in the query or body.
    #[serde(with = "crate::pairs")]
    pub common: Pairs,
    /// Every problem: the request's size, broken encoding and repeated keys, then
    /// the common values or headers, then the action's validation; at most
    /// `MAX_PROBLEMS`.
    pub problems: Vec<Problem>,
    /// Which signature the request carries (or, unsigned, is laid out for).
    pub signature: SignatureVersion,
    /// The method given; or, when none was and a secret was, the one whose
    /// signature matches (`None` when neither does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// With a secret: whether the signature matches. `None` without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature_valid: Option<bool>,
    /// What the signature covers.
    #[serde(skip)]
    signed: Signed,
}

/// What a request's signature covers, to verify it.
#[derive(Clone, Debug, PartialEq)]
enum Signed {
    /// Every decoded pair (a repeated key's first), `Signature` too, in the order given.
    V1(Pairs),
    V3(v3::Signed),
}

impl Parsed {
    /// Whether no problem is an error.
    pub fn is_valid(&self) -> bool {
        !self.problems.iter().any(Problem::is_error)
    }

    /// Whether the request's signature is the one `secret` gives when it is
    /// sent with `method`: V1, `Signature` over the other parameters (query and
    /// body); V3, the `Authorization` header's over the canonical request.
    /// `false` when there is no signature. An empty secret is a misuse.
    pub fn verify(&self, secret: &str, method: Method) -> Result<bool, Misuse> {
        match &self.signed {
            Signed::V1(pairs) => v1::verify(pairs, &self.common, secret, method),
            Signed::V3(signed) => v3::verify(signed, secret, method),
        }
    }
}

/// Reads a V1 request back from a URL (`https://host/?query`), a query string
/// (with or without the leading `?`) or a POST body. Never fails: everything
/// wrong with the input is a problem.
pub fn parse_request(input: &str, locale: Locale) -> Parsed {
    parse_request_lossy(input, &[], locale)
}

/// As [`parse_request`], for a text read from a JS string with unpaired UTF-16
/// surrogates: `input` holds U+FFFD in their place, at the byte offsets `broken`.
/// A pair holding one is a `format` problem and left out, as a pair with broken
/// encoding is: the surrogate is never sent or replaced (SPEC §3).
pub fn parse_request_lossy(input: &str, broken: &[usize], locale: Locale) -> Parsed {
    read(&HttpRequest { url: input, url_broken: broken, ..HttpRequest::default() }, locale)
}

/// Reads a V1 or V3 request from its parts and, with `secret`, verifies its
/// signature (`signature_valid`); with a secret and no method, tries GET then
/// POST and reports the one that matches in `method`. Never fails on the
/// request: everything wrong with it is a problem. An empty secret is a misuse.
///
/// V3 is a request whose `Authorization` header is `ACS3-…`, or one without
/// any V1 signature parameter (`Signature`, `SignatureMethod`,
/// `SignatureVersion`) that has an `x-acs-action` header; everything else is
/// V1. (The official SDKs send `x-acs-action` and `x-acs-version` with their V1
/// requests too.)
pub fn parse_http_request(request: &HttpRequest<'_>, secret: Option<&str>, locale: Locale) -> Result<Parsed, Misuse> {
    let mut parsed = read(request, locale);
    if let Some(secret) = secret {
        let tried: &[Method] = match request.method {
            Some(Method::Get) => &[Method::Get],
            Some(Method::Post) => &[Method::Post],
            None => &[Method::Get, Method::Post],
        };
        let mut matched = None;
        for &method in tried {
            if parsed.verify(secret, method)? {
                matched = Some(method);
                break;
            }
        }
        parsed.signature_valid = Some(matched.is_some());
        parsed.method = parsed.method.or(matched);
    }
    Ok(parsed)
}

/// Reads a request without verifying it.
fn read(request: &HttpRequest<'_>, locale: Locale) -> Parsed {
    let mut report = Report { problems: Vec::new(), locale };
    let headers = read_headers(request.headers, &mut report);
    let url = within(request.url, "url", &mut report);
    let (url_host, query) = split_url(url.trim());
    let query_pairs = decode_pairs(query, broken_in(request.url, request.url_broken), &mut report);
    let mut pairs = query_pairs.clone();
    let body = request.body.map_or("", |b| within(b, "body", &mut report));
    let form = header(&headers, "content-type")
        .is_none_or(|t| t.split(';').next().unwrap_or_default().trim().eq_ignore_ascii_case("application/x-www-form-urlencoded"));
    if form && !body.is_empty() {
        let body_pairs = decode_pairs(body, broken_in(body, request.body_broken), &mut report);
        merge(&mut pairs, body_pairs, &mut report);
    }
    let endpoint = url_host.clone().or_else(|| header(&headers, "host").map(str::to_owned));

    let authorization = header(&headers, "authorization");
    let v1_markers = pairs.iter().any(|(k, _)| matches!(k.as_str(), "Signature" | "SignatureMethod" | "SignatureVersion"));
    let is_v3 = authorization.is_some_and(|a| a.starts_with("ACS3-")) || (!v1_markers && header(&headers, "x-acs-action").is_some());

    let (common_names, business): (Pairs, Pairs) =
        pairs.iter().cloned().partition(|(k, _)| k == "Action" || RESERVED.contains(&k.as_str()));
    let (signature, action, common, signed) = if is_v3 {
        // A `host` that only the URL names is still the host header that was signed.
        let mut headers = headers;
        if header(&headers, "host").is_none() {
            if let Some(host) = &url_host {
                headers.push(("host".to_owned(), host.as_str()));
            }
        }
        // V3 signs the query; a form body is signed through its hash.
        let read = v3::read(&headers, &query_pairs, body, &mut report);
        let mut common = read.common;
        common.extend(common_names);
        (SignatureVersion::V3, read.action, common, Signed::V3(read.signed))
    } else {
        v1::check(&common_names, &mut report);
        let action = v1::given(&common_names, "Action").map(str::to_owned);
        (SignatureVersion::V1, action, common_names, Signed::V1(pairs))
    };
    let params = validated(action.as_deref(), business, &mut report);
    Parsed { endpoint, action, params, common, problems: report.problems, signature, method: request.method, signature_valid: None, signed }
}

/// Validates the business parameters against the action's table, when the
/// action is known, and types them.
fn validated(action: Option<&str>, business: Pairs, report: &mut Report) -> Vec<(String, Value)> {
    let action = action.and_then(rules::action);
    if let Some(action) = action {
        let inputs: Vec<(String, Input)> = business.iter().map(|(k, v)| (k.clone(), Input::from(v.as_str()))).collect();
        for problem in validate::check(action, &inputs, report.locale).problems {
            if report.full() {
                break;
            }
            report.problems.push(problem);
        }
    }
    business
        .into_iter()
        .map(|(k, v)| {
            let typed = action.and_then(|a| a.field(&k)).map(|f| coerce(&Input::from(v.as_str()), f.ty, f.trims()));
            let value = if let Some(Coerced::Given(typed)) = typed { typed } else { Value::Text(v) };
            (k, value)
        })
        .collect()
}

/// The headers read: names lower-cased, values as given; at most `MAX_HEADERS`,
/// each at most `MAX_HEADER_CHARS`.
fn read_headers<'a>(headers: &'a [(&'a str, &'a str)], report: &mut Report) -> Vec<(String, &'a str)> {
    if headers.len() > MAX_HEADERS {
        report.add("headers", Rule::Length, INVALID_PARAMETER, Msg::TooMany { max: MAX_HEADERS, got: headers.len() });
    }
    let mut read = Vec::with_capacity(headers.len().min(MAX_HEADERS));
    for (name, value) in headers.iter().take(MAX_HEADERS) {
        let chars = name.chars().count().saturating_add(value.chars().count());
        if chars > MAX_HEADER_CHARS {
            report.add(&short(name), Rule::Length, INVALID_PARAMETER, Msg::Length { min: 0, max: MAX_HEADER_CHARS, got: chars });
            continue;
        }
        read.push((name.to_ascii_lowercase(), *value));
    }
    read
}

/// The first value of the header `name` (lower-case), trimmed.
fn header<'a>(headers: &[(String, &'a str)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim())
}

/// `text`, or nothing (and a problem) when it is longer than `MAX_TEXT_CHARS`.
fn within<'a>(text: &'a str, what: &str, report: &mut Report) -> &'a str {
    // Only a text of more bytes than the cap can have more characters.
    let chars = if text.len() > MAX_TEXT_CHARS { text.chars().count() } else { 0 };
    if chars > MAX_TEXT_CHARS {
        report.add(what, Rule::Length, INVALID_PARAMETER, Msg::Length { min: 0, max: MAX_TEXT_CHARS, got: chars });
        return "";
    }
    text
}

/// A name shortened for a problem's `field`.
fn short(name: &str) -> String {
    const MAX: usize = 64;
    let end = (0..=MAX.min(name.len())).rev().find(|&i| name.is_char_boundary(i)).unwrap_or(0);
    let head = name.get(..end).unwrap_or_default();
    if head.len() < name.len() {
        format!("{head}…")
    } else {
        head.to_owned()
    }
}

/// Whether `part`, a slice of `whole`, holds one of the byte offsets `broken`.
fn broken_in<'a>(whole: &'a str, broken: &'a [usize]) -> impl Fn(&str) -> bool + 'a {
    let base = whole.as_ptr() as usize;
    move |part: &str| {
        let start = (part.as_ptr() as usize).wrapping_sub(base);
        broken.iter().any(|&b| b >= start && b - start < part.len())
    }
}

/// Adds the body's pairs to the query's: a key in both counts once when its
/// values agree (aliyun-python-sdk-core 2.16.1 sends `RegionId` in the query and
/// the body of a POST, and signs the two merged); otherwise it is a repeated key,
/// reported, and the query's value stays.
fn merge(pairs: &mut Pairs, body: Pairs, report: &mut Report) {
    for (key, value) in body {
        match pairs.iter().find(|(k, _)| *k == key) {
            Some((_, v)) if *v == value => {}
            Some(_) => report.add(&key, Rule::Format, INVALID_PARAMETER, Msg::Duplicate),
            None => pairs.push((key, value)),
        }
    }
}

/// The host of an `http(s)://` URL and its query (without any `#fragment`); or,
/// when what comes before the first `?` is a URL without a scheme (no pair in it:
/// `smartag.cn-shanghai.aliyuncs.com/?…`, or the docs' `http(s)://[Endpoint]/?…`,
/// which names no host), its host, if it names one, and its query; or, for a path
/// without a `?`, no host and no query; or no host and the whole input (after a
/// leading `?`) as the query.
fn split_url(input: &str) -> (Option<String>, &str) {
    for scheme in ["https://", "http://"] {
        let Some(rest) = input.get(..scheme.len()).filter(|p| p.eq_ignore_ascii_case(scheme)).and_then(|_| input.get(scheme.len()..))
        else {
            continue;
        };
        let (authority, tail) =
            rest.split_at_checked(rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len())).unwrap_or((rest, ""));
        // The host, without any `user:password@` before it (as a URL parser reads it).
        let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
        return (Some(host.to_owned()), query_of(tail));
    }
    match input.split_once('?') {
        Some((before, _)) if !before.is_empty() && !before.contains(['=', '&']) => {
            let host = before.split('/').next().filter(|h| h.contains('.') && is_host(h)).map(str::to_owned);
            (host, query_of(input))
        }
        // A path without a query (`/`, the URL of a POST whose pairs are in its body).
        _ if input.starts_with('/') => (None, query_of(input)),
        _ => (None, input.strip_prefix('?').unwrap_or(input)),
    }
}

/// What follows the first `?`, up to any `#fragment`.
fn query_of(s: &str) -> &str {
    s.split('#').next().unwrap_or("").split_once('?').map_or("", |(_, q)| q)
}

/// Decodes `k=v&k=v`; a pair with broken encoding or a broken character
/// (`is_broken`) or a repeated key is reported and left out.
fn decode_pairs(query: &str, is_broken: impl Fn(&str) -> bool, report: &mut Report) -> Pairs {
    let decode = |s: &str| percent_decode(&s.replace('+', "%20"));
    // Line breaks, which a query never holds unescaped, mark a request printed one
    // pair per line, as the docs do: there the white space around a pair is layout.
    // Elsewhere it is kept, as form parsers keep it (and it may have been signed).
    let printed = query.contains(['\n', '\r']);
    // A pair with a broken character keeps its key (U+FFFD for the surrogate) and no value.
    let decoded: Vec<(&str, Option<String>, Option<String>)> = query
        .split('&')
        .map(|pair| if printed { pair.trim_ascii() } else { pair })
        .filter(|s| !s.is_empty())
        .map(|raw| {
            let (raw_key, raw_value) = raw.split_once('=').unwrap_or((raw, ""));
            (raw, decode(raw_key), decode(raw_value).filter(|_| !is_broken(raw)))
        })
        .collect();
    // Each decoded key's occurrences in order, by sorting (key, position): the first
    // is kept, the second is reported, any later one is left out silently.
    let mut by_key: Vec<(&str, usize)> =
        decoded.iter().enumerate().filter_map(|(i, (_, k, v))| k.as_deref().filter(|_| v.is_some()).map(|k| (k, i))).collect();
    by_key.sort_unstable();
    let mut occurrence = vec![0usize; decoded.len()];
    for (i, (key, at)) in by_key.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| by_key.get(p));
        let nth = match previous {
            Some((k, before)) if k == key => occurrence.get(*before).map_or(0, |n| n + 1),
            _ => 0,
        };
        if let Some(slot) = occurrence.get_mut(*at) {
            *slot = nth;
        }
    }
    let mut pairs = Vec::new();
    for ((raw, key, value), nth) in decoded.into_iter().zip(occurrence) {
        let raw_key = raw.split_once('=').map_or(raw, |(k, _)| k);
        match (key, value) {
            (Some(key), Some(value)) if nth == 0 => pairs.push((key, value)),
            (Some(key), Some(_)) if nth == 1 => report.add(&key, Rule::Format, INVALID_PARAMETER, Msg::Duplicate),
            (Some(_), Some(_)) => {}
            (key, _) if is_broken(raw) => report.add(key.as_deref().unwrap_or(raw_key), Rule::Format, INVALID_PARAMETER, Msg::NotUnicode),
            (key, _) => {
                report.add(key.as_deref().unwrap_or(raw_key), Rule::Format, INVALID_PARAMETER, Msg::BadEncoding { got: raw.to_owned() })
            }
        }
    }
    pairs
}
