//! Building a signed-ready request: validation, then the RPC common parameters,
//! canonical query, string-to-sign and URL (SPEC §4); or, for signature V3,
//! the `x-acs-*` headers, canonical request and string-to-sign.
use crate::messages::Locale;
use crate::problem::Problem;
use crate::rpc::{v1, v3};
use crate::rules::{self, Action, VERSION};
use crate::sign::SignatureVersion;
use crate::validate::{self, Params};
use core::fmt;

/// Response format asked of the service.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ResponseFormat {
    #[default]
    Json,
    Xml,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    #[default]
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// The caller's build options; nonce and timestamp are inputs, so building is a
/// pure function (the bindings supply fresh ones when the caller does not). In
/// JSON (and in JS) the names are camelCase: `accessKeyId`, `securityToken` ...
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BuildOptions {
    pub access_key_id: String,
    /// `YYYY-MM-DDThh:mm:ssZ`, UTC.
    pub timestamp: String,
    pub nonce: String,
    pub format: ResponseFormat,
    pub method: Method,
    /// Host (and optional port); default `smartag.<RegionId>.aliyuncs.com`.
    pub endpoint: Option<String>,
    pub security_token: Option<String>,
    pub locale: Locale,
    /// Which signature the request is made ready for (`build_request`).
    pub signature: SignatureVersion,
}

/// An order as a buyer's page sends it to a backend: `{ action, params, locale? }`,
/// parameter values as JSON gives them (strings, numbers, booleans, null).
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
pub struct Order {
    pub action: String,
    #[serde(with = "crate::pairs")]
    pub params: Vec<(String, crate::value::Input)>,
    #[serde(default)]
    pub locale: Locale,
}

/// A mistake by the calling code rather than in the request's data: thrown in JS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Misuse {
    UnknownAction(String),
    /// A build option that is missing or malformed: (option name, what it must be).
    BadOption(&'static str, &'static str),
    /// An input larger than the module reads: (what, the limit in bytes). A
    /// `RangeError` in JS.
    TooLarge(&'static str, usize),
}

impl fmt::Display for Misuse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl core::error::Error for Misuse {}

impl Misuse {
    /// The message, without `core::fmt`.
    pub fn message(&self) -> String {
        match self {
            Misuse::UnknownAction(a) => {
                format!("unknown action {}; expected one of {}", crate::value::quote(a), rules::ACTION_NAMES.join(", "))
            }
            Misuse::BadOption(name, what) => format!("options.{name} must be {what}"),
            Misuse::TooLarge(what, limit) => format!("{what} is larger than {limit} bytes, more than any answer of the gateway"),
        }
    }
}

/// A valid request, ready for a V1 signer; in JSON tagged `"signature": "v1"`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "signature", rename = "v1", rename_all = "camelCase")]
pub struct SignedReady {
    pub method: Method,
    /// Every parameter as sent, sorted by key in byte order.
    #[serde(with = "crate::pairs")]
    pub params: Vec<(String, String)>,
    pub canonical_query: String,
    pub string_to_sign: String,
    pub url: String,
    /// The same request as an `aliyun` CLI command line, which signs with the
    /// buyer's own profile; `None` when a value holds U+0000 (no shell argument can).
    pub cli: Option<String>,
}

/// A valid request, ready for a V3 (ACS3-HMAC-SHA256) signer. RPC style: the
/// business parameters travel in the query for GET and POST alike and the body
/// is empty, as in the official SDK; the common parameters become headers.
/// In JSON tagged `"signature": "v3"`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "signature", rename = "v3", rename_all = "camelCase")]
pub struct SignedReadyV3 {
    pub method: Method,
    /// The `Authorization` header's Credential, so that signing needs the result alone.
    pub access_key_id: String,
    /// `https://<endpoint>/?<canonicalQuery>`.
    pub url: String,
    /// The business parameters as sent in the query, sorted by key in byte order.
    #[serde(with = "crate::pairs")]
    pub params: Vec<(String, String)>,
    pub canonical_query: String,
    /// Every signed header, lower-case, sorted by name.
    #[serde(with = "crate::pairs")]
    pub headers: Vec<(String, String)>,
    /// hex(SHA-256(body)); the body is empty.
    pub hashed_payload: String,
    pub canonical_request: String,
    /// The header names joined by `;`, for the `Authorization` header.
    pub signed_headers: String,
    pub string_to_sign: String,
    /// As `SignedReady::cli`.
    pub cli: Option<String>,
}

/// The outcome of building: a signed-ready request (`SignedReady` for V1,
/// `SignedReadyV3` for V3), or the problems that stop it. In JSON,
/// `{ "ok": true, ...request }` or `{ "ok": false, "errors": [...] }`.
#[derive(Clone, Debug, PartialEq)]
pub enum Built<R = SignedReady> {
    Ready(R),
    Invalid(Vec<Problem>),
}

impl<R: serde::Serialize> serde::Serialize for Built<R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Ready<'a, R> {
            ok: bool,
            #[serde(flatten)]
            request: &'a R,
        }
        #[derive(serde::Serialize)]
        struct Invalid<'a> {
            ok: bool,
            errors: &'a [Problem],
        }
        match self {
            Built::Ready(request) => Ready { ok: true, request }.serialize(serializer),
            Built::Invalid(errors) => Invalid { ok: false, errors }.serialize(serializer),
        }
    }
}

/// A request ready for either signature, as `options.signature` chose.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Ready {
    V1(SignedReady),
    V3(SignedReadyV3),
}

/// `build` or `build_v3`, as `options.signature` says.
pub fn build_request(action: &str, params: &Params, options: &BuildOptions) -> Result<Built<Ready>, Misuse> {
    Ok(match options.signature {
        SignatureVersion::V1 => build(action, params, options)?.map(Ready::V1),
        SignatureVersion::V3 => build_v3(action, params, options)?.map(Ready::V3),
    })
}

impl<R> Built<R> {
    fn map<T>(self, f: impl FnOnce(R) -> T) -> Built<T> {
        match self {
            Built::Ready(r) => Built::Ready(f(r)),
            Built::Invalid(found) => Built::Invalid(found),
        }
    }
}

/// A validated request before any signature scheme: the business parameters
/// as written into the query, and the host.
struct Valid {
    action: &'static Action,
    pairs: Vec<(&'static str, String)>,
    host: String,
}

impl Valid {
    /// The business parameters, borrowed.
    fn business(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (*k, v.as_str()))
    }
}

/// Looks an action up, or says that the caller named none we know.
pub fn find_action(name: &str) -> Result<&'static Action, Misuse> {
    rules::action(name).ok_or_else(|| Misuse::UnknownAction(name.to_owned()))
}

/// Validates the request; the business parameters (never `Action`, which is a
/// common parameter) as written, and the host.
fn validated(action: &str, params: &Params, options: &BuildOptions) -> Result<Result<Valid, Vec<Problem>>, Misuse> {
    let action = find_action(action)?;
    check_options(options)?;
    let checked = validate::check(action, params, options.locale);
    if !checked.is_valid() {
        return Ok(Err(checked.problems));
    }
    let pairs: Vec<(&'static str, String)> =
        checked.values.into_iter().filter(|(f, _)| f.name != "Action").map(|(f, v)| (f.name, v.written())).collect();
    let region = pairs.iter().find(|(k, _)| *k == "RegionId").map_or("", |(_, v)| v.as_str());
    let host = options.endpoint.clone().unwrap_or_else(|| default_endpoint(region));
    Ok(Ok(Valid { action, pairs, host }))
}

/// Validates `params` for `action` and, when there is no error, serializes them
/// for signature V1 (HMAC-SHA1).
pub fn build(action: &str, params: &Params, options: &BuildOptions) -> Result<Built, Misuse> {
    Ok(match validated(action, params, options)? {
        Ok(valid) => {
            let (pairs, canonical_query, string_to_sign) = v1_texts(&valid, options);
            let params = owned(&pairs);
            let url = format!("https://{}/?{canonical_query}", valid.host);
            let cli = crate::cli::command_line(valid.action.name, &params);
            Built::Ready(SignedReady { method: options.method, params, canonical_query, string_to_sign, url, cli })
        }
        Err(problems) => Built::Invalid(problems),
    })
}

/// Every parameter sent (sorted by key), borrowed from the request and the
/// options (no copy of a key or value is made), the canonical query and the
/// string-to-sign.
fn v1_texts<'a>(valid: &'a Valid, options: &'a BuildOptions) -> (Vec<(&'a str, &'a str)>, String, String) {
    // The common parameters, sorted by key (`common_parameters_are_sorted`).
    let common = [
        ("AccessKeyId", options.access_key_id.as_str()),
        ("Action", valid.action.name),
        ("Format", if options.format == ResponseFormat::Xml { "XML" } else { "JSON" }),
        ("SecurityToken", options.security_token.as_deref().unwrap_or_default()),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", options.nonce.as_str()),
        ("SignatureVersion", "1.0"),
        ("Timestamp", options.timestamp.as_str()),
        ("Version", VERSION),
    ];
    let common = common.into_iter().filter(|(k, _)| *k != "SecurityToken" || options.security_token.is_some());
    // Only the business parameters need sorting: merging in the common ones costs
    // less than sorting them all (a business name is never a common one).
    let mut business: Vec<(&str, &str)> = valid.business().collect();
    business.sort_unstable();
    let mut pairs = Vec::with_capacity(business.len() + 9);
    let mut business = business.into_iter().peekable();
    for c in common {
        while let Some(b) = business.next_if(|b| b.0 < c.0) {
            pairs.push(b);
        }
        pairs.push(c);
    }
    pairs.extend(business);
    let (canonical_query, string_to_sign) = v1::join_and_sign(options.method.as_str(), &pairs);
    (pairs, canonical_query, string_to_sign)
}

/// Validates `params` for `action` and, when there is no error, serializes them
/// for signature V3 (ACS3-HMAC-SHA256) the way the official SDK's `doRequest`
/// does for an RPC API: `Action`, `Version`, the time and the nonce become
/// `x-acs-*` headers, and with an STS token so do `x-acs-accesskey-id` and
/// `x-acs-security-token`. V3 requests carry no `Format` and are answered in
/// JSON, so asking for XML is a misuse.
pub fn build_v3(action: &str, params: &Params, options: &BuildOptions) -> Result<Built<SignedReadyV3>, Misuse> {
    let valid = validated(action, params, options)?;
    if options.format == ResponseFormat::Xml {
        return Err(Misuse::BadOption("format", "JSON with signature v3 (V3 requests carry no Format and are answered in JSON)"));
    }
    let valid = match valid {
        Ok(valid) => valid,
        Err(problems) => return Ok(Built::Invalid(problems)),
    };
    let (action, host) = (valid.action, valid.host.as_str());
    // V3 sorts and encodes its query exactly as V1 does.
    let mut query: Vec<(&str, &str)> = valid.business().collect();
    let canonical_query = v1::canonical_query(&mut query);
    let params = owned(&query);
    let cli = crate::cli::command_line(action.name, &params);
    let hashed_payload = v3::sha256_hex(b"");
    let mut headers = owned(&[
        ("host", host),
        ("x-acs-action", action.name),
        ("x-acs-content-sha256", hashed_payload.as_str()),
        ("x-acs-date", options.timestamp.as_str()),
        ("x-acs-signature-nonce", options.nonce.as_str()),
        ("x-acs-version", VERSION),
    ]);
    if let Some(token) = &options.security_token {
        headers.push(("x-acs-accesskey-id".to_owned(), options.access_key_id.clone()));
        headers.push(("x-acs-security-token".to_owned(), token.clone()));
    }
    headers.sort_unstable();
    let (canonical_headers, signed_headers) = v3::canonical_headers(&headers);
    let canonical_request = v3::canonical_request(&v3::Request {
        method: options.method.as_str(),
        uri: v3::RPC_URI,
        canonical_query: &canonical_query,
        canonical_headers: &canonical_headers,
        signed_headers: &signed_headers,
        hashed_payload: &hashed_payload,
    });
    let string_to_sign = v3::string_to_sign(&canonical_request);
    let url = format!("https://{host}/?{canonical_query}");
    Ok(Built::Ready(SignedReadyV3 {
        method: options.method,
        access_key_id: options.access_key_id.clone(),
        url,
        params,
        canonical_query,
        headers,
        hashed_payload,
        canonical_request,
        signed_headers,
        string_to_sign,
        cli,
    }))
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// The official SDK's regional endpoint rule for Smartag.
pub fn default_endpoint(region: &str) -> String {
    format!("smartag.{region}.aliyuncs.com")
}

fn check_options(o: &BuildOptions) -> Result<(), Misuse> {
    let printable = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_graphic());
    if !printable(&o.access_key_id, 128) || !o.access_key_id.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)) {
        return Err(Misuse::BadOption("accessKeyId", "a non-empty AccessKey ID of letters, digits, '.', '_' and '-'"));
    }
    if !is_timestamp(&o.timestamp) {
        return Err(Misuse::BadOption("timestamp", "a UTC time written YYYY-MM-DDThh:mm:ssZ, or a valid Date"));
    }
    if !printable(&o.nonce, 128) {
        return Err(Misuse::BadOption("nonce", "1 to 128 printable ASCII characters without spaces"));
    }
    if o.endpoint.as_deref().is_some_and(|e| !is_host(e)) {
        return Err(Misuse::BadOption(
            "endpoint",
            "a host name with an optional port, such as smartag.cn-shanghai.aliyuncs.com (no scheme or path)",
        ));
    }
    if o.security_token.as_deref().is_some_and(|t| !printable(t, 8192)) {
        return Err(Misuse::BadOption("securityToken", "a non-empty STS token of printable ASCII characters without spaces"));
    }
    Ok(())
}

/// `host` or `host:port`; labels of letters, digits and `-`.
pub(crate) fn is_host(s: &str) -> bool {
    let (host, port) = s.rsplit_once(':').map_or((s, None), |(h, p)| (h, Some(p)));
    let port_ok = port
        .is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n > 0));
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    port_ok && host.len() <= 253 && host.split('.').all(label_ok)
}

/// `YYYY-MM-DDThh:mm:ssZ` with a real calendar date and time.
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        });
    // Digits only, once the shape is checked: read without a general parser.
    let num = |r: core::ops::Range<usize>| b.get(r).map_or(u32::MAX, |d| d.iter().fold(0, |n, c| n * 10 + u32::from(c.wrapping_sub(b'0'))));
    if !shape {
        return false;
    }
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&day) && num(11..13) < 24 && num(14..16) < 60 && num(17..19) < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_parameters_are_sorted() {
        // Every business field of every action, with and without a token: the merged
        // query keys must come out in byte order, as a full sort puts them.
        for token in [None, Some("sts".to_owned())] {
            let options = BuildOptions { security_token: token, ..Default::default() };
            for action in rules::ACTION_NAMES.iter().filter_map(|name| rules::action(name)) {
                let pairs = action.fields.iter().filter(|f| f.name != "Action").map(|f| (f.name, "v".to_owned())).collect();
                let valid = Valid { action, pairs, host: String::new() };
                let (pairs, ..) = v1_texts(&valid, &options);
                let mut sorted = pairs.clone();
                sorted.sort();
                assert_eq!(pairs, sorted, "{}", action.name);
                assert_eq!(pairs.len(), action.fields.len() - 1 + 8 + usize::from(options.security_token.is_some()));
            }
        }
    }
}
