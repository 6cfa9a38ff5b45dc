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

#[test]
fn real_services_by_probe_in_json() {
    let services = [
        (5432u16, "postgresql"),
        (3306, "mysql"),
        (6379, "redis"),
        (5672, "amqp"),
        (1883, "mqtt"),
        (4222, "nats"),
    ];
    let present: Vec<(u16, &str)> = services
        .into_iter()
        .filter(|(p, _)| std::net::TcpStream::connect(("127.0.0.1", *p)).is_ok())
        .collect();
    if present.len() < services.len() {
        assert!(!must_run(), "CI must run every local service: {present:?}");
        eprintln!("skipped some: only {present:?} are listening");
    }
    if present.is_empty() {
        return;
    }
    let spec = present
        .iter()
        .map(|(p, _)| p.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let out = portlore()
        .args(["scan", "127.0.0.1", "-T4", "--json", "-p", &spec])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let records = jsonl(&out.stdout);
    for (port, name) in present {
        let rec = records
            .iter()
            .find(|r| r["type"] == "port" && r["port"] == port)
            .unwrap_or_else(|| panic!("{port} not reported"));
        assert_eq!(rec["service"]["name"], name, "{rec}");
        assert!(
            rec["judgement"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
    }
    assert!(records.iter().any(|r| r["type"] == "summary"));
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
                "-p-",
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
    match Command::new("ndiff").arg(&xml).arg(&xml).output() {
        Ok(o) => assert_eq!(o.status.code(), Some(0), "ndiff: {o:?}"),
        Err(_) => {
            assert!(!must_run(), "ndiff is needed in CI");
            eprintln!("skipped ndiff check: ndiff not installed");
        }
    }
}
