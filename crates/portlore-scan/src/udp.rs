//! `--udp-probes`: one datagram per port, with a protocol payload where the port has a
//! well-known one. An answer means open, an ICMP port unreachable means closed, silence
//! is `open|filtered` (UDP cannot tell them apart without an answer).

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::UdpSocket;
use tokio::task::JoinSet;

use crate::engine::{Event, Observer};
use crate::escape::escape_bytes;
use crate::report::{HostReport, UdpResult};
use crate::timing::TimingParams;

const PARALLEL: usize = 64;

fn payload(port: u16) -> (&'static str, Vec<u8>) {
    match port {
        53 | 5353 => (
            "dns",
            // id 0x706c, standard query, one question: ". IN NS"
            vec![0x70, 0x6c, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1],
        ),
        123 => {
            let mut p = vec![0u8; 48];
            p[0] = 0x23; // NTPv4, client
            ("ntp", p)
        }
        11211 => (
            "memcached",
            b"\x00\x01\x00\x00\x00\x01\x00\x00version\r\n".to_vec(),
        ),
        _ => ("empty", Vec::new()),
    }
}

async fn probe(addr: SocketAddr, wait: Duration) -> UdpResult {
    let (name, data) = payload(addr.port());
    let result = async {
        let bind: SocketAddr = if addr.is_ipv4() {
            "0.0.0.0:0".parse().expect("literal")
        } else {
            "[::]:0".parse().expect("literal")
        };
        let sock = UdpSocket::bind(bind).await?;
        sock.connect(addr).await?;
        let mut buf = vec![0u8; 2048];
        // Two tries: a datagram or its answer may be lost.
        for _ in 0..2 {
            sock.send(&data).await?;
            match tokio::time::timeout(wait, sock.recv(&mut buf)).await {
                Ok(Ok(n)) => return Ok(Some(escape_bytes(&buf[..n], 80))),
                Ok(Err(e)) => return Err(e),
                Err(_) => continue,
            }
        }
        Ok::<_, io::Error>(None)
    }
    .await;
    let (state, answer) = match result {
        Ok(Some(a)) => ("open", Some(a)),
        Ok(None) => ("open|filtered", None),
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => ("closed", None),
        Err(_) => ("open|filtered", None),
    };
    UdpResult {
        port: addr.port(),
        state,
        probe: name,
        answer,
    }
}

pub(crate) async fn probe_all(
    hosts: &mut [HostReport],
    ports: &[u16],
    p: &TimingParams,
    observer: Option<&Observer>,
) {
    let jobs: Vec<(usize, SocketAddr)> = hosts
        .iter()
        .enumerate()
        .flat_map(|(h, host)| {
            ports
                .iter()
                .map(move |&port| (h, SocketAddr::new(host.target.addr, port)))
        })
        .collect();
    if let Some(o) = observer {
        o(Event::Phase {
            name: "udp",
            total: jobs.len() as u64,
        });
    }
    let wait = p.probe_wait.min(Duration::from_millis(1000));
    let mut set = JoinSet::new();
    let mut pending = jobs.into_iter();
    let mut done = 0;
    loop {
        while set.len() < PARALLEL {
            let Some((h, addr)) = pending.next() else {
                break;
            };
            set.spawn(async move { (h, probe(addr, wait).await) });
        }
        let Some(joined) = set.join_next().await else {
            break;
        };
        done += 1;
        if let Ok((h, r)) = joined {
            hosts[h].udp.push(r);
        }
        if let Some(o) = observer {
            o(Event::Progress { done, open: 0 });
        }
    }
    for h in hosts {
        h.udp.sort_by_key(|r| r.port);
    }
}
