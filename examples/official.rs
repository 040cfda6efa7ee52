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

use smartag_request::request::{BuildOptions, Method, ResponseFormat};
use smartag_request::rpc::{v1, v3};
use smartag_request::{authorization, build, build_v3, sign, signed_url, Built, Input, Problem, SignatureVersion};
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

#[path = "support/json.rs"]
mod json;
#[path = "support/json_read.rs"]
mod json_read;

use json_read::Json;

fn input(value: &Json) -> Result<Input, String> {
    Ok(match value {
        Json::Null => Input::Missing,
        Json::Bool(b) => Input::Bool(*b),
        Json::String(s) => Input::Text(s.clone()),
        Json::Number(n) => Input::Number(n.parse::<f64>().map_err(|e| format!("number {n}: {e}"))?),
        Json::Object(_) => Input::BigInt(value.str("bigint").ok_or("an object value must be {\"bigint\": digits}")?.to_owned()),
        Json::Array(_) => Input::Other("array"),
    })
}

fn pairs(value: Option<&Json>) -> Vec<(String, String)> {
    value
        .map(|v| v.items())
        .unwrap_or_default()
        .iter()
        .filter_map(|pair| match pair.items() {
            [Json::String(k), Json::String(v)] => Some((k.clone(), v.clone())),
            _ => None,
        })
        .collect()
}

fn pairs_json(pairs: &[(String, String)]) -> String {
    let items: Vec<String> = pairs.iter().map(|(k, v)| format!("[{},{}]", json::string(k), json::string(v))).collect();
    format!("[{}]", items.join(","))
}

fn problems_json(problems: &[Problem]) -> String {
    let items: Vec<String> = problems
        .iter()
        .map(|p| {
            json::object(&[
                ("field", json::string(&p.field)),
                ("rule", json::string(p.rule.as_str())),
                ("severity", json::string(p.severity.as_str())),
                ("message", json::string(&p.message)),
            ])
        })
        .collect();
    format!("[{}]", items.join(","))
}

fn method(s: Option<&str>) -> Result<Method, String> {
    match s {
        Some("GET") => Ok(Method::Get),
        Some("POST") => Ok(Method::Post),
        other => Err(format!("method {other:?}")),
    }
}

/// What the module builds and signs itself for the line's values.
fn built(line: &Json, v3: bool) -> Result<String, String> {
    let action = line.str("action").ok_or("no action")?;
    let params = line.get("params").map(Json::members).unwrap_or_default();
    let params: Vec<(String, Input)> = params.iter().map(|(k, v)| Ok((k.clone(), input(v)?))).collect::<Result<_, String>>()?;
    let secret = line.str("secret").ok_or("no secret")?;
    let options = BuildOptions {
        access_key_id: line.str("accessKeyId").ok_or("no accessKeyId")?.to_owned(),
        timestamp: line.str("timestamp").ok_or("no timestamp")?.to_owned(),
        nonce: line.str("nonce").ok_or("no nonce")?.to_owned(),
        method: method(line.str("method"))?,
        endpoint: line.str("endpoint").map(str::to_owned),
        security_token: line.str("securityToken").map(str::to_owned),
        format: if line.str("format") == Some("XML") { ResponseFormat::Xml } else { ResponseFormat::Json },
        ..BuildOptions::default()
    };
    let misuse = |e: smartag_request::Misuse| json::object(&[("misuse", json::string(&e.to_string()))]);
    let invalid = |problems: &[Problem]| json::object(&[("problems", problems_json(problems))]);
    if !v3 {
        return Ok(match build(action, &params, &options) {
            Ok(Built::Ready(r)) => {
                let signature = sign(&r.string_to_sign, secret, SignatureVersion::V1).map_err(|e| e.to_string())?;
                let url = signed_url(&r.url, &r.string_to_sign, secret).map_err(|e| e.to_string())?;
                json::object(&[
                    ("method", json::string(r.method.as_str())),
                    ("params", pairs_json(&r.params)),
                    ("canonicalQuery", json::string(&r.canonical_query)),
                    ("stringToSign", json::string(&r.string_to_sign)),
                    ("url", json::string(&r.url)),
                    ("signature", json::string(&signature)),
                    ("signedUrl", json::string(&url)),
                ])
            }
            Ok(Built::Invalid(problems)) => invalid(&problems),
            Err(e) => misuse(e),
        });
    }
    Ok(match build_v3(action, &params, &options) {
        Ok(Built::Ready(r)) => {
            let auth = authorization(&options.access_key_id, &r.signed_headers, &r.string_to_sign, secret).map_err(|e| e.to_string())?;
            json::object(&[
                ("method", json::string(r.method.as_str())),
                ("params", pairs_json(&r.params)),
                ("canonicalQuery", json::string(&r.canonical_query)),
                ("url", json::string(&r.url)),
                ("headers", pairs_json(&r.headers)),
                ("hashedPayload", json::string(&r.hashed_payload)),
                ("canonicalRequest", json::string(&r.canonical_request)),
                ("signedHeaders", json::string(&r.signed_headers)),
                ("stringToSign", json::string(&r.string_to_sign)),
                ("authorization", json::string(&auth)),
            ])
        }
        Ok(Built::Invalid(problems)) => invalid(&problems),
        Err(e) => misuse(e),
    })
}

/// The module's canonicalization and signature of a request exactly as given.
fn resigned(line: &Json, request: &Json, v3: bool) -> Result<String, String> {
    let secret = line.str("secret").ok_or("no secret")?;
    let method = method(request.str("method"))?.as_str();
    let query = pairs(request.get("query"));
    let mut borrowed: Vec<(&str, &str)> = query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let canonical_query = v1::canonical_query(&mut borrowed);
    if !v3 {
        let to_sign = v1::string_to_sign(method, &canonical_query);
        let signature = sign(&to_sign, secret, SignatureVersion::V1).map_err(|e| e.to_string())?;
        return Ok(json::object(&[
            ("canonicalQuery", json::string(&canonical_query)),
            ("stringToSign", json::string(&to_sign)),
            ("signature", json::string(&signature)),
        ]));
    }
    let headers = pairs(request.get("headers"));
    let (module_lines, _) = v3::canonical_headers(&headers);
    // Headers the module never signs, in canonical form, for a client that signs them.
    let mut lines: Vec<(String, String)> = module_lines
        .lines()
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.to_owned(), v.to_owned())))
        .chain(headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned())).filter(|(k, _)| !v3::is_signed_header(k)))
        .collect();
    lines.sort();
    let canonical_headers: String = lines.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    let signed_headers: Vec<&str> = lines.iter().map(|(k, _)| k.as_str()).collect();
    let signed_headers = signed_headers.join(";");
    let body = request.str("body").unwrap_or("");
    let hashed_payload = v3::sha256_hex(body.as_bytes());
    let canonical_request = v3::canonical_request(&v3::Request {
        method,
        uri: v3::RPC_URI,
        canonical_query: &canonical_query,
        canonical_headers: &canonical_headers,
        signed_headers: &signed_headers,
        hashed_payload: &hashed_payload,
    });
    let to_sign = v3::string_to_sign(&canonical_request);
    let access_key_id = line.str("accessKeyId").ok_or("no accessKeyId")?;
    let auth = authorization(access_key_id, &signed_headers, &to_sign, secret).map_err(|e| e.to_string())?;
    Ok(json::object(&[
        ("canonicalQuery", json::string(&canonical_query)),
        ("canonicalRequest", json::string(&canonical_request)),
        ("signedHeaders", json::string(&signed_headers)),
        ("stringToSign", json::string(&to_sign)),
        ("authorization", json::string(&auth)),
    ]))
}

fn answer(text: &str) -> Result<String, String> {
    let line = json_read::parse(text)?;
    let v3 = match line.str("signature") {
        Some("v1") => false,
        Some("v3") => true,
        other => return Err(format!("signature {other:?}")),
    };
    let mut fields = vec![("id", json::string(line.str("id").unwrap_or("")))];
    if line.get("action").is_some() {
        fields.push(("built", built(&line, v3)?));
    }
    let resigned: Vec<String> =
        line.get("resign").map(Json::items).unwrap_or_default().iter().map(|r| resigned(&line, r, v3)).collect::<Result<_, _>>()?;
    fields.push(("resigned", format!("[{}]", resigned.join(","))));
    Ok(json::object(&fields))
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
