//! Reading an existing V1 request back: a URL, a query string or a POST body
//! gives the action, the business parameters (typed per the action's table),
//! the common parameters and every problem; with the AccessKey secret,
//! [`Parsed::verify`] says whether its signature matches.
//!
//! Pairs are decoded as an `application/x-www-form-urlencoded` body is, so `+`
//! is a space (the signature encoding never writes a bare `+`: it writes `%2B`).
//! In a request printed one pair per line, as Alibaba's docs print their
//! examples (`http(s)://[Endpoint]/? Action=…`), the white space around each pair
//! is dropped, so those examples read too.
use crate::messages::{Locale, Msg};
use crate::problem::{Problem, Rule, INVALID_PARAMETER, MISSING_PARAMETER};
use crate::request::{is_host, is_timestamp, Method, Misuse};
use crate::rpc::{encode::percent_decode, v1};
use crate::rules::{self, ACTION_NAMES, RESERVED, VERSION};
use crate::sign::{same_signature, sign, SignatureVersion};
use crate::validate::{self, near, Report};
use crate::value::{coerce, Coerced, Input, Value};

type Pairs = Vec<(String, String)>;

/// A request read back from its query string. In JSON (and JS) `ok` comes
/// first (`is_valid`), and `endpoint` and `action` are left out when absent.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Parsed {
    /// The host, when a URL was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// `Action` as given, known or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The business parameters in the order given: typed per the action's table
    /// where the text has the field's type, else the text as given (and a problem says why).
    #[serde(with = "crate::pairs")]
    pub params: Vec<(String, Value)>,
    /// The common and signature parameters (`Action`, `Version`, `Signature` ...), in the order given.
    #[serde(with = "crate::pairs")]
    pub common: Pairs,
    /// Every problem: broken encoding and repeated keys, then the common
    /// parameters, then the action's validation; at most `MAX_PROBLEMS`.
    pub problems: Vec<Problem>,
    /// Every decoded pair (a repeated key's first), in the order given: what was signed.
    #[serde(skip)]
    pairs: Pairs,
}

impl Parsed {
    /// Whether no problem is an error.
    pub fn is_valid(&self) -> bool {
        !self.problems.iter().any(Problem::is_error)
    }

    /// Whether `Signature` is the V1 signature of the other parameters with
    /// `secret`, sent with `method` (a URL is a GET; a body is a POST).
    /// `false` when there is no `Signature`.
    pub fn verify(&self, secret: &str, method: Method) -> Result<bool, Misuse> {
        let mut unsigned: Vec<(&str, &str)> =
            self.pairs.iter().filter(|(k, _)| k != "Signature").map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let string_to_sign = v1::string_to_sign(method.as_str(), &v1::canonical_query(&mut unsigned));
        let expected = sign(&string_to_sign, secret, SignatureVersion::V1)?;
        Ok(self.common.iter().find(|(k, _)| k == "Signature").is_some_and(|(_, given)| same_signature(&expected, given)))
    }
}

/// Codes that Alibaba Cloud's API gateway answers for these mistakes, from its
/// list of common client error codes ("管控OpenAPI的客户端公用错误码").
const API_NOT_FOUND: &str = "InvalidApi.NotFound";
const BAD_TIMESTAMP: &str = "InvalidTimeStamp.Format";
const BAD_FORMAT: &str = "InvalidParameter.Format";
const BAD_SIGNATURE_METHOD: &str = "InvalidSignatureMethod";

/// What a common parameter must be.
enum Expect {
    /// Any non-empty value.
    Given,
    /// One of these (exact); the code for another value.
    OneOf(&'static [&'static str], &'static str),
    /// One of these, in any case (the official SDK sends `Format=json`).
    OneOfAnyCase(&'static [&'static str], &'static str),
    Timestamp,
}

/// The common parameters of a V1 request that are checked, in report order.
const COMMON: &[(&str, bool, Expect)] = &[
    ("Action", true, Expect::OneOf(ACTION_NAMES, API_NOT_FOUND)),
    ("Version", true, Expect::OneOf(&[VERSION], INVALID_PARAMETER)),
    ("Format", false, Expect::OneOfAnyCase(&["JSON", "XML"], BAD_FORMAT)),
    ("AccessKeyId", true, Expect::Given),
    ("SignatureMethod", true, Expect::OneOf(&["HMAC-SHA1"], BAD_SIGNATURE_METHOD)),
    ("SignatureVersion", true, Expect::OneOf(&["1.0"], INVALID_PARAMETER)),
    ("SignatureNonce", true, Expect::Given),
    ("Timestamp", true, Expect::Timestamp),
];

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
    let mut report = Report { problems: Vec::new(), locale };
    let (endpoint, query) = split_url(input.trim());
    // Whether `part`, a slice of `input`, holds a broken character.
    let start = |part: &str| (part.as_ptr() as usize).wrapping_sub(input.as_ptr() as usize);
    let is_broken = |part: &str| broken.iter().any(|&b| b >= start(part) && b - start(part) < part.len());
    let pairs = decode_pairs(query, is_broken, &mut report);
    let (common, business): (Pairs, Pairs) = pairs.iter().cloned().partition(|(k, _)| k == "Action" || RESERVED.contains(&k.as_str()));
    let given = |name: &str| common.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty());
    for (name, required, expect) in COMMON {
        check_common(&mut report, name, *required, expect, given(name));
    }
    let action = given("Action").and_then(rules::action);
    if let Some(action) = action {
        let inputs: Vec<(String, Input)> = business.iter().map(|(k, v)| (k.clone(), Input::from(v.as_str()))).collect();
        for problem in validate::check(action, &inputs, locale).problems {
            if report.full() {
                break;
            }
            report.problems.push(problem);
        }
    }
    let params = business
        .into_iter()
        .map(|(k, v)| {
            let typed = action.and_then(|a| a.field(&k)).map(|f| coerce(&Input::from(v.as_str()), f.ty, f.trims()));
            let value = if let Some(Coerced::Given(typed)) = typed { typed } else { Value::Text(v) };
            (k, value)
        })
        .collect();
    Parsed { endpoint, action: given("Action").map(str::to_owned), params, common, problems: report.problems, pairs }
}

fn check_common(report: &mut Report, name: &str, required: bool, expect: &Expect, value: Option<&str>) {
    let Some(v) = value else {
        if required {
            report.add(name, Rule::Required, MISSING_PARAMETER, Msg::Required);
        }
        return;
    };
    match expect {
        Expect::OneOf(allowed, code) if !allowed.contains(&v) => {
            report.add(name, Rule::Enum, code, Msg::OneOf { allowed, got: v.to_owned(), hint: near(v, allowed) })
        }
        Expect::OneOfAnyCase(allowed, code) if !allowed.iter().any(|a| a.eq_ignore_ascii_case(v)) => {
            report.add(name, Rule::Enum, code, Msg::OneOf { allowed, got: v.to_owned(), hint: near(v, allowed) })
        }
        Expect::Timestamp if !is_timestamp(v) => report.add(name, Rule::Format, BAD_TIMESTAMP, Msg::Timestamp { got: v.to_owned() }),
        _ => {}
    }
}

/// The host of an `http(s)://` URL and its query (without any `#fragment`); or,
/// when what comes before the first `?` is a URL without a scheme (no pair in it:
/// `smartag.cn-shanghai.aliyuncs.com/?…`, or the docs' `http(s)://[Endpoint]/?…`,
/// which names no host), its host, if it names one, and its query; or no host and
/// the whole input (after a leading `?`) as the query.
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
