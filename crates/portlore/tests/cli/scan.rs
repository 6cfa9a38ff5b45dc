//! Tests of `portlore scan`: bad input, loopback scans with hostile banners, the real
//! services on this machine, and the namespace lab with ground truth (needs root, ip,
//! nft and python3; skipped with a reason elsewhere, required in CI).

use std::collections::BTreeSet;
use std::io::Write;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::support::{lab_available, must_run, portlore};

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn bad_input_exits_2_without_scanning() {
    for args in [
        vec!["scan", "1.2.3.4/33"],
        vec!["scan", "-p", "0", "127.0.0.1"],
        vec!["scan", "-p", "9-3", "127.0.0.1"],
        vec!["scan", "--top", "0", "127.0.0.1"],
        vec!["scan", "not a host"],
        vec!["scan", "--timing", "ludicrous", "127.0.0.1"],
        // Too many hosts: refused before any packet is sent.
        vec!["scan", "-p", "80", "10.0.0.0/8"],
        vec!["scan", "-oN", "x", "127.0.0.1"],
    ] {
        let out = portlore().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn loopback_table_escapes_banners_and_states_what_was_missed() {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let open = l.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            let mut s = s;
            let _ = s.write_all(b"\x1b[2J\x1b]0;owned\x07EVIL-BANNER 1.0\r\n");
        }
    });
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = portlore()
        .args(["scan", "127.0.0.1", "-T4", "--seed", "1", "-p"])
        .arg(format!("{open},{closed}"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&format!("{open}/tcp")), "{stdout}");
    assert!(stdout.contains("\\x1b[2J"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout}"
    );
    assert!(stdout.contains("Not covered"), "{stdout}");
    assert!(!stdout.contains(&format!("{closed}/tcp")));

    let none = portlore()
        .args(["scan", "127.0.0.1", "-T4", "-p"])
        .arg(closed.to_string())
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1), "{none:?}");
}

/// What `.ci/services` starts, on its own ports: (port, service name, product contains,
/// whether the service tells its version).
const REAL: &[(u16, &str, &str, bool)] = &[
    (5432, "postgresql", "PostgreSQL", false),
    (3306, "mysql", "MariaDB", true),
    (6379, "redis", "Redis", true),
    (5672, "amqp", "RabbitMQ", true),
    (25672, "erlang-dist", "RabbitMQ", false),
    (4369, "epmd", "Erlang port mapper", false),
    (1883, "mqtt", "Mosquitto", true),
    (4222, "nats", "NATS", true),
];

#[test]
fn real_services_named_with_product_version_and_judged_in_scope() {
    let present: Vec<_> = REAL
        .iter()
        .filter(|(p, ..)| std::net::TcpStream::connect(("127.0.0.1", *p)).is_ok())
        .collect();
    if present.len() < REAL.len() {
        assert!(!must_run(), "CI must run every local service: {present:?}");
        eprintln!("skipped some: only {present:?} are listening");
    }
    if present.is_empty() {
        return;
    }
    let spec = present
        .iter()
        .map(|(p, ..)| p.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let out = portlore()
        .args(["scan", "127.0.0.1", "-T4", "--json", "-p", &spec])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = jsonl(&out.stdout);
    for &&(port, name, product, versioned) in &present {
        let rec = records
            .iter()
            .find(|r| r["type"] == "port" && r["port"] == port)
            .unwrap_or_else(|| panic!("{port} not reported"));
        let s = &rec["service"];
        assert_eq!(s["name"], name, "{rec}");
        assert_eq!(s["status"], "identified", "{rec}");
        assert!(
            s["product"].as_str().is_some_and(|p| p.contains(product)),
            "{port}: product {} should name {product}",
            s["product"]
        );
        if versioned {
            assert!(s["version"].is_string(), "{port}: no version: {rec}");
        }
        assert!(s["confidence"].as_u64().unwrap() >= 8, "{rec}");
        assert!(
            matches!(s["method"].as_str(), Some("banner" | "probe")),
            "{rec}"
        );
        assert!(s["evidence"].is_string(), "{rec}");
        let reasons = rec["judgement"]["reasons"].as_array().unwrap();
        assert!(
            reasons.iter().any(|r| r["code"] == "loopback"),
            "{port}: a loopback target is reachable from this host only: {rec}"
        );
        assert!(
            !reasons
                .iter()
                .any(|r| r["code"] == "exposure-risk" && r["level"] != "fine"),
            "{port}: loopback is no exposure: {rec}"
        );
        let codes: Vec<&str> = reasons.iter().filter_map(|r| r["code"].as_str()).collect();
        match port {
            5432 => assert!(codes.contains(&"trust-auth"), "{rec}"),
            6379 => assert!(codes.contains(&"no-auth"), "{rec}"),
            4369 => assert!(
                reasons[0]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("Erlang's port mapper (epmd), used by RabbitMQ, CouchDB"),
                "{rec}"
            ),
            _ => {}
        }
        assert!(
            !rec.to_string().contains("CouchDB Erlang distribution"),
            "{rec}"
        );
    }
    let summary = records.last().unwrap();
    assert_eq!(summary["schema"], "portlore.scan/2");
    assert_eq!(summary["type"], "summary");
}

/// Validates nmap XML against Debian nmap-common's DTD with xmllint.
fn assert_valid_xml(path: &std::path::Path) {
    let dtd = std::path::Path::new("/usr/share/nmap/nmap.dtd");
    let have = Command::new("xmllint").arg("--version").output().is_ok();
    if !dtd.is_file() || !have {
        assert!(!must_run(), "CI needs nmap-common and libxml2-utils");
        eprintln!("skipped DTD validation: nmap.dtd or xmllint missing");
        return;
    }
    let out = Command::new("xmllint")
        .args(["--noout", "--dtdvalid"])
        .arg(dtd)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{} is not valid against nmap.dtd: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A loopback listener that answers every connection with `greeting` and closes.
fn greeter(greeting: &'static [u8]) -> (u16, std::sync::Arc<std::sync::atomic::AtomicBool>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            if flag.load(Ordering::SeqCst) {
                break;
            }
            let mut s = s;
            let _ = s.write_all(greeting);
        }
    });
    (port, stop)
}

#[test]
fn text_output_fits_80_and_60_columns() {
    let (ssh, _a) = greeter(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n");
    let (long, _b) = greeter(
        b"WELCOME to a service with a rather long greeting that goes on and on past any terminal width, naming nothing portlore knows\r\n",
    );
    let (token, _c) =
        greeter(b"NOSPACESNOSPACESNOSPACESNOSPACESNOSPACESNOSPACESNOSPACESNOSPACESNOSPACES\r\n");
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for width in [80usize, 60] {
        let out = portlore()
            .env("COLUMNS", width.to_string())
            .args(["scan", "127.0.0.1", "-T4", "-p"])
            .arg(format!("{ssh},{long},{token},{closed}"))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        for line in stdout.lines() {
            assert!(
                line.chars().count() <= width || line.split_whitespace().count() == 1,
                "wider than {width} and breakable: {line:?}\n{stdout}"
            );
        }
        for port in [ssh, long, token] {
            assert!(stdout.contains(&format!("{port}/tcp")), "{stdout}");
        }
        assert!(stdout.contains("OpenSSH"), "{stdout}");
        assert!(stdout.contains("Not covered"), "{stdout}");
    }
}

#[test]
fn xml_carries_service_evidence_and_validates_against_nmap_dtd() {
    let (ssh, _a) = greeter(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n");
    let (odd, _b) = greeter(b"\x1b[2J<weird> & \"banner\"\r\n");
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("scan.xml");
    let out = portlore()
        .args(["scan", "127.0.0.1", "-T4", "--no-progress", "-p"])
        .arg(format!("{ssh},{odd}"))
        .arg("-oX")
        .arg(&xml)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(
        text.contains("<service name=\"ssh\" product=\"OpenSSH\" version=\"9.2p1\""),
        "{text}"
    );
    assert!(
        text.contains("<cpe>cpe:/a:openbsd:openssh:9.2p1</cpe>"),
        "{text}"
    );
    assert!(text.contains("method=\"probed\" conf=\"10\""), "{text}");
    assert!(!text.contains('\u{1b}'));
    assert_valid_xml(&xml);
}

#[test]
fn diff_reports_what_changed_since_jsonl_and_xml() {
    let (stays, _a) = greeter(b"SSH-2.0-OpenSSH_9.2p1\r\n");
    let (goes, stop) = greeter(b"220 (vsFTPd 3.0.3)\r\n");
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before.jsonl");
    let before_xml = dir.path().join("before.xml");
    let ports = format!("{stays},{goes}");
    let first = portlore()
        .args(["scan", "127.0.0.1", "-T4", "--json", "-p", &ports, "-oX"])
        .arg(&before_xml)
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    std::fs::write(&before, &first.stdout).unwrap();
    stop.store(true, Ordering::SeqCst);
    // Wake the accept loop so it sees the flag and drops the listener.
    let _ = std::net::TcpStream::connect(("127.0.0.1", goes));
    std::thread::sleep(std::time::Duration::from_millis(200));
    for previous in [&before, &before_xml] {
        let out = portlore()
            .args(["scan", "127.0.0.1", "-T4", "--json", "-p", &ports, "--diff"])
            .arg(previous)
            .output()
            .unwrap();
        let records = jsonl(&out.stdout);
        let diffs: Vec<_> = records.iter().filter(|r| r["type"] == "diff").collect();
        assert_eq!(diffs.len(), 1, "{}: {diffs:?}", previous.display());
        assert_eq!(diffs[0]["kind"], "port-closed");
        assert_eq!(diffs[0]["port"], goes);
        assert_eq!(diffs[0]["a"]["service"]["name"], "ftp");
        assert!(diffs[0]["b"].is_null());
        let text = portlore()
            .args(["scan", "127.0.0.1", "-T4", "-p", &ports, "--diff"])
            .arg(previous)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&text.stdout);
        assert!(
            stdout.contains(&format!("-127.0.0.1 {goes}/tcp open ftp")),
            "{stdout}"
        );
    }
    let bad = portlore()
        .args([
            "scan",
            "127.0.0.1",
            "-p",
            &ports,
            "--diff",
            "/nonexistent/x",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn ctrl_c_writes_valid_partial_output_and_resume_finishes_the_job() {
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("partial.xml");
    let partial = dir.path().join("partial.jsonl");
    let (open, _g) = greeter(b"SSH-2.0-OpenSSH_9.2p1\r\n");
    // A slow scan: a low rate over every port, so the interruption lands mid-way.
    let child = std::process::Command::new(crate::support::binary())
        .args([
            "scan",
            "127.0.0.1",
            "-p-",
            "--rate",
            "4000",
            "--json",
            "--no-progress",
        ])
        .arg("-oX")
        .arg(&xml)
        .env("PORTLORE_DATA_DIR", dir.path().join("data"))
        .env_remove("PORTLORE_REGISTRY")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{out:?}");
    let records = jsonl(&out.stdout);
    let summary = records.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["interrupted"], true);
    let host = records.iter().find(|r| r["type"] == "host").unwrap();
    let unscanned = host["unscanned_ports"].as_str().unwrap();
    assert!(!unscanned.is_empty(), "{host}");
    assert_valid_xml(&xml);
    assert!(
        std::fs::read_to_string(&xml)
            .unwrap()
            .contains("exit=\"error\"")
    );
    std::fs::write(&partial, &out.stdout).unwrap();

    let resumed = portlore()
        .args(["scan", "127.0.0.1", "-p-", "-T4", "--json", "--resume"])
        .arg(&partial)
        .output()
        .unwrap();
    assert_eq!(resumed.status.code(), Some(0), "{resumed:?}");
    let records = jsonl(&resumed.stdout);
    let summary = records.last().unwrap();
    assert_eq!(summary["interrupted"], false);
    let settled = summary["stats"]["resumed_ports"].as_u64().unwrap();
    assert!(settled > 0, "{summary}");
    let host = records.iter().find(|r| r["type"] == "host").unwrap();
    assert_eq!(host["unscanned_ports"], "");
    assert!(
        records
            .iter()
            .any(|r| r["type"] == "port" && r["port"] == open && r["service"]["name"] == "ssh"),
        "the open port is found and identified again"
    );
    let total = host["open"].as_u64().unwrap()
        + host["closed"].as_u64().unwrap()
        + host["filtered"].as_u64().unwrap();
    assert_eq!(total, 65535, "{host}");
}

/// A lab from `crates/portlore-scan/lab/lab.sh`, torn down on drop.
struct Lab {
    name: String,
    addr: String,
    open: BTreeSet<u16>,
    dropped: Option<(u16, u16)>,
}

impl Lab {
    fn script() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../portlore-scan/lab/lab.sh")
    }

    fn up(open: usize, drop: Option<(u16, u16)>) -> Lab {
        Lab::up_mode(open, drop, "greet")
    }

    fn up_mode(open: usize, drop: Option<(u16, u16)>, mode: &str) -> Lab {
        static N: AtomicU32 = AtomicU32::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let id = (std::process::id() % 150 + 20 + n * 30) % 250 + 1;
        let name = format!("plt{}{n}", std::process::id() % 10000);
        let drop_arg = drop.map(|(a, b)| format!("{a}-{b}")).unwrap_or_default();
        let out = Command::new(Self::script())
            .args([
                "up",
                &name,
                &id.to_string(),
                &open.to_string(),
                "7",
                &drop_arg,
                mode,
            ])
            .output()
            .expect("lab.sh");
        assert!(
            out.status.success(),
            "lab up: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let truth_path = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let truth: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&truth_path).unwrap()).unwrap();
        Lab {
            addr: truth["addr"].as_str().unwrap().to_string(),
            open: truth["open"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_u64().unwrap() as u16)
                .collect(),
            dropped: drop,
            name,
        }
    }

    /// Runs portlore inside the scanner namespace under `ulimit -n nofile`.
    fn scan(&self, nofile: u32, extra: &[&str]) -> std::process::Output {
        self.scan_ports("-p-", nofile, extra)
    }

    fn scan_ports(&self, ports: &str, nofile: u32, extra: &[&str]) -> std::process::Output {
        let bin = crate::support::binary();
        Command::new("ip")
            .args([
                "netns",
                "exec",
                &format!("{}-scan", self.name),
                "bash",
                "-c",
            ])
            .arg(format!("ulimit -n {nofile} && exec \"$0\" \"$@\""))
            .arg(bin)
            .args([
                "scan",
                &self.addr,
                ports,
                "--seed",
                "7",
                "--json",
                "--no-progress",
            ])
            .args(extra)
            .env(
                "PORTLORE_DATA_DIR",
                std::env::temp_dir().join("portlore-lab-none"),
            )
            .env_remove("PORTLORE_REGISTRY")
            .output()
            .expect("ip netns exec")
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        let _ = Command::new(Self::script())
            .args(["down", &self.name])
            .output();
    }
}

/// Parses `1-3,7` into ports.
fn expand(ranges: &str) -> BTreeSet<u16> {
    ranges
        .split(',')
        .filter(|s| !s.is_empty())
        .flat_map(|r| {
            let (a, b) = r.split_once('-').unwrap_or((r, r));
            a.parse::<u16>().unwrap()..=b.parse::<u16>().unwrap()
        })
        .collect()
}

fn check_lab(lab: &Lab, out: &std::process::Output) {
    assert!(
        matches!(out.status.code(), Some(0)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = jsonl(&out.stdout);
    let found: BTreeSet<u16> = records
        .iter()
        .filter(|r| r["type"] == "port")
        .map(|r| r["port"].as_u64().unwrap() as u16)
        .collect();
    let missed: Vec<_> = lab.open.difference(&found).collect();
    let extra: Vec<_> = found.difference(&lab.open).collect();
    assert!(
        missed.is_empty() && extra.is_empty(),
        "missed {missed:?}, false {extra:?}"
    );
    let host = records.iter().find(|r| r["type"] == "host").unwrap();
    let filtered = expand(host["filtered_ports"].as_str().unwrap());
    let truly_filtered: BTreeSet<u16> = lab
        .dropped
        .map(|(a, b)| (a..=b).collect())
        .unwrap_or_default();
    // Closed/filtered: wrong = filtered that should be closed + closed that should be filtered.
    let wrong = filtered.symmetric_difference(&truly_filtered).count();
    let judged = 65535 - lab.open.len();
    assert!(
        wrong * 100 <= judged,
        "{wrong} of {judged} closed/filtered misclassified"
    );
    assert_eq!(
        host["closed"].as_u64().unwrap() as usize + filtered.len() + found.len(),
        65535
    );
    eprintln!(
        "lab: {} open found, {} filtered ({} expected), {wrong} misclassified; stats {}",
        found.len(),
        filtered.len(),
        truly_filtered.len(),
        records.last().unwrap()["stats"]
    );
}

#[test]
fn lab_full_range_exact_under_ulimit_256() {
    if !lab_available() {
        return;
    }
    let lab = Lab::up(200, Some((40000, 40999)));
    let out = lab.scan(256, &["-T4", "--no-service"]);
    check_lab(&lab, &out);
}

#[test]
fn lab_full_range_with_services_and_ndiff_readable_xml() {
    if !lab_available() {
        return;
    }
    let lab = Lab::up(200, Some((1000, 1999)));
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("scan.xml");
    let out = lab.scan(20000, &["-T4", "-oX", xml.to_str().unwrap()]);
    check_lab(&lab, &out);
    let records = jsonl(&out.stdout);
    let ports: Vec<_> = records.iter().filter(|r| r["type"] == "port").collect();
    assert!(
        ports.iter().all(|r| {
            r["service"]["banner"]
                .as_str()
                .is_some_and(|b| b.starts_with("LAB-"))
        }),
        "every lab listener greets with LAB-port"
    );
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(
        text.contains("<extraports state=\"filtered\" count=\"1000\">"),
        "{}",
        &text[..text.len().min(800)]
    );
    assert_eq!(text.matches("state=\"open\"").count(), 200);
    assert_valid_xml(&xml);
    match Command::new("ndiff").arg(&xml).arg(&xml).output() {
        Ok(o) => assert_eq!(o.status.code(), Some(0), "ndiff: {o:?}"),
        Err(_) => {
            assert!(!must_run(), "ndiff is needed in CI");
            eprintln!("skipped ndiff check: ndiff not installed");
        }
    }
}

#[test]
fn lab_200_silent_listeners_and_1000_dropped_ports_exact_within_the_deadline() {
    if !lab_available() {
        return;
    }
    let lab = Lab::up_mode(200, Some((20000, 20999)), "silent");
    let out = lab.scan(20000, &["-T4"]);
    check_lab(&lab, &out);
    let records = jsonl(&out.stdout);
    for r in records.iter().filter(|r| r["type"] == "port") {
        let s = &r["service"];
        assert_eq!(s["status"], "silent", "{r}");
        assert!(
            s["probes_tried"].as_array().unwrap().len() >= 20,
            "silent ports list the probes tried: {r}"
        );
        assert_eq!(r["judgement"]["reasons"][0]["code"], "silent", "{r}");
    }
    let stats = &records.last().unwrap()["stats"];
    // The aggressive preset's identification deadline is 20 s; speed itself is measured
    // in bench/scan, not here.
    assert!(
        stats["identify_ms"].as_u64().unwrap() <= 21_000,
        "identification overran its deadline: {stats}"
    );
}

#[test]
fn lab_host_answering_every_port_is_reported_open_proxied() {
    if !lab_available() {
        return;
    }
    let lab = Lab::up_mode(1, None, "proxied");
    let dir = tempfile::tempdir().unwrap();
    let xml = dir.path().join("proxied.xml");
    let out = lab.scan_ports("-p1-3000", 20000, &["-T4", "-oX", xml.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = jsonl(&out.stdout);
    let ports: Vec<_> = records.iter().filter(|r| r["type"] == "port").collect();
    assert!(ports.len() <= 5, "a sample, not thousands: {}", ports.len());
    assert!(ports.iter().all(|r| r["state"] == "open|proxied"));
    assert!(
        ports.iter().all(|r| r["service"]["banner"]
            .as_str()
            .is_some_and(|b| b.starts_with("LAB-"))),
        "the sample shows what answers: the one listener behind the redirect"
    );
    let host = records.iter().find(|r| r["type"] == "host").unwrap();
    assert_eq!(host["proxied"]["open"], 3000, "{host}");
    assert_eq!(host["judgement"]["reasons"][0]["code"], "proxied", "{host}");
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(
        text.contains("<extraports state=\"open|proxied\" count=\"2995\">"),
        "{text}"
    );
    assert_valid_xml(&xml);
}

#[test]
fn lab_hostile_peers_are_reported_honestly_and_on_time() {
    if !lab_available() {
        return;
    }
    let lab = Lab::up_mode(10, None, "hostile");
    let truth_path = format!("/tmp/portlore-lab-{}/truth.json", lab.name);
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(truth_path).unwrap()).unwrap();
    let out = lab.scan(20000, &["-T4"]);
    check_lab(&lab, &out);
    let records = jsonl(&out.stdout);
    for r in records.iter().filter(|r| r["type"] == "port") {
        let kind = truth["behaviour"][r["port"].to_string()].as_str().unwrap();
        let s = &r["service"];
        let shown = r.to_string();
        assert!(!shown.contains('\u{1b}'));
        match kind {
            "endless" => assert!(
                s["info"].as_str().is_some_and(|i| i.contains("more than")),
                "{r}"
            ),
            "garbage" => {
                assert_eq!(s["status"], "unrecognised", "{r}");
                assert!(s["evidence"].as_str().unwrap().contains("\\x"), "{r}");
            }
            "plaintext" => {
                assert_eq!(s["status"], "unrecognised", "{r}");
                assert!(
                    s["evidence"]
                        .as_str()
                        .unwrap()
                        .starts_with("PLAINTEXT ONLY"),
                    "{r}"
                );
            }
            "close" => assert_eq!(s["status"], "tcpwrapped", "{r}"),
            "trickle" => assert!(
                s["evidence"].as_str().is_none_or(|e| e.len() < 64),
                "a trickle is cut at the deadline: {r}"
            ),
            other => panic!("unknown behaviour {other}"),
        }
    }
    let stats = &records.last().unwrap()["stats"];
    assert!(stats["identify_ms"].as_u64().unwrap() <= 21_000, "{stats}");
}
