//! `portlore update`: validation before install, atomic install, change report, and
//! faults that must leave the installed store byte-identical.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::support::portlore;

/// A small registry in the IANA schema with the records `update` insists on.
fn registry_xml(extra: &str, filler: usize) -> String {
    let mut records = String::new();
    for i in 0..filler {
        records.push_str(&format!(
            "<record><name>svc{i}</name><protocol>tcp</protocol><description>Service {i}</description><number>{}</number></record>\n",
            20000 + i
        ));
    }
    format!(
        r#"<?xml version='1.0' encoding='UTF-8'?>
<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
<updated>2026-01-01</updated>
<record><name>http</name><protocol>tcp</protocol><xref type="person" data="P"/><description>World Wide Web HTTP</description><number>80</number></record>
<record><name>rfio</name><protocol>tcp</protocol><xref type="person" data="P"/><description>RFIO</description><number>3147</number></record>
{extra}{records}
<people><person id="P"><name>Pat Example</name><uri>mailto:pat&amp;example.org</uri></person></people>
</registry>"#
    )
}

struct Home {
    _dir: tempfile::TempDir,
    data: PathBuf,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        Home { data, _dir: dir }
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut c = portlore();
        c.env("PORTLORE_DATA_DIR", &self.data);
        c
    }

    fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.data.parent().unwrap().join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    fn store(&self) -> Vec<u8> {
        std::fs::read(self.data.join("registry.store")).expect("store installed")
    }

    fn install(&self, xml: &str) {
        let path = self.file("good.xml", xml.as_bytes());
        self.cmd()
            .args(["update", "--from"])
            .arg(&path)
            .assert()
            .success();
    }
}

#[test]
fn update_from_a_file_installs_and_reports_changes() {
    let home = Home::new();
    let first = home.file("v1.xml", registry_xml("", 100).as_bytes());
    home.cmd()
        .args(["update", "--from"])
        .arg(&first)
        .assert()
        .success()
        .stdout(predicate::str::contains("102 records"));
    home.cmd()
        .arg("3147")
        .assert()
        .success()
        .stdout(predicate::str::contains("rfio"));

    // svc0 changes description, svc1 disappears, newsvc arrives.
    let v2 = registry_xml(
        "<record><name>newsvc</name><protocol>udp</protocol><description>New</description><number>30000</number></record>\n",
        100,
    )
    .replace("Service 0<", "Service zero<")
    .replace(
        "<record><name>svc1</name><protocol>tcp</protocol><description>Service 1</description><number>20001</number></record>",
        "",
    );
    let second = home.file("v2.xml", v2.as_bytes());
    let out = home
        .cmd()
        .args(["update", "--json", "--from"])
        .arg(&second)
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        report["new_assignments"],
        serde_json::json!(["30000/udp newsvc"])
    );
    assert_eq!(report["changed"], serde_json::json!(["20000/tcp svc0"]));
    assert_eq!(report["deassigned"], serde_json::json!(["20001/tcp svc1"]));
}

fn assert_refused_and_untouched(home: &Home, from: &Path, reason: &str) {
    let before = home.store();
    home.cmd()
        .args(["update", "--from"])
        .arg(from)
        .assert()
        .failure()
        .stderr(predicate::str::is_empty().not());
    assert_eq!(
        home.store(),
        before,
        "{reason}: the installed store changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&home.data).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "{reason}: temporary files left behind");
}

#[test]
fn faulty_registries_are_refused_and_the_store_stays_byte_identical() {
    let home = Home::new();
    home.install(&registry_xml("", 100));
    let good = registry_xml("", 100);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated XML", good.as_bytes()[..good.len() / 2].to_vec()),
        ("empty file", Vec::new()),
        (
            "HTML error page",
            b"<!DOCTYPE html><html><head><title>503</title></head><body>Service Unavailable</body></html>".to_vec(),
        ),
        (
            "billion laughs",
            br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><registry id="service-names-port-numbers"><updated>&lol2;</updated></registry>"#.to_vec(),
        ),
        (
            "external entity",
            br#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><registry id="service-names-port-numbers"><updated>&x;</updated></registry>"#.to_vec(),
        ),
        (
            "port 70000",
            registry_xml("<record><name>x</name><protocol>tcp</protocol><description>x</description><number>70000</number></record>", 100).into_bytes(),
        ),
        ("no 80/tcp", registry_xml("", 100).replace("<name>http</name>", "<name>web</name>").into_bytes()),
        ("under 90% of the installed count", registry_xml("", 10).into_bytes()),
        ("CSV without the registry's columns", b"a,b,c\n1,2,3\n".to_vec()),
    ];
    for (reason, content) in cases {
        let path = home.file("bad.xml", &content);
        assert_refused_and_untouched(&home, &path, reason);
    }
    assert_refused_and_untouched(
        &home,
        Path::new("/nonexistent/registry.xml"),
        "missing file",
    );
    assert_refused_and_untouched(
        &home,
        Path::new("http://127.0.0.1:9/registry.xml"),
        "plain http URL",
    );
}

#[test]
fn a_100_mb_stream_is_cut_off_and_refused() {
    let home = Home::new();
    home.install(&registry_xml("", 100));
    let before = home.store();
    let mut child = std::process::Command::new(crate::support::binary())
        .args(["update", "--from", "-"])
        .env("PORTLORE_DATA_DIR", &home.data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..100 {
            // The reader stops at the cap and closes the pipe; a write error ends the stream.
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than"));
    assert_eq!(home.store(), before);
}

#[test]
fn force_installs_a_much_smaller_registry() {
    let home = Home::new();
    home.install(&registry_xml("", 100));
    let small = home.file("small.xml", registry_xml("", 10).as_bytes());
    home.cmd()
        .args(["update", "--force", "--from"])
        .arg(&small)
        .assert()
        .success();
    home.cmd()
        .args(["stats", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"records\": 12"));
}

#[test]
fn a_corrupt_installed_store_gives_a_clear_error_not_a_panic() {
    let home = Home::new();
    home.install(&registry_xml("", 100));
    let path = home.data.join("registry.store");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.truncate(bytes.len() / 3);
    std::fs::write(&path, bytes).unwrap();
    home.cmd()
        .arg("3147")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("portlore update"));
}
