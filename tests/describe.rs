//! `describe` reads the rule tables: what a form needs, in both locales.
use smartag_request::describe::{describe, Dependency};
use smartag_request::rules::{Check, ACTIONS};
use smartag_request::Locale;

#[test]
fn every_field_has_at_most_one_rule_that_reads_another_field() {
    // `describe` exposes a single `dependency` per field; a second one would be lost.
    for action in ACTIONS {
        for field in action.fields {
            let reading =
                field.checks.iter().filter(|c| matches!(c, Check::RangeBy { .. } | Check::RequiredWhen { .. } | Check::OnlyWith { .. }));
            assert!(reading.count() <= 1, "{}.{}", action.name, field.name);
        }
    }
}

#[test]
fn hardware_fields_as_a_form_sees_them() {
    let hardware = ACTIONS.iter().copied().find(|a| a.name == "CreateSmartAccessGateway").expect("hardware action");
    let (en, zh) = (describe(hardware, Locale::En), describe(hardware, Locale::ZhCn));
    let field =
        |spec: &smartag_request::describe::ActionSpec, name: &str| spec.fields.iter().find(|f| f.name == name).cloned().expect(name);
    let bandwidth = field(&en, "MaxBandWidth");
    assert_eq!((bandwidth.min, bandwidth.max, bandwidth.required), (Some(2), Some(1000), true));
    assert!(matches!(bandwidth.dependency, Some(Dependency::RangeBy { field: "HardWareSpec", .. })));
    assert_eq!(field(&en, "HardWareSpec").allowed, Some(&["sag-100wm", "sag-1000", "sag-vcpe"][..]));
    assert_eq!(field(&en, "Period").values, Some(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36][..]));
    assert_eq!((field(&en, "ReceiverZip").label, field(&zh, "ReceiverZip").label), ("Postal code", "邮政编码"));
    assert!(en.fields.iter().zip(&zh.fields).all(|(e, z)| e.name == z.name && e.help != z.help && !z.label.is_empty()));
}

#[test]
fn every_field_has_an_example_its_own_rules_accept() {
    use smartag_request::validate::check;
    use smartag_request::{Input, Rule};
    for action in ACTIONS {
        // The required fields' examples (what the form starts with), plus the field's own.
        let required: Vec<(String, Input)> =
            action.fields.iter().filter(|f| f.required).map(|f| (f.name.to_owned(), Input::Text(f.example.to_owned()))).collect();
        for field in action.fields {
            assert!(!field.example.is_empty(), "{}.{} has no example", action.name, field.name);
            let mut params = required.clone();
            params.push((field.name.to_owned(), Input::Text(field.example.to_owned())));
            // A rule that reads another field (CPEVersion only with sag-vcpe) may refuse it.
            let own: Vec<_> = check(action, &params, Locale::En)
                .problems
                .into_iter()
                .filter(|p| p.field == field.name && p.rule != Rule::Dependency && p.is_error())
                .collect();
            assert!(own.is_empty(), "{}.{} example {:?}: {:?}", action.name, field.name, field.example, own);
        }
    }
}

#[test]
fn six_actions_in_table_order() {
    let names: Vec<&str> = smartag_request::actions().collect();
    assert_eq!(
        names,
        [
            "CreateSmartAccessGatewaySoftware",
            "CreateSmartAccessGateway",
            "UpgradeSmartAccessGatewaySoftware",
            "UpgradeSmartAccessGateway",
            "DowngradeSmartAccessGateway",
            "DowngradeSmartAccessGatewaySoftware",
        ]
    );
    assert_eq!(ACTIONS.iter().map(|a| a.name).collect::<Vec<_>>(), names);
}

/// Chinese characters, or Chinese punctuation (MaxBandWidth's help is numbers and full-width marks).
fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}'))
}

#[test]
fn every_title_label_and_help_is_in_english_and_chinese() {
    for action in ACTIONS {
        let (en, zh) = (describe(action, Locale::En), describe(action, Locale::ZhCn));
        assert!(!has_chinese(en.title) && has_chinese(zh.title), "{}", action.name);
        assert_eq!(en.fields.len(), zh.fields.len());
        for (e, z) in en.fields.iter().zip(&zh.fields) {
            assert_eq!((e.name, e.example, e.min, e.max), (z.name, z.example, z.min, z.max));
            assert!(!e.label.is_empty() && !has_chinese(e.label) && has_chinese(z.label), "{}.{}", action.name, e.name);
            assert!(!e.help.is_empty() && !has_chinese(e.help) && has_chinese(z.help), "{}.{}", action.name, e.name);
        }
    }
}

#[test]
fn the_order_family_as_a_form_sees_it() {
    use smartag_request::rules::Type;
    let find = |name: &str| ACTIONS.iter().copied().find(|a| a.name == name).expect(name);
    let owners =
        [("OwnerId", Type::Long), ("ResourceOwnerId", Type::Long), ("OwnerAccount", Type::String), ("ResourceOwnerAccount", Type::String)];
    let head = [
        ("Action", Type::String, false),
        ("RegionId", Type::String, true),
        ("SmartAGId", Type::String, true),
        ("AutoPay", Type::Boolean, true),
    ];
    let shape = |spec: &smartag_request::describe::ActionSpec| -> Vec<(&str, Type, bool)> {
        spec.fields.iter().map(|f| (f.name, f.ty, f.required)).collect()
    };
    let with_tail = |tail: &[(&'static str, Type, bool)]| -> Vec<(&'static str, Type, bool)> {
        head.iter().copied().chain(tail.iter().copied()).chain(owners.iter().map(|(n, t)| (*n, *t, false))).collect()
    };

    // (action, Chinese title of order-family.md, the word of the direction in the help, en and zh)
    for (name, title, en_word, zh_word) in [
        ("UpgradeSmartAccessGateway", "升高智能接入网关实例的带宽", "higher", "高于"),
        ("DowngradeSmartAccessGateway", "降低智能接入网关实例的带宽", "lower", "低于"),
    ] {
        let (en, zh) = (describe(find(name), Locale::En), describe(find(name), Locale::ZhCn));
        assert_eq!(shape(&en), with_tail(&[("BandWidthSpec", Type::Long, true)]), "{name}");
        assert_eq!(zh.title, title);
        let field = |spec: &smartag_request::describe::ActionSpec| {
            spec.fields.iter().find(|f| f.name == "BandWidthSpec").cloned().expect("BandWidthSpec")
        };
        let (e, z) = (field(&en), field(&zh));
        assert_eq!((e.min, e.max, e.dependency.clone(), e.values, e.multiple_of), (Some(2), Some(500), None, None, None));
        for part in ["SAG-100WM 2 to 50", "SAG-1000 10 to 500", "Mbit/s", en_word] {
            assert!(e.help.contains(part), "{name}: {part:?} not in {}", e.help);
        }
        // The Chinese page's words for the field, then the direction.
        assert!(z.help.starts_with("智能接入网关的带宽（sag-100wm：2~50 Mbps；sag-1000：10~500 Mbps）"), "{}", z.help);
        assert!(z.help.contains(zh_word), "{name}: {}", z.help);
        assert!(!e.example.is_empty() && z.label.contains("带宽"));
    }

    let (en, zh) = (
        describe(find("DowngradeSmartAccessGatewaySoftware"), Locale::En),
        describe(find("DowngradeSmartAccessGatewaySoftware"), Locale::ZhCn),
    );
    assert_eq!(shape(&en), with_tail(&[("DataPlan", Type::Long, true), ("UserCount", Type::Integer, true)]));
    assert_eq!(zh.title.replace(' ', ""), "降低智能接入网关APP实例的客户端账号数量规格");
    let field = |name: &str| en.fields.iter().find(|f| f.name == name).cloned().expect(name);
    assert_eq!((field("UserCount").min, field("UserCount").max, field("UserCount").multiple_of), (Some(5), None, Some(5)));
    assert_eq!(field("DataPlan").values, Some(&[5][..]));
    assert!(field("UserCount").help.contains("lower"), "{}", field("UserCount").help);
    assert_eq!(field("SmartAGId").format, Some(smartag_request::rules::Format::SmartAgId));
}
