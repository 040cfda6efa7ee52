//! What to do about an error answer: one sentence per error code, in English and
//! Chinese, for the buyer who placed the order. Each entry names its source:
//! a seed or `shared/docs/order-family.md`, Alibaba Cloud's common error code
//! pages, the official SDKs, or "ours" for the codes this crate coins.
//!
//! Sources, as cited below:
//! - seed 004: `shared/seeds/004_…` (UpgradeSmartAccessGatewaySoftware), error table.
//! - family: `shared/docs/order-family.md` (the Downgrade pages' error codes).
//! - gw-48054: help.aliyun.com/document_detail/48054.html, the API gateway's
//!   client errors (InvalidAccessKeyId.NotFound, InvalidTimeStamp.Format/.Expired,
//!   SignatureNonceUsed, SignatureDoesNotMatch, Throttling.User, Throttling.Api,
//!   `Missing{ParameterName}`).
//! - pop-278265: developer.aliyun.com/ask/278265, "管控OpenAPI的客户端公用错误码"
//!   (InvalidAccessKeyId.Inactive "Specified access key is disabled.",
//!   `Invalid{ParameterName}`, Throttling.User/.Api).
//! - common-51132: help.aliyun.com/document_detail/51132.html, client error codes
//!   (MissingParameter, InvalidParameter, IncompleteSignature, Throttling, Forbidden.RAM).
//! - common-30137: help.aliyun.com/document_detail/30137.htm, client errors
//!   (Forbidden 403 "User not authorized to operate on the specified resource.").
//! - dns-errors: help.aliyun.com/en/dns/error-code, server errors (InternalError
//!   500, ServiceUnavailable 503), as many RPC products' error pages list them.
//! - smartag-ram: the Smartag API pages' authorization table names each
//!   action's RAM action as `smartag:<Action>` (e.g. smartag:UpgradeSmartAccessGateway).
//! - ram-diagnose: Alibaba Cloud's RAM permission-diagnosis guide
//!   (aliyun/alibabacloud-skills, alibabacloud-ram-permission-diagnose), which
//!   lists NoPermission and Forbidden as the permission errors; the official
//!   `alibabacloud-tea-openapi` reads an `AccessDeniedDetail` beside them.
//!
//! Not here: a bandwidth upgrade (downgrade) refused because the new
//! BandWidthSpec is not higher (lower) than the current one. order-family.md
//! says the service checks it, but no page documents the code or message it
//! answers, so there is nothing to match on: such an answer gets the generic
//! hint, which points to the gateway's own message.

use crate::messages::{Locale, Text};

/// The hint for a gateway error `code` answered to `action`: its own entry, then
/// the documented families (`Missing{ParameterName}`, `Throttling.*`), then the
/// generic one. `{action}` in an entry becomes the action's name.
pub fn hint(code: &str, action: &str, locale: Locale) -> String {
    entry(code).unwrap_or(GENERIC).get(locale).replace("{action}", action)
}

/// The entry for `code` when there is one (not the generic sentence).
pub fn entry(code: &str) -> Option<Text> {
    Some(match code {
        // [seed 004] and [family]: HTTP 400 "The specified UserCount is invalid."
        "SAG.InvalidUserCount" => USER_COUNT,
        // [seed 004] and [family]: HTTP 400 "The specified DataPlan is invalid."
        "SAG.InvalidDataPlan" => DATA_PLAN,
        // [common-51132]: 400 'The parameter "" is needed but no provided.'
        "MissingParameter" => MISSING,
        // [common-51132]: 400 'The specified parameter "Action or Version" is not valid.'
        "InvalidParameter" => INVALID,
        // [gw-48054]: 400 "Specified signature is not matched with our calculation."
        "SignatureDoesNotMatch" => SIGNATURE,
        // [common-51132]: 400 "The request signature does not conform to Aliyun standards."
        "IncompleteSignature" => INCOMPLETE_SIGNATURE,
        // [gw-48054]: 400 "Specified time stamp or date value is expired."
        "InvalidTimeStamp.Expired" => TIME_EXPIRED,
        // [gw-48054]: 400 "Specified time stamp or date value is not well formatted."
        "InvalidTimeStamp.Format" => TIME_FORMAT,
        // [gw-48054]: 400 "Specified signature nonce was used already."
        "SignatureNonceUsed" => NONCE_USED,
        // [gw-48054]: 400/404 "Specified access key is not found."
        "InvalidAccessKeyId.NotFound" => KEY_NOT_FOUND,
        // [pop-278265]: 400 "Specified access key is disabled."
        "InvalidAccessKeyId.Inactive" => KEY_INACTIVE,
        // [common-51132]: 400 "Request was denied due to request throttling."
        // [gw-48054]: Throttling.User "… user flow control.", Throttling.Api "… api flow control."
        "Throttling" | "Throttling.User" | "Throttling.Api" => THROTTLING,
        // [common-51132]: 403 "User not authorized to operate on the specified resource,
        // or this API doesn't support RAM."; [common-30137]: Forbidden 403;
        // [ram-diagnose]: NoPermission. The RAM action's name: [smartag-ram].
        "Forbidden.RAM" | "Forbidden" | "NoPermission" => PERMISSION,
        // [dns-errors]: 500 InternalError, 503 ServiceUnavailable.
        "InternalError" | "ServiceUnavailable" => SERVER,
        // Ours (src/response.rs): the body could not be read at all.
        super::UNREADABLE => UNREADABLE,
        // Ours (src/response.rs): readable, but not the documented answer.
        super::UNEXPECTED => UNEXPECTED,
        // [gw-48054]: `Missing{ParameterName}` "{ParameterName} is mandatory for this action."
        _ if code.len() > 7 && code.starts_with("Missing") => MISSING,
        // [gw-48054], [pop-278265]: the Throttling family.
        _ if code.starts_with("Throttling.") => THROTTLING,
        _ => return None,
    })
}

const USER_COUNT: Text = Text::new(
    "Set UserCount to a positive multiple of 5 (5, 10, 15 …). An upgrade must ask for more client accounts than the instance has now, a downgrade for fewer.",
    "请将 UserCount 设为 5 的正整数倍（5、10、15……）。升级时须大于实例当前的客户端账号数量，降级时须小于当前数量。",
);

const DATA_PLAN: Text = Text::new(
    "Set DataPlan to 5: 5 GB per client account per month is the only data plan on sale.",
    "请将 DataPlan 设为 5：目前只提供每个客户端账号每月 5 GB 的流量套餐。",
);

const MISSING: Text = Text::new(
    "A required parameter did not reach the gateway; the message names it. Fill it in and place the order again.",
    "有必填参数没有送达网关，错误信息中写明了参数名。请补上后重新下单。",
);

const INVALID: Text = Text::new(
    "The gateway refused a parameter value; the message names it. Correct the value and place the order again.",
    "网关拒绝了某个参数的取值，错误信息中写明了参数名。请改正后重新下单。",
);

const SIGNATURE: Text = Text::new(
    "The signature does not match: sign with the AccessKey secret that belongs to this AccessKey ID, sign exactly the string-to-sign that was built, and change no parameter after signing.",
    "签名不匹配：请使用与该 AccessKey ID 对应的 AccessKey Secret 签名，签名的内容须与生成的待签名字符串完全一致，签名后不要再改动任何参数。",
);

const INCOMPLETE_SIGNATURE: Text = Text::new(
    "The request's signature is incomplete or malformed: send every signature parameter (or, for V3, the whole Authorization header) exactly as built, then sign again.",
    "请求的签名不完整或格式不对：请原样发送所有签名参数（V3 签名则是完整的 Authorization 请求头），然后重新签名。",
);

const TIME_EXPIRED: Text = Text::new(
    "The request's time stamp is more than 15 minutes away from the gateway's clock: check the clock of the machine that builds the request, then build and sign the request again.",
    "请求的时间戳与网关时间相差超过 15 分钟：请检查生成请求的机器的时钟，然后重新生成并签名请求。",
);

const TIME_FORMAT: Text = Text::new(
    "The time stamp must be UTC in the form YYYY-MM-DDThh:mm:ssZ (for example 2024-03-29T08:00:00Z): build and sign the request again.",
    "时间戳须为 UTC 时间，格式为 YYYY-MM-DDThh:mm:ssZ（例如 2024-03-29T08:00:00Z）：请重新生成并签名请求。",
);

const NONCE_USED: Text = Text::new(
    "This SignatureNonce was used already, so the same request may have been sent before: check your orders in Billing Management first, and only if there is none, build the request again with a new nonce.",
    "该 SignatureNonce 已被使用过，同一请求可能已经发送过：请先到费用中心查看订单，确认没有订单后再用新的随机数重新生成请求。",
);

const KEY_NOT_FOUND: Text = Text::new(
    "The AccessKey ID does not exist: check that it was copied whole and that it has not been deleted in the RAM console.",
    "该 AccessKey ID 不存在：请检查是否完整复制，以及是否已在 RAM 控制台被删除。",
);

const KEY_INACTIVE: Text = Text::new(
    "This AccessKey is disabled: enable it in the RAM console, or sign with another AccessKey.",
    "该 AccessKey 已被禁用：请在 RAM 控制台启用它，或改用其他 AccessKey 签名。",
);

const THROTTLING: Text = Text::new(
    "Too many requests in a short time: no order was placed. Wait a moment, then place the order again.",
    "短时间内请求过多，订单未创建。请稍等片刻，然后重新下单。",
);

const PERMISSION: Text = Text::new(
    "The identity that signed may not place this order: have the account's administrator grant the RAM user or role the action smartag:{action}, or sign with an identity that has it.",
    "签名所用的身份无权下此订单：请让账号管理员在 RAM 中为该用户或角色授予 smartag:{action} 操作的权限，或改用有权限的身份签名。",
);

const SERVER: Text = Text::new(
    "The gateway failed on its side, and the order may or may not exist: check your orders in Billing Management before you place it again.",
    "网关内部出错，订单可能已创建也可能没有：重新下单前请先到费用中心查看订单。",
);

const UNREADABLE: Text = Text::new(
    "The answer could not be read (a proxy's page, a cut connection …), so whether the order was placed is unknown: check your orders in Billing Management before you place it again.",
    "无法读取网关的应答（可能是代理返回的页面或连接中断），无法确定订单是否已创建：重新下单前请先到费用中心查看订单。",
);

const UNEXPECTED: Text = Text::new(
    "The answer is not the one the gateway documents for this order, so whether the order was placed is unknown: check your orders in Billing Management before you place it again.",
    "应答不是网关为此订单约定的格式，无法确定订单是否已创建：重新下单前请先到费用中心查看订单。",
);

/// Ours: any code without an entry, among them an undocumented refusal of a
/// bandwidth change (see the module's documentation).
const GENERIC: Text = Text::new(
    "The gateway refused the order with this code; its message says why. Look the code up in Alibaba Cloud's error center (the recommend link, when there is one), and quote the RequestId if you contact support.",
    "网关以此错误码拒绝了订单，错误信息说明了原因。请在阿里云错误中心查询该错误码（如有 recommend 链接可直接打开）；联系技术支持时请提供 RequestId。",
);

/// Every code with an entry of its own, for tests and documentation.
pub const CODES: &[&str] = &[
    "SAG.InvalidUserCount",
    "SAG.InvalidDataPlan",
    "MissingParameter",
    "InvalidParameter",
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "InvalidTimeStamp.Expired",
    "InvalidTimeStamp.Format",
    "SignatureNonceUsed",
    "InvalidAccessKeyId.NotFound",
    "InvalidAccessKeyId.Inactive",
    "Throttling",
    "Throttling.User",
    "Throttling.Api",
    "Forbidden.RAM",
    "Forbidden",
    "NoPermission",
    "InternalError",
    "ServiceUnavailable",
    super::UNREADABLE,
    super::UNEXPECTED,
];

/// The generic sentence, for tests.
pub fn generic(locale: Locale) -> &'static str {
    GENERIC.get(locale)
}

/// Our own messages for the answers we cannot read, in both locales; `{}` in
/// them is filled by `response.rs` (the status and content type).
pub mod said {
    use crate::locale::Text;

    pub const EMPTY: Text = Text::new("The answer{} has an empty body.", "应答{}的正文为空。");
    pub const NOT_UTF8: Text = Text::new("The answer{} is not UTF-8 text.", "应答{}不是 UTF-8 文本。");
    pub const HTML: Text =
        Text::new("The answer{} is an HTML page, not the gateway's JSON or XML.", "应答{}是一个 HTML 页面，而不是网关的 JSON 或 XML。");
    pub const NEITHER: Text = Text::new("The answer{} is neither JSON nor XML.", "应答{}既不是 JSON 也不是 XML。");
    pub const BAD_JSON: Text = Text::new("The answer{} is not complete, well-formed JSON.", "应答{}不是完整、格式正确的 JSON。");
    pub const BAD_XML: Text = Text::new("The answer{} is not complete, well-formed XML.", "应答{}不是完整、格式正确的 XML。");
    pub const DOCTYPE: Text = Text::new(
        "The answer{} holds a DOCTYPE, which the gateway never sends; it was not read.",
        "应答{}含有 DOCTYPE（网关从不发送），未予读取。",
    );
    pub const ENTITY: Text = Text::new(
        "The answer{} uses an entity that XML does not predefine; it was not expanded.",
        "应答{}使用了 XML 未预定义的实体，未予展开。",
    );
    pub const TOO_DEEP: Text =
        Text::new("The answer{} is nested deeper than any answer of the gateway.", "应答{}的嵌套层数超过了网关任何应答。");
    pub const NOT_OBJECT: Text = Text::new("The answer{} is JSON but not an object.", "应答{}是 JSON，但不是对象。");
    pub const ROOT: Text = Text::new("The answer{} is XML with an unexpected root element.", "应答{}是 XML，但根元素不符合预期。");
    pub const NO_ORDER: Text = Text::new("The answer{} holds no OrderId.", "应答{}中没有 OrderId。");
    pub const BAD_ORDER: Text = Text::new("The answer{} holds an OrderId that is not a whole number.", "应答{}中的 OrderId 不是整数。");
    pub const NO_CODE: Text = Text::new("The answer{} reports a failure without an error code.", "应答{}表示失败，但没有错误码。");
}
