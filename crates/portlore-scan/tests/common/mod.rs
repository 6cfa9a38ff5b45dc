//! Helpers for the scanner's integration tests: real sockets on loopback only.

#![allow(dead_code)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use portlore_scan::{PortSpec, ScanConfig, Target, Timing};
use tokio::net::TcpListener;

pub const LOCALHOST: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

pub fn target() -> Target {
    Target {
        addr: LOCALHOST,
        name: None,
    }
}

/// Listeners on free loopback ports; they accept and keep nothing.
pub async fn listeners(n: usize) -> (Vec<TcpListener>, Vec<u16>) {
    let mut ls = Vec::new();
    let mut ports = Vec::new();
    for _ in 0..n {
        let l = TcpListener::bind((LOCALHOST, 0)).await.expect("bind");
        ports.push(l.local_addr().expect("addr").port());
        ls.push(l);
    }
    (ls, ports)
}

/// Ports that were free a moment ago (bound, then released).
pub fn free_ports(n: usize) -> Vec<u16> {
    let held: Vec<std::net::TcpListener> = (0..n)
        .map(|_| std::net::TcpListener::bind((LOCALHOST, 0)).expect("bind"))
        .collect();
    held.iter()
        .map(|l| l.local_addr().expect("addr").port())
        .collect()
}

pub fn config(ports: Vec<u16>) -> ScanConfig {
    let mut c = ScanConfig::new(PortSpec::from_ports(ports).expect("ports"));
    c.timing = Timing::Aggressive;
    c.seed = Some(42);
    c.service = false;
    c
}

/// A TCP forwarder on a random loopback port to `to`: a proxy in front of a service.
pub async fn forwarder(to: SocketAddr) -> u16 {
    let l = TcpListener::bind((LOCALHOST, 0)).await.expect("bind");
    let port = l.local_addr().expect("addr").port();
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = l.accept().await {
            tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(to).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    port
}

/// Whether something listens on a loopback port.
pub async fn reachable(port: u16) -> bool {
    tokio::time::timeout(
        std::time::Duration::from_millis(500),
        tokio::net::TcpStream::connect((LOCALHOST, port)),
    )
    .await
    .is_ok_and(|r| r.is_ok())
}

/// In CI every service must be there; elsewhere a missing one is skipped.
pub fn must_run() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}
