//! The conventions every subcommand shares, checked on the real binary: one `--format`,
//! JSON errors with a stable code, exit statuses that README.md and `--help` agree on,
//! `--registry` only where it applies, the `-oX` rewrite, man pages per subcommand, the
//! footer naming the registry, and `serve`'s terminal line and log format.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{binary, portlore};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The subcommands, as `portlore man --list` names their pages.
fn subcommands() -> Vec<String> {
    let out = portlore().args(["man", "--list"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let pages: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(pages.first().map(String::as_str), Some("portlore"));
    pages
        .iter()
        .skip(1)
        .map(|p| {
            p.strip_prefix("portlore-")
                .expect("portlore-SUB")
                .to_string()
        })
        .collect()
}

#[test]
fn every_subcommand_has_a_man_page_with_every_section() {
    let subs = subcommands();
    for expected in [
        "lookup", "search", "update", "stats", "local", "who", "scan",
    ] {
        assert!(subs.iter().any(|s| s == expected), "no page for {expected}");
    }
    let mut pages = vec![(String::from("portlore"), Vec::<String>::new())];
    pages.extend(
        subs.iter()
            .map(|s| (format!("portlore-{s}"), vec![s.clone()])),
    );
    for (name, args) in pages {
        let out = portlore().arg("man").args(&args).output().unwrap();
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let page = stdout(&out);
        let title = name.to_uppercase();
        assert!(
            page.contains(&format!("\n.TH {title} 1")),
            "{name}: {page:.300}"
        );
        for section in [
            "NAME",
            "SYNOPSIS",
            "ENVIRONMENT",
            "FILES",
            "EXIT STATUS",
            "EXAMPLES",
        ] {
            assert!(
                page.contains(&format!(".SH {section}\n"))
                    || page.contains(&format!(".SH \"{section}\"\n")),
                "{name}: no {section}"
            );
        }
        assert!(!page.contains('`'), "{name}: a Markdown backtick");
        for var in ["PORTLORE_REGISTRY", "PORTLORE_DATA_DIR", "NO_COLOR"] {
            assert!(page.contains(var), "{name}: {var}");
        }
    }
    let bad = portlore().args(["man", "nope"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("no man page"), "{}", stderr(&bad));
}

/// What man(1) shows of a page: rendered, with no roff or Markdown left over.
#[test]
fn man_renders_the_pages() {
    if Command::new("man").arg("--version").output().is_err() {
        assert!(!crate::support::must_run(), "man must be installed in CI");
        eprintln!("skipped: man is not installed");
        return;
    }
    let roff = portlore().args(["man", "scan"]).output().unwrap().stdout;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("portlore-scan.1");
    std::fs::write(&file, roff).unwrap();
    let out = Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("LANG", "C")
        .env_remove("MAN_KEEP_FORMATTING")
        .env("PAGER", "cat")
        .output()
        .unwrap();
    let text = stdout(&out);
    for want in [
        "EXIT STATUS",
        "ENVIRONMENT",
        "EXAMPLES",
        "portlore scan -p- -oX",
    ] {
        assert!(text.contains(want), "man shows no {want:?}:\n{text}");
    }
    assert!(!text.contains('`'));
}

#[test]
fn one_format_flag_with_json_as_its_short_form() {
    for args in [&["stats"][..], &["lookup", "3147"], &["search", "cern"]] {
        let long = portlore()
            .args(args)
            .args(["--format", "json"])
            .env("PORTLORE_NO_LOCAL", "1")
            .output()
            .unwrap();
        let short = portlore()
            .args(args)
            .arg("--json")
            .env("PORTLORE_NO_LOCAL", "1")
            .output()
            .unwrap();
        assert!(long.status.success(), "{args:?}: {}", stderr(&long));
        assert_eq!(long.stdout, short.stdout, "{args:?}");
        let doc: Value = serde_json::from_slice(&long.stdout).expect("JSON");
        assert!(
            doc["schema"]
                .as_str()
                .is_some_and(|s| s.starts_with("portlore."))
        );
        let text = portlore()
            .args(args)
            .args(["--format", "text"])
            .env("PORTLORE_NO_LOCAL", "1")
            .output()
            .unwrap();
        assert!(
            serde_json::from_slice::<Value>(&text.stdout).is_err(),
            "{args:?}"
        );
    }
    // csv only where the output is a table.
    let csv = portlore()
        .args(["3147", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(csv.status.code(), Some(2));
    let both = portlore()
        .args(["stats", "--json", "--format", "text"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
}

fn json_error(out: &std::process::Output) -> Value {
    let text = stderr(out);
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn errors_under_json_are_json_with_a_stable_code() {
    let bad = portlore().args(["70000", "--json"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty());
    let err = json_error(&bad);
    assert_eq!(err["error"]["code"], "bad_input", "{err}");
    assert!(err["error"]["message"].as_str().unwrap().contains("70000"));

    let usage = portlore()
        .args(["stats", "--json", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    assert_eq!(json_error(&usage)["error"]["code"], "usage");

    let dir = tempfile::tempdir().unwrap();
    let not_registry = dir.path().join("x.xml");
    std::fs::write(&not_registry, "<html>not a registry</html>").unwrap();
    let wrong = portlore()
        .arg("--registry")
        .arg(&not_registry)
        .args(["80", "--json"])
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2));
    let err = json_error(&wrong);
    assert_eq!(err["error"]["code"], "not_a_registry", "{err}");
    assert!(err["error"]["causes"].is_array());

    // As text: one line, `portlore: ` and the whole cause chain.
    let text = portlore()
        .arg("--registry")
        .arg(dir.path().join("missing.store"))
        .arg("80")
        .output()
        .unwrap();
    assert_eq!(text.status.code(), Some(2));
    let line = stderr(&text);
    assert!(line.starts_with("portlore: "), "{line}");
    assert!(line.matches(": ").count() >= 2, "a cause chain: {line}");
}

/// Every subcommand's `--help` ends with its exit statuses; README.md's table says the same.
#[test]
fn readme_and_help_agree_on_every_exit_status() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md");
    for sub in subcommands() {
        let out = portlore().args([sub.as_str(), "--help"]).output().unwrap();
        assert!(out.status.success(), "{sub}: {}", stderr(&out));
        let help = stdout(&out);
        let line = help
            .lines()
            .find(|l| l.starts_with("Exit status: "))
            .unwrap_or_else(|| panic!("{sub} --help states no exit status"));
        let statuses = line.trim_start_matches("Exit status: ");
        let row = readme
            .lines()
            .find(|l| l.starts_with('|') && l.contains(&format!("`{sub}`")))
            .unwrap_or_else(|| panic!("README.md has no exit-status row for {sub}"));
        assert!(
            row.contains(statuses),
            "{sub}: --help says {statuses:?}, README.md says {row:?}"
        );
    }
}

#[test]
fn registry_is_offered_only_where_it_applies() {
    for sub in [&["update"][..], &["completions", "bash"], &["man"]] {
        let own = portlore()
            .args(sub)
            .args(["--registry", "x.xml"])
            .output()
            .unwrap();
        assert_eq!(own.status.code(), Some(2), "{sub:?} --registry");
        let top = portlore()
            .args(["--registry", "x.xml"])
            .args(sub)
            .output()
            .unwrap();
        assert_eq!(top.status.code(), Some(2), "--registry {sub:?}");
        assert!(
            stderr(&top).contains("does not apply"),
            "{sub:?}: {}",
            stderr(&top)
        );
    }
    // The variable is not a flag typed here: it never makes `man` fail.
    portlore()
        .args(["man", "--list"])
        .env("PORTLORE_REGISTRY", "x.xml")
        .assert()
        .success();
    for sub in [
        "lookup", "search", "stats", "local", "who", "scan", "serve", "export",
    ] {
        let help = portlore().args([sub, "--help"]).output().unwrap();
        assert!(
            stdout(&help).contains("--registry"),
            "{sub} lacks --registry"
        );
    }
}

#[test]
fn nmap_output_flags_are_rewritten_once_at_the_entry_point() {
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("scan.xml");
    // One closed loopback port is enough to get a complete XML document.
    let out = portlore()
        .args(["scan", "-p", "1", "--no-service", "--no-progress", "-oX"])
        .arg(&xml)
        .arg("127.0.0.1")
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let text = std::fs::read_to_string(&xml).expect("-oX FILE wrote the file");
    assert!(text.contains("<nmaprun"), "{text:.200}");
    assert!(text.trim_end().ends_with("</nmaprun>"));
    let glued = dir.path().join("glued.xml");
    let out = portlore()
        .args(["scan", "-p", "1", "--no-service", "127.0.0.1"])
        .arg(format!("-oX{}", glued.display()))
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    assert!(glued.is_file());
    let refused = portlore()
        .args(["scan", "-oN", "out.txt", "127.0.0.1"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("only -oX FILE"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn the_page_ends_naming_the_registry_and_its_date() {
    let home = tempfile::tempdir().unwrap();
    let out = portlore()
        .arg("3147")
        .env("PORTLORE_NO_LOCAL", "1")
        .env("PORTLORE_DATA_DIR", home.path().join("empty"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    let last = page.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("Source: IANA registry updated 2026-08-17")
            && last.ends_with("(built-in snapshot)"),
        "{last}"
    );
}

/// A running `serve` on an ephemeral loopback port, stopped when dropped.
struct Server {
    child: std::process::Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(data: &std::path::Path, extra: &[&str]) -> (Server, Vec<String>, u16) {
    let mut child = Command::new(binary())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(extra)
        .env("PORTLORE_DATA_DIR", data)
        .env_remove("PORTLORE_REGISTRY")
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let err = child.stderr.take().unwrap();
    let server = Server { child };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) else {
            continue;
        };
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|p| p.parse::<u16>().ok())
            .filter(|_| line.contains("listening"));
        lines.push(line);
        if let Some(port) = port {
            return (server, lines, port);
        }
    }
    panic!("serve did not say where it listens: {lines:?}");
}

fn get(port: u16, path: &str) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    stream.read_to_string(&mut body).unwrap();
    body
}

#[test]
fn serve_logs_json_off_a_terminal_and_text_on_request_and_the_footer_names_the_registry() {
    let data = tempfile::tempdir().unwrap();
    let (server, lines, port) = serve(data.path(), &[]);
    let listening = lines.last().unwrap();
    let record: Value = serde_json::from_str(listening)
        .unwrap_or_else(|e| panic!("not a JSON log line ({e}): {listening}"));
    assert!(
        record["fields"].is_object() || record["message"].is_string(),
        "{record}"
    );
    assert!(
        !lines.iter().any(|l| l.starts_with("Serving ")),
        "the terminal line went to a pipe"
    );
    let page = get(port, "/en/ports/3147");
    assert!(page.starts_with("HTTP/1.1 200"), "{page:.300}");
    assert!(
        page.contains("<p>IANA Service Name and Transport Protocol Port Number Registry, updated 2026-08-17.</p>"),
        "the footer names no registry"
    );
    drop(server);

    let (_server, lines, _) = serve(data.path(), &["--log-format", "text"]);
    let listening = lines.last().unwrap();
    assert!(
        serde_json::from_str::<Value>(listening).is_err(),
        "{listening}"
    );
    assert!(listening.contains("INFO"), "{listening}");
}

/// On a terminal (a pseudo-terminal from script(1)), serve says where to point a browser.
#[test]
fn serve_on_a_terminal_says_where_and_how_to_stop() {
    if Command::new("script").arg("--version").output().is_err() {
        assert!(
            !crate::support::must_run(),
            "script(1) must be installed in CI"
        );
        eprintln!("skipped: script(1) is not installed");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let command = format!(
        "PORTLORE_DATA_DIR={} exec {} serve --listen 127.0.0.1:0",
        data.path().display(),
        binary().display()
    );
    let mut child = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .env_remove("PORTLORE_REGISTRY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = Vec::new();
    let mut found = None;
    while Instant::now() < deadline && found.is_none() {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            if line.contains("Serving http://127.0.0.1:") {
                found = Some(line.clone());
            }
            seen.push(line);
        }
    }
    // Killing script(1) closes the terminal, and the hang-up ends serve.
    let _ = child.kill();
    let _ = child.wait();
    let line = found.unwrap_or_else(|| panic!("no Serving line: {seen:?}"));
    assert!(line.trim_end().ends_with("/ (Ctrl-C to stop)"), "{line}");
    assert!(
        seen.iter()
            .all(|l| serde_json::from_str::<Value>(l).is_err()),
        "JSON logs on a terminal: {seen:?}"
    );
}
