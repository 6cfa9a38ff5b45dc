//! Comparing scans (`--diff`) and picking up an interrupted one (`--resume`).
//!
//! A [`Snapshot`] is what a scan said about each host and port, read from portlore's
//! JSON Lines, from nmap XML (portlore's or nmap's own), or from a fresh report. The
//! changes between two are those ndiff reports: hosts up or down, ports whose state
//! changed, and service name, product, version or extra information that changed.

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

use serde::Serialize;

use crate::engine::{PriorHost, Resume};
use crate::report::{HostStatus, ScanReport};

/// The service facts ndiff compares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ServiceFacts {
    /// Service name.
    pub name: Option<String>,
    /// Product.
    pub product: Option<String>,
    /// Version.
    pub version: Option<String>,
    /// Extra information.
    pub extrainfo: Option<String>,
}

/// One port as a scan saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PortFacts {
    /// `open`, `closed`, `filtered`, `open|filtered`, `open|proxied`.
    pub state: String,
    /// What answered.
    pub service: ServiceFacts,
}

/// One host as a scan saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HostFacts {
    /// `up` or `down`.
    pub status: String,
    /// Listed ports by (protocol, port); unlisted ports are in no recorded state.
    pub ports: BTreeMap<(String, u16), PortFacts>,
}

/// A whole scan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Hosts by address.
    pub hosts: BTreeMap<IpAddr, HostFacts>,
}

/// Why a previous scan could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A line of JSON Lines that is not JSON.
    #[error("line {line}: {message}")]
    Json {
        /// The line, from 1.
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// XML that does not parse or is not nmap's.
    #[error("nmap XML: {0}")]
    Xml(String),
}

fn opt(v: &serde_json::Value) -> Option<String> {
    v.as_str().map(String::from)
}

impl Snapshot {
    /// Reads JSON Lines or nmap XML, whichever `text` is.
    pub fn parse(text: &str) -> Result<Snapshot, ReadError> {
        if text.trim_start().starts_with('<') {
            Snapshot::from_xml(text)
        } else {
            Snapshot::from_jsonl(text)
        }
    }

    /// Reads portlore's JSON Lines (`portlore.scan/1` or `/2`). A last line cut short by
    /// an interruption is ignored.
    pub fn from_jsonl(text: &str) -> Result<Snapshot, ReadError> {
        let mut snap = Snapshot::default();
        for (host, v) in host_records(text)? {
            let entry = snap.hosts.entry(host).or_default();
            match v["type"].as_str() {
                Some("port") | Some("udp") => {
                    let s = &v["service"];
                    entry.status = "up".into();
                    entry.ports.insert(
                        (
                            v["protocol"].as_str().unwrap_or("tcp").to_string(),
                            v["port"].as_u64().unwrap_or(0) as u16,
                        ),
                        PortFacts {
                            state: v["state"].as_str().unwrap_or("open").to_string(),
                            service: ServiceFacts {
                                name: opt(&s["name"]),
                                product: opt(&s["product"]),
                                version: opt(&s["version"]),
                                extrainfo: opt(&s["info"]),
                            },
                        },
                    );
                }
                Some("host") => {
                    entry.status = match v["status"].as_str() {
                        Some("up") => "up".into(),
                        _ => "down".into(),
                    };
                }
                _ => {}
            }
        }
        Ok(snap)
    }

    /// Reads nmap XML.
    pub fn from_xml(text: &str) -> Result<Snapshot, ReadError> {
        // nmap's files name a DTD; roxmltree refuses DTDs unless allowed, and never
        // fetches them.
        let opts = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        };
        let doc = roxmltree::Document::parse_with_options(text, opts)
            .map_err(|e| ReadError::Xml(e.to_string()))?;
        let root = doc.root_element();
        if root.tag_name().name() != "nmaprun" {
            return Err(ReadError::Xml("no <nmaprun> root".into()));
        }
        let mut snap = Snapshot::default();
        for host in root.children().filter(|n| n.has_tag_name("host")) {
            let Some(addr) = host
                .children()
                .filter(|n| n.has_tag_name("address"))
                .find(|n| n.attribute("addrtype") != Some("mac"))
                .and_then(|n| n.attribute("addr"))
                .and_then(|a| a.parse::<IpAddr>().ok())
            else {
                continue;
            };
            let status = host
                .children()
                .find(|n| n.has_tag_name("status"))
                .and_then(|n| n.attribute("state"))
                .unwrap_or("unknown")
                .to_string();
            let mut facts = HostFacts {
                status,
                ports: BTreeMap::new(),
            };
            let ports = host.descendants().filter(|n| n.has_tag_name("port"));
            for p in ports {
                let (Some(proto), Some(id)) = (
                    p.attribute("protocol"),
                    p.attribute("portid").and_then(|x| x.parse::<u16>().ok()),
                ) else {
                    continue;
                };
                let state = p
                    .children()
                    .find(|n| n.has_tag_name("state"))
                    .and_then(|n| n.attribute("state"))
                    .unwrap_or("unknown");
                let svc = p.children().find(|n| n.has_tag_name("service"));
                let a = |k: &str| svc.and_then(|s| s.attribute(k)).map(String::from);
                facts.ports.insert(
                    (proto.to_string(), id),
                    PortFacts {
                        state: state.to_string(),
                        service: ServiceFacts {
                            name: a("name"),
                            product: a("product"),
                            version: a("version"),
                            extrainfo: a("extrainfo"),
                        },
                    },
                );
            }
            snap.hosts.insert(addr, facts);
        }
        Ok(snap)
    }

    /// What a report says, in the same terms.
    pub fn from_report(report: &ScanReport) -> Snapshot {
        let mut snap = Snapshot::default();
        for h in &report.hosts {
            let mut facts = HostFacts {
                status: if h.status == HostStatus::Up {
                    "up".into()
                } else {
                    "down".into()
                },
                ports: BTreeMap::new(),
            };
            for p in &h.open {
                let s = p.service.as_ref();
                facts.ports.insert(
                    ("tcp".into(), p.port),
                    PortFacts {
                        state: p.state.as_str().into(),
                        service: ServiceFacts {
                            name: s.map(|s| s.name.clone()),
                            product: s.and_then(|s| s.product.clone()),
                            version: s.and_then(|s| s.version.clone()),
                            extrainfo: s.and_then(|s| s.info.clone()),
                        },
                    },
                );
            }
            for u in h.udp.iter().filter(|u| u.state == "open") {
                let s = u.service.as_ref();
                facts.ports.insert(
                    ("udp".into(), u.port),
                    PortFacts {
                        state: u.state.into(),
                        service: ServiceFacts {
                            name: s.map(|s| s.name.clone()),
                            product: s.and_then(|s| s.product.clone()),
                            version: s.and_then(|s| s.version.clone()),
                            extrainfo: s.and_then(|s| s.info.clone()),
                        },
                    },
                );
            }
            snap.hosts.insert(h.target.addr, facts);
        }
        snap
    }
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// The host is in the new scan only.
    HostAdded,
    /// The host is in the old scan only.
    HostRemoved,
    /// Its status changed (up ↔ down).
    HostStatus,
    /// A port is listed as open now and was not before.
    PortOpened,
    /// A port was listed as open and is not now.
    PortClosed,
    /// A port's state changed otherwise.
    PortState,
    /// The service name changed.
    Service,
    /// The product or version changed.
    Version,
    /// Only the extra information changed.
    Extrainfo,
}

/// One difference, with both sides as ndiff shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The host.
    pub host: IpAddr,
    /// The port, for port changes.
    pub port: Option<u16>,
    /// `tcp` or `udp`, for port changes.
    pub protocol: Option<String>,
    /// Before: host status or port facts.
    pub a: Option<PortFacts>,
    /// After.
    pub b: Option<PortFacts>,
}

fn is_open(p: Option<&PortFacts>) -> bool {
    p.is_some_and(|p| p.state.starts_with("open"))
}

/// The changes from `a` (before) to `b` (after), by host and port.
pub fn diff(a: &Snapshot, b: &Snapshot) -> Vec<Change> {
    let mut out = Vec::new();
    let hosts: BTreeSet<IpAddr> = a.hosts.keys().chain(b.hosts.keys()).copied().collect();
    for host in hosts {
        let (ha, hb) = (a.hosts.get(&host), b.hosts.get(&host));
        let status = |h: Option<&HostFacts>| {
            h.map(|h| PortFacts {
                state: h.status.clone(),
                service: ServiceFacts::default(),
            })
        };
        match (ha, hb) {
            (None, Some(_)) => out.push(Change {
                kind: ChangeKind::HostAdded,
                host,
                port: None,
                protocol: None,
                a: None,
                b: status(hb),
            }),
            (Some(_), None) => out.push(Change {
                kind: ChangeKind::HostRemoved,
                host,
                port: None,
                protocol: None,
                a: status(ha),
                b: None,
            }),
            (Some(x), Some(y)) if x.status != y.status => out.push(Change {
                kind: ChangeKind::HostStatus,
                host,
                port: None,
                protocol: None,
                a: status(ha),
                b: status(hb),
            }),
            _ => {}
        }
        let empty = BTreeMap::new();
        let pa = ha.map(|h| &h.ports).unwrap_or(&empty);
        let pb = hb.map(|h| &h.ports).unwrap_or(&empty);
        let keys: BTreeSet<&(String, u16)> = pa.keys().chain(pb.keys()).collect();
        for key in keys {
            let (x, y) = (pa.get(key), pb.get(key));
            let kind = match (is_open(x), is_open(y)) {
                (false, true) => Some(ChangeKind::PortOpened),
                (true, false) => Some(ChangeKind::PortClosed),
                _ => match (x, y) {
                    (Some(x), Some(y)) if x.state != y.state => Some(ChangeKind::PortState),
                    (Some(x), Some(y)) if x.service.name != y.service.name => {
                        Some(ChangeKind::Service)
                    }
                    (Some(x), Some(y))
                        if x.service.product != y.service.product
                            || x.service.version != y.service.version =>
                    {
                        Some(ChangeKind::Version)
                    }
                    (Some(x), Some(y)) if x.service.extrainfo != y.service.extrainfo => {
                        Some(ChangeKind::Extrainfo)
                    }
                    _ => None,
                },
            };
            if let Some(kind) = kind {
                out.push(Change {
                    kind,
                    host,
                    port: Some(key.1),
                    protocol: Some(key.0.clone()),
                    a: x.cloned(),
                    b: y.cloned(),
                });
            }
        }
    }
    out
}

fn expand(ranges: &str) -> Vec<u16> {
    ranges
        .split(',')
        .filter(|s| !s.is_empty())
        .flat_map(|r| {
            let (a, b) = r.split_once('-').unwrap_or((r, r));
            match (a.trim().parse::<u16>(), b.trim().parse::<u16>()) {
                (Ok(a), Ok(b)) if a <= b => (a..=b).collect(),
                _ => Vec::new(),
            }
        })
        .collect()
}

/// The records of portlore's JSON Lines that name a host, with that host. A last line
/// cut short by an interruption is ignored; any other line that is not JSON is an error.
fn host_records(text: &str) -> Result<Vec<(IpAddr, serde_json::Value)>, ReadError> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(_) if i + 1 == lines.len() => break,
            Err(e) => {
                return Err(ReadError::Json {
                    line: i + 1,
                    message: e.to_string(),
                });
            }
        };
        if let Some(host) = v["host"].as_str().and_then(|h| h.parse::<IpAddr>().ok()) {
            out.push((host, v));
        }
    }
    Ok(out)
}

/// What an interrupted scan's JSON Lines settled: open ports from port records, closed
/// and filtered ports from host records (`closed_ports`, `filtered_ports`). A last line
/// cut short is ignored.
pub fn resume_from_jsonl(text: &str) -> Result<Resume, ReadError> {
    let mut resume = Resume::default();
    for (host, v) in host_records(text)? {
        let prior: &mut PriorHost = resume.hosts.entry(host).or_default();
        match v["type"].as_str() {
            Some("port") if v["state"] == "open" => {
                if let Some(p) = v["port"].as_u64() {
                    prior.open.push(p as u16);
                }
            }
            Some("host") => {
                prior
                    .closed
                    .extend(expand(v["closed_ports"].as_str().unwrap_or("")));
                prior
                    .filtered
                    .extend(expand(v["filtered_ports"].as_str().unwrap_or("")));
            }
            _ => {}
        }
    }
    for p in resume.hosts.values_mut() {
        for list in [&mut p.open, &mut p.closed, &mut p.filtered] {
            list.sort_unstable();
            list.dedup();
        }
    }
    Ok(resume)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = r#"{"schema":"portlore.scan/2","type":"port","host":"192.0.2.1","port":22,"protocol":"tcp","state":"open","service":{"name":"ssh","product":"OpenSSH","version":"9.2p1"}}
{"schema":"portlore.scan/2","type":"port","host":"192.0.2.1","port":80,"protocol":"tcp","state":"open","service":{"name":"http"}}
{"schema":"portlore.scan/2","type":"host","host":"192.0.2.1","status":"up","closed_ports":"1-21,23-79","filtered_ports":"81-100"}
{"schema":"portlore.scan/2","type":"host","host":"192.0.2.9","status":"up"}
"#;

    #[test]
    fn diff_reports_ndiff_changes() {
        let a = Snapshot::parse(A).unwrap();
        let b = Snapshot::parse(
            r#"<?xml version="1.0"?><!DOCTYPE nmaprun><nmaprun scanner="nmap"><host><status state="up"/><address addr="192.0.2.1" addrtype="ipv4"/><ports>
            <port protocol="tcp" portid="22"><state state="open"/><service name="ssh" product="OpenSSH" version="9.6p1"/></port>
            <port protocol="tcp" portid="443"><state state="open"/><service name="https"/></port>
            </ports></host><host><status state="up"/><address addr="192.0.2.7" addrtype="ipv4"/></host></nmaprun>"#,
        )
        .unwrap();
        let kinds: Vec<(ChangeKind, Option<u16>)> =
            diff(&a, &b).iter().map(|c| (c.kind, c.port)).collect();
        assert_eq!(
            kinds,
            vec![
                (ChangeKind::Version, Some(22)),
                (ChangeKind::PortClosed, Some(80)),
                (ChangeKind::PortOpened, Some(443)),
                (ChangeKind::HostAdded, None),
                (ChangeKind::HostRemoved, None),
            ]
        );
        assert!(diff(&a, &a).is_empty());
    }

    #[test]
    fn resume_reads_settled_ports_and_ignores_a_cut_line() {
        let cut = format!("{A}{{\"schema\":\"portlore.sc");
        let r = resume_from_jsonl(&cut).unwrap();
        let h = &r.hosts[&"192.0.2.1".parse::<IpAddr>().unwrap()];
        assert_eq!(h.open, vec![22, 80]);
        assert_eq!(h.closed.len(), 21 + 57);
        assert_eq!(h.filtered.len(), 20);
        assert!(resume_from_jsonl("nope\n{}\n").is_err());
    }
}
