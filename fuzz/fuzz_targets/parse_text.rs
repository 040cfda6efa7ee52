//! `parse_request_lossy` on any text (with broken offsets anywhere, and U+FFFD where the fuzz bytes are not
//! UTF-8, at the offsets the bindings would pass for unpaired surrogates); and
//! V1 requests the module built and signed, written as a URL, a query string, a
//! form body or one pair a line, read back: the same parameters as written, and
//! the signature matches with the secret and not with another.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{business, lossy, mode, Mode, Order};
use libfuzzer_sys::fuzz_target;
use smartag_request::validate::MAX_PROBLEMS;
use smartag_request::{
    build, parse_http_request, parse_request, parse_request_lossy, signed_url, Built, HttpRequest, Locale, Method, Parsed, SignatureVersion,
};

fuzz_target!(|data: &[u8]| {
    match mode(data) {
        None => {}
        Some(Mode::Raw(bytes)) => any_text(bytes),
        Some(m) => {
            if let Some(order) = Order::from_mode(m) {
                round_trip(&order);
            }
        }
    }
});

fn any_text(bytes: &[u8]) {
    let (text, broken) = lossy(bytes);
    for locale in [Locale::En, Locale::ZhCn] {
        let p = parse_request_lossy(&text, &broken, locale);
        assert!(p.problems.len() <= MAX_PROBLEMS, "{} problems", p.problems.len());
        assert_eq!(p.signature, SignatureVersion::V1, "text alone is read as V1");
        assert_eq!(p.signature_valid, None);
        if broken.is_empty() {
            assert_eq!(p, parse_request(&text, locale), "no broken offset: parse_request_lossy is parse_request");
        }
        if locale == Locale::En {
            // Offsets anywhere (inside a character, past the end), picked by the text itself.
            let salt = text.len().wrapping_mul(0x9e37_79b9) | 1;
            let anywhere: Vec<usize> = (0..text.len() + 4).filter(|i| i.wrapping_mul(salt) % 11 == 0).collect();
            let p = parse_request_lossy(&text, &anywhere, locale);
            assert!(p.problems.len() <= MAX_PROBLEMS, "{} problems", p.problems.len());
            // Every offset broken: no pair can be read, so no value of the text is taken.
            if text.len() <= 256 {
                let all: Vec<usize> = (0..text.len()).collect();
                let none = parse_request_lossy(&text, &all, locale);
                assert!(none.params.is_empty() && none.common.is_empty(), "a broken pair was read: {none:?}");
                assert!(none.problems.len() <= MAX_PROBLEMS);
            }
        }
    }
}

fn read(url: &str, body: Option<&str>, method: Option<Method>, secret: &str) -> Parsed {
    let request = HttpRequest { method, url, body, ..HttpRequest::default() };
    parse_http_request(&request, Some(secret), Locale::En).expect("a non-empty secret is no misuse")
}

fn round_trip(order: &Order) {
    let Ok(Built::Ready(r)) = build(&order.action, &order.params, &order.options) else { return };
    let url = signed_url(&r.url, &r.string_to_sign, &order.secret).expect("non-empty secret");
    let (origin, query) = url.split_once("/?").expect("https://host/?query");
    let method = if order.bits(0, 1) == 1 { Some(r.method) } else { None };
    // The same request in each of the shapes a caller may hand over.
    let (url, body): (String, Option<String>) = match order.bits(1, 3) {
        0 => (url.clone(), None),
        1 => (query.to_owned(), None),
        2 => (format!("?{query}"), None),
        3 => (format!("/?{query}"), None),
        4 => (format!("{origin}/"), Some(query.to_owned())),
        5 => ("/".to_owned(), Some(query.to_owned())),
        // As Alibaba's docs print a request: one pair a line, white space around each.
        6 => (format!("{origin}/?\n  {}\n", query.replace('&', "\n  &")), None),
        _ => (String::new(), Some(query.replace('&', "\r\n&"))),
    };
    let what = format!("{url:?} body {body:?}");

    let p = read(&url, body.as_deref(), method, &order.secret);
    assert_eq!(p.signature, SignatureVersion::V1, "{what}");
    assert_eq!(p.action.as_deref(), Some(order.action.as_str()), "{what}");
    let written: Vec<(String, String)> = p.params.iter().map(|(k, v)| (k.clone(), v.write())).collect();
    assert_eq!(written, business(&r.params), "params not read back as written: {what}");
    assert!(p.is_valid(), "a built request reads back with errors: {:?}\n{what}", p.problems);
    assert_eq!(p.signature_valid, Some(true), "the signature does not verify: {what}");
    assert_eq!(p.method, Some(r.method), "{what}");

    let other = read(&url, body.as_deref(), method, &order.other_secret);
    assert_eq!(other.signature_valid, Some(false), "another secret verifies: {what}");
    if let Some(m) = method {
        let flipped = if m == Method::Get { Method::Post } else { Method::Get };
        assert_eq!(read(&url, body.as_deref(), Some(flipped), &order.secret).signature_valid, Some(false), "the other method verifies");
    }
    // Without a secret, a text alone reads the same.
    if body.is_none() {
        let text = parse_request(&url, Locale::En);
        assert_eq!((&text.params, &text.common, &text.problems), (&p.params, &p.common, &p.problems), "{what}");
    }
}
