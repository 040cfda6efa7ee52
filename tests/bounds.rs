//! Both sides of every bound in SPEC §1, and the type ranges of SPEC §3.
mod common;
use common::*;
use smartag_request::{build, Built, Input};

fn software_with(key: &str, value: impl Into<Input>) -> Vec<(String, &'static str)> {
    errors(SOFTWARE, &with(seed000(), key, value))
}

#[test]
fn period_accepts_1_to_9_12_24_36_only() {
    for ok in ["1", "9", "12", "24", "36"] {
        assert_eq!(software_with("Period", ok), vec![], "Period {ok}");
    }
    for bad in ["0", "10", "13", "48", "-1"] {
        assert_eq!(software_with("Period", bad), one("Period", "enum"), "Period {bad}");
    }
}

#[test]
fn user_count_is_a_positive_multiple_of_5() {
    assert_eq!(software_with("UserCount", "5"), vec![]);
    assert_eq!(software_with("UserCount", "10"), vec![]);
    assert_eq!(software_with("UserCount", "7"), one("UserCount", "multipleOf"));
    assert_eq!(software_with("UserCount", "0"), one("UserCount", "range"));
    assert_eq!(software_with("UserCount", "-5"), one("UserCount", "range"));
    let found = problems(SOFTWARE, &with(seed000(), "UserCount", "-7"));
    assert_eq!(found.iter().map(|p| p.rule.as_str()).collect::<Vec<_>>(), ["range", "multipleOf"]);
    assert!(found.iter().all(|p| p.code == "SAG.InvalidUserCount"));
}

#[test]
fn data_plan_is_only_5() {
    assert_eq!(software_with("DataPlan", "5"), vec![]);
    for bad in ["4", "6"] {
        let found = problems(SOFTWARE, &with(seed000(), "DataPlan", bad));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].rule.as_str(), found[0].code), ("enum", "SAG.InvalidDataPlan"));
    }
}

#[test]
fn max_bandwidth_bounds_depend_on_hardware_spec() {
    for (spec, ha, min, max) in
        [("sag-100wm", "no_backup", 2, 50), ("sag-1000", "cold_backup", 10, 500), ("sag-vcpe", "warm_backup", 10, 1000)]
    {
        let base = with(with(hardware(), "HardWareSpec", spec), "HaType", ha);
        for ok in [min, max] {
            assert_eq!(errors(HARDWARE, &with(base.clone(), "MaxBandWidth", ok.to_string())), vec![], "{spec} {ok}");
        }
        for bad in [min - 1, max + 1] {
            let found = problems(HARDWARE, &with(base.clone(), "MaxBandWidth", bad.to_string()));
            assert_eq!(found.len(), 1, "{spec} {bad}");
            assert_eq!((found[0].field.as_str(), found[0].rule.as_str()), ("MaxBandWidth", "dependency"));
            assert_eq!(found[0].message, format!("With HardWareSpec {spec}, MaxBandWidth must be between {min} and {max}; got {bad}."));
        }
    }
}

#[test]
fn max_bandwidth_without_a_usable_spec_is_held_to_the_widest_bounds() {
    let base = with(hardware(), "HardWareSpec", "sag-2000");
    assert_eq!(errors(HARDWARE, &with(base.clone(), "MaxBandWidth", "1000")), one("HardWareSpec", "enum"));
    assert_eq!(
        errors(HARDWARE, &with(base, "MaxBandWidth", "1001")),
        vec![("HardWareSpec".into(), "enum"), ("MaxBandWidth".into(), "range")]
    );
}

#[test]
fn vcpe_requires_warm_backup_and_cpe_version_needs_vcpe() {
    let vcpe = with(hardware(), "HardWareSpec", "sag-vcpe");
    assert_eq!(errors(HARDWARE, &vcpe), one("HaType", "dependency"));
    let vcpe = with(with(vcpe, "HaType", "warm_backup"), "CPEVersion", "basic");
    assert_eq!(errors(HARDWARE, &vcpe), vec![]);
    assert_eq!(errors(HARDWARE, &with(hardware(), "CPEVersion", "basic")), one("CPEVersion", "dependency"));
    assert_eq!(errors(HARDWARE, &with(vcpe, "CPEVersion", "pro")), one("CPEVersion", "enum"));
}

#[test]
fn name_and_description_lengths() {
    let name = |n: usize| format!("a{}", "b".repeat(n - 1));
    for (field, max) in [("Name", 128), ("Description", 256)] {
        assert_eq!(errors(HARDWARE, &with(hardware(), field, name(2))), vec![], "{field} 2");
        assert_eq!(errors(HARDWARE, &with(hardware(), field, name(max))), vec![], "{field} {max}");
        assert_eq!(errors(HARDWARE, &with(hardware(), field, name(1))), one(field, "length"), "{field} 1");
        assert_eq!(errors(HARDWARE, &with(hardware(), field, name(max + 1))), one(field, "length"), "{field} {}", max + 1);
    }
    // Characters, not bytes: 128 Chinese characters are 384 UTF-8 bytes.
    assert_eq!(errors(HARDWARE, &with(hardware(), "Name", "网".repeat(128))), vec![]);
    assert_eq!(errors(HARDWARE, &with(hardware(), "Name", "网".repeat(129))), one("Name", "length"));
}

#[test]
fn name_character_rule() {
    for ok in ["test", "网关-1.a_b", "Ab"] {
        assert_eq!(errors(HARDWARE, &with(hardware(), "Name", ok)), vec![], "{ok}");
    }
    for bad in ["1abc", "_abc", "ab c", "ab/c", " ab", "héllo-ok"] {
        assert_eq!(errors(HARDWARE, &with(hardware(), "Name", bad)), one("Name", "format"), "{bad}");
    }
}

#[test]
fn integer_is_32_bit() {
    assert_eq!(errors(HARDWARE, &with(hardware(), "MaxBandWidth", "2147483648")), one("MaxBandWidth", "type"));
    assert_eq!(errors(HARDWARE, &with(hardware(), "MaxBandWidth", Input::Number(2147483648.0))), one("MaxBandWidth", "type"));
    assert_eq!(errors(HARDWARE, &with(hardware(), "MaxBandWidth", Input::BigInt("-2147483649".into()))), one("MaxBandWidth", "type"));
    // In range for the type, out of range for the rule: a range problem, not a type problem.
    assert_eq!(errors(HARDWARE, &with(hardware(), "MaxBandWidth", "2147483647")), one("MaxBandWidth", "dependency"));
}

#[test]
fn long_beyond_2_pow_53_is_exact_as_string_or_bigint() {
    let big = "9007199254740993"; // 2^53 + 1: not representable as a JS number
    for input in [Input::from(big), Input::BigInt(big.into())] {
        let params = with(seed000(), "OwnerId", input);
        let Ok(Built::Ready(r)) = build(SOFTWARE, &params, &options()) else { panic!() };
        assert!(r.canonical_query.contains("&OwnerId=9007199254740993&"), "{}", r.canonical_query);
    }
    assert_eq!(software_with("OwnerId", "9223372036854775807"), vec![]);
    assert_eq!(software_with("OwnerId", "9223372036854775808"), one("OwnerId", "type"));
    // A JS number beyond 2^53 may already have lost digits: refused, never rounded.
    assert_eq!(software_with("OwnerId", Input::Number(9007199254740994.0)), one("OwnerId", "type"));
}

#[test]
fn numbers_are_never_coerced_silently() {
    for bad in [
        Input::from("12.5"),
        Input::from("1e3"),
        Input::from("0x10"),
        Input::from("+12"),
        Input::Number(12.5),
        Input::Number(f64::NAN),
        Input::Number(f64::INFINITY),
    ] {
        assert_eq!(software_with("Period", bad.clone()), one("Period", "type"), "{bad:?}");
    }
    for bad in [Input::Bool(true), Input::Other("an array"), Input::Other("an object"), Input::Other("a function")] {
        assert_eq!(software_with("Period", bad.clone()), one("Period", "type"), "{bad:?}");
    }
    assert_eq!(software_with("Period", Input::Number(12.0)), vec![]);
    assert_eq!(software_with("Period", " 12 "), vec![]);
}

#[test]
fn booleans() {
    for ok in [Input::Bool(true), Input::from("true"), Input::from("false"), Input::from("1"), Input::from("0"), Input::Number(0.0)] {
        assert_eq!(software_with("AutoPay", ok.clone()), vec![], "{ok:?}");
    }
    // Any letter case, as the gateway reads it: Alibaba's Python SDKs send True/False.
    for ok in ["True", "TRUE", "tRuE", "False", "FALSE", " True "] {
        assert_eq!(software_with("AutoPay", ok), vec![], "{ok:?}");
    }
    for bad in [Input::from("yes"), Input::from("on"), Input::from("t"), Input::from("Truee"), Input::Number(2.0), Input::from("2")] {
        assert_eq!(software_with("AutoPay", bad.clone()), one("AutoPay", "type"), "{bad:?}");
    }
}

#[test]
fn empty_missing_and_null_count_as_not_given() {
    for absent in [Input::from(""), Input::Missing, Input::from("   ")] {
        assert_eq!(software_with("Period", absent.clone()), one("Period", "required"), "{absent:?}");
    }
    // An optional field given as "" is not sent at all (the SDKs would send `OwnerAccount=`).
    let Ok(Built::Ready(r)) = build(SOFTWARE, &with(seed000(), "OwnerAccount", ""), &options()) else { panic!() };
    assert!(!r.canonical_query.contains("OwnerAccount"));
}

#[test]
fn free_text_keeps_white_space_and_ids_are_trimmed() {
    let params = with(with(hardware(), "BuyerMessage", "  two  spaces "), "ReceiverEmail", " tony@example.com ");
    let Ok(Built::Ready(r)) = build(HARDWARE, &params, &options()) else { panic!() };
    assert!(r.canonical_query.contains("&BuyerMessage=%20%20two%20%20spaces%20&"));
    assert!(r.canonical_query.contains("&ReceiverEmail=tony%40example.com&"));
}

#[test]
fn unpaired_surrogate_is_a_format_problem() {
    assert_eq!(errors(HARDWARE, &with(hardware(), "BuyerMessage", Input::BadText)), one("BuyerMessage", "format"));
}

#[test]
fn region_ids() {
    for ok in ["cn-shanghai", "ap-southeast-1", "cn-shanghai-finance-1"] {
        assert_eq!(problems(SOFTWARE, &with(seed000(), "RegionId", ok)), vec![], "{ok}");
    }
    let found = problems(SOFTWARE, &with(seed000(), "RegionId", "us-east-1"));
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].rule.as_str(), found[0].severity.as_str()), ("enum", "warning"));
    // 64 characters: one DNS label of the endpoint holds at most 63.
    let long = format!("cn-{}", "a".repeat(61));
    for bad in ["CN-SHANGHAI", "cn_shanghai", "shanghai", "cn-", "-cn", "cn--x", "1cn-shanghai", "cn-shang hai", long.as_str()] {
        assert_eq!(software_with("RegionId", bad), one("RegionId", "format"), "{bad}");
    }
    assert_eq!(problems(SOFTWARE, &with(seed000(), "RegionId", &long[1..])).len(), 1, "63 characters: a warning only");
    let found = problems(SOFTWARE, &with(seed000(), "RegionId", "CN-Shanghai"));
    assert!(found[0].message.ends_with("; did you mean cn-shanghai?"), "{}", found[0].message);
}

#[test]
fn email_format() {
    let bad_ones = ["tony", "tony@", "@example.com", "tony@example", "to ny@example.com", "tony@exa mple.com"];
    for bad in bad_ones.into_iter().chain([".tony@example.com", "tony.@example.com", "to..ny@example.com"]) {
        assert_eq!(errors(HARDWARE, &with(hardware(), "ReceiverEmail", bad)), one("ReceiverEmail", "format"), "{bad}");
    }
    for good in ["tony.stark@example.com", "t.o.n.y+sag@mail.example.com", "张三@例子.公司"] {
        assert_eq!(errors(HARDWARE, &with(hardware(), "ReceiverEmail", good)), vec![], "{good}");
    }
}

#[test]
fn smartag_id_format() {
    let upgrade = form(&[("AutoPay", "true"), ("DataPlan", "5"), ("RegionId", "cn-shanghai"), ("UserCount", "5")]);
    assert_eq!(errors(UPGRADE, &with(upgrade.clone(), "SmartAGId", "sag-0abc9")), vec![]);
    for bad in ["sag-", "SAG-abc", "sag-ABC", "sag_abc", "abc"] {
        assert_eq!(errors(UPGRADE, &with(upgrade.clone(), "SmartAGId", bad)), one("SmartAGId", "format"), "{bad}");
    }
}

#[test]
fn integer_bounds_are_the_same_for_numbers_and_text() {
    // -2^31 is an Integer however it is given: a range problem for UserCount, not a type problem.
    for given in [Input::Number(-2147483648.0), Input::from("-2147483648"), Input::BigInt("-2147483648".into())] {
        let rules: Vec<&str> = problems(SOFTWARE, &with(seed000(), "UserCount", given.clone())).iter().map(|p| p.rule.as_str()).collect();
        assert_eq!(rules, ["range", "multipleOf"], "{given:?}");
    }
    assert_eq!(software_with("UserCount", Input::Number(-2147483649.0)), one("UserCount", "type"));
}

#[test]
fn names_whose_value_is_not_given_are_not_parameters() {
    // SPEC §3: absent, undefined, null and "" count as not given, for any name.
    let params = with(with(with(seed000(), "Foo", Input::Missing), "Signature", ""), "ReceiverName", "");
    assert_eq!(problems(SOFTWARE, &params), vec![]);
    assert_eq!(software_with("Foo", " "), one("Foo", "unknown"));
}

#[test]
fn region_display_names_and_bare_cities_get_the_id_as_a_hint() {
    for (given, id) in
        [("华东2（上海）", "cn-shanghai"), ("US(Virginia)", "us-east-1"), ("China (Hong Kong)", "cn-hongkong"), ("shanghai", "cn-shanghai")]
    {
        let found = problems(SOFTWARE, &with(seed000(), "RegionId", given));
        assert_eq!(found.len(), 1, "{given}");
        assert!(found[0].message.ends_with(&format!("; did you mean {id}?")), "{given}: {}", found[0].message);
    }
}

#[test]
fn band_width_spec_is_held_to_2_to_500_for_both_hardware_actions() {
    // The union of SAG-100WM 2-50 and SAG-1000 10-500: the device model is not in the request,
    // so 1 and 501 are refused, and 51 (too much for a SAG-100WM) is the service's to refuse.
    for (action, example) in [(UPGRADE_HARDWARE, UPGRADE_HARDWARE_EXAMPLE), (DOWNGRADE_HARDWARE, DOWNGRADE_HARDWARE_EXAMPLE)] {
        let base = unmasked(example);
        for ok in ["2", "9", "10", "50", "51", "500", " 500 "] {
            assert_eq!(errors(action, &with(base.clone(), "BandWidthSpec", ok)), vec![], "{action} {ok}");
        }
        for bad in ["1", "501", "0", "-2", "9223372036854775807"] {
            let found = problems(action, &with(base.clone(), "BandWidthSpec", bad));
            assert_eq!(found.len(), 1, "{action} {bad}");
            assert_eq!((found[0].field.as_str(), found[0].rule.as_str(), found[0].code), ("BandWidthSpec", "range", "InvalidParameter"));
        }
        for typed in [Input::Number(2.0), Input::Number(500.0), Input::BigInt("500".into())] {
            assert_eq!(errors(action, &with(base.clone(), "BandWidthSpec", typed.clone())), vec![], "{action} {typed:?}");
        }
        // A Long: beyond its range, or not a whole number, is a type problem.
        for bad in [Input::from("9223372036854775808"), Input::from("3.5"), Input::Number(3.5), Input::from("3 Mbps")] {
            assert_eq!(errors(action, &with(base.clone(), "BandWidthSpec", bad.clone())), one("BandWidthSpec", "type"), "{action} {bad:?}");
        }
        assert_eq!(errors(action, &without(base.clone(), "BandWidthSpec")), one("BandWidthSpec", "required"), "{action}");
        assert_eq!(errors(action, &with(base, "BandWidthSpec", "")), one("BandWidthSpec", "required"), "{action}");
    }
}

#[test]
fn downgrade_software_user_count_and_data_plan() {
    let base = unmasked(DOWNGRADE_SOFTWARE_EXAMPLE);
    let with_value = |key: &str, value: &str| problems(DOWNGRADE_SOFTWARE, &with(base.clone(), key, value));
    for ok in ["5", "10", "2147483645"] {
        assert_eq!(with_value("UserCount", ok), vec![], "UserCount {ok}");
    }
    for (bad, rules) in [("0", &["range"][..]), ("7", &["multipleOf"][..]), ("-5", &["range"][..]), ("-7", &["range", "multipleOf"][..])] {
        let found = with_value("UserCount", bad);
        assert_eq!(found.iter().map(|p| p.rule.as_str()).collect::<Vec<_>>(), rules, "UserCount {bad}");
        assert!(found.iter().all(|p| p.field == "UserCount" && p.code == "SAG.InvalidUserCount"), "UserCount {bad}");
    }
    assert_eq!(with_value("DataPlan", "5"), vec![]);
    for bad in ["4", "6"] {
        let found = with_value("DataPlan", bad);
        assert_eq!(found.len(), 1, "DataPlan {bad}");
        assert_eq!((found[0].rule.as_str(), found[0].code), ("enum", "SAG.InvalidDataPlan"), "DataPlan {bad}");
    }
}

#[test]
fn the_new_actions_require_their_fields_in_table_order() {
    let required = |action: &str| -> Vec<String> { problems(action, &[]).into_iter().map(|p| p.field).collect() };
    assert_eq!(required(UPGRADE_HARDWARE), ["RegionId", "SmartAGId", "AutoPay", "BandWidthSpec"]);
    assert_eq!(required(DOWNGRADE_HARDWARE), ["RegionId", "SmartAGId", "AutoPay", "BandWidthSpec"]);
    assert_eq!(required(DOWNGRADE_SOFTWARE), ["RegionId", "SmartAGId", "AutoPay", "DataPlan", "UserCount"]);
    for action in [UPGRADE_HARDWARE, DOWNGRADE_HARDWARE, DOWNGRADE_SOFTWARE] {
        assert!(problems(action, &[]).iter().all(|p| p.rule.as_str() == "required" && p.code == "MissingParameter"), "{action}");
    }
}

#[test]
fn the_new_actions_take_booleans_region_ids_smartag_ids_and_owners_as_the_others_do() {
    for (action, example) in [
        (UPGRADE_HARDWARE, UPGRADE_HARDWARE_EXAMPLE),
        (DOWNGRADE_HARDWARE, DOWNGRADE_HARDWARE_EXAMPLE),
        (DOWNGRADE_SOFTWARE, DOWNGRADE_SOFTWARE_EXAMPLE),
    ] {
        let base = unmasked(example);
        for ok in [Input::from("0"), Input::from("false"), Input::Bool(true), Input::Number(1.0)] {
            assert_eq!(errors(action, &with(base.clone(), "AutoPay", ok.clone())), vec![], "{action} {ok:?}");
        }
        assert_eq!(errors(action, &with(base.clone(), "AutoPay", "yes")), one("AutoPay", "type"), "{action}");
        assert_eq!(errors(action, &with(base.clone(), "RegionId", "US (Virginia)")), one("RegionId", "format"), "{action}");
        for bad in ["sag-", "SAG-abc", "sag_abc", "abc"] {
            assert_eq!(errors(action, &with(base.clone(), "SmartAGId", bad)), one("SmartAGId", "format"), "{action} {bad}");
        }
        let owners = with(with(with(with(base, "OwnerId", "9007199254740993"), "ResourceOwnerId", "1"), "OwnerAccount", " a "), "x", "");
        assert_eq!(errors(action, &with(owners.clone(), "ResourceOwnerAccount", "b")), vec![], "{action}");
        assert_eq!(errors(action, &with(owners, "OwnerId", "9223372036854775808")), one("OwnerId", "type"), "{action}");
    }
}
