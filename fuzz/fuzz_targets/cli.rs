//! `cli::command_line` on any action and parameters: when it gives a line,
//! splitting the line as a POSIX shell would (a small splitter here: bare words,
//! single quotes, backslash escapes; no process is spawned) gives
//! `aliyun smartag <Action> --force`, then `--Key value` (or `--Key=value` for
//! a value that starts with `-`) for the business parameters in byte order of
//! their keys; nothing a shell would interpret is left unquoted; and there is
//! no line exactly when a word would hold U+0000.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use arbitrary::Arbitrary;
use common::{lossy, mode, Mode};
use libfuzzer_sys::fuzz_target;
use smartag_request::{cli, rules};

/// What the CLI adds itself (the module's documented list): never on the line.
const ADDED_BY_CLI: &[&str] = &[
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "SignatureType",
    "Timestamp",
    "SecurityToken",
];

#[derive(Arbitrary, Debug)]
enum Name {
    Known(u8),
    Any(String),
}

#[derive(Arbitrary, Debug)]
struct Case {
    action: Name,
    params: Vec<(Name, String)>,
}

fuzz_target!(|data: &[u8]| {
    let (action, params) = match mode(data) {
        None => return,
        // Text: the action on the first line, then `Key=value` lines (a value may hold `\n` as `\\n`).
        Some(Mode::Raw(bytes) | Mode::Lines(bytes)) => {
            let (text, _) = lossy(bytes);
            let mut lines = text.split('\n');
            let action = lines.next().unwrap_or_default().to_owned();
            let params = lines
                .map(|l| l.split_once('=').unwrap_or((l, "")))
                .map(|(k, v)| (k.to_owned(), v.replace("\\n", "\n")))
                .collect::<Vec<_>>();
            (action, params)
        }
        Some(Mode::Structured(u)) => {
            let Ok(case) = Case::arbitrary_take_rest(u) else { return };
            let names: Vec<&str> =
                rules::ACTIONS.iter().flat_map(|a| a.fields.iter().map(|f| f.name)).chain(ADDED_BY_CLI.iter().copied()).collect();
            let name = |n: Name| match n {
                Name::Known(i) => names[usize::from(i) % names.len()].to_owned(),
                Name::Any(s) => s,
            };
            let action = match case.action {
                Name::Known(i) => rules::ACTION_NAMES[usize::from(i) % rules::ACTION_NAMES.len()].to_owned(),
                Name::Any(s) => s,
            };
            (action, case.params.into_iter().map(|(k, v)| (name(k), v)).collect())
        }
    };
    check(&action, &params);
});

fn check(action: &str, params: &[(String, String)]) {
    let mut kept: Vec<&(String, String)> = params.iter().filter(|(k, _)| !ADDED_BY_CLI.contains(&k.as_str())).collect();
    // Stable: a repeated key keeps its order.
    kept.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let nul = action.contains('\0') || kept.iter().any(|(k, v)| k.contains('\0') || v.contains('\0'));
    let line = cli::command_line(action, params);
    let Some(line) = line else {
        assert!(nul, "no line, and no word holds U+0000");
        return;
    };
    assert!(!nul, "a line for a word holding U+0000: {line:?}");
    let mut expected: Vec<String> = vec!["aliyun".into(), "smartag".into(), action.to_owned(), "--force".into()];
    for (k, v) in kept {
        if v.starts_with('-') {
            expected.push(format!("--{k}={v}"));
        } else {
            expected.push(format!("--{k}"));
            expected.push(v.clone());
        }
    }
    assert_eq!(split(&line), expected, "the line splits into other words: {line:?}");
}

/// Splits `line` into words as a POSIX shell would, for what the module writes:
/// words separated by spaces, each made of bare characters that no shell
/// interprets, single-quoted strings, and backslash-escaped characters. Any
/// other character outside quotes fails the check (a shell would interpret it).
fn split(line: &str) -> Vec<String> {
    let bare = |c: char| c.is_ascii_alphanumeric() || "_.,:/@%+=-".contains(c);
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' => words.extend(word.take()),
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => panic!("unterminated single quote in {line:?}"),
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).push(chars.next().unwrap_or_else(|| panic!("trailing backslash in {line:?}"))),
            c if bare(c) => word.get_or_insert_with(String::new).push(c),
            c => panic!("{c:?} outside quotes in {line:?}: a shell would interpret it"),
        }
    }
    words.extend(word);
    words
}
