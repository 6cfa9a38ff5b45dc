//! `portlore PORT`, `portlore SERVICE`, `portlore search`: pages, exit codes, JSON.

use predicates::prelude::*;

use crate::support::{portlore, registry_path};

#[test]
fn bad_input_gets_one_line_naming_the_valid_forms_and_exit_2() {
    for bad in ["70000", "-1", "80/xyz", "65536", "1-5000", "<script>"] {
        let out = portlore().arg(bad).assert().code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert_eq!(stderr.lines().count(), 1, "{bad}: {stderr}");
        assert!(
            stderr.contains("expected a port 0-65535"),
            "{bad}: {stderr}"
        );
        assert!(out.get_output().stdout.is_empty());
    }
}

#[test]
fn with_nothing_installed_the_built_in_snapshot_answers() {
    portlore()
        .arg("3147")
        .assert()
        .success()
        .stdout(predicate::str::contains("Port 3147"))
        .stdout(predicate::str::contains(
            "User (registered) ports 1024-49151",
        ))
        .stdout(predicate::str::contains("rfio"))
        .stdout(predicate::str::contains("lsof -nP -iTCP:3147 -sTCP:LISTEN"));
    portlore()
        .arg("ssh")
        .assert()
        .success()
        .stdout(predicate::str::contains("Port 22"));
}

#[test]
fn unknown_service_names_are_bad_input_with_suggestions() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    portlore()
        .arg("--registry")
        .arg(&reg)
        .arg("abc")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean"));
}

#[test]
fn service_range_and_transport_lookups() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    let json = |args: &[&str]| -> serde_json::Value {
        let out = portlore()
            .arg("--registry")
            .arg(&reg)
            .args(args)
            .arg("--json")
            .assert()
            .success();
        serde_json::from_slice(&out.get_output().stdout).expect("valid JSON")
    };
    let ssh = json(&["ssh"]);
    assert_eq!(ssh["schema"], "portlore.lookup/1");
    assert_eq!(ssh["ports"][0]["port"], 22);
    let range = json(&["3127-3130"]);
    assert_eq!(range["ports"].as_array().unwrap().len(), 4);
    let udp = json(&["3147/udp"]);
    let a = udp["ports"][0]["assignments"].as_array().unwrap();
    assert!(
        a.iter()
            .all(|x| x["transport"] == "udp" || x["transport"].is_null())
    );
    assert_eq!(a[0]["service"], "rfio");
    assert_eq!(a[0]["assignee"][0]["organization"], "cern.ch");
}

#[test]
fn search_ranks_and_tolerates_typos_and_exit_1_when_empty() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    portlore()
        .args(["search", "cern", "--registry"])
        .arg(&reg)
        .assert()
        .success()
        .stdout(predicate::str::contains("rfio"));
    portlore()
        .args(["search", "rfoi", "--registry"])
        .arg(&reg)
        .assert()
        .success()
        .stdout(predicate::str::contains("rfio"));
    portlore()
        .args(["search", "zzqqxxjj", "--registry"])
        .arg(&reg)
        .assert()
        .code(1);
}

#[test]
fn no_color_and_pipes_get_plain_text() {
    let out = portlore().arg("80").assert().success();
    assert!(
        !out.get_output().stdout.contains(&0x1b),
        "no escape codes when piped"
    );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        portlore()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("portlore"));
    }
    portlore()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH PORTLORE 1"));
}

#[test]
fn stats_reports_registry_and_curated_counts() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    let out = portlore()
        .args(["stats", "--json", "--registry"])
        .arg(&reg)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["registry"]["records"], 14533);
    assert_eq!(v["registry"]["updated"], "2026-08-17");
    assert!(v["curated"]["port_notes"].is_number());
}
