//! parse_response: the seeds' and order-family.md's answers, the documented
//! errors in JSON and XML, what the official SDKs read from the same bodies,
//! and hostile bodies (never a panic).
use serde_json::{json, Value};
use smartag_request::response::{generic_hint, hint, hint_entry, Answer, ResponseIn, HINTED_CODES, MAX_BODY, UNEXPECTED, UNREADABLE};
use smartag_request::{parse_response, Locale, Misuse};

const SOFTWARE: &str = "CreateSmartAccessGatewaySoftware";
const HARDWARE: &str = "CreateSmartAccessGateway";
const UPGRADE_SOFTWARE: &str = "UpgradeSmartAccessGatewaySoftware";
const UPGRADE: &str = "UpgradeSmartAccessGateway";
const DOWNGRADE: &str = "DowngradeSmartAccessGateway";
const DOWNGRADE_SOFTWARE: &str = "DowngradeSmartAccessGatewaySoftware";

const JSON: Option<&str> = Some("application/json;charset=utf-8");
const XML: Option<&str> = Some("text/xml;charset=utf-8");

fn parse_as(action: &str, status: Option<u16>, content_type: Option<&str>, body: &[u8], locale: Locale) -> Value {
    let answer = parse_response(action, &ResponseIn { status, content_type, body }, locale).expect("not a misuse");
    let value = serde_json::to_value(&answer).expect("serializes");
    assert_eq!(value["ok"], json!(answer.is_ok()));
    value
}

fn parse(action: &str, status: u16, content_type: Option<&str>, body: &str) -> Value {
    parse_as(action, Some(status), content_type, body.as_bytes(), Locale::En)
}

/// Each copied body must appear verbatim in its seed, where shared/ is beside the repository.
fn in_seed(seed: &str, body: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds").join(seed);
    if let Ok(text) = std::fs::read_to_string(&path) {
        assert!(text.contains(body.trim()), "{seed} does not hold {body:?}");
    }
}

// ---- Success: the seeds' examples, copied verbatim -------------------------------

/// Seed 000 (zh, CreateSmartAccessGatewaySoftware), `XML`格式.
const SEED000_XML: &str = "<CreateSmartAccessGatewaySoftwareResponse>
    <RequestId>24675405-74DF-4C94-82C6-B749580C498E</RequestId>
    <OrderId>203000000000000</OrderId>
    <SmartAGId>sag-gnhe6sywtare5******</SmartAGId>
    <ResourceGroupId>rg-acfm2iu4fnc****</ResourceGroupId>
</CreateSmartAccessGatewaySoftwareResponse>";

/// Seed 000, `JSON`格式.
const SEED000_JSON: &str = r#"{
  "RequestId" : "24675405-74DF-4C94-82C6-B749580C498E",
  "OrderId" : "203000000000000",
  "SmartAGId" : "sag-gnhe6sywtare5******",
  "ResourceGroupId" : "rg-acfm2iu4fnc****"
}"#;

/// Seed 001 (en, old page), XML format: the root is the action's bare name.
const SEED001_XML: &str = "<CreateSmartAccessGatewaySoftware>
  <SmartAGId>sag-gnhe6sywtare5nt***</SmartAGId>
  <OrderId>202778336800296</OrderId>
  <RequestId>B35789C0-A570-4C2F-96D6-2B46FBB9D64A</RequestId>
</CreateSmartAccessGatewaySoftware>";

/// Seed 001, JSON format: OrderId as a JSON number.
const SEED001_JSON: &str = "{
\t\"SmartAGId\":\"sag-gnhe6sywtare5nt***\",
\t\"RequestId\":\"B35789C0-A570-4C2F-96D6-2B46FBB9D64A\",
\t\"OrderId\":203782300920296
}";

/// Seed 002 (en, 2024), Sample success responses, JSON format.
const SEED002_JSON: &str = r#"{
  "RequestId": "24675405-74DF-4C94-82C6-B749580C498E",
  "OrderId": "203000000000000",
  "SmartAGId": "sag-gnhe6sywtare5******",
  "ResourceGroupId": "rg-acfm2iu4fnc****"
}"#;

/// Seed 004 (UpgradeSmartAccessGatewaySoftware), XML format.
const SEED004_XML: &str = "<UpgradeSmartAccessGatewaySoftwareResponse>
<RequestId>97A4F8A5-603E-4C3B-A91E-17CD87090EA9</RequestId>
<OrderId>20697688135****</OrderId>
</UpgradeSmartAccessGatewaySoftwareResponse>";

/// Seed 004, JSON format.
const SEED004_JSON: &str = r#"{
"RequestId": "97A4F8A5-603E-4C3B-A91E-17CD87090EA9",
"OrderId": "20697688135****"
}"#;

#[test]
fn copied_seed_bodies_are_verbatim() {
    in_seed("000_bff317d0a11bf2a4.txt", SEED000_XML);
    in_seed("000_bff317d0a11bf2a4.txt", SEED000_JSON);
    in_seed("001_33468cb298282546.txt", SEED001_XML);
    in_seed("001_33468cb298282546.txt", SEED001_JSON);
    in_seed("002_2d963f847086df82.txt", SEED002_JSON);
    in_seed("004_95c4e84569ed7fe7.txt", SEED004_XML);
    in_seed("004_95c4e84569ed7fe7.txt", SEED004_JSON);
}

#[test]
fn seed000_json_and_xml() {
    let expected = json!({
        "ok": true,
        "requestId": "24675405-74DF-4C94-82C6-B749580C498E",
        "result": { "OrderId": "203000000000000", "SmartAGId": "sag-gnhe6sywtare5******", "ResourceGroupId": "rg-acfm2iu4fnc****" }
    });
    assert_eq!(parse(SOFTWARE, 200, JSON, SEED000_JSON), expected);
    assert_eq!(parse(SOFTWARE, 200, XML, SEED000_XML), expected);
    // The seed's own header line.
    assert_eq!(parse(SOFTWARE, 200, Some("application/xml"), SEED000_XML), expected);
    assert_eq!(parse(SOFTWARE, 200, Some("application/json"), SEED000_JSON), expected);
}

#[test]
fn seed001_old_root_and_number_order_id() {
    assert_eq!(
        parse(SOFTWARE, 200, XML, SEED001_XML),
        json!({ "ok": true, "requestId": "B35789C0-A570-4C2F-96D6-2B46FBB9D64A",
                "result": { "OrderId": "202778336800296", "SmartAGId": "sag-gnhe6sywtare5nt***" } })
    );
    assert_eq!(
        parse(SOFTWARE, 200, JSON, SEED001_JSON),
        json!({ "ok": true, "requestId": "B35789C0-A570-4C2F-96D6-2B46FBB9D64A",
                "result": { "OrderId": "203782300920296", "SmartAGId": "sag-gnhe6sywtare5nt***" } })
    );
}

#[test]
fn seed002_and_seed004() {
    assert_eq!(parse(SOFTWARE, 200, JSON, SEED002_JSON)["result"]["ResourceGroupId"], json!("rg-acfm2iu4fnc****"));
    let expected = json!({ "ok": true, "requestId": "97A4F8A5-603E-4C3B-A91E-17CD87090EA9", "result": { "OrderId": "20697688135****" } });
    assert_eq!(parse(UPGRADE_SOFTWARE, 200, XML, SEED004_XML), expected);
    assert_eq!(parse(UPGRADE_SOFTWARE, 200, JSON, SEED004_JSON), expected);
}

/// Seed 003 prints no example body; this one holds its response table's example values.
#[test]
fn seed003_table_values() {
    let body = r#"{"Description":"sag","Name":"sag-1","OrderId":"203377778550296","RequestId":"A6B9EB0F-57DB-4843-A372-04678ABF490E","SmartAGId":"sag-nylv14tghsk26c*****","ResourceGroupId":"rg-1"}"#;
    assert_eq!(
        parse(HARDWARE, 200, JSON, body),
        json!({ "ok": true, "requestId": "A6B9EB0F-57DB-4843-A372-04678ABF490E",
                "result": { "OrderId": "203377778550296", "SmartAGId": "sag-nylv14tghsk26c*****", "ResourceGroupId": "rg-1", "Name": "sag-1", "Description": "sag" } })
    );
    // Fields an action does not document are not read: the software app returns no Name.
    assert_eq!(parse(SOFTWARE, 200, JSON, body)["result"].get("Name"), None);
}

/// order-family.md's examples: numbers and strings, bare and `…Response` roots.
#[test]
fn order_family_examples() {
    let number = r#"{"RequestId":"45F07029-1783-4B2D-B4CE-45B9EAA58440","OrderId":203384676330296}"#;
    assert_eq!(parse(UPGRADE, 200, JSON, number)["result"], json!({ "OrderId": "203384676330296" }));
    let xml = "<UpgradeSmartAccessGateway><RequestId>45F07029-1783-4B2D-B4CE-45B9EAA58440</RequestId><OrderId>203384676330296</OrderId></UpgradeSmartAccessGateway>";
    assert_eq!(parse(UPGRADE, 200, XML, xml)["result"], json!({ "OrderId": "203384676330296" }));
    let masked = r#"{"RequestId":"A6B9EB0F-57DB-4843-A372-04678ABF490E","OrderId":"20337777855****"}"#;
    assert_eq!(parse(DOWNGRADE, 200, JSON, masked)["result"], json!({ "OrderId": "20337777855****" }));
    let xml = "<DowngradeSmartAccessGatewayResponse><RequestId>r</RequestId><OrderId>203377778550296</OrderId></DowngradeSmartAccessGatewayResponse>";
    assert_eq!(parse(DOWNGRADE, 200, XML, xml)["result"], json!({ "OrderId": "203377778550296" }));
    for body in [r#"{"RequestId":"r","OrderId":204595234160786}"#, r#"{"RequestId":"r","OrderId":"204595234160786"}"#] {
        assert_eq!(parse(DOWNGRADE_SOFTWARE, 200, JSON, body)["result"], json!({ "OrderId": "204595234160786" }));
    }
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DowngradeSmartAccessGatewaySoftwareResponse><RequestId>r</RequestId><OrderId>204595234160786</OrderId></DowngradeSmartAccessGatewaySoftwareResponse>";
    assert_eq!(parse(DOWNGRADE_SOFTWARE, 200, XML, xml)["result"], json!({ "OrderId": "204595234160786" }));
}

#[test]
fn order_id_beyond_2_pow_53_stays_exact() {
    for digits in ["9007199254740993", "20377777855029612345", "123456789012345678901234567890"] {
        let body = format!(r#"{{"RequestId":"r","OrderId":{digits}}}"#);
        assert_eq!(parse(SOFTWARE, 200, JSON, &body)["result"]["OrderId"], json!(digits));
    }
    // Not a whole number: no order ID can be made of it.
    for bad in ["2.03e14", "203.5", "-5", "true", "null", "{}", "[1]", "\"\""] {
        let body = format!(r#"{{"RequestId":"r","OrderId":{bad}}}"#);
        let v = parse(SOFTWARE, 200, JSON, &body);
        assert_eq!(v["code"], json!(UNEXPECTED), "{bad}");
    }
}

#[test]
fn sniffed_without_content_type_and_status() {
    let v = parse_as(SOFTWARE, None, None, SEED000_JSON.as_bytes(), Locale::En);
    assert_eq!(v["result"]["OrderId"], json!("203000000000000"));
    let v = parse_as(SOFTWARE, None, None, SEED001_XML.as_bytes(), Locale::En);
    assert_eq!(v["result"]["OrderId"], json!("202778336800296"));
    // A byte order mark and a declaration first.
    let body = format!("\u{feff}<?xml version='1.0' encoding='UTF-8'?>\n<!-- c -->{SEED000_XML}\n");
    assert_eq!(parse(SOFTWARE, 200, Some("text/plain"), &body)["result"]["SmartAGId"], json!("sag-gnhe6sywtare5******"));
}

#[test]
fn success_without_order_id_or_with_another_root_is_unexpected() {
    let v = parse(SOFTWARE, 200, JSON, r#"{"RequestId":"r"}"#);
    assert_eq!((v["ok"].clone(), v["code"].clone(), v["status"].clone()), (json!(false), json!(UNEXPECTED), json!(200)));
    assert_eq!(v["message"], json!("The answer (HTTP 200, application/json;charset=utf-8) holds no OrderId."));
    let v = parse(UPGRADE, 200, XML, SEED004_XML);
    assert_eq!(v["code"], json!(UNEXPECTED), "another action's answer");
    assert_eq!(parse(SOFTWARE, 200, JSON, "[1,2]")["code"], json!(UNEXPECTED));
    assert_eq!(parse(SOFTWARE, 200, JSON, "\"text\"")["code"], json!(UNEXPECTED));
}

// ---- Errors ---------------------------------------------------------------------

const SAG_USER_COUNT_JSON: &str = r#"{"RequestId":"97A4F8A5-603E-4C3B-A91E-17CD87090EA9","HostId":"smartag.cn-shanghai.aliyuncs.com","Code":"SAG.InvalidUserCount","Message":"The specified UserCount is invalid.","Recommend":"https://api.aliyun.com/troubleshoot?q=SAG.InvalidUserCount&product=Smartag"}"#;
const SAG_DATA_PLAN_XML: &str = "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>97A4F8A5-603E-4C3B-A91E-17CD87090EA9</RequestId><HostId>smartag.cn-shanghai.aliyuncs.com</HostId><Code>SAG.InvalidDataPlan</Code><Message>The specified DataPlan is invalid.</Message></Error>";
/// A real gateway answer, quoted in NewFuture/DDNS issue #57 (alidns, 2019).
const SIGNATURE_JSON: &str = r#"{"Recommend":"https://error-center.aliyun.com/status/search?Keyword=SignatureDoesNotMatch&source=PopGw","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAIlFW9Sddoh5pV%26Action%3DGetMainDomainName%26Format%3Djson%26InputString%3Djokor.vip%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D217f3bb4-f3e6-4479-9bac-2bfa68122c54%26SignatureVersion%3D1.0%26Timestamp%3D2019-05-12T14%253A06%253A51Z%26Version%3D2015-01-09","RequestId":"1DD9FD9A-8E57-43E5-B911-E4F5AD2027F7","HostId":"alidns.aliyuncs.com","Code":"SignatureDoesNotMatch"}"#;

#[test]
fn sag_errors_json_and_xml() {
    assert_eq!(
        parse(SOFTWARE, 400, JSON, SAG_USER_COUNT_JSON),
        json!({
            "ok": false, "status": 400, "code": "SAG.InvalidUserCount",
            "message": "The specified UserCount is invalid.",
            "requestId": "97A4F8A5-603E-4C3B-A91E-17CD87090EA9",
            "hostId": "smartag.cn-shanghai.aliyuncs.com",
            "recommend": "https://api.aliyun.com/troubleshoot?q=SAG.InvalidUserCount&product=Smartag",
            "hint": hint("SAG.InvalidUserCount", SOFTWARE, Locale::En),
        })
    );
    assert_eq!(
        parse(UPGRADE_SOFTWARE, 400, XML, SAG_DATA_PLAN_XML),
        json!({
            "ok": false, "status": 400, "code": "SAG.InvalidDataPlan",
            "message": "The specified DataPlan is invalid.",
            "requestId": "97A4F8A5-603E-4C3B-A91E-17CD87090EA9",
            "hostId": "smartag.cn-shanghai.aliyuncs.com",
            "recommend": null,
            "hint": "Set DataPlan to 5: 5 GB per client account per month is the only data plan on sale.",
        })
    );
    let zh = parse_as(UPGRADE_SOFTWARE, Some(400), XML, SAG_DATA_PLAN_XML.as_bytes(), Locale::ZhCn);
    assert_eq!(zh["hint"], json!("请将 DataPlan 设为 5：目前只提供每个客户端账号每月 5 GB 的流量套餐。"));
    // The gateway's message is kept as sent, whatever the locale.
    assert_eq!(zh["message"], json!("The specified DataPlan is invalid."));
}

/// The documented common codes, each in both formats, each with its own hint.
#[test]
fn common_errors_in_both_formats() {
    let codes = [
        ("MissingParameter", 400, "The input parameter \"RegionId\" that is mandatory for processing this request is not supplied."),
        ("InvalidParameter", 400, "The specified parameter \"Period\" is not valid."),
        ("SignatureDoesNotMatch", 400, "Specified signature is not matched with our calculation."),
        ("IncompleteSignature", 400, "The request signature does not conform to Aliyun standards."),
        ("InvalidTimeStamp.Expired", 400, "Specified time stamp or date value is expired."),
        ("InvalidTimeStamp.Format", 400, "Specified time stamp or date value is not well formatted."),
        ("SignatureNonceUsed", 400, "Specified signature nonce was used already."),
        ("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found."),
        ("InvalidAccessKeyId.Inactive", 400, "Specified access key is disabled."),
        ("Throttling", 400, "Request was denied due to request throttling."),
        ("Throttling.User", 400, "Request was denied due to user flow control."),
        ("Throttling.Api", 400, "Request was denied due to api flow control."),
        ("Forbidden.RAM", 403, "User not authorized to operate on the specified resource, or this API doesn't support RAM."),
        ("Forbidden", 403, "User not authorized to operate on the specified resource."),
        ("NoPermission", 403, "You are not authorized to do this operation."),
        ("InternalError", 500, "The request processing has failed due to some unknown error."),
        ("ServiceUnavailable", 503, "The request has failed due to a temporary failure of the server."),
    ];
    for (code, status, message) in codes {
        let json_body =
            json!({ "RequestId": "R-1", "HostId": "smartag.cn-shanghai.aliyuncs.com", "Code": code, "Message": message }).to_string();
        let xml_message = message.replace('&', "&amp;").replace('"', "&quot;").replace('\'', "&apos;");
        let xml_body = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <RequestId>R-1</RequestId>\n  <HostId>smartag.cn-shanghai.aliyuncs.com</HostId>\n  <Code>{code}</Code>\n  <Message>{xml_message}</Message>\n</Error>");
        for locale in [Locale::En, Locale::ZhCn] {
            let a = parse_as(HARDWARE, Some(status), JSON, json_body.as_bytes(), locale);
            let b = parse_as(HARDWARE, Some(status), XML, xml_body.as_bytes(), locale);
            assert_eq!(a, b, "{code}");
            assert_eq!((a["code"].as_str(), a["message"].as_str(), a["status"].as_u64()), (Some(code), Some(message), Some(status.into())));
            assert_eq!(a["requestId"], json!("R-1"));
            let h = a["hint"].as_str().unwrap_or_default();
            assert!(hint_entry(code).is_some(), "{code} has its own hint");
            assert_ne!(h, generic_hint(locale), "{code}");
        }
    }
    // The permission hint names the action's RAM action.
    let v = parse(HARDWARE, 403, JSON, r#"{"Code":"Forbidden.RAM","Message":"m","RequestId":"r"}"#);
    assert!(v["hint"].as_str().unwrap_or_default().contains("smartag:CreateSmartAccessGateway"));
}

#[test]
fn families_and_generic_hint() {
    // [gw-48054]: Missing{ParameterName}.
    assert_eq!(hint("MissingRegionId", SOFTWARE, Locale::En), hint("MissingParameter", SOFTWARE, Locale::En));
    assert_eq!(hint("Throttling.Concurrent", SOFTWARE, Locale::En), hint("Throttling", SOFTWARE, Locale::En));
    // Any other code, among them an undocumented bandwidth refusal, gets the generic sentence.
    let v = parse(
        UPGRADE,
        400,
        JSON,
        r#"{"Code":"SAG.SomethingElse","Message":"The bandwidth must be higher than the current one.","RequestId":"r"}"#,
    );
    assert_eq!(v["hint"], json!(generic_hint(Locale::En)));
    assert_eq!(v["message"], json!("The bandwidth must be higher than the current one."));
    assert_eq!(hint("Missing", SOFTWARE, Locale::ZhCn), generic_hint(Locale::ZhCn));
}

#[test]
fn both_catalogs_are_complete() {
    for code in HINTED_CODES {
        let en = hint(code, SOFTWARE, Locale::En);
        let zh = hint(code, SOFTWARE, Locale::ZhCn);
        assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{code}");
        assert!(en.is_ascii() || en.contains('…'), "{code}: {en}");
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{code}: {zh}");
    }
}

#[test]
fn error_status_or_shape_decides() {
    // A 2xx whose body is the error shape is an error, with its status.
    let v = parse(SOFTWARE, 200, JSON, SAG_USER_COUNT_JSON);
    assert_eq!((v["ok"].clone(), v["status"].clone(), v["code"].clone()), (json!(false), json!(200), json!("SAG.InvalidUserCount")));
    // Status unknown: the body decides.
    let v = parse_as(SOFTWARE, None, None, SAG_DATA_PLAN_XML.as_bytes(), Locale::En);
    assert_eq!((v["status"].clone(), v["code"].clone()), (Value::Null, json!("SAG.InvalidDataPlan")));
    // A failing status without a code.
    let v = parse(SOFTWARE, 500, JSON, r#"{"RequestId":"r"}"#);
    assert_eq!((v["code"].clone(), v["status"].clone()), (json!(UNEXPECTED), json!(500)));
    let v = parse(SOFTWARE, 503, JSON, r#"{"RequestId":"r","OrderId":"1"}"#);
    assert_eq!(v["code"], json!(UNEXPECTED), "a failing status is never a success");
    // Lower-case keys, as alibabacloud-tea-openapi reads them.
    let v = parse(
        SOFTWARE,
        400,
        JSON,
        r#"{"requestId":"r1","code":"Forbidden.RAM","message":"User not authorized to operate on the specified resource."}"#,
    );
    assert_eq!(
        (v["code"].clone(), v["requestId"].clone(), v["message"].clone()),
        (json!("Forbidden.RAM"), json!("r1"), json!("User not authorized to operate on the specified resource."))
    );
}

/// What the official Python SDKs extract from the same bodies, observed by serving
/// each body from a local HTTP server (status and Content-Type as below) to
/// `alibabacloud-smartag20180313` 2.1.2 on `alibabacloud-tea-openapi` 0.4.6
/// ("tea": ClientException.code, .data["RequestId"], .data["Message"]; its
/// .message is "code: <status>, <Message> request id: <RequestId>") and to
/// `aliyun-python-sdk-core` 2.16.1 ("core": ServerException error_code,
/// error_msg, request_id, http_status).
#[test]
fn what_the_official_sdks_extract() {
    // (body, status, content type, tea (code, requestId, message), core (code, requestId, message))
    type Seen<'a> = Option<(&'a str, Option<&'a str>, &'a str)>;
    let cases: [(&str, u16, &str, Seen, Seen); 6] = [
        (
            SAG_USER_COUNT_JSON,
            400,
            "application/json;charset=utf-8",
            Some(("SAG.InvalidUserCount", Some("97A4F8A5-603E-4C3B-A91E-17CD87090EA9"), "The specified UserCount is invalid.")),
            Some(("SAG.InvalidUserCount", Some("97A4F8A5-603E-4C3B-A91E-17CD87090EA9"), "The specified UserCount is invalid.")),
        ),
        (
            // tea reads XML only for exactly "text/xml;charset=utf-8"; core never reads XML
            // (it answers SDK.UnknownServerError with the whole body as the message).
            SAG_DATA_PLAN_XML,
            400,
            "text/xml;charset=utf-8",
            Some(("SAG.InvalidDataPlan", Some("97A4F8A5-603E-4C3B-A91E-17CD87090EA9"), "The specified DataPlan is invalid.")),
            None,
        ),
        (
            SIGNATURE_JSON,
            400,
            "application/json;charset=utf-8",
            Some(("SignatureDoesNotMatch", Some("1DD9FD9A-8E57-43E5-B911-E4F5AD2027F7"), "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAIlFW9Sddoh5pV%26Action%3DGetMainDomainName%26Format%3Djson%26InputString%3Djokor.vip%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D217f3bb4-f3e6-4479-9bac-2bfa68122c54%26SignatureVersion%3D1.0%26Timestamp%3D2019-05-12T14%253A06%253A51Z%26Version%3D2015-01-09")),
            Some(("SignatureDoesNotMatch", Some("1DD9FD9A-8E57-43E5-B911-E4F5AD2027F7"), "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAIlFW9Sddoh5pV%26Action%3DGetMainDomainName%26Format%3Djson%26InputString%3Djokor.vip%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D217f3bb4-f3e6-4479-9bac-2bfa68122c54%26SignatureVersion%3D1.0%26Timestamp%3D2019-05-12T14%253A06%253A51Z%26Version%3D2015-01-09")),
        ),
        (
            r#"{"RequestId":"1","HostId":"h","Code":"Throttling.User","Message":"Request was denied due to user flow control."}"#,
            400,
            "application/json",
            Some(("Throttling.User", Some("1"), "Request was denied due to user flow control.")),
            Some(("Throttling.User", Some("1"), "Request was denied due to user flow control.")),
        ),
        (
            r#"{"RequestId":"r2","HostId":"smartag.cn-shanghai.aliyuncs.com","Code":"InvalidAccessKeyId.NotFound","Message":"Specified access key is not found."}"#,
            404,
            "application/json",
            Some(("InvalidAccessKeyId.NotFound", Some("r2"), "Specified access key is not found.")),
            Some(("InvalidAccessKeyId.NotFound", Some("r2"), "Specified access key is not found.")),
        ),
        (
            // Lower-case keys: tea reads them (err.get("Code") or err.get("code")); core does not.
            r#"{"requestId":"r1","code":"Forbidden.RAM","message":"User not authorized to operate on the specified resource."}"#,
            400,
            "application/json",
            Some(("Forbidden.RAM", Some("r1"), "User not authorized to operate on the specified resource.")),
            None,
        ),
    ];
    for (body, status, content_type, tea, core) in cases {
        let v = parse(SOFTWARE, status, Some(content_type), body);
        let ours = (v["code"].as_str().unwrap_or_default(), v["requestId"].as_str(), v["message"].as_str().unwrap_or_default());
        if let Some(tea) = tea {
            assert_eq!(ours, tea, "tea: {body}");
        }
        if let Some(core) = core {
            assert_eq!(ours, core, "core: {body}");
        }
        assert_eq!(v["status"], json!(status));
    }
    // Where neither SDK reads a code (an HTML page from a proxy, a truncated body:
    // tea raises UnretryableException "Failed to parse the value as json format",
    // core answers SDK.UnknownServerError), ours is UnreadableResponse.
    let html = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    assert_eq!(parse(SOFTWARE, 502, Some("text/html"), html)["code"], json!(UNREADABLE));
    assert_eq!(parse(SOFTWARE, 400, Some("application/json"), r#"{"RequestId":"1","Code":"SAG.Inv"#)["code"], json!(UNREADABLE));
    // An OrderId beyond 2^53: tea (Python's int) keeps 20377777855029612345; so do we, as a string.
    let body = r#"{"RequestId":"B35789C0-A570-4C2F-96D6-2B46FBB9D64A","OrderId":20377777855029612345,"SmartAGId":"sag-x"}"#;
    assert_eq!(parse(SOFTWARE, 200, JSON, body)["result"]["OrderId"], json!("20377777855029612345"));
}

// ---- Hostile and broken bodies -------------------------------------------------

fn unreadable(body: &[u8], content_type: Option<&str>) -> Value {
    let v = parse_as(SOFTWARE, Some(200), content_type, body, Locale::En);
    assert_eq!(v["ok"], json!(false), "{:?}", String::from_utf8_lossy(&body[..body.len().min(80)]));
    assert_eq!(v["code"], json!(UNREADABLE), "{:?}", String::from_utf8_lossy(&body[..body.len().min(80)]));
    assert!(!v["hint"].as_str().unwrap_or_default().is_empty());
    v
}

#[test]
fn body_over_the_cap_is_a_misuse() {
    let big = vec![b' '; 10 * 1024 * 1024];
    let r = parse_response(SOFTWARE, &ResponseIn { status: Some(200), content_type: JSON, body: &big }, Locale::En);
    assert_eq!(r, Err(Misuse::TooLarge("response.body", MAX_BODY)));
    let message = r.err().map(|m| m.message()).unwrap_or_default();
    assert!(message.contains("1048576"), "{message}");
    // Exactly the cap is read.
    let mut at_cap = SEED000_JSON.as_bytes().to_vec();
    at_cap.resize(MAX_BODY, b' ');
    assert_eq!(parse_as(SOFTWARE, Some(200), JSON, &at_cap, Locale::En)["ok"], json!(true));
}

#[test]
fn unknown_action_is_a_misuse() {
    let r = parse_response("DescribeRegions", &ResponseIn { status: Some(200), content_type: JSON, body: b"{}" }, Locale::En);
    assert!(matches!(r, Err(Misuse::UnknownAction(a)) if a == "DescribeRegions"));
}

#[test]
fn deep_nesting() {
    let depth = 100_000;
    // JSON: at the top level, and inside a field.
    let top = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(parse(SOFTWARE, 200, JSON, &top)["code"], json!(UNEXPECTED));
    let inner = format!(r#"{{"RequestId":"r","OrderId":"1","X":{}{}}}"#, "[".repeat(depth), "]".repeat(depth));
    assert_eq!(parse(SOFTWARE, 200, JSON, &inner)["result"]["OrderId"], json!("1"));
    let in_order = format!(r#"{{"RequestId":"r","OrderId":{}{}}}"#, "[".repeat(depth), "]".repeat(depth));
    assert_eq!(parse(SOFTWARE, 200, JSON, &in_order)["code"], json!(UNEXPECTED));
    let unclosed = format!(r#"{{"OrderId":{}"#, "{\"a\":".repeat(depth));
    unreadable(unclosed.as_bytes(), JSON);
    // XML: capped at 128 levels.
    let xml = format!(
        "<CreateSmartAccessGatewaySoftwareResponse>{}{}</CreateSmartAccessGatewaySoftwareResponse>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let v = unreadable(xml.as_bytes(), XML);
    assert!(v["message"].as_str().unwrap_or_default().contains("nested deeper"));
    let unclosed = "<a>".repeat(depth);
    unreadable(unclosed.as_bytes(), XML);
    let shallow = format!(
        "<CreateSmartAccessGatewaySoftwareResponse><OrderId>7</OrderId><X>{}{}</X></CreateSmartAccessGatewaySoftwareResponse>",
        "<a>".repeat(100),
        "</a>".repeat(100)
    );
    assert_eq!(parse(SOFTWARE, 200, XML, &shallow)["result"]["OrderId"], json!("7"));
}

#[test]
fn billion_laughs_is_never_expanded() {
    let lol = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Error><Code>&lol9;</Code><Message>&lol9;</Message></Error>"#;
    let v = unreadable(lol.as_bytes(), XML);
    assert!(v["message"].as_str().unwrap_or_default().contains("DOCTYPE"), "{v}");
    // An external entity, the same.
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Error><Code>&e;</Code></Error>"#;
    unreadable(xxe.as_bytes(), XML);
    // Without a DOCTYPE, an undeclared entity is refused, not expanded or kept.
    let v = unreadable(b"<Error><Code>&lol9;</Code></Error>", XML);
    assert!(v["message"].as_str().unwrap_or_default().contains("entity"), "{v}");
    // The five predefined entities and character references are read.
    let ok = "<Error><Code>A&amp;B</Code><Message>&lt;&gt;&quot;&apos;&#x5F20;&#19977;<![CDATA[<&>]]></Message></Error>";
    let v = parse(SOFTWARE, 400, XML, ok);
    assert_eq!((v["code"].clone(), v["message"].clone()), (json!("A&B"), json!("<>\"'张三<&>")));
    for bad in [
        "<Error><Code>&#0;</Code></Error>",
        "<Error><Code>&#xD800;</Code></Error>",
        "<Error><Code>&#x110000;</Code></Error>",
        "<Error><Code>a & b</Code></Error>",
    ] {
        unreadable(bad.as_bytes(), XML);
    }
}

#[test]
fn broken_bodies() {
    unreadable(b"", JSON);
    unreadable(b"   \r\n ", None);
    unreadable(b"\xff\xfe{\"Code\":1}", JSON);
    unreadable(b"{\"Code\":\"\xc3\x28\"}", JSON);
    unreadable(b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", Some("text/html"));
    unreadable(b"<HTML><BODY>Access denied</BODY></HTML>", None);
    unreadable(b"<html>", XML);
    unreadable(b"Service Unavailable", Some("text/plain"));
    unreadable(SEED000_JSON.get(..40).unwrap_or_default().as_bytes(), JSON);
    unreadable(SEED000_XML.get(..60).unwrap_or_default().as_bytes(), XML);
    unreadable(b"<Error><Code>x</Code></Error>trailing", XML);
    unreadable(b"<Error><Code>x</Oops></Error>", XML);
    unreadable(b"<Error attr=\"><Code>x</Code></Error>", XML);
    unreadable(b"{\"OrderId\":\"1\"} {\"OrderId\":\"2\"}", JSON);
    // A JSON body labelled XML is not guessed at.
    unreadable(SEED000_JSON.as_bytes(), XML);
    let v = unreadable(b"<html><body>502</body></html>", Some("text/html"));
    assert_eq!(v["message"], json!("The answer (HTTP 200, text/html) is an HTML page, not the gateway's JSON or XML."));
    let zh = parse_as(SOFTWARE, Some(502), Some("text/html"), b"<html/>", Locale::ZhCn);
    assert_eq!(zh["message"], json!("应答（HTTP 502，text/html）是一个 HTML 页面，而不是网关的 JSON 或 XML。"));
    assert_eq!(zh["hint"], json!(hint(UNREADABLE, SOFTWARE, Locale::ZhCn)));
}

#[test]
fn every_prefix_of_real_bodies_gives_an_answer() {
    for body in [SEED000_JSON, SEED000_XML, SEED001_JSON, SEED004_XML, SAG_USER_COUNT_JSON, SAG_DATA_PLAN_XML] {
        for end in 0..=body.len() {
            let bytes = &body.as_bytes()[..end];
            for ct in [None, JSON, XML] {
                for status in [None, Some(200), Some(400)] {
                    let answer = parse_response(SOFTWARE, &ResponseIn { status, content_type: ct, body: bytes }, Locale::En);
                    assert!(matches!(answer, Ok(Answer::Success(_) | Answer::Failure(_))));
                }
            }
        }
    }
}
