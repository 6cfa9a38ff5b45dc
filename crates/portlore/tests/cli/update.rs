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
<updated>2027-01-01</updated>
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

    /// Installs a small registry; --force, since it is far smaller than the built-in
    /// snapshot the floor compares a first install with.
    fn install(&self, xml: &str) {
        let path = self.file("good.xml", xml.as_bytes());
        self.cmd()
            .args(["update", "--force", "--from"])
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
        .args(["update", "--force", "--from"])
        .arg(&first)
        .assert()
        .success()
        .stdout(predicate::str::contains("first install: 102 records"));
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
    assert_eq!(
        home.data.join("registry.store").metadata().unwrap().len() as usize,
        before.len()
    );
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

/// The snapshot committed in data/iana/, which is also the built-in one.
fn snapshot_xml() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/iana/service-names-port-numbers.xml")
}

#[test]
fn a_first_install_and_a_repeat_say_what_happened() {
    let home = Home::new();
    home.cmd()
        .args(["update", "--from"])
        .arg(snapshot_xml())
        .assert()
        .success()
        .stdout(predicate::str::contains("first install: 14,533 records"));
    let before = home.store();
    home.cmd()
        .args(["update", "--from"])
        .arg(snapshot_xml())
        .assert()
        .success()
        .stdout(predicate::str::contains("already up to date"));
    assert_eq!(home.store(), before);
    let out = home
        .cmd()
        .args(["update", "--json", "--from"])
        .arg(snapshot_xml())
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(report["outcome"], "already_up_to_date");
}

#[test]
fn offline_it_says_how_to_import_a_file() {
    let home = Home::new();
    // Nothing listens on loopback port 9 (discard): the download fails at once.
    let out = home
        .cmd()
        .args([
            "update",
            "--from",
            "https://127.0.0.1:9/service-names-port-numbers.xml",
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("portlore update --from FILE"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let out = home
        .cmd()
        .args(["update", "--json", "--from", "https://127.0.0.1:9/x.xml"])
        .assert()
        .code(2);
    let err: serde_json::Value = serde_json::from_slice(&out.get_output().stderr).unwrap();
    assert_eq!(err["error"]["code"], "network");
    assert!(!home.data.join("registry.store").exists());
    // The real default URL, with the network really gone.
    if !crate::support::unshare_net_available() {
        return;
    }
    let out = std::process::Command::new("unshare")
        .args(["-n", "--"])
        .arg(crate::support::binary())
        .arg("update")
        .env("PORTLORE_DATA_DIR", &home.data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--from FILE"), "{stderr}");
}

#[test]
fn files_that_are_not_the_registry_say_so() {
    let home = Home::new();
    let xml = std::fs::read(snapshot_xml()).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&xml[..4096]);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("XML with a byte-order mark", bom),
        ("a PNG", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        ("JSON", br#"{"ports": [80, 443]}"#.to_vec()),
        ("other CSV", b"name,port\nweb,80\n".to_vec()),
    ];
    for (what, content) in cases {
        let path = home.file("not-iana", &content);
        let out = home
            .cmd()
            .args(["update", "--from"])
            .arg(&path)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            stderr.contains("not an IANA registry file"),
            "{what}: {stderr}"
        );
        let out = home
            .cmd()
            .args(["update", "--format", "json", "--from"])
            .arg(&path)
            .assert()
            .code(2);
        let err: serde_json::Value = serde_json::from_slice(&out.get_output().stderr)
            .unwrap_or_else(|e| panic!("{what}: JSON error expected: {e}"));
        assert_eq!(err["error"]["code"], "not_a_registry", "{what}");
    }
    assert!(!home.data.join("registry.store").exists());
}

/// Damages the installed store at `offset` (every bit of one byte).
fn damage(home: &Home, offset: usize) {
    let path = home.data.join("registry.store");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = offset.min(bytes.len() - 1);
    bytes[at] ^= 0xff;
    std::fs::write(&path, bytes).unwrap();
}

/// Issue 14, item 5: `--force` always replaces a store it cannot read, wherever the damage
/// is, and without --force the message names the way out rather than a loop.
#[test]
fn force_replaces_a_damaged_store_wherever_the_damage_is() {
    let home = Home::new();
    let good_xml = registry_xml("", 100);
    home.install(&good_xml);
    let good = home.store();
    let from = home.file("good.xml", good_xml.as_bytes());
    for i in 1..24 {
        let offset = good.len() * i / 24;
        std::fs::write(home.data.join("registry.store"), &good).unwrap();
        damage(&home, offset);
        let plain = home
            .cmd()
            .args(["update", "--from"])
            .arg(&from)
            .output()
            .unwrap();
        if !plain.status.success() {
            assert_eq!(plain.status.code(), Some(2), "offset {offset}");
            let stderr = String::from_utf8_lossy(&plain.stderr);
            assert!(
                stderr.contains("portlore update --force"),
                "offset {offset}: {stderr}"
            );
        }
        home.cmd()
            .args(["update", "--force", "--from"])
            .arg(&from)
            .assert()
            .success();
        assert_eq!(home.store(), good, "offset {offset}: not repaired");
    }
}

/// Issue 14, item 12a: an unreadable store does not switch the 90% floor off.
#[test]
fn an_unreadable_store_does_not_skip_the_floor() {
    let home = Home::new();
    home.install(&registry_xml("", 100));
    let path = home.data.join("registry.store");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&path, &bytes).unwrap();
    let small = home.file("small.xml", registry_xml("", 10).as_bytes());
    let out = home
        .cmd()
        .args(["update", "--from"])
        .arg(&small)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the store was replaced"
    );
}

/// Issue 14, item 12b: a run killed while writing leaves a recognisable partial file in
/// the data directory, and the next run removes it.
#[test]
fn a_killed_update_leaves_nothing_behind_after_the_next_run() {
    let home = Home::new();
    home.install(&registry_xml("", 100));
    // What a `kill -9` during the write leaves: a partial file of a process now gone.
    let dead = u32::MAX - 7;
    let leftover = home
        .data
        .join(format!(".registry.store.partial-{dead}-Xy12ab"));
    std::fs::write(&leftover, vec![0u8; 1 << 20]).unwrap();
    let again = home.file("again.xml", registry_xml("", 100).as_bytes());
    home.cmd()
        .args(["update", "--from"])
        .arg(&again)
        .assert()
        .success();
    assert!(
        !leftover.exists(),
        "the partial file of a dead run is still there"
    );
    let names: Vec<String> = std::fs::read_dir(&home.data)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["registry.store"]);
}

/// A kill -9 in the middle of a real run: whatever moment it hits, the store is the old
/// one or the new one, and after the next run no partial file remains.
#[test]
fn kill_9_at_any_moment_then_a_clean_run() {
    let home = Home::new();
    home.install(&registry_xml("", 100));
    let old = home.store();
    let from = home.file("big.xml", std::fs::read(snapshot_xml()).unwrap().as_slice());
    for delay_ms in [5u64, 40, 80, 120, 200] {
        let mut child = std::process::Command::new(crate::support::binary())
            .args(["update", "--force", "--from"])
            .arg(&from)
            .env("PORTLORE_DATA_DIR", &home.data)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = home.store();
        assert!(
            now == old || now.len() > old.len(),
            "a mixed store after {delay_ms} ms"
        );
    }
    home.cmd()
        .args(["update", "--force", "--from"])
        .arg(&from)
        .assert()
        .success();
    let names: Vec<String> = std::fs::read_dir(&home.data)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["registry.store"]);
}
