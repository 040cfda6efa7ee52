//! Arbitrary action names, parameter maps of arbitrary values and arbitrary
//! options through coercion, validation and serialization. What must hold is
//! in tests/support/invariants.rs, shared with the proptest suite.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use smartag_request::rpc::encode::percent_decode;
use smartag_request::{rules, BuildOptions, Input, Locale, Method, ResponseFormat};

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
