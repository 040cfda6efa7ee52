//! Rules that had no test of their own (issue 21), each against a value worked
//! out from SPEC §1 and seeds 002–004, not from the tables.
mod common;
use common::*;
use smartag_request::{Problem, Severity};

fn upgrade() -> Vec<(String, smartag_request::Input)> {
    form(&[("RegionId", "cn-shanghai"), ("SmartAGId", "sag-8biez7habqwmx6"), ("UserCount", "5"), ("DataPlan", "5"), ("AutoPay", "1")])
}

fn coded(found: &[Problem]) -> Vec<(String, &'static str, &'static str)> {
    found.iter().map(|p| (p.field.clone(), p.rule.as_str(), p.code)).collect()
}

#[test]
fn upgrade_software_refuses_user_count_and_data_plan_with_the_seed_004_codes() {
    assert_eq!(errors(UPGRADE, &upgrade()), []);
    // Seed 004's error table: SAG.InvalidUserCount and SAG.InvalidDataPlan (HTTP 400).
    for (count, rule) in [("7", "multipleOf"), ("0", "range"), ("-5", "range")] {
        let found = problems(UPGRADE, &with(upgrade(), "UserCount", count));
        assert_eq!(coded(&found), [("UserCount".into(), rule, "SAG.InvalidUserCount")], "{count}");
    }
    for plan in ["4", "6", "10"] {
        let found = problems(UPGRADE, &with(upgrade(), "DataPlan", plan));
        assert_eq!(coded(&found), [("DataPlan".into(), "enum", "SAG.InvalidDataPlan")], "{plan}");
    }
    assert_eq!(errors(UPGRADE, &with(upgrade(), "UserCount", "1000")), []);
}

#[test]
fn ha_type_warm_backup_is_only_required_by_a_vcpe() {
    // SPEC §1: the current API adds warm_backup, "which sag-vcpe requires"; it
    // says nothing against warm_backup for the other devices.
    assert_eq!(errors(HARDWARE, &with(hardware(), "HaType", "warm_backup")), []);
    let vcpe = with(with(hardware(), "HardWareSpec", "sag-vcpe"), "MaxBandWidth", "100");
    assert_eq!(errors(HARDWARE, &vcpe), one("HaType", "dependency"));
    assert_eq!(errors(HARDWARE, &with(vcpe.clone(), "HaType", "warm_backup")), []);
    assert_eq!(errors(HARDWARE, &with(hardware(), "HaType", "hot_backup")), one("HaType", "enum"));
}

#[test]
fn description_follows_the_name_character_rule() {
    // SPEC §1: 2–256 characters; starts with a letter (English or Chinese); letters, digits, '.', '_', '-'.
    for good in ["sag", "ab", "描述a", "A.b_c-1", &"d".repeat(256)] {
        assert_eq!(errors(HARDWARE, &with(hardware(), "Description", good)), [], "{good}");
    }
    for (bad, rules) in [
        ("1abc", vec!["format"]),
        ("_ab", vec!["format"]),
        ("desc 1", vec!["format"]),
        ("a!", vec!["format"]),
        ("a", vec!["length"]),
        (&"d".repeat(257) as &str, vec!["length"]),
        ("1", vec!["format", "length"]),
    ] {
        let found: Vec<&str> = errors(HARDWARE, &with(hardware(), "Description", bad)).iter().map(|(_, r)| *r).collect();
        assert_eq!(found, rules, "{bad}");
    }
}

#[test]
fn already_have_sag_is_a_boolean() {
    for good in ["true", "False", "1", "0"] {
        assert_eq!(errors(HARDWARE, &with(hardware(), "AlreadyHaveSag", good)), [], "{good}");
    }
    for bad in ["yes", "2", "sag-1000"] {
        assert_eq!(errors(HARDWARE, &with(hardware(), "AlreadyHaveSag", bad)), one("AlreadyHaveSag", "type"), "{bad}");
    }
}

#[test]
fn every_region_of_the_sdk_endpoint_map_gives_no_warning() {
    // SPEC §1, Regions: the official SDK's endpoint map.
    for region in [
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
    ] {
        assert_eq!(problems(SOFTWARE, &with(seed000(), "RegionId", region)), [], "{region}");
    }
    for region in ["us-east-1", "cn-beijing"] {
        let found = problems(SOFTWARE, &with(seed000(), "RegionId", region));
        assert_eq!(found.iter().map(|p| (p.rule.as_str(), p.severity)).collect::<Vec<_>>(), [("enum", Severity::Warning)], "{region}");
    }
}
