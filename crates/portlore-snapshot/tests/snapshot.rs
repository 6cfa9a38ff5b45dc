//! The committed snapshot: no e-mail address in it, and the same names, organisations
//! and records as the registry IANA published (when `PORTLORE_TEST_REGISTRY` names it).

use std::path::PathBuf;

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/iana/service-names-port-numbers.xml")
}

fn is_local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+!-".contains(&b)
}

/// Every `local@host.tld` (or IANA's `local&host.tld`, `&amp;` in XML) in `text`.
fn addresses(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (i, _) in text.match_indices(['@', '&']) {
        let at_len = if text[i..].starts_with("&amp;") {
            5
        } else if bytes[i] == b'@' {
            1
        } else {
            continue;
        };
        let start = (0..i).rev().take_while(|&j| is_local_char(bytes[j])).last();
        let Some(start) = start else { continue };
        let host: String = text[i + at_len..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
        if labels.len() >= 2
            && labels
                .last()
                .is_some_and(|l| l.chars().all(|c| c.is_ascii_alphabetic()))
        {
            found.push(format!("{}@{host}", &text[start..i]));
        }
    }
    found
}

#[test]
fn the_address_finder_finds_addresses() {
    assert_eq!(addresses("mailto:pat&amp;example.org"), ["pat@example.org"]);
    assert_eq!(addresses("a b.c@d.example x"), ["b.c@d.example"]);
    assert!(addresses("mailto:&amp;example.org R&amp;D Miele@home SCOOP@F Project").is_empty());
}

#[test]
fn the_snapshot_holds_no_email_address() {
    let text = std::fs::read_to_string(snapshot_path()).expect("the snapshot");
    let found = addresses(&text);
    assert!(
        found.is_empty(),
        "e-mail addresses in the snapshot: {found:?}"
    );
}

#[test]
fn the_snapshot_shows_what_the_published_registry_shows() {
    let Some(published) = std::env::var_os("PORTLORE_TEST_REGISTRY").map(PathBuf::from) else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    let parse = |p: &PathBuf| {
        portlore_iana::parse_any(std::fs::File::open(p).expect("readable")).expect("parses")
    };
    let ours = parse(&snapshot_path());
    let theirs = parse(&published);
    assert_eq!(ours.updated, theirs.updated);
    assert_eq!(ours.records.len(), theirs.records.len());
    let mut differing = Vec::new();
    for (a, b) in ours.records.iter().zip(&theirs.records) {
        if a != b {
            differing.push(a.ports.map(|p| p.to_string()).unwrap_or_default());
        }
    }
    // Only the records whose text carried an address differ.
    assert_eq!(differing, ["126", "126", "9105", "9105"]);
    let ours_kb = portlore_kb::Knowledge::from_registry(&ours).expect("compiles");
    let theirs_kb = portlore_kb::Knowledge::from_registry(&theirs).expect("compiles");
    for port in [22u16, 80, 443, 3147, 5432, 8080] {
        assert_eq!(
            format!("{:?}", ours_kb.assignments(port).unwrap()),
            format!("{:?}", theirs_kb.assignments(port).unwrap()),
            "port {port}"
        );
    }
}
