//! The rest of the order family (shared/docs/order-family.md): UpgradeSmartAccessGateway,
//! DowngradeSmartAccessGateway and DowngradeSmartAccessGatewaySoftware. Each page's
//! request example as written, the DataPlan/UserCount decision for the two hardware
//! actions, and V1 and V3 builds whose expected texts are worked out by hand from SPEC §4.
mod common;
use common::*;
use smartag_request::{build, build_v3, sign, validate, Built, Input, Locale, Param, SignatureVersion, SignedReady, SignedReadyV3};

/// SHA-256 of the empty body (FIPS 180-4).
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn v1(action: &str, params: &[(String, Input)]) -> SignedReady {
    match build(action, params, &options()) {
        Ok(Built::Ready(r)) => r,
        other => panic!("{action} must build: {other:?}"),
    }
}

fn v3(action: &str, params: &[(String, Input)]) -> SignedReadyV3 {
    match build_v3(action, params, &options()) {
        Ok(Built::Ready(r)) => r,
        other => panic!("{action} must build for V3: {other:?}"),
    }
}

/// The only problem of a doc example is its masked SmartAGId, reported as masked (as seed 004's).
fn assert_only_the_masked_id(action: &str, example: &str, id: &str) {
    let params = query(example);
    let en = validate(action, &params, Locale::En).unwrap_or_default();
    let zh = validate(action, &params, Locale::ZhCn).unwrap_or_default();
    assert_eq!(en.len(), 1, "{action}: {en:?}");
    assert_eq!((en[0].field.as_str(), en[0].rule.as_str(), en[0].code), ("SmartAGId", "format", "InvalidParameter"));
    assert_eq!(en[0].params, vec![("format", Param::Str("smartAgId".into())), ("value", Param::Str(id.into()))]);
    assert!(en[0].message.contains(&format!("\"{id}\"")) && en[0].message.contains("masked"), "{}", en[0].message);
    assert!(zh[0].message.contains(&format!("\"{id}\"")) && zh[0].message.contains("打码"), "{}", zh[0].message);
    assert!(matches!(build(action, &params, &options()), Ok(Built::Invalid(p)) if p == en));
}

#[test]
fn upgrade_hardware_page_example_has_only_a_masked_id() {
    assert_only_the_masked_id(UPGRADE_HARDWARE, UPGRADE_HARDWARE_EXAMPLE, "sag-d3m51apgw4po******");
}

#[test]
fn downgrade_hardware_page_example_has_only_a_masked_id() {
    assert_only_the_masked_id(DOWNGRADE_HARDWARE, DOWNGRADE_HARDWARE_EXAMPLE, "sag-nylv14tghsk26c*****");
}

#[test]
fn downgrade_software_page_example_has_only_a_masked_id() {
    // AutoPay=1 is the same as true (SPEC §3); only the ID is wrong.
    assert_only_the_masked_id(DOWNGRADE_SOFTWARE, DOWNGRADE_SOFTWARE_EXAMPLE, "sag-n2uym2h45lnd31****");
}

#[test]
fn the_examples_with_a_full_id_are_valid() {
    for (action, example) in [
        (UPGRADE_HARDWARE, UPGRADE_HARDWARE_EXAMPLE),
        (DOWNGRADE_HARDWARE, DOWNGRADE_HARDWARE_EXAMPLE),
        (DOWNGRADE_SOFTWARE, DOWNGRADE_SOFTWARE_EXAMPLE),
    ] {
        assert_eq!(problems(action, &unmasked(example)), vec![], "{action}");
    }
}

#[test]
fn the_hardware_actions_refuse_the_older_data_plan_and_user_count() {
    // Decision: the current SDK model and the newest pages list neither, so both are
    // `unknown` (sorted by name, after the table's problems), and the request is not built.
    for (action, example) in [(UPGRADE_HARDWARE, UPGRADE_HARDWARE_EXAMPLE), (DOWNGRADE_HARDWARE, DOWNGRADE_HARDWARE_EXAMPLE)] {
        let params = with(with(unmasked(example), "UserCount", "5"), "DataPlan", "5");
        let en = validate(action, &params, Locale::En).unwrap_or_default();
        let zh = validate(action, &params, Locale::ZhCn).unwrap_or_default();
        let got: Vec<(&str, &str, &str)> = en.iter().map(|p| (p.field.as_str(), p.rule.as_str(), p.code)).collect();
        assert_eq!(got, [("DataPlan", "unknown", "InvalidParameter"), ("UserCount", "unknown", "InvalidParameter")], "{action}");
        assert_eq!(en[0].message, "DataPlan is not a parameter of this action and would not be sent.");
        assert_eq!(zh[1].message, "UserCount 不是本接口的参数，不会被发送。");
        assert!(matches!(build(action, &params, &options()), Ok(Built::Invalid(_))), "{action}");
        // Not given (empty, as an empty form field) is not a parameter at all.
        assert_eq!(problems(action, &with(with(unmasked(example), "UserCount", ""), "DataPlan", Input::Missing)), vec![]);
    }
    // The app's downgrade has them, and no BandWidthSpec.
    let software = with(unmasked(DOWNGRADE_SOFTWARE_EXAMPLE), "BandWidthSpec", "20");
    assert_eq!(errors(DOWNGRADE_SOFTWARE, &software), one("BandWidthSpec", "unknown"));
}

#[test]
fn the_action_parameter_names_its_own_action() {
    let params = with(unmasked(DOWNGRADE_HARDWARE_EXAMPLE), "Action", UPGRADE_HARDWARE);
    assert_eq!(errors(DOWNGRADE_HARDWARE, &params), one("Action", "enum"));
    assert_eq!(errors(DOWNGRADE_HARDWARE, &with(params, "Action", DOWNGRADE_HARDWARE)), vec![]);
    let params = with(unmasked(DOWNGRADE_SOFTWARE_EXAMPLE), "Action", UPGRADE);
    assert_eq!(errors(DOWNGRADE_SOFTWARE, &params), one("Action", "enum"));
}

// The V1 texts: the common parameters of SPEC §4 (AccessKeyId testid, Format JSON,
// HMAC-SHA1, 1.0, the fixed nonce and timestamp, Version 2018-03-13) with the
// business ones, sorted in byte order (SignatureVersion before SmartAGId: 'i' < 'm'),
// `:` written %3A; the string-to-sign encodes that once more (`%` -> %25, `&` -> %26,
// `=` -> %3D). The signatures: Python's hmac/hashlib/base64 over these texts with the
// secret `testsecret` (+ "&" for V1).

#[test]
fn upgrade_hardware_v1_build() {
    let r = v1(UPGRADE_HARDWARE, &unmasked(UPGRADE_HARDWARE_EXAMPLE));
    assert_eq!(
        r.canonical_query,
        "AccessKeyId=testid&Action=UpgradeSmartAccessGateway&AutoPay=true&BandWidthSpec=3&Format=JSON&RegionId=cn-hangzhou\
         &SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0\
         &SmartAGId=sag-d3m51apgw4po&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2018-03-13"
    );
    assert_eq!(
        r.string_to_sign,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DUpgradeSmartAccessGateway%26AutoPay%3Dtrue%26BandWidthSpec%3D3%26Format%3DJSON\
         %26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
         %26SignatureVersion%3D1.0%26SmartAGId%3Dsag-d3m51apgw4po%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2018-03-13"
    );
    assert_eq!(r.url, format!("https://smartag.cn-hangzhou.aliyuncs.com/?{}", r.canonical_query));
    assert_eq!(sign(&r.string_to_sign, "testsecret", SignatureVersion::V1).as_deref(), Ok("Wg9+d391zo3zx1XZs7LDzb16TL0="));
}

#[test]
fn downgrade_hardware_v1_build() {
    let r = v1(DOWNGRADE_HARDWARE, &unmasked(DOWNGRADE_HARDWARE_EXAMPLE));
    assert_eq!(
        r.canonical_query,
        "AccessKeyId=testid&Action=DowngradeSmartAccessGateway&AutoPay=true&BandWidthSpec=20&Format=JSON&RegionId=cn-hangzhou\
         &SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0\
         &SmartAGId=sag-nylv14tghsk26c&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2018-03-13"
    );
    assert_eq!(
        r.string_to_sign,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDowngradeSmartAccessGateway%26AutoPay%3Dtrue%26BandWidthSpec%3D20%26Format%3DJSON\
         %26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
         %26SignatureVersion%3D1.0%26SmartAGId%3Dsag-nylv14tghsk26c%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2018-03-13"
    );
    assert_eq!(r.url, format!("https://smartag.cn-hangzhou.aliyuncs.com/?{}", r.canonical_query));
    assert_eq!(sign(&r.string_to_sign, "testsecret", SignatureVersion::V1).as_deref(), Ok("ARBAZcPcODcnuR4gv05ZjzCq2ww="));
}

#[test]
fn downgrade_software_v1_build() {
    // The page sends AutoPay=1; it is written true.
    let r = v1(DOWNGRADE_SOFTWARE, &unmasked(DOWNGRADE_SOFTWARE_EXAMPLE));
    assert_eq!(
        r.canonical_query,
        "AccessKeyId=testid&Action=DowngradeSmartAccessGatewaySoftware&AutoPay=true&DataPlan=5&Format=JSON&RegionId=cn-shanghai\
         &SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0\
         &SmartAGId=sag-n2uym2h45lnd31&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=5&Version=2018-03-13"
    );
    assert_eq!(
        r.string_to_sign,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDowngradeSmartAccessGatewaySoftware%26AutoPay%3Dtrue%26DataPlan%3D5%26Format%3DJSON\
         %26RegionId%3Dcn-shanghai%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
         %26SignatureVersion%3D1.0%26SmartAGId%3Dsag-n2uym2h45lnd31%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26UserCount%3D5\
         %26Version%3D2018-03-13"
    );
    assert_eq!(r.url, format!("https://smartag.cn-shanghai.aliyuncs.com/?{}", r.canonical_query));
    assert_eq!(sign(&r.string_to_sign, "testsecret", SignatureVersion::V1).as_deref(), Ok("gJGSbTqt2eUrYM8WqWA5ccL/soY="));
}

/// The V3 canonical request, written out from SPEC §4 (V3): the business parameters
/// in the query, the common ones as signed headers, an empty body.
fn canonical_request(action: &str, region: &str, business_query: &str) -> String {
    format!(
        "GET\n/\n{business_query}\nhost:smartag.{region}.aliyuncs.com\nx-acs-action:{action}\n\
         x-acs-content-sha256:{EMPTY_SHA256}\nx-acs-date:2016-02-23T12:46:24Z\n\
         x-acs-signature-nonce:3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\nx-acs-version:2018-03-13\n\n\
         host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n{EMPTY_SHA256}"
    )
}

#[test]
fn v3_builds_of_the_three_actions() {
    // (action, example, region, business query, SHA-256 of the canonical request and the
    // V3 signature, both from Python's hashlib/hmac over the hand-written canonical request).
    let cases = [
        (
            UPGRADE_HARDWARE,
            UPGRADE_HARDWARE_EXAMPLE,
            "cn-hangzhou",
            "AutoPay=true&BandWidthSpec=3&RegionId=cn-hangzhou&SmartAGId=sag-d3m51apgw4po",
            "afe7f6d5067f9856a3ba974a1bb8dfffb7b87e3021b3e9e5e94474ed5973303a",
            "3cc43dbc14d9828103fd777ce67a8c8a4fcb62a2dcb232ec5bdb8d6877e73e46",
        ),
        (
            DOWNGRADE_HARDWARE,
            DOWNGRADE_HARDWARE_EXAMPLE,
            "cn-hangzhou",
            "AutoPay=true&BandWidthSpec=20&RegionId=cn-hangzhou&SmartAGId=sag-nylv14tghsk26c",
            "c9f4cd7c6f151f021a1e3355a38ca7e611bd586c71e001943b903e755da266a4",
            "370d0b6ea696ef96452236f6723e20647b2862a0cfefd684555b621c057fe765",
        ),
        (
            DOWNGRADE_SOFTWARE,
            DOWNGRADE_SOFTWARE_EXAMPLE,
            "cn-shanghai",
            "AutoPay=true&DataPlan=5&RegionId=cn-shanghai&SmartAGId=sag-n2uym2h45lnd31&UserCount=5",
            "fd8b37454a78766963c7be1828e5ef79f7ed20f756be88cd8f163a4af3e0e7e7",
            "5281296e921e060945204676b610dccac90279129e1e924366a9757ce9ee89bf",
        ),
    ];
    for (action, example, region, business_query, digest, signature) in cases {
        let r = v3(action, &unmasked(example));
        assert_eq!(r.canonical_query, business_query, "{action}");
        assert_eq!(r.canonical_request, canonical_request(action, region, business_query), "{action}");
        assert_eq!(r.string_to_sign, format!("ACS3-HMAC-SHA256\n{digest}"), "{action}");
        assert_eq!(sign(&r.string_to_sign, "testsecret", SignatureVersion::V3).as_deref(), Ok(signature), "{action}");
        assert_eq!(r.url, format!("https://smartag.{region}.aliyuncs.com/?{business_query}"), "{action}");
        assert_eq!(r.signed_headers, "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version");
        assert!(r.headers.contains(&("x-acs-action".into(), action.into())), "{action}");
    }
}
