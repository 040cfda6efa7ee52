//! Arbitrary action names, parameter maps of arbitrary values and arbitrary
//! options through coercion, validation and serialization. What must hold is
//! in tests/support/invariants.rs, shared with the proptest suite. Also
//! `describe` of the action in both locales (folded in here: it is cheap and
//! takes no input but the action): it does not panic, its JSON parses back,
//! and each field is the table's field (name, type, required flag, in order).
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use smartag_request::rpc::encode::percent_decode;
use smartag_request::{describe, rules, BuildOptions, Input, Locale, Method, ResponseFormat};

/// A name: one the library knows (an index, so the fuzzer hits them often), or any text.
#[derive(Arbitrary, Debug)]
enum Name {
    Known(u8),
    Any(String),
}

#[derive(Arbitrary, Debug)]
enum Value {
    Missing,
    Text(String),
    Number(f64),
    /// As decimal text, so numeric rules are reached often.
    Integer(i64),
    BigInt(String),
    Bool(bool),
    BadText,
    Other(u8),
}

/// Build options; `None` takes the always-good value, so bad ones come one at a time too.
#[derive(Arbitrary, Debug)]
struct Options {
    access_key_id: Option<String>,
    timestamp: Option<String>,
    nonce: Option<String>,
    endpoint: Option<String>,
    security_token: Option<String>,
    xml: bool,
    post: bool,
    zh: bool,
}

#[derive(Arbitrary, Debug)]
struct Case {
    action: Name,
    /// Start from the table's examples of the required fields (a valid request), then apply `params`.
    from_examples: bool,
    params: Vec<(Name, Value)>,
    options: Options,
    /// Any text for the percent-encoding round trip.
    text: String,
}

fn input(value: Value) -> Input {
    match value {
        Value::Missing => Input::Missing,
        Value::Text(s) => Input::Text(s),
        Value::Number(n) => Input::Number(n),
        Value::Integer(n) => Input::Text(n.to_string()),
        Value::BigInt(s) => Input::BigInt(s),
        Value::Bool(b) => Input::Bool(b),
        Value::BadText => Input::BadText,
        Value::Other(i) => Input::Other(["array", "object", "function", "symbol"][usize::from(i) % 4]),
    }
}

fn options(o: Options) -> BuildOptions {
    let good = invariants::good_options();
    BuildOptions {
        access_key_id: o.access_key_id.unwrap_or(good.access_key_id),
        timestamp: o.timestamp.unwrap_or(good.timestamp),
        nonce: o.nonce.unwrap_or(good.nonce),
        endpoint: o.endpoint,
        security_token: o.security_token,
        format: if o.xml { ResponseFormat::Xml } else { ResponseFormat::Json },
        method: if o.post { Method::Post } else { Method::Get },
        locale: if o.zh { Locale::ZhCn } else { Locale::En },
        // `check` builds V1; V3 has its own target (build_v3_sign).
        ..Default::default()
    }
}

fuzz_target!(|case: Case| {
    invariants::check_encoding(&case.text);
    let _ = percent_decode(&case.text);

    let actions = rules::ACTIONS;
    let action = match case.action {
        Name::Known(i) => actions[usize::from(i) % actions.len()].name.to_owned(),
        Name::Any(s) => s,
    };
    // Known keys: the action's own fields (the first action's for an unknown one) and the reserved names.
    if let Some(a) = rules::action(&action) {
        check_describe(a);
    }
    let fields = rules::action(&action).unwrap_or(actions[0]).fields;
    let known: Vec<&str> = fields.iter().map(|f| f.name).chain(rules::RESERVED.iter().copied()).collect();
    let mut params: Vec<(String, Input)> = match case.from_examples {
        true => fields.iter().filter(|f| f.required).map(|f| (f.name.to_owned(), Input::from(f.example))).collect(),
        false => Vec::new(),
    };
    for (name, value) in case.params {
        let key = match name {
            Name::Known(i) => known[usize::from(i) % known.len()].to_owned(),
            Name::Any(s) => s,
        };
        invariants::set(&mut params, key, input(value));
    }
    invariants::check(&action, &params, &options(case.options));
});

fn check_describe(action: &'static rules::Action) {
    for locale in [Locale::En, Locale::ZhCn] {
        let spec = describe::describe(action, locale);
        let json = serde_json::to_string(&spec).expect("describe serializes");
        let back: serde_json::Value = serde_json::from_str(&json).expect("describe's JSON parses back");
        assert_eq!(serde_json::to_value(&spec).unwrap(), back, "describe's JSON changes on a round trip");
        assert_eq!((back["action"].as_str(), back["version"].as_str()), (Some(action.name), Some(rules::VERSION)));
        let fields = back["fields"].as_array().expect("fields is an array");
        assert_eq!(fields.len(), action.fields.len(), "describe lists other fields than the table");
        for (json, field) in fields.iter().zip(action.fields) {
            assert_eq!(json["name"].as_str(), Some(field.name), "a field that is not the table's");
            assert_eq!(json["type"].as_str(), Some(field.ty.as_str()), "{}", field.name);
            assert_eq!(json["required"].as_bool(), Some(field.required), "{}", field.name);
            assert!(json["label"].as_str().is_some_and(|l| !l.is_empty()), "{} has no label", field.name);
            assert!(json.as_object().unwrap().values().all(|v| !v.is_null()), "{}: a null in describe", field.name);
            if let Some(dep) = json.get("dependency") {
                let other = dep["field"].as_str().expect("a dependency names its field");
                assert!(action.field(other).is_some(), "{} depends on {other}, not a field", field.name);
            }
        }
    }
}
