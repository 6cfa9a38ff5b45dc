//! `portlore-full serve` end to end, through the real binary on loopback: the Host
//! allowlist (`--allowed-host`), the separate metrics listener (`--metrics-listen`) and
//! the shared vote key (`--vote-key-dir`) that lets two processes on one database
//! collapse each other's repeat votes.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `serve`; killed on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `serve` on a fresh loopback port with this data directory and extra flags,
/// and waits until it answers.
fn serve(data: &Path, extra: &[&str]) -> Server {
    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_portlore-full"))
        .args([
            "serve",
            "--listen",
            &addr.to_string(),
            "--log-format",
            "text",
        ])
        .args(extra)
        .env("PORTLORE_DATA_DIR", data)
        .env_remove("PORTLORE_DATABASE_URL")
        .env_remove("PORTLORE_VOTE_KEY_DIR")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut server = Server { child, addr };
    let start = Instant::now();
    loop {
        if request(addr, "GET", "/healthz", &addr.to_string(), "").is_ok_and(|r| r.status == 200) {
            return server;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("serve exited early: {status}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Resp {
    status: u16,
    body: String,
}

/// One HTTP/1.1 request on a fresh connection, read to the end.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    host: &str,
    form: &str,
) -> std::io::Result<Resp> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    if !form.is_empty() {
        req.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n\
Content-Length: {}\r\n",
            form.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(form);
    s.write_all(req.as_bytes())?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("not HTTP: {text:?}")))?;
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    Ok(Resp { status, body })
}

#[test]
fn other_host_names_get_421_and_allowed_ones_are_served() {
    let data = tempfile::tempdir().unwrap();
    let srv = serve(
        data.path(),
        &[
            "--site-url",
            "https://ports.example.org",
            "--allowed-host",
            "portlore.test",
        ],
    );
    let get = |host: &str| {
        request(srv.addr, "GET", "/en/ports/80", host, "")
            .unwrap()
            .status
    };
    assert_eq!(get("rebind.attacker.example"), 421);
    assert_eq!(get("rebind.attacker.example:80"), 421);
    assert_eq!(get("portlore.test"), 200, "--allowed-host");
    assert_eq!(
        get("PortLore.Test:8080"),
        200,
        "names are case-insensitive, ports ignored"
    );
    assert_eq!(get("ports.example.org"), 200, "the --site-url host");
    assert_eq!(get(&srv.addr.to_string()), 200, "the listen address");
    assert_eq!(get("localhost"), 200);
    // A rebound page cannot vote either.
    let vote = request(
        srv.addr,
        "POST",
        "/api/v1/feedback",
        "rebind.attacker.example",
        "port=80&lang=en&choice=helpful",
    )
    .unwrap();
    assert_eq!(vote.status, 421);
}

#[test]
fn metrics_listen_moves_metrics_off_the_site() {
    let data = tempfile::tempdir().unwrap();
    let metrics: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    // Without the flag, a loopback peer of the site gets /metrics.
    let plain = serve(data.path(), &[]);
    let host = plain.addr.to_string();
    assert_eq!(
        request(plain.addr, "GET", "/metrics", &host, "")
            .unwrap()
            .status,
        200
    );
    drop(plain);

    let srv = serve(data.path(), &["--metrics-listen", &metrics.to_string()]);
    let host = srv.addr.to_string();
    // A page and a vote, so the counters exist (pages alone record none).
    assert_eq!(
        request(srv.addr, "GET", "/en/ports/80", &host, "")
            .unwrap()
            .status,
        200
    );
    assert_eq!(vote(srv.addr), "new");
    let on_site = request(srv.addr, "GET", "/metrics", &host, "").unwrap();
    assert_eq!(
        on_site.status, 404,
        "the site no longer serves /metrics, even to loopback"
    );
    let other = request(metrics, "GET", "/metrics", &metrics.to_string(), "").unwrap();
    assert_eq!(other.status, 200);
    assert!(
        other.body.contains("# TYPE"),
        "Prometheus text: {}",
        other.body
    );
}

fn vote(addr: SocketAddr) -> String {
    let r = request(
        addr,
        "POST",
        "/api/v1/feedback",
        &addr.to_string(),
        "port=80&lang=en&choice=helpful",
    )
    .unwrap();
    assert_eq!(r.status, 200, "{}", r.body);
    let ack: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    ack["result"].as_str().unwrap().to_string()
}

#[test]
fn two_processes_sharing_a_vote_key_collapse_each_others_repeats() {
    let data = tempfile::tempdir().unwrap();
    let keys = tempfile::tempdir().unwrap();
    let key_dir = keys.path().to_str().unwrap();
    let a = serve(data.path(), &["--vote-key-dir", key_dir]);
    let b = serve(data.path(), &["--vote-key-dir", key_dir]);
    assert_eq!(vote(a.addr), "new");
    assert_eq!(
        vote(b.addr),
        "collapsed",
        "B knows A's voter: same key, same database"
    );
    assert_eq!(vote(a.addr), "collapsed");
    // The key is a 0600 file in that directory, not in the database directory.
    let files: Vec<_> = std::fs::read_dir(keys.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!files.is_empty(), "no key written to --vote-key-dir");
    for f in &files {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "{} is mode {mode:o}", f.display());
    }
    drop((a, b));

    // Without a shared key each process has its own, so the same client counts twice:
    // that is what the flag is for.
    let data = tempfile::tempdir().unwrap();
    let a = serve(data.path(), &[]);
    let b = serve(data.path(), &[]);
    assert_eq!(vote(a.addr), "new");
    assert_eq!(vote(b.addr), "new");
}
