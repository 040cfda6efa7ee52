//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use smartag_request::{validate, BuildOptions, Input, Locale, Problem};

pub const SOFTWARE: &str = "CreateSmartAccessGatewaySoftware";
pub const HARDWARE: &str = "CreateSmartAccessGateway";
pub const UPGRADE: &str = "UpgradeSmartAccessGatewaySoftware";
pub const UPGRADE_HARDWARE: &str = "UpgradeSmartAccessGateway";
pub const DOWNGRADE_HARDWARE: &str = "DowngradeSmartAccessGateway";
pub const DOWNGRADE_SOFTWARE: &str = "DowngradeSmartAccessGatewaySoftware";
pub const NONCE: &str = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";
pub const TIMESTAMP: &str = "2016-02-23T12:46:24Z";

/// Form-style parameters: every value a string.
pub fn form(pairs: &[(&str, &str)]) -> Vec<(String, Input)> {
    pairs.iter().map(|(k, v)| (k.to_string(), Input::from(*v))).collect()
}

/// Seed 000's request example (zh, CreateSmartAccessGatewaySoftware).
pub fn seed000() -> Vec<(String, Input)> {
    form(&[
        ("RegionId", "cn-shanghai"),
        ("Period", "12"),
        ("AutoPay", "true"),
        ("ChargeType", "PREPAY"),
        ("UserCount", "5"),
        ("DataPlan", "5"),
    ])
}

/// A valid hardware order: seed 003's table examples, with an e-mail address
/// (the seed gives none) and RegionId as an ID (the seed gives a display name).
pub fn hardware() -> Vec<(String, Input)> {
    form(&[
        ("RegionId", "cn-shanghai"),
        ("AutoPay", "true"),
        ("BuyerMessage", "pls. deliver asap"),
        ("ChargeType", "PREPAY"),
        ("HaType", "no_backup"),
        ("HardWareSpec", "sag-100wm"),
        ("MaxBandWidth", "12"),
        ("Period", "12"),
        ("ReceiverAddress", "Room XX, XX Building"),
        ("ReceiverCity", "Long Beach"),
        ("ReceiverCountry", "US"),
        ("ReceiverDistrict", "Queen District"),
        ("ReceiverEmail", "tony@example.com"),
        ("ReceiverMobile", "13*********"),
        ("ReceiverName", "Tony"),
        ("ReceiverState", "California"),
        ("ReceiverTown", "Fairy Town"),
        ("ReceiverZip", "310000"),
        ("Description", "sag"),
        ("Name", "test"),
        ("ReceiverPhone", "13*********"),
    ])
}

/// A request example as a documentation page writes it (`K=V&K=V`), as form strings.
pub fn query(example: &str) -> Vec<(String, Input)> {
    example.split('&').filter_map(|pair| pair.split_once('=')).map(|(k, v)| (k.to_owned(), Input::from(v))).collect()
}

/// shared/docs/order-family.md's request example of UpgradeSmartAccessGateway (the Chinese page), as written.
pub const UPGRADE_HARDWARE_EXAMPLE: &str = "AutoPay=true&BandWidthSpec=3&RegionId=cn-hangzhou&SmartAGId=sag-d3m51apgw4po******";
/// The request example of DowngradeSmartAccessGateway, as written.
pub const DOWNGRADE_HARDWARE_EXAMPLE: &str = "AutoPay=true&BandWidthSpec=20&RegionId=cn-hangzhou&SmartAGId=sag-nylv14tghsk26c*****";
/// The request example of DowngradeSmartAccessGatewaySoftware, as written.
pub const DOWNGRADE_SOFTWARE_EXAMPLE: &str = "AutoPay=1&DataPlan=5&RegionId=cn-shanghai&SmartAGId=sag-n2uym2h45lnd31****&UserCount=5";

/// A doc example with its masked instance ID unmasked (the `*`s dropped): a valid request.
pub fn unmasked(example: &str) -> Vec<(String, Input)> {
    query(&example.replace('*', ""))
}

/// Replaces (or adds) one parameter.
pub fn with(mut params: Vec<(String, Input)>, key: &str, value: impl Into<Input>) -> Vec<(String, Input)> {
    params.retain(|(k, _)| k != key);
    params.push((key.to_owned(), value.into()));
    params
}

pub fn without(mut params: Vec<(String, Input)>, key: &str) -> Vec<(String, Input)> {
    params.retain(|(k, _)| k != key);
    params
}

pub fn options() -> BuildOptions {
    BuildOptions { access_key_id: "testid".into(), nonce: NONCE.into(), timestamp: TIMESTAMP.into(), ..Default::default() }
}

pub fn problems(action: &str, params: &[(String, Input)]) -> Vec<Problem> {
    validate(action, params, Locale::En).expect("known action")
}

/// (field, rule) of every error, in order.
pub fn errors(action: &str, params: &[(String, Input)]) -> Vec<(String, &'static str)> {
    problems(action, params).into_iter().filter(|p| p.is_error()).map(|p| (p.field, p.rule.as_str())).collect()
}

pub fn one(field: &str, rule: &'static str) -> Vec<(String, &'static str)> {
    vec![(field.to_owned(), rule)]
}
