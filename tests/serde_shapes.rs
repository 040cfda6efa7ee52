//! The serde shapes a Rust backend reads and writes: the JSON of problems and
//! build results is the JSON the JS package returns (SPEC §2, §5), and an order
//! and build options read from JSON.
use smartag_request::{build_request, validate, BuildOptions, Built, Locale, Order, Ready};

const SEED000_QUERY: &str = "AccessKeyId=testid&Action=CreateSmartAccessGatewaySoftware&AutoPay=true&ChargeType=PREPAY&DataPlan=5\
&Format=JSON&Period=12&RegionId=cn-shanghai&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=5&Version=2018-03-13";

fn order(json: &str) -> Order {
    serde_json::from_str(json).expect("an order")
}

#[test]
fn problems_serialize_as_spec_section_2_shows_them() {
    let o = order(
        r#"{"action":"CreateSmartAccessGatewaySoftware","params":{"RegionId":"cn-shanghai","Period":12,"AutoPay":true,
        "ChargeType":"PREPAY","UserCount":7,"DataPlan":5}}"#,
    );
    let found = validate(&o.action, &o.params, o.locale).unwrap();
    // SPEC §2's example, with its severity.
    assert_eq!(
        serde_json::to_string(&found).unwrap(),
        r#"[{"field":"UserCount","rule":"multipleOf","code":"SAG.InvalidUserCount","message":"UserCount must be a multiple of 5 (5, 10, 15 ...); got 7.","params":{"multipleOf":5,"value":7},"severity":"error"}]"#
    );
}

#[test]
fn an_order_read_from_json_builds_the_seed_request() {
    // Numbers, numeric strings and booleans, as a JSON body holds them; null is not given.
    let o = order(
        r#"{"action":"CreateSmartAccessGatewaySoftware","locale":"zh-CN","params":{"RegionId":"cn-shanghai","Period":"12",
        "AutoPay":true,"ChargeType":"PREPAY","UserCount":5,"DataPlan":5,"OwnerAccount":null}}"#,
    );
    assert_eq!(o.locale, Locale::ZhCn);
    let options: BuildOptions = serde_json::from_str(
        r#"{"accessKeyId":"testid","nonce":"3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf","timestamp":"2016-02-23T12:46:24Z","locale":"zh-CN"}"#,
    )
    .unwrap();
    let Built::Ready(Ready::V1(r)) = build_request(&o.action, &o.params, &options).unwrap() else { panic!("not ready") };
    assert_eq!(r.canonical_query, SEED000_QUERY);
    let json: serde_json::Value = serde_json::to_value(Built::Ready(Ready::V1(r))).unwrap();
    assert_eq!((&json["ok"], &json["signature"], &json["method"]), (&true.into(), &"v1".into(), &"GET".into()));
    assert_eq!(json["params"]["SignatureNonce"], "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
    assert_eq!(json["cli"], "aliyun smartag CreateSmartAccessGatewaySoftware --force --AutoPay true --ChargeType PREPAY --DataPlan 5 --Period 12 --RegionId cn-shanghai --UserCount 5");
}

#[test]
fn build_options_pick_the_signature_and_an_invalid_order_serializes_its_errors() {
    let options: BuildOptions =
        serde_json::from_str(r#"{"accessKeyId":"testid","nonce":"n","timestamp":"2016-02-23T12:46:24Z","signature":"v3"}"#).unwrap();
    let o = order(
        r#"{"action":"UpgradeSmartAccessGatewaySoftware","params":{"RegionId":"cn-shanghai","SmartAGId":"sag-abc","UserCount":10,"DataPlan":5,"AutoPay":"False"}}"#,
    );
    let json = serde_json::to_value(build_request(&o.action, &o.params, &options).unwrap()).unwrap();
    assert_eq!((&json["ok"], &json["signature"], &json["accessKeyId"]), (&true.into(), &"v3".into(), &"testid".into()));
    assert_eq!(json["canonicalQuery"], "AutoPay=false&DataPlan=5&RegionId=cn-shanghai&SmartAGId=sag-abc&UserCount=10");
    let o = order(r#"{"action":"UpgradeSmartAccessGatewaySoftware","params":{"RegionId":"cn-shanghai"}}"#);
    let json = serde_json::to_value(build_request(&o.action, &o.params, &options).unwrap()).unwrap();
    assert_eq!(json["ok"], false);
    let fields: Vec<&str> = json["errors"].as_array().unwrap().iter().map(|p| p["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["SmartAGId", "UserCount", "DataPlan", "AutoPay"]);
}

#[test]
fn unknown_option_values_are_serde_errors() {
    assert!(serde_json::from_str::<BuildOptions>(r#"{"accessKeyId":"x","signature":"v2"}"#).is_err());
    assert!(serde_json::from_str::<BuildOptions>(r#"{"accessKeyId":"x","format":"json"}"#).is_err());
    assert!(serde_json::from_str::<Order>(r#"{"params":{}}"#).is_err(), "an order names its action");
}
