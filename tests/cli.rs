//! The `aliyun` command line: a real /bin/sh splits it back into exactly the
//! arguments meant, and the CLI's own flag parser (cli/parser.go of
//! aliyun/aliyun-cli, emulated below) reads back exactly the values sent.
mod common;

use common::*;
use smartag_request::cli::shell_word;
use smartag_request::{build, command_line, BuildOptions, Built};
use std::process::Command;

/// The arguments `aliyun` receives when `line` runs in /bin/sh.
fn argv(line: &str) -> Vec<String> {
    assert!(line.starts_with("aliyun "), "{line}");
    let script = format!("aliyun() {{ printf '%s\\0' \"$@\"; }}\n{line}\n");
    let out = Command::new("/bin/sh").arg("-c").arg(&script).output().expect("/bin/sh runs");
    assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8 back");
    let mut args: Vec<String> = text.split('\0').map(str::to_owned).collect();
    assert_eq!(args.pop().as_deref(), Some(""), "NUL-terminated");
    args
}

/// The (flag, value) pairs the aliyun CLI's parser reads from `args`
/// (aliyun-cli cli/parser.go, parseCommandArg/readNext): `--name=value` or
/// `--name:value` split at the first `=` or `:`; `--name` then a separate
/// value unless that argument itself starts with `-` (then it is a flag, or
/// an error for `-xyz`, and the value is lost); three dashes or more is a value.
fn cli_reads(args: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut pending: Option<String> = None;
    for s in args {
        let (prefix, value) = match s.find(['=', ':']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s.as_str(), None),
        };
        let flag = if prefix.starts_with("---") || !prefix.starts_with('-') {
            None
        } else if let Some(name) = prefix.strip_prefix("--") {
            Some(name.to_owned())
        } else {
            return Err(format!("not support flag form {prefix}"));
        };
        match (flag, value) {
            (None, _) => match pending.take() {
                Some(name) => out.push((name, s.clone())),
                None => return Err(format!("stray argument {s}")),
            },
            (Some(name), Some(v)) if !v.is_empty() => {
                if let Some(p) = pending.take() {
                    return Err(format!("--{p} has no value"));
                }
                out.push((name, v.to_owned()));
            }
            (Some(name), _) => {
                if let Some(p) = pending.replace(name) {
                    return Err(format!("--{p} has no value"));
                }
            }
        }
    }
    match pending {
        Some(name) if name == "force" => Ok(out),
        Some(name) => Err(format!("--{name} has no value")),
        None => Ok(out),
    }
}

/// `--force` stands alone (a flag without value) in our lines; take it out before
/// reading the business parameters.
fn business(args: &[String]) -> Vec<(String, String)> {
    assert_eq!(&args[..3], &["smartag".to_owned(), args[1].clone(), "--force".to_owned()]);
    cli_reads(&args[3..]).expect("the CLI reads every flag")
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn seed000_line() {
    let line = command_line(
        SOFTWARE,
        &pairs(&[
            ("RegionId", "cn-shanghai"),
            ("Period", "12"),
            ("AutoPay", "true"),
            ("ChargeType", "PREPAY"),
            ("UserCount", "5"),
            ("DataPlan", "5"),
        ]),
    );
    assert_eq!(
        line.as_deref(),
        Some("aliyun smartag CreateSmartAccessGatewaySoftware --force --AutoPay true --ChargeType PREPAY --DataPlan 5 --Period 12 --RegionId cn-shanghai --UserCount 5")
    );
}

#[test]
fn hostile_values_arrive_as_one_argument_each() {
    let values = [
        "it's",
        "say \"hi\"",
        "$(id)",
        "`id`",
        "${HOME}",
        "a\nb",
        "line1\r\nline2",
        "张三",
        "-rf",
        "--force",
        "---x",
        "-",
        "-a:b=c",
        "; rm -rf / #",
        "a|b&c>d<e",
        "*",
        "~root",
        "back\\slash",
        "'",
        "''",
        "\t tab",
        "!event",
        "a=b:c",
        "Room XX, XX Building",
        "100%",
        "\u{202e}bidi",
        "emoji 🚀",
    ];
    for value in values {
        let params = pairs(&[("RegionId", "cn-hangzhou"), ("BuyerMessage", value), ("ReceiverName", value)]);
        let line = command_line(HARDWARE, &params).expect("no NUL");
        let args = argv(&line);
        assert_eq!(args[..3], ["smartag", HARDWARE, "--force"], "{line}");
        let expect = if value.starts_with('-') {
            vec![format!("--BuyerMessage={value}"), format!("--ReceiverName={value}"), "--RegionId".into(), "cn-hangzhou".into()]
        } else {
            vec![
                "--BuyerMessage".into(),
                value.to_string(),
                "--ReceiverName".into(),
                value.to_string(),
                "--RegionId".into(),
                "cn-hangzhou".into(),
            ]
        };
        assert_eq!(args[3..], expect[..], "{line}");
        assert_eq!(business(&args), pairs(&[("BuyerMessage", value), ("ReceiverName", value), ("RegionId", "cn-hangzhou")]), "{line}");
    }
}

#[test]
fn shell_word_round_trips() {
    for word in ["", "plain", "with space", "'", "a'b'c", "$x", "\n", "张", "-x", "=", "a\\'b"] {
        let args = argv(&format!("aliyun {}", shell_word(word)));
        assert_eq!(args, [word], "{word:?}");
    }
    assert_eq!(shell_word("cn-shanghai"), "cn-shanghai");
    assert_eq!(shell_word("it's"), "'it'\\''s'");
    assert_eq!(shell_word(""), "''");
}

#[test]
fn common_parameters_are_left_to_the_cli_and_order_is_canonical() {
    let options = BuildOptions {
        access_key_id: "testid".into(),
        timestamp: TIMESTAMP.into(),
        nonce: NONCE.into(),
        security_token: Some("sts".into()),
        ..Default::default()
    };
    let Ok(Built::Ready(request)) = build(SOFTWARE, &seed000(), &options) else { panic!("valid") };
    let line = command_line(SOFTWARE, &request.params).expect("line");
    for common in ["Action", "Version", "Format", "AccessKeyId", "Signature", "Timestamp", "SecurityToken", "testid", NONCE] {
        assert!(!line.contains(common), "{common} in {line}");
    }
    assert_eq!(line, "aliyun smartag CreateSmartAccessGatewaySoftware --force --AutoPay true --ChargeType PREPAY --DataPlan 5 --Period 12 --RegionId cn-shanghai --UserCount 5");
    // Plain byte order, as the canonical query: HaType before HardWareSpec.
    let line =
        command_line(HARDWARE, &pairs(&[("HardWareSpec", "sag-1000"), ("HaType", "no_backup"), ("AutoPay", "false")])).expect("line");
    assert_eq!(line, "aliyun smartag CreateSmartAccessGateway --force --AutoPay false --HaType no_backup --HardWareSpec sag-1000");
}

#[test]
fn a_built_hardware_order_with_free_text() {
    let mut params = hardware();
    for (k, v) in params.iter_mut() {
        if k == "BuyerMessage" {
            *v = "请尽快发货 -- it's \"urgent\" $(date)\n`x`".into();
        }
    }
    let options = BuildOptions { access_key_id: "testid".into(), timestamp: TIMESTAMP.into(), nonce: NONCE.into(), ..Default::default() };
    let Ok(Built::Ready(request)) = build(HARDWARE, &params, &options) else { panic!("valid") };
    let line = command_line(HARDWARE, &request.params).expect("line");
    let args = argv(&line);
    let sent: Vec<(String, String)> = request
        .params
        .iter()
        .filter(|(k, _)| {
            !["Action", "Version", "Format", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"]
                .contains(&k.as_str())
        })
        .cloned()
        .collect();
    assert_eq!(business(&args), sent);
}

#[test]
fn nul_cannot_be_carried() {
    assert_eq!(command_line(HARDWARE, &pairs(&[("BuyerMessage", "a\0b")])), None);
}
