//! What a form needs to render an action, read from the rule tables in one
//! locale: the data behind `describe()` (SPEC §5).
use crate::messages::Locale;
use crate::rules::{Action, Check, Field, Format, Type};

/// A rule that reads another field.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Dependency {
    /// Bounds by the other field's value: (value, min, max).
    RangeBy {
        field: &'static str,
        #[serde(serialize_with = "range_objects")]
        ranges: &'static [(&'static str, i64, i64)],
    },
    /// When `field` is `when`, this field must be `value`.
    RequiredWhen { field: &'static str, when: &'static str, value: &'static str },
    /// Only allowed when `field` is `value`.
    OnlyWith { field: &'static str, value: &'static str },
}

/// One field as a form sees it; optional keys are left out when absent, never null.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldSpec {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub ty: Type,
    pub required: bool,
    pub label: &'static str,
    pub help: &'static str,
    pub example: &'static str,
    /// Surrounding white space is part of the value.
    pub free_text: bool,
    /// Allowed strings (enum fields).
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub allowed: Option<&'static [&'static str]>,
    /// Allowed numbers (Period, DataPlan).
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub values: Option<&'static [i64]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiple_of: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// The rule that reads another field; a field has at most one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dependency: Option<Dependency>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ActionSpec {
    pub action: &'static str,
    pub version: &'static str,
    pub title: &'static str,
    pub fields: Vec<FieldSpec>,
}

/// `RangeBy`'s ranges as `[{ value, min, max }]`.
fn range_objects<S: serde::Serializer>(ranges: &&'static [(&'static str, i64, i64)], s: S) -> Result<S::Ok, S::Error> {
    #[derive(serde::Serialize)]
    struct Range {
        value: &'static str,
        min: i64,
        max: i64,
    }
    s.collect_seq(ranges.iter().map(|&(value, min, max)| Range { value, min, max }))
}

pub fn describe(action: &'static Action, locale: Locale) -> ActionSpec {
    ActionSpec {
        action: action.name,
        version: crate::rules::VERSION,
        title: action.title.get(locale),
        fields: action.fields.iter().map(|f| field(f, locale)).collect(),
    }
}

fn field(f: &'static Field, locale: Locale) -> FieldSpec {
    let mut spec = FieldSpec {
        name: f.name,
        ty: f.ty,
        required: f.required,
        allowed: None,
        values: None,
        min: None,
        max: None,
        multiple_of: None,
        min_length: None,
        max_length: None,
        format: None,
        dependency: None,
        free_text: f.free_text,
        label: f.label.get(locale),
        help: f.help.get(locale),
        example: f.example,
    };
    for check in f.checks {
        match *check {
            Check::OneOf(allowed) => spec.allowed = Some(allowed),
            Check::OneOfInt(values) => spec.values = Some(values),
            Check::AtLeast(min) => spec.min = Some(min),
            Check::Range(min, max) => (spec.min, spec.max) = (Some(min), Some(max)),
            Check::MultipleOf(step) => spec.multiple_of = Some(step),
            Check::Format(format) => spec.format = Some(format),
            Check::Length(min, max) => (spec.min_length, spec.max_length) = (Some(min), Some(max)),
            Check::KnownRegion => {}
            Check::RangeBy { field, ranges } => {
                // The widest bounds, for a number input; the dependency narrows them.
                spec.min = ranges.iter().map(|r| r.1).min();
                spec.max = ranges.iter().map(|r| r.2).max();
                spec.dependency = Some(Dependency::RangeBy { field, ranges });
            }
            // The widest bounds; the help text names each model's.
            Check::BandwidthByModel(models) => {
                (spec.min, spec.max) = crate::rules::widest(models).map_or((None, None), |(min, max)| (Some(min), Some(max)))
            }
            Check::RequiredWhen { field, when, value } => spec.dependency = Some(Dependency::RequiredWhen { field, when, value }),
            Check::OnlyWith { field, value } => spec.dependency = Some(Dependency::OnlyWith { field, value }),
        }
    }
    if f.ty == Type::String && spec.max_length.is_none() {
        spec.max_length = Some(crate::validate::MAX_VALUE_CHARS);
    }
    spec
}
