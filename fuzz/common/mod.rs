//! What the fuzz targets share: a fuzz input's mode, requests derived from fuzz
//! bytes (mostly valid ones, so the round trips are reached often), and text
//! read lossily the way a JS string with unpaired surrogates is.
#![allow(dead_code)]

use arbitrary::{Arbitrary, Unstructured};
use smartag_request::{rules, BuildOptions, Input, Locale, Method, ResponseFormat};

/// Good options: what `tests/support/invariants.rs` uses.
pub const KEY: &str = "testid";
pub const TIMESTAMP: &str = "2016-02-23T12:46:24Z";
pub const NONCE: &str = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";
pub const SECRET: &str = "testsecret";

/// Time stamps the builder accepts (a leap day, the ends of a day and a year).
const TIMESTAMPS: &[&str] = &[TIMESTAMP, "2024-02-29T23:59:59Z", "2000-01-01T00:00:00Z", "2026-12-31T12:00:00Z"];
/// Endpoints the builder accepts; `None` takes the regional default.
const ENDPOINTS: &[Option<&str>] =
    &[None, Some("smartag.cn-shanghai.aliyuncs.com"), Some("127.0.0.1:18080"), Some("example.com:443"), Some("localhost")];

/// The first byte of every input says how the rest is read, so seed files can be
/// plain text (a URL, an HTTP request, a response body) behind one byte.
pub enum Mode<'a> {
    /// The rest as bytes: text, a body, an HTTP message.
    Raw(&'a [u8]),
    /// The rest as text lines: an order (see [`Order::from_lines`]).
    Lines(&'a [u8]),
    /// The rest through `arbitrary`.
    Structured(Unstructured<'a>),
}

pub fn mode(data: &[u8]) -> Option<Mode<'_>> {
    let (first, rest) = data.split_first()?;
    Some(match first % 3 {
        0 => Mode::Raw(rest),
        1 => Mode::Lines(rest),
        _ => Mode::Structured(Unstructured::new(rest)),
    })
}

/// `bytes` as UTF-8 with U+FFFD for each invalid sequence, and the byte offsets
/// of those U+FFFD: what the JS bindings hand over for a string with unpaired
/// surrogates.
pub fn lossy(bytes: &[u8]) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(bytes.len());
    let mut broken = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            broken.push(text.len());
            text.push('\u{fffd}');
        }
    }
    (text, broken)
}

/// A request to build, its options and two different secrets; `shape` is fuzz
/// bits each target spends on its own variations.
#[derive(Debug)]
pub struct Order {
    pub action: String,
    pub params: Vec<(String, Input)>,
    pub options: BuildOptions,
    pub secret: String,
    pub other_secret: String,
    pub shape: u64,
}

/// A parameter name: one the action knows (an index into its fields, then the
/// reserved names), or any text.
#[derive(Arbitrary, Debug)]
pub enum Name {
    Known(u8),
    Any(String),
}

#[derive(Arbitrary, Debug)]
pub enum Value {
    Missing,
    Text(String),
    Number(f64),
    Integer(i64),
    BigInt(String),
    Bool(bool),
    BadText,
    Other(u8),
    /// Another field's example (a valid value of another type or rule, often).
    Example(u8),
}

#[derive(Arbitrary, Debug)]
struct ArbOptions {
    access_key_id: Option<String>,
    timestamp: u8,
    nonce: Option<String>,
    endpoint: u8,
    security_token: Option<String>,
    post: bool,
    xml: bool,
    zh: bool,
}

#[derive(Arbitrary, Debug)]
struct ArbOrder {
    action: u8,
    /// Zero (false) starts from the required fields' examples: a valid request.
    skip_examples: bool,
    /// Which optional fields to add, with their examples.
    optional: u32,
    edits: Vec<(Name, Value)>,
    options: ArbOptions,
    secret: String,
    other_secret: String,
    shape: u64,
}

/// The action named by `i` (every action the tables hold).
pub fn action_at(i: u8) -> &'static rules::Action {
    rules::ACTIONS[usize::from(i) % rules::ACTIONS.len()]
}

/// The required fields' examples: a valid request for `action`.
pub fn examples(action: &rules::Action) -> Vec<(String, Input)> {
    action.fields.iter().filter(|f| f.required).map(|f| (f.name.to_owned(), Input::from(f.example))).collect()
}

/// Gives `key` the value `input`: replaces the caller's value, or adds the parameter.
pub fn set(params: &mut Vec<(String, Input)>, key: String, input: Input) {
    match params.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = input,
        None => params.push((key, input)),
    }
}

/// `s` with only the characters `keep` allows, at most `max` bytes; `None` when nothing is left.
fn only(s: Option<String>, keep: impl Fn(u8) -> bool, max: usize) -> Option<String> {
    let kept: String = s?.bytes().filter(|&b| keep(b)).take(max).map(char::from).collect();
    (!kept.is_empty()).then_some(kept)
}

fn secrets(secret: String, other: String) -> (String, String) {
    let secret = if secret.is_empty() { SECRET.to_owned() } else { secret };
    // HMAC pads a short key with zero bytes, so `k` and `k\0` are one V3 key:
    // another secret must differ in more than trailing NULs.
    let same = other.trim_end_matches('\0') == secret.trim_end_matches('\0');
    let other = if other.is_empty() || same { format!("{secret}x") } else { other };
    (secret, other)
}

pub fn good_options() -> BuildOptions {
    BuildOptions { access_key_id: KEY.into(), timestamp: TIMESTAMP.into(), nonce: NONCE.into(), ..Default::default() }
}

pub fn input(value: Value, fields: &[rules::Field]) -> Input {
    match value {
        Value::Missing => Input::Missing,
        Value::Text(s) => Input::Text(s),
        Value::Number(n) => Input::Number(n),
        Value::Integer(n) => Input::Text(n.to_string()),
        Value::BigInt(s) => Input::BigInt(s),
        Value::Bool(b) => Input::Bool(b),
        Value::BadText => Input::BadText,
        Value::Other(i) => Input::Other(["array", "object", "function", "symbol"][usize::from(i) % 4]),
        Value::Example(i) => Input::from(fields[usize::from(i) % fields.len()].example),
    }
}

impl Order {
    pub fn arbitrary(u: Unstructured<'_>) -> arbitrary::Result<Order> {
        let o = ArbOrder::arbitrary_take_rest(u)?;
        let action = action_at(o.action);
        let mut params = if o.skip_examples { Vec::new() } else { examples(action) };
        for (i, f) in action.fields.iter().enumerate().filter(|(_, f)| !f.required) {
            if o.optional & (1 << (i % 32)) != 0 {
                set(&mut params, f.name.to_owned(), Input::from(f.example));
            }
        }
        let known: Vec<&str> = action.fields.iter().map(|f| f.name).chain(rules::RESERVED.iter().copied()).collect();
        for (name, value) in o.edits {
            let key = match name {
                Name::Known(i) => known[usize::from(i) % known.len()].to_owned(),
                Name::Any(s) => s,
            };
            set(&mut params, key, input(value, action.fields));
        }
        let a = o.options;
        let options = BuildOptions {
            access_key_id: only(a.access_key_id, |b| b.is_ascii_alphanumeric() || b"._-".contains(&b), 128).unwrap_or(KEY.into()),
            timestamp: TIMESTAMPS[usize::from(a.timestamp) % TIMESTAMPS.len()].into(),
            nonce: only(a.nonce, |b| b.is_ascii_graphic(), 128).unwrap_or(NONCE.into()),
            endpoint: ENDPOINTS[usize::from(a.endpoint) % ENDPOINTS.len()].map(str::to_owned),
            security_token: only(a.security_token, |b| b.is_ascii_graphic(), 8192),
            format: if a.xml { ResponseFormat::Xml } else { ResponseFormat::Json },
            method: if a.post { Method::Post } else { Method::Get },
            locale: if a.zh { Locale::ZhCn } else { Locale::En },
            ..Default::default()
        };
        let (secret, other_secret) = secrets(o.secret, o.other_secret);
        Ok(Order { action: action.name.to_owned(), params, options, secret, other_secret, shape: o.shape })
    }

    /// An order as text, one item a line: the action; then `Key=Value` (a
    /// parameter, as text; `Key` alone is not given), `@examples` (the required
    /// fields' examples), or an option: `@key=`, `@timestamp=`, `@nonce=`,
    /// `@endpoint=`, `@token=`, `@post`, `@xml`, `@zh`, `@secret=`, `@other=`,
    /// `@shape=<number>`. The options are taken as given (a bad one is a misuse).
    pub fn from_lines(bytes: &[u8]) -> Order {
        let text = String::from_utf8_lossy(bytes);
        let mut lines = text.split('\n');
        let action = lines.next().unwrap_or_default().trim().to_owned();
        let mut order =
            Order { action, params: Vec::new(), options: good_options(), secret: SECRET.into(), other_secret: String::new(), shape: 0 };
        for line in lines {
            let (key, value) = match line.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (line, None),
            };
            let o = &mut order.options;
            match (key, value) {
                ("@examples", _) => {
                    for (k, v) in rules::action(&order.action).map(examples).unwrap_or_default() {
                        set(&mut order.params, k, v);
                    }
                }
                ("@key", Some(v)) => o.access_key_id = v.into(),
                ("@timestamp", Some(v)) => o.timestamp = v.into(),
                ("@nonce", Some(v)) => o.nonce = v.into(),
                ("@endpoint", Some(v)) => o.endpoint = Some(v.into()),
                ("@token", Some(v)) => o.security_token = Some(v.into()),
                ("@post", _) => o.method = Method::Post,
                ("@xml", _) => o.format = ResponseFormat::Xml,
                ("@zh", _) => o.locale = Locale::ZhCn,
                ("@secret", Some(v)) => order.secret = v.into(),
                ("@other", Some(v)) => order.other_secret = v.into(),
                ("@shape", Some(v)) => order.shape = v.trim().parse().unwrap_or(0),
                (k, Some(v)) => set(&mut order.params, k.to_owned(), Input::Text(v.to_owned())),
                (k, None) => set(&mut order.params, k.to_owned(), Input::Missing),
            }
        }
        (order.secret, order.other_secret) = secrets(order.secret, std::mem::take(&mut order.other_secret));
        order
    }

    /// From a [`Mode::Lines`] or [`Mode::Structured`] input.
    pub fn from_mode(mode: Mode<'_>) -> Option<Order> {
        match mode {
            Mode::Raw(_) => None,
            Mode::Lines(bytes) => Some(Order::from_lines(bytes)),
            Mode::Structured(u) => Order::arbitrary(u).ok(),
        }
    }

    /// Bits `at..at + width` of `shape`.
    pub fn bits(&self, at: u32, width: u32) -> u64 {
        (self.shape >> at) & ((1 << width) - 1)
    }
}

/// The parameters of a signed-ready request that are not common ones.
pub fn business(params: &[(String, String)]) -> Vec<(String, String)> {
    params.iter().filter(|(k, _)| k != "Action" && !rules::RESERVED.contains(&k.as_str())).cloned().collect()
}

/// `s` with the letters whose bit is set in `mask` (cycled) in the other case.
pub fn mixed_case(s: &str, mask: u64) -> String {
    s.chars().enumerate().map(|(i, c)| if mask & (1 << (i % 64)) != 0 { flip(c) } else { c }).collect()
}

fn flip(c: char) -> char {
    if c.is_ascii_lowercase() {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    }
}
