//! Reading a V1 request back: round trips, common-parameter problems, broken
//! input, and signature verification against Alibaba's published example.
mod common;
use common::*;
use smartag_request::problem::Rule;
use smartag_request::request::{BuildOptions, Method, Misuse, ResponseFormat};
use smartag_request::validate::MAX_PROBLEMS;
use smartag_request::{build, parse_request, signed_url, Built, Locale, Parsed, Value};

fn built(action: &str, params: &[(String, smartag_request::Input)], options: &BuildOptions) -> smartag_request::SignedReady {
    match build(action, params, options) {
        Ok(Built::Ready(r)) => r,
        other => panic!("{action} must build: {other:?}"),
    }
}

fn parse(input: &str) -> Parsed {
    parse_request(input, Locale::En)
}

fn rules_of(p: &Parsed, field: &str) -> Vec<(Rule, &'static str)> {
    p.problems.iter().filter(|q| q.field == field).map(|q| (q.rule, q.code)).collect()
}

#[test]
fn a_built_url_query_and_body_read_back_to_the_same_request() {
    let upgrade =
        form(&[("RegionId", "cn-shanghai"), ("SmartAGId", "sag-abc123"), ("UserCount", "10"), ("DataPlan", "5"), ("AutoPay", "1")]);
    let free_text = with(hardware(), "BuyerMessage", "张 a+b&c=d ~*'()");
    let sts = BuildOptions { security_token: Some("CAIS+token/=".into()), format: ResponseFormat::Xml, ..options() };
    for (action, params) in [
        (SOFTWARE, seed000()),
        (HARDWARE, free_text),
        (UPGRADE, upgrade),
        (UPGRADE_HARDWARE, with(unmasked(UPGRADE_HARDWARE_EXAMPLE), "RegionId", "cn-shanghai")),
        (DOWNGRADE_HARDWARE, with(unmasked(DOWNGRADE_HARDWARE_EXAMPLE), "RegionId", "cn-shanghai")),
        (DOWNGRADE_SOFTWARE, unmasked(DOWNGRADE_SOFTWARE_EXAMPLE)),
    ] {
        let r = built(action, &params, &sts);
        let query = r.canonical_query.clone();
        for input in [r.url.clone(), query.clone(), format!("?{query}")] {
            let p = parse(&input);
            assert!(p.problems.is_empty(), "{action}: {:?}", p.problems);
            assert_eq!(p.action.as_deref(), Some(action));
            let mut read: Vec<(String, String)> = p.params.iter().map(|(k, v)| (k.clone(), v.write())).chain(p.common.clone()).collect();
            read.sort();
            assert_eq!(read, r.params, "{action}");
        }
        assert_eq!(parse(&r.url).endpoint.as_deref(), Some("smartag.cn-shanghai.aliyuncs.com"));
        assert_eq!(parse(&query).endpoint, None);
    }
}

#[test]
fn business_parameters_are_typed_per_the_table() {
    let r = built(SOFTWARE, &seed000(), &options());
    let p = parse(&r.url);
    let value = |k: &str| p.params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    assert_eq!(value("UserCount"), Some(Value::Int(5)));
    assert_eq!(value("AutoPay"), Some(Value::Bool(true)));
    assert_eq!(value("RegionId"), Some(Value::Text("cn-shanghai".into())));
    assert!(p.common.iter().any(|(k, v)| k == "Version" && v == "2018-03-13"));
    // A value of the wrong type stays text, and a problem says why.
    let p = parse(&r.url.replace("Period=12", "Period=12.5"));
    assert_eq!(p.params.iter().find(|(k, _)| k == "Period").map(|(_, v)| v.clone()), Some(Value::Text("12.5".into())));
    assert_eq!(rules_of(&p, "Period"), vec![(Rule::Type, "InvalidParameter")]);
}

#[test]
fn the_published_signed_example_verifies() {
    // Alibaba's DescribeRegions example, finished with its published signature.
    let url = "http://ecs.aliyuncs.com/?SignatureVersion=1.0&Action=DescribeRegions&Format=XML\
               &SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&Version=2014-05-26&AccessKeyId=testid\
               &Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D&SignatureMethod=HMAC-SHA1&Timestamp=2016-02-23T12%3A46%3A24Z";
    let p = parse(url);
    assert_eq!(p.verify("testsecret", Method::Get), Ok(true));
    assert_eq!(p.verify("testsecret", Method::Post), Ok(false));
    assert_eq!(p.verify("wrongsecret", Method::Get), Ok(false));
    assert!(matches!(p.verify("", Method::Get), Err(Misuse::BadOption("accessKeySecret", _))));
    // It is an ECS request, so this module reports its Action and Version, and validates nothing else.
    assert_eq!(rules_of(&p, "Action"), vec![(Rule::Enum, "InvalidApi.NotFound")]);
    assert_eq!(rules_of(&p, "Version"), vec![(Rule::Enum, "InvalidParameter")]);
    assert_eq!(p.problems.len(), 2);
    assert_eq!(p.endpoint.as_deref(), Some("ecs.aliyuncs.com"));
}

#[test]
fn a_url_signed_here_verifies_and_a_tampered_one_does_not() {
    let r = built(HARDWARE, &with(hardware(), "BuyerMessage", "张 a+b"), &options());
    let Ok(url) = signed_url(&r.url, &r.string_to_sign, "testsecret") else { panic!() };
    assert_eq!(parse(&url).verify("testsecret", Method::Get), Ok(true));
    assert_eq!(parse(&url.replace("MaxBandWidth=12", "MaxBandWidth=13")).verify("testsecret", Method::Get), Ok(false));
    assert_eq!(parse(&r.url).verify("testsecret", Method::Get), Ok(false), "no Signature");
}

#[test]
fn every_common_parameter_problem_is_reported() {
    let p = parse(
        "Action=CreateSmartAccessGatewaySoftwar&Version=2018-03-14&Format=csv&SignatureMethod=hmac-sha1&Timestamp=2016-02-23 12:46:24",
    );
    let found: Vec<(&str, Rule, &str)> = p.problems.iter().map(|q| (q.field.as_str(), q.rule, q.code)).collect();
    assert_eq!(
        found,
        vec![
            ("Action", Rule::Enum, "InvalidApi.NotFound"),
            ("Version", Rule::Enum, "InvalidParameter"),
            ("Format", Rule::Enum, "InvalidParameter.Format"),
            ("AccessKeyId", Rule::Required, "MissingParameter"),
            ("SignatureMethod", Rule::Enum, "InvalidSignatureMethod"),
            ("SignatureVersion", Rule::Required, "MissingParameter"),
            ("SignatureNonce", Rule::Required, "MissingParameter"),
            ("Timestamp", Rule::Format, "InvalidTimeStamp.Format"),
        ]
    );
    let message = |f: &str| p.problems.iter().find(|q| q.field == f).map(|q| q.message.clone()).unwrap_or_default();
    assert!(message("Action").contains("did you mean CreateSmartAccessGatewaySoftware?"), "{}", message("Action"));
    assert!(message("SignatureMethod").contains("did you mean HMAC-SHA1?"));
    assert!(message("Timestamp").contains("YYYY-MM-DDThh:mm:ssZ"));
    // The official SDK sends Format=json: any case is accepted.
    assert!(rules_of(&parse("Format=json"), "Format").is_empty());
    let zh = parse_request("Format=csv&Timestamp=now&a=%&b=1&b=2", Locale::ZhCn);
    assert_eq!(zh.problems.len(), 10);
    assert!(zh.problems.iter().all(|q| q.message.contains('。')), "{:?}", zh.problems);
}

/// The request examples of seeds 001 and 004 as their documents print them: a
/// URL template, a space after `?`, one pair per line with trailing spaces, and
/// a placeholder for the common parameters.
#[test]
fn the_seeds_request_examples_read_as_printed() {
    let seed001 = "http(s)://[Endpoint]/? Action=CreateSmartAccessGatewaySoftware\n&AutoPay=true \n&ChargeType=PREPAY\n\
                   &DataPlan=5\n&Period=1 \n&RegionId=cn-hangzhou \n&UserCount=5\n&<CommonParameters>\n";
    let p = parse(seed001);
    assert_eq!((p.action.as_deref(), p.endpoint.as_deref()), (Some(SOFTWARE), None));
    let typed = [
        ("AutoPay", Value::Bool(true)),
        ("ChargeType", Value::Text("PREPAY".into())),
        ("DataPlan", Value::Int(5)),
        ("Period", Value::Int(1)),
        ("RegionId", Value::Text("cn-hangzhou".into())),
        ("UserCount", Value::Int(5)),
        ("<CommonParameters>", Value::Text(String::new())),
    ];
    assert_eq!(p.params, typed.map(|(k, v)| (k.to_owned(), v)));
    // Only what the example leaves out: the common parameters but `Action`.
    let missing: Vec<&str> = p.problems.iter().filter(|q| q.rule == Rule::Required).map(|q| q.field.as_str()).collect();
    assert_eq!(missing, ["Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"]);
    assert_eq!(p.problems.len(), 6);

    let seed004 = "http(s)://[Endpoint]/? Action=UpgradeSmartAccessGatewaySoftware\n&AutoPay=1\n&DataPlan=5\n\
                   &RegionId=cn-shanghai\n&SmartAGId=sag-8biez7habqwmx6****\n&UserCount=5\n&<Common request parameters>";
    let p = parse(seed004);
    assert_eq!(p.action.as_deref(), Some(UPGRADE));
    assert_eq!(p.params.first(), Some(&("AutoPay".to_owned(), Value::Bool(true))));
    // Its masked ID is the one problem of the action's own.
    assert_eq!(p.problems.len(), 7);
    assert_eq!(rules_of(&p, "SmartAGId"), vec![(Rule::Format, "InvalidParameter")]);
}

#[test]
fn a_host_before_the_query_is_the_endpoint_without_a_scheme() {
    let r = built(SOFTWARE, &seed000(), &options());
    let bare = r.url.trim_start_matches("https://");
    for input in [bare.to_owned(), format!("/?{}", r.canonical_query)] {
        let p = parse(&input);
        assert!(p.problems.is_empty(), "{input}: {:?}", p.problems);
        assert_eq!(p.params.len(), 6);
    }
    assert_eq!(parse(bare).endpoint.as_deref(), Some("smartag.cn-shanghai.aliyuncs.com"));
    // User information in a URL is not part of its host (RFC 3986 §3.2).
    let with_user = r.url.replace("https://", "https://user:pw@");
    assert_eq!(parse(&with_user).endpoint.as_deref(), Some("smartag.cn-shanghai.aliyuncs.com"));
    assert_eq!(parse(&format!("/?{}", r.canonical_query)).endpoint, None);
    // A `?` inside a value of a plain query does not start one, and a word before
    // a `?` is no host.
    let p = parse(&format!("{}&BuyerMessage=why?", r.canonical_query));
    assert_eq!(p.params.last(), Some(&("BuyerMessage".to_owned(), Value::Text("why?".into()))));
    assert_eq!(parse(&format!("POST?{}", r.canonical_query)).endpoint, None);
    // A query is read to its end, `#` and all, with or without its `?`.
    for input in [format!("{}&OwnerAccount=room#5", r.canonical_query), format!("?{}&OwnerAccount=room#5", r.canonical_query)] {
        assert_eq!(parse(&input).params.last(), Some(&("OwnerAccount".to_owned(), Value::Text("room#5".into()))), "{input}");
    }
}

/// A hand-written body may hold raw spaces, which form parsers keep: a pair's
/// white space is dropped only in a request printed one pair per line.
#[test]
fn raw_spaces_in_a_one_line_body_are_kept_and_still_verify() {
    let r = built(SOFTWARE, &with(seed000(), "OwnerAccount", " Room 5 "), &BuildOptions { method: Method::Post, ..options() });
    let Ok(signed) = signed_url(&r.url, &r.string_to_sign, "testsecret") else { panic!() };
    let body = signed.split_once('?').map_or("", |(_, q)| q).replace("OwnerAccount=%20Room%205%20", "OwnerAccount= Room 5 ");
    assert!(body.contains("&OwnerAccount= Room 5 &"), "{body}");
    let p = parse(&body);
    assert_eq!(p.verify("testsecret", Method::Post), Ok(true));
    let account = p.params.iter().find(|(k, _)| k == "OwnerAccount").map(|(_, v)| v.clone());
    assert_eq!(account, Some(Value::Text(" Room 5 ".into())));
}

#[test]
fn a_missing_action_still_reports_the_rest() {
    let p = parse("https://smartag.cn-shanghai.aliyuncs.com/");
    assert_eq!(p.action, None);
    assert_eq!(rules_of(&p, "Action"), vec![(Rule::Required, "MissingParameter")]);
    assert_eq!(p.problems.len(), 7);
}

#[test]
fn validation_problems_of_the_action_follow() {
    let r = built(SOFTWARE, &seed000(), &options());
    let p = parse(&r.url.replace("UserCount=5", "UserCount=7").replace("&DataPlan=5", ""));
    let found: Vec<(&str, &str)> = p.problems.iter().map(|q| (q.field.as_str(), q.code)).collect();
    assert_eq!(found, vec![("UserCount", "SAG.InvalidUserCount"), ("DataPlan", "MissingParameter")]);
    let p = parse(&format!("{}&Colour=red", r.url));
    assert_eq!(rules_of(&p, "Colour"), vec![(Rule::Unknown, "InvalidParameter")]);
}

#[test]
fn broken_encoding_and_repeated_keys_are_problems() {
    let r = built(SOFTWARE, &seed000(), &options());
    let p = parse(&format!("{}&UserCount=10&UserCount=15&RegionId=%E5%BC&Bad%zz=1", r.url));
    let found: Vec<(&str, Rule)> = p.problems.iter().map(|q| (q.field.as_str(), q.rule)).collect();
    assert_eq!(found, vec![("UserCount", Rule::Format), ("RegionId", Rule::Format), ("Bad%zz", Rule::Format)]);
    // The first of repeated keys counts.
    assert_eq!(p.params.iter().find(|(k, _)| k == "UserCount").map(|(_, v)| v.clone()), Some(Value::Int(5)));
    // '+' is a space, as in a form body.
    let body = parse("BuyerMessage=a+b%2Bc");
    assert_eq!(body.params, vec![("BuyerMessage".to_owned(), Value::Text("a b+c".into()))]);
}

#[test]
fn a_pair_holding_an_unpaired_surrogate_is_a_format_problem() {
    // From a JS string: U+FFFD stands for each surrogate at the offsets given;
    // the one in `x`'s value is a real U+FFFD, which is text like any other.
    let input = "Action=CreateSmartAccessGatewaySoftware&OwnerAccount=a\u{FFFD}&x=\u{FFFD}&ResourceOwnerAccount=\u{FFFD}b";
    let offsets: Vec<usize> = input.match_indices('\u{FFFD}').map(|(at, _)| at).collect();
    let broken = [offsets[0], offsets[2]];
    let p = smartag_request::parse_request_lossy(input, &broken, Locale::En);
    let found: Vec<(&str, Rule)> = p.problems.iter().take(2).map(|q| (q.field.as_str(), q.rule)).collect();
    assert_eq!(found, vec![("OwnerAccount", Rule::Format), ("ResourceOwnerAccount", Rule::Format)]);
    assert!(p.problems[0].message.contains("unpaired UTF-16 surrogate"), "{}", p.problems[0].message);
    // Left out, never replaced; the rest reads as usual.
    assert_eq!(p.params, vec![("x".to_owned(), Value::Text("\u{FFFD}".into()))]);
    assert_eq!(p.action.as_deref(), Some(SOFTWARE));
    // With no offsets it is `parse_request`.
    assert_eq!(smartag_request::parse_request_lossy(input, &[], Locale::En), parse(input));
}

#[test]
fn hostile_input_is_capped_and_never_panics() {
    let many = "%=1&".repeat(10_000);
    assert_eq!(parse(&many).problems.len(), MAX_PROBLEMS);
    for input in ["", "?", "&&&", "=", "https://", "HTTPS://h?#x", "a=%", "%", "Action", "x=%C3%28", "https://h/p?a=1#b=2"] {
        let p = parse(input);
        assert!(p.problems.len() <= MAX_PROBLEMS, "{input:?}");
    }
    assert_eq!(parse("HTTPS://h/?Action=x#Version=1").common, vec![("Action".to_owned(), "x".to_owned())]);
}
