//! The build-time checker on invalid data: each mistake is refused with a message that
//! names the file and the entry's id.

use super::super::schema::{DataFile, Policy, compile as compile_with, parse_file};

/// The policy of the real `data/README.md`, so the fixtures meet the rules the build uses.
fn policy() -> Policy {
    let readme = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/README.md");
    let text = std::fs::read_to_string(readme).expect("read data/README.md");
    let mut p = Policy::from_readme(&text).expect("the README's host tables parse");
    p.deferred.clear(); // fixtures are held to every rule
    p
}

fn compile(files: Vec<(String, DataFile)>) -> Result<super::super::schema::Compiled, Vec<String>> {
    compile_with(files, &policy())
}

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

const THREAT: &str = r#"
[[threat]]
id = "mydoom"
name = "MyDoom"
variants = ["MyDoom.A", "MyDoom.B"]
year = 2004
kind = "worm"
summary = "Worm [1]."
[[threat.uses]]
ports = ["3127-3198"]
transports = ["tcp"]
role = "listening-backdoor"
detail = "First free port [1][2]."
variants = ["MyDoom.A"]
[[threat.unported]]
variant = "MyDoom.B"
reason = "No port of its own is known [2]."
[[threat.sources]]
url = "https://example.org/m"
title = "M"
checked = "2026-11-23"
[[threat.sources]]
url = "https://example.org/n"
title = "N"
checked = "2026-11-23"
"#;

#[test]
fn a_valid_threat_with_variants_is_accepted() {
    assert_eq!(errors("threats/a.toml", THREAT), Vec::<String>::new());
}

#[test]
fn a_source_no_marker_cites_is_refused() {
    let text = THREAT
        .replace("[1][2]", "[1]")
        .replace("known [2]", "known [1]");
    assert_refused(
        "threats/a.toml",
        &text,
        &["\"mydoom\"", "source [2]", "cited by no marker"],
    );
}

#[test]
fn unsorted_or_repeated_markers_are_refused() {
    let text = THREAT.replace("[1][2]", "[2][1]");
    assert_refused(
        "threats/a.toml",
        &text,
        &["\"mydoom\"", "[2][1] out of order", "write [1][2]"],
    );
    let text = THREAT.replace("[1][2]", "[1][1]");
    assert_refused("threats/a.toml", &text, &["[1][1] out of order"]);
    // Markers apart are separate claims, in any order.
    let text = THREAT.replace("First free port [1][2].", "First [2] free port [1].");
    assert_eq!(errors("threats/a.toml", &text), Vec::<String>::new());
}

#[test]
fn a_marker_past_the_list_is_refused() {
    let text = THREAT.replace("[1][2]", "[1][3]");
    assert_refused(
        "threats/a.toml",
        &text,
        &["cites [3] but there are 2 sources"],
    );
}

#[test]
fn a_factual_sentence_without_a_marker_is_refused() {
    let text = THREAT.replace("Worm [1].", "Worm [1]. It spread by mail.");
    assert_refused(
        "threats/a.toml",
        &text,
        &[
            "`summary` has a sentence with no footnote marker",
            "It spread by mail.",
        ],
    );
}

#[test]
fn refused_hosts_are_refused_with_their_reason() {
    for (url, why) in [
        ("https://pastebin.com/abc", "paste site"),
        ("https://b3tik.blogspot.com/2010/x.html", "Blogger"),
        ("https://blog.csdn.net/u/article/1", "CSDN"),
        ("https://www.slideshare.net/x/y", "slide-sharing"),
        ("https://gist.github.com/u/1", "personal gists"),
    ] {
        let text = THREAT.replace("https://example.org/m", url);
        assert_refused(
            "threats/a.toml",
            &text,
            &["\"mydoom\"", "refused host", why],
        );
    }
    // A host that merely ends in the same letters is not a subdomain.
    let text = THREAT.replace("https://example.org/m", "https://notpastebin.com/abc");
    assert_eq!(errors("threats/a.toml", &text), Vec::<String>::new());
}

#[test]
fn code_hosting_needs_an_origin() {
    let text = THREAT.replace("https://example.org/m", "https://github.com/someone/tool");
    assert_refused(
        "threats/a.toml",
        &text,
        &["\"mydoom\"", "code-hosting repository", "origin"],
    );
    let text = text.replace(
        "title = \"M\"",
        "title = \"M\"\norigin = \"the project's own repository; the port is its config default\"",
    );
    assert_eq!(errors("threats/a.toml", &text), Vec::<String>::new());
}

#[test]
fn every_variant_needs_a_use_or_a_reason() {
    let text = THREAT.replace("variant = \"MyDoom.B\"", "variant = \"MyDoom.A\"");
    assert_refused(
        "threats/a.toml",
        &text,
        &[
            "variant \"MyDoom.B\" has no use naming it",
            "variant \"MyDoom.A\" has a use and is also unported",
        ],
    );
    let text = THREAT.replace("variants = [\"MyDoom.A\"]", "variants = [\"MyDoom.C\"]");
    assert_refused(
        "threats/a.toml",
        &text,
        &["a use names variant \"MyDoom.C\", which `variants` does not list"],
    );
}

#[test]
fn the_readme_host_tables_parse_and_refuse_their_hosts() {
    let p = policy();
    assert!(p.refused.len() >= 20, "{} refused hosts", p.refused.len());
    assert!(p.refused.iter().all(|r| !r.reason.is_empty()));
    assert!(p.is_code_host("github.com") && p.is_code_host("www.github.com"));
    assert!(p.refusal("www.pastebin.com").is_some());
    assert!(p.refusal("www.cisa.gov").is_none());
    let broken = "<!-- refused-hosts -->\n| host | why |\n|---|---|\n| `Bad Host` | |\n<!-- /refused-hosts -->\n<!-- code-hosts -->\n<!-- /code-hosts -->";
    let errs = Policy::from_readme(broken).expect_err("a bad table is refused");
    assert!(
        errs.iter().any(|e| e.contains("not a lower-case host")),
        "{errs:?}"
    );
    assert!(errs.iter().any(|e| e.contains("has no reason")), "{errs:?}");
}
