//! Signature V3 (ACS3-HMAC-SHA256): Alibaba's published worked example, the
//! canonical-header rules of the official signer, and V3 signed-ready output.
mod common;
use common::*;
use smartag_request::request::{BuildOptions, Method, Misuse, ResponseFormat};
use smartag_request::rpc::v1::canonical_query;
use smartag_request::rpc::v3::{canonical_headers, canonical_request, sha256_hex, string_to_sign, Request, RPC_URI};
use smartag_request::{authorization, build, build_v3, sign, Built, SignatureVersion};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// SHA-256 of the empty body (FIPS 180-4; also the example's x-acs-content-sha256).
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The canonical request, string-to-sign and signature of the "Signature
/// examples / Fixed parameter values" section of Alibaba's "V3 request structure
/// and signature" page (ECS RunInstances on ecs.cn-shanghai.aliyuncs.com, POST).
fn published_example(date: &str, nonce: &str) -> (String, String) {
    // The headers as the page's finished request lists them, with the two that are not signed.
    let headers = pairs(&[
        ("x-acs-action", "RunInstances"),
        ("host", "ecs.cn-shanghai.aliyuncs.com"),
        ("x-acs-date", date),
        ("x-acs-version", "2014-05-26"),
        ("x-acs-content-sha256", EMPTY_SHA256),
        ("x-acs-signature-nonce", nonce),
        ("user-agent", "AlibabaCloud (Mac OS X; x86_64) Java/1.8.0_352-b08 tea-util/0.2.6 TeaDSL/1"),
        ("accept", "application/json"),
    ]);
    let mut query = [("RegionId", "cn-shanghai"), ("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd")];
    let query = canonical_query(&mut query);
    let (canonical, signed) = canonical_headers(&headers);
    let request = canonical_request(&Request {
        method: "POST",
        uri: RPC_URI,
        canonical_query: &query,
        canonical_headers: &canonical,
        signed_headers: &signed,
        hashed_payload: &sha256_hex(b""),
    });
    (request, signed)
}

#[test]
fn alibaba_published_v3_example() {
    let (request, signed) = published_example("2023-10-26T10:22:32Z", "3156853299f313e23d1673dc12e1703d");
    // Step 1 of the page, byte for byte.
    assert_eq!(
        request,
        "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n\
         host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n\
         x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n\
         x-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n\
         host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n\
         e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    // Steps 2 to 4.
    let to_sign = string_to_sign(&request);
    assert_eq!(to_sign, "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
    assert_eq!(
        sign(&to_sign, "YourAccessKeySecret", SignatureVersion::V3).as_deref(),
        Ok("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0")
    );
    assert_eq!(
        authorization("YourAccessKeyId", &signed, &to_sign, "YourAccessKeySecret").as_deref(),
        Ok("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;\
            x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0")
    );
}

#[test]
fn the_pages_header_table_belongs_to_another_example() {
    // The page's header table and finished request show x-acs-date 2023-10-26T09:01:01Z and
    // nonce d410180a5abf7fe235dd9b74aca91fc0 next to Signature=06563a9e…, which those values
    // cannot give. They give e521358f…: Python hashlib/hmac over the same canonical request,
    // and the signature Alibaba's ROA-style signature page prints for those two values.
    let (request, _) = published_example("2023-10-26T09:01:01Z", "d410180a5abf7fe235dd9b74aca91fc0");
    assert_eq!(
        sign(&string_to_sign(&request), "YourAccessKeySecret", SignatureVersion::V3).as_deref(),
        Ok("e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804")
    );
}

#[test]
fn hmac_sha256_matches_rfc_4231() {
    // RFC 4231 test case 2: V3 keys HMAC-SHA256 with the bare secret.
    assert_eq!(
        sign("what do ya want for nothing?", "Jefe", SignatureVersion::V3).as_deref(),
        Ok("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    );
    assert_eq!(sha256_hex(b""), EMPTY_SHA256);
}

#[test]
fn canonical_headers_follow_the_official_signer() {
    // @alicloud/openapi-util getAuthorizationHeaders: host, content-type and x-acs-* only;
    // names lower-cased and sorted; values trimmed; a repeated name's values sorted and joined by ','.
    let headers = pairs(&[
        ("X-Acs-Date", " 2024-01-01T00:00:00Z "),
        ("Accept", "application/json"),
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("x-acs-b", "2"),
        ("Host", "smartag.cn-shanghai.aliyuncs.com"),
        ("x-acs-b", "1"),
        ("user-agent", "test"),
    ]);
    let (canonical, signed) = canonical_headers(&headers);
    assert_eq!(
        canonical,
        "content-type:application/x-www-form-urlencoded\nhost:smartag.cn-shanghai.aliyuncs.com\nx-acs-b:1,2\nx-acs-date:2024-01-01T00:00:00Z\n"
    );
    assert_eq!(signed, "content-type;host;x-acs-b;x-acs-date");
}

fn v3(options: &BuildOptions) -> smartag_request::SignedReadyV3 {
    match build_v3(SOFTWARE, &seed000(), options) {
        Ok(Built::Ready(r)) => r,
        other => panic!("seed 000 must build for V3: {other:?}"),
    }
}

/// Seed 000's canonical request, written out by hand from the page's rules:
/// the business parameters in the query, the common ones as headers.
fn seed000_canonical_request(method: &str, sts_headers: &str) -> String {
    format!(
        "{method}\n/\nAutoPay=true&ChargeType=PREPAY&DataPlan=5&Period=12&RegionId=cn-shanghai&UserCount=5\n\
         host:smartag.cn-shanghai.aliyuncs.com\n{}x-acs-action:CreateSmartAccessGatewaySoftware\n\
         x-acs-content-sha256:{EMPTY_SHA256}\nx-acs-date:2016-02-23T12:46:24Z\n{}\
         x-acs-signature-nonce:3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\nx-acs-version:2018-03-13\n\n\
         host;{}x-acs-action;x-acs-content-sha256;x-acs-date;{}x-acs-signature-nonce;x-acs-version\n{EMPTY_SHA256}",
        if sts_headers.is_empty() { "" } else { "x-acs-accesskey-id:testid\n" },
        sts_headers,
        if sts_headers.is_empty() { "" } else { "x-acs-accesskey-id;" },
        if sts_headers.is_empty() { "" } else { "x-acs-security-token;" },
    )
}

#[test]
fn v3_signed_ready_output_for_seed_000() {
    let r = v3(&options());
    assert_eq!(r.method, Method::Get);
    assert_eq!(r.canonical_request, seed000_canonical_request("GET", ""));
    // Python: hashlib.sha256(canonical_request).hexdigest(), then
    // hmac.new(b"testsecret", string_to_sign, hashlib.sha256).hexdigest().
    assert_eq!(r.string_to_sign, "ACS3-HMAC-SHA256\n9c975851168fbff288f13ffe9ca8574e8018810f260a7f47557b5863a8ccd49e");
    assert_eq!(
        sign(&r.string_to_sign, "testsecret", SignatureVersion::V3).as_deref(),
        Ok("2370420b32bc5e1fa8c8bfa4180d9ddc04b66c916783c9fd4b753a927e78b473")
    );
    assert_eq!(r.hashed_payload, EMPTY_SHA256);
    assert_eq!(r.signed_headers, "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version");
    assert_eq!(
        r.url,
        "https://smartag.cn-shanghai.aliyuncs.com/?AutoPay=true&ChargeType=PREPAY&DataPlan=5&Period=12&RegionId=cn-shanghai&UserCount=5"
    );
    let names: Vec<&str> = r.headers.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, r.signed_headers.split(';').collect::<Vec<_>>());
    // No common parameter travels in the query.
    assert!(r.params.iter().all(|(k, _)| !["Action", "Version", "Format", "AccessKeyId", "Timestamp"].contains(&k.as_str())));
}

#[test]
fn v3_post_changes_only_the_method_line() {
    // The official Smartag SDK sends these actions as POST with the parameters in the query and an empty body.
    let r = v3(&BuildOptions { method: Method::Post, ..options() });
    assert_eq!(r.canonical_request, seed000_canonical_request("POST", ""));
    assert_eq!(r.string_to_sign, "ACS3-HMAC-SHA256\n5048b23a48db304a3177be8fd585c5066d1462bbec7f87ab089977f23dfa76e7");
    assert!(r.headers.iter().all(|(k, _)| k != "content-type"));
}

#[test]
fn v3_with_sts_signs_the_access_key_id_and_token_headers() {
    // The official SDK's doRequest adds x-acs-accesskey-id and x-acs-security-token with an STS token.
    let r = v3(&BuildOptions { method: Method::Post, security_token: Some("CAIS+token/=".into()), ..options() });
    assert_eq!(r.canonical_request, seed000_canonical_request("POST", "x-acs-security-token:CAIS+token/=\n"));
    assert_eq!(r.string_to_sign, "ACS3-HMAC-SHA256\n45decc55a33d2438c289bbd0a4e45bfe0da8f5649fd4c34cdca8578a083fdff4");
    assert_eq!(
        authorization("testid", &r.signed_headers, &r.string_to_sign, "testsecret").as_deref(),
        Ok("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;\
            x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,\
            Signature=4533ad330d7f418900d0a8775a8064681cc56c35a89553a29bf7664182a56654")
    );
}

#[test]
fn v3_validates_like_v1_and_rejects_xml() {
    let params = with(seed000(), "UserCount", "7");
    let (Ok(Built::Invalid(with_v1)), Ok(Built::Invalid(with_v3))) =
        (build(SOFTWARE, &params, &options()), build_v3(SOFTWARE, &params, &options()))
    else {
        panic!("UserCount 7 is invalid for both signatures")
    };
    assert_eq!(with_v1, with_v3);
    let xml = BuildOptions { format: ResponseFormat::Xml, ..options() };
    assert!(matches!(build_v3(SOFTWARE, &seed000(), &xml), Err(Misuse::BadOption("format", _))));
    assert!(matches!(build_v3("DescribeRegions", &seed000(), &options()), Err(Misuse::UnknownAction(_))));
    let endpoint = BuildOptions { endpoint: Some("smartag.aliyuncs.com".into()), ..options() };
    assert!(v3(&endpoint).canonical_request.contains("\nhost:smartag.aliyuncs.com\n"));
}
