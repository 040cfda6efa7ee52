//! Generates V3 differential cases: valid requests for every action, drawn from
//! the rule tables by a seeded generator, each built here with `build_v3` and
//! printed as one JSON line with the inputs an official SDK would receive and
//! this crate's output. `tests/differential_v3/check.js` signs the same inputs
//! with Alibaba's `@alicloud/openapi-util` and compares.
//!
//! `cargo run --example cases_v3 -- [count] [seed]`

use smartag_request::request::{BuildOptions, Method};
use smartag_request::rules::{Check, Field, Format, Type, ACTIONS, KNOWN_REGIONS};
use smartag_request::{authorization, build_v3, Built, Input};
use std::process::ExitCode;

#[path = "support/json.rs"]
mod json;

/// xorshift64*: small, deterministic, good enough to spread cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi.saturating_sub(lo)).unwrap_or(0).saturating_add(1);
        lo.saturating_add(i64::try_from(self.next() % span).unwrap_or(0))
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = usize::try_from(self.next() % items.len() as u64).unwrap_or(0);
        &items[i]
    }

    fn text(&mut self, alphabet: &[&str], min: i64, max: i64) -> String {
        (0..self.range(min, max)).map(|_| *self.pick(alphabet)).collect()
    }
}

const LOWER_ALNUM: &[&str] = &["a", "b", "k", "q", "z", "0", "5", "9"];
const ALNUM: &[&str] = &["A", "K", "Z", "a", "m", "z", "0", "3", "9"];
const NAME_CHARS: &[&str] = &["a", "Z", "q", "7", ".", "_", "-", "张", "网"];
/// Free text: unreserved, reserved and special characters, multi-byte UTF-8 and white space.
const FREE: &[&str] = &[
    "a", "Z", "0", " ", "-", "_", ".", "~", "*", "+", "&", "=", "%", "/", "?", "#", "!", "'", "(", ")", "\"", "\\", ",", ";", ":", "@",
    "[", "]", "{", "}", "^", "`", "|", "<", ">", "$", "\t", "\n", "张", "é", "😀", "\u{a0}", "ー",
];
/// Printable ASCII without space: what an STS token may hold.
const TOKEN: &[&str] = &["C", "A", "I", "S", "x", "9", "+", "/", "=", "-", "_", ".", ",", ";", "~", "!"];

/// The value an SDK model would hold for a field, and how this case hands it to `build_v3`.
enum Truth {
    Text(String),
    Int(i64),
    Bool(bool),
}

impl Truth {
    fn json(&self) -> String {
        match self {
            Truth::Text(s) => json::string(s),
            // Beyond 2^53 a JS number loses digits: the SDK is given the decimal string.
            Truth::Int(n) if n.unsigned_abs() > 1 << 53 => json::string(&n.to_string()),
            Truth::Int(n) => n.to_string(),
            Truth::Bool(b) => b.to_string(),
        }
    }

    /// One of the spellings a caller may use for the value (SPEC §3).
    fn input(&self, rng: &mut Rng, trims: bool) -> Input {
        match self {
            Truth::Text(s) if trims && rng.chance(20) => Input::Text(format!(" {s}\t")),
            Truth::Text(s) => Input::Text(s.clone()),
            Truth::Int(n) => match rng.next() % 4 {
                0 if n.unsigned_abs() <= 1 << 53 => Input::Number(*n as f64),
                1 => Input::BigInt(n.to_string()),
                2 => Input::Text(format!(" {n} ")),
                _ => Input::Text(n.to_string()),
            },
            Truth::Bool(b) => match rng.next() % 4 {
                0 => Input::Bool(*b),
                1 => Input::Text(u8::from(*b).to_string()),
                2 => Input::Number(f64::from(u8::from(*b))),
                _ => Input::Text(b.to_string()),
            },
        }
    }
}

/// A valid value for `field`, given the values drawn so far (dependencies read them).
fn draw(rng: &mut Rng, field: &Field, drawn: &[(&str, Truth)]) -> Option<Truth> {
    let other = |name: &str| {
        drawn.iter().find(|(n, _)| *n == name).and_then(|(_, t)| match t {
            Truth::Text(s) => Some(s.clone()),
            _ => None,
        })
    };
    // A name's length bounds, whichever of its checks comes first.
    let length = field
        .checks
        .iter()
        .find_map(|check| match *check {
            Check::Length(min, max) => Some((i64::try_from(min).unwrap_or(2), i64::try_from(max).unwrap_or(40).min(60))),
            _ => None,
        })
        .unwrap_or((1, 40));
    let mut truth = None;
    for check in field.checks {
        truth = match *check {
            Check::OneOf(allowed) => Some(Truth::Text((*rng.pick(allowed)).to_owned())),
            Check::OneOfInt(allowed) => Some(Truth::Int(*rng.pick(allowed))),
            Check::AtLeast(min) => Some(Truth::Int(min.max(1) * rng.range(1, 400))),
            Check::Range(min, max) => Some(Truth::Int(rng.range(min, max))),
            Check::BandwidthByModel(models) => {
                let (_, min, max) = *rng.pick(models);
                Some(Truth::Int(rng.range(min, max)))
            }
            Check::RangeBy { field, ranges } => {
                let spec = other(field);
                let (_, min, max) = ranges.iter().find(|r| Some(r.0) == spec.as_deref()).copied().unwrap_or(("", 10, 50));
                Some(Truth::Int(rng.range(min, max)))
            }
            Check::RequiredWhen { field, when, value } if other(field).as_deref() == Some(when) => Some(Truth::Text(value.to_owned())),
            Check::OnlyWith { field, value } if other(field).as_deref() != Some(value) => return None,
            Check::Format(format) => Some(Truth::Text(match format {
                Format::RegionId if rng.chance(90) => (*rng.pick(KNOWN_REGIONS)).to_owned(),
                Format::RegionId => format!("xx-{}-{}", rng.text(&["a", "z", "q"], 2, 8), rng.range(1, 9)),
                Format::SmartAgId => format!("sag-{}", rng.text(LOWER_ALNUM, 6, 20)),
                Format::Email => format!("{}@{}.com", rng.text(ALNUM, 1, 12), rng.text(LOWER_ALNUM, 1, 12)),
                Format::Name => format!("{}{}", rng.pick(&["a", "Q", "张"]), rng.text(NAME_CHARS, length.0 - 1, length.1 - 1)),
            })),
            _ => truth,
        };
    }
    truth.or_else(|| {
        Some(match field.ty {
            Type::String => Truth::Text(rng.text(FREE, 1, 40)),
            Type::Integer => Truth::Int(rng.range(0, i64::from(i32::MAX))),
            Type::Long => Truth::Int(rng.range(0, i64::MAX)),
            Type::Boolean => Truth::Bool(rng.chance(50)),
        })
    })
}

fn case(rng: &mut Rng, index: usize) -> Result<String, String> {
    let action = ACTIONS[index % ACTIONS.len()];
    let mut drawn: Vec<(&str, Truth)> = Vec::new();
    for field in action.fields {
        if field.required || rng.chance(50) {
            if let Some(truth) = draw(rng, field, &drawn) {
                drawn.push((field.name, truth));
            }
        }
    }
    let params: Vec<(String, Input)> =
        drawn.iter().map(|(name, truth)| ((*name).to_owned(), truth.input(rng, action.field(name).is_some_and(Field::trims)))).collect();
    let token = rng.chance(30).then(|| rng.text(TOKEN, 20, 200));
    let endpoint = rng.chance(20).then(|| (*rng.pick(&["smartag.aliyuncs.com", "smartag-vpc.cn-hangzhou.aliyuncs.com"])).to_owned());
    let options = BuildOptions {
        access_key_id: format!("LTAI{}", rng.text(ALNUM, 12, 20)),
        timestamp: format!(
            "{}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            rng.range(2015, 2035),
            rng.range(1, 12),
            rng.range(1, 28),
            rng.range(0, 23),
            rng.range(0, 59),
            rng.range(0, 59)
        ),
        nonce: rng.text(&["0", "7", "a", "f", "-"], 16, 40),
        method: if rng.chance(50) { Method::Post } else { Method::Get },
        endpoint: endpoint.clone(),
        security_token: token.clone(),
        ..BuildOptions::default()
    };
    let secret = rng.text(ALNUM, 20, 40);
    let ready = match build_v3(action.name, &params, &options) {
        Ok(Built::Ready(r)) => r,
        other => return Err(format!("case {index} ({}) did not build: {other:?}", action.name)),
    };
    let auth = authorization(&options.access_key_id, &ready.signed_headers, &ready.string_to_sign, &secret).map_err(|e| e.to_string())?;
    let query: Vec<(&str, String)> = drawn.iter().filter(|(n, _)| *n != "Action").map(|(n, t)| (*n, t.json())).collect();
    let optional = |v: &Option<String>| v.as_deref().map_or_else(|| "null".to_owned(), json::string);
    let ours = json::object(&[
        ("authorization", json::string(&auth)),
        ("canonicalRequest", json::string(&ready.canonical_request)),
        ("stringToSign", json::string(&ready.string_to_sign)),
        ("hashedPayload", json::string(&ready.hashed_payload)),
        ("signedHeaders", json::string(&ready.signed_headers)),
        ("url", json::string(&ready.url)),
    ]);
    Ok(json::object(&[
        ("index", index.to_string()),
        ("action", json::string(action.name)),
        ("method", json::string(options.method.as_str())),
        ("endpoint", optional(&endpoint)),
        ("query", json::object(&query)),
        ("accessKeyId", json::string(&options.access_key_id)),
        ("secret", json::string(&secret)),
        ("securityToken", optional(&token)),
        ("date", json::string(&options.timestamp)),
        ("nonce", json::string(&options.nonce)),
        ("ours", ours),
    ]))
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|a| a.parse().ok()).unwrap_or(1200);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(0x05ee_d7a6_u64).max(1);
    let mut rng = Rng(seed);
    for index in 0..count {
        match case(&mut rng, index) {
            Ok(line) => println!("{line}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
