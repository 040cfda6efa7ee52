//! The `aliyun` CLI command line for a valid request (SPEC §5: a valid build
//! result carries it), for a POSIX shell.
//!
//! `aliyun smartag <Action> --force --Key value …`: the request's business
//! parameters only, in the canonical query's order (by key, plain byte order).
//! The CLI adds Action, Version, Format, AccessKeyId, the Signature* parameters,
//! Timestamp and SecurityToken itself and signs with the buyer's profile, so
//! those are never written here (and are dropped if given).
//!
//! Choices, with their sources (aliyun/aliyun-cli, the official CLI):
//! - `--RegionId <id>`, not `--region`: the CLI's usage guide for RPC commands
//!   ("PascalCase commands … keep the original API parameter names such as
//!   `--RegionId`", example `aliyun ecs DescribeInstances --RegionId cn-hangzhou`),
//!   and its code registers `--RegionId` as a flag (config/flags.go,
//!   NewRegionIdFlag) that sets the request's region (openapi/invoker.go), which
//!   the Go SDK then sends as the `RegionId` query parameter
//!   (alibaba-cloud-sdk-go, sdk/auth/rpc_signature_composer.go). `--region` is
//!   the CLI's global flag for the same thing; keeping the API's own name keeps
//!   the line in the canonical order and matches the CLI's own examples.
//! - `--force`: the CLI's bundled metadata (aliyun-openapi-meta,
//!   metadatas/products.json) knows the product `Smartag` (version 2018-03-13,
//!   its regional endpoints, RPC style) but lists no API of it (`"apis": []`),
//!   so without `--force` the CLI stops with "unknown api"; with it, the CLI
//!   sends every `--Key value` as a query parameter (openapi/force_rpc.go) to
//!   the product's version and regional endpoint (README "Use the --force option").
//! - `--Key=value` when the value starts with `-`: the CLI's parser
//!   (cli/parser.go, parseCommandArg) reads a separate argument that starts
//!   with `-` as a flag (`-x`, `--x`) or rejects it, so such a value must be
//!   glued to its key; `--Key=value` splits at the first `=` or `:`, which no
//!   key holds.
//! - Quoting: a word made only of `A-Z a-z 0-9 _ . , : / @ % + = -` is written
//!   bare; any other is put in single quotes, with `'` written `'\''`, so that
//!   every value (quotes, `$( )`, backticks, new lines, Chinese, a leading `-`)
//!   reaches the CLI as exactly one argument, unchanged.

/// The CLI's code for the product (`aliyun smartag …`).
pub const PRODUCT: &str = "smartag";

/// Whether the CLI adds `key` itself (`Action`, and the common and signature
/// parameters a signer writes): such a key is never on the line.
fn added_by_cli(key: &str) -> bool {
    key == "Action" || crate::rules::RESERVED.contains(&key)
}

/// The command line for `action` with its business `params` (as written in the
/// canonical query: key and decoded value). `None` when a value holds U+0000,
/// which no POSIX shell argument can carry.
pub fn command_line(action: &str, params: &[(String, String)]) -> Option<String> {
    let mut pairs: Vec<&(String, String)> = params.iter().filter(|(k, _)| !added_by_cli(k)).collect();
    pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    if action.contains('\0') || pairs.iter().any(|(k, v)| k.contains('\0') || v.contains('\0')) {
        return None;
    }
    let mut line = format!("aliyun {PRODUCT} {} --force", shell_word(action));
    for (key, value) in pairs {
        line.push(' ');
        if value.starts_with('-') {
            line.push_str(&shell_word(&format!("--{key}={value}")));
        } else {
            line.push_str(&shell_word(&format!("--{key}")));
            line.push(' ');
            line.push_str(&shell_word(value));
        }
    }
    Some(line)
}

/// `word` as one POSIX shell word: bare when plainly safe, else single-quoted.
pub fn shell_word(word: &str) -> String {
    let safe = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b',' | b':' | b'/' | b'@' | b'%' | b'+' | b'=' | b'-');
    if !word.is_empty() && word.bytes().all(safe) {
        return word.to_owned();
    }
    let mut out = String::with_capacity(word.len() + 2);
    out.push('\'');
    for c in word.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}
