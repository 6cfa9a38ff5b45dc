//! The build-time checker on invalid data: each mistake is refused with a message that
//! names the file and the entry's id.

use super::super::schema::{compile, parse_file};

const NOTE: &str = r#"
[[note]]
id = "rfio"
ports = ["3147"]
transports = ["tcp"]
iana_service = "rfio"
title = "RFIO"
status = "retired"
summary = "Remote file I/O [1]."
sources = [{ url = "https://example.org/rfio", title = "RFIO", checked = "2026-11-23" }]
"#;

fn errors(rel: &str, text: &str) -> Vec<String> {
    match parse_file(rel, text) {
        Err(e) => e,
        Ok(f) => match compile(vec![(rel.to_string(), f)]) {
            Err(e) => e,
            Ok(_) => Vec::new(),
        },
    }
}

fn assert_refused(rel: &str, text: &str, needles: &[&str]) {
    let errs = errors(rel, text);
    assert!(!errs.is_empty(), "accepted:\n{text}");
    let all = errs.join("\n");
    for n in needles {
        assert!(all.contains(n), "message lacks {n:?}:\n{all}");
    }
}

#[test]
fn a_valid_note_is_accepted() {
    assert_eq!(errors("notes/a.toml", NOTE), Vec::<String>::new());
}

#[test]
fn unknown_fields_are_refused() {
    let text = NOTE.replace("status =", "colour = \"red\"\nstatus =");
    assert_refused("notes/a.toml", &text, &["data/notes/a.toml", "colour"]);
}

#[test]
fn bad_ports_are_refused() {
    for (bad, why) in [
        ("70000", "outside 0-65535"),
        ("3198-3127", "starts after it ends"),
        ("http", "not a number"),
        ("", "not a number"),
    ] {
        let text = NOTE.replace("\"3147\"", &format!("{bad:?}"));
        assert_refused("notes/a.toml", &text, &["data/notes/a.toml", why]);
    }
    let text = NOTE.replace("[\"3147\"]", "[]");
    assert_refused("notes/a.toml", &text, &["\"rfio\"", "`ports` is empty"]);
    let text = NOTE.replace("[\"3147\"]", "[\"3100-3150\", \"3147\"]");
    assert_refused("notes/a.toml", &text, &["\"rfio\"", "overlap"]);
}

#[test]
fn missing_or_unknown_transports_are_refused() {
    let text = NOTE.replace("[\"tcp\"]", "[]");
    assert_refused(
        "notes/a.toml",
        &text,
        &["\"rfio\"", "`transports` is empty"],
    );
    let text = NOTE.replace("[\"tcp\"]", "[\"tpc\"]");
    assert_refused("notes/a.toml", &text, &["data/notes/a.toml", "tpc"]);
}

#[test]
fn footnotes_beyond_the_sources_are_refused() {
    let text = NOTE.replace("I/O [1]", "I/O [2]");
    assert_refused("notes/a.toml", &text, &["\"rfio\"", "cites [2]"]);
    let text = NOTE.replace("I/O [1]", "I/O [0]");
    assert_refused("notes/a.toml", &text, &["\"rfio\"", "cites [0]"]);
}

#[test]
fn bad_sources_are_refused() {
    let text = NOTE.replace("https://example.org/rfio", "ftp://example.org/rfio");
    assert_refused("notes/a.toml", &text, &["\"rfio\"", "https://"]);
    let text = NOTE.replace("2026-11-23", "23/11/2026");
    assert_refused("notes/a.toml", &text, &["\"rfio\"", "YYYY-MM-DD"]);
    let text = NOTE.replace(
        "sources = [{ url = \"https://example.org/rfio\", title = \"RFIO\", checked = \"2026-11-23\" }]",
        "sources = []",
    );
    assert_refused("notes/a.toml", &text, &["\"rfio\"", "`sources` is empty"]);
}

#[test]
fn duplicate_ids_are_refused_across_files() {
    let a = parse_file("notes/a.toml", NOTE).expect("valid");
    let b = parse_file("notes/b.toml", NOTE).expect("valid");
    let errs = compile(vec![("notes/a.toml".into(), a), ("notes/b.toml".into(), b)])
        .expect_err("duplicate accepted");
    let all = errs.join("\n");
    assert!(
        all.contains("data/notes/b.toml") && all.contains("first used in data/notes/a.toml"),
        "{all}"
    );
}

#[test]
fn entries_in_the_wrong_folder_are_refused() {
    assert_refused(
        "threats/a.toml",
        NOTE,
        &["data/threats/a.toml", "belong in data/notes/"],
    );
}

#[test]
fn bad_ids_and_enums_are_refused() {
    let text = NOTE.replace("id = \"rfio\"", "id = \"RFIO 1\"");
    assert_refused("notes/a.toml", &text, &["\"RFIO 1\"", "a-z, 0-9"]);
    let text = NOTE.replace("\"retired\"", "\"dead\"");
    assert_refused("notes/a.toml", &text, &["data/notes/a.toml", "dead"]);
}

#[test]
fn a_threat_needs_uses_and_a_plausible_year() {
    let threat = r#"
[[threat]]
id = "mydoom"
name = "MyDoom"
year = 1904
kind = "worm"
summary = "Worm [1]."
uses = []
sources = [{ url = "https://example.org/m", title = "M", checked = "2026-11-23" }]
"#;
    assert_refused(
        "threats/a.toml",
        threat,
        &["\"mydoom\"", "1904", "no [[threat.uses]]"],
    );
}

#[test]
fn a_threat_range_is_indexed_once_per_use() {
    let threat = r#"
[[threat]]
id = "mydoom"
name = "MyDoom"
year = 2004
kind = "worm"
summary = "Worm [1]."
[[threat.uses]]
ports = ["3127-3198"]
transports = ["tcp"]
role = "listening-backdoor"
detail = "First free port [1]."
[[threat.uses]]
ports = ["80"]
transports = ["tcp"]
role = "c2"
detail = "Flood [1]."
[[threat.sources]]
url = "https://example.org/m"
title = "M"
checked = "2026-11-23"
"#;
    let f = parse_file("threats/a.toml", threat).expect("valid");
    let c = compile(vec![("threats/a.toml".into(), f)]).expect("valid");
    let spans: Vec<(u16, u16, u16)> = c.index.iter().map(|e| (e.start, e.end, e.sub)).collect();
    // Narrowest first.
    assert_eq!(spans, vec![(80, 80, 1), (3127, 3198, 0)]);
    assert_eq!(c.singles, 1);
}

#[test]
fn single_ports_lead_the_index_in_port_order() {
    let note = |id: &str, port: &str| {
        format!(
            "[[note]]\nid = \"{id}\"\nports = [\"{port}\"]\ntransports = [\"tcp\"]\ntitle = \"T\"\nstatus = \"active\"\nsummary = \"Text [1].\"\nsources = [{{ url = \"https://example.org/{id}\", title = \"T\", checked = \"2026-11-23\" }}]\n"
        )
    };
    let text = [
        note("b", "900"),
        note("w", "10-20"),
        note("a", "5"),
        note("c", "900"),
    ]
    .concat();
    let f = parse_file("notes/a.toml", &text).expect("valid");
    let c = compile(vec![("notes/a.toml".into(), f)]).expect("valid");
    let spans: Vec<(u16, u16, u16)> = c.index.iter().map(|e| (e.start, e.end, e.item)).collect();
    // Singles by port, same port in data order, then wider spans.
    assert_eq!(
        spans,
        vec![(5, 5, 2), (900, 900, 0), (900, 900, 3), (10, 20, 1)]
    );
    assert_eq!(c.singles, 3);
}
