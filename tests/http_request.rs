//! Reading whole requests (method, URL, headers, body) back, V1 and V3: the
//! official SDKs' requests (tests/sdk) verify, tampered copies do not, V3 header
//! problems carry their codes, and hostile input is capped.
mod common;
mod sdk;
use common::*;
use sdk::{Fixture, FIXTURES, SECRET};
use smartag_request::parse::{MAX_HEADERS, MAX_HEADER_CHARS, MAX_TEXT_CHARS};
use smartag_request::problem::Rule;
use smartag_request::request::{BuildOptions, Method, Misuse};
use smartag_request::validate::MAX_PROBLEMS;
use smartag_request::{
    authorization, build, build_v3, parse_http_request, parse_request, signed_url, Built, HttpRequest, Locale, Parsed, SignatureVersion,
    Value,
};

fn method_of(m: &str) -> Method {
    if m == "GET" {
        Method::Get
    } else {
        Method::Post
    }
}

fn read(method: Option<Method>, url: &str, headers: &[(&str, &str)], body: &str, secret: Option<&str>) -> Parsed {
    let request = HttpRequest { method, url, headers, body: Some(body), ..HttpRequest::default() };
    match parse_http_request(&request, secret, Locale::En) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    }
}

fn fixture(f: &Fixture, secret: Option<&str>) -> Parsed {
    read(Some(method_of(f.method)), f.url, f.headers, f.body, secret)
}

fn errors(p: &Parsed) -> Vec<(String, Rule, &'static str)> {
    p.problems.iter().filter(|q| q.is_error()).map(|q| (q.field.clone(), q.rule, q.code)).collect()
}

fn codes_of(p: &Parsed, field: &str) -> Vec<(Rule, &'static str)> {
    p.problems.iter().filter(|q| q.field == field).map(|q| (q.rule, q.code)).collect()
}

/// The headers with `name` (any case) replaced by `value`, or dropped when `None`.
fn set_header<'a>(headers: &[(&'a str, &'a str)], name: &str, value: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = headers.iter().filter(|(k, _)| !k.eq_ignore_ascii_case(name)).copied().collect();
    if let Some(v) = value {
        out.push((headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map_or("x", |(k, _)| *k), v));
    }
    out
}

fn header<'a>(f: &'a Fixture, name: &str) -> &'a str {
    f.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map_or("", |(_, v)| *v)
}

fn v3_fixtures() -> impl Iterator<Item = &'static Fixture> {
    FIXTURES.iter().filter(|f| f.signature == "V3")
}

#[test]
fn every_sdk_request_reads_back_valid_and_its_signature_matches() {
    assert_eq!(FIXTURES.len(), 22);
    for f in FIXTURES {
        let what = format!("{} {} {}", f.sdk, f.method, f.url);
        let p = fixture(f, Some(SECRET));
        assert_eq!(errors(&p), vec![], "{what}");
        assert_eq!(p.signature, if f.signature == "V3" { SignatureVersion::V3 } else { SignatureVersion::V1 }, "{what}");
        assert_eq!(p.signature_valid, Some(true), "{what}");
        assert_eq!(p.method, Some(method_of(f.method)), "{what}");
        assert!(p.action.as_deref().is_some_and(|a| [SOFTWARE, HARDWARE, UPGRADE].contains(&a)), "{what}");
        assert!(!p.params.is_empty(), "{what}");
        assert_eq!(p.endpoint.as_deref(), Some("127.0.0.1:18080"), "{what}");
        // Without a secret: the same reading, and no verdict.
        let unsigned = fixture(f, None);
        assert_eq!((unsigned.signature_valid, &unsigned.problems, &unsigned.params), (None, &p.problems, &p.params), "{what}");
        // With no method, the one that signs is found.
        let guessed = read(None, f.url, f.headers, f.body, Some(SECRET));
        assert_eq!((guessed.method, guessed.signature_valid), (Some(method_of(f.method)), Some(true)), "{what}");
    }
}

#[test]
fn python_booleans_read_as_booleans_and_write_lower_case() {
    let mut seen = 0;
    for f in FIXTURES.iter().filter(|f| f.url.contains("AutoPay=True") || f.body.contains("AutoPay=False")) {
        let p = fixture(f, None);
        let auto_pay = p.params.iter().find(|(k, _)| k == "AutoPay").map(|(_, v)| v.clone());
        assert!(matches!(auto_pay, Some(Value::Bool(_))), "{}: {auto_pay:?}", f.sdk);
        assert_eq!(auto_pay.map(|v| v.write()).as_deref(), Some(if f.url.contains("True") { "true" } else { "false" }));
        seen += 1;
    }
    assert!(seen >= 6, "{seen}");
}

#[test]
fn the_sdks_v1_common_values_are_read_as_the_gateway_reads_them() {
    // Format=json (tea-openapi, openapi-client) and SignatureType= (aliyun-python-sdk-core).
    let json = FIXTURES.iter().find(|f| f.signature == "V1" && f.url.contains("Format=json")).map(|f| fixture(f, None));
    assert!(json.is_some_and(|p| p.common.iter().any(|(k, v)| k == "Format" && v == "json") && p.problems.is_empty()));
    let legacy = FIXTURES.iter().find(|f| f.url.contains("SignatureType=&")).map(|f| fixture(f, Some(SECRET)));
    let Some(legacy) = legacy else { panic!("no SignatureType= capture") };
    assert!(legacy.common.iter().any(|(k, v)| k == "SignatureType" && v.is_empty()));
    assert_eq!((legacy.problems.len(), legacy.signature_valid), (0, Some(true)));
    // A V1 query given alone, as a string, still verifies (the method is found).
    for f in FIXTURES.iter().filter(|f| f.signature == "V1" && f.body.is_empty()) {
        let p = read(None, f.url, &[], "", Some(SECRET));
        assert_eq!((p.method, p.signature_valid), (Some(method_of(f.method)), Some(true)), "{} {}", f.sdk, f.url);
        assert_eq!(parse_request(f.url, Locale::En).params, p.params);
    }
}

#[test]
fn tampered_sdk_requests_fail_verification() {
    for f in FIXTURES {
        let what = format!("{} {} {}", f.sdk, f.method, f.url);
        // A changed value, in the query or the body.
        let (url, body) = if f.url.contains("RegionId=cn-shanghai") {
            (f.url.replace("RegionId=cn-shanghai", "RegionId=cn-hangzhou"), f.body.to_owned())
        } else {
            (f.url.to_owned(), f.body.replace("RegionId=cn-shanghai", "RegionId=cn-hangzhou"))
        };
        assert_ne!((url.as_str(), body.as_str()), (f.url, f.body), "{what}");
        let p = read(Some(method_of(f.method)), &url, f.headers, &body, Some(SECRET));
        assert_eq!(p.signature_valid, Some(false), "{what}");
        // The wrong method.
        let other = if f.method == "GET" { Method::Post } else { Method::Get };
        assert_eq!(read(Some(other), f.url, f.headers, f.body, Some(SECRET)).signature_valid, Some(false), "{what}");
        // The wrong secret.
        assert_eq!(fixture(f, Some("wrongsecret")).signature_valid, Some(false), "{what}");
    }
    for f in v3_fixtures() {
        // A signed header dropped: it is a problem, and the signature no longer matches.
        let listed = header(f, "Authorization").split("SignedHeaders=").nth(1).and_then(|s| s.split(',').next()).unwrap_or_default();
        for name in ["x-acs-date", "user-agent", "x-acs-credentials-provider"].into_iter().filter(|n| listed.split(';').any(|l| l == *n)) {
            let headers = set_header(f.headers, name, None);
            let p = read(Some(method_of(f.method)), f.url, &headers, f.body, Some(SECRET));
            assert_eq!(p.signature_valid, Some(false), "{name}");
            assert!(codes_of(&p, name).contains(&(Rule::Dependency, "IncompleteSignature")), "{name}: {:?}", p.problems);
        }
        // A signed header's value changed.
        let headers = set_header(f.headers, "x-acs-signature-nonce", Some("another-nonce"));
        assert_eq!(read(Some(method_of(f.method)), f.url, &headers, f.body, Some(SECRET)).signature_valid, Some(false));
        // An unsigned header added or changed does not matter.
        let mut headers = f.headers.to_vec();
        headers.push(("X-Forwarded-For", "10.0.0.1"));
        let p = read(Some(method_of(f.method)), f.url, &headers, f.body, Some(SECRET));
        assert_eq!((p.signature_valid, errors(&p)), (Some(true), vec![]));
    }
}

#[test]
fn a_body_that_is_not_the_signed_one_is_a_problem_and_fails() {
    let Some(f) = v3_fixtures().find(|f| !f.body.is_empty()) else { panic!("no V3 capture with a body") };
    let p = fixture(f, Some(SECRET));
    assert_eq!(p.params.len(), 5, "{:?}", p.params);
    assert_eq!(p.signature_valid, Some(true));
    let body = f.body.replace("UserCount=10", "UserCount=15");
    let p = read(Some(Method::Post), f.url, f.headers, &body, Some(SECRET));
    assert_eq!(codes_of(&p, "x-acs-content-sha256"), vec![(Rule::Dependency, "InvalidParameter")]);
    let problem = p.problems.iter().find(|q| q.field == "x-acs-content-sha256").map(|q| q.message.clone()).unwrap_or_default();
    assert!(problem.contains("must be the SHA-256 of the body"), "{problem}");
    // The signature covers the hash that was sent, which is still signed: what
    // fails is the body, and the problem says so.
    assert_eq!(p.signature_valid, Some(true));
    // An empty body where one was signed, and a body where none was.
    let p = read(Some(Method::Post), f.url, f.headers, "", Some(SECRET));
    assert_eq!(codes_of(&p, "x-acs-content-sha256"), vec![(Rule::Dependency, "InvalidParameter")]);
    let Some(g) = v3_fixtures().find(|f| f.body.is_empty()) else { panic!() };
    let p = read(Some(method_of(g.method)), g.url, g.headers, "AutoPay=true", None);
    assert_eq!(codes_of(&p, "x-acs-content-sha256"), vec![(Rule::Dependency, "InvalidParameter")]);
}

#[test]
fn a_v3_request_built_here_and_signed_reads_back_valid() {
    for method in [Method::Get, Method::Post] {
        for token in [None, Some("CAIS+token/=".to_owned())] {
            let options = BuildOptions { method, security_token: token.clone(), ..options() };
            let params = with(seed000(), "AutoPay", "TRUE");
            let Ok(Built::Ready(r)) = build_v3(SOFTWARE, &params, &options) else { panic!() };
            assert!(r.canonical_query.contains("AutoPay=true"), "{}", r.canonical_query);
            let Ok(auth) = authorization("testid", &r.signed_headers, &r.string_to_sign, "testsecret") else { panic!() };
            let mut headers: Vec<(&str, &str)> = r.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            headers.push(("Authorization", &auth));
            let p = read(Some(method), &r.url, &headers, "", Some("testsecret"));
            assert_eq!((errors(&p), p.signature_valid, p.signature), (vec![], Some(true), SignatureVersion::V3), "{method:?} {token:?}");
            assert_eq!(p.action.as_deref(), Some(SOFTWARE));
            assert!(p.common.iter().any(|(k, v)| k == "AccessKeyId" && v == "testid"));
            assert!(p.common.iter().any(|(k, v)| k == "x-acs-date" && v == TIMESTAMP));
            assert!(p.common.iter().any(|(k, v)| k == "x-acs-signature-nonce" && v == NONCE));
            assert_eq!(p.common.iter().any(|(k, _)| k == "x-acs-security-token"), token.is_some());
            // Without its host header, the URL's host is the one signed.
            let no_host = set_header(&headers, "host", None);
            assert_eq!(read(Some(method), &r.url, &no_host, "", Some("testsecret")).signature_valid, Some(true));
            // Header names in any letter case.
            let upper: Vec<(String, &str)> = headers.iter().map(|(k, v)| (k.to_ascii_uppercase(), *v)).collect();
            let upper: Vec<(&str, &str)> = upper.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            assert_eq!(read(Some(method), &r.url, &upper, "", Some("testsecret")).signature_valid, Some(true));
            // No method: found.
            assert_eq!(read(None, &r.url, &headers, "", Some("testsecret")).method, Some(method));
        }
    }
}

#[test]
fn alibaba_published_v3_example_verifies() {
    // The "Signature examples / Fixed parameter values" of Alibaba's "V3 request
    // structure and signature" page (tests/signature_v3.rs has its steps).
    let headers = [
        ("Authorization", "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"),
        ("x-acs-action", "RunInstances"),
        ("host", "ecs.cn-shanghai.aliyuncs.com"),
        ("x-acs-date", "2023-10-26T10:22:32Z"),
        ("x-acs-version", "2014-05-26"),
        ("x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
        ("user-agent", "AlibabaCloud (Mac OS X; x86_64) Java/1.8.0_352-b08 tea-util/0.2.6 TeaDSL/1"),
        ("accept", "application/json"),
    ];
    let url = "https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai";
    let p = read(Some(Method::Post), url, &headers, "", Some("YourAccessKeySecret"));
    assert_eq!(p.signature_valid, Some(true));
    assert_eq!(read(None, url, &headers, "", Some("YourAccessKeySecret")).method, Some(Method::Post));
    // An ECS request: only its action and version are this module's problems.
    assert_eq!(
        errors(&p),
        vec![("x-acs-action".into(), Rule::Enum, "InvalidApi.NotFound"), ("x-acs-version".into(), Rule::Enum, "InvalidParameter")]
    );
    assert!(p.common.iter().any(|(k, v)| k == "AccessKeyId" && v == "YourAccessKeyId"));
    assert_eq!(p.endpoint.as_deref(), Some("ecs.cn-shanghai.aliyuncs.com"));
}

#[test]
fn malformed_v3_headers_are_problems_with_their_codes() {
    let Some(f) = v3_fixtures().next() else { panic!() };
    let with_header = |name: &str, value: Option<&'static str>| {
        let headers = set_header(f.headers, name, value);
        read(Some(method_of(f.method)), f.url, &headers, f.body, Some(SECRET))
    };
    let signature = header(f, "Authorization").rsplit_once("Signature=").map_or("", |(_, s)| s).to_owned();
    let credential = "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=accept;host;user-agent;x-acs-action;x-acs-content-sha256;\
                      x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=";
    let leaked = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    // Malformed Authorization: IncompleteSignature.
    for bad in [
        "ACS3-HMAC-SHA256",
        "ACS3-HMAC-SHA256 Credential=testid",
        "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host,Signature=abc",
        "Bearer xyz",
        leaked(format!("{credential}{signature},Signature={signature}")),
        leaked(format!("{credential}{signature},Extra=1")),
        leaked(format!("ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature={signature}")),
    ] {
        let p = with_header("Authorization", Some(bad));
        assert_eq!(codes_of(&p, "Authorization"), vec![(Rule::Format, "IncompleteSignature")], "{bad}");
        assert_eq!(p.signature_valid, Some(false), "{bad}");
    }
    // White space around the parts is allowed.
    let spaced = leaked(format!(
        "{} {}",
        "ACS3-HMAC-SHA256",
        format!("{credential}{signature}").replace(',', ", ").trim_start_matches("ACS3-HMAC-SHA256 ")
    ));
    let p = with_header("Authorization", Some(spaced));
    assert_eq!((errors(&p), p.signature_valid), (vec![], Some(true)), "{spaced}");
    // Missing.
    let p = with_header("Authorization", None);
    assert_eq!(codes_of(&p, "Authorization"), vec![(Rule::Required, "MissingParameter")]);
    // Another algorithm: the gateway knows SM3 (a warning: not verified here), not MD5.
    let sm3 = leaked(format!("{credential}{signature}").replace("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3"));
    let p = with_header("Authorization", Some(sm3));
    assert_eq!(codes_of(&p, "Authorization"), vec![(Rule::Enum, "InvalidSignatureMethod")]);
    assert!(p.is_valid() && p.signature_valid == Some(false));
    let md5 = leaked(format!("{credential}{signature}").replace("ACS3-HMAC-SHA256", "ACS3-HMAC-MD5"));
    assert!(!with_header("Authorization", Some(md5)).is_valid());

    // x-acs-date: InvalidTimeStamp.Format, or missing.
    for bad in ["2026-12-03 08:41:15", "2026-12-03T08:41:15+08:00", "2026-13-03T08:41:15Z", "now"] {
        let p = with_header("x-acs-date", Some(bad));
        assert_eq!(codes_of(&p, "x-acs-date"), vec![(Rule::Format, "InvalidTimeStamp.Format")], "{bad}");
    }
    assert!(codes_of(&with_header("x-acs-date", None), "x-acs-date").contains(&(Rule::Required, "MissingParameter")));
    // The nonce.
    for bad in ["two words", "é", leaked("n".repeat(129))] {
        let p = with_header("x-acs-signature-nonce", Some(bad));
        assert_eq!(codes_of(&p, "x-acs-signature-nonce"), vec![(Rule::Format, "InvalidParameter")], "{bad}");
    }
    assert!(codes_of(&with_header("x-acs-signature-nonce", None), "x-acs-signature-nonce").contains(&(Rule::Required, "MissingParameter")));
    // The content hash.
    let p = with_header("x-acs-content-sha256", Some("e3b0c442"));
    assert_eq!(codes_of(&p, "x-acs-content-sha256"), vec![(Rule::Format, "InvalidParameter")]);
    // Action and version.
    let p = with_header("x-acs-version", Some("2018-03-14"));
    assert_eq!(codes_of(&p, "x-acs-version"), vec![(Rule::Enum, "InvalidParameter")]);
    let p = with_header("x-acs-action", Some("CreateSmartAccessGatewaySoftwar"));
    assert_eq!(codes_of(&p, "x-acs-action"), vec![(Rule::Enum, "InvalidApi.NotFound")]);
    assert!(p.problems.iter().any(|q| q.message.contains("did you mean CreateSmartAccessGatewaySoftware?")));
    // A repeated header.
    let mut twice = f.headers.to_vec();
    twice.push(("X-Acs-Date", "2026-12-03T08:41:16Z"));
    let p = read(Some(method_of(f.method)), f.url, &twice, f.body, Some(SECRET));
    assert_eq!(codes_of(&p, "x-acs-date"), vec![(Rule::Format, "InvalidParameter")]);
    assert_eq!(p.signature_valid, Some(false));
    // A V3 request with its x-acs-action and no Authorization at all, in both locales.
    let headers = [("x-acs-action", SOFTWARE)];
    let en = read(Some(Method::Post), "/?RegionId=cn-shanghai", &headers, "", None);
    let fields: Vec<&str> = en.problems.iter().map(|q| q.field.as_str()).collect();
    assert_eq!(en.signature, SignatureVersion::V3);
    assert_eq!(
        fields[..5],
        ["x-acs-version", "Authorization", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"],
        "{:?}",
        en.problems
    );
    let zh =
        parse_http_request(&HttpRequest { url: "/?RegionId=cn-shanghai", headers: &headers, ..HttpRequest::default() }, None, Locale::ZhCn);
    let Ok(zh) = zh else { panic!() };
    assert_eq!(zh.problems.len(), en.problems.len());
    assert!(zh.problems.iter().all(|q| q.message.contains('。')), "{:?}", zh.problems);
    let message = |p: &Parsed, field: &str| p.problems.iter().find(|q| q.field == field).map(|q| q.message.clone()).unwrap_or_default();
    let zh_auth = with_header("Authorization", Some("Bearer x"));
    assert!(message(&zh_auth, "Authorization").contains("ACS3-HMAC-SHA256 Credential=<AccessKeyId>"));
}

#[test]
fn v1_and_v3_are_told_apart() {
    // The tea SDKs' V1 requests carry x-acs-action too: their signature parameters make them V1.
    for f in FIXTURES.iter().filter(|f| f.signature == "V1") {
        assert_eq!(fixture(f, None).signature, SignatureVersion::V1, "{}", f.sdk);
    }
    // A query alone is V1.
    assert_eq!(parse_request("Action=x", Locale::En).signature, SignatureVersion::V1);
    // An ACS3 Authorization makes V3 whatever the query holds.
    let p = read(None, "/?Signature=x", &[("authorization", "ACS3-HMAC-SHA256 x")], "", None);
    assert_eq!(p.signature, SignatureVersion::V3);
}

#[test]
fn v1_through_parts_keeps_the_string_reading_and_verifies_a_post_body() {
    let r = match build(SOFTWARE, &with(seed000(), "AutoPay", "False"), &BuildOptions { method: Method::Post, ..options() }) {
        Ok(Built::Ready(r)) => r,
        other => panic!("{other:?}"),
    };
    assert!(r.canonical_query.contains("AutoPay=false"));
    let Ok(signed) = signed_url(&r.url, &r.string_to_sign, "testsecret") else { panic!() };
    let (_, body) = signed.split_once('?').unwrap_or_default();
    let headers = [("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")];
    let p = read(Some(Method::Post), "https://smartag.cn-shanghai.aliyuncs.com/", &headers, body, Some("testsecret"));
    assert_eq!((p.problems.len(), p.signature_valid), (0, Some(true)));
    assert_eq!(p.params, parse_request(body, Locale::En).params);
    // A JSON body's pairs are not read.
    let p = read(Some(Method::Post), "https://smartag.cn-shanghai.aliyuncs.com/", &[("content-type", "application/json")], body, None);
    assert!(p.params.is_empty());
    // Query and body disagreeing on a key: a repeated key.
    let p = read(Some(Method::Post), "/?RegionId=cn-hangzhou", &[], body, None);
    assert_eq!(codes_of(&p, "RegionId"), vec![(Rule::Format, "InvalidParameter")]);
    // An empty secret is a misuse.
    let request = HttpRequest { url: body, ..HttpRequest::default() };
    assert!(matches!(parse_http_request(&request, Some(""), Locale::En), Err(Misuse::BadOption("accessKeySecret", _))));
    // Unsigned, with a secret: no method matches.
    let p = read(None, &r.url, &[], "", Some("testsecret"));
    assert_eq!((p.method, p.signature_valid), (None, Some(false)));
}

#[test]
fn sizes_are_capped_and_hostile_input_never_panics() {
    let Some(f) = v3_fixtures().next() else { panic!() };
    // Too many headers: a problem, and the first MAX_HEADERS are read.
    let mut many = f.headers.to_vec();
    many.extend(std::iter::repeat_n(("x-filler", "1"), MAX_HEADERS));
    let p = read(Some(Method::Post), f.url, &many, f.body, Some(SECRET));
    assert_eq!(codes_of(&p, "headers"), vec![(Rule::Length, "InvalidParameter")]);
    assert_eq!(p.signature_valid, Some(true));
    // A header too long: a problem, and left out.
    let long = "t".repeat(MAX_HEADER_CHARS + 1);
    let mut headers = f.headers.to_vec();
    headers.push(("x-acs-security-token", &long));
    let p = read(Some(Method::Post), f.url, &headers, f.body, None);
    assert_eq!(codes_of(&p, "x-acs-security-token"), vec![(Rule::Length, "InvalidParameter")]);
    let long_name = "n".repeat(MAX_HEADER_CHARS + 1);
    headers.push((&long_name, "v"));
    let p = read(Some(Method::Post), f.url, &headers, f.body, None);
    assert!(p.problems.iter().any(|q| q.field.chars().count() == 65 && q.field.ends_with('…')));
    // A URL or body too long: a problem, and not read.
    let huge = format!("/?RegionId={}", "a".repeat(MAX_TEXT_CHARS));
    let p = read(Some(Method::Get), &huge, &[], &huge, None);
    assert_eq!(codes_of(&p, "url"), vec![(Rule::Length, "InvalidParameter")]);
    assert_eq!(codes_of(&p, "body"), vec![(Rule::Length, "InvalidParameter")]);
    assert!(p.params.is_empty());
    // Odd input anywhere: problems at most, never a panic.
    let odd = [
        "",
        " ",
        ",",
        "=",
        "ACS3-",
        "ACS3- ",
        "ACS3-HMAC-SHA256 ,,,",
        "ACS3-HMAC-SHA256 Credential==,SignedHeaders=;;,Signature=",
        "é",
        "\u{0}",
    ];
    for a in odd {
        for b in odd {
            let headers = [("Authorization", a), ("x-acs-action", b), ("x-acs-date", a), ("host", b), ("x-acs-content-sha256", b), ("", a)];
            for secret in [None, Some("s")] {
                let p = read(None, b, &headers, a, secret);
                assert!(p.problems.len() <= MAX_PROBLEMS);
            }
        }
    }
    // Broken characters in the body are format problems of their pairs, as in a URL.
    let body = "AutoPay=\u{FFFD}&RegionId=cn-shanghai";
    let request = HttpRequest { url: "/", body: Some(body), body_broken: &[8], ..HttpRequest::default() };
    let Ok(p) = parse_http_request(&request, None, Locale::En) else { panic!() };
    assert_eq!(codes_of(&p, "AutoPay"), vec![(Rule::Format, "InvalidParameter")]);
}
