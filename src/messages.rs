//! The English and Chinese message catalogs. A message is built from a `Msg`
//! (what went wrong, with its numbers) and the field name; the rule code never
//! holds a sentence, so both catalogs stay complete side by side.
pub use crate::locale::{Locale, Text};
use crate::rules::{Format, Type};
use crate::value::Param;

/// What went wrong, with the values the message is built from.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Required,
    Type {
        expected: Type,
        /// What was given, described for the message.
        got: String,
        /// What was given, for `params.value`.
        value: Param,
    },
    NotUnicode,
    OneOf {
        allowed: &'static [&'static str],
        got: String,
        hint: Option<&'static str>,
    },
    OneOfInt {
        allowed: &'static [i64],
        got: i64,
    },
    AtLeast {
        min: i64,
        got: i64,
    },
    Range {
        min: i64,
        max: i64,
        got: i64,
    },
    MultipleOf {
        step: i64,
        got: i64,
    },
    Format {
        format: Format,
        got: String,
        hint: Option<String>,
    },
    /// An ID with `*` in it: a masked example copied from documentation.
    Masked {
        got: String,
    },
    Length {
        min: usize,
        max: usize,
        got: usize,
    },
    /// Outside the widest bounds of an SAG device bandwidth (`Check::BandwidthByModel`).
    BandwidthByModel {
        models: &'static [(&'static str, i64, i64)],
        min: i64,
        max: i64,
        got: i64,
    },
    RangeBy {
        field: &'static str,
        when: String,
        min: i64,
        max: i64,
        got: i64,
    },
    RequiredWhen {
        field: &'static str,
        when: &'static str,
        value: &'static str,
        got: String,
    },
    OnlyWith {
        field: &'static str,
        value: &'static str,
    },
    Unknown {
        hint: Option<&'static str>,
    },
    Reserved,
    UnknownRegion {
        got: String,
        known: &'static [&'static str],
    },
    /// A request's `Timestamp` that is not `YYYY-MM-DDThh:mm:ssZ`.
    Timestamp {
        got: String,
    },
    /// A key given more than once in a query string.
    Duplicate,
    /// A `%` not followed by two hex digits, or escapes that are not UTF-8.
    BadEncoding {
        got: String,
    },
    /// A V3 `Authorization` header that is not
    /// `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`.
    Authorization {
        got: String,
    },
    /// A V3 header sent but not in `SignedHeaders` (`listed: false`), or in
    /// `SignedHeaders` but not sent (`listed: true`).
    Unsigned {
        listed: bool,
    },
    /// A V3 `x-acs-signature-nonce` that is not 1 to 128 printable ASCII characters.
    Nonce {
        got: String,
    },
    /// A V3 `x-acs-content-sha256` that is not 64 hex digits (`body: None`), or
    /// not the SHA-256 of the body, which is `body`.
    ContentHash {
        got: String,
        body: Option<String>,
    },
    /// More items than are read (headers); the rest are left out.
    TooMany {
        max: usize,
        got: usize,
    },
}

fn int(n: i64) -> Param {
    Param::Int(n)
}
fn text(s: &str) -> Param {
    Param::Str(s.to_owned())
}
fn size(n: usize) -> Param {
    Param::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

impl Msg {
    /// The `params` object of the problem: the numbers and values of the message.
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        let mut p = match self {
            Msg::Required | Msg::NotUnicode | Msg::Reserved | Msg::Unknown { .. } | Msg::Duplicate => vec![],
            Msg::Type { expected, value, .. } => vec![("expected", text(expected.as_str())), ("value", value.clone())],
            Msg::OneOf { allowed, got, .. } => vec![("allowed", Param::Strs(allowed.to_vec())), ("value", text(got))],
            Msg::OneOfInt { allowed, got } => vec![("allowed", Param::Ints(allowed.to_vec())), ("value", int(*got))],
            Msg::AtLeast { min, got } => vec![("min", int(*min)), ("value", int(*got))],
            Msg::Range { min, max, got } => vec![("min", int(*min)), ("max", int(*max)), ("value", int(*got))],
            Msg::MultipleOf { step, got } => vec![("multipleOf", int(*step)), ("value", int(*got))],
            Msg::Format { format, got, .. } => vec![("format", text(format.as_str())), ("value", text(got))],
            Msg::Masked { got } => vec![("format", text(Format::SmartAgId.as_str())), ("value", text(got))],
            Msg::Length { min, max, got } => vec![("minLength", size(*min)), ("maxLength", size(*max)), ("length", size(*got))],
            Msg::BandwidthByModel { models, min, max, got } => vec![
                ("min", int(*min)),
                ("max", int(*max)),
                ("value", int(*got)),
                ("models", Param::Strs(models.iter().map(|m| m.0).collect())),
                ("modelMin", Param::Ints(models.iter().map(|m| m.1).collect())),
                ("modelMax", Param::Ints(models.iter().map(|m| m.2).collect())),
            ],
            Msg::RangeBy { field, when, min, max, got } => {
                vec![("field", text(field)), ("fieldValue", text(when)), ("min", int(*min)), ("max", int(*max)), ("value", int(*got))]
            }
            Msg::RequiredWhen { field, when, value, got } => {
                vec![("field", text(field)), ("fieldValue", text(when)), ("required", text(value)), ("value", text(got))]
            }
            Msg::OnlyWith { field, value } => vec![("field", text(field)), ("fieldValue", text(value))],
            Msg::UnknownRegion { got, known } => vec![("value", text(got)), ("known", Param::Strs(known.to_vec()))],
            Msg::Timestamp { got } => vec![("format", text("YYYY-MM-DDThh:mm:ssZ")), ("value", text(got))],
            Msg::BadEncoding { got } => vec![("value", text(got))],
            Msg::Authorization { got } => vec![("format", text(AUTHORIZATION_FORMAT)), ("value", text(got))],
            Msg::Unsigned { .. } => vec![],
            Msg::Nonce { got } => vec![("value", text(got))],
            Msg::ContentHash { got, body: None } => vec![("value", text(got))],
            Msg::ContentHash { got, body: Some(body) } => vec![("value", text(got)), ("expected", text(body))],
            Msg::TooMany { max, got } => vec![("max", size(*max)), ("value", size(*got))],
        };
        match self {
            Msg::OneOf { hint: Some(h), .. } | Msg::Unknown { hint: Some(h) } => p.push(("hint", text(h))),
            Msg::Format { hint: Some(h), .. } => p.push(("hint", text(h))),
            _ => {}
        }
        p
    }
}

/// The shape of a V3 `Authorization` header, for messages.
const AUTHORIZATION_FORMAT: &str = "ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>";

/// Builds the sentence for `msg` about `field` in `locale`.
pub fn render(msg: &Msg, field: &str, locale: Locale) -> String {
    // An empty name (a key `""`) is shown as one, not as nothing.
    let field = if field.is_empty() { "\"\"" } else { field };
    match locale {
        Locale::En => en(msg, field),
        Locale::ZhCn => zh(msg, field),
    }
}

fn type_en(t: Type) -> &'static str {
    match t {
        Type::String => "text (a string)",
        Type::Integer => "a whole number from -2147483648 to 2147483647",
        Type::Long => "a whole number from -9223372036854775808 to 9223372036854775807 (beyond 2^53, pass a decimal string or a BigInt)",
        Type::Boolean => "true or false",
    }
}

fn type_zh(t: Type) -> &'static str {
    match t {
        Type::String => "文本（字符串）",
        Type::Integer => "-2147483648 到 2147483647 之间的整数",
        Type::Long => "-9223372036854775808 到 9223372036854775807 之间的整数（超过 2^53 时请以十进制字符串或 BigInt 传入）",
        Type::Boolean => "true 或 false",
    }
}

fn format_en(f: Format) -> &'static str {
    match f {
        Format::RegionId => "a region ID such as cn-shanghai (lower-case words and digits joined by '-')",
        Format::SmartAgId => "an instance ID: sag- followed by lower-case letters and digits",
        Format::Email => "an e-mail address such as name@example.com",
        Format::Name => "text that starts with a letter (English or Chinese) and contains only letters, digits, '.', '_' and '-'",
    }
}

fn format_zh(f: Format) -> &'static str {
    match f {
        Format::RegionId => "地域 ID，例如 cn-shanghai（由 '-' 连接的小写字母和数字）",
        Format::SmartAgId => "实例 ID：sag- 后接小写字母和数字",
        Format::Email => "电子邮箱地址，例如 name@example.com",
        Format::Name => "以大小写字母或中文开头、只包含字母、数字、半角句号（.）、下划线（_）和短划线（-）的文本",
    }
}

fn en(msg: &Msg, f: &str) -> String {
    match msg {
        Msg::Required => format!("{f} is required."),
        Msg::Type { expected, got, .. } => format!("{f} must be {}; got {got}.", type_en(*expected)),
        Msg::NotUnicode => {
            format!("{f} contains a broken character (an unpaired UTF-16 surrogate) that cannot be sent; retype the text.")
        }
        Msg::OneOf { allowed: [one], got, hint } => format!("{f} must be {one}; got {}{}", crate::value::quote(got), hint_en(*hint)),
        Msg::OneOf { allowed, got, hint } => {
            format!("{f} must be one of {}; got {}{}", allowed.join(", "), crate::value::quote(got), hint_en(*hint))
        }
        Msg::OneOfInt { allowed: [one], got } => format!("{f} must be {one}; got {got}."),
        Msg::OneOfInt { allowed, got } => format!("{f} must be one of {}; got {got}.", ints(allowed, ", ")),
        Msg::AtLeast { min, got } => format!("{f} must be at least {min}; got {got}."),
        Msg::Range { min, max, got } => format!("{f} must be between {min} and {max}; got {got}."),
        Msg::MultipleOf { step, got } => {
            format!("{f} must be a multiple of {step} ({step}, {}, {} ...); got {got}.", step.saturating_mul(2), step.saturating_mul(3))
        }
        Msg::Format { format, got, hint } => {
            format!("{f} must be {}; got {}{}", format_en(*format), crate::value::quote(got), hint_en(hint.as_deref()))
        }
        Msg::Masked { got } => format!(
            "{f} must be {}; got {}. The '*' characters look like a masked example from the documentation: use your instance's full ID.",
            format_en(Format::SmartAgId),
            crate::value::quote(got)
        ),
        Msg::Length { min: 0, max, got } => format!("{f} must be at most {max} characters long; got {got}."),
        Msg::Length { min, max, got } => format!("{f} must be {min} to {max} characters long; got {got}."),
        Msg::BandwidthByModel { models, min, max, got } => format!(
            "{f} must be between {min} and {max} Mbit/s, by the instance's device model ({}); got {got}. \
             An upgrade must raise the current bandwidth and a downgrade must lower it, which only the service checks.",
            bands(models, " to ", ", ", " ")
        ),
        Msg::RangeBy { field, when, min, max, got } => {
            format!("With {field} {when}, {f} must be between {min} and {max}; got {got}.")
        }
        Msg::RequiredWhen { field, when, value, got } => {
            format!("With {field} {when}, {f} must be {value}; got {}.", crate::value::quote(got))
        }
        Msg::OnlyWith { field, value } => format!("{f} can only be given when {field} is {value}."),
        Msg::Unknown { hint } => format!("{f} is not a parameter of this action and would not be sent{}", hint_en(*hint)),
        Msg::Reserved => {
            format!("{f} is a common request or signature parameter, not a business parameter; the build sets it (some from its options), or signing adds it.")
        }
        Msg::UnknownRegion { got, known } => format!(
            "{f} {got} is not in the official SDK's endpoint list ({}); check that Smart Access Gateway is offered there.",
            known.join(", ")
        ),
        Msg::Timestamp { got } => {
            format!("{f} must be a UTC time written YYYY-MM-DDThh:mm:ssZ, such as 2016-02-23T12:46:24Z; got {}.", crate::value::quote(got))
        }
        Msg::Duplicate => format!("{f} is given more than once; a request holds each parameter once."),
        Msg::BadEncoding { got } => format!(
            "{f} has a broken percent-encoding ('%' must be followed by two hex digits, and the bytes must be UTF-8): {}.",
            crate::value::quote(got)
        ),
        Msg::Authorization { got } => {
            format!("{f} must be written {AUTHORIZATION_FORMAT}; got {}.", crate::value::quote(got))
        }
        Msg::Unsigned { listed: false } => {
            format!("{f} is sent but not listed in SignedHeaders: every common request header that is sent must be signed.")
        }
        Msg::Unsigned { listed: true } => format!("{f} is listed in SignedHeaders but not sent."),
        Msg::Nonce { got } => {
            format!("{f} must be 1 to 128 printable ASCII characters without spaces, unique per request; got {}.", crate::value::quote(got))
        }
        Msg::ContentHash { got, body: None } => {
            format!("{f} must be the SHA-256 of the body in lower-case hex (64 digits); got {}.", crate::value::quote(got))
        }
        Msg::ContentHash { got, body: Some(body) } => {
            format!("{f} must be the SHA-256 of the body, {body}; got {}.", crate::value::quote(got))
        }
        Msg::TooMany { max, got } => format!("A request holds at most {max} {f}; got {got}: the rest are not read."),
    }
}

fn zh(msg: &Msg, f: &str) -> String {
    match msg {
        Msg::Required => format!("{f} 为必填参数。"),
        Msg::Type { expected, got, .. } => format!("{f} 必须是 {}；实际为 {}。", type_zh(*expected), kind_zh(got)),
        Msg::NotUnicode => format!("{f} 含有无法发送的损坏字符（未配对的 UTF-16 代理项），请重新输入。"),
        Msg::OneOf { allowed: [one], got, hint } => {
            format!("{f} 必须为 {one}；实际为 {}。{}", crate::value::quote(got), hint_zh(*hint))
        }
        Msg::OneOf { allowed, got, hint } => {
            format!("{f} 必须是 {} 之一；实际为 {}。{}", allowed.join("、"), crate::value::quote(got), hint_zh(*hint))
        }
        Msg::OneOfInt { allowed: [one], got } => format!("{f} 必须为 {one}；实际为 {got}。"),
        Msg::OneOfInt { allowed, got } => format!("{f} 必须是 {} 之一；实际为 {got}。", ints(allowed, "、")),
        Msg::AtLeast { min, got } => format!("{f} 不能小于 {min}；实际为 {got}。"),
        Msg::Range { min, max, got } => format!("{f} 的取值范围为 {min}~{max}；实际为 {got}。"),
        Msg::MultipleOf { step, got } => {
            format!("{f} 必须是 {step} 的倍数（{step}、{}、{} ……）；实际为 {got}。", step.saturating_mul(2), step.saturating_mul(3))
        }
        Msg::Format { format, got, hint } => {
            format!("{f} 必须是{}；实际为 {}。{}", format_zh(*format), crate::value::quote(got), hint_zh(hint.as_deref()))
        }
        Msg::Masked { got } => format!(
            "{f} 必须是{}；实际为 {}。其中的 '*' 是文档中打码的示例，请填写实例的完整 ID。",
            format_zh(Format::SmartAgId),
            crate::value::quote(got)
        ),
        Msg::Length { min: 0, max, got } => format!("{f} 的长度不能超过 {max} 个字符；实际为 {got} 个字符。"),
        Msg::Length { min, max, got } => format!("{f} 的长度必须为 {min}~{max} 个字符；实际为 {got} 个字符。"),
        Msg::BandwidthByModel { models, min, max, got } => format!(
            "{f} 的取值范围为 {min}~{max} Mbit/s，具体取决于实例的设备型号（{}）；实际为 {got}。\
             升级时必须高于当前带宽，降级时必须低于当前带宽，这一点仅由服务端检查。",
            bands(models, "~", "；", "：")
        ),
        Msg::RangeBy { field, when, min, max, got } => {
            format!("{field} 为 {when} 时，{f} 的取值范围为 {min}~{max}；实际为 {got}。")
        }
        Msg::RequiredWhen { field, when, value, got } => {
            format!("{field} 为 {when} 时，{f} 必须为 {value}；实际为 {}。", crate::value::quote(got))
        }
        Msg::OnlyWith { field, value } => format!("仅当 {field} 为 {value} 时才能填写 {f}。"),
        Msg::Unknown { hint } => format!("{f} 不是本接口的参数，不会被发送。{}", hint_zh(*hint)),
        Msg::Reserved => {
            format!("{f} 是公共请求参数或签名参数，不能作为业务参数传入；它由构建设置（部分取自构建选项）或在签名时添加。")
        }
        Msg::UnknownRegion { got, known } => {
            format!("{f} {got} 不在官方 SDK 的接入点列表（{}）中；请确认该地域提供智能接入网关服务。", known.join("、"))
        }
        Msg::Timestamp { got } => {
            format!("{f} 必须是 YYYY-MM-DDThh:mm:ssZ 格式的 UTC 时间，例如 2016-02-23T12:46:24Z；实际为 {}。", crate::value::quote(got))
        }
        Msg::Duplicate => format!("{f} 出现了不止一次；一个请求中每个参数只能出现一次。"),
        Msg::BadEncoding { got } => {
            format!("{f} 的百分号编码有误（'%' 后必须跟两位十六进制数字，且解码后必须是 UTF-8）：{}。", crate::value::quote(got))
        }
        Msg::Authorization { got } => format!("{f} 的格式必须为 {AUTHORIZATION_FORMAT}；实际为 {}。", crate::value::quote(got)),
        Msg::Unsigned { listed: false } => format!("{f} 已发送，但未列入 SignedHeaders：发送的公共请求头都必须参与签名。"),
        Msg::Unsigned { listed: true } => format!("{f} 列在 SignedHeaders 中，但请求中没有该请求头。"),
        Msg::Nonce { got } => {
            format!("{f} 必须是 1~128 个不含空格的可打印 ASCII 字符，且每个请求各不相同；实际为 {}。", crate::value::quote(got))
        }
        Msg::ContentHash { got, body: None } => {
            format!("{f} 必须是请求正文的 SHA-256 摘要（64 位小写十六进制）；实际为 {}。", crate::value::quote(got))
        }
        Msg::ContentHash { got, body: Some(body) } => {
            format!("{f} 必须是请求正文的 SHA-256 摘要 {body}；实际为 {}。", crate::value::quote(got))
        }
        Msg::TooMany { max, got } => format!("一个请求最多读取 {max} 个 {f}；实际为 {got} 个，其余的不予读取。"),
    }
}

/// Each model's bounds, `SAG-100WM 2 to 50, SAG-1000 10 to 500` (en) or
/// `SAG-100WM：2~50；SAG-1000：10~500` (zh).
fn bands(models: &[(&str, i64, i64)], to: &str, sep: &str, is: &str) -> String {
    use core::fmt::Write;
    let mut out = String::new();
    for (i, (model, min, max)) in models.iter().enumerate() {
        // Writing to a String cannot fail.
        let _ = write!(out, "{}{model}{is}{min}{to}{max}", if i > 0 { sep } else { "" });
    }
    out
}

/// The end of a sentence that may carry a near-miss hint (SPEC §2: "did you mean PREPAY?").
fn hint_en(hint: Option<&str>) -> String {
    hint.map_or_else(|| ".".to_owned(), |h| format!("; did you mean {h}?"))
}

/// The Chinese for the descriptions `value::describe` gives of non-text values.
fn kind_zh(got: &str) -> &str {
    match got {
        "an array" => "数组",
        "an object" => "对象",
        "a function" => "函数",
        "a symbol" => "Symbol 值",
        other => other,
    }
}

fn hint_zh(hint: Option<&str>) -> String {
    hint.map(|h| format!("您是否想填写 {h}？")).unwrap_or_default()
}

/// Numbers joined by `sep`, as the catalogs list allowed values.
fn ints(items: &[i64], sep: &str) -> String {
    items.iter().map(i64::to_string).collect::<Vec<_>>().join(sep)
}
