//! Generators of valid requests for every action, with values that try to break
//! a query string: URL punctuation, `&Signature=`, Chinese, emoji, strings up
//! to the 4096-character limit, boundary numbers, every accepted input form.
//! Each generated parameter carries the text it must be sent as, worked out
//! here from SPEC §3 rather than by the library. Used by tests/properties.rs,
//! which includes it by path.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use smartag_request::{BuildOptions, Input, Locale, Method, ResponseFormat};

/// Fragments that mean something to a URL, a query string, a signer or a terminal.
pub const NASTY: &[&str] = &[
    "&",
    "=",
    "#",
    "?",
    "%",
    "+",
    "/",
    "\n",
    "\r\n",
    "\t",
    " ",
    "&Signature=",
    "&Action=Other",
    "%26",
    "%3D",
    "%%",
    "*",
    "~",
    "'",
    "\"",
    "<",
    ">",
    "\\",
    ";",
    ",",
    ":",
    "@",
    "!",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "|",
    "^",
    "`",
    "$",
    "\0",
    "\u{7f}",
    "张三",
    "上海市浦东新区",
    "🚀",
    "👩\u{200d}💻",
    "é",
    "\u{feff}",
    "\u{2028}",
];

/// The longest value accepted, in characters (SPEC: a `length` problem beyond it).
const MAX_CHARS: usize = 4096;
/// JS's `Number.MAX_SAFE_INTEGER`: the largest Long a JS number can carry exactly.
const MAX_SAFE: i64 = (1 << 53) - 1;

/// One parameter as given, and the text it must be sent as (`None`: not sent).
pub type Given = (&'static str, Input, Option<String>);

/// A valid request and what must be sent for it.
#[derive(Clone, Debug)]
pub struct Request {
    pub action: &'static str,
    pub params: Vec<(String, Input)>,
    /// The business parameters that must be sent, sorted by key.
    pub expected: Vec<(String, String)>,
}

/// Free text made of `NASTY` fragments and any characters, 1 to 4096 characters.
pub fn nasty_text() -> BoxedStrategy<String> {
    let piece = prop_oneof![3 => select(NASTY).prop_map(str::to_owned), 1 => any::<char>().prop_map(String::from)];
    let short = vec(piece, 1..12).prop_map(|p| p.concat());
    let long = (select(NASTY), 1..=MAX_CHARS).prop_map(|(p, n)| p.chars().cycle().take(n).collect());
    prop_oneof![4 => short, 1 => long, 1 => Just("&Signature=x".repeat(MAX_CHARS / 12))].boxed()
}

/// A valid request for any action, in the caller's (shuffled) order.
pub fn valid_request() -> impl Strategy<Value = Request> {
    prop_oneof![software(), hardware(), upgrade(), upgrade_hardware(), downgrade_hardware(), downgrade_software()]
}

/// Valid build options; the nonce and the STS token are any printable ASCII,
/// `&`, `=` and `%` included, which must be encoded, never interpreted.
pub fn valid_options() -> impl Strategy<Value = BuildOptions> {
    let printable = |max: usize| {
        let ascii = select(NASTY.iter().copied().filter(|f| f.bytes().all(|b| b.is_ascii_graphic())).collect::<Vec<_>>());
        prop_oneof![proptest::string::string_regex(&format!("[!-~]{{1,{max}}}")).expect("regex"), ascii.prop_map(str::to_owned)]
    };
    let endpoint = select(&["smartag.cn-shanghai.aliyuncs.com", "smartag.aliyuncs.com", "localhost:8080", "127.0.0.1:1", "a-b.c9"][..]);
    (
        "[A-Za-z0-9._-]{1,128}",
        timestamp(),
        printable(128),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(endpoint.prop_map(str::to_owned)),
        proptest::option::of(printable(8192)),
        any::<bool>(),
    )
        .prop_map(|(access_key_id, timestamp, nonce, xml, post, endpoint, security_token, zh)| BuildOptions {
            access_key_id,
            timestamp,
            nonce,
            format: if xml { ResponseFormat::Xml } else { ResponseFormat::Json },
            method: if post { Method::Post } else { Method::Get },
            endpoint,
            security_token,
            locale: if zh { Locale::ZhCn } else { Locale::En },
            ..Default::default()
        })
}

/// `YYYY-MM-DDThh:mm:ssZ` with a real date, leap days and end-of-day included.
fn timestamp() -> impl Strategy<Value = String> {
    let days = |y: u32, m: u32| match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1970u32..=2099, 1u32..=12)
        .prop_flat_map(move |(y, m)| (Just(y), Just(m), 1..=days(y, m), 0u32..24, 0u32..60, 0u32..60))
        .prop_map(|(y, m, d, h, min, s)| format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}Z"))
}

fn software() -> impl Strategy<Value = Request> {
    let name = "CreateSmartAccessGatewaySoftware";
    let fields = vec![action(name), region(), period(), one("AutoPay", boolean()), charge_type(), user_count(), data_plan()];
    request(name, fields.into_iter().chain(owners()).collect())
}

fn upgrade() -> impl Strategy<Value = Request> {
    let name = "UpgradeSmartAccessGatewaySoftware";
    let fields = vec![action(name), region(), smartag_id(), user_count(), data_plan(), one("AutoPay", boolean())];
    request(name, fields.into_iter().chain(owners()).collect())
}

fn downgrade_software() -> impl Strategy<Value = Request> {
    let name = "DowngradeSmartAccessGatewaySoftware";
    let fields = vec![action(name), region(), smartag_id(), one("AutoPay", boolean()), data_plan(), user_count()];
    request(name, fields.into_iter().chain(owners()).collect())
}

fn upgrade_hardware() -> impl Strategy<Value = Request> {
    bandwidth_order("UpgradeSmartAccessGateway")
}

fn downgrade_hardware() -> impl Strategy<Value = Request> {
    bandwidth_order("DowngradeSmartAccessGateway")
}

/// A hardware bandwidth change: BandWidthSpec is held to 2-500 (SAG-100WM 2-50, SAG-1000 10-500).
fn bandwidth_order(name: &'static str) -> impl Strategy<Value = Request> {
    let bandwidth = prop_oneof![Just(2i64), Just(500i64), 2i64..=500].prop_flat_map(number).boxed();
    let fields = vec![action(name), region(), smartag_id(), one("AutoPay", boolean()), one("BandWidthSpec", bandwidth)];
    request(name, fields.into_iter().chain(owners()).collect())
}

fn smartag_id() -> Fields {
    one("SmartAGId", "[a-z0-9]{1,64}".prop_map(|id| format!("sag-{id}")).prop_flat_map(padded))
}

fn hardware() -> impl Strategy<Value = Request> {
    let name = "CreateSmartAccessGateway";
    let receivers = [
        "ReceiverName",
        "ReceiverMobile",
        "ReceiverCountry",
        "ReceiverState",
        "ReceiverCity",
        "ReceiverDistrict",
        "ReceiverTown",
        "ReceiverAddress",
        "ReceiverZip",
    ];
    let mut fields =
        vec![action(name), region(), one("AutoPay", boolean()), one("BuyerMessage", text()), charge_type(), device(), period()];
    fields.push(one("ReceiverEmail", email()));
    fields.extend(receivers.map(|f| one(f, text())));
    fields.extend([
        optional("ReceiverPhone", text()),
        optional("Name", instance_name(128)),
        optional("Description", instance_name(256)),
        optional("AlreadyHaveSag", boolean()),
    ]);
    request(name, fields.into_iter().chain(owners()).collect())
}

/// A value strategy: the input and the text it must be sent as.
type Val = BoxedStrategy<(Input, Option<String>)>;
/// A field strategy: the parameters it gives (none, one, or several that depend on each other).
type Fields = BoxedStrategy<Vec<Given>>;

/// Joins the fields into one request, in shuffled order.
fn request(action: &'static str, fields: Vec<Fields>) -> impl Strategy<Value = Request> {
    fields.prop_map(|f| f.concat()).prop_shuffle().prop_map(move |given| {
        let mut expected: Vec<(String, String)> = given.iter().filter_map(|(k, _, s)| Some(((*k).to_owned(), s.clone()?))).collect();
        expected.sort();
        Request { action, params: given.into_iter().map(|(k, input, _)| (k.to_owned(), input)).collect(), expected }
    })
}

fn one(name: &'static str, value: impl Strategy<Value = (Input, Option<String>)> + 'static) -> Fields {
    value.prop_map(move |(input, sent)| vec![(name, input, sent)]).boxed()
}

/// An optional field: given, or left out, `null` or `""`, which are not sent.
fn optional(name: &'static str, value: Val) -> Fields {
    let absent = prop_oneof![Just(vec![]), Just(vec![(name, Input::Missing, None)]), Just(vec![(name, Input::from(""), None)])];
    prop_oneof![one(name, value), absent].boxed()
}

/// Surrounding white space, which every field but free text ignores.
fn padded(value: String) -> Val {
    select(&["", " ", "\t", " \n "][..]).prop_map(move |pad| (Input::Text(format!("{pad}{value}{pad}")), Some(value.clone()))).boxed()
}

/// The optional `Action`: it is sent either way, as a common parameter.
fn action(name: &'static str) -> Fields {
    optional("Action", Just((Input::from(name), None)).boxed())
}

fn charge_type() -> Fields {
    one("ChargeType", padded("PREPAY".into()))
}

fn region() -> Fields {
    // The SDK's endpoint map, and well-formed IDs outside it (a warning only).
    let known = ["cn-shanghai", "cn-hangzhou", "cn-hongkong", "cn-shanghai-finance-1", "ap-southeast-1", "ap-northeast-1", "eu-central-1"];
    let id = prop_oneof![select(known.to_vec()).prop_map(str::to_owned), "[a-z][a-z0-9]{0,9}(-[a-z0-9]{1,9}){1,3}"];
    one("RegionId", id.prop_flat_map(padded))
}

/// An Integer or Long in every form a caller may give it.
fn number(n: i64) -> Val {
    let text = n.to_string();
    let mut forms = vec![padded(text.clone()), Just((Input::BigInt(text.clone()), Some(text.clone()))).boxed()];
    if n.unsigned_abs() <= MAX_SAFE.unsigned_abs() {
        forms.push(Just((Input::Number(n as f64), Some(text))).boxed());
    }
    proptest::strategy::Union::new(forms).boxed()
}

fn period() -> Fields {
    one("Period", select(&[1i64, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36][..]).prop_flat_map(number))
}

fn user_count() -> Fields {
    // Positive multiples of 5 up to the largest one an Integer holds.
    let max = i64::from(i32::MAX) / 5;
    one("UserCount", prop_oneof![Just(1i64), Just(max), 1..=max].prop_flat_map(|k| number(k * 5)))
}

fn data_plan() -> Fields {
    one("DataPlan", number(5))
}

/// `true`/`false` as booleans, `1`/`0` as numbers or text: always sent as `true`/`false`.
fn boolean() -> Val {
    any::<bool>()
        .prop_flat_map(|b| {
            let sent = Some(b.to_string());
            let digit = if b { "1" } else { "0" };
            prop_oneof![
                Just((Input::Bool(b), sent.clone())),
                Just((Input::Number(if b { 1.0 } else { 0.0 }), sent.clone())),
                padded(b.to_string()),
                padded(digit.to_owned()).prop_map(move |(input, _)| (input, sent.clone())),
            ]
        })
        .boxed()
}

fn owners() -> Vec<Fields> {
    let long = prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(MAX_SAFE), Just(MAX_SAFE + 2), Just(0i64), Just(-1i64), any::<i64>()];
    let long = long.prop_flat_map(number).boxed();
    vec![
        optional("OwnerId", long.clone()),
        optional("ResourceOwnerId", long),
        optional("OwnerAccount", text()),
        optional("ResourceOwnerAccount", text()),
    ]
}

/// Free text is sent exactly as given, white space and all.
fn text() -> Val {
    nasty_text().prop_map(|s| (Input::Text(s.clone()), Some(s))).boxed()
}

fn email() -> Val {
    // Everything but white space, control characters and @<>()[]\,;:" may stand in the local part.
    let local = ["a", "Z", "9", "&Signature=", "=", "#", "?", "%", "+", "/", "&", "张", "🚀", "~", "'", "*", "{", "|", "!", "$"];
    let domain = ["example.com", "例子.中国", "mail.example.co.uk", "a-b.io"];
    let address = (vec(select(local.to_vec()), 1..=5), select(domain.to_vec())).prop_map(|(l, d)| format!("{}@{d}", l.concat()));
    address.prop_flat_map(padded).boxed()
}

/// Device type, high availability, bandwidth and vCPE version, which depend on each other.
fn device() -> Fields {
    let specs = [("sag-100wm", 2i64, 50i64), ("sag-1000", 10, 500), ("sag-vcpe", 10, 1000)];
    select(specs.to_vec())
        .prop_flat_map(|(spec, min, max)| {
            let vcpe = spec == "sag-vcpe";
            let ha = if vcpe { &["warm_backup"][..] } else { &["no_backup", "cold_backup"][..] };
            let bandwidth = prop_oneof![Just(min), Just(max), min..=max].prop_flat_map(number);
            let cpe = if vcpe { optional("CPEVersion", padded("basic".into())) } else { Just(vec![]).boxed() };
            let ha = select(ha).prop_flat_map(|h| padded(h.to_owned()));
            (one("HardWareSpec", padded(spec.to_owned())), one("HaType", ha), one("MaxBandWidth", bandwidth), cpe)
        })
        .prop_map(|(a, b, c, d)| [a, b, c, d].concat())
        .boxed()
}

/// An instance name or description: an English or Chinese letter first, then
/// letters, digits, `.`, `_` and `-`, 2 to `max` characters.
fn instance_name(max: usize) -> Val {
    let first = prop_oneof!["[A-Za-z]", "[\u{4e00}-\u{9fff}]"];
    let rest = proptest::string::string_regex(&format!("[A-Za-z0-9._\u{4e00}-\u{9fff}-]{{1,{}}}", max - 1)).expect("regex");
    (first, rest).prop_map(|(f, r)| format!("{f}{r}")).prop_map(|s| (Input::Text(s.clone()), Some(s))).boxed()
}
