//! Signing for trusted contexts: the V1 signature and finished URL, and misuse.
mod common;
use common::*;
use smartag_request::request::Misuse;
use smartag_request::rpc::v1::{canonical_query, string_to_sign};
use smartag_request::{build, sign, signed_url, Built, SignatureVersion};

/// Alibaba's published DescribeRegions string-to-sign (SPEC §4).
fn describe_regions() -> String {
    let mut params = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", NONCE),
        ("SignatureVersion", "1.0"),
        ("Timestamp", TIMESTAMP),
        ("Version", "2014-05-26"),
    ];
    string_to_sign("GET", &canonical_query(&mut params))
}

#[test]
fn alibaba_published_v1_signature() {
    assert_eq!(sign(&describe_regions(), "testsecret", SignatureVersion::V1).as_deref(), Ok("OLeaidS1JvxuMvnyHOwuJ+uX5qY="));
    assert_eq!(SignatureVersion::default(), SignatureVersion::V1);
}

#[test]
fn finished_v1_url_carries_the_percent_encoded_signature() {
    let url = "https://ecs.aliyuncs.com/?AccessKeyId=testid";
    assert_eq!(
        signed_url(url, &describe_regions(), "testsecret").as_deref(),
        Ok("https://ecs.aliyuncs.com/?AccessKeyId=testid&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D")
    );
    let Ok(Built::Ready(r)) = build(SOFTWARE, &seed000(), &options()) else { panic!() };
    let Ok(signed) = signed_url(&r.url, &r.string_to_sign, "testsecret") else { panic!() };
    assert!(signed.starts_with(&format!("{}&Signature=", r.url)));
}

#[test]
fn an_empty_secret_is_a_misuse() {
    for version in [SignatureVersion::V1, SignatureVersion::V3] {
        assert!(matches!(sign("x", "", version), Err(Misuse::BadOption("accessKeySecret", _))));
    }
    assert_eq!(SignatureVersion::parse("v3"), Some(SignatureVersion::V3));
    assert_eq!(SignatureVersion::parse("V3"), None);
    assert_eq!(SignatureVersion::V1.as_str(), "v1");
}
