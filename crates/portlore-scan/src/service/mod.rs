//! Service identification: wait for a banner, then send small probes, each on a fresh
//! connection, until an answer names the service, whatever port it is on. Every read is
//! capped in size and time (see [`conn`]), and every string taken from a peer is escaped.

mod conn;
mod der;
pub mod http;
pub mod probes;
pub mod tls;

use std::net::SocketAddr;

use serde::Serialize;
use tokio::task::JoinSet;

use crate::engine::{Event, Observer};
use crate::escape::escape_bytes;
use crate::report::HostReport;
use crate::timing::TimingParams;
pub use conn::MAX_READ;
use conn::{End, connect, read_reply, send};
pub use http::HttpInfo;
use probes::Probe;
pub use tls::TlsInfo;

/// What answers on an open port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Service {
    /// nmap-style name: `ssh`, `http`, `https`, `postgresql`, `redis`, `tcpwrapped`,
    /// `unknown`, …
    pub name: String,
    /// The product, when it names itself (`OpenSSH`, `MariaDB`, `RabbitMQ`).
    pub product: Option<String>,
    /// Its version, when it tells.
    pub version: Option<String>,
    /// Anything else worth a word (`auth required`).
    pub info: Option<String>,
    /// HTTP details.
    pub http: Option<HttpInfo>,
    /// TLS details.
    pub tls: Option<TlsInfo>,
    /// The first line of the banner, escaped and cut to 200 characters.
    pub banner: Option<String>,
    /// How it was found: `banner`, `probe:redis`, `tls+probe:http`, `none`.
    pub method: String,
}

impl Service {
    /// One line for a table: `OpenSSH 9.2p1`, `http nginx "Welcome"`.
    pub fn summary(&self) -> String {
        let mut parts = vec![self.name.clone()];
        if let Some(p) = &self.product
            && Some(p) != self.http.as_ref().and_then(|h| h.server.as_ref())
        {
            parts.push(p.clone());
        }
        if let Some(v) = &self.version {
            parts.push(v.clone());
        }
        if let Some(h) = &self.http {
            if let Some(s) = &h.server {
                parts.push(s.clone());
            }
            if let Some(t) = &h.title {
                parts.push(format!("\"{t}\""));
            }
        }
        if let Some(t) = &self.tls {
            parts.push(t.version.clone());
            if let Some(s) = &t.subject {
                parts.push(format!("[{s}]"));
            }
        }
        if let Some(i) = &self.info {
            parts.push(format!("({i})"));
        }
        if self.product.is_none()
            && self.version.is_none()
            && self.http.is_none()
            && let Some(b) = &self.banner
        {
            parts.push(format!("banner: {b}"));
        }
        parts.join(" ")
    }
}

fn host_header(addr: SocketAddr, name: Option<&str>) -> String {
    match name {
        Some(n) => n.to_string(),
        None if addr.is_ipv6() => format!("[{}]", addr.ip()),
        None => addr.ip().to_string(),
    }
}

/// Runs one active probe on a fresh connection. `Some` when the answer is recognised.
async fn run_probe(
    addr: SocketAddr,
    name: Option<&str>,
    probe: Probe,
    p: &TimingParams,
) -> Option<Service> {
    let mut stream = connect(addr, p.probe_wait).await.ok()?;
    if probe == Probe::Tls {
        let (mut tls, info) = tls::handshake(stream, addr, name, p.probe_wait).await?;
        // Servers that speak first inside TLS (SMTPS, IMAPS, POP3S) greet now.
        let (mut reply, _) = read_reply(&mut tls, p.banner_wait.min(p.probe_wait) / 2).await;
        let mut method = "tls+banner";
        if reply.is_empty()
            && send(
                &mut tls,
                &probe.payload(&host_header(addr, name)),
                p.probe_wait,
            )
            .await
        {
            reply = read_reply(&mut tls, p.probe_wait).await.0;
            method = "tls+probe:http";
        }
        let mut s = probes::recognise(&reply).unwrap_or_else(|| Service {
            name: "tls".into(),
            banner: (!reply.is_empty()).then(|| escape_bytes(&reply, 200)),
            ..Service::default()
        });
        s.name = match s.name.as_str() {
            "http" => "https".into(),
            "tls" => "tls".into(),
            other => format!("{other}s"),
        };
        s.tls = Some(info);
        s.method = method.into();
        return Some(s);
    }
    if !send(
        &mut stream,
        &probe.payload(&host_header(addr, name)),
        p.probe_wait,
    )
    .await
    {
        return None;
    }
    let (reply, _) = read_reply(&mut stream, p.probe_wait).await;
    let mut found = probes::recognise(&reply).or_else(|| match probe {
        Probe::Mqtt => probes::mqtt_connack(&reply),
        Probe::Memcached => probes::memcached_error(&reply),
        _ => None,
    })?;
    if probe == Probe::Mqtt && found.name == "mqtt" {
        let _ = send(&mut stream, &[0xe0, 0], p.probe_wait).await; // DISCONNECT
    }
    if found.name == "redis" && found.info.is_none() && reply.starts_with(b"+PONG") {
        let _ = send(&mut stream, probes::REDIS_INFO, p.probe_wait).await;
        found.version = probes::redis_version(&read_reply(&mut stream, p.probe_wait).await.0);
    }
    found.method = format!("probe:{}", probe.name());
    Some(found)
}

/// Identifies the service on one open port. Never takes longer than the preset's
/// `service_timeout`.
pub async fn identify(addr: SocketAddr, name: Option<&str>, p: &TimingParams) -> Service {
    tokio::time::timeout(p.service_timeout, identify_inner(addr, name, p))
        .await
        .unwrap_or_else(|_| Service {
            name: "unknown".into(),
            info: Some("identification timed out".into()),
            method: "none".into(),
            ..Service::default()
        })
}

async fn identify_inner(addr: SocketAddr, name: Option<&str>, p: &TimingParams) -> Service {
    let hint = probes::hint(addr.port());
    if let Some(probe) = hint
        && let Some(s) = run_probe(addr, name, probe, p).await
    {
        return s;
    }
    // The null probe: connect and listen.
    if let Ok(mut stream) = connect(addr, p.probe_wait).await {
        let (banner, end) = read_reply(&mut stream, p.banner_wait).await;
        if !banner.is_empty() {
            if probes::ambiguous_220(&banner) {
                let _ = send(&mut stream, b"EHLO portlore.invalid\r\n", p.probe_wait).await;
                let (reply, _) = read_reply(&mut stream, p.probe_wait).await;
                let mut s = probes::after_ehlo(&banner, &reply);
                s.method = "banner+ehlo".into();
                return s;
            }
            if let Some(mut s) = probes::recognise(&banner) {
                s.method = "banner".into();
                return s;
            }
            return Service {
                name: "unknown".into(),
                banner: Some(escape_bytes(&banner, 200)),
                info: (end == End::Cap).then(|| format!("sent more than {MAX_READ} bytes unasked")),
                method: "banner".into(),
                ..Service::default()
            };
        }
        if matches!(end, End::Eof | End::Error) {
            return Service {
                name: "tcpwrapped".into(),
                info: Some("closed the connection without a word".into()),
                method: "banner".into(),
                ..Service::default()
            };
        }
    }
    for probe in Probe::ORDER.into_iter().filter(|p| Some(*p) != hint) {
        if let Some(s) = run_probe(addr, name, probe, p).await {
            // Named by another probe's answer (RabbitMQ answers HTTP with its protocol
            // header): ask in its own protocol for the product and version.
            let own = Probe::ORDER
                .into_iter()
                .find(|q| *q != probe && q.name() == s.name && Some(*q) != hint);
            if let Some(own) = own
                && let Some(better) = run_probe(addr, name, own, p).await
                && better.name == s.name
            {
                return better;
            }
            return s;
        }
    }
    Service {
        name: "unknown".into(),
        info: Some("answered no probe".into()),
        method: "none".into(),
        ..Service::default()
    }
}

/// Identifies every open port of every host, `service_parallel` at a time (and never
/// more than `fd_cap`), filling in `PortResult::service`.
pub(crate) async fn identify_all(
    hosts: &mut [HostReport],
    p: &TimingParams,
    fd_cap: usize,
    observer: Option<&Observer>,
) {
    let jobs: Vec<(usize, usize, SocketAddr, Option<String>)> = hosts
        .iter()
        .enumerate()
        .flat_map(|(h, host)| {
            host.open.iter().enumerate().map(move |(i, port)| {
                (
                    h,
                    i,
                    SocketAddr::new(host.target.addr, port.port),
                    host.target.name.clone(),
                )
            })
        })
        .collect();
    if jobs.is_empty() {
        return;
    }
    if let Some(o) = observer {
        o(Event::Phase {
            name: "services",
            total: jobs.len() as u64,
        });
    }
    let limit = p.service_parallel.min(fd_cap).max(1);
    let params = *p;
    let mut set = JoinSet::new();
    let mut pending = jobs.into_iter();
    let mut done = 0u64;
    loop {
        while set.len() < limit {
            let Some((h, i, addr, name)) = pending.next() else {
                break;
            };
            set.spawn(async move { (h, i, identify(addr, name.as_deref(), &params).await) });
        }
        let Some(joined) = set.join_next().await else {
            break;
        };
        done += 1;
        if let Ok((h, i, service)) = joined {
            hosts[h].open[i].service = Some(service);
        }
        if let Some(o) = observer {
            o(Event::Progress { done, open: 0 });
        }
    }
}
