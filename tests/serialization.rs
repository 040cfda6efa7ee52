//! SPEC §4: percent-encoding, byte-order sorting, canonical query, string-to-sign, URL.
mod common;
use common::*;
use smartag_request::request::{BuildOptions, Method, Misuse, ResponseFormat};
use smartag_request::rpc::encode::percent_encode;
use smartag_request::rpc::v1::{canonical_query, string_to_sign};
use smartag_request::{build, Built, Input};

#[test]
fn alibaba_published_describe_regions_example() {
    // Alibaba's worked example of the RPC signature (ECS DescribeRegions), SPEC §4.
    let mut params = [
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Format", "XML"),
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("Version", "2014-05-26"),
        ("SignatureVersion", "1.0"),
    ];
    let query = canonical_query(&mut params);
    assert_eq!(
        string_to_sign("GET", &query),
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1\
         %26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0\
         %26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"
    );
}

#[test]
fn percent_encoding_of_every_special_byte() {
    let cases = [
        (" ", "%20"),
        ("*", "%2A"),
        ("~", "~"),
        ("+", "%2B"),
        ("/", "%2F"),
        ("&", "%26"),
        ("=", "%3D"),
        ("%", "%25"),
        ("#", "%23"),
        ("\n", "%0A"),
        ("张", "%E5%BC%A0"),
        ("😀", "%F0%9F%98%80"),
        ("aZ09-_.", "aZ09-_."),
        ("?", "%3F"),
    ];
    for (raw, encoded) in cases {
        assert_eq!(percent_encode(raw), encoded, "{raw:?}");
    }
}

#[test]
fn keys_sort_in_byte_order() {
    let mut params = [("HardWareSpec", "b"), ("HaType", "a"), ("a", "lower"), ("Z", "upper")];
    assert_eq!(canonical_query(&mut params), "HaType=a&HardWareSpec=b&Z=upper&a=lower");
    let Ok(Built::Ready(r)) = build(HARDWARE, &hardware(), &options()) else { panic!() };
    let keys: Vec<&str> = r.params.iter().map(|(k, _)| k.as_str()).collect();
    let ha = keys.iter().position(|k| *k == "HaType");
    assert!(ha.is_some() && ha.map(|i| i + 1) == keys.iter().position(|k| *k == "HardWareSpec"));
}

#[test]
fn free_text_is_encoded_once_in_the_query_and_twice_in_the_string_to_sign() {
    let params = with(hardware(), "BuyerMessage", "张 a+b&c=d");
    let Ok(Built::Ready(r)) = build(HARDWARE, &params, &options()) else { panic!() };
    assert!(r.canonical_query.contains("&BuyerMessage=%E5%BC%A0%20a%2Bb%26c%3Dd&"));
    assert!(r.string_to_sign.contains("%26BuyerMessage%3D%25E5%25BC%25A0%2520a%252Bb%2526c%253Dd%26"));
}

#[test]
fn post_signs_the_same_pairs_with_post() {
    let post = BuildOptions { method: Method::Post, format: ResponseFormat::Xml, ..options() };
    let (Ok(Built::Ready(get)), Ok(Built::Ready(post))) = (build(SOFTWARE, &seed000(), &options()), build(SOFTWARE, &seed000(), &post))
    else {
        panic!()
    };
    assert!(post.string_to_sign.starts_with("POST&%2F&"));
    assert_eq!(get.canonical_query.replace("Format=JSON", "Format=XML"), post.canonical_query);
}

#[test]
fn security_token_and_endpoint() {
    let sts = BuildOptions { security_token: Some("CAIS+token/=".into()), endpoint: Some("smartag.aliyuncs.com".into()), ..options() };
    let Ok(Built::Ready(r)) = build(SOFTWARE, &seed000(), &sts) else { panic!() };
    assert!(r.canonical_query.contains("&SecurityToken=CAIS%2Btoken%2F%3D&"));
    assert!(r.url.starts_with("https://smartag.aliyuncs.com/?AccessKeyId=testid&"));
    assert!(r.params.contains(&("Version".into(), "2018-03-13".into())));
}

#[test]
fn building_is_a_pure_function_of_its_inputs() {
    assert_eq!(build(SOFTWARE, &seed000(), &options()), build(SOFTWARE, &seed000(), &options()));
}

#[test]
fn misused_options_are_refused() {
    let bad = |o: BuildOptions| build(SOFTWARE, &seed000(), &o);
    assert!(matches!(bad(BuildOptions { access_key_id: String::new(), ..options() }), Err(Misuse::BadOption("accessKeyId", _))));
    assert!(matches!(bad(BuildOptions { access_key_id: "id&Signature=x".into(), ..options() }), Err(Misuse::BadOption("accessKeyId", _))));
    // Not the shape, or not a date and time: 2015 and 1900 have no 29 February, 2016 and 2000 do.
    let refused = [
        "2016-02-23 12:46:24Z",
        "2016-02-23T12:46:24.000Z",
        "2016-02-23T12:46:24+08:00",
        "2016-0a-01T00:00:00Z",
        "2016-02-30T12:46:24Z",
        "2015-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2016-13-01T00:00:00Z",
        "2016-00-10T00:00:00Z",
        "2016-04-31T00:00:00Z",
        "2016-01-00T00:00:00Z",
        "2016-02-23T24:00:00Z",
        "2016-01-01T23:60:00Z",
        "2016-01-01T23:00:60Z",
    ];
    for ts in refused {
        assert!(matches!(bad(BuildOptions { timestamp: ts.into(), ..options() }), Err(Misuse::BadOption("timestamp", _))), "{ts}");
    }
    for ts in ["2016-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z", "2016-12-31T23:59:59Z"] {
        assert!(bad(BuildOptions { timestamp: ts.into(), ..options() }).is_ok(), "{ts}");
    }
    for e in ["https://smartag.aliyuncs.com", "smartag.aliyuncs.com/x", "a b.com", "host:99999", "evil.com?x=1#"] {
        assert!(matches!(bad(BuildOptions { endpoint: Some(e.into()), ..options() }), Err(Misuse::BadOption("endpoint", _))), "{e}");
    }
    assert!(bad(BuildOptions { endpoint: Some("127.0.0.1:8443".into()), ..options() }).is_ok());
    assert!(matches!(bad(BuildOptions { security_token: Some("a b".into()), ..options() }), Err(Misuse::BadOption("securityToken", _))));
    assert!(matches!(bad(BuildOptions { nonce: String::new(), ..options() }), Err(Misuse::BadOption("nonce", _))));
    assert_eq!(build("DescribeRegions", &seed000(), &options()), Err(Misuse::UnknownAction("DescribeRegions".into())));
}

#[test]
fn reserved_and_unknown_names_are_refused_and_never_sent() {
    let params = with(with(with(seed000(), "Signature", "abc"), "Timestamp", "x"), "regionid", "cn-shanghai");
    let found = problems(SOFTWARE, &params);
    let got: Vec<(&str, &str, &str)> = found.iter().map(|p| (p.field.as_str(), p.rule.as_str(), p.code)).collect();
    assert_eq!(
        got,
        [
            ("Signature", "reserved", "InvalidParameter"),
            ("Timestamp", "reserved", "InvalidParameter"),
            ("regionid", "unknown", "InvalidParameter")
        ]
    );
    assert!(found[2].message.ends_with("; did you mean RegionId?"));
    assert!(matches!(build(SOFTWARE, &params, &options()), Ok(Built::Invalid(_))));
}

#[test]
fn action_parameter_must_name_the_action() {
    assert_eq!(errors(SOFTWARE, &with(seed000(), "Action", "CreateSmartAccessGateway")), one("Action", "enum"));
    assert_eq!(errors(SOFTWARE, &with(seed000(), "Action", Input::from(SOFTWARE))), vec![]);
}
