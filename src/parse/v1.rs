//! A V1 request's common parameters, and its signature.
use super::Pairs;
use crate::messages::Msg;
use crate::problem::{Rule, INVALID_PARAMETER, MISSING_PARAMETER};
use crate::request::{is_timestamp, Method, Misuse};
use crate::rpc::v1;
use crate::rules::{ACTION_NAMES, VERSION};
use crate::sign::{same_signature, sign, SignatureVersion};
use crate::validate::{near, Report};

/// Codes that Alibaba Cloud's API gateway answers for these mistakes, from its
/// list of common client error codes ("管控OpenAPI的客户端公用错误码").
pub(super) const API_NOT_FOUND: &str = "InvalidApi.NotFound";
pub(super) const BAD_TIMESTAMP: &str = "InvalidTimeStamp.Format";
const BAD_FORMAT: &str = "InvalidParameter.Format";
pub(super) const BAD_SIGNATURE_METHOD: &str = "InvalidSignatureMethod";

/// What a common parameter must be.
enum Expect {
    /// Any non-empty value.
    Given,
    /// One of these (exact); the code for another value.
    OneOf(&'static [&'static str], &'static str),
    /// One of these, in any case; the code for another value.
    OneOfAnyCase(&'static [&'static str], &'static str),
    Timestamp,
}

/// The common parameters of a V1 request that are checked, in report order.
///
/// Not checked: `SignatureType`, which aliyun-python-sdk-core 2.16.1 sends empty
/// (`SignatureType=`) with every HMAC-SHA1 request (its signer's type is `""`;
/// tests/sdk): it is read as a common parameter, signed like the others, and an
/// empty value is not a problem. `SecurityToken` and `Signature` are read and not
/// checked here; the signature is checked by [`verify`].
const COMMON: &[(&str, bool, Expect)] = &[
    ("Action", true, Expect::OneOf(ACTION_NAMES, API_NOT_FOUND)),
    ("Version", true, Expect::OneOf(&[VERSION], INVALID_PARAMETER)),
    // Any letter case: the official SDKs send `Format=json` with V1
    // (alibabacloud-tea-openapi 0.4.6 and @alicloud/openapi-client 0.4.15;
    // `Format=JSON` from aliyun-python-sdk-core and @alicloud/pop-core), and the
    // gateway answers JSON to both.
    ("Format", false, Expect::OneOfAnyCase(&["JSON", "XML"], BAD_FORMAT)),
    ("AccessKeyId", true, Expect::Given),
    ("SignatureMethod", true, Expect::OneOf(&["HMAC-SHA1"], BAD_SIGNATURE_METHOD)),
    ("SignatureVersion", true, Expect::OneOf(&["1.0"], INVALID_PARAMETER)),
    ("SignatureNonce", true, Expect::Given),
    ("Timestamp", true, Expect::Timestamp),
];

/// The non-empty value of a common parameter.
pub(super) fn given<'a>(common: &'a Pairs, name: &str) -> Option<&'a str> {
    common.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty())
}

/// Reports every problem of the common parameters, in `COMMON`'s order.
pub(super) fn check(common: &Pairs, report: &mut Report) {
    for (name, required, expect) in COMMON {
        let Some(v) = given(common, name) else {
            if *required {
                report.add(name, Rule::Required, MISSING_PARAMETER, Msg::Required);
            }
            continue;
        };
        match expect {
            Expect::OneOf(allowed, code) if !allowed.contains(&v) => {
                report.add(name, Rule::Enum, code, Msg::OneOf { allowed, got: v.to_owned(), hint: near(v, allowed) })
            }
            Expect::OneOfAnyCase(allowed, code) if !allowed.iter().any(|a| a.eq_ignore_ascii_case(v)) => {
                report.add(name, Rule::Enum, code, Msg::OneOf { allowed, got: v.to_owned(), hint: near(v, allowed) })
            }
            Expect::Timestamp if !is_timestamp(v) => report.add(name, Rule::Format, BAD_TIMESTAMP, Msg::Timestamp { got: v.to_owned() }),
            _ => {}
        }
    }
}

/// Whether `Signature` is the V1 signature of the other pairs with `secret`,
/// sent with `method`. `false` when there is no `Signature`.
pub(super) fn verify(pairs: &Pairs, common: &Pairs, secret: &str, method: Method) -> Result<bool, Misuse> {
    let mut unsigned: Vec<(&str, &str)> = pairs.iter().filter(|(k, _)| k != "Signature").map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let string_to_sign = v1::string_to_sign(method.as_str(), &v1::canonical_query(&mut unsigned));
    let expected = sign(&string_to_sign, secret, SignatureVersion::V1)?;
    Ok(common.iter().find(|(k, _)| k == "Signature").is_some_and(|(_, given)| same_signature(&expected, given)))
}
