//! The module's side of the end-to-end differential against Alibaba's official
//! SDKs (scripts/official.sh, tests/official/compare.py).
//!
//! `cargo run --example official` reads JSON lines on stdin, one request an
//! official client built and signed, and writes one JSON line for each, with
//! what this crate's native API makes of it:
//!
//! - `built`: the request the module builds itself from the same input values,
//!   nonce, time, credentials and method (`build` or `build_v3`), signed with
//!   the module's own `sign()` / `signed_url()` (V1) or `authorization()` (V3);
//!   or `problems` when the module refuses the values, or `misuse`.
//! - `resigned`: for each parameter set (and, for V3, header set) in `resign`,
//!   the module's canonicalization (`rpc::v1`, `rpc::v3`) and signature of that
//!   exact request, so a client's own request can be checked against the module's
//!   signer, whatever the two disagree on elsewhere.
//! - `readBack` (when the line has one): the client's request exactly as it was
//!   sent (method, full URL, every header, body) read back by the module's
//!   request reader, `parse_http_request` with the secret: `asSent` without the
//!   method (the reader finds GET or POST by the signature), `methodGiven` with
//!   it, and `tampered`, one copy per change, read without the method unless the
//!   change is the method: every business parameter in `change` with its value
//!   changed (in the URL and the body); V1, the `Signature` changed; V3, every
//!   header in `signedHeaders` changed, and dropped (but `host`, which a request
//!   always carries: without the header, the URL's host is the one signed);
//!   and the other method given. Each as `{ok, errors: [{field, code, rule}],
//!   warnings: [field], signatureValid, method}`, a tampered copy with `what`.
//!
//! `cargo run --example official -- --actions` prints the module's actions, one a line.
//!
//! Input: {"id", "action", "params": {name: string | number | boolean |
//! {"bigint": digits}}, "signature": "v1" | "v3", "method", "format", "accessKeyId",
//! "secret", "securityToken", "endpoint", "timestamp", "nonce", "resign": [{"method",
//! "query": [[k, v]], "headers": [[k, v]], "body"}], "readBack": {"method", "url",
//! "headers": [[k, v]], "body", "change": [name], "signedHeaders": [name]}}. In
//! `resign` headers, a name the module does not sign (`rpc::v3::is_signed_header`,
//! e.g. `accept` or `user-agent`, which the Python SDK signs) has its canonical line
//! written here, `name:trimmed value`, sorted in with the module's lines: the one
//! piece of a canonical request that is not the module's own.

use serde::Deserialize;
use serde_json::{json, Value};
use smartag_request::request::{BuildOptions, Method, ResponseFormat};
use smartag_request::rpc::encode::{percent_decode, percent_encode};
use smartag_request::rpc::{v1, v3};
use smartag_request::{
    authorization, build, build_v3, parse_http_request, sign, signed_url, Built, HttpRequest, Input, Locale, Parsed, Problem,
    SignatureVersion,
};
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

type Pairs = Vec<(String, String)>;

#[derive(Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Signature {
    V1,
    V3,
}

/// One input line.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Line {
    #[serde(default)]
    id: String,
    signature: Signature,
    action: Option<String>,
    #[serde(default)]
    params: serde_json::Map<String, Value>,
    method: Option<Method>,
    format: Option<String>,
    access_key_id: String,
    secret: String,
    security_token: Option<String>,
    endpoint: Option<String>,
    timestamp: Option<String>,
    nonce: Option<String>,
    #[serde(default)]
    resign: Vec<Resign>,
    read_back: Option<ReadBack>,
}

/// A request to canonicalize and sign exactly as given.
#[derive(Deserialize)]
struct Resign {
    method: Method,
    query: Pairs,
    #[serde(default)]
    headers: Pairs,
    body: Option<String>,
}

/// A request as the client sent it, to read back.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReadBack {
    method: Method,
    url: String,
    headers: Pairs,
    body: Option<String>,
    /// The business parameters to change, one tampered copy each.
    #[serde(default)]
    change: Vec<String>,
    /// V3: the headers its `Authorization` lists.
    #[serde(default)]
    signed_headers: Vec<String>,
}

fn input(value: &Value) -> Result<Input, String> {
    Ok(match value {
        Value::Null => Input::Missing,
        Value::Bool(b) => Input::Bool(*b),
        Value::String(s) => Input::Text(s.clone()),
        Value::Number(n) => Input::Number(n.as_f64().ok_or_else(|| format!("number {n}"))?),
        Value::Object(o) => match o.get("bigint") {
            Some(Value::String(digits)) => Input::BigInt(digits.clone()),
            _ => return Err("an object value must be {\"bigint\": digits}".to_owned()),
        },
        Value::Array(_) => Input::Other("an array"),
    })
}

fn problems_json(problems: &[Problem]) -> Value {
    problems
        .iter()
        .map(|p| json!({ "field": p.field, "rule": p.rule.as_str(), "severity": p.severity.as_str(), "message": p.message }))
        .collect()
}

/// What the module builds and signs itself for the line's values.
fn built(line: &Line, action: &str) -> Result<Value, String> {
    let params: Vec<(String, Input)> = line.params.iter().map(|(k, v)| Ok((k.clone(), input(v)?))).collect::<Result<_, String>>()?;
    let secret = &line.secret;
    let options = BuildOptions {
        access_key_id: line.access_key_id.clone(),
        timestamp: line.timestamp.clone().ok_or("no timestamp")?,
        nonce: line.nonce.clone().ok_or("no nonce")?,
        method: line.method.ok_or("no method")?,
        endpoint: line.endpoint.clone(),
        security_token: line.security_token.clone(),
        format: if line.format.as_deref() == Some("XML") { ResponseFormat::Xml } else { ResponseFormat::Json },
        ..BuildOptions::default()
    };
    let misuse = |e: smartag_request::Misuse| json!({ "misuse": e.to_string() });
    let invalid = |problems: &[Problem]| json!({ "problems": problems_json(problems) });
    if line.signature == Signature::V1 {
        return Ok(match build(action, &params, &options) {
            Ok(Built::Ready(r)) => {
                let signature = sign(&r.string_to_sign, secret, SignatureVersion::V1).map_err(|e| e.to_string())?;
                let url = signed_url(&r.url, &r.string_to_sign, secret).map_err(|e| e.to_string())?;
                json!({
                    "method": r.method.as_str(),
                    "params": r.params,
                    "canonicalQuery": r.canonical_query,
                    "stringToSign": r.string_to_sign,
                    "url": r.url,
                    "signature": signature,
                    "signedUrl": url,
                })
            }
            Ok(Built::Invalid(problems)) => invalid(&problems),
            Err(e) => misuse(e),
        });
    }
    Ok(match build_v3(action, &params, &options) {
        Ok(Built::Ready(r)) => {
            let auth = authorization(&options.access_key_id, &r.signed_headers, &r.string_to_sign, secret).map_err(|e| e.to_string())?;
            json!({
                "method": r.method.as_str(),
                "params": r.params,
                "canonicalQuery": r.canonical_query,
                "url": r.url,
                "headers": r.headers,
                "hashedPayload": r.hashed_payload,
                "canonicalRequest": r.canonical_request,
                "signedHeaders": r.signed_headers,
                "stringToSign": r.string_to_sign,
                "authorization": auth,
            })
        }
        Ok(Built::Invalid(problems)) => invalid(&problems),
        Err(e) => misuse(e),
    })
}

/// The module's canonicalization and signature of a request exactly as given.
fn resigned(line: &Line, request: &Resign) -> Result<Value, String> {
    let secret = &line.secret;
    let method = request.method.as_str();
    let mut borrowed: Vec<(&str, &str)> = request.query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let canonical_query = v1::canonical_query(&mut borrowed);
    if line.signature == Signature::V1 {
        let to_sign = v1::string_to_sign(method, &canonical_query);
        let signature = sign(&to_sign, secret, SignatureVersion::V1).map_err(|e| e.to_string())?;
        return Ok(json!({ "canonicalQuery": canonical_query, "stringToSign": to_sign, "signature": signature }));
    }
    let headers = &request.headers;
    let (module_lines, _) = v3::canonical_headers(headers);
    // Headers the module never signs, in canonical form, for a client that signs them.
    let mut lines: Pairs = module_lines
        .lines()
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.to_owned(), v.to_owned())))
        .chain(headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned())).filter(|(k, _)| !v3::is_signed_header(k)))
        .collect();
    lines.sort();
    let canonical_headers: String = lines.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    let signed_headers: Vec<&str> = lines.iter().map(|(k, _)| k.as_str()).collect();
    let signed_headers = signed_headers.join(";");
    let hashed_payload = v3::sha256_hex(request.body.as_deref().unwrap_or("").as_bytes());
    let canonical_request = v3::canonical_request(&v3::Request {
        method,
        uri: v3::RPC_URI,
        canonical_query: &canonical_query,
        canonical_headers: &canonical_headers,
        signed_headers: &signed_headers,
        hashed_payload: &hashed_payload,
    });
    let to_sign = v3::string_to_sign(&canonical_request);
    let auth = authorization(&line.access_key_id, &signed_headers, &to_sign, secret).map_err(|e| e.to_string())?;
    Ok(json!({
        "canonicalQuery": canonical_query,
        "canonicalRequest": canonical_request,
        "signedHeaders": signed_headers,
        "stringToSign": to_sign,
        "authorization": auth,
    }))
}

/// A request to read, owned, so that a copy can be tampered with.
#[derive(Clone)]
struct Sent {
    method: Option<Method>,
    url: String,
    headers: Pairs,
    body: Option<String>,
}

impl Sent {
    /// The request read back by the module, with the secret.
    fn read(&self, secret: &str) -> Result<Value, String> {
        let headers: Vec<(&str, &str)> = self.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let request =
            HttpRequest { method: self.method, url: &self.url, headers: &headers, body: self.body.as_deref(), ..HttpRequest::default() };
        let parsed = parse_http_request(&request, Some(secret), Locale::En).map_err(|e| e.to_string())?;
        Ok(outcome(&parsed))
    }

    /// Changes the value of every pair named `name`, in the URL's query and the
    /// body, with `change` (raw, as sent, to raw); how many it changed.
    fn change_pairs(&mut self, name: &str, change: impl Fn(&str) -> String) -> usize {
        let mut changed = 0;
        let mut in_text = |text: &str| -> String {
            let pairs: Vec<String> = text
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((key, value)) if percent_decode(&key.replace('+', "%20")).as_deref() == Some(name) => {
                        changed += 1;
                        format!("{key}={}", change(value))
                    }
                    _ => pair.to_owned(),
                })
                .collect();
            pairs.join("&")
        };
        if let Some((base, query)) = self.url.split_once('?') {
            self.url = format!("{base}?{}", in_text(query));
        }
        if let Some(body) = &self.body {
            self.body = Some(in_text(body));
        }
        changed
    }
}

fn outcome(parsed: &Parsed) -> Value {
    let errors: Vec<Value> = parsed
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| json!({ "field": p.field, "code": p.code, "rule": p.rule.as_str() }))
        .collect();
    let warnings: Vec<&str> = parsed.problems.iter().filter(|p| !p.is_error()).map(|p| p.field.as_str()).collect();
    json!({
        "ok": parsed.is_valid(),
        "errors": errors,
        "warnings": warnings,
        "signatureValid": parsed.signature_valid,
        "method": parsed.method.map(Method::as_str),
    })
}

/// A copy's reading, with what was tampered.
fn tampered(what: String, copy: &Sent, secret: &str) -> Result<Value, String> {
    let mut read = copy.read(secret)?;
    if let Value::Object(fields) = &mut read {
        fields.insert("what".to_owned(), Value::String(what));
    }
    Ok(read)
}

/// The client's request read back as sent, and its tampered copies.
fn read_back(line: &Line, request: &ReadBack) -> Result<Value, String> {
    let secret = &line.secret;
    let sent = Sent { method: None, url: request.url.clone(), headers: request.headers.clone(), body: request.body.clone() };
    let as_sent = sent.read(secret)?;
    let method_given = Sent { method: Some(request.method), ..sent.clone() }.read(secret)?;

    let mut copies = Vec::new();
    for name in &request.change {
        let mut copy = sent.clone();
        if copy.change_pairs(name, |v| format!("{v}0")) == 0 {
            return Err(format!("{name} is not in the request"));
        }
        copies.push(tampered(format!("value {name}"), &copy, secret)?);
    }
    match line.signature {
        Signature::V1 => {
            let mut copy = sent.clone();
            // Another signature of the same form: its first character changed.
            let flip = |raw: &str| {
                let given = percent_decode(&raw.replace('+', "%20")).unwrap_or_default();
                let rest = given.get(1..).unwrap_or_default();
                percent_encode(&format!("{}{rest}", if given.starts_with('A') { 'B' } else { 'A' }))
            };
            if copy.change_pairs("Signature", flip) == 0 {
                return Err("no Signature in the request".to_owned());
            }
            copies.push(tampered("Signature".to_owned(), &copy, secret)?);
        }
        Signature::V3 => {
            for name in &request.signed_headers {
                let named = |k: &str| k.eq_ignore_ascii_case(name);
                if !sent.headers.iter().any(|(k, _)| named(k)) {
                    return Err(format!("the signed header {name} is not in the request"));
                }
                let mut copy = sent.clone();
                for (k, v) in &mut copy.headers {
                    if named(k) {
                        v.push('0');
                    }
                }
                copies.push(tampered(format!("header {name} changed"), &copy, secret)?);
                if name != "host" {
                    let mut copy = sent.clone();
                    copy.headers.retain(|(k, _)| !named(k));
                    copies.push(tampered(format!("header {name} dropped"), &copy, secret)?);
                }
            }
        }
    }
    let wrong = if request.method == Method::Get { Method::Post } else { Method::Get };
    copies.push(tampered(format!("method {} given", wrong.as_str()), &Sent { method: Some(wrong), ..sent.clone() }, secret)?);
    Ok(json!({ "asSent": as_sent, "methodGiven": method_given, "tampered": copies }))
}

fn answer(text: &str) -> Result<Value, String> {
    let line: Line = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut out = serde_json::Map::new();
    out.insert("id".to_owned(), Value::String(line.id.clone()));
    if let Some(action) = &line.action {
        out.insert("built".to_owned(), built(&line, action)?);
    }
    let resigned: Vec<Value> = line.resign.iter().map(|r| resigned(&line, r)).collect::<Result<_, _>>()?;
    out.insert("resigned".to_owned(), Value::Array(resigned));
    if let Some(request) = &line.read_back {
        out.insert("readBack".to_owned(), read_back(&line, request)?);
    }
    Ok(Value::Object(out))
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("--actions") {
        for action in smartag_request::actions() {
            println!("{action}");
        }
        return ExitCode::SUCCESS;
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (n, text) in io::stdin().lock().lines().enumerate() {
        let Ok(text) = text else {
            eprintln!("official: line {} is not UTF-8", n + 1);
            return ExitCode::FAILURE;
        };
        if text.trim().is_empty() {
            continue;
        }
        match answer(&text) {
            Ok(json) => {
                if writeln!(out, "{json}").is_err() {
                    return ExitCode::FAILURE;
                }
            }
            Err(e) => {
                eprintln!("official: line {}: {e}", n + 1);
                return ExitCode::FAILURE;
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
