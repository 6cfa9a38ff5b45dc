//! Tests of `portlore local` and `portlore who`, against real sockets, real services and
//! `ss`.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;
use socket2::{Domain, Protocol, Socket, Type};

use crate::support::{binary, portlore, registry_path};

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Skips with a reason, except in CI, where the environment is promised.
macro_rules! skip {
    ($($arg:tt)*) => {{
        let reason = format!($($arg)*);
        assert!(!in_ci(), "CI must provide this: {reason}");
        eprintln!("skipped: {reason}");
        return;
    }};
}

/// A data directory holding a compiled store of the test registry, shared by this
/// module only (the other modules expect no registry).
fn data_dir_with_registry() -> Option<PathBuf> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let reg = registry_path()?;
        let dir = std::env::temp_dir().join(format!("portlore-local-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        let ok = portlore()
            .env("PORTLORE_DATA_DIR", &dir)
            .args(["update", "--from"])
            .arg(&reg)
            .output()
            .ok()?
            .status
            .success();
        ok.then_some(dir)
    })
    .clone()
}

fn local_json(cmd: &mut assert_cmd::Command) -> Value {
    let out = cmd.output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn rows(doc: &Value) -> &Vec<Value> {
    doc["rows"].as_array().expect("rows")
}

fn addr_of(row: &Value) -> SocketAddr {
    row["socket"]["local"].as_str().unwrap().parse().unwrap()
}

fn pids_of(row: &Value) -> Vec<u64> {
    row["socket"]["owner"]["pids"]
        .as_array()
        .map(|a| a.iter().map(|p| p.as_u64().unwrap()).collect())
        .unwrap_or_default()
}

fn bound(domain: Domain, ty: Type, addr: &str, v6only: Option<bool>) -> Socket {
    let proto = if ty == Type::STREAM {
        Protocol::TCP
    } else {
        Protocol::UDP
    };
    let s = Socket::new(domain, ty, Some(proto)).unwrap();
    if let Some(v) = v6only {
        s.set_only_v6(v).unwrap();
    }
    let addr: SocketAddr = addr.parse().unwrap();
    s.bind(&addr.into()).unwrap();
    if ty == Type::STREAM {
        s.listen(16).unwrap();
    }
    s
}

#[test]
fn own_sockets_appear_exactly_once_with_pid_and_flags() {
    // (proto, address, v6only, expected flag)
    let cases = [
        ("tcp", "127.0.0.1:0", None, None),
        ("tcp", "[::1]:0", Some(true), Some("v6only")),
        ("tcp", "0.0.0.0:0", None, None),
        ("tcp", "[::]:0", Some(false), Some("dual-stack")),
        ("tcp", "[::]:0", Some(true), Some("v6only")),
        ("udp", "127.0.0.1:0", None, None),
        ("udp", "[::1]:0", Some(false), Some("v6only")),
        ("udp", "0.0.0.0:0", None, None),
        ("udp", "[::]:0", Some(false), Some("dual-stack")),
        ("udp", "[::]:0", Some(true), Some("v6only")),
    ];
    let mut held = Vec::new();
    for (proto, addr, v6only, flag) in cases {
        let domain = if addr.starts_with('[') {
            Domain::IPV6
        } else {
            Domain::IPV4
        };
        let ty = if proto == "tcp" {
            Type::STREAM
        } else {
            Type::DGRAM
        };
        let s = bound(domain, ty, addr, v6only);
        let local = s.local_addr().unwrap().as_socket().unwrap();
        held.push((proto, local, v6only, flag, s));
    }
    let me = std::process::id() as u64;
    for backend in ["netlink", "procfs"] {
        let doc = local_json(portlore().env("PORTLORE_LOCAL_BACKEND", backend).args([
            "local",
            "--json",
            "--process",
            &me.to_string(),
        ]));
        for (proto, local, v6only, flag, _) in &held {
            let matching: Vec<&Value> = rows(&doc)
                .iter()
                .filter(|r| r["socket"]["proto"] == *proto && addr_of(r) == *local)
                .collect();
            assert_eq!(
                matching.len(),
                1,
                "{backend} {proto} {local}: {matching:#?}"
            );
            let row = matching[0];
            // Another test of this binary may be between fork and exec of a child at
            // this moment, and that child holds copies of these sockets until it
            // execs: the socket is ours, and may briefly be someone else's too.
            let pids = pids_of(row);
            assert!(pids.contains(&me), "{backend} {proto} {local}: {pids:?}");
            let state = if *proto == "tcp" {
                "listen"
            } else {
                "unconnected"
            };
            assert_eq!(row["socket"]["state"], state);
            let flags: Vec<&str> = row["flags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            if backend == "netlink" {
                if let Some(flag) = flag {
                    assert!(flags.contains(flag), "{proto} {local}: {flags:?}");
                }
                if local.is_ipv6() {
                    // The kernel forces V6ONLY on for a socket bound to one IPv6 address.
                    let forced = !local.ip().is_unspecified();
                    let want = v6only.unwrap() || forced;
                    assert_eq!(
                        row["socket"]["v6only"],
                        Value::Bool(want),
                        "{proto} {local}"
                    );
                }
                if *flag == Some("dual-stack") {
                    assert!(
                        row["judgement"]["reasons"]
                            .to_string()
                            .contains("IPv4 and IPv6")
                    );
                }
            } else {
                // /proc/net cannot tell V6ONLY: never claim it.
                assert!(
                    !flags.contains(&"dual-stack") && !flags.contains(&"v6only"),
                    "{flags:?}"
                );
            }
            let scope = row["scope"].as_str().unwrap();
            let want = if local.ip().is_loopback() {
                "loopback"
            } else {
                "all-interfaces"
            };
            assert_eq!(scope, want, "{proto} {local}");
        }
    }
    // `who` finds one of them and says who holds it.
    let (_, tcp4, ..) = &held[0];
    let out = portlore()
        .args(["who", &format!("{}/tcp", tcp4.port())])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("pid {me}")), "{text}");
    assert!(text.contains("loopback only"), "{text}");
}

#[test]
fn ipv4_mapped_addresses_are_flagged_and_loopback() {
    let s = bound(
        Domain::IPV6,
        Type::STREAM,
        "[::ffff:127.0.0.1]:0",
        Some(false),
    );
    let local = s.local_addr().unwrap().as_socket().unwrap();
    let doc = local_json(portlore().args(["local", "--json", "--port", &local.port().to_string()]));
    let row = rows(&doc)
        .iter()
        .find(|r| addr_of(r) == local)
        .expect("listed");
    assert!(row["flags"].to_string().contains("ipv4-mapped"), "{row}");
    assert_eq!(row["scope"], "loopback");
}

type SsEntry = (String, String, u16, Vec<u64>);

/// Parses `ss -tulpnH` into (proto, normalised address, port, pids).
fn ss_listening() -> Option<Vec<SsEntry>> {
    let out = Command::new("ss").arg("-tulpnH").output().ok()?;
    if !out.status.success() {
        return None;
    }
    let mut entries = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 5 {
            continue;
        }
        let (host, port) = fields[4].rsplit_once(':').unwrap();
        let host = host
            .split('%')
            .next()
            .unwrap()
            .trim_start_matches('[')
            .trim_end_matches(']');
        let mut pids: Vec<u64> = line
            .split("pid=")
            .skip(1)
            .map(|p| p.split(',').next().unwrap().parse().unwrap())
            .collect();
        pids.sort_unstable();
        pids.dedup();
        entries.push((
            fields[0].to_string(),
            norm_host(host),
            port.parse().unwrap(),
            pids,
        ));
    }
    entries.sort();
    Some(entries)
}

fn norm_host(host: &str) -> String {
    match host {
        "*" | "0.0.0.0" | "::" => "*".into(),
        h => h
            .parse::<std::net::IpAddr>()
            .map(|ip| ip.to_string())
            .unwrap_or_else(|_| h.into()),
    }
}

fn portlore_listening() -> Vec<SsEntry> {
    let doc = local_json(portlore().args(["local", "--json"]));
    let mut entries: Vec<SsEntry> = rows(&doc)
        .iter()
        .map(|r| {
            let a = addr_of(r);
            (
                r["socket"]["proto"].as_str().unwrap().to_string(),
                norm_host(&a.ip().to_string()),
                a.port(),
                pids_of(r),
            )
        })
        .collect();
    entries.sort();
    entries
}

#[test]
fn the_listening_set_equals_ss() {
    if ss_listening().is_none() {
        skip!("`ss` (iproute2) is not installed");
    }
    let _quiet = QUIET.lock().unwrap_or_else(|e| e.into_inner());
    // Other tests open and close sockets meanwhile: compare when ss sees the same set
    // before and after our run, and fail only on a difference that persists.
    let mut mismatches = Vec::new();
    for _ in 0..40 {
        let before = ss_listening().unwrap();
        let ours = portlore_listening();
        let after = ss_listening().unwrap();
        if before == after && ours == before {
            return;
        }
        if before == after {
            mismatches.push((ours, before));
            if mismatches.len() >= 5 {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let (ours, ss) = mismatches
        .pop()
        .expect("the machine's sockets never held still");
    assert_eq!(ours, ss, "portlore local differs from ss -tulpnH");
}

/// Held by tests whose sockets come and go quickly, so the `ss` comparison does not
/// see them half-made.
static QUIET: Mutex<()> = Mutex::new(());

/// The real services here (and in CI), with the daemons that serve them.
const SERVICES: &[(u16, &[&str])] = &[
    (5432, &["postgres"]),
    (6379, &["redis-server"]),
    (3306, &["mariadbd", "mysqld"]),
    (5672, &["beam.smp"]),
    (1883, &["mosquitto"]),
    (4222, &["nats-server"]),
];

#[test]
fn real_services_are_identified_and_expected() {
    let Some(data) = data_dir_with_registry() else {
        skip!("PORTLORE_TEST_REGISTRY is not set (IANA service names are needed)");
    };
    let mut seen = 0;
    for (port, daemons) in SERVICES {
        let out = portlore()
            .env("PORTLORE_DATA_DIR", &data)
            .args(["who", &format!("{port}/tcp"), "--json"])
            .output()
            .unwrap();
        if out.status.code() == Some(1) {
            if in_ci() {
                panic!("CI promises a service on {port}");
            }
            eprintln!("skipped: nothing listens on {port} here");
            continue;
        }
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        for row in rows(&doc) {
            let name = row["processes"][0]["name"].as_str().unwrap_or("");
            assert!(daemons.contains(&name), "{port}: {name}");
            assert_eq!(
                row["judgement"]["match"]["kind"], "expected",
                "{port}: {row:#}"
            );
            assert_ne!(row["judgement"]["level"], "look", "{port}: {row:#}");
        }
        seen += 1;
    }
    if seen == 0 {
        skip!("none of the expected local services is running");
    }
}

/// Serialises the tests that need port 3147.
static PORT_3147: Mutex<()> = Mutex::new(());

fn plain_listener(port: u16) -> Option<Child> {
    let script = format!(
        "import socket,time\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n\
         s.bind(('127.0.0.1',{port}))\ns.listen()\nprint('ready',flush=True)\ntime.sleep(60)"
    );
    let mut child = Command::new("python3")
        .args(["-c", &script])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take()?)
        .read_line(&mut line)
        .ok()?;
    if line.trim() == "ready" {
        Some(child)
    } else {
        let _ = child.kill();
        let _ = child.wait();
        None
    }
}

#[test]
fn a_plain_program_on_3147_is_unexpected() {
    let Some(data) = data_dir_with_registry() else {
        skip!("PORTLORE_TEST_REGISTRY is not set (3147 must be known as rfio)");
    };
    let _guard = PORT_3147.lock().unwrap_or_else(|e| e.into_inner());
    let Some(mut child) = plain_listener(3147) else {
        skip!("python3 is missing or 127.0.0.1:3147 is taken");
    };
    let doc = local_json(
        portlore()
            .env("PORTLORE_DATA_DIR", &data)
            .args(["local", "--json", "--port", "3147"]),
    );
    let pid = child.id() as u64;
    let row = rows(&doc)
        .iter()
        .find(|r| pids_of(r) == vec![pid])
        .expect("our listener");
    assert_eq!(row["judgement"]["match"]["kind"], "unexpected", "{row:#}");
    assert_eq!(row["judgement"]["level"], "look");
    assert_eq!(row["services"][0], "rfio");
    let text = String::from_utf8_lossy(
        &portlore()
            .env("PORTLORE_DATA_DIR", &data)
            .args(["who", "3147"])
            .output()
            .unwrap()
            .stdout,
    )
    .to_string();
    assert!(text.contains("rfiod"), "{text}");
    // The table puts it first.
    let table = portlore()
        .env("PORTLORE_DATA_DIR", &data)
        .arg("local")
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&table.stdout).to_string();
    let first_row = table.lines().nth(2).unwrap_or("");
    assert!(first_row.starts_with("LOOK"), "{table}");
    let _ = child.kill();
    let _ = child.wait();
    // Gone: `who` says so and exits 1.
    portlore()
        .args(["who", "3147/tcp"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "Nothing listens on port 3147/tcp here",
        ));
}

fn unprivileged(args: &[&str]) -> Option<Command> {
    if !rustix_is_root() {
        return None;
    }
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let mut cmd = Command::new(setpriv);
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(binary())
        .args(args)
        .env("NO_COLOR", "1")
        .env(
            "PORTLORE_DATA_DIR",
            std::env::temp_dir().join("portlore-local-nobody"),
        );
    Some(cmd)
}

fn rustix_is_root() -> bool {
    // The test process's own uid, from /proc (no libc call needed).
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

#[test]
fn unprivileged_runs_exit_0_and_mark_other_users_sockets() {
    // The binary must be reachable by `nobody`.
    let Some(mut cmd) = unprivileged(&["local", "--json"]) else {
        skip!("needs root and setpriv to drop to user nobody");
    };
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("Permission denied") && !out.status.success() {
        skip!("user nobody cannot execute the test binary here: {stderr}");
    }
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["coverage"]["privileged"], false);
    assert!(doc["coverage"]["hidden_processes"].as_u64().unwrap() > 0);
    // Every socket either has an owner nobody may see, or says it is hidden.
    let hidden: Vec<&Value> = rows(&doc)
        .iter()
        .filter(|r| r["socket"]["owner"]["status"] == "hidden")
        .collect();
    let visible_pids: BTreeSet<u64> = rows(&doc).iter().flat_map(pids_of).collect();
    assert!(!hidden.is_empty(), "other users' sockets are marked");
    for row in &hidden {
        assert!(
            row["judgement"]["reasons"]
                .to_string()
                .contains("run as root"),
            "{row}"
        );
    }
    // Whatever it does show belongs to nobody.
    for pid in visible_pids {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        if let Some(uid) = status.lines().find(|l| l.starts_with("Uid:")) {
            assert_eq!(uid.split_whitespace().nth(2), Some("65534"), "{pid}: {uid}");
        }
    }
    // The table says how to see more.
    let out = unprivileged(&["local"]).unwrap().output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("owner hidden, run as root"), "{text}");
    assert!(text.contains("Run as root"), "{text}");
}

/// Runs `local` 500 times while a helper forks children that bind 127.0.0.2 listeners
/// and exit. Every row on 127.0.0.2 must name the child that bound it.
#[test]
fn churn_500_runs_no_panic_no_duplicate_no_wrong_pid() {
    let _quiet = QUIET.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("bound.log");
    let script = format!(
        r#"
import os, socket, time, random, sys
log = open({log:?}, "a", buffering=1)
deadline = time.time() + 120
while time.time() < deadline and os.getppid() != 1:
    pid = os.fork()
    if pid == 0:
        s = socket.socket()
        s.bind(("127.0.0.2", 0))
        s.listen()
        log.write("%d %d\n" % (os.getpid(), s.getsockname()[1]))
        log.flush()
        time.sleep(random.random() * 0.04)
        os._exit(0)
    os.waitpid(pid, 0)
"#,
        log = log.display().to_string()
    );
    let Ok(mut helper) = Command::new("python3").args(["-c", &script]).spawn() else {
        skip!("python3 is needed for the churn helper");
    };
    let started = Instant::now();
    let mut observed: Vec<(u64, u16)> = Vec::new();
    let mut runs = 0;
    while runs < 500 {
        let out = portlore()
            .args(["local", "--json", "--proto", "tcp"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "run {runs}: {stderr}");
        assert!(!stderr.contains("panicked"), "run {runs}: {stderr}");
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut seen = BTreeSet::new();
        for row in rows(&doc) {
            let key = (
                row["socket"]["local"].to_string(),
                row["socket"]["inode"].to_string(),
            );
            assert!(
                seen.insert(key.clone()),
                "run {runs}: duplicate row {key:?}"
            );
            let a = addr_of(row);
            if a.ip().to_string() == "127.0.0.2" {
                for pid in pids_of(row) {
                    observed.push((pid, a.port()));
                }
            }
        }
        runs += 1;
    }
    let elapsed = started.elapsed();
    let _ = helper.kill();
    let _ = helper.wait();
    let bound: HashMap<u64, BTreeSet<u16>> =
        std::fs::read_to_string(&log)
            .unwrap()
            .lines()
            .fold(HashMap::new(), |mut m, l| {
                let mut it = l.split_whitespace();
                if let (Some(pid), Some(port)) = (it.next(), it.next()) {
                    m.entry(pid.parse().unwrap())
                        .or_default()
                        .insert(port.parse().unwrap());
                }
                m
            });
    assert!(
        bound.len() > 50,
        "the helper barely churned: {} children",
        bound.len()
    );
    for (pid, port) in &observed {
        // A child logs just after listening; a run may see it just before.
        let ok = bound.get(pid).is_some_and(|ports| ports.contains(port));
        assert!(
            ok,
            "pid {pid} was reported on 127.0.0.2:{port}, which it never bound"
        );
    }
    eprintln!(
        "churn: {runs} runs in {elapsed:?}, {} children, {} owned rows on 127.0.0.2 checked",
        bound.len(),
        observed.len()
    );
}

#[test]
fn filters_csv_and_bad_input() {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let u = UdpSocket::bind("127.0.0.1:0").unwrap();
    let (tp, up) = (
        l.local_addr().unwrap().port(),
        u.local_addr().unwrap().port(),
    );
    let me = std::process::id().to_string();
    let out = portlore()
        .args(["local", "--csv", "--process", &me, "--proto", "udp"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("level,proto,local_address,local_port")
    );
    let body: Vec<&str> = lines.collect();
    assert!(
        body.iter()
            .any(|l| l.contains(&format!(",udp,127.0.0.1,{up},"))),
        "{text}"
    );
    assert!(
        !body.iter().any(|l| l.contains(&format!(",{tp},"))),
        "{text}"
    );
    assert!(body.iter().all(|l| l.contains(",udp,")), "{text}");
    // A user filter that matches nothing exits 1; bad input exits 2.
    portlore()
        .args(["local", "--user", "no-such-user-xyz"])
        .assert()
        .code(1);
    portlore()
        .args(["local", "--port", "70000"])
        .assert()
        .code(2);
    portlore()
        .args(["local", "--proto", "sctp"])
        .assert()
        .code(2);
    portlore().args(["who", "abc"]).assert().code(2);
    portlore()
        .args(["local", "--json", "--csv"])
        .assert()
        .code(2);
}

#[test]
fn the_lookup_page_gains_a_here_section() {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port().to_string();
    let out = portlore().arg(&port).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Here, on this machine"), "{text}");
    assert!(
        text.contains(&format!("pid {}", std::process::id())),
        "{text}"
    );
    // And not when asked to leave the machine alone.
    let out = portlore()
        .env("PORTLORE_NO_LOCAL", "1")
        .arg(&port)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Here, on this machine"));
}
