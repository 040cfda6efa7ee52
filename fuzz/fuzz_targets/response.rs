//! `parse_response` on any bytes, and on gateway-shaped JSON and XML bodies made
//! from fuzz bytes (successes and errors, junk fields nested at any depth,
//! entities, CDATA, comments, a DOCTYPE anywhere): an answer for every body
//! within `MAX_BODY` and a misuse past it; a success holding `OrderId` digits
//! (a number or a string) gives exactly those digits; an error gives its code;
//! no entity is ever expanded.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use arbitrary::Arbitrary;
use common::{mode, Mode};
use libfuzzer_sys::fuzz_target;
use smartag_request::response::{Answer, MAX_BODY, MAX_XML_DEPTH, UNREADABLE};
use smartag_request::{parse_response, Locale, Misuse, ResponseIn};

/// The text an entity declared in a DOCTYPE stands for: it must never come out.
const EXPANSION: &str = "EXPANDED_ENTITY_TEXT";

const CONTENT_TYPES: &[Option<&str>] = &[
    None,
    Some("application/json"),
    Some("application/json;charset=utf-8"),
    Some("text/xml"),
    Some("application/xml; charset=UTF-8"),
    Some("text/html"),
    Some("text/plain"),
    Some("application/problem+json"),
    Some(""),
];

/// A junk value as tokens (no recursion, so no depth limit of our own): a
/// scalar, or a container opened, filled and closed (unclosed ones close at the end).
#[derive(Arbitrary, Debug)]
enum Tok {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    Digits(Vec<u8>),
    /// An object (`true`) or an array.
    Open(bool),
    Close,
    /// Arrays or objects nested this deep.
    Deep(u16, bool),
}

type Junk = Vec<Tok>;

#[derive(Arbitrary, Debug)]
enum Shape {
    Success,
    Error,
}

#[derive(Arbitrary, Debug)]
struct Case {
    action: u8,
    unknown_action: bool,
    shape: Shape,
    xml: bool,
    /// OrderId's digits, as a JSON number (else a string).
    digits: Vec<u8>,
    number: bool,
    code: String,
    message: String,
    request_id: Option<String>,
    lower_keys: bool,
    junk: Vec<(String, Junk)>,
    /// Where to put the hostile parts of an XML body.
    doctype_at: Option<u8>,
    entity_at: Option<u8>,
    cdata: bool,
    comment: Option<String>,
    prefix: u8,
    status: u16,
    content_type: u8,
    /// Past `MAX_BODY` by this much (when `Some`), at it (`Some(0)`).
    huge: Option<u8>,
}

fuzz_target!(|data: &[u8]| {
    match mode(data) {
        None => {}
        Some(Mode::Raw(bytes)) => raw(bytes),
        Some(Mode::Lines(bytes)) => {
            // The first byte picks the status and content type; the rest is the body.
            let (head, body) = bytes.split_first().unwrap_or((&0, &[]));
            let ct = CONTENT_TYPES[usize::from(head % 9)];
            let status = [None, Some(200), Some(400), Some(404), Some(500), Some(503), Some(302), Some(204)][usize::from(head / 9 % 8)];
            let action = smartag_request::actions().nth(usize::from(head / 72) % 6).unwrap();
            read_any(action, status, ct, body);
        }
        Some(Mode::Structured(u)) => {
            if let Ok(case) = Case::arbitrary_take_rest(u) {
                shaped(case);
            }
        }
    }
});

fn actions() -> Vec<&'static str> {
    smartag_request::actions().collect()
}

/// A body as received, for every action, without and with a status and type.
fn raw(body: &[u8]) {
    for (i, action) in actions().into_iter().enumerate() {
        let ct = CONTENT_TYPES[i % CONTENT_TYPES.len()];
        read_any(action, None, None, body);
        read_any(action, Some(200), ct, body);
    }
}

fn read_any(action: &str, status: Option<u16>, content_type: Option<&str>, body: &[u8]) -> Answer {
    let response = ResponseIn { status, content_type, body };
    let answer = parse_response(action, &response, Locale::En).expect("a body within MAX_BODY is no misuse");
    assert_eq!(parse_response(action, &response, Locale::En).as_ref(), Ok(&answer), "not deterministic");
    let json = serde_json::to_value(&answer).expect("an answer serializes");
    match &answer {
        Answer::Success(s) => {
            assert!(!s.result.order_id.trim().is_empty(), "a success without an order id");
            assert_eq!(json["result"]["OrderId"], serde_json::json!(s.result.order_id), "OrderId is not its text");
            if !(status.is_none_or(|s| (200..300).contains(&s))) {
                panic!("a success with HTTP {status:?}");
            }
        }
        Answer::Failure(f) => {
            assert!(!f.hint.is_empty(), "a failure without a hint");
            assert_eq!(f.status, status);
        }
    }
    let zh = parse_response(action, &response, Locale::ZhCn).unwrap();
    assert_eq!(answer.is_ok(), zh.is_ok(), "the locale changed the outcome");
    answer
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A token's scalar text in JSON, or `None` for a container token.
fn scalar_json(t: &Tok) -> Option<String> {
    Some(match t {
        Tok::Null => "null".to_owned(),
        Tok::Bool(b) => b.to_string(),
        Tok::Int(n) => n.to_string(),
        Tok::Float(f) => serde_json::Number::from_f64(*f).map_or("0".to_owned(), |n| n.to_string()),
        Tok::Text(s) => json_string(s),
        Tok::Digits(d) => json_string(&digits(d)),
        Tok::Deep(n, objects) => {
            let n = usize::from(*n) % 5000;
            let (open, close) = if *objects { ("{\"a\":", "}") } else { ("[", "]") };
            format!("{}1{}", open.repeat(n), close.repeat(n))
        }
        Tok::Open(_) | Tok::Close => return None,
    })
}

/// One JSON value from the tokens.
fn junk_json(tokens: &[Tok], out: &mut String) {
    // Open containers: (is object, members so far).
    let mut stack: Vec<(bool, usize)> = Vec::new();
    // A close before anything is open closes nothing.
    let tokens = &tokens[tokens.iter().take_while(|t| matches!(t, Tok::Close)).count()..];
    for t in tokens {
        if let Tok::Close = t {
            if let Some((object, _)) = stack.pop() {
                out.push(if object { '}' } else { ']' });
            }
            if stack.is_empty() {
                return;
            }
            continue;
        }
        if let Some((object, n)) = stack.last_mut() {
            if *n > 0 {
                out.push(',');
            }
            if *object {
                out.push_str(&format!("\"k{n}\":"));
            }
            *n += 1;
        }
        match t {
            Tok::Open(object) => {
                out.push(if *object { '{' } else { '[' });
                stack.push((*object, 0));
            }
            t => {
                out.push_str(&scalar_json(t).unwrap_or_default());
                if stack.is_empty() {
                    return;
                }
            }
        }
    }
    if tokens.is_empty() {
        out.push_str("null");
    }
    while let Some((object, _)) = stack.pop() {
        out.push(if object { '}' } else { ']' });
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// An XML name from any text: `[A-Za-z_][A-Za-z0-9_]*`, at least one character.
fn xml_name(s: &str) -> String {
    let mut name: String = s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(20).collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        name.insert(0, 'j');
    }
    name
}

/// A child's content from the tokens; returns how deep its elements nest.
fn junk_xml(tokens: &[Tok], out: &mut String) -> usize {
    let mut stack: Vec<&str> = Vec::new();
    let mut deepest = 0;
    for t in tokens {
        match t {
            Tok::Null => {}
            Tok::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Tok::Int(n) => out.push_str(&format!("&#{};", 48 + n.unsigned_abs() % 10)),
            Tok::Float(f) => out.push_str(&escape(&f.to_string())),
            Tok::Text(s) => out.push_str(&escape(s)),
            Tok::Digits(d) => out.push_str(&format!("<![CDATA[{}]]>", digits(d))),
            Tok::Open(object) => {
                let name = if *object { "o" } else { "item" };
                out.push_str(if *object { "<o a=\"x>y\">" } else { "<item>" });
                stack.push(name);
                deepest = deepest.max(stack.len());
            }
            Tok::Close => {
                if let Some(name) = stack.pop() {
                    out.push_str(&format!("</{name}>"));
                }
            }
            Tok::Deep(n, _) => {
                let n = usize::from(*n) % 300;
                out.push_str(&"<d>".repeat(n));
                out.push_str(&"</d>".repeat(n));
                deepest = deepest.max(stack.len() + n);
            }
        }
    }
    while let Some(name) = stack.pop() {
        out.push_str(&format!("</{name}>"));
    }
    deepest
}

fn digits(bytes: &[u8]) -> String {
    let d: String = bytes.iter().take(40).map(|b| char::from(b'0' + b % 10)).collect();
    if d.is_empty() {
        "0".to_owned()
    } else {
        d
    }
}

fn shaped(c: Case) {
    let all = actions();
    if c.unknown_action {
        let r = parse_response("DescribeRegions", &ResponseIn { status: Some(200), content_type: None, body: b"{}" }, Locale::En);
        assert!(matches!(r, Err(Misuse::UnknownAction(_))));
    }
    let action = all[usize::from(c.action) % all.len()];
    if let Some(extra) = c.huge {
        // At the cap: an answer; past it: a misuse, whatever the body.
        let size = MAX_BODY + usize::from(extra % 3);
        let mut body = vec![b' '; size];
        body[0] = b'{';
        let r = parse_response(action, &ResponseIn { status: Some(200), content_type: None, body: &body }, Locale::En);
        if size > MAX_BODY {
            assert_eq!(r, Err(Misuse::TooLarge("response.body", MAX_BODY)));
        } else {
            assert!(r.is_ok(), "a body of MAX_BODY bytes is read");
        }
        return;
    }
    let success = matches!(c.shape, Shape::Success);
    // Digits: a JSON number cannot start with 0 (unless it is 0).
    let mut order_id = digits(&c.digits);
    if c.number && !c.xml {
        order_id = order_id.trim_start_matches('0').to_owned();
        if order_id.is_empty() {
            order_id = "0".to_owned();
        }
    }
    let status = if success {
        [None, Some(200), Some(201), Some(299)][usize::from(c.status % 4)]
    } else {
        [None, Some(400), Some(403), Some(404), Some(500), Some(503)][usize::from(c.status % 6)]
    };
    let (code_key, message_key, id_key) = if c.lower_keys { ("code", "message", "requestId") } else { ("Code", "Message", "RequestId") };
    let known = ["OrderId", "Code", "code", "Message", "message", "RequestId", "requestId"];
    let junk: Vec<&(String, Junk)> =
        c.junk.iter().filter(|(k, _)| !known.contains(&xml_name(k).as_str()) && !known.contains(&k.as_str())).collect();
    let prefix = ["", " ", "\u{feff}", "\r\n\t ", "\u{feff}\n"][usize::from(c.prefix % 5)];

    let (body, ct) = if !c.xml {
        let mut fields: Vec<String> = Vec::new();
        for (k, v) in &junk {
            let mut s = json_string(k);
            s.push(':');
            junk_json(v, &mut s);
            fields.push(s);
        }
        if let Some(id) = &c.request_id {
            fields.push(format!("{}:{}", json_string(id_key), json_string(id)));
        }
        if success {
            let value = if c.number { order_id.clone() } else { json_string(&order_id) };
            fields.push(format!("\"OrderId\":{value}"));
        } else {
            fields.push(format!("{}:{}", json_string(code_key), json_string(&c.code)));
            fields.push(format!("{}:{}", json_string(message_key), json_string(&c.message)));
        }
        let turn = usize::from(c.prefix) % fields.len();
        fields.rotate_left(turn);
        let ct =
            [None, Some("application/json"), Some("application/json;charset=utf-8"), Some("text/plain")][usize::from(c.content_type % 4)];
        (format!("{prefix}{{{}}}\n", fields.join(",")), ct)
    } else {
        let root = if !success {
            "Error".to_owned()
        } else if c.lower_keys {
            action.to_owned()
        } else {
            format!("{action}Response")
        };
        let mut children: Vec<String> = Vec::new();
        let mut too_deep = false;
        for (k, v) in &junk {
            let k = xml_name(k);
            let mut s = format!("<{k}>");
            // The child is at depth 1 below the root; the reader reads up to MAX_XML_DEPTH - 1.
            too_deep |= 1 + junk_xml(v, &mut s) >= MAX_XML_DEPTH;
            s.push_str(&format!("</{k}>"));
            children.push(s);
        }
        if let Some(id) = &c.request_id {
            children.push(format!("<RequestId>{}</RequestId>", escape(id)));
        }
        if success {
            let text = if c.cdata { format!("<![CDATA[{order_id}]]>") } else { format!(" {order_id}\n") };
            children.push(format!("<OrderId>{text}</OrderId>"));
        } else {
            children.push(format!("<Code>{}</Code>", escape(&c.code)));
            // No `<` or `>` in a CDATA section or a comment, so that a DOCTYPE put
            // "between two elements" below never lands inside one.
            children.push(format!("<Message><![CDATA[{}]]></Message>", c.message.replace(['<', '>'], "")));
        }
        if let Some(comment) = &c.comment {
            children.push(format!("<!--{}-->", comment.replace("--", "- ").replace(['<', '>'], "")));
        }
        let turn = usize::from(c.prefix) % children.len();
        children.rotate_left(turn);
        let mut inside = children.concat();
        let hostile = c.doctype_at.is_some() || c.entity_at.is_some();
        // A DOCTYPE that declares an entity, in the prolog or among the children.
        if let Some(at) = c.doctype_at {
            let doctype = format!("<!DOCTYPE {root} [<!ENTITY e \"{EXPANSION}\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
            let at = boundary(&inside, at);
            inside.insert_str(at, &doctype);
        }
        // A reference to an entity that is not predefined, in a child's text.
        if let Some(at) = c.entity_at {
            let child = "<RequestId>&e;</RequestId>";
            let at = boundary(&inside, at);
            inside.insert_str(at, child);
        }
        let decl = if c.prefix.is_multiple_of(2) { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" } else { "" };
        // 255: in the prolog, before the root.
        let prolog = match c.doctype_at {
            Some(255) => format!("<!DOCTYPE {root} SYSTEM \"http://example.com/{EXPANSION}.dtd\">"),
            _ => String::new(),
        };
        let body = format!("{prefix}{decl}{prolog}<{root}>{inside}</{root}>");
        let ct = [None, Some("text/xml"), Some("application/xml; charset=UTF-8")][usize::from(c.content_type % 3)];
        let answer = read_any(action, status, ct, body.as_bytes());
        let text = serde_json::to_string(&answer).unwrap();
        assert!(!text.contains(EXPANSION), "an entity was expanded: {text}");
        if too_deep && !hostile {
            match &answer {
                Answer::Failure(f) => assert_eq!(f.code, UNREADABLE, "nesting past MAX_XML_DEPTH was read: {body}"),
                Answer::Success(_) => panic!("nesting past MAX_XML_DEPTH was read"),
            }
            return;
        }
        if hostile {
            match &answer {
                Answer::Failure(f) => assert_eq!(f.code, UNREADABLE, "a DOCTYPE or entity was read: {body}"),
                Answer::Success(_) => panic!("a DOCTYPE or undeclared entity was read: {body}"),
            }
            return;
        }
        (body, ct)
    };
    let answer = read_any(action, status, ct, body.as_bytes());
    let what = format!("{status:?} {ct:?} {body:?}");
    match (success, answer) {
        (true, Answer::Success(s)) => {
            assert_eq!(s.result.order_id, order_id, "OrderId digits changed: {what}");
            let id = c.request_id.as_deref().map(|i| if c.xml { i.trim_matches([' ', '\t', '\r', '\n']) } else { i });
            assert_eq!(s.request_id.as_deref(), id, "{what}");
        }
        (false, Answer::Failure(f)) => {
            let code = if c.xml { c.code.trim_matches([' ', '\t', '\r', '\n']) } else { c.code.as_str() };
            assert_eq!(f.code, code, "the error code changed: {what}");
            if !c.xml {
                assert_eq!(f.message.as_deref(), Some(c.message.as_str()), "{what}");
            }
        }
        (_, a) => panic!("expected {}, got {a:?}: {what}", if success { "a success" } else { "an error" }),
    }
}

/// A char boundary of `s` picked by `at`, between two children when it can be (0 or the end).
fn boundary(s: &str, at: u8) -> usize {
    let candidates: Vec<usize> = std::iter::once(0).chain(s.match_indices("><").map(|(i, _)| i + 1)).chain([s.len()]).collect();
    candidates[usize::from(at) % candidates.len()]
}
