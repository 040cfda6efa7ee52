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
//!
//! `cargo run --example official -- --actions` prints the module's actions, one a line.
//!
//! Input: {"id", "action", "params": {name: string | number | boolean |
//! {"bigint": digits}}, "signature": "v1" | "v3", "method", "format", "accessKeyId",
//! "secret", "securityToken", "endpoint", "timestamp", "nonce", "resign": [{"method",
//! "query": [[k, v]], "headers": [[k, v]], "body"}]}. In `resign` headers, a
//! name the module does not sign (`rpc::v3::is_signed_header`, e.g. `accept` or
//! `user-agent`, which the Python SDK signs) has its canonical line written here,
//! `name:trimmed value`, sorted in with the module's lines: the one piece of a
//! canonical request that is not the module's own.

use serde::Deserialize;
use serde_json::{json, Value};
use smartag_request::request::{BuildOptions, Method, ResponseFormat};
use smartag_request::rpc::{v1, v3};
use smartag_request::{authorization, build, build_v3, sign, signed_url, Built, Input, Problem, SignatureVersion};
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

fn answer(text: &str) -> Result<Value, String> {
    let line: Line = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut out = serde_json::Map::new();
    out.insert("id".to_owned(), Value::String(line.id.clone()));
    if let Some(action) = &line.action {
        out.insert("built".to_owned(), built(&line, action)?);
    }
    let resigned: Vec<Value> = line.resign.iter().map(|r| resigned(&line, r)).collect::<Result<_, _>>()?;
    out.insert("resigned".to_owned(), Value::Array(resigned));
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
