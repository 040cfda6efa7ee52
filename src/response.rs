//! Reading the gateway's answer to an order (SPEC §5, `parseResponse`): the
//! documented success fields with `OrderId` as its exact digits, or the
//! gateway's error with a hint for the buyer, or — for a body that is not the
//! gateway's JSON or XML — an error with a code of our own. Never a panic.
//!
//! The shapes, from Alibaba Cloud's "response structure" pages (e.g.
//! help.aliyun.com/document_detail/87970.html): a success is a JSON object, or
//! XML under `<ActionResponse>` (new pages) or `<Action>` (old ones, seed 001);
//! an error is HTTP 4xx/5xx with `RequestId`, `HostId`, `Code`, `Message` (and
//! `Recommend` on today's gateway), in JSON or under an XML root `<Error>`.
//! As the official `alibabacloud-tea-openapi` does, the lower-case keys
//! `code`, `message`, `requestId` are read when the capitalized ones are absent.

use crate::messages::{Locale, Text};
use crate::request::Misuse;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

mod hints;
mod xml;

pub use hints::{entry as hint_entry, generic as generic_hint, hint, CODES as HINTED_CODES};
pub use xml::MAX_DEPTH as MAX_XML_DEPTH;

/// The largest body read: 1 MiB. The gateway's answers to these actions are a
/// few hundred bytes; anything larger is a caller's mistake ([`Misuse::TooLarge`]).
pub const MAX_BODY: usize = 1 << 20;

/// Ours: the body could not be read as JSON or XML (an HTML page from a proxy,
/// a truncated body, invalid UTF-8, an empty body, a DOCTYPE, an undeclared entity).
pub const UNREADABLE: &str = "UnreadableResponse";
/// Ours: the body is JSON or XML but not the documented answer (a success
/// without `OrderId`, another action's root, an error without `Code`).
pub const UNEXPECTED: &str = "UnexpectedResponse";

/// The gateway's answer as the caller received it.
#[derive(Clone, Copy, Debug, Default)]
pub struct ResponseIn<'a> {
    /// The HTTP status; `None` when unknown (then the body alone decides).
    pub status: Option<u16>,
    /// The `Content-Type` header, when there is one.
    pub content_type: Option<&'a str>,
    /// The body's bytes, as received (UTF-8 is checked here).
    pub body: &'a [u8],
}

/// An action's documented success fields besides `RequestId`, keyed by the API's
/// names. `OrderId` is always there; the others when the action returns them and
/// the answer holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct OrderResult {
    #[serde(rename = "OrderId")]
    pub order_id: String,
    #[serde(rename = "SmartAGId", skip_serializing_if = "Option::is_none")]
    pub smart_ag_id: Option<String>,
    #[serde(rename = "ResourceGroupId", skip_serializing_if = "Option::is_none")]
    pub resource_group_id: Option<String>,
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `{ ok: true, requestId, result }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Success {
    pub request_id: Option<String>,
    pub result: OrderResult,
}

/// `{ ok: false, status, code, message, requestId, hostId, recommend, hint }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub status: Option<u16>,
    /// The gateway's `Code`, or [`UNREADABLE`] / [`UNEXPECTED`] (ours).
    pub code: String,
    /// The gateway's `Message` as sent; for our codes, our sentence in the locale.
    pub message: Option<String>,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    pub recommend: Option<String>,
    /// What the buyer can do, in the asked locale (`hints.rs`).
    pub hint: String,
}

/// What [`parse_response`] read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Success(Success),
    Failure(Failure),
}

impl Answer {
    pub fn is_ok(&self) -> bool {
        matches!(self, Answer::Success(_))
    }
}

impl Serialize for Success {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Success", 3)?;
        st.serialize_field("ok", &true)?;
        st.serialize_field("requestId", &self.request_id)?;
        st.serialize_field("result", &self.result)?;
        st.end()
    }
}

impl Serialize for Failure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Failure", 8)?;
        st.serialize_field("ok", &false)?;
        st.serialize_field("status", &self.status)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("requestId", &self.request_id)?;
        st.serialize_field("hostId", &self.host_id)?;
        st.serialize_field("recommend", &self.recommend)?;
        st.serialize_field("hint", &self.hint)?;
        st.end()
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Success(x) => x.serialize(s),
            Answer::Failure(x) => x.serialize(s),
        }
    }
}

/// Reads the gateway's answer to `action`. `Err` only for the caller's misuse:
/// an unknown action, or a body over [`MAX_BODY`]. Every body, however broken or
/// hostile, gives an [`Answer`].
pub fn parse_response(action: &str, response: &ResponseIn<'_>, locale: Locale) -> Result<Answer, Misuse> {
    let found = crate::request::find_action(action)?;
    let (action, fields) = (found.name, found.answers);
    if response.body.len() > MAX_BODY {
        return Err(Misuse::TooLarge("response.body", MAX_BODY));
    }
    let reader = Reader { action, fields, response, locale };
    Ok(match reader.read() {
        Ok(answer) => answer,
        Err((code, said)) => reader.ours(code, said),
    })
}

/// The fields of a JSON object answer or a flat XML answer, by the API's names.
enum Doc<'a> {
    Json(BTreeMap<String, &'a RawValue>),
    Xml(xml::Flat),
}

/// A field's value, as read.
enum Field {
    Absent,
    /// A string, or a number's exact text.
    Text(String, bool),
    /// null, a boolean, an object, an array.
    Other,
}

impl Doc<'_> {
    fn field(&self, name: &str) -> Field {
        match self {
            Doc::Json(map) => match map.get(name) {
                None => Field::Absent,
                Some(raw) => {
                    let t = raw.get();
                    if t.starts_with('"') {
                        serde_json::from_str::<String>(t).map_or(Field::Other, |s| Field::Text(s, false))
                    } else if t.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
                        Field::Text(t.to_owned(), true)
                    } else {
                        Field::Other
                    }
                }
            },
            Doc::Xml(flat) => match (flat.has(name), flat.get(name)) {
                (false, _) => Field::Absent,
                (true, Some(t)) => Field::Text(t.to_owned(), false),
                (true, None) => Field::Other,
            },
        }
    }

    /// A text field, by its name or (as the official SDK reads) its lower-camel name.
    fn text(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|n| match self.field(n) {
            Field::Text(t, _) => Some(t),
            _ => None,
        })
    }

    fn has(&self, name: &str) -> bool {
        !matches!(self.field(name), Field::Absent)
    }
}

struct Reader<'a, 'r> {
    action: &'static str,
    fields: &'static [&'static str],
    response: &'r ResponseIn<'a>,
    locale: Locale,
}

type Ours = (&'static str, Text);

impl<'a> Reader<'a, '_> {
    fn read(&self) -> Result<Answer, Ours> {
        let body = core::str::from_utf8(self.response.body).map_err(|_| (UNREADABLE, hints::said::NOT_UTF8))?;
        let body = body.strip_prefix('\u{feff}').unwrap_or(body);
        let trimmed = body.trim_start_matches([' ', '\t', '\r', '\n']);
        if trimmed.is_empty() {
            return Err((UNREADABLE, hints::said::EMPTY));
        }
        let declared = self.response.content_type.map(|t| t.to_ascii_lowercase()).unwrap_or_default();
        let media = declared.split(';').next().unwrap_or_default().trim();
        let json = media.ends_with("/json") || media.ends_with("+json");
        let xml = media.ends_with("/xml") || media.ends_with("+xml");
        let doc = if json || (!xml && trimmed.starts_with(['{', '['])) {
            read_json(body)?
        } else if looks_like_html(trimmed) || media == "text/html" {
            return Err((UNREADABLE, hints::said::HTML));
        } else if xml || trimmed.starts_with('<') {
            read_xml(body)?
        } else {
            return Err((UNREADABLE, hints::said::NEITHER));
        };
        self.answer(&doc)
    }

    fn answer(&self, doc: &Doc<'_>) -> Result<Answer, Ours> {
        let status = self.response.status;
        let failed_status = status.is_some_and(|s| !(200..300).contains(&s));
        let error_root = matches!(doc, Doc::Xml(flat) if flat.root == "Error");
        let code = doc.text(&["Code", "code"]);
        let has_order = doc.has("OrderId");
        if failed_status || error_root || (code.is_some() && !has_order) {
            let code = code.ok_or((UNEXPECTED, hints::said::NO_CODE))?;
            return Ok(Answer::Failure(Failure {
                status,
                hint: hints::hint(&code, self.action, self.locale),
                message: doc.text(&["Message", "message"]),
                request_id: doc.text(&["RequestId", "requestId"]),
                host_id: doc.text(&["HostId", "hostId"]),
                recommend: doc.text(&["Recommend", "recommend"]),
                code,
            }));
        }
        if let Doc::Xml(flat) = doc {
            let root = flat.root.as_str();
            let ours = root.strip_suffix("Response").unwrap_or(root);
            if ours != self.action {
                return Err((UNEXPECTED, hints::said::ROOT));
            }
        }
        let order_id = match doc.field("OrderId") {
            Field::Text(t, true) if t.bytes().all(|b| b.is_ascii_digit()) => t,
            Field::Text(t, false) if !t.trim().is_empty() => t,
            Field::Absent => return Err((UNEXPECTED, hints::said::NO_ORDER)),
            Field::Text(..) | Field::Other => return Err((UNEXPECTED, hints::said::BAD_ORDER)),
        };
        let get = |name: &str| if self.fields.contains(&name) { doc.text(&[name]) } else { None };
        Ok(Answer::Success(Success {
            request_id: doc.text(&["RequestId", "requestId"]),
            result: OrderResult {
                order_id,
                smart_ag_id: get("SmartAGId"),
                resource_group_id: get("ResourceGroupId"),
                name: get("Name"),
                description: get("Description"),
            },
        }))
    }

    /// An answer with one of our own codes; the message says what the body was.
    fn ours(&self, code: &'static str, said: Text) -> Answer {
        let status = self.response.status;
        let ct = self.response.content_type.map(|t| t.trim()).filter(|t| !t.is_empty() && t.len() <= 100);
        let detail = match (self.locale, status, ct) {
            (_, None, None) => String::new(),
            (Locale::En, Some(s), None) => format!(" (HTTP {s})"),
            (Locale::En, None, Some(t)) => format!(" ({t})"),
            (Locale::En, Some(s), Some(t)) => format!(" (HTTP {s}, {t})"),
            (Locale::ZhCn, Some(s), None) => format!("（HTTP {s}）"),
            (Locale::ZhCn, None, Some(t)) => format!("（{t}）"),
            (Locale::ZhCn, Some(s), Some(t)) => format!("（HTTP {s}，{t}）"),
        };
        Answer::Failure(Failure {
            status,
            code: code.to_owned(),
            message: Some(said.get(self.locale).replacen("{}", &detail, 1)),
            request_id: None,
            host_id: None,
            recommend: None,
            hint: hints::hint(code, self.action, self.locale),
        })
    }
}

/// An HTML page rather than the gateway's XML (a proxy's or load balancer's page).
fn looks_like_html(trimmed: &str) -> bool {
    let head = trimmed.as_bytes();
    ["<!doctype html", "<html", "<head", "<body"].iter().any(|p| head.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes())))
}

fn read_json(body: &str) -> Result<Doc<'_>, Ours> {
    // The top level as a map of raw values: each field's own token, so a number
    // keeps its exact digits. serde_json keeps its recursion limit (128) for what
    // it parses, and skips the inside of a raw value with a loop over a heap
    // stack, not recursion: any nesting within the 1 MiB cap is read safely.
    match serde_json::from_str::<BTreeMap<String, &RawValue>>(body) {
        Ok(map) => Ok(Doc::Json(map)),
        Err(e) if e.is_data() => Err((UNEXPECTED, hints::said::NOT_OBJECT)),
        Err(_) => Err((UNREADABLE, hints::said::BAD_JSON)),
    }
}

fn read_xml(body: &str) -> Result<Doc<'_>, Ours> {
    xml::read(body).map(Doc::Xml).map_err(|e| {
        (
            UNREADABLE,
            match e {
                xml::XmlError::Doctype => hints::said::DOCTYPE,
                xml::XmlError::Entity => hints::said::ENTITY,
                xml::XmlError::TooDeep => hints::said::TOO_DEEP,
                xml::XmlError::Malformed => hints::said::BAD_XML,
            },
        )
    })
}
