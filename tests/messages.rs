//! SPEC §2: the problem shape, both locales, stable order, the cap.
mod common;
use common::*;
use smartag_request::validate::MAX_PROBLEMS;
use smartag_request::{validate, Input, Locale, Param, Problem};

fn in_both(action: &str, params: &[(String, Input)]) -> (Vec<Problem>, Vec<Problem>) {
    (validate(action, params, Locale::En).unwrap_or_default(), validate(action, params, Locale::ZhCn).unwrap_or_default())
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn spec_example_problem() {
    let (en, zh) = in_both(SOFTWARE, &with(seed000(), "UserCount", "7"));
    let p = &en[0];
    assert_eq!(
        (p.field.as_str(), p.rule.as_str(), p.code, p.severity.as_str()),
        ("UserCount", "multipleOf", "SAG.InvalidUserCount", "error")
    );
    assert_eq!(p.message, "UserCount must be a multiple of 5 (5, 10, 15 ...); got 7.");
    assert_eq!(p.params, vec![("multipleOf", Param::Int(5)), ("value", Param::Int(7))]);
    assert_eq!(zh[0].message, "UserCount 必须是 5 的倍数（5、10、15 ……）；实际为 7。");
    assert_eq!(zh[0].params, p.params);
}

#[test]
fn an_empty_name_is_shown_as_one() {
    let (en, zh) = in_both(SOFTWARE, &with(seed000(), "", "x"));
    assert_eq!((en[0].field.as_str(), en[0].message.as_str()), ("", "\"\" is not a parameter of this action and would not be sent."));
    assert_eq!(zh[0].message, "\"\" 不是本接口的参数，不会被发送。");
}

#[test]
fn near_miss_hint() {
    let (en, zh) = in_both(SOFTWARE, &with(seed000(), "ChargeType", "prepay"));
    assert_eq!(en[0].message, "ChargeType must be PREPAY; got \"prepay\"; did you mean PREPAY?");
    assert!(zh[0].message.contains("您是否想填写 PREPAY？"));
    assert_eq!(en[0].params.last(), Some(&("hint", Param::Str("PREPAY".into()))));
    let (en, _) = in_both(HARDWARE, &with(hardware(), "HaType", "cold-backup"));
    assert!(en[0].message.ends_with("; did you mean cold_backup?"), "{}", en[0].message);
    // Misspelt names: a letter dropped, two letters swapped, two letters missing.
    for (typo, name) in [("Region", "RegionId"), ("Peroid", "Period"), ("UserCnt", "UserCount")] {
        let (en, zh) = in_both(SOFTWARE, &with(seed000(), typo, "5"));
        assert_eq!((en[0].field.as_str(), en[0].rule.as_str()), (typo, "unknown"));
        assert!(en[0].message.ends_with(&format!("; did you mean {name}?")), "{}", en[0].message);
        assert!(zh[0].message.ends_with(&format!("您是否想填写 {name}？")), "{}", zh[0].message);
        assert_eq!(en[0].params.last(), Some(&("hint", Param::Str(name.into()))));
    }
    // The closest name, not the first within two edits: ReceiverName is two away.
    let found = problems(HARDWARE, &with(without(hardware(), "ReceiverState"), "ReceiverSate", "CA"));
    let unknown = found.iter().find(|p| p.field == "ReceiverSate").map(|p| p.message.as_str()).unwrap_or_default();
    assert!(unknown.ends_with("; did you mean ReceiverState?"), "{unknown}");
    // Nothing near, or a short word two edits from a name (`Date`, `Name`): no hint.
    for far in ["Colour", "Date", "Age"] {
        let (en, _) = in_both(HARDWARE, &with(hardware(), far, "red"));
        let unknown = en.iter().find(|p| p.field == far).map(|p| p.message.as_str()).unwrap_or_default();
        assert!(unknown.ends_with("would not be sent."), "{unknown}");
    }
}

/// One request that trips every kind of problem the validator knows.
fn everything_wrong() -> Vec<(String, Input)> {
    let mut p = form(&[
        ("Action", "Nope"),
        ("RegionId", "US (Virginia)"),
        ("BuyerMessage", ""),
        ("ChargeType", "PayOnDemand"),
        ("HardWareSpec", "sag-vcpe"),
        ("HaType", "no_backup"),
        ("MaxBandWidth", "5"),
        ("Period", "13"),
        ("ReceiverEmail", "nobody"),
        ("Name", "1"),
        ("CPEVersion", "pro"),
        ("Signature", "x"),
        ("Colour", "red"),
    ]);
    p.push(("AutoPay".into(), Input::from("maybe")));
    p.push(("ReceiverName".into(), Input::BadText));
    p.push(("Description".into(), Input::from("d".repeat(5000))));
    p
}

#[test]
fn every_problem_has_a_message_in_both_locales() {
    let (en, zh) = in_both(HARDWARE, &everything_wrong());
    assert_eq!(en.len(), zh.len());
    let mut rules: Vec<&str> = en.iter().map(|p| p.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    assert_eq!(rules, ["dependency", "enum", "format", "length", "required", "reserved", "type", "unknown"]);
    for (e, z) in en.iter().zip(&zh) {
        assert_eq!((&e.field, e.rule, e.code, &e.params, e.severity), (&z.field, z.rule, z.code, &z.params, z.severity));
        assert!(e.message.ends_with('.') || e.message.ends_with('?'), "{}", e.message);
        assert!(!has_chinese(&e.message), "{}", e.message);
        assert!(has_chinese(&z.message), "{}", z.message);
        assert!(e.message.contains(&e.field) && z.message.contains(&z.field));
    }
    let warnings = validate(SOFTWARE, &with(seed000(), "RegionId", "us-east-1"), Locale::ZhCn).unwrap_or_default();
    assert!(has_chinese(&warnings[0].message) && warnings[0].message.contains("us-east-1"));
}

#[test]
fn problems_come_in_table_order_then_rule_order() {
    let (en, _) = in_both(HARDWARE, &everything_wrong());
    let got: Vec<(&str, &str)> = en.iter().map(|p| (p.field.as_str(), p.rule.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Action", "enum"),
            ("RegionId", "format"),
            ("AutoPay", "type"),
            ("BuyerMessage", "required"),
            ("ChargeType", "enum"),
            ("HaType", "dependency"),
            ("MaxBandWidth", "dependency"),
            ("Period", "enum"),
            ("ReceiverName", "format"),
            ("ReceiverMobile", "required"),
            ("ReceiverEmail", "format"),
            ("ReceiverCountry", "required"),
            ("ReceiverState", "required"),
            ("ReceiverCity", "required"),
            ("ReceiverDistrict", "required"),
            ("ReceiverTown", "required"),
            ("ReceiverAddress", "required"),
            ("ReceiverZip", "required"),
            ("Name", "format"),
            ("Name", "length"),
            ("Description", "length"),
            ("CPEVersion", "enum"),
            ("Colour", "unknown"),
            ("Signature", "reserved"),
        ]
    );
    // The caller's key order does not matter.
    let mut reversed = everything_wrong();
    reversed.reverse();
    assert_eq!(validate(HARDWARE, &reversed, Locale::En).unwrap_or_default(), en);
}

#[test]
fn problem_count_is_capped() {
    let many: Vec<(String, Input)> = (0..10_000).map(|i| (format!("Extra{i:05}"), Input::from("x"))).collect();
    let found = problems(SOFTWARE, &many);
    assert_eq!(found.len(), MAX_PROBLEMS);
    assert_eq!(found[0].field, "RegionId"); // table fields first, then the unknown names
}

#[test]
fn unknown_action_is_misuse_not_a_problem() {
    assert!(validate("createsmartaccessgateway", &hardware(), Locale::En).is_err());
}

#[test]
fn a_type_problem_carries_the_value_as_given() {
    let value = |input: Input| problems(SOFTWARE, &with(seed000(), "Period", input)).remove(0).params;
    assert_eq!(value(Input::from("12.5")), vec![("expected", Param::Str("Integer".into())), ("value", Param::Str("12.5".into()))]);
    assert_eq!(value(Input::Number(12.5))[1], ("value", Param::Num(12.5)));
    assert_eq!(value(Input::Number(2147483648.0))[1], ("value", Param::Int(2147483648)));
    assert_eq!(value(Input::Bool(true))[1], ("value", Param::Bool(true)));
    // The message quotes text and spells numbers as JS does.
    assert_eq!(
        problems(SOFTWARE, &with(seed000(), "Period", "12.5"))[0].message,
        "Period must be a whole number from -2147483648 to 2147483647; got \"12.5\"."
    );
}

#[test]
fn chinese_messages_describe_non_text_values_in_chinese() {
    let (_, zh) = in_both(SOFTWARE, &with(seed000(), "AutoPay", Input::Other("an array")));
    assert_eq!(zh[0].message, "AutoPay 必须是 true 或 false；实际为 数组。");
}

#[test]
fn nan_and_infinity_are_spelled_as_js_spells_them() {
    let value = |n: f64| problems(SOFTWARE, &with(seed000(), "AutoPay", Input::Number(n))).remove(0).params.remove(1);
    assert_eq!(value(f64::NAN), ("value", Param::Str("NaN".into())));
    assert_eq!(value(f64::NEG_INFINITY), ("value", Param::Str("-Infinity".into())));
}

#[test]
fn band_width_spec_message_names_each_model_and_the_direction() {
    for (action, example) in [(UPGRADE_HARDWARE, UPGRADE_HARDWARE_EXAMPLE), (DOWNGRADE_HARDWARE, DOWNGRADE_HARDWARE_EXAMPLE)] {
        for got in [1, 501] {
            let params = vec![
                ("min", Param::Int(2)),
                ("max", Param::Int(500)),
                ("value", Param::Int(got)),
                ("models", Param::Strs(vec!["SAG-100WM", "SAG-1000"])),
                ("modelMin", Param::Ints(vec![2, 10])),
                ("modelMax", Param::Ints(vec![50, 500])),
            ];
            let (en, zh) = in_both(action, &with(unmasked(example), "BandWidthSpec", got.to_string()));
            assert_eq!(en.len(), 1, "{action} {got}");
            assert_eq!(
                en[0].message,
                format!(
                    "BandWidthSpec must be between 2 and 500 Mbit/s, by the instance's device model (SAG-100WM 2 to 50, SAG-1000 10 to 500); \
                     got {got}. An upgrade must raise the current bandwidth and a downgrade must lower it, which only the service checks."
                )
            );
            assert_eq!(
                zh[0].message,
                format!(
                    "BandWidthSpec 的取值范围为 2~500 Mbit/s，具体取决于实例的设备型号（SAG-100WM：2~50；SAG-1000：10~500）；实际为 {got}。\
                     升级时必须高于当前带宽，降级时必须低于当前带宽，这一点仅由服务端检查。"
                )
            );
            assert_eq!(en[0].params, params, "{action} {got}");
            assert_eq!((&zh[0].params, zh[0].rule, zh[0].code), (&en[0].params, en[0].rule, en[0].code));
        }
    }
}

#[test]
fn downgrade_software_problems_in_both_locales() {
    let (en, zh) = in_both(DOWNGRADE_SOFTWARE, &with(with(unmasked(DOWNGRADE_SOFTWARE_EXAMPLE), "UserCount", "7"), "DataPlan", "6"));
    let got: Vec<(&str, &str, &str)> = en.iter().map(|p| (p.field.as_str(), p.rule.as_str(), p.code)).collect();
    // Table order: DataPlan comes before UserCount in this action's table (the page's order).
    assert_eq!(got, [("DataPlan", "enum", "SAG.InvalidDataPlan"), ("UserCount", "multipleOf", "SAG.InvalidUserCount")]);
    assert_eq!(en[0].message, "DataPlan must be 5; got 6.");
    assert_eq!(zh[0].message, "DataPlan 必须为 5；实际为 6。");
    assert_eq!(en[1].message, "UserCount must be a multiple of 5 (5, 10, 15 ...); got 7.");
    assert_eq!(zh[1].message, "UserCount 必须是 5 的倍数（5、10、15 ……）；实际为 7。");
    let (en, zh) = in_both(DOWNGRADE_SOFTWARE, &with(unmasked(DOWNGRADE_SOFTWARE_EXAMPLE), "UserCount", "0"));
    assert_eq!(
        (en[0].message.as_str(), zh[0].message.as_str()),
        ("UserCount must be at least 5; got 0.", "UserCount 不能小于 5；实际为 0。")
    );
}

/// Every kind of problem a new action's table can give, in one request.
fn family_all_wrong(action: &str) -> Vec<(String, Input)> {
    let mut p = form(&[
        ("Action", "UpgradeSmartAccessGatewaySoftware"),
        ("RegionId", "China (Hangzhou)"),
        ("SmartAGId", "sag-d3m51apgw4po******"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Colour", "red"),
    ]);
    p.push(("AutoPay".into(), Input::from("maybe")));
    p.push(("OwnerAccount".into(), Input::BadText));
    if action == DOWNGRADE_SOFTWARE {
        p.extend(form(&[("DataPlan", "10"), ("UserCount", "-3"), ("BandWidthSpec", "20")]));
    } else {
        p.extend(form(&[("BandWidthSpec", "1000"), ("UserCount", "5")]));
    }
    p
}

#[test]
fn the_new_actions_problems_in_both_locales_and_in_order() {
    let expected: [(&str, &[(&str, &str)]); 3] = [
        (
            UPGRADE_HARDWARE,
            &[
                ("Action", "enum"),
                ("RegionId", "format"),
                ("SmartAGId", "format"),
                ("AutoPay", "type"),
                ("BandWidthSpec", "range"),
                ("OwnerAccount", "format"),
                ("Colour", "unknown"),
                ("Timestamp", "reserved"),
                ("UserCount", "unknown"),
            ],
        ),
        (
            DOWNGRADE_HARDWARE,
            &[
                ("Action", "enum"),
                ("RegionId", "format"),
                ("SmartAGId", "format"),
                ("AutoPay", "type"),
                ("BandWidthSpec", "range"),
                ("OwnerAccount", "format"),
                ("Colour", "unknown"),
                ("Timestamp", "reserved"),
                ("UserCount", "unknown"),
            ],
        ),
        (
            DOWNGRADE_SOFTWARE,
            &[
                ("Action", "enum"),
                ("RegionId", "format"),
                ("SmartAGId", "format"),
                ("AutoPay", "type"),
                ("DataPlan", "enum"),
                ("UserCount", "range"),
                ("UserCount", "multipleOf"),
                ("OwnerAccount", "format"),
                ("BandWidthSpec", "unknown"),
                ("Colour", "unknown"),
                ("Timestamp", "reserved"),
            ],
        ),
    ];
    for (action, rules) in expected {
        let (en, zh) = in_both(action, &family_all_wrong(action));
        let got: Vec<(&str, &str)> = en.iter().map(|p| (p.field.as_str(), p.rule.as_str())).collect();
        assert_eq!(got, rules, "{action}");
        assert_eq!(en.len(), zh.len());
        for (e, z) in en.iter().zip(&zh) {
            assert_eq!((&e.field, e.rule, e.code, &e.params, e.severity), (&z.field, z.rule, z.code, &z.params, z.severity));
            assert!(e.message.ends_with('.') || e.message.ends_with('?'), "{}", e.message);
            assert!(!has_chinese(&e.message), "{}", e.message);
            assert!(has_chinese(&z.message), "{}", z.message);
            assert!(e.message.contains(&e.field) && z.message.contains(&z.field));
        }
        // The region display name gets its ID as a hint; the masked ID is called masked.
        assert!(en[1].message.ends_with("; did you mean cn-hangzhou?"), "{}", en[1].message);
        assert!(en[2].message.contains("masked"), "{}", en[2].message);
        // The caller's key order does not matter.
        let mut reversed = family_all_wrong(action);
        reversed.reverse();
        assert_eq!(validate(action, &reversed, Locale::En).unwrap_or_default(), en, "{action}");
    }
}
