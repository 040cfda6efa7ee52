//! Differential cases for Alibaba's official signers (tests/differential/):
//! `cargo run --quiet --example cases -- N SEED` prints, one JSON object a line,
//! N valid requests for all three actions, generated deterministically from
//! SEED, each with the full parameter map sent, the method, the canonical query
//! and the string-to-sign; then Alibaba's published ECS example (SPEC §4)
//! through the same canonicalization, with the signature Alibaba gives for it.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/json.rs"]
mod json;
#[path = "../tests/support/requests.rs"]
mod requests;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use smartag_request::rpc::v1;
use smartag_request::{build, Built};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(Ok(count)), Some(Ok(seed))) = (args.first().map(|a| a.parse::<usize>()), args.get(1).map(|a| a.parse::<u64>())) else {
        eprintln!("usage: cases N SEED");
        return ExitCode::FAILURE;
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed.to_le_bytes().repeat(4));
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let cases = (requests::valid_request(), requests::valid_options());
    for i in 0..count {
        let (request, options) = cases.new_tree(&mut runner).expect("the generators never reject").current();
        let r = match build(request.action, &request.params, &options) {
            Ok(Built::Ready(r)) if request.expected.iter().all(|p| r.params.contains(p)) => r,
            other => {
                eprintln!("case {i}: {request:?} was not sent as given: {other:?}");
                return ExitCode::FAILURE;
            }
        };
        println!(
            "{}",
            case_json(&format!("{}-{i}", request.action), r.method.as_str(), &r.params, &r.canonical_query, &r.string_to_sign, None)
        );
    }

    let mut ecs = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ];
    let query = v1::canonical_query(&mut ecs);
    let to_sign = v1::string_to_sign("GET", &query);
    let ecs: Vec<(String, String)> = ecs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    println!("{}", case_json("ecs-DescribeRegions", "GET", &ecs, &query, &to_sign, Some("OLeaidS1JvxuMvnyHOwuJ+uX5qY=")));
    ExitCode::SUCCESS
}

fn case_json(name: &str, method: &str, params: &[(String, String)], query: &str, to_sign: &str, signature: Option<&str>) -> String {
    let params: Vec<(&str, String)> = params.iter().map(|(k, v)| (k.as_str(), json::string(v))).collect();
    let mut fields = vec![
        ("name", json::string(name)),
        ("method", json::string(method)),
        ("params", json::object(&params)),
        ("canonicalQuery", json::string(query)),
        ("stringToSign", json::string(to_sign)),
    ];
    if let Some(s) = signature {
        fields.push(("expectedSignature", json::string(s)));
    }
    json::object(&fields)
}
