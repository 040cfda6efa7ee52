//! # smartag-request
//!
//! The parameter rules of Alibaba Cloud Smart Access Gateway order APIs
//! (`Smartag`, version 2018-03-13), validation against them, and serialization of
//! a valid request into a signed-ready RPC query string (signature version 1.0,
//! or V3 headers and canonical request) and an `aliyun` CLI line ([`cli`]);
//! signing for trusted contexts ([`sign`]); reading requests (V1 and V3,
//! [`parse`]) and the gateway's answers ([`response`]) back.
//!
//! Data flows one way: caller values ([`Input`]) → coercion ([`value`]) →
//! the action's table ([`rules`]) and [`validate`] → [`Problem`]s, or → [`rpc`] →
//! canonical query → string-to-sign. Every shape that crosses to JS is a serde
//! type. Nothing here knows about JavaScript; the wasm bindings live in
//! `src/wasm/` alone.
//!
//! ```
//! use smartag_request::{build, BuildOptions, Built, Input};
//! let params: Vec<(String, Input)> = [
//!     ("RegionId", "cn-shanghai"), ("Period", "12"), ("AutoPay", "true"),
//!     ("ChargeType", "PREPAY"), ("UserCount", "5"), ("DataPlan", "5"),
//! ].into_iter().map(|(k, v)| (k.to_owned(), Input::from(v))).collect();
//! let options = BuildOptions {
//!     access_key_id: "testid".into(),
//!     timestamp: "2016-02-23T12:46:24Z".into(),
//!     nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf".into(),
//!     ..Default::default()
//! };
//! let Ok(Built::Ready(request)) = build("CreateSmartAccessGatewaySoftware", &params, &options) else { panic!() };
//! assert!(request.string_to_sign.starts_with("GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateSmartAccessGatewaySoftware"));
//! ```

pub mod cli;
pub mod describe;
pub mod locale;
pub mod messages;
pub mod pairs;
pub mod parse;
pub mod problem;
pub mod request;
pub mod response;
pub mod rpc;
pub mod rules;
pub mod sign;
pub mod validate;
pub mod value;
/// The JS bindings; public so the wasm tests can call them as JS does.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use cli::command_line;
pub use locale::{Locale, Text};
pub use parse::{parse_http_request, parse_request, parse_request_lossy, HttpRequest, Parsed};
pub use problem::{Param, Problem, Rule, Severity};
pub use request::{
    build, build_request, build_v3, BuildOptions, Built, Method, Misuse, Order, Ready, ResponseFormat, SignedReady, SignedReadyV3,
};
pub use response::{parse_response, Answer, ResponseIn};
pub use sign::{authorization, sign, signed_url, SignatureVersion};
pub use value::{Input, Value};

/// The names of every action, in a stable order.
pub fn actions() -> impl Iterator<Item = &'static str> {
    rules::ACTION_NAMES.iter().copied()
}

/// Every problem with `params` for `action`, in table order then rule order.
pub fn validate(action: &str, params: &validate::Params, locale: Locale) -> Result<Vec<Problem>, Misuse> {
    let action = request::find_action(action)?;
    Ok(validate::check(action, params, locale).problems)
}
