//! Issue 5's hostile JS inputs, one by one: each gets a clear problem or a real
//! `Error`, and the next valid call still gives the right answer (`seed000_ok`).

use super::*;

/// Params objects with odd keys: `[fields of the problems]` expected, each checked
/// by hand against SPEC §2 (unknown names sorted by bytes, never sent).
#[wasm_bindgen_test]
fn prototype_like_keys_are_plain_unknown_names() {
    let odd =
        format!("Object.assign(JSON.parse('{{\"__proto__\": 1}}'), {SEED000}, {{constructor: 'x', prototype: 'y', hasOwnProperty: 'z'}})");
    assert_eq!(
        summary(&problems(SOFTWARE, &odd)),
        ["__proto__:unknown", "constructor:unknown", "hasOwnProperty:unknown", "prototype:unknown"]
    );
    let r = build(SOFTWARE, &odd, FIXED);
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
    seed000_ok();
    // The module never touched Object.prototype.
    assert_eq!(js("({}).RegionId"), JsValue::UNDEFINED);
}

#[wasm_bindgen_test]
fn symbols_as_values_are_type_problems_and_symbol_keys_are_not_parameters() {
    assert_eq!(summary(&get(&seed000_with("RegionId", "Symbol('cn-shanghai')"), "errors")), ["RegionId:type"]);
    assert_eq!(summary(&get(&seed000_with("AutoPay", "Symbol.iterator"), "errors")), ["AutoPay:type"]);
    let keyed = format!("Object.assign({SEED000}, {{[Symbol('Signature')]: 'x'}})");
    assert_eq!(text(&build(SOFTWARE, &keyed, FIXED), "canonicalQuery"), SEED000_QUERY);
}

#[wasm_bindgen_test]
fn ten_megabyte_strings_and_a_hundred_thousand_keys_are_refused_quickly() {
    let (name, message) = thrown(call("buildRequest", HARDWARE, "{BuyerMessage: 'x'.repeat(10 * 1024 * 1024)}", FIXED));
    assert_eq!(name, "RangeError", "{message}");
    seed000_ok();
    let (name, message) =
        thrown(call("validate", SOFTWARE, "Object.fromEntries(Array.from({length: 100000}, (_, i) => ['k' + i, 'v']))", "{}"));
    assert_eq!(name, "RangeError", "{message}");
    assert!(message.contains("100000 keys"), "{message}");
    seed000_ok();
    // Just under the caps is data, not misuse: the long value is a length problem.
    let long = problems(HARDWARE, "{BuyerMessage: 'x'.repeat(5000)}");
    assert!(summary(&long).contains(&"BuyerMessage:length".to_owned()), "{:?}", summary(&long));
    // A million three-byte characters: a 3 MB packing crosses whole, and the next call is right.
    let wide = problems(HARDWARE, "{BuyerMessage: '张'.repeat(1000000)}");
    assert!(json(&wide).contains("got 1000000."), "{}", json(&wide));
    seed000_ok();
}

#[wasm_bindgen_test]
fn nul_bytes_are_text_and_percent_encoded() {
    let r = build(HARDWARE, &hardware_with("BuyerMessage", "'a\\u0000b'"), FIXED);
    assert!(text(&r, "canonicalQuery").contains("&BuyerMessage=a%00b&"), "{}", json(&r));
}

#[wasm_bindgen_test]
fn lone_surrogates_anywhere_are_refused_never_replaced() {
    for value in ["'\\uD800'", "'a\\uDC00b'", "'\\uDBFF'.repeat(3)"] {
        let found = get(&build(HARDWARE, &hardware_with("BuyerMessage", value), FIXED), "errors");
        assert_eq!(summary(&found), ["BuyerMessage:format"], "{value}");
    }
    // A correct pair is one character (U+1F600), sent as its four UTF-8 bytes.
    let r = build(HARDWARE, &hardware_with("BuyerMessage", "'\\uD83D\\uDE00'"), FIXED);
    assert!(text(&r, "canonicalQuery").contains("&BuyerMessage=%F0%9F%98%80&"));
    seed000_ok();
}

#[wasm_bindgen_test]
fn out_of_range_bigints_minus_zero_nan_and_infinity() {
    for (key, value, rule) in [
        ("UserCount", "2n ** 31n", "UserCount:type"),
        ("UserCount", "-(2n ** 31n) - 1n", "UserCount:type"),
        ("DataPlan", "2n ** 63n", "DataPlan:type"),
        ("OwnerId", "-(2n ** 63n) - 1n", "OwnerId:type"),
        ("Period", "NaN", "Period:type"),
        ("Period", "Infinity", "Period:type"),
        ("Period", "-Infinity", "Period:type"),
        ("UserCount", "-0", "UserCount:range"),
    ] {
        assert_eq!(summary(&get(&seed000_with(key, value), "errors")), [rule], "{key}: {value}");
    }
    // The extremes that fit are written exactly.
    let r = seed000_with("OwnerId", "-(2n ** 63n)");
    assert!(text(&r, "canonicalQuery").contains("&OwnerId=-9223372036854775808&"), "{}", json(&r));
    seed000_ok();
}

#[wasm_bindgen_test]
fn frozen_sealed_and_null_prototype_objects_are_read_like_any_other() {
    for wrap in [
        "Object.freeze({SEED})",
        "Object.seal({SEED})",
        "Object.assign(Object.create(null), {SEED})",
        "Object.freeze(Object.assign(Object.create(null), {SEED}))",
    ] {
        let params = wrap.replace("{SEED}", SEED000);
        assert_eq!(text(&build(SOFTWARE, &params, FIXED), "canonicalQuery"), SEED000_QUERY, "{wrap}");
    }
    // Frozen options too.
    assert_eq!(text(&build(SOFTWARE, SEED000, &format!("Object.freeze({FIXED})")), "canonicalQuery"), SEED000_QUERY);
}

#[wasm_bindgen_test]
fn options_of_the_wrong_shape_throw() {
    for options in [
        "42",
        "'testid'",
        "[]",
        "() => ({accessKeyId: 'x'})",
        "{accessKeyId: ['testid']}",
        "{accessKeyId: 'x', locale: ['en']}",
        "{accessKeyId: 'x', method: 1}",
    ] {
        let (name, message) = thrown(call("buildRequest", SOFTWARE, SEED000, options));
        assert!(name == "TypeError" || name == "RangeError", "{options}: {name} {message}");
        seed000_ok();
    }
}

/// Values that try to smuggle parameters into the query: the request carries the
/// same keys whatever they hold, and each value decodes back to itself.
#[wasm_bindgen_test]
fn values_cannot_smuggle_parameters() {
    let smuggle = ["a&Signature=x", "x=1&AccessKeyId=evil", "#frag", "?q=1", "100%", "a+b", "line\\nbreak", "&&==", "%26Signature%3D"];
    let expected_keys = |r: &JsValue| -> Vec<String> {
        js_sys::Object::keys(get(r, "params").unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()).collect()
    };
    let base = build(HARDWARE, &hardware_with("BuyerMessage", "'plain'"), FIXED);
    for value in smuggle {
        let r = build(HARDWARE, &hardware_with("BuyerMessage", &format!("'{value}'")), FIXED);
        assert_eq!(expected_keys(&r), expected_keys(&base), "{value}");
        let query = text(&r, "canonicalQuery");
        assert_eq!(query.split('&').count(), text(&base, "canonicalQuery").split('&').count(), "{value}");
        let sent = query.split('&').find_map(|pair| pair.strip_prefix("BuyerMessage=")).unwrap_or_default();
        let decoded = js_sys::decode_uri_component(sent).map(String::from).unwrap_or_default();
        assert_eq!(decoded, value.replace("\\n", "\n"), "{value}");
        // Only the two separators of `GET&%2F&...` stay raw; no fragment can start in the URL.
        assert_eq!(text(&r, "stringToSign").matches('&').count(), 2, "{value}");
        assert!(!text(&r, "url").contains('#'), "{value}");
    }
}

/// A valid hardware order (seed 003's examples with a region ID and an e-mail) with one value replaced.
fn hardware_with(key: &str, value: &str) -> String {
    format!(
        "Object.assign({{RegionId: 'cn-shanghai', AutoPay: true, BuyerMessage: 'pls. deliver asap', ChargeType: 'PREPAY', \
         HaType: 'no_backup', HardWareSpec: 'sag-100wm', MaxBandWidth: 12, Period: 12, ReceiverAddress: 'Room XX, XX Building', \
         ReceiverCity: 'Long Beach', ReceiverCountry: 'US', ReceiverDistrict: 'Queen District', ReceiverEmail: 'tony@example.com', \
         ReceiverMobile: '13900000000', ReceiverName: 'Tony', ReceiverState: 'California', ReceiverTown: 'Fairy Town', \
         ReceiverZip: '310000'}}, {{{key}: {value}}})"
    )
}

/// A getter, of params or of options, that calls the module while the outer call's
/// arguments are being read: each call reads its own arguments.
#[wasm_bindgen_test]
fn a_getter_that_calls_the_module_leaves_the_outer_call_its_own_arguments() {
    // The inner calls: a packing over the module's first buffer (taken in a second
    // step), then seed000's build.
    let inner = Closure::<dyn Fn() -> JsValue>::new(|| {
        let long = problems(HARDWARE, "{BuyerMessage: 'x'.repeat(5000)}");
        assert!(summary(&long).contains(&"BuyerMessage:length".to_owned()), "{:?}", summary(&long));
        build(SOFTWARE, SEED000, FIXED)
    });
    let global = js_sys::global();
    Reflect::set(&global, &"INNER".into(), inner.as_ref()).unwrap();
    let params = "{RegionId: 'cn-hangzhou', Period: 24, AutoPay: false, \
                  get ChargeType() { globalThis.FROM_PARAMS = INNER(); return 'PREPAY' }, UserCount: 10, DataPlan: 5}";
    let options =
        "{accessKeyId: 'outer', get nonce() { globalThis.FROM_OPTIONS = INNER(); return 'n-1' }, timestamp: '2016-02-23T12:46:24Z'}";
    // SPEC §4: every parameter, sorted by name in byte order.
    let expected = "AccessKeyId=outer&Action=CreateSmartAccessGatewaySoftware&AutoPay=false&ChargeType=PREPAY&DataPlan=5\
                    &Format=JSON&Period=24&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=n-1\
                    &SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&UserCount=10&Version=2018-03-13";
    assert_eq!(text(&build(SOFTWARE, params, options), "canonicalQuery"), expected);
    for name in ["FROM_PARAMS", "FROM_OPTIONS"] {
        assert_eq!(text(&get(&global, name), "canonicalQuery"), SEED000_QUERY, "{name}");
    }
    seed000_ok();
    // A getter that grows the module's memory (which detaches every view of it) and
    // then throws: the call throws its own Error all the same.
    Reflect::set(&global, &"MEMORY".into(), &wasm_bindgen::memory()).unwrap();
    let (name, message) = thrown(call(
        "buildRequest",
        SOFTWARE,
        "{RegionId: 'cn-shanghai', get Period() { MEMORY.grow(1); throw new Error('boom') }}",
        FIXED,
    ));
    assert_eq!((name.as_str(), message.as_str()), ("Error", "buildRequest: reading params.Period threw: boom"));
    seed000_ok();
}

/// Accessors on `Object.prototype` named like a problem's params (a polluted page)
/// are never run: results are made with own properties only (`JSON.parse`), so
/// the problems come out whole and the module stays usable.
#[wasm_bindgen_test]
fn accessors_on_object_prototype_are_never_run_by_results() {
    let names = [
        "multipleOf",
        "value",
        "allowed",
        "hint",
        "field",
        "params",
        "ok",
        "errors",
        "problems",
        "RegionId",
        "AccessKeyId",
        "Timestamp",
        "canonicalQuery",
        "url",
    ];
    let install = format!(
        "(() => {{ globalThis.__setterRuns = 0; for (const k of {names:?}) Object.defineProperty(Object.prototype, k, \
         {{ __proto__: null, configurable: true, get() {{ return 'polluted'; }}, set() {{ globalThis.__setterRuns++; throw new Error('setter ' + k); }} }}) }})()"
    );
    let removed = Undo(format!("(() => {{ for (const k of {names:?}) delete Object.prototype[k]; }})()"));
    js(&install);
    // Many calls: a throw through the module on each would exhaust it.
    let mut found = Vec::new();
    for _ in 0..500 {
        found.push(json(&problems(SOFTWARE, "{UserCount: 7}")));
    }
    let built = build(SOFTWARE, "{UserCount: 7}", FIXED);
    // A set of keys not built before, so that its template is made while polluted.
    let valid = build(SOFTWARE, &format!("Object.assign({SEED000}, {{OwnerId: '7'}})"), FIXED);
    let parsed = parse_request(&js("'Action=CreateSmartAccessGatewaySoftware&UserCount=7'"), &JsValue::UNDEFINED).unwrap();
    drop(removed);
    let runs = js("globalThis.__setterRuns");
    assert_eq!(runs.as_f64(), Some(0.0), "no setter ran");
    assert!(found.iter().all(|f| f.contains(r#""params":{"multipleOf":5,"value":7},"severity":"error""#)), "{}", found[0]);
    assert_eq!(get(&built, "ok"), JsValue::FALSE);
    assert!(json(&get(&built, "errors")).contains(r#""multipleOf":5,"value":7"#));
    assert!(json(&get(&parsed, "problems")).contains(r#""multipleOf":5,"value":7"#));
    assert_eq!(text(&valid, "canonicalQuery"), SEED000_QUERY.replace("Format=JSON", "Format=JSON&OwnerId=7"));
    let params = json(&get(&valid, "params"));
    assert!(params.contains(r#""AccessKeyId":"testid""#) && params.contains(r#""Timestamp":"2016-02-23T12:46:24Z""#), "{params}");
    seed000_ok();
}

/// What throws while a result is made in JS (here a replaced `JSON.parse` or
/// `String.prototype.indexOf`) becomes the call's `Error` instead of unwinding
/// through the module: after 2,000 of them, it still works.
/// The boundary takes `JSON.parse`, `crypto`, `Date` and `String.prototype` from the
/// realm when it loads (js/boundary.js): a page that replaces them later changes
/// no result, and nothing it installed runs.
#[wasm_bindgen_test]
fn globals_replaced_after_load_change_no_result() {
    let restored = Undo(
        "(() => { const s = globalThis.__saved; JSON.parse = s.parse; globalThis.Date = s.Date; \
         Object.defineProperty(globalThis, 'crypto', s.crypto); String.prototype.slice = s.slice; \
         String.prototype.indexOf = s.indexOf; delete globalThis.__saved; })()"
            .to_owned(),
    );
    js("(() => { globalThis.__saved = {parse: JSON.parse, Date, slice: String.prototype.slice, \
        indexOf: String.prototype.indexOf, crypto: Object.getOwnPropertyDescriptor(globalThis, 'crypto')}; \
        const tampered = () => { throw new Error('tampered') }; \
        JSON.parse = String.prototype.slice = String.prototype.indexOf = tampered; \
        globalThis.Date = Object.assign(tampered, {now: tampered}); \
        Object.defineProperty(globalThis, 'crypto', {value: {getRandomValues: tampered}, configurable: true, writable: true}); })()");
    let no_nonce = "{accessKeyId: 'testid'}";
    let (found, built, v3, spec, parsed) = (
        validate(&js(SOFTWARE), &js("{UserCount: 7}"), &JsValue::UNDEFINED),
        build_request(&js(SOFTWARE), &js(SEED000), &js(no_nonce)),
        build_request(&js(SOFTWARE), &js(SEED000), &js(FIXED_V3)),
        describe(&js(UPGRADE), &JsValue::UNDEFINED),
        parse_request(&js("'Action=CreateSmartAccessGatewaySoftware'"), &JsValue::UNDEFINED),
    );
    drop(restored);
    assert_eq!(json(&found.expect("problems")).matches("multipleOf").count(), 2);
    // A fresh nonce and the current time, from the crypto and Date the module loaded with.
    let params = get(&built.expect("built"), "params");
    assert!(js_sys::RegExp::new("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", "")
        .test(&text(&params, "SignatureNonce")));
    assert!(text(&params, "Timestamp").starts_with("20"), "{}", json(&params));
    assert_eq!(text(&v3.expect("v3"), "stringToSign"), SEED000_V3_TO_SIGN);
    assert_eq!(text(&spec.expect("spec"), "action"), "UpgradeSmartAccessGatewaySoftware");
    assert_eq!(text(&parsed.expect("parsed"), "action"), "CreateSmartAccessGatewaySoftware");
    seed000_ok();
}

#[wasm_bindgen_test]
fn a_polluted_object_prototype_sets_no_option() {
    // Nothing between the pollution and its removal can panic, which would leave it for later tests.
    let polluted = "{accessKeyId: 'evil', endpoint: 'evil.example', signature: 'v3', nonce: 'evil', timestamp: 'evil', \
        format: 'XML', method: 'POST', securityToken: 'evil', locale: 'zh-CN', accessKeySecret: 'testsecret'}";
    js_sys::eval(&format!("Object.assign(Object.prototype, {polluted})")).unwrap();
    let built = build_request(&js(SOFTWARE), &js(SEED000), &js(FIXED));
    let no_key = build_request(&js(SOFTWARE), &js(SEED000), &js("{}"));
    let found = validate(&js(SOFTWARE), &js("{UserCount: 7}"), &js("{}"));
    let spec = describe(&js(SOFTWARE), &js("{}"));
    let parsed = parse_request(&js("'Action=CreateSmartAccessGatewaySoftware'"), &js("{}"));
    js_sys::eval(&format!("for (const k of Object.keys({polluted})) delete Object.prototype[k]")).unwrap();
    // Only the caller's own options count (SEED000 built with FIXED, worked out by hand).
    let built = built.expect("no misuse");
    assert_eq!((text(&built, "canonicalQuery"), text(&built, "stringToSign")), (SEED000_QUERY.to_owned(), SEED000_TO_SIGN.to_owned()));
    assert!(text(&built, "url").starts_with("https://smartag.cn-shanghai.aliyuncs.com/?"));
    assert!(thrown(no_key).1.contains("accessKeyId"));
    let found = json(&found.expect("problems"));
    assert!(found.contains("UserCount must be") && found.is_ascii(), "validate read an inherited locale: {found}");
    assert!(!json(&spec.expect("the spec")).contains("创建"), "describe read an inherited locale");
    assert!(!Reflect::has(&parsed.expect("parsed"), &"signatureValid".into()).unwrap());
    seed000_ok();
}
