//! The JS API's cases, shared by the Node (`tests/node.rs`) and the browser
//! (`tests/browser.rs`) harnesses: every exported function, coercion from every
//! kind of JS value, both locales, determinism, fresh defaults, and misuse that
//! throws without ever breaking the module.
//!
//! Inputs are built by evaluating JS source, so they are exactly what a JS
//! caller hands over; expected values are worked out from SPEC §2–§5 and the seeds.

use js_sys::{Array, Reflect, JSON};
use smartag_request::wasm::{actions, authorization, build_request, describe, parse_request, sign, signed_url, validate};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

const SOFTWARE: &str = "'CreateSmartAccessGatewaySoftware'";
const HARDWARE: &str = "'CreateSmartAccessGateway'";
const UPGRADE: &str = "'UpgradeSmartAccessGatewaySoftware'";
/// Seed 000's example (a software instance).
const SEED000: &str = "{RegionId: 'cn-shanghai', Period: '12', AutoPay: 'true', ChargeType: 'PREPAY', UserCount: '5', DataPlan: '5'}";
/// Alibaba's worked signature example's AccessKeyId, nonce and time (SPEC §4).
const FIXED: &str = "{accessKeyId: 'testid', nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', timestamp: '2016-02-23T12:46:24Z'}";
/// SEED000 with FIXED, worked out by hand from SPEC §4: keys in byte order,
/// booleans as true/false, `:` as %3A.
const SEED000_QUERY: &str = "AccessKeyId=testid&Action=CreateSmartAccessGatewaySoftware&AutoPay=true&ChargeType=PREPAY&DataPlan=5\
&Format=JSON&Period=12&RegionId=cn-shanghai&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=5&Version=2018-03-13";
const SEED000_TO_SIGN: &str = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateSmartAccessGatewaySoftware%26AutoPay%3Dtrue\
%26ChargeType%3DPREPAY%26DataPlan%3D5%26Format%3DJSON%26Period%3D12%26RegionId%3Dcn-shanghai%26SignatureMethod%3DHMAC-SHA1\
%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z\
%26UserCount%3D5%26Version%3D2018-03-13";

/// FIXED with signature V3.
const FIXED_V3: &str =
    "{accessKeyId: 'testid', nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', timestamp: '2016-02-23T12:46:24Z', signature: 'v3'}";
/// SHA-256 of the empty body (FIPS 180-4).
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// SEED000 with FIXED_V3, written out by hand from Alibaba's V3 page: business
/// parameters in the query, the common ones as sorted `x-acs-*` headers.
const SEED000_V3_REQUEST: &str = "GET\n/\nAutoPay=true&ChargeType=PREPAY&DataPlan=5&Period=12&RegionId=cn-shanghai&UserCount=5\n\
host:smartag.cn-shanghai.aliyuncs.com\nx-acs-action:CreateSmartAccessGatewaySoftware\n\
x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-acs-date:2016-02-23T12:46:24Z\n\
x-acs-signature-nonce:3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\nx-acs-version:2018-03-13\n\n\
host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n\
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// Python: "ACS3-HMAC-SHA256\n" + hashlib.sha256(SEED000_V3_REQUEST).hexdigest().
const SEED000_V3_TO_SIGN: &str = "ACS3-HMAC-SHA256\n9c975851168fbff288f13ffe9ca8574e8018810f260a7f47557b5863a8ccd49e";
/// Python: hmac.new(b"testsecret", SEED000_V3_TO_SIGN, hashlib.sha256).hexdigest().
const SEED000_V3_SIGNATURE: &str = "2370420b32bc5e1fa8c8bfa4180d9ddc04b66c916783c9fd4b753a927e78b473";
/// Python: base64(hmac.new(b"testsecret&", SEED000_TO_SIGN, hashlib.sha1).digest()), percent-encoded.
const SEED000_V1_SIGNATURE: &str = "mgYXKQxx17ix3JHj6zN%2Fe6Osv58%3D";

/// A JS value from JS source.
fn js(src: &str) -> JsValue {
    js_sys::eval(&format!("({src})")).expect("test JS evaluates")
}

fn json(v: &JsValue) -> String {
    JSON::stringify(v).expect("stringifies").into()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("readable")
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_else(|| panic!("{key} is not a string in {}", json(v)))
}

/// The error a misuse threw: its constructor name and message.
fn thrown(result: Result<JsValue, JsValue>) -> (String, String) {
    let e = result.expect_err("a misuse throws");
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
    (text(&get(&e, "constructor"), "name"), text(&e, "message"))
}

fn build(action: &str, params: &str, options: &str) -> JsValue {
    build_request(&js(action), &js(params), &js(options)).expect("no misuse")
}

fn problems(action: &str, params: &str) -> JsValue {
    validate(&js(action), &js(params), &JsValue::UNDEFINED).expect("no misuse")
}

/// `field:rule` of every problem, for short assertions.
fn summary(problems: &JsValue) -> Vec<String> {
    Array::from(problems).iter().map(|p| format!("{}:{}", text(&p, "field"), text(&p, "rule"))).collect()
}

/// The canonical query of SEED000 with one parameter replaced.
fn seed000_with(key: &str, value: &str) -> JsValue {
    build(SOFTWARE, &format!("Object.assign({SEED000}, {{{key}: {value}}})"), FIXED)
}

fn seed000_ok() {
    let r = build(SOFTWARE, SEED000, FIXED);
    assert_eq!(get(&r, "ok"), JsValue::TRUE, "{}", json(&r));
    assert_eq!(text(&r, "canonicalQuery"), SEED000_QUERY);
    assert_eq!(text(&r, "stringToSign"), SEED000_TO_SIGN);
}

#[wasm_bindgen_test]
fn actions_are_the_six_order_actions_in_table_order() {
    assert_eq!(
        json(&actions().unwrap()),
        r#"["CreateSmartAccessGatewaySoftware","CreateSmartAccessGateway","UpgradeSmartAccessGatewaySoftware","UpgradeSmartAccessGateway","DowngradeSmartAccessGateway","DowngradeSmartAccessGatewaySoftware"]"#
    );
}

#[wasm_bindgen_test]
fn describe_gives_each_rule_of_the_table_as_plain_data() {
    let spec = describe(&js(HARDWARE), &JsValue::UNDEFINED).unwrap();
    assert_eq!(text(&spec, "action"), "CreateSmartAccessGateway");
    assert_eq!(text(&spec, "version"), "2018-03-13");
    let fields = Array::from(&get(&spec, "fields"));
    let field = |name: &str| fields.iter().find(|f| text(f, "name") == name).unwrap_or_else(|| panic!("no field {name}"));
    // SPEC §1: MaxBandWidth's bounds depend on HardWareSpec; the widest bounds are min/max.
    let bandwidth = field("MaxBandWidth");
    assert_eq!((text(&bandwidth, "type"), get(&bandwidth, "required")), ("Integer".to_owned(), JsValue::TRUE));
    assert_eq!((get(&bandwidth, "min").as_f64(), get(&bandwidth, "max").as_f64()), (Some(2.0), Some(1000.0)));
    assert_eq!(
        json(&get(&bandwidth, "dependency")),
        r#"{"kind":"rangeBy","field":"HardWareSpec","ranges":[{"value":"sag-100wm","min":2,"max":50},{"value":"sag-1000","min":10,"max":500},{"value":"sag-vcpe","min":10,"max":1000}]}"#
    );
    let ha = field("HaType");
    assert_eq!(json(&get(&ha, "enum")), r#"["no_backup","cold_backup","warm_backup"]"#);
    assert_eq!(json(&get(&ha, "dependency")), r#"{"kind":"requiredWhen","field":"HardWareSpec","when":"sag-vcpe","value":"warm_backup"}"#);
    assert_eq!(json(&get(&field("CPEVersion"), "dependency")), r#"{"kind":"onlyWith","field":"HardWareSpec","value":"sag-vcpe"}"#);
    assert_eq!(json(&get(&field("Period"), "enum")), "[1,2,3,4,5,6,7,8,9,12,24,36]");
    assert_eq!(text(&field("ReceiverEmail"), "format"), "email");
    let name = field("Name");
    assert_eq!((get(&name, "minLength").as_f64(), get(&name, "maxLength").as_f64()), (Some(2.0), Some(128.0)));
    assert_eq!((get(&name, "required"), get(&name, "freeText")), (JsValue::FALSE, JsValue::TRUE));
    // Absent rules are absent keys, not `undefined` values.
    let region = field("RegionId");
    assert_eq!(text(&region, "format"), "regionId");
    for key in ["enum", "min", "max", "multipleOf", "minLength", "dependency"] {
        assert!(!Reflect::has(&region, &key.into()).unwrap(), "RegionId has {key}");
    }
    let software = describe(&js(SOFTWARE), &JsValue::UNDEFINED).unwrap();
    let fields = Array::from(&get(&software, "fields"));
    let user_count = fields.iter().find(|f| text(f, "name") == "UserCount").unwrap();
    assert_eq!((get(&user_count, "min").as_f64(), get(&user_count, "multipleOf").as_f64()), (Some(5.0), Some(5.0)));
}

#[wasm_bindgen_test]
fn results_are_plain_json_compatible_objects() {
    let is_plain = js("v => JSON.stringify(v) === JSON.stringify(JSON.parse(JSON.stringify(v))) && \
        (function walk(x) { if (Array.isArray(x)) return x.every(walk); \
          if (x !== null && typeof x === 'object') return Object.getPrototypeOf(x) === Object.prototype && Object.values(x).every(walk); \
          return ['string', 'number', 'boolean'].includes(typeof x); })(v)");
    let is_plain: js_sys::Function = is_plain.into();
    let results = [
        actions().unwrap(),
        describe(&js(HARDWARE), &JsValue::UNDEFINED).unwrap(),
        problems(SOFTWARE, "{UserCount: 7, Bogus: 1}"),
        build(SOFTWARE, SEED000, FIXED),
        build(SOFTWARE, SEED000, FIXED_V3),
        build(SOFTWARE, "{}", FIXED),
        parse_request(&js("'Action=CreateSmartAccessGatewaySoftware&Period=12&AutoPay=1&Bogus=x'"), &JsValue::UNDEFINED).unwrap(),
    ];
    for r in results {
        assert_eq!(is_plain.call1(&JsValue::NULL, &r).unwrap(), JsValue::TRUE, "{}", json(&r));
    }
}

#[wasm_bindgen_test]
fn validate_returns_the_spec_problem_shape() {
    // SPEC §2's example problem, key for key.
    let found = problems(SOFTWARE, &format!("Object.assign({SEED000}, {{UserCount: 7}})"));
    assert_eq!(
        json(&found),
        r#"[{"field":"UserCount","rule":"multipleOf","code":"SAG.InvalidUserCount","message":"UserCount must be a multiple of 5 (5, 10, 15 ...); got 7.","params":{"multipleOf":5,"value":7},"severity":"error"}]"#
    );
    assert_eq!(json(&problems(SOFTWARE, SEED000)), "[]");
}

/// Every kind of problem param (a fraction, an integer beyond 2^53 as digits,
/// lists of numbers and of names, a boolean) and tricky text reach JS exactly as
/// the core found them, key order included, in both locales.
#[wasm_bindgen_test]
fn problems_reach_js_exactly_as_the_core_found_them() {
    use smartag_request::{Input, Locale, Param};
    let long_key = "k".repeat(70_000);
    let cases: [(&str, Vec<(&str, Input)>); 3] = [
        (
            "CreateSmartAccessGatewaySoftware",
            vec![
                // Digits and punctuation, an astral character (two UTF-16 units),
                // a combining mark; an empty name; a 70,000-character name.
                ("12:😀\u{301};n5", Input::Text("3:ab;n5".into())),
                ("", Input::Bool(true)),
                (&long_key, Input::Text("x".into())),
                ("ChargeType", Input::Bool(true)),
                ("Period", Input::Number(12.5)),
                ("UserCount", Input::Number(-0.000001)),
                ("DataPlan", Input::Text("9007199254740993".into())),
                ("RegionId", Input::Text("xx-nowhere-1".into())),
            ],
        ),
        (
            "CreateSmartAccessGatewaySoftware",
            vec![("Period", Input::Number(13.0)), ("DataPlan", Input::BigInt("-1180591620717411303424".into()))],
        ),
        ("CreateSmartAccessGateway", vec![("HardWareSpec", Input::Text("SAG-1000 ".into())), ("ReceiverName", Input::Text("张三".into()))]),
    ];
    // Equal as JSON, and the same primitive (so -0 is not 0).
    let same: js_sys::Function =
        js("(a, b) => JSON.stringify(a) === JSON.stringify(b) && Object.is(a, b) === (typeof a !== 'object')").into();
    for (action, params) in cases {
        let object = js_sys::Object::new();
        for (key, value) in &params {
            let value = match value {
                Input::Text(s) => JsValue::from_str(s),
                Input::Number(n) => JsValue::from_f64(*n),
                Input::Bool(b) => JsValue::from_bool(*b),
                Input::BigInt(digits) => js(&format!("{digits}n")),
                _ => JsValue::UNDEFINED,
            };
            Reflect::set(&object, &JsValue::from_str(key), &value).unwrap();
        }
        let owned: Vec<(String, Input)> = params.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        for (locale, name) in [(Locale::En, "en"), (Locale::ZhCn, "zh-CN")] {
            let expected = smartag_request::validate(action, &owned, locale).unwrap();
            let found = Array::from(&validate(&js(&format!("'{action}'")), &object, &js(&format!("{{locale: '{name}'}}"))).unwrap());
            assert_eq!(found.length() as usize, expected.len(), "{action} {name}");
            for (p, want) in found.iter().zip(&expected) {
                let keys = |o: &JsValue| js_sys::Object::keys(&o.clone().into()).iter().map(|k| k.as_string().unwrap()).collect::<Vec<_>>();
                assert_eq!(keys(&p), ["field", "rule", "code", "message", "params", "severity"]);
                assert_eq!(text(&p, "field"), want.field);
                assert_eq!(text(&p, "rule"), want.rule.as_str());
                assert_eq!(text(&p, "code"), want.code);
                assert_eq!(text(&p, "message"), want.message);
                assert_eq!(text(&p, "severity"), want.severity.as_str());
                let params = get(&p, "params");
                assert_eq!(keys(&params), want.params.iter().map(|(k, _)| k.to_string()).collect::<Vec<_>>());
                // A JS number where it holds the value exactly, else its digits.
                let int = |n: i64| {
                    if n.unsigned_abs() < (1 << 53) {
                        JsValue::from_f64(n as f64)
                    } else {
                        JsValue::from_str(&n.to_string())
                    }
                };
                for (key, value) in &want.params {
                    let expected: JsValue = match value {
                        Param::Int(n) => int(*n),
                        Param::Num(n) => JsValue::from_f64(*n),
                        Param::Bool(b) => JsValue::from_bool(*b),
                        Param::Str(s) => JsValue::from_str(s),
                        Param::Ints(ns) => ns.iter().map(|n| int(*n)).collect::<Array>().into(),
                        Param::Strs(ss) => ss.iter().map(|s| JsValue::from_str(s)).collect::<Array>().into(),
                    };
                    assert_eq!(same.call2(&JsValue::NULL, &get(&params, key), &expected).unwrap(), JsValue::TRUE, "{key} of {}", json(&p));
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn both_locales_are_served() {
    let zh = js("{locale: 'zh-CN'}");
    let params = js("{UserCount: 7}");
    let en = validate(&js(SOFTWARE), &params, &js("{locale: 'en'}")).unwrap();
    let cn = validate(&js(SOFTWARE), &params, &zh).unwrap();
    assert_eq!(json(&en), json(&validate(&js(SOFTWARE), &params, &JsValue::UNDEFINED).unwrap()), "English is the default");
    assert_eq!(summary(&en), summary(&cn), "the same problems in either locale");
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for p in Array::from(&cn).iter() {
        assert!(han(&text(&p, "message")), "{}", json(&p));
    }
    for p in Array::from(&en).iter() {
        assert!(!han(&text(&p, "message")), "{}", json(&p));
    }
    let spec = describe(&js(UPGRADE), &zh).unwrap();
    assert!(han(&text(&spec, "title")));
    let built = build(SOFTWARE, "{UserCount: 7}", &FIXED.replace('}', ", locale: 'zh-CN'}"));
    assert!(Array::from(&get(&built, "errors")).iter().all(|p| han(&text(&p, "message"))));
}

#[wasm_bindgen_test]
fn build_is_deterministic_with_a_fixed_nonce_and_time() {
    seed000_ok();
    let r = build(SOFTWARE, SEED000, FIXED);
    assert_eq!(json(&r), json(&build(SOFTWARE, SEED000, FIXED)));
    assert_eq!(text(&r, "url"), format!("https://smartag.cn-shanghai.aliyuncs.com/?{SEED000_QUERY}"));
    assert_eq!(text(&get(&r, "params"), "SignatureNonce"), "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
    // Every parameter sent, in the query's order, decoded (worked out from SEED000_QUERY).
    assert_eq!(
        json(&get(&r, "params")),
        r#"{"AccessKeyId":"testid","Action":"CreateSmartAccessGatewaySoftware","AutoPay":"true","ChargeType":"PREPAY","DataPlan":"5","Format":"JSON","Period":"12","RegionId":"cn-shanghai","SignatureMethod":"HMAC-SHA1","SignatureNonce":"3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf","SignatureVersion":"1.0","Timestamp":"2016-02-23T12:46:24Z","UserCount":"5","Version":"2018-03-13"}"#
    );
    assert_eq!(json(&JSON::parse(&json(&r)).unwrap()), json(&r), "json round trip");
    // Typed values and a Date give the very same request as form strings.
    let typed = "{RegionId: 'cn-shanghai', Period: 12, AutoPay: true, ChargeType: 'PREPAY', UserCount: 5n, DataPlan: 5}";
    let with_date = FIXED.replace("'2016-02-23T12:46:24Z'", "new Date(Date.UTC(2016, 1, 23, 12, 46, 24, 999))");
    assert_eq!(json(&build(SOFTWARE, typed, &with_date)), json(&r));
}

#[wasm_bindgen_test]
fn params_follow_each_request_whatever_was_built_before() {
    // The names of a query's keys are cached by which parameters were sent
    // (js/boundary.js): other sets in between must not leak into a result.
    let seed = |extra: &str, options: &str| {
        let params = SEED000.replace('}', extra);
        let r = build(SOFTWARE, &params, options);
        let p = get(&r, "params");
        let keys: Vec<String> = Reflect::own_keys(&p).unwrap().iter().filter_map(|k| k.as_string()).collect();
        (keys.join(","), p)
    };
    let plain = "AccessKeyId,Action,AutoPay,ChargeType,DataPlan,Format,Period,RegionId,SignatureMethod,SignatureNonce,SignatureVersion,Timestamp,UserCount,Version";
    for _ in 0..2 {
        assert_eq!(seed("}", FIXED).0, plain);
        // A name, an escaped ASCII character, a percent sign and a Chinese character, decoded back.
        let (keys, p) = seed(", OwnerAccount: 'a:b%c 张三', ResourceOwnerId: 7}", FIXED);
        assert_eq!(keys, plain.replace("Format,", "Format,OwnerAccount,").replace("RegionId,", "RegionId,ResourceOwnerId,"));
        assert_eq!((text(&p, "OwnerAccount"), text(&p, "ResourceOwnerId")), ("a:b%c 张三".to_owned(), "7".to_owned()));
        let (keys, p) = seed("}", &FIXED.replace('}', ", securityToken: 'sts+token'}"));
        assert_eq!(keys, plain.replace("RegionId,", "RegionId,SecurityToken,"));
        assert_eq!(text(&p, "SecurityToken"), "sts+token");
        assert_eq!(text(&p, "Timestamp"), "2016-02-23T12:46:24Z");
    }
}

#[wasm_bindgen_test]
fn params_stay_right_across_many_sets_of_keys() {
    // 512 sets of keys (8 optional fields, with and without a token), more than the JS
    // side keeps at once: each result's keys are the ones sent plus the common
    // parameters, in byte order.
    let base = "RegionId: 'cn-shanghai', AutoPay: true, BuyerMessage: 'asap', ChargeType: 'PREPAY', HaType: 'no_backup', \
        HardWareSpec: 'sag-100wm', MaxBandWidth: 12, Period: 12, ReceiverAddress: 'Room 1', ReceiverCity: 'Long Beach', \
        ReceiverCountry: 'US', ReceiverDistrict: 'Queen', ReceiverEmail: 'tony@example.com', ReceiverMobile: '13900000000', \
        ReceiverName: 'Tony', ReceiverState: 'CA', ReceiverTown: 'Fairy', ReceiverZip: '310000'";
    let optional = [
        ("ReceiverPhone", "'057100000000'"),
        ("Name", "'office'"),
        ("Description", "'branch'"),
        ("AlreadyHaveSag", "false"),
        ("OwnerId", "1"),
        ("ResourceOwnerId", "2"),
        ("OwnerAccount", "'a'"),
        ("ResourceOwnerAccount", "'b'"),
    ];
    let common = ["AccessKeyId", "Action", "Format", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version"];
    for set in 0..512u32 {
        let chosen: Vec<_> = optional.iter().enumerate().filter(|(i, _)| set & (1 << i) != 0).map(|(_, f)| *f).collect();
        let extra: String = chosen.iter().map(|(k, v)| format!(", {k}: {v}")).collect();
        let token = set & 256 != 0;
        let options = if token { FIXED.replace('}', ", securityToken: 'sts'}") } else { FIXED.to_owned() };
        let r = build(HARDWARE, &format!("{{{base}{extra}}}"), &options);
        let mut expected: Vec<&str> = base.split(", ").filter_map(|p| p.trim().split(':').next()).collect();
        expected.extend(chosen.iter().map(|(k, _)| *k).chain(common).chain(token.then_some("SecurityToken")));
        expected.sort();
        let params = get(&r, "params");
        let keys: Vec<String> = Reflect::own_keys(&params).unwrap().iter().filter_map(|k| k.as_string()).collect();
        assert_eq!(keys.join(","), expected.join(","), "set {set}: {}", json(&r));
        assert_eq!(text(&params, "ReceiverName"), "Tony");
    }
}

#[wasm_bindgen_test]
fn build_options_shape_the_request() {
    let r = build(
        SOFTWARE,
        SEED000,
        &FIXED.replace('}', ", format: 'XML', method: 'POST', endpoint: 'example.com:8443', securityToken: 'sts+token'}"),
    );
    let query = text(&r, "canonicalQuery");
    assert!(query.contains("&Format=XML&") && query.contains("&SecurityToken=sts%2Btoken&"), "{query}");
    assert!(text(&r, "stringToSign").starts_with("POST&%2F&AccessKeyId%3Dtestid%26"));
    assert_eq!(text(&r, "url"), format!("https://example.com:8443/?{query}"));
}

#[wasm_bindgen_test]
fn a_fresh_nonce_and_the_current_time_when_not_given() {
    let uuid_v4 = js_sys::RegExp::new("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", "");
    let iso = js_sys::RegExp::new("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", "");
    let before = js_sys::Date::now();
    let a = get(&build(SOFTWARE, SEED000, "{accessKeyId: 'testid'}"), "params");
    let b = get(&build(SOFTWARE, SEED000, "{accessKeyId: 'testid', nonce: null, timestamp: undefined}"), "params");
    let after = js_sys::Date::now();
    let (na, nb) = (text(&a, "SignatureNonce"), text(&b, "SignatureNonce"));
    assert!(uuid_v4.test(&na) && uuid_v4.test(&nb), "{na} {nb}");
    assert_ne!(na, nb);
    let stamp = text(&a, "Timestamp");
    assert!(iso.test(&stamp), "{stamp}");
    let ms = js_sys::Date::parse(&stamp);
    // Truncated to the second, so up to 1 s before `before`.
    assert!(before - 1000.0 <= ms && ms <= after, "{stamp} not between {before} and {after}");
}

#[wasm_bindgen_test]
fn dates_are_written_in_utc_to_the_second() {
    for (date, expected) in [
        ("new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999))", "2024-02-29T23:59:59Z"),
        ("new Date(0)", "1970-01-01T00:00:00Z"),
        ("new Date(-500)", "1969-12-31T23:59:59Z"),
        ("new Date(Date.UTC(2000, 11, 31, 0, 0, 0))", "2000-12-31T00:00:00Z"),
        ("new Date(Date.UTC(1900, 2, 1, 1, 2, 3))", "1900-03-01T01:02:03Z"),
        ("new Date('9999-12-31T23:59:59.999Z')", "9999-12-31T23:59:59Z"),
        // A Date of another realm: a vm context's in Node, an iframe's in a browser.
        (
            "typeof document === 'undefined' ? process.getBuiltinModule('vm').runInNewContext('new Date(86400000)') \
             : new (document.documentElement.appendChild(document.createElement('iframe')).contentWindow.Date)(86400000)",
            "1970-01-02T00:00:00Z",
        ),
    ] {
        let r = build(SOFTWARE, SEED000, &format!("{{accessKeyId: 'testid', nonce: 'n', timestamp: {date}}}"));
        assert_eq!(text(&get(&r, "params"), "Timestamp"), expected, "{date}");
    }
    for date in ["new Date(NaN)", "new Date('+010000-01-01T00:00:00Z')", "new Date(Date.UTC(-1, 0, 1))"] {
        let (name, message) = thrown(build_request(&js(SOFTWARE), &js(SEED000), &js(&format!("{{accessKeyId: 'x', timestamp: {date}}}"))));
        assert_eq!(name, "RangeError", "{date}");
        assert!(message.contains("options.timestamp"), "{message}");
    }
}

#[wasm_bindgen_test]
fn integers_coerce_from_numbers_numeric_strings_and_bigints() {
    for value in ["12", "'12'", "' 12 '", "12n", "12.0", "'0012'"] {
        let r = seed000_with("Period", value);
        assert!(text(&r, "canonicalQuery").contains("&Period=12&"), "{value}: {}", json(&r));
    }
    for value in
        ["12.5", "'12.5'", "'1e3'", "NaN", "Infinity", "-Infinity", "true", "[12]", "({})", "Symbol('x')", "(() => 12)", "'twelve'"]
    {
        let r = seed000_with("Period", value);
        assert_eq!(summary(&get(&r, "errors")), ["Period:type"], "{value}");
    }
    for value in ["null", "undefined", "''", "'   '"] {
        let r = seed000_with("Period", value);
        assert_eq!(summary(&get(&r, "errors")), ["Period:required"], "{value}");
    }
    // Integer is 32-bit signed.
    assert_eq!(summary(&get(&seed000_with("Period", "2147483648"), "errors")), ["Period:type"]);
}

#[wasm_bindgen_test]
fn a_number_given_for_text_is_named_as_js_prints_it() {
    for n in ["-0", "1e-7", "0.000001", "1e21", "1.5e300", "123e-20", "0.1 + 0.2", "-12.5", "2 ** 60"] {
        let found = problems(SOFTWARE, &format!("{{ChargeType: {n}}}"));
        let charge = Array::from(&found).iter().find(|p| text(p, "field") == "ChargeType").expect("a ChargeType problem");
        let printed = js(&format!("String({n})")).as_string().expect("a string");
        assert_eq!(text(&charge, "message"), format!("ChargeType must be text (a string); got {printed}."), "{n}");
    }
}

#[wasm_bindgen_test]
fn numbers_are_trimmed_as_js_trims() {
    // JS's white space and line terminators, and look-alikes it keeps (U+0085, U+180E, U+200B).
    let points = [0x9, 0xa, 0xb, 0xc, 0xd, 0x20, 0xa0, 0x1680, 0x2000, 0x2005, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
    for c in points.into_iter().chain([0x85, 0x180e, 0x200b]) {
        let value = format!("String.fromCharCode({c}) + '12' + String.fromCharCode({c})");
        let trimmed = js(&format!("({value}).trim() === '12'")) == JsValue::TRUE;
        let r = seed000_with("Period", &value);
        assert_eq!(get(&r, "ok") == JsValue::TRUE, trimmed, "U+{c:04X}: {}", json(&r));
    }
}

#[wasm_bindgen_test]
fn longs_keep_every_digit_as_strings_and_bigints() {
    for (value, written) in [
        ("9007199254740993n", "9007199254740993"),
        ("'9223372036854775807'", "9223372036854775807"),
        ("-9223372036854775808n", "-9223372036854775808"),
        ("9007199254740991", "9007199254740991"),
    ] {
        let r = seed000_with("OwnerId", value);
        assert!(text(&r, "canonicalQuery").contains(&format!("&OwnerId={written}&")), "{value}: {}", json(&r));
    }
    // A number beyond 2^53 may already have lost digits; 2^63 is beyond Long.
    for value in ["9007199254740993", "9223372036854775808n", "'9223372036854775808'"] {
        assert_eq!(summary(&get(&seed000_with("OwnerId", value), "errors")), ["OwnerId:type"], "{value}");
    }
    // A problem's params keep a value beyond 2^53 exact, as a decimal string.
    let found = problems(SOFTWARE, "{DataPlan: 9007199254740993n}");
    let data_plan = Array::from(&found).iter().find(|p| text(p, "field") == "DataPlan").unwrap();
    assert_eq!(json(&get(&data_plan, "params")), r#"{"allowed":[5],"value":"9007199254740993"}"#);
}

#[wasm_bindgen_test]
fn booleans_coerce_from_the_seed_and_sdk_spellings_only() {
    // SPEC §3: the seeds' 1/0, and a boolean's text in any letter case (Python's True/False).
    let spellings =
        [("true", "true"), ("'true'", "true"), ("1", "true"), ("'1'", "true"), ("' 1 '", "true"), ("'True'", "true"), ("'TRUE'", "true")];
    for (value, written) in spellings.into_iter().chain([
        ("'False'", "false"),
        ("'fALSE'", "false"),
        ("false", "false"),
        ("'false'", "false"),
        ("0", "false"),
        ("'0'", "false"),
        ("-0", "false"),
    ]) {
        let r = seed000_with("AutoPay", value);
        assert!(text(&r, "canonicalQuery").contains(&format!("&AutoPay={written}&")), "{value}: {}", json(&r));
    }
    for value in ["2", "'yes'", "'on'", "'t'", "1n", "[true]", "new Boolean(true)"] {
        assert_eq!(summary(&get(&seed000_with("AutoPay", value), "errors")), ["AutoPay:type"], "{value}");
    }
}

#[wasm_bindgen_test]
fn strings_are_kept_exactly_and_unpaired_surrogates_refused() {
    let hardware = "{RegionId: 'cn-shanghai', AutoPay: false, BuyerMessage: ' 张 + * ', ChargeType: 'PREPAY', \
        HardWareSpec: 'sag-100wm', HaType: 'no_backup', MaxBandWidth: 12, Period: 12, ReceiverName: 'Tony', \
        ReceiverMobile: '13800000000', ReceiverEmail: 'tony@example.com', ReceiverCountry: 'US', ReceiverState: 'CA', \
        ReceiverCity: 'Long Beach', ReceiverDistrict: 'Queen', ReceiverTown: 'Fairy', ReceiverAddress: 'Room 1', ReceiverZip: '310000'}";
    let r = build(HARDWARE, hardware, FIXED);
    assert_eq!(text(&get(&r, "params"), "BuyerMessage"), " 张 + * ");
    assert!(text(&r, "canonicalQuery").contains("&BuyerMessage=%20%E5%BC%A0%20%2B%20%2A%20&"));
    for value in ["'\\uD800'", "'a\\uDFFFb'", "'\\uDC00\\uD800'"] {
        let found = problems(HARDWARE, &format!("Object.assign({hardware}, {{BuyerMessage: {value}}})"));
        assert_eq!(summary(&found), ["BuyerMessage:format"], "{value}");
    }
    // A real U+FFFD is text like any other.
    assert_eq!(json(&problems(HARDWARE, &format!("Object.assign({hardware}, {{BuyerMessage: '\\uFFFD'}})"))), "[]");
    // Other kinds of values in a String field are type problems.
    for value in ["42", "true", "1n", "['a']", "({toString() { return 'x' }})", "Symbol.iterator", "new String('x')"] {
        let found = problems(HARDWARE, &format!("Object.assign({hardware}, {{BuyerMessage: {value}}})"));
        assert_eq!(summary(&found), ["BuyerMessage:type"], "{value}");
    }
}

#[wasm_bindgen_test]
fn params_may_be_null_prototype_objects_and_proxies() {
    let null_proto = format!("Object.assign(Object.create(null), {SEED000})");
    assert_eq!(json(&problems(SOFTWARE, &null_proto)), "[]");
    let proxy = format!("new Proxy({SEED000}, {{get: (t, k) => t[k]}})");
    assert_eq!(json(&build(SOFTWARE, &proxy, FIXED)), json(&build(SOFTWARE, SEED000, FIXED)));
    // A Proxy as a value is an object, so a type problem.
    assert_eq!(summary(&get(&seed000_with("Period", "new Proxy({}, {})"), "errors")), ["Period:type"]);
    // Non-enumerable and symbol keys are not parameters.
    let hidden = format!("Object.defineProperty(Object.assign({SEED000}, {{[Symbol('s')]: 1}}), 'Hidden', {{value: 1}})");
    assert_eq!(json(&problems(SOFTWARE, &hidden)), "[]");
}

#[wasm_bindgen_test]
fn unknown_and_reserved_names_are_problems_not_throws() {
    let found = problems(SOFTWARE, &format!("Object.assign({SEED000}, {{Timestamp: 'x', regionid: 'y', '': 1, '__proto__ ': 2}})"));
    // Sorted by name in byte order.
    assert_eq!(summary(&found), [":unknown", "Timestamp:reserved", "__proto__ :unknown", "regionid:unknown"]);
}

#[wasm_bindgen_test]
fn seed004_upgrade_example() {
    // Seed 004's example: AutoPay sent as 1 and a masked instance ID, which SPEC §1 refuses.
    let seed004 = "{AutoPay: '1', DataPlan: '5', RegionId: 'cn-shanghai', SmartAGId: 'sag-8biez7habqwmx6****', UserCount: '5'}";
    let r = build(UPGRADE, seed004, FIXED);
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
    assert_eq!(summary(&get(&r, "errors")), ["SmartAGId:format"]);
    let r = build(UPGRADE, &seed004.replace("****", "abcd"), FIXED);
    assert_eq!(
        text(&r, "canonicalQuery"),
        "AccessKeyId=testid&Action=UpgradeSmartAccessGatewaySoftware&AutoPay=true&DataPlan=5&Format=JSON&RegionId=cn-shanghai\
&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&SmartAGId=sag-8biez7habqwmx6abcd\
&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=5&Version=2018-03-13"
    );
}

#[wasm_bindgen_test]
fn warnings_do_not_stop_a_build_but_ride_along_with_errors() {
    // SPEC §1: a well-formed region outside the SDK's endpoint map is a warning.
    let found = problems(SOFTWARE, &format!("Object.assign({SEED000}, {{RegionId: 'us-east-1'}})"));
    assert_eq!(summary(&found), ["RegionId:enum"]);
    assert_eq!(text(&Array::from(&found).get(0), "severity"), "warning");
    let r = seed000_with("RegionId", "'us-east-1'");
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
    assert!(!Reflect::has(&r, &"errors".into()).unwrap());
    let r = build(SOFTWARE, "{RegionId: 'us-east-1'}", FIXED);
    assert!(summary(&get(&r, "errors")).contains(&"RegionId:enum".to_owned()));
}

/// Each misuse: the call, the error class, and a word its message must hold.
const MISUSES: &[(&str, &str, &str, &str, &str)] = &[
    // (function, three arguments, expected "Class: word")
    ("validate", "42", "{}", "undefined", "TypeError: action"),
    ("validate", "undefined", "{}", "undefined", "TypeError: action"),
    ("validate", "new String('CreateSmartAccessGateway')", "{}", "undefined", "TypeError: action"),
    ("validate", "'Nope'", "{}", "undefined", "RangeError: CreateSmartAccessGatewaySoftware"),
    ("describe", "'createsmartaccessgateway'", "undefined", "undefined", "RangeError: unknown action"),
    ("validate", SOFTWARE, "'RegionId=cn-shanghai'", "undefined", "TypeError: params"),
    ("validate", SOFTWARE, "null", "undefined", "TypeError: params"),
    ("validate", SOFTWARE, "[]", "undefined", "TypeError: params"),
    ("validate", SOFTWARE, "new Map([['RegionId', 'cn-shanghai']])", "undefined", "TypeError: params"),
    ("validate", SOFTWARE, "new (class Params { constructor() { this.RegionId = 'x' } })", "undefined", "TypeError: params"),
    ("validate", SOFTWARE, "{}", "'zh-CN'", "TypeError: options"),
    ("validate", SOFTWARE, "{}", "{locale: 'fr'}", "RangeError: options.locale"),
    ("validate", SOFTWARE, "{}", "{locale: 1}", "TypeError: options.locale"),
    ("describe", SOFTWARE, "undefined", "{locale: 'zh-cn'}", "RangeError: options.locale"),
    ("buildRequest", SOFTWARE, SEED000, "undefined", "TypeError: options"),
    ("buildRequest", SOFTWARE, SEED000, "{}", "TypeError: options.accessKeyId"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: null}", "TypeError: got null"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: ''}", "RangeError: options.accessKeyId"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 42}", "TypeError: options.accessKeyId"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'a b'}", "RangeError: options.accessKeyId"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', format: 'YAML'}", "RangeError: options.format"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', method: 'get'}", "RangeError: options.method"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', timestamp: '2016-02-23 12:46:24'}", "RangeError: options.timestamp"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', timestamp: 1456231584000}", "TypeError: a string or a Date"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', nonce: ''}", "RangeError: options.nonce"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', endpoint: 'https://a.com/'}", "RangeError: options.endpoint"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', securityToken: '\\uD800'}", "RangeError: options.securityToken"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', signature: 'v2'}", "RangeError: options.signature"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', signature: 3}", "TypeError: options.signature"),
    ("buildRequest", SOFTWARE, SEED000, "{accessKeyId: 'x', signature: 'v3', format: 'XML'}", "RangeError: options.format"),
    ("sign", "42", "'testsecret'", "undefined", "TypeError: stringToSign"),
    ("sign", "'x'", "undefined", "undefined", "TypeError: accessKeySecret"),
    ("sign", "'x'", "new String('testsecret')", "undefined", "TypeError: accessKeySecret"),
    ("sign", "'x'", "''", "undefined", "RangeError: accessKeySecret"),
    ("sign", "'x'", "'testsecret'", "'V3'", "RangeError: signature"),
    ("sign", "'x'", "'testsecret'", "1", "TypeError: signature"),
    ("signedUrl", "V1_BUILT", "''", "undefined", "RangeError: accessKeySecret"),
    ("signedUrl", "V3_BUILT", "'testsecret'", "undefined", "RangeError: use authorization"),
    ("signedUrl", "'https://h/?a=1'", "'testsecret'", "undefined", "TypeError: built"),
    ("signedUrl", "{ok: false, errors: []}", "'testsecret'", "undefined", "TypeError: built"),
    ("signedUrl", "{...V1_BUILT, url: undefined}", "'testsecret'", "undefined", "TypeError: built.url"),
    ("authorization", "V1_BUILT", "'testsecret'", "undefined", "RangeError: use signedUrl"),
    ("authorization", "{...V3_BUILT, signature: undefined}", "'testsecret'", "undefined", "TypeError: built.signature"),
    ("authorization", "V3_BUILT", "42", "undefined", "TypeError: accessKeySecret"),
    ("parseRequest", "undefined", "undefined", "undefined", "TypeError: request"),
    ("parseRequest", "new URL('https://h/?a=1')", "undefined", "undefined", "TypeError: request"),
    ("parseRequest", "'a=1'", "{accessKeySecret: ''}", "undefined", "RangeError: options.accessKeySecret"),
    ("parseRequest", "'a=1'", "{accessKeySecret: 'k', method: 'PUT'}", "undefined", "RangeError: options.method"),
    ("parseRequest", "'a=1'", "{locale: 'de'}", "undefined", "RangeError: options.locale"),
];

/// Calls `function` with three arguments given as JS source; `V1_BUILT` and
/// `V3_BUILT` in them are SEED000 built with FIXED and FIXED_V3.
fn call(function: &str, a: &str, b: &str, c: &str) -> Result<JsValue, JsValue> {
    let global = js_sys::global();
    Reflect::set(&global, &"V1_BUILT".into(), &build(SOFTWARE, SEED000, FIXED)).unwrap();
    Reflect::set(&global, &"V3_BUILT".into(), &build(SOFTWARE, SEED000, FIXED_V3)).unwrap();
    match function {
        "describe" => describe(&js(a), &js(c)),
        "validate" => validate(&js(a), &js(b), &js(c)),
        "sign" => sign(&js(a), &js(b), &js(c)),
        "signedUrl" => signed_url(&js(a), &js(b)),
        "authorization" => authorization(&js(a), &js(b)),
        "parseRequest" => parse_request(&js(a), &js(b)),
        _ => build_request(&js(a), &js(b), &js(c)),
    }
}

#[wasm_bindgen_test]
fn misuse_throws_an_error_that_names_the_argument() {
    for (function, action, params, options, expected) in MISUSES {
        let (class, word) = expected.split_once(": ").unwrap();
        let (name, message) = thrown(call(function, action, params, options));
        assert_eq!(name, class, "{function}({action}, {params}, {options}): {message}");
        assert!(message.starts_with(&format!("{function}: ")) && message.contains(word), "{message} lacks {word}");
        seed000_ok();
    }
    // The action is checked first: a bad one throws before params or options are read.
    let reads = "(globalThis.READS = [], {get Period() { READS.push('params') }})";
    let options = "{get locale() { READS.push('options') }, get accessKeyId() { READS.push('options') }}";
    for function in ["validate", "buildRequest"] {
        for action in ["'Nope'", "42", "'x'.repeat((1 << 20) + 1)"] {
            let (_, message) = thrown(call(function, action, reads, options));
            assert_eq!(json(&js("READS")), "[]", "{function}({action}) read its arguments: {message}");
        }
    }
}

/// Calls whose arguments run hostile code or are too big to read.
const HOSTILE: &[(&str, &str, &str)] = &[
    ("{get RegionId() { throw new Error('boom') }}", "Error", "params.RegionId threw: boom"),
    ("{get RegionId() { throw 'a string' }}", "Error", "params.RegionId threw a string"),
    ("{get Period() { throw Symbol('s') }}", "Error", "params.Period threw a symbol"),
    ("new Proxy({}, {ownKeys() { throw new TypeError('no keys') }})", "Error", "reading params threw: no keys"),
    ("new Proxy({}, {getPrototypeOf() { throw new Error('no proto') }})", "Error", "reading params threw: no proto"),
    ("new Proxy({a: 1}, {get() { throw new Error('trap') }})", "Error", "params.a threw: trap"),
    ("(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy })()", "Error", "reading params threw"),
    ("Object.fromEntries(Array.from({length: 1001}, (_, i) => ['k' + i, i]))", "RangeError", "1001 keys"),
    ("{BuyerMessage: 'x'.repeat(1 << 20), RegionId: 'y'}", "RangeError", "1048576 UTF-16 code units"),
    ("{['k'.repeat(1 << 20)]: 1, a: 'b'}", "RangeError", "a key of params"),
    ("{get RegionId() { throw new Proxy({}, {get() { throw 1 }}) }}", "Error", "params.RegionId threw an object"),
];

#[wasm_bindgen_test]
fn hostile_params_throw_an_error_and_the_module_stays_right() {
    for (params, class, words) in HOSTILE {
        for function in ["validate", "buildRequest"] {
            let (name, message) = thrown(call(function, SOFTWARE, params, FIXED));
            assert_eq!(name, *class, "{params}: {message}");
            assert!(message.contains(words), "{message} lacks {words}");
            seed000_ok();
        }
    }
    // A thrown value is kept as the cause.
    let e = build_request(&js(SOFTWARE), &js("{get RegionId() { throw new Error('boom') }}"), &js(FIXED)).unwrap_err();
    assert_eq!(text(&get(&e, "cause"), "message"), "boom");
}

#[wasm_bindgen_test]
fn hostile_options_throw_an_error_and_the_module_stays_right() {
    for options in [
        "{get accessKeyId() { throw new Error('boom') }}",
        "{accessKeyId: 'x', get locale() { throw new Error('boom') }}",
        "new Proxy({accessKeyId: 'x'}, {get() { throw new Error('boom') }})",
    ] {
        let (name, message) = thrown(call("buildRequest", SOFTWARE, SEED000, options));
        assert_eq!((name.as_str(), message.contains("threw: boom")), ("Error", true), "{options}: {message}");
        seed000_ok();
    }
    // A Date is read by its own time value: a getTime of the caller's (one that lies or
    // throws) is never called.
    for get_time in ["() => 'soon'", "() => { throw new Error('boom') }"] {
        let options = format!("{{accessKeyId: 'x', timestamp: Object.assign(new Date(0), {{getTime: {get_time}}})}}");
        let r = build(SOFTWARE, SEED000, &options);
        assert_eq!(text(&get(&r, "params"), "Timestamp"), "1970-01-01T00:00:00Z", "{get_time}");
    }
    // Unknown option names are ignored, so one options object can serve validate and buildRequest.
    seed000_ok();
    assert_eq!(json(&validate(&js(SOFTWARE), &js(SEED000), &js(FIXED)).unwrap()), "[]");
}

/// JS source run when dropped, even when the test panics first: it undoes a
/// change to the shared JS realm, so that no other test sees it.
pub(crate) struct Undo(String);

impl Drop for Undo {
    fn drop(&mut self) {
        js(&self.0);
    }
}

mod boundary;
mod hostile;

#[wasm_bindgen_test]
fn sign_gives_alibabas_published_signatures() {
    // SPEC §4: Alibaba's ECS DescribeRegions worked example, V1 the default.
    let describe_regions = "'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1\
%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z\
%26Version%3D2014-05-26'";
    for version in ["undefined", "null", "'v1'"] {
        assert_eq!(sign(&js(describe_regions), &js("'testsecret'"), &js(version)).unwrap(), "OLeaidS1JvxuMvnyHOwuJ+uX5qY=", "{version}");
    }
    // Alibaba's "V3 request structure and signature" page, fixed parameter values.
    let to_sign = "'ACS3-HMAC-SHA256\\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259'";
    assert_eq!(
        sign(&js(to_sign), &js("'YourAccessKeySecret'"), &js("'v3'")).unwrap(),
        "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
    );
}

#[wasm_bindgen_test]
fn v3_build_gives_headers_canonical_request_and_string_to_sign() {
    let r = build(SOFTWARE, SEED000, FIXED_V3);
    assert_eq!((text(&r, "signature"), text(&r, "method"), text(&r, "accessKeyId")), ("v3".into(), "GET".into(), "testid".into()));
    assert_eq!(text(&r, "canonicalRequest"), SEED000_V3_REQUEST);
    assert_eq!(text(&r, "stringToSign"), SEED000_V3_TO_SIGN);
    assert_eq!(text(&r, "hashedPayload"), EMPTY_SHA256);
    assert_eq!(text(&r, "signedHeaders"), "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version");
    let query = "AutoPay=true&ChargeType=PREPAY&DataPlan=5&Period=12&RegionId=cn-shanghai&UserCount=5";
    assert_eq!(text(&r, "canonicalQuery"), query);
    assert_eq!(text(&r, "url"), format!("https://smartag.cn-shanghai.aliyuncs.com/?{query}"));
    assert_eq!(
        json(&get(&r, "params")),
        r#"{"AutoPay":"true","ChargeType":"PREPAY","DataPlan":"5","Period":"12","RegionId":"cn-shanghai","UserCount":"5"}"#
    );
    assert_eq!(
        json(&get(&r, "headers")),
        format!(
            r#"{{"host":"smartag.cn-shanghai.aliyuncs.com","x-acs-action":"CreateSmartAccessGatewaySoftware","x-acs-content-sha256":"{EMPTY_SHA256}","x-acs-date":"2016-02-23T12:46:24Z","x-acs-signature-nonce":"3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf","x-acs-version":"2018-03-13"}}"#
        )
    );
    assert_eq!(
        authorization(&r, &js("'testsecret'")).unwrap(),
        format!(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;\
x-acs-signature-nonce;x-acs-version,Signature={SEED000_V3_SIGNATURE}"
        )
    );
    // V1 stays the default and says so; invalid requests look the same under either signature.
    let v1 = build(SOFTWARE, SEED000, FIXED);
    assert_eq!((text(&v1, "signature"), text(&v1, "method")), ("v1".into(), "GET".into()));
    assert_eq!(json(&v1), json(&build(SOFTWARE, SEED000, &FIXED.replace('}', ", signature: 'v1'}"))));
    let bad = format!("Object.assign({SEED000}, {{UserCount: 7}})");
    assert_eq!(json(&build(SOFTWARE, &bad, FIXED_V3)), json(&build(SOFTWARE, &bad, FIXED)));
}

#[wasm_bindgen_test]
fn signed_url_appends_the_v1_signature() {
    let r = build(SOFTWARE, SEED000, FIXED);
    let url = signed_url(&r, &js("'testsecret'")).unwrap();
    assert_eq!(url, format!("https://smartag.cn-shanghai.aliyuncs.com/?{SEED000_QUERY}&Signature={SEED000_V1_SIGNATURE}"));
    // A result that travelled as JSON signs the same.
    assert_eq!(signed_url(&JSON::parse(&json(&r)).unwrap(), &js("'testsecret'")).unwrap(), url);
}

#[wasm_bindgen_test]
fn parse_reads_a_built_request_back() {
    let r = build(SOFTWARE, SEED000, FIXED);
    for input in [text(&r, "url"), text(&r, "canonicalQuery"), format!("?{}", text(&r, "canonicalQuery"))] {
        let p = parse_request(&input.clone().into(), &JsValue::UNDEFINED).unwrap();
        assert_eq!(get(&p, "ok"), JsValue::TRUE, "{}", json(&p));
        assert_eq!(text(&p, "action"), "CreateSmartAccessGatewaySoftware");
        assert_eq!(json(&get(&p, "problems")), "[]");
        // Typed per the table: the same values a JS caller would pass.
        assert_eq!(
            json(&get(&p, "params")),
            r#"{"AutoPay":true,"ChargeType":"PREPAY","DataPlan":5,"Period":12,"RegionId":"cn-shanghai","UserCount":5}"#
        );
        let common = get(&p, "common");
        assert_eq!((text(&common, "Version"), text(&common, "Timestamp")), ("2018-03-13".into(), "2016-02-23T12:46:24Z".into()));
        assert!(!Reflect::has(&p, &"signatureValid".into()).unwrap());
    }
    let p = parse_request(&get(&r, "url"), &JsValue::UNDEFINED).unwrap();
    assert_eq!(text(&p, "endpoint"), "smartag.cn-shanghai.aliyuncs.com");
    // Back through buildRequest: the very same request.
    let again = build_request(&js(SOFTWARE), &get(&p, "params"), &js(FIXED)).unwrap();
    assert_eq!(json(&again), json(&r));
    // A Long beyond 2^53 stays exact, as a string.
    let p = parse_request(&js("'Action=CreateSmartAccessGatewaySoftware&OwnerId=9007199254740993'"), &JsValue::UNDEFINED).unwrap();
    assert_eq!(text(&get(&p, "params"), "OwnerId"), "9007199254740993");
}

#[wasm_bindgen_test]
fn parse_reports_problems_in_the_asked_locale() {
    let r = build(SOFTWARE, SEED000, FIXED);
    let tampered = text(&r, "url").replace("UserCount=5", "UserCount=7").replace("&Timestamp=2016-02-23T12%3A46%3A24Z", "");
    let p = parse_request(&tampered.clone().into(), &JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&p, "ok"), JsValue::FALSE);
    assert_eq!(summary(&get(&p, "problems")), ["Timestamp:required", "UserCount:multipleOf"]);
    assert_eq!(get(&get(&p, "params"), "UserCount").as_f64(), Some(7.0));
    let zh = parse_request(&tampered.into(), &js("{locale: 'zh-CN'}")).unwrap();
    assert_eq!(summary(&get(&zh, "problems")), ["Timestamp:required", "UserCount:multipleOf"]);
    assert!(Array::from(&get(&zh, "problems")).iter().all(|q| text(&q, "message").contains('。')), "{}", json(&zh));
    // A caller's key is data, never a prototype.
    let p = parse_request(&js("'__proto__=x&constructor=y'"), &JsValue::UNDEFINED).unwrap();
    assert_eq!(json(&get(&p, "params")), r#"{"__proto__":"x","constructor":"y"}"#);
    assert_eq!(text(&get(&p, "params"), "__proto__"), "x");
    assert!(!Reflect::has(&p, &"action".into()).unwrap());
    // An unpaired surrogate in the text is a problem of the pair that holds it (SPEC §3), not a throw.
    let p = parse_request(&js("'OwnerAccount=a\\uD800&Action=CreateSmartAccessGatewaySoftware&x\\uDC00=1'"), &JsValue::UNDEFINED).unwrap();
    assert_eq!(summary(&get(&p, "problems"))[..2], ["OwnerAccount:format", "x\u{FFFD}:format"]);
    assert!(text(&get(&get(&p, "problems"), "0"), "message").contains("unpaired UTF-16 surrogate"), "{}", json(&p));
    assert_eq!(json(&get(&p, "params")), "{}");
    assert_eq!(text(&p, "action"), "CreateSmartAccessGatewaySoftware");
}

#[wasm_bindgen_test]
fn parse_verifies_a_signature_with_the_secret() {
    // Alibaba's DescribeRegions example, finished with its published signature (SPEC §4).
    let published = "'http://ecs.aliyuncs.com/?SignatureVersion=1.0&Action=DescribeRegions&Format=XML\
&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&Version=2014-05-26&AccessKeyId=testid\
&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D&SignatureMethod=HMAC-SHA1&Timestamp=2016-02-23T12%3A46%3A24Z'";
    let valid = |input: &JsValue, options: &str| get(&parse_request(input, &js(options)).unwrap(), "signatureValid");
    assert_eq!(valid(&js(published), "{accessKeySecret: 'testsecret'}"), JsValue::TRUE);
    assert_eq!(valid(&js(published), "{accessKeySecret: 'testsecret', method: 'GET'}"), JsValue::TRUE);
    assert_eq!(valid(&js(published), "{accessKeySecret: 'testsecret', method: 'POST'}"), JsValue::FALSE);
    assert_eq!(valid(&js(published), "{accessKeySecret: 'wrongsecret'}"), JsValue::FALSE);
    let url = signed_url(&build(SOFTWARE, SEED000, FIXED), &js("'testsecret'")).unwrap();
    assert_eq!(valid(&url, "{accessKeySecret: 'testsecret'}"), JsValue::TRUE);
    let tampered = url.as_string().unwrap().replace("UserCount=5", "UserCount=10");
    assert_eq!(valid(&tampered.into(), "{accessKeySecret: 'testsecret'}"), JsValue::FALSE);
    assert_eq!(valid(&get(&build(SOFTWARE, SEED000, FIXED), "url"), "{accessKeySecret: 'testsecret'}"), JsValue::FALSE, "unsigned");
}
