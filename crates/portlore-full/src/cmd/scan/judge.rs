//! The one-line judgement of an open port: the detected service against the IANA
//! assignment, plus exposure risk and threat history from the curated knowledge.

use portlore_kb::{Knowledge, PortInfo, Transport};
use portlore_scan::service::Service;
use serde::Serialize;

/// How much to worry about an open port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// As expected.
    Ok,
    /// Worth a look.
    Note,
    /// A risk.
    Warn,
}

/// A level and a sentence.
#[derive(Debug, Serialize)]
pub struct Judgement {
    /// How much to worry.
    pub level: Level,
    /// The sentence.
    pub text: String,
}

/// Detected names that count as the IANA service of the port.
fn same_service(detected: &str, iana: &str) -> bool {
    let d = detected.to_ascii_lowercase();
    let i = iana.to_ascii_lowercase();
    if d == i || i.starts_with(&d) || d.starts_with(&i) {
        return true;
    }
    const ALIASES: &[(&str, &[&str])] = &[
        ("smtp", &["submission", "submissions", "urd", "smtps"]),
        ("https", &["http", "http-alt", "pcsync-https", "ssl"]),
        ("http", &["www", "http-alt", "webcache"]),
        ("imap", &["imap4", "imaps"]),
        ("pop3", &["pop3s"]),
        ("memcached", &["memcache"]),
        ("mqtt", &["secure-mqtt"]),
        ("mysql", &["mysql"]),
        ("postgresql", &["postgres"]),
        (
            "tls",
            &[
                "https",
                "imaps",
                "pop3s",
                "ldaps",
                "ftps",
                "submissions",
                "amqps",
                "secure-mqtt",
            ],
        ),
    ];
    ALIASES
        .iter()
        .any(|(k, v)| *k == d && v.iter().any(|a| *a == i))
}

/// The standard port of a detected service, to find exposure facts when it was moved.
fn standard_port(service: &str) -> Option<u16> {
    Some(match service {
        "redis" => 6379,
        "postgresql" => 5432,
        "mysql" => 3306,
        "mongodb" => 27017,
        "memcached" => 11211,
        "amqp" => 5672,
        "mqtt" => 1883,
        "nats" => 4222,
        "ssh" => 22,
        "telnet" => 23,
        "vnc" => 5900,
        _ => return None,
    })
}

/// Judges one open port.
pub fn judge(
    port: u16,
    service: Option<&Service>,
    info: &PortInfo,
    kb: &Knowledge,
) -> Result<Judgement, portlore_kb::IntegrityError> {
    let iana: Vec<String> = info
        .for_transport(Transport::Tcp)
        .filter_map(|a| a.service.clone())
        .collect();
    let detected = service
        .map(|s| s.name.as_str())
        .filter(|n| !matches!(*n, "unknown" | "tcpwrapped"));
    let mut parts: Vec<String> = Vec::new();
    let mut level = Level::Ok;
    let mut exposure = info.curated.exposure.clone();
    if let Some(std) = detected.and_then(standard_port).filter(|p| *p != port) {
        exposure.extend(kb.port(std)?.curated.exposure);
    }
    if let Some(e) = exposure.first() {
        level = Level::Warn;
        parts.push(format!(
            "exposure risk ({}): {} must not face the internet",
            e.severity, e.service
        ));
    }
    match detected {
        Some(d) if iana.iter().any(|i| same_service(d, i)) => {
            parts.push(format!(
                "expected: IANA assigns {port}/tcp to {}",
                iana.join(", ")
            ));
        }
        Some(d) if iana.is_empty() => {
            if let Some(u) = info.curated.unofficial.first() {
                parts.push(format!(
                    "{d} here; {} uses this port (not an IANA assignment)",
                    u.software
                ));
            } else if info.registry.is_some() {
                level = level.max_with(Level::Note);
                parts.push(format!("{d} on a port with no IANA assignment"));
            } else {
                parts.push(format!("{d} detected"));
            }
        }
        Some(d) => {
            let product = service
                .and_then(|s| s.product.as_ref())
                .map(|p| p.to_ascii_lowercase());
            let known = info.curated.unofficial.iter().find(|u| {
                let sw = u.software.to_ascii_lowercase();
                sw.contains(d) || product.as_ref().is_some_and(|p| sw.contains(p.as_str()))
            });
            if let Some(u) = known {
                parts.push(format!(
                    "{d}: {} commonly uses this port (not an IANA assignment; IANA: {})",
                    u.software,
                    iana.join(", ")
                ));
            } else {
                level = level.max_with(Level::Note);
                parts.push(format!(
                    "unexpected: {d} on a port IANA assigns to {}",
                    iana.join(", ")
                ));
            }
        }
        None => {
            level = level.max_with(Level::Note);
            parts.push("service not identified".to_string());
        }
    }
    if let Some(t) = info.curated.threats.first() {
        level = level.max_with(Level::Note);
        parts.push(format!(
            "threat history: {} ({}, {})",
            t.name, t.kind, t.year
        ));
    }
    Ok(Judgement {
        level,
        text: parts.join("; "),
    })
}

impl Level {
    fn max_with(self, other: Level) -> Level {
        let rank = |l: Level| match l {
            Level::Ok => 0,
            Level::Note => 1,
            Level::Warn => 2,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}
