//! Runs an action's table over the caller's values and collects every problem
//! (SPEC §2), in table order then rule order, capped at `MAX_PROBLEMS`.
use crate::messages::{Locale, Msg};
use crate::problem::{Problem, Rule, INVALID_PARAMETER, MISSING_PARAMETER};
use crate::rules::{Action, Check, Field, Format, KNOWN_REGIONS, REGION_NAMES, RESERVED};
use crate::value::{coerce, Coerced, Input, Refusal, Value};

/// At most this many problems are reported, so a hostile input cannot make the report huge.
pub const MAX_PROBLEMS: usize = 100;
/// The longest string value accepted, in characters: far above any real order,
/// and it keeps a query string within what Alibaba's gateway accepts.
pub const MAX_VALUE_CHARS: usize = 4096;

/// The caller's parameters, in the caller's order.
pub type Params = [(String, Input)];

/// The result of checking a request: every problem, and the coerced values of
/// the fields that were given (in table order).
#[derive(Debug, Default)]
pub struct Checked {
    pub problems: Vec<Problem>,
    pub values: Vec<(&'static Field, Value)>,
}

impl Checked {
    /// Whether no problem is an error (warnings do not make a request invalid).
    pub fn is_valid(&self) -> bool {
        !self.problems.iter().any(Problem::is_error)
    }
}

/// Problems collected so far, capped at `MAX_PROBLEMS`.
pub(crate) struct Report {
    pub(crate) problems: Vec<Problem>,
    pub(crate) locale: Locale,
}

impl Report {
    pub(crate) fn add(&mut self, field: &str, rule: Rule, code: &'static str, msg: Msg) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(field, rule, code, msg, self.locale));
        }
    }

    fn warn(&mut self, field: &str, msg: Msg) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(field, Rule::Enum, INVALID_PARAMETER, msg, self.locale).warning());
        }
    }

    pub(crate) fn full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }
}

/// Validates `params` against `action`'s table.
pub fn check(action: &'static Action, params: &Params, locale: Locale) -> Checked {
    let mut report = Report { problems: Vec::new(), locale };
    // Each field's input (the first given under its name), and whether a name is
    // not a field's: one pass over the params, not one per field.
    let mut inputs: Vec<Option<&Input>> = vec![None; action.fields.len()];
    let mut strangers = false;
    for (key, input) in params {
        match action.fields.iter().position(|f| f.name == key) {
            Some(i) => {
                if let Some(slot) = inputs.get_mut(i) {
                    slot.get_or_insert(input);
                }
            }
            None => strangers = true,
        }
    }
    let coerced: Vec<(&'static Field, Coerced)> = action
        .fields
        .iter()
        .zip(inputs)
        .map(|(field, input)| (field, input.map_or(Coerced::Absent, |v| coerce(v, field.ty, field.trims()))))
        .collect();
    let lookup = |name: &str| {
        coerced.iter().find(|(f, _)| f.name == name).and_then(|(_, c)| match c {
            Coerced::Given(Value::Text(s)) => Some(s.as_str()),
            _ => None,
        })
    };

    // Whether each given value passed, so that the values move out afterwards.
    let mut passed = Vec::with_capacity(coerced.len());
    for (field, c) in &coerced {
        if report.full() {
            break;
        }
        match c {
            Coerced::Absent if field.required => report.add(field.name, Rule::Required, MISSING_PARAMETER, Msg::Required),
            Coerced::Absent => {}
            Coerced::Refused(Refusal::Type(got, value)) => report.add(
                field.name,
                Rule::Type,
                INVALID_PARAMETER,
                Msg::Type { expected: field.ty, got: got.clone(), value: value.clone() },
            ),
            Coerced::Refused(Refusal::NotUnicode) => report.add(field.name, Rule::Format, INVALID_PARAMETER, Msg::NotUnicode),
            Coerced::Given(v) => {
                let before = report.problems.len();
                run_checks(&mut report, field, v, &lookup);
                passed.push(!report.problems.iter().skip(before).any(Problem::is_error));
                continue;
            }
        }
        passed.push(false);
    }
    // Sized up front: collecting a filter would grow the vector step by step.
    let mut values = Vec::with_capacity(coerced.len());
    for ((field, c), ok) in coerced.into_iter().zip(passed) {
        if let (Coerced::Given(v), true) = (c, ok) {
            values.push((field, v));
        }
    }
    if strangers {
        check_names(&mut report, action, params);
    }
    Checked { problems: report.problems, values }
}

fn run_checks<'a>(report: &mut Report, field: &Field, value: &Value, lookup: &impl Fn(&str) -> Option<&'a str>) {
    let name = field.name;
    let code = field.code.unwrap_or(INVALID_PARAMETER);
    // A text has no more characters than bytes, so a short one is not counted.
    if let Value::Text(s) = value {
        if s.len() > MAX_VALUE_CHARS {
            let len = s.chars().count();
            if len > MAX_VALUE_CHARS {
                // Nothing else is worth checking on a value this long.
                return report.add(name, Rule::Length, code, Msg::Length { min: 0, max: MAX_VALUE_CHARS, got: len });
            }
        }
    }
    for check in field.checks {
        match (check, value) {
            (Check::OneOf(allowed), Value::Text(s)) if !allowed.contains(&s.as_str()) => {
                report.add(name, Rule::Enum, code, Msg::OneOf { allowed, got: s.clone(), hint: near(s, allowed) })
            }
            (Check::OneOfInt(allowed), Value::Int(n)) if !allowed.contains(n) => {
                report.add(name, Rule::Enum, code, Msg::OneOfInt { allowed, got: *n })
            }
            (Check::AtLeast(min), Value::Int(n)) if n < min => report.add(name, Rule::Range, code, Msg::AtLeast { min: *min, got: *n }),
            (Check::Range(min, max), Value::Int(n)) if n < min || n > max => {
                report.add(name, Rule::Range, code, Msg::Range { min: *min, max: *max, got: *n })
            }
            (Check::MultipleOf(step), Value::Int(n)) if n.checked_rem(*step).is_some_and(|r| r != 0) => {
                report.add(name, Rule::MultipleOf, code, Msg::MultipleOf { step: *step, got: *n })
            }
            (Check::Format(format), Value::Text(s)) => check_format(report, name, code, *format, s),
            (Check::Length(min, max), Value::Text(s)) => {
                let len = s.chars().count();
                if len < *min || len > *max {
                    report.add(name, Rule::Length, code, Msg::Length { min: *min, max: *max, got: len });
                }
            }
            (Check::KnownRegion, Value::Text(s)) if !KNOWN_REGIONS.contains(&s.as_str()) && is_region_id(s) => {
                report.warn(name, Msg::UnknownRegion { got: s.clone(), known: KNOWN_REGIONS })
            }
            (Check::RangeBy { field, ranges }, Value::Int(n)) => match lookup(field).and_then(|w| ranges.iter().find(|r| r.0 == w)) {
                Some((when, min, max)) if n < min || n > max => report.add(
                    name,
                    Rule::Dependency,
                    code,
                    Msg::RangeBy { field, when: (*when).to_owned(), min: *min, max: *max, got: *n },
                ),
                Some(_) => {}
                // Without a usable HardWareSpec, hold the value to the widest bounds.
                None => {
                    let min = ranges.iter().map(|r| r.1).min().unwrap_or(i64::MIN);
                    let max = ranges.iter().map(|r| r.2).max().unwrap_or(i64::MAX);
                    if *n < min || *n > max {
                        report.add(name, Rule::Range, code, Msg::Range { min, max, got: *n });
                    }
                }
            },
            (Check::BandwidthByModel(models), Value::Int(n)) => {
                if let Some((min, max)) = crate::rules::widest(models).filter(|(min, max)| n < min || n > max) {
                    report.add(name, Rule::Range, code, Msg::BandwidthByModel { models, min, max, got: *n });
                }
            }
            (Check::RequiredWhen { field, when, value }, Value::Text(s)) if lookup(field) == Some(when) && s != value => {
                report.add(name, Rule::Dependency, code, Msg::RequiredWhen { field, when, value, got: s.clone() })
            }
            (Check::OnlyWith { field, value }, _) if lookup(field).is_some_and(|w| w != *value) => {
                report.add(name, Rule::Dependency, code, Msg::OnlyWith { field, value })
            }
            _ => {}
        }
    }
}

fn check_format(report: &mut Report, name: &str, code: &'static str, format: Format, s: &str) {
    let ok = match format {
        Format::RegionId => is_region_id(s),
        Format::SmartAgId => is_smartag_id(s),
        Format::Email => is_email(s),
        Format::Name => is_name(s),
    };
    if ok {
        return;
    }
    let msg = match format {
        Format::SmartAgId if s.starts_with("sag-") && s.bytes().any(|b| b == b'*') => Msg::Masked { got: s.to_owned() },
        Format::RegionId => Msg::Format { format, got: s.to_owned(), hint: region_hint(s) },
        _ => Msg::Format { format, got: s.to_owned(), hint: None },
    };
    report.add(name, Rule::Format, code, msg);
}

/// Unknown and reserved names, sorted by name so the order does not depend on the caller's.
fn check_names(report: &mut Report, action: &Action, params: &Params) {
    // A name whose value is not given (SPEC §3: absent, null, "") is not a parameter at all.
    let given = |v: &Input| !matches!(v, Input::Missing | Input::Null) && !matches!(v, Input::Text(s) if s.is_empty());
    let mut names: Vec<&str> = params.iter().filter(|(k, v)| given(v) && action.field(k).is_none()).map(|(k, _)| k.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let fields: Vec<&'static str> = action.fields.iter().map(|f| f.name).collect();
    for key in names {
        if report.full() {
            return;
        }
        if RESERVED.contains(&key) {
            report.add(key, Rule::Reserved, INVALID_PARAMETER, Msg::Reserved);
        } else {
            // A name in another case or misspelt (`regionid`, `Region`, `UserCnt`).
            report.add(key, Rule::Unknown, INVALID_PARAMETER, Msg::Unknown { hint: near(key, &fields) });
        }
    }
}

/// A close allowed value for a near miss: same letters in another case, or else
/// the closest one at most two edits away, where the edits are at most a third of
/// what was typed (`Date` is not a miss of `Name`). Allowed values are ASCII, so
/// ASCII case folding finds every such miss (and keeps Unicode case tables out of
/// the module).
pub(crate) fn near(got: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let fold = |s: &str| s.chars().map(|c| if c == '-' { '_' } else { c.to_ascii_lowercase() }).collect::<String>();
    let lower = got.to_ascii_lowercase();
    if let Some(same) = allowed.iter().find(|a| fold(a) == fold(got)) {
        return Some(same);
    }
    // At most two edits, and at most a third of what was typed; then only closer ones.
    let mut limit = usize::min(2, got.chars().count() / 3);
    let mut best = None;
    for a in allowed.iter().filter(|a| a.len() > 3) {
        let edits = edit_distance(&a.to_ascii_lowercase(), &lower);
        if edits <= limit {
            best = Some(*a);
            let Some(closer) = edits.checked_sub(1) else { break };
            limit = closer;
        }
    }
    best
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    if b.len() > 64 {
        return usize::MAX; // not a near miss; keeps the work bounded
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let (Some(&left), Some(&up)) = (row.get(j), row.get(j + 1)) else { break };
            let cost = if ca == *cb { prev } else { prev + 1 };
            prev = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = cost.min(left + 1).min(up + 1);
            }
        }
    }
    row.last().copied().unwrap_or(usize::MAX)
}

fn is_lower_alnum(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// `cn-shanghai`, `ap-southeast-1`, `cn-shanghai-finance-1`.
pub(crate) fn is_region_id(s: &str) -> bool {
    // One pass over the bytes: no part may be empty, so a '-' may not start, end or follow another.
    let mut after_dash = true;
    let mut dashes = 0;
    for b in s.bytes() {
        if b == b'-' {
            if after_dash {
                return false;
            }
            dashes += 1;
        } else if !(b.is_ascii_lowercase() || b.is_ascii_digit()) {
            return false;
        }
        after_dash = b == b'-';
    }
    // The ID becomes one DNS label of the default endpoint, so at most 63 characters.
    s.len() <= 63 && dashes > 0 && !after_dash && s.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
}

/// A hint for `s`, a RegionId already trimmed by `coerce`.
fn region_hint(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let squeezed: String = lower
        .chars()
        .filter(|&c| !crate::value::is_js_space(c))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect();
    if let Some((_, id)) = REGION_NAMES.iter().find(|(name, _)| *name == squeezed) {
        return Some((*id).to_owned());
    }
    let dashed: String = lower.chars().map(|c| if c == ' ' || c == '_' { '-' } else { c }).collect();
    if is_region_id(&dashed) {
        return Some(dashed);
    }
    // A bare city such as "shanghai": the known region it ends.
    KNOWN_REGIONS.iter().find(|id| id.strip_suffix(lower.as_str()).is_some_and(|head| head.ends_with('-'))).map(|id| (*id).to_owned())
}

fn is_smartag_id(s: &str) -> bool {
    s.strip_prefix("sag-").is_some_and(|rest| rest.len() <= 64 && is_lower_alnum(rest))
}

/// A letter of a domain name: ASCII letters, and any non-ASCII character that is
/// not white space, a control or one of the CJK and general punctuation blocks
/// (internationalized domains; explicit ranges keep Unicode tables out of the module).
fn is_domain_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (!c.is_ascii()
            && !c.is_whitespace()
            && !c.is_control()
            && !matches!(c, '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{2bff}' | '\u{3000}'..='\u{303f}' | '\u{fe00}'..='\u{fe6f}' | '\u{ff00}'..='\u{ff0f}'))
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| is_domain_letter(c) || c.is_ascii_digit() || c == '-')
    };
    let labels: Vec<&str> = domain.split('.').collect();
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        // Dots separate the local part's words (RFC 5322 dot-atom): none first, last or doubled.
        && local.split('.').all(|word| !word.is_empty())
        && local.chars().all(|c| {
            !c.is_whitespace() && !c.is_control() && !matches!(c, '@' | '<' | '>' | '(' | ')' | '[' | ']' | '\\' | ',' | ';' | ':' | '"')
        })
        && labels.len() >= 2
        && labels.iter().all(|l| label_ok(l))
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(is_domain_letter))
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || is_chinese(c))
        && chars.all(|c| c.is_ascii_alphanumeric() || is_chinese(c) || matches!(c, '.' | '_' | '-'))
}
