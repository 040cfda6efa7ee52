//! `parse_http_request` on any method, URL, headers and body (an HTTP message
//! as text, names in any letter case, more headers than are read); and requests
//! the module built and signed, V3 (`build_v3` + `authorization`, header names
//! in mixed case, unsigned headers added) and V1 (URL or form body), read back:
//! they verify; a signed header's value or a query value changed, they do not.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{business, lossy, mixed_case, mode, Mode, Order};
use libfuzzer_sys::fuzz_target;
use smartag_request::parse::{MAX_HEADERS, MAX_HEADER_CHARS};
use smartag_request::problem::Rule;
use smartag_request::rpc::encode::percent_encode;
use smartag_request::validate::MAX_PROBLEMS;
use smartag_request::{
    authorization, build, build_v3, parse_http_request, signed_url, Built, HttpRequest, Locale, Method, Parsed, ResponseFormat,
    SignatureVersion,
};

fuzz_target!(|data: &[u8]| {
    match mode(data) {
        None => {}
        Some(Mode::Raw(bytes)) => message(bytes),
        Some(m) => {
            if let Some(mut order) = Order::from_mode(m) {
                if order.bits(0, 1) == 0 {
                    order.options.format = ResponseFormat::Json;
                    v3(&order);
                } else {
                    v1(&order);
                }
            }
        }
    }
});

/// The offsets of `broken` (in `whole`) that fall in `part`, a slice of it, relative to `part`.
fn within(whole: &str, part: &str, broken: &[usize]) -> Vec<usize> {
    let start = part.as_ptr() as usize - whole.as_ptr() as usize;
    broken.iter().filter(|&&b| b >= start && b < start + part.len()).map(|b| b - start).collect()
}

/// An HTTP message as text: `METHOD url` (or just a URL, method unknown), header
/// lines `Name: value`, then after a blank line the body. A header line may say
/// `Name*N: value` to repeat itself N times (up to 400), to pass `MAX_HEADERS` cheaply;
/// `Name: value*N` pads the value to N characters (up to `MAX_HEADER_CHARS` + 2).
fn message(bytes: &[u8]) {
    let (text, broken) = lossy(bytes);
    let (head, body) = match text.split_once("\n\n") {
        Some((h, b)) => (h, Some(b)),
        None => (text.as_str(), None),
    };
    let mut lines = head.split('\n');
    let first = lines.next().unwrap_or_default();
    let (method, url) = match first.split_once(' ') {
        Some(("GET", url)) => (Some(Method::Get), url),
        Some(("POST", url)) => (Some(Method::Post), url),
        _ => (None, first),
    };
    let mut spec: Vec<(&str, String, usize)> = Vec::new();
    for line in lines {
        let (name, value) = line.split_once(':').map_or((line, ""), |(n, v)| (n, v.strip_prefix(' ').unwrap_or(v)));
        let (name, times) = match name.rsplit_once('*').and_then(|(n, t)| Some((n, t.parse::<usize>().ok()?))) {
            Some((n, t)) => (n, t.min(400)),
            None => (name, 1),
        };
        let value = match value.rsplit_once('*').and_then(|(v, p)| Some((v, p.parse::<usize>().ok()?))) {
            Some((v, p)) => format!("{v}{}", "v".repeat(p.min(MAX_HEADER_CHARS + 2).saturating_sub(v.chars().count()))),
            None => value.to_owned(),
        };
        spec.push((name, value, times));
    }
    let headers: Vec<(&str, &str)> =
        spec.iter().flat_map(|(name, value, times)| std::iter::repeat_n((*name, value.as_str()), *times)).collect();
    let request = HttpRequest {
        method,
        url,
        headers: &headers,
        body,
        url_broken: &within(&text, url, &broken),
        body_broken: &body.map(|b| within(&text, b, &broken)).unwrap_or_default(),
    };
    for secret in [None, Some(common::SECRET)] {
        let p = parse_http_request(&request, secret, Locale::En).expect("no misuse");
        assert!(p.problems.len() <= MAX_PROBLEMS, "{} problems", p.problems.len());
        assert_eq!(p.signature_valid.is_some(), secret.is_some());
        if headers.len() > MAX_HEADERS {
            let first = p.problems.first().expect("too many headers is a problem");
            assert_eq!((first.field.as_str(), first.rule), ("headers", Rule::Length), "the first problem is the header count");
            // The headers past the cap are not read: the same as with the first MAX_HEADERS alone.
            let capped = parse_http_request(&HttpRequest { headers: &headers[..MAX_HEADERS], ..request }, secret, Locale::En).unwrap();
            same_but_problems(&p, &capped);
            let n = capped.problems.len().min(MAX_PROBLEMS - 1);
            assert_eq!(p.problems[1..], capped.problems[..n], "the problems past the header count differ");
        }
        // A header over MAX_HEADER_CHARS is a problem and is not read.
        let read = &headers[..headers.len().min(MAX_HEADERS)];
        let long = |(n, v): &&(&str, &str)| n.chars().count() + v.chars().count() > MAX_HEADER_CHARS;
        if read.iter().any(|h| long(&h)) {
            assert!(p.problems.iter().any(|q| q.rule == Rule::Length), "a long header gave no problem");
            let kept: Vec<(&str, &str)> = read.iter().filter(|h| !long(h)).copied().collect();
            let without = parse_http_request(&HttpRequest { headers: &kept, ..request }, secret, Locale::En).unwrap();
            same_but_problems(&p, &without);
        }
    }
}

fn same_but_problems(a: &Parsed, b: &Parsed) {
    assert_eq!(
        (&a.endpoint, &a.action, &a.params, &a.common, a.signature, a.method, a.signature_valid),
        (&b.endpoint, &b.action, &b.params, &b.common, b.signature, b.method, b.signature_valid),
        "a header that is not read changed the reading"
    );
}

fn parse(method: Option<Method>, url: &str, headers: &[(&str, &str)], body: Option<&str>, secret: &str) -> Parsed {
    let request = HttpRequest { method, url, headers, body, ..HttpRequest::default() };
    parse_http_request(&request, Some(secret), Locale::En).expect("a non-empty secret is no misuse")
}

/// Header names a client may add that are not signed (nor must be).
const UNSIGNED: &[&str] = &["user-agent", "accept", "accept-encoding", "content-length", "x-forwarded-for", "x-acs-credentials-provider"];

fn v3(order: &Order) {
    let Ok(Built::Ready(r)) = build_v3(&order.action, &order.params, &order.options) else { return };
    let auth = authorization(&r.access_key_id, &r.signed_headers, &r.string_to_sign, &order.secret).expect("non-empty secret");
    // The signed headers with their names in mixed case, the Authorization header, and unsigned ones.
    let names: Vec<String> = r.headers.iter().enumerate().map(|(i, (k, _))| mixed_case(k, order.shape.rotate_left(i as u32 * 7))).collect();
    let auth_name = mixed_case("authorization", order.shape >> 3);
    let mut headers: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(r.headers.iter().map(|(_, v)| v.as_str())).collect();
    headers.push((&auth_name, &auth));
    let extra = order.bits(4, 3) as usize;
    let extra_names: Vec<String> = (0..extra).map(|i| mixed_case(UNSIGNED[i % UNSIGNED.len()], order.shape >> i)).collect();
    for name in &extra_names {
        headers.push((name, &order.other_secret));
    }
    // Shuffle by rotating: the order of headers does not matter.
    let turn = order.bits(7, 4) as usize % headers.len();
    headers.rotate_left(turn);

    let (origin, query) = r.url.split_once("/?").expect("https://host/?query");
    let url = if order.bits(11, 1) == 1 { r.url.clone() } else { format!("/?{query}") };
    let method = if order.bits(12, 1) == 1 { Some(r.method) } else { None };
    let body = if order.bits(13, 1) == 1 { Some("") } else { None };
    let what = format!("{url} {headers:?}");

    let p = parse(method, &url, &headers, body, &order.secret);
    assert_eq!(p.signature, SignatureVersion::V3, "{what}");
    assert_eq!(p.action.as_deref(), Some(order.action.as_str()), "{what}");
    let written: Vec<(String, String)> = p.params.iter().map(|(k, v)| (k.clone(), v.write())).collect();
    assert_eq!(written, r.params, "params not read back as written: {what}");
    assert!(p.is_valid(), "a built V3 request reads back with errors: {:?}\n{what}", p.problems);
    assert_eq!((p.signature_valid, p.method), (Some(true), Some(r.method)), "the V3 signature does not verify: {what}");
    assert_eq!(p.endpoint.as_deref(), origin.strip_prefix("https://"), "{what}");
    assert_eq!(parse(method, &url, &headers, body, &order.other_secret).signature_valid, Some(false), "another secret verifies");

    // One signed header's value changed (in a way trimming cannot undo).
    let i = order.bits(14, 8) as usize % r.headers.len();
    let changed = format!("{}x", r.headers[i].1);
    let tampered: Vec<(&str, &str)> =
        headers.iter().map(|&(k, v)| if k.eq_ignore_ascii_case(&r.headers[i].0) { (k, changed.as_str()) } else { (k, v) }).collect();
    let p = parse(method, &url, &tampered, body, &order.secret);
    assert_eq!(p.signature_valid, Some(false), "header {} changed and the signature still verifies", r.headers[i].0);

    // One query value changed.
    let j = order.bits(22, 8) as usize % r.params.len();
    let query: Vec<String> = r
        .params
        .iter()
        .enumerate()
        .map(|(n, (k, v))| format!("{}={}{}", percent_encode(k), percent_encode(v), if n == j { "x" } else { "" }))
        .collect();
    let p = parse(method, &format!("/?{}", query.join("&")), &headers, body, &order.secret);
    assert_eq!(p.signature_valid, Some(false), "query value {} changed and the signature still verifies", r.params[j].0);
}

fn v1(order: &Order) {
    let Ok(Built::Ready(r)) = build(&order.action, &order.params, &order.options) else { return };
    let url = signed_url(&r.url, &r.string_to_sign, &order.secret).expect("non-empty secret");
    let (origin, query) = url.split_once("/?").expect("https://host/?query");
    let method = if order.bits(1, 1) == 1 { Some(r.method) } else { None };
    let content_type =
        ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8"][order.bits(2, 1) as usize].to_owned();
    let ct_name = mixed_case("content-type", order.shape >> 5);
    let extra_names: Vec<String> =
        (0..order.bits(11, 3) as usize).map(|i| mixed_case(UNSIGNED[i % UNSIGNED.len()], order.shape >> i)).collect();
    let mut headers: Vec<(&str, &str)> = extra_names.iter().map(|n| (n.as_str(), order.other_secret.as_str())).collect();
    // As the official SDKs do, V1 requests may carry x-acs-action and x-acs-version too.
    if order.bits(14, 1) == 1 {
        headers.push(("x-acs-action", &order.action));
        headers.push(("X-Acs-Version", "2018-03-13"));
    }
    let (url, body) = match order.bits(3, 2) {
        0 => (url.clone(), None),
        1 => (format!("/?{query}"), Some("")),
        2 => {
            headers.push((&ct_name, &content_type));
            (format!("{origin}/"), Some(query))
        }
        _ => ("/".to_owned(), Some(query)),
    };
    let what = format!("{url} {headers:?} {body:?}");
    let p = parse(method, &url, &headers, body, &order.secret);
    assert_eq!(p.signature, SignatureVersion::V1, "{what}");
    let written: Vec<(String, String)> = p.params.iter().map(|(k, v)| (k.clone(), v.write())).collect();
    assert_eq!(written, business(&r.params), "params not read back as written: {what}");
    assert!(p.is_valid(), "a built V1 request reads back with errors: {:?}\n{what}", p.problems);
    assert_eq!((p.signature_valid, p.method), (Some(true), Some(r.method)), "the V1 signature does not verify: {what}");
    assert_eq!(parse(method, &url, &headers, body, &order.other_secret).signature_valid, Some(false), "another secret verifies");
}
