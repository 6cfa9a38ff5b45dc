//! A first run on a fresh machine: no registry installed, no network. The built-in
//! snapshot answers, and nothing portlore prints carries an e-mail address.

use std::path::Path;

use crate::support::{binary, unshare_net_available};

/// Runs the real binary with a fresh HOME and nothing else: no data directory, no
/// registry variable, and (when possible) no network at all.
fn fresh(home: &Path, args: &[&str], offline: bool) -> std::process::Output {
    let mut cmd = if offline {
        let mut c = std::process::Command::new("unshare");
        c.args(["-n", "--"]).arg(binary());
        c
    } else {
        std::process::Command::new(binary())
    };
    cmd.args(args)
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("NO_COLOR", "1")
        .env("PORTLORE_NO_LOCAL", "1");
    cmd.output().expect("runs")
}

fn is_local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+!-".contains(&b)
}

/// `local@host.tld`, or IANA's spelling `local&host.tld`.
fn email_in(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(['@', '&']) {
        let start = (0..i)
            .rev()
            .take_while(|&j| is_local_char(bytes[j]))
            .last()?;
        let host: String = text[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
        if labels.len() >= 2 && labels.last()?.chars().all(|c| c.is_ascii_alphabetic()) {
            return Some(format!("{}@{host}", &text[start..i]));
        }
    }
    None
}

#[test]
fn the_finder_finds_addresses() {
    assert_eq!(
        email_in("x feil&kronos.unisys.com y").as_deref(),
        Some("feil@kronos.unisys.com")
    );
    assert_eq!(email_in("<a.b@cern.ch>").as_deref(), Some("a.b@cern.ch"));
    assert_eq!(email_in("R&D network, Miele@home, cern.ch"), None);
}

#[test]
fn first_run_offline_answers_from_the_built_in_snapshot_without_addresses() {
    let offline = unshare_net_available();
    let home = tempfile::tempdir().unwrap();
    let out = fresh(home.path(), &["3147", "--json"], offline);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rfio = page["ports"][0]["assignments"]
        .as_array()
        .expect("assignments")
        .iter()
        .find(|a| a["service"] == "rfio")
        .expect("rfio on 3147");
    assert_eq!(rfio["assignee"][0]["name"], "Frederic Hemmer");
    assert_eq!(page["ports"][0]["registry"]["updated"], "2026-08-17");
    // Nothing was written under HOME: the snapshot is read from the binary.
    assert!(
        std::fs::read_dir(home.path()).unwrap().next().is_none(),
        "a first lookup wrote under HOME"
    );

    let runs: &[&[&str]] = &[
        &["3147"],
        &["126"],
        &["126", "--json"],
        &["9105", "--json"],
        &["search", "cern"],
        &["search", "--json", "unisys"],
        &["stats"],
        &["stats", "--json"],
        &["ssh", "--json"],
        &["lookup", "1-64", "--json"],
    ];
    for args in runs {
        let out = fresh(home.path(), args, offline);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            if let Some(address) = email_in(&text) {
                panic!("{args:?} printed the address {address}");
            }
        }
    }
    let stats = fresh(home.path(), &["stats"], offline);
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(text.contains("updated 2026-08-17"), "{text}");
    assert!(text.contains("built-in snapshot"), "{text}");
}
