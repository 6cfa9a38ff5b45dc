//! The Linux back-end against real sockets, processes and network namespaces.
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Command, Stdio};

use portlore_local::linux::{Linux, Source};
use portlore_local::{Owner, Platform, Proto, Request, SocketState};

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

fn is_root() -> bool {
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
fn netlink_and_procfs_agree_on_our_listeners() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let request = Request {
        ports: Some((port, port)),
        protos: vec![Proto::Tcp],
        ..Request::listening()
    };
    let me = std::process::id();
    for source in [Source::Netlink, Source::Procfs] {
        let inv = Linux { source }.inventory(&request).unwrap();
        let ours: Vec<_> = inv
            .sockets
            .iter()
            .filter(|s| s.local == listener.local_addr().unwrap())
            .collect();
        assert_eq!(ours.len(), 1, "{source:?}");
        assert_eq!(ours[0].state, SocketState::Listen);
        assert_eq!(ours[0].pids(), &[me], "{source:?}");
        let p = &inv.processes[&me];
        assert!(!p.name.is_empty());
        assert!(
            p.cmdline.first().is_some_and(|a| a.contains("linux")),
            "{p:?}"
        );
    }
}

/// A listener on the same port inside another network namespace is neither listed nor
/// blamed on the host process that holds the host's port.
#[test]
fn a_container_socket_is_never_blamed_on_a_host_process() {
    if !is_root() || Command::new("unshare").arg("--version").output().is_err() {
        assert!(!in_ci(), "CI runs as root with util-linux");
        eprintln!("skipped: needs root and unshare(1) to make a network namespace");
        return;
    }
    let host = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = host.local_addr().unwrap().port();
    let script = format!(
        "import socket,time\ns=socket.socket()\ns.bind(('127.0.0.1',{port}))\ns.listen()\n\
         print('ready',flush=True)\ntime.sleep(30)"
    );
    // unshare -n runs python in a fresh network namespace with its own loopback.
    let mut child = match Command::new("unshare")
        .args([
            "-n",
            "sh",
            "-c",
            "ip link set lo up 2>/dev/null; exec python3 -c \"$0\"",
        ])
        .arg(&script)
        .stdout(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("skipped: {e}");
            return;
        }
    };
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    if line.trim() != "ready" {
        let _ = child.kill();
        assert!(!in_ci(), "the namespaced listener did not start");
        eprintln!("skipped: the namespaced listener did not start (python3, ip?)");
        return;
    }
    let inv = Linux::default()
        .inventory(&Request {
            ports: Some((port, port)),
            ..Request::listening()
        })
        .unwrap();
    let child_pid = child.id();
    let _ = child.kill();
    let _ = child.wait();
    let rows: Vec<_> = inv
        .sockets
        .iter()
        .filter(|s| s.local.port() == port)
        .collect();
    assert_eq!(rows.len(), 1, "only the host's socket: {rows:#?}");
    assert_eq!(
        rows[0].owner,
        Owner::Processes {
            pids: vec![std::process::id()]
        }
    );
    assert!(!inv.processes.contains_key(&child_pid));
    assert!(
        inv.coverage.other_namespace_processes >= 1,
        "{:?}",
        inv.coverage
    );
    assert!(
        inv.coverage
            .net_namespace
            .as_deref()
            .is_some_and(|n| n.starts_with("net:["))
    );
}

#[test]
fn skip_owners_is_cheap_and_honest() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let inv = portlore_local::inventory(&Request {
        ports: Some((port, port)),
        skip_owners: true,
        ..Request::listening()
    })
    .unwrap();
    assert_eq!(inv.sockets.len(), 1);
    assert_eq!(inv.sockets[0].owner, Owner::Unknown);
    assert!(inv.processes.is_empty());
}

#[test]
fn established_connections_appear_with_all_states() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let client = std::net::TcpStream::connect(addr).unwrap();
    let (_server, _) = listener.accept().unwrap();
    let request = Request {
        all_states: true,
        protos: vec![Proto::Tcp],
        ..Request::default()
    };
    let c = client.local_addr().unwrap();
    let me = std::process::id();
    // Another test in this binary may fork a helper; between fork and exec the child
    // really does hold copies of our sockets, so wait for that moment to pass.
    let mut attempts = 0;
    loop {
        let inv = portlore_local::inventory(&request).unwrap();
        let ends: Vec<_> = inv
            .sockets
            .iter()
            .filter(|s| {
                (s.local == c && s.remote == Some(addr)) || (s.local == addr && s.remote == Some(c))
            })
            .collect();
        assert_eq!(ends.len(), 2, "{ends:#?}");
        let only_us = ends.iter().all(|e| e.pids() == [me]);
        attempts += 1;
        if only_us || attempts == 50 {
            for end in ends {
                assert_eq!(end.state, SocketState::Established);
                assert_eq!(end.pids(), &[me]);
            }
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // Listening-only requests leave them out.
    let inv = portlore_local::inventory(&Request::listening()).unwrap();
    assert!(inv.sockets.iter().all(|s| s.state.is_listening()));
}
