//! IPv6 voters in a network namespace this test creates: twenty addresses of one /64
//! are one client for the rate limit and for vote collapsing; another /64 is another
//! client. Needs root and `ip` (iproute2); says `skipped:` and passes without them.

#[path = "api_support/mod.rs"]
mod support;

use std::process::Command;

use portlore_web::ServeOptions;
use portlore_web::api::ApiArgs;
use support::*;

/// The namespace and its veth pair; dropping it deletes both.
struct Netns {
    name: String,
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .status();
    }
}

const HOST: &str = "fd71:47::1";
/// Twenty addresses of one /64, and one of the next /64.
fn same_64() -> Vec<String> {
    (0x100..0x114).map(|i| format!("fd71:47::{i:x}")).collect()
}
const OTHER_64: &str = "fd71:47:0:1::5";

fn ip(args: &[&str]) -> Result<(), String> {
    let out = Command::new("ip")
        .args(args)
        .output()
        .map_err(|e| format!("ip: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "ip {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn setup() -> Result<Netns, String> {
    if !rustix::process::geteuid().is_root() {
        return Err("needs root for ip netns".into());
    }
    let id = std::process::id() % 100_000;
    let ns = Netns {
        name: format!("plv6-{id}"),
    };
    let (h, n) = (format!("plh{id}"), format!("pln{id}"));
    ip(&["netns", "add", &ns.name])?;
    ip(&["link", "add", &h, "type", "veth", "peer", "name", &n])?;
    ip(&["link", "set", &n, "netns", &ns.name])?;
    // A /48 on the link, so both /64s are reachable without routes.
    ip(&[
        "-6",
        "addr",
        "add",
        &format!("{HOST}/48"),
        "dev",
        &h,
        "nodad",
    ])?;
    ip(&["link", "set", &h, "up"])?;
    for a in same_64().iter().map(String::as_str).chain([OTHER_64]) {
        ip(&[
            "-n",
            &ns.name,
            "-6",
            "addr",
            "add",
            &format!("{a}/48"),
            "dev",
            &n,
            "nodad",
        ])?;
    }
    ip(&["-n", &ns.name, "link", "set", &n, "up"])?;
    ip(&["-n", &ns.name, "link", "set", "lo", "up"])?;
    Ok(ns)
}

/// Sends `count` votes (or GETs of `path`) from each source address, inside the
/// namespace, and returns the statuses in order.
fn from_namespace(ns: &Netns, port: u16, sources: &[String], count: usize, path: &str) -> Vec<u16> {
    const CLIENT: &str = r#"
import socket, sys
host, port, count, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
body = b"port=80&lang=en&choice=helpful"
for src in sys.argv[5:]:
    for _ in range(count):
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s.settimeout(10)
        s.bind((src, 0))
        s.connect((host, port))
        if path == "vote":
            req = (b"POST /api/v1/feedback HTTP/1.1\r\nHost: [%s]:%d\r\n"
                   b"Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n"
                   b"Content-Length: %d\r\nConnection: close\r\n\r\n" % (host.encode(), port, len(body))) + body
        else:
            req = b"GET %s HTTP/1.1\r\nHost: [%s]:%d\r\nConnection: close\r\n\r\n" % (path.encode(), host.encode(), port)
        s.sendall(req)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        print(data.split(b" ", 2)[1].decode())
"#;
    let mut cmd = Command::new("ip");
    cmd.args(["netns", "exec", &ns.name, "python3", "-c", CLIENT, HOST])
        .arg(port.to_string())
        .arg(count.to_string())
        .arg(path)
        .args(sources);
    let out = cmd.output().expect("python3 in the namespace");
    assert!(
        out.status.success(),
        "client failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().parse().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_ipv6_64_is_one_voter_for_the_rate_limit_and_for_collapsing() {
    let ns = match setup() {
        Ok(ns) => ns,
        Err(reason) => {
            eprintln!("skipped: IPv6 namespace test: {reason}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let args = ApiArgs {
        votes_per_minute: 1,
        vote_burst: 10,
        ..ApiArgs::default()
    };
    let api = sqlite_api(dir.path(), args).await;
    let srv = serve_on(
        format!("[{HOST}]:0").parse().unwrap(),
        fixture_kb(),
        api,
        ServeOptions::default(),
    )
    .await;
    let port = srv.addr.port();
    let store = srv.store();

    let ns = std::sync::Arc::new(ns);
    let run = |sources: Vec<String>, count: usize, path: &'static str| {
        let ns = ns.clone();
        tokio::task::spawn_blocking(move || from_namespace(&ns, port, &sources, count, path))
    };

    // 20 addresses × 11 votes on one page, from one /64: one client's burst of 10.
    let statuses = run(same_64(), 11, "vote").await.unwrap();
    let accepted = statuses.iter().filter(|&&s| s == 200).count();
    let limited = statuses.iter().filter(|&&s| s == 429).count();
    assert_eq!(statuses.len(), 220);
    assert_eq!((accepted, limited), (10, 210), "{statuses:?}");
    // And one voter: the repeats collapsed into one vote.
    let t = store.totals().await.unwrap();
    assert_eq!((t.counts.total(), t.collapsed), (1, 9));

    // Another /64 is another client and another voter.
    let statuses = run(vec![OTHER_64.to_string()], 1, "vote").await.unwrap();
    assert_eq!(statuses, vec![200]);
    assert_eq!(store.totals().await.unwrap().counts.total(), 2);

    // Metrics are not served to a non-loopback peer.
    let statuses = run(vec![OTHER_64.to_string()], 1, "/metrics")
        .await
        .unwrap();
    assert_eq!(statuses, vec![404]);
}
