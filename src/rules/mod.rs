//! The rule kinds and one declarative table per action: the single source of
//! truth that the validator, the serializer, `describe` and the form all read.
mod common;
mod downgrade_hardware;
mod downgrade_software;
mod hardware;
mod software;
mod upgrade;
mod upgrade_hardware;

use crate::locale::Text;

/// The API's parameter types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Type {
    String,
    /// 32-bit signed.
    Integer,
    /// 64-bit signed, exact beyond 2^53.
    Long,
    Boolean,
}

impl Type {
    pub fn as_str(self) -> &'static str {
        match self {
            Type::String => "String",
            Type::Integer => "Integer",
            Type::Long => "Long",
            Type::Boolean => "Boolean",
        }
    }
}

/// A text shape checked by `format` rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// Lower-case words and digits joined by `-` (`cn-shanghai-finance-1`).
    RegionId,
    /// `sag-` followed by lower-case letters and digits.
    SmartAgId,
    /// `local@domain.tld`.
    Email,
    /// Starts with an English or Chinese letter; then letters, digits, `.`, `_`, `-`.
    Name,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::RegionId => "regionId",
            Format::SmartAgId => "smartAgId",
            Format::Email => "email",
            Format::Name => "name",
        }
    }
}

/// One rule on a field's coerced value. A field's checks run in order and all
/// failures are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// One of these strings (exact, case-sensitive).
    OneOf(&'static [&'static str]),
    /// One of these numbers.
    OneOfInt(&'static [i64]),
    /// At least `min` (no upper bound beyond the type's).
    AtLeast(i64),
    /// Inclusive bounds.
    Range(i64, i64),
    MultipleOf(i64),
    Format(Format),
    /// Length in characters (Unicode scalar values), inclusive.
    Length(usize, usize),
    /// A RegionId outside the official SDK's endpoint map gets a warning.
    KnownRegion,
    /// Bounds that depend on the value of another field.
    RangeBy {
        field: &'static str,
        ranges: &'static [(&'static str, i64, i64)],
    },
    /// When `field` equals `when`, this field must equal `value`.
    RequiredWhen {
        field: &'static str,
        when: &'static str,
        value: &'static str,
    },
    /// This field may only be given when `field` equals `value`.
    OnlyWith {
        field: &'static str,
        value: &'static str,
    },
    /// Bandwidth (Mbit/s) whose bounds depend on the device model of an existing
    /// instance, which the request does not carry: (model, min, max). The value is
    /// held to the widest bounds (the models' ranges overlap, so that is their
    /// union), and a problem names each model's bounds.
    BandwidthByModel(&'static [(&'static str, i64, i64)]),
}

/// One parameter of an action.
#[derive(Debug)]
pub struct Field {
    /// The name exactly as the API spells it.
    pub name: &'static str,
    pub ty: Type,
    pub required: bool,
    pub checks: &'static [Check],
    /// The server's error code for a bad value, where the docs name one.
    pub code: Option<&'static str>,
    /// Free text keeps its surrounding white space; everything else is trimmed.
    pub free_text: bool,
    pub example: &'static str,
    pub label: Text,
    pub help: Text,
}

impl Field {
    /// Whether surrounding white space is insignificant for this field.
    pub fn trims(&self) -> bool {
        !self.free_text
    }
}

/// One API action and its parameter table.
#[derive(Debug)]
pub struct Action {
    pub name: &'static str,
    pub title: Text,
    pub fields: &'static [Field],
    /// The documented success fields of its answer besides `RequestId` and
    /// `OrderId`, which every order action answers (`response::parse_response`).
    pub answers: &'static [&'static str],
}

impl Action {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// Every action the module knows, in a stable order: the first three as they
/// came, then the rest of the order family (hardware bandwidth up and down, then
/// the app's account quota down).
pub static ACTIONS: &[&Action] = &[
    &software::ACTION,
    &hardware::ACTION,
    &upgrade::ACTION,
    &upgrade_hardware::ACTION,
    &downgrade_hardware::ACTION,
    &downgrade_software::ACTION,
];

/// The names of every action, in the order of `ACTIONS`.
pub static ACTION_NAMES: &[&str] = &[
    software::ACTION.name,
    hardware::ACTION.name,
    upgrade::ACTION.name,
    upgrade_hardware::ACTION.name,
    downgrade_hardware::ACTION.name,
    downgrade_software::ACTION.name,
];

/// The smallest minimum and the largest maximum of `ranges` (`None` for none).
pub fn widest(ranges: &[(&str, i64, i64)]) -> Option<(i64, i64)> {
    let min = ranges.iter().map(|r| r.1).min()?;
    let max = ranges.iter().map(|r| r.2).max()?;
    Some((min, max))
}

/// Looks an action up by its exact name.
pub fn action(name: &str) -> Option<&'static Action> {
    ACTIONS.iter().copied().find(|a| a.name == name)
}

/// Names that are RPC common or signature parameters and may never be passed as
/// business parameters.
pub const RESERVED: &[&str] = &[
    "AccessKeyId",
    "Format",
    "SecurityToken",
    "Signature",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureType",
    "SignatureVersion",
    "Timestamp",
    "Version",
];

/// Region IDs in the official Smartag SDK's endpoint map.
pub const KNOWN_REGIONS: &[&str] = &[
    "cn-shanghai",
    "cn-hangzhou",
    "cn-hongkong",
    "cn-shanghai-finance-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-northeast-1",
    "eu-central-1",
];

/// Console display names that people paste instead of an ID, for hints: lower
/// case, without spaces, with ASCII parentheses (see `validate::region_hint`).
pub const REGION_NAMES: &[(&str, &str)] = &[
    ("china(shanghai)", "cn-shanghai"),
    ("华东2(上海)", "cn-shanghai"),
    ("china(hangzhou)", "cn-hangzhou"),
    ("华东1(杭州)", "cn-hangzhou"),
    ("china(hongkong)", "cn-hongkong"),
    ("中国香港", "cn-hongkong"),
    ("chinaeast2finance", "cn-shanghai-finance-1"),
    ("华东2金融云", "cn-shanghai-finance-1"),
    ("singapore", "ap-southeast-1"),
    ("新加坡", "ap-southeast-1"),
    ("australia(sydney)", "ap-southeast-2"),
    ("澳大利亚(悉尼)", "ap-southeast-2"),
    ("malaysia(kualalumpur)", "ap-southeast-3"),
    ("马来西亚(吉隆坡)", "ap-southeast-3"),
    ("indonesia(jakarta)", "ap-southeast-5"),
    ("印度尼西亚(雅加达)", "ap-southeast-5"),
    ("japan(tokyo)", "ap-northeast-1"),
    ("日本(东京)", "ap-northeast-1"),
    ("germany(frankfurt)", "eu-central-1"),
    ("德国(法兰克福)", "eu-central-1"),
    ("us(virginia)", "us-east-1"),
    ("美国(弗吉尼亚)", "us-east-1"),
    ("us(siliconvalley)", "us-west-1"),
    ("美国(硅谷)", "us-west-1"),
];

/// The API version every action belongs to.
pub const VERSION: &str = "2018-03-13";

#[cfg(test)]
mod tests {
    use super::{Check, ACTIONS};

    /// SPEC §2's list of rules is the order a field's problems come in, so each
    /// field's checks are declared in it: whatever the rules two checks can
    /// report, the first's come before the second's.
    #[test]
    fn checks_are_declared_in_the_spec_rule_order() {
        // The rules a check can report, as their places in the list: enum 0, range 1,
        // multipleOf 2, format 3, length 4, dependency 5.
        let rules = |check: &Check| match check {
            Check::OneOf(_) | Check::OneOfInt(_) => (0, 0),
            Check::AtLeast(_) | Check::Range(..) | Check::BandwidthByModel(_) => (1, 1),
            Check::MultipleOf(_) => (2, 2),
            // `KnownRegion`'s `enum` warning is only about a well-formed RegionId,
            // so it never comes beside a `format` problem.
            Check::Format(_) | Check::KnownRegion => (3, 3),
            Check::Length(..) => (4, 4),
            // A `range` problem without a usable value of the other field.
            Check::RangeBy { .. } => (1, 5),
            Check::RequiredWhen { .. } | Check::OnlyWith { .. } => (5, 5),
        };
        for field in ACTIONS.iter().flat_map(|a| a.fields) {
            let places: Vec<(u8, u8)> = field.checks.iter().map(rules).collect();
            assert!(places.windows(2).all(|w| matches!(w, [(_, last), (first, _)] if last <= first)), "{}: {:?}", field.name, field.checks);
        }
    }
}
