//! Issue 11, as a new user meets it: the names people type, search's first hits, the
//! verdict line, ranges as a table and pages that fit the terminal.

use crate::support::{portlore, registry_path};

/// Runs `portlore ARGS` against the full registry at `columns`, expecting success.
fn run(reg: &std::path::Path, columns: usize, args: &[&str]) -> String {
    let out = portlore()
        .arg("--registry")
        .arg(reg)
        .args(args)
        .env("COLUMNS", columns.to_string())
        .env("PORTLORE_NO_LOCAL", "1")
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
}

/// The first line of the page: its headline.
fn headline(page: &str) -> &str {
    page.lines().next().unwrap_or("")
}

#[test]
fn the_names_people_type_open_their_port() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    for (name, port) in [
        ("dns", 53),
        ("postgres", 5432),
        ("vnc", 5900),
        ("minecraft", 25565),
        ("wireguard", 51820),
        ("kubernetes", 6443),
        ("samba", 445),
        ("netbios", 139),
        ("rdp", 3389),
        ("mssql", 1433),
    ] {
        let page = run(&reg, 80, &[name]);
        assert!(
            headline(&page).starts_with(&format!("Port {port} ")),
            "{name}: {}",
            headline(&page)
        );
    }
}

#[test]
fn an_unknown_name_suggests_ports_not_the_word_typed() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    let out = portlore()
        .arg("--registry")
        .arg(&reg)
        .arg("remotedesktp")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(!err.contains("did you mean remotedesktp"), "{err}");
}

#[test]
fn search_gives_the_expected_first_hit() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    // The first row after the header row.
    let first = |q: &str| -> String {
        let text = run(&reg, 120, &["search", q]);
        text.lines().nth(1).unwrap_or("").to_string()
    };
    for q in ["mydom", "mydooom"] {
        assert!(first(q).contains("MyDoom"), "{q}: {}", first(q));
    }
    assert!(
        first("minecarft").contains("25565"),
        "{}",
        first("minecarft")
    );
    assert!(first("mssql").contains("1433"), "{}", first("mssql"));
    assert!(first("3389").contains("3389"), "{}", first("3389"));
    let cern = run(&reg, 120, &["search", "cern"]);
    assert!(
        !cern.lines().any(|l| l.contains(" cert")),
        "cert-* noise:\n{cern}"
    );
}

#[test]
fn the_line_under_the_headline_is_a_verdict() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    let verdict = |port: &str| -> String {
        let page = run(&reg, 160, &[port]);
        page.lines().nth(1).unwrap_or("").to_string()
    };
    for (port, word) in [
        ("443", "HTTPS"),
        ("3128", "Squid"),
        ("6443", "Kubernetes"),
        ("51820", "WireGuard"),
        ("3000", "Grafana"),
        ("3147", "RFIO"),
    ] {
        let v = verdict(port);
        assert!(v.contains(word), "{port}: {v}");
        assert!(!v.contains(".."), "{port}: {v}");
    }
    assert!(!verdict("22").contains("TSVWG"), "{}", verdict("22"));
    assert!(verdict("0").contains("OS"), "{}", verdict("0"));
}

#[test]
fn pages_fit_60_and_80_columns() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    for columns in [60, 80] {
        for port in [
            "80", "443", "3147", "3471", "22", "0", "49152", "3147/udp", "1-1024",
        ] {
            let page = run(&reg, columns, &[port]);
            for line in page.lines() {
                let width = line.chars().count();
                // Only an unbreakable token (a URL, a reference marker and its URL, a
                // command copied whole) may overflow.
                let tokens: Vec<&str> = line.split_whitespace().collect();
                let unbreakable = match tokens.as_slice() {
                    [_] => true,
                    [marker, _] => marker.starts_with('[') || marker.starts_with('-'),
                    _ => is_command(line),
                };
                assert!(
                    width <= columns || unbreakable,
                    "{port} at {columns}: {width} columns: {line:?}"
                );
            }
        }
    }
}

/// A command line under "Check it yourself", copied whole and never wrapped.
fn is_command(line: &str) -> bool {
    let t = line.trim_start();
    [
        "ss ",
        "lsof ",
        "sudo ",
        "netstat ",
        "Get-",
        "nmap ",
        "nc ",
        "portlore ",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

#[test]
fn a_range_is_a_table_and_full_prints_pages() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    let table = run(&reg, 100, &["1-1024"]);
    let lines = table.lines().count();
    assert!(lines <= 1100, "1-1024 printed {lines} lines");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("443 ") || l.contains(" 443 "))
    );
    let pages = run(&reg, 100, &["3127-3128", "--full"]);
    assert!(pages.contains("Why it matters"), "{pages}");
}
