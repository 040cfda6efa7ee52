//! The validation result: one `Problem` per thing wrong with a request (SPEC §2).
use crate::messages::{self, Locale, Msg};
pub use crate::value::Param;

/// What failed: the SPEC's small closed set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    Required,
    Type,
    Enum,
    Range,
    MultipleOf,
    Format,
    Length,
    Dependency,
    Unknown,
    Reserved,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Type => "type",
            Rule::Enum => "enum",
            Rule::Range => "range",
            Rule::MultipleOf => "multipleOf",
            Rule::Format => "format",
            Rule::Length => "length",
            Rule::Dependency => "dependency",
            Rule::Unknown => "unknown",
            Rule::Reserved => "reserved",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Server error codes used when the docs name none for a mistake.
pub const MISSING_PARAMETER: &str = "MissingParameter";
pub const INVALID_PARAMETER: &str = "InvalidParameter";

/// One problem, serialized as SPEC §2 shows it (`params` an object).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Problem {
    pub field: String,
    pub rule: Rule,
    pub code: &'static str,
    pub message: String,
    #[serde(with = "crate::pairs")]
    pub params: Vec<(&'static str, Param)>,
    pub severity: Severity,
}

impl Problem {
    pub(crate) fn new(field: &str, rule: Rule, code: &'static str, msg: Msg, locale: Locale) -> Self {
        let params = msg.params();
        Problem { field: field.to_owned(), rule, code, message: messages::render(&msg, field, locale), params, severity: Severity::Error }
    }

    pub(crate) fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
