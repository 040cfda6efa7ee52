//! Every request example in the five seeds (shared/seeds), as their documents give them.
mod common;
use common::*;
use smartag_request::{build, Built, Input, Param, Severity};

#[test]
fn seed000_software_example_is_valid() {
    assert_eq!(problems(SOFTWARE, &seed000()), vec![]);
}

#[test]
fn seed000_canonical_query_and_string_to_sign() {
    // Worked out by hand from SPEC §4: sorted keys, `:` -> %3A, then encoded again.
    let Ok(Built::Ready(r)) = build(SOFTWARE, &seed000(), &options()) else { panic!("seed 000 must build") };
    assert_eq!(
        r.canonical_query,
        "AccessKeyId=testid&Action=CreateSmartAccessGatewaySoftware&AutoPay=true&ChargeType=PREPAY&DataPlan=5&Format=JSON\
         &Period=12&RegionId=cn-shanghai&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
         &SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=5&Version=2018-03-13"
    );
    assert_eq!(
        r.string_to_sign,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateSmartAccessGatewaySoftware%26AutoPay%3Dtrue%26ChargeType%3DPREPAY\
         %26DataPlan%3D5%26Format%3DJSON%26Period%3D12%26RegionId%3Dcn-shanghai%26SignatureMethod%3DHMAC-SHA1\
         %26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0\
         %26Timestamp%3D2016-02-23T12%253A46%253A24Z%26UserCount%3D5%26Version%3D2018-03-13"
    );
    assert_eq!(r.url, format!("https://smartag.cn-shanghai.aliyuncs.com/?{}", r.canonical_query));
}

#[test]
fn seed001_software_example_with_stray_spaces_is_valid() {
    // Seed 001 writes "AutoPay=true ", "Period=1 ", "RegionId=cn-hangzhou ": form white space.
    let params = form(&[
        ("Action", "CreateSmartAccessGatewaySoftware"),
        ("AutoPay", "true "),
        ("ChargeType", "PREPAY"),
        ("DataPlan", "5"),
        ("Period", "1 "),
        ("RegionId", "cn-hangzhou "),
        ("UserCount", "5"),
    ]);
    assert_eq!(problems(SOFTWARE, &params), vec![]);
    let Ok(Built::Ready(r)) = build(SOFTWARE, &params, &options()) else { panic!() };
    assert!(r.canonical_query.contains("&AutoPay=true&"));
    assert!(r.canonical_query.contains("&Period=1&RegionId=cn-hangzhou&"));
    assert_eq!(r.params.iter().filter(|(k, _)| k == "Action").count(), 1);
}

#[test]
fn seed002_table_examples_are_valid() {
    // Seed 002's example column: cn-shanghai, 12, false, PREPAY, 5, 5.
    let params = form(&[
        ("RegionId", "cn-shanghai"),
        ("Period", "12"),
        ("AutoPay", "false"),
        ("ChargeType", "PREPAY"),
        ("UserCount", "5"),
        ("DataPlan", "5"),
    ]);
    assert_eq!(problems(SOFTWARE, &params), vec![]);
}

#[test]
fn seed003_request_example_misses_required_fields() {
    // Seed 003's URL example gives only five business parameters.
    let params = form(&[
        ("Action", "CreateSmartAccessGateway"),
        ("BuyerMessage", "pls. deliver asap"),
        ("ReceiverAddress", "Room XX, XX Building"),
        ("ReceiverCity", "Long Beach"),
        ("ReceiverDistrict", "Queen District"),
        ("ReceiverTown", "Fairy Town"),
    ]);
    let missing: Vec<String> = problems(HARDWARE, &params).into_iter().filter(|p| p.rule.as_str() == "required").map(|p| p.field).collect();
    assert_eq!(
        missing,
        [
            "RegionId",
            "AutoPay",
            "ChargeType",
            "HardWareSpec",
            "HaType",
            "MaxBandWidth",
            "Period",
            "ReceiverName",
            "ReceiverMobile",
            "ReceiverEmail",
            "ReceiverCountry",
            "ReceiverState",
            "ReceiverZip"
        ]
    );
    assert!(problems(HARDWARE, &params).iter().all(|p| p.code == "MissingParameter"));
}

#[test]
fn seed003_table_examples_flag_region_display_name_and_missing_email() {
    // The table's examples: RegionId "US (Virginia)" and no ReceiverEmail example.
    let params = with(without(hardware(), "ReceiverEmail"), "RegionId", "US (Virginia)");
    let found = problems(HARDWARE, &params);
    assert_eq!(
        found.iter().map(|p| (p.field.as_str(), p.rule.as_str())).collect::<Vec<_>>(),
        [("RegionId", "format"), ("ReceiverEmail", "required")]
    );
    assert!(found[0].message.contains("us-east-1"), "{}", found[0].message);
    assert_eq!(found[0].params.last(), Some(&("hint", Param::Str("us-east-1".into()))));
}

#[test]
fn seed003_with_region_id_and_email_is_valid() {
    assert_eq!(problems(HARDWARE, &hardware()), vec![]);
}

#[test]
fn seed004_upgrade_example_sends_autopay_as_1_and_masks_the_id() {
    let params = form(&[
        ("AutoPay", "1"),
        ("DataPlan", "5"),
        ("RegionId", "cn-shanghai"),
        ("SmartAGId", "sag-8biez7habqwmx6****"),
        ("UserCount", "5"),
    ]);
    let found = problems(UPGRADE, &params);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].field.as_str(), found[0].rule.as_str()), ("SmartAGId", "format"));
    assert!(found[0].message.contains("masked"), "{}", found[0].message);

    let params = with(params, "SmartAGId", "sag-8biez7habqwmx6abcd");
    let Ok(Built::Ready(r)) = build(UPGRADE, &params, &options()) else { panic!() };
    assert!(r.canonical_query.starts_with("AccessKeyId=testid&Action=UpgradeSmartAccessGatewaySoftware&AutoPay=true&DataPlan=5&"));
    assert!(r.canonical_query.contains("&SmartAGId=sag-8biez7habqwmx6abcd&"));
}

#[test]
fn seed004_autopay_0_is_false() {
    let params = form(&[("AutoPay", "0"), ("DataPlan", "5"), ("RegionId", "cn-shanghai"), ("SmartAGId", "sag-abc123"), ("UserCount", "5")]);
    let Ok(Built::Ready(r)) = build(UPGRADE, &params, &options()) else { panic!() };
    assert!(r.canonical_query.contains("&AutoPay=false&"));
    let typed = with(with(params, "AutoPay", Input::Number(1.0)), "UserCount", Input::Number(10.0));
    let Ok(Built::Ready(r)) = build(UPGRADE, &typed, &options()) else { panic!() };
    assert!(r.canonical_query.contains("&AutoPay=true&") && r.canonical_query.contains("&UserCount=10&"));
    assert!(problems(UPGRADE, &typed).iter().all(|p| p.severity == Severity::Error) && problems(UPGRADE, &typed).is_empty());
}
