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
