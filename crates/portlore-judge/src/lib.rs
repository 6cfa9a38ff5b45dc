//! One judgement vocabulary for `portlore local` and `portlore scan`: a [`Level`], stable
//! reason [`Code`]s and [`Reason`]s that carry both, plus the rules that judge a scanned
//! open port ([`scan`]). The local audit keeps its own socket rules but speaks the same
//! words, so one JSON reader understands both.
//!
//! Facts come from the caller (IANA names, curated hints, what a probe saw); this crate
//! knows nothing of where they are stored and never prints.

#![deny(missing_docs)]

use std::net::IpAddr;

use serde::Serialize;

pub mod scan;

/// How much attention something deserves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Nothing to say.
    Fine,
    /// Worth knowing.
    Note,
    /// Deserves a look.
    Look,
}

impl Level {
    /// The JSON word: `fine`, `note`, `look`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Fine => "fine",
            Level::Note => "note",
            Level::Look => "look",
        }
    }
}

/// Why: a stable code per rule. The JSON spelling (kebab-case) never changes meaning;
/// new rules add codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// Local: the process is not what the port is known for.
    UnexpectedProcess,
    /// Local: the process is what the port is known for.
    ExpectedProcess,
    /// Local: a forwarder (ssh, socat, a proxy) holds the port.
    Forwarder,
    /// Local: the owner is hidden from this user.
    OwnerHidden,
    /// Local: no process in this PID namespace holds it.
    OwnerUnknown,
    /// Local: listens on every interface.
    AllInterfaces,
    /// Local: listens on one non-loopback address.
    OneInterface,
    /// Curated: must not face the internet, and it may.
    ExposureRisk,
    /// Local: a port in the dynamic range.
    DynamicPort,
    /// Curated: malware used this port once.
    ThreatHistory,
    /// No IANA assignment on the port.
    Unassigned,
    /// Reachable from this host only.
    Loopback,
    /// Scan: the service found is the one IANA assigns the port to.
    ExpectedService,
    /// Scan: a program commonly found on this port (not an IANA assignment).
    UnofficialUse,
    /// Scan: another service than the port's IANA assignment.
    UnexpectedService,
    /// Scan: something answered, but no fingerprint named it.
    NotIdentified,
    /// Scan: the port accepted connections and said nothing to any probe.
    Silent,
    /// Scan: the target is a private-network address.
    PrivateNetwork,
    /// Scan: the target is a public address.
    PublicNetwork,
    /// Scan: the service answered a data command without asking who we are.
    NoAuth,
    /// Scan: PostgreSQL accepted a login with no password (`trust`).
    TrustAuth,
    /// Scan: the FTP server accepts anonymous logins.
    AnonymousFtp,
    /// Scan: the Docker Engine API answers over plain TCP, without TLS.
    DockerWithoutTls,
    /// Scan: a UDP service that answers small requests with larger replies.
    UdpAmplifier,
    /// Scan: the host answers on (almost) every port: a middlebox, not real services.
    Proxied,
}

impl Code {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnexpectedProcess => "unexpected-process",
            Code::ExpectedProcess => "expected-process",
            Code::Forwarder => "forwarder",
            Code::OwnerHidden => "owner-hidden",
            Code::OwnerUnknown => "owner-unknown",
            Code::AllInterfaces => "all-interfaces",
            Code::OneInterface => "one-interface",
            Code::ExposureRisk => "exposure-risk",
            Code::DynamicPort => "dynamic-port",
            Code::ThreatHistory => "threat-history",
            Code::Unassigned => "unassigned",
            Code::Loopback => "loopback",
            Code::ExpectedService => "expected-service",
            Code::UnofficialUse => "unofficial-use",
            Code::UnexpectedService => "unexpected-service",
            Code::NotIdentified => "not-identified",
            Code::Silent => "silent",
            Code::PrivateNetwork => "private-network",
            Code::PublicNetwork => "public-network",
            Code::NoAuth => "no-auth",
            Code::TrustAuth => "trust-auth",
            Code::AnonymousFtp => "anonymous-ftp",
            Code::DockerWithoutTls => "docker-without-tls",
            Code::UdpAmplifier => "udp-amplifier",
            Code::Proxied => "proxied",
        }
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// One reason, with its weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Its weight.
    pub level: Level,
    /// The rule that gave it.
    pub code: Code,
    /// One plain sentence.
    pub text: String,
}

impl Reason {
    /// A reason.
    pub fn new(level: Level, code: Code, text: impl Into<String>) -> Reason {
        Reason {
            level,
            code,
            text: text.into(),
        }
    }
}

/// Reasons, heaviest first (stable among equals), and their highest level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The highest weight among the reasons (`fine` when there are none).
    pub level: Level,
    /// Every reason, heaviest first.
    pub reasons: Vec<Reason>,
}

impl Verdict {
    /// Sorts `reasons` heaviest first and takes the top level.
    pub fn from_reasons(mut reasons: Vec<Reason>) -> Verdict {
        reasons.sort_by_key(|r| std::cmp::Reverse(r.level));
        Verdict {
            level: reasons.first().map(|r| r.level).unwrap_or(Level::Fine),
            reasons,
        }
    }

    /// The heaviest reason's sentence.
    pub fn headline(&self) -> &str {
        self.reasons.first().map(|r| r.text.as_str()).unwrap_or("")
    }

    /// Whether some reason has this code.
    pub fn has(&self, code: Code) -> bool {
        self.reasons.iter().any(|r| r.code == code)
    }
}

/// A curated threat family that used the port: history, not an accusation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThreatHint {
    /// The family's name.
    pub name: String,
    /// Year first seen.
    pub year: u16,
    /// How it used the port (`listening-backdoor`, `scanning-target`, …).
    pub role: String,
    /// The port or range it used.
    pub ports: (u16, u16),
}

/// A curated "must not face the internet" entry for the port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExposureHint {
    /// The service.
    pub service: String,
    /// critical, high or medium.
    pub severity: String,
}

/// What the caller knows about a port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facts {
    /// IANA service names on the port and the transport, in registry order.
    pub services: Vec<String>,
    /// Whether a registry was consulted (so an empty `services` means unassigned).
    pub registry: bool,
    /// Curated threat history.
    pub threats: Vec<ThreatHint>,
    /// Curated exposure risks.
    pub exposure: Vec<ExposureHint>,
}

/// How a threat used a port, as the end of a sentence.
pub fn role_phrase(role: &str) -> String {
    match role {
        "listening-backdoor" => "for a listening backdoor".into(),
        "scanning-target" => "as a scanning target".into(),
        "c2" => "for command and control".into(),
        "propagation" => "to spread".into(),
        "exfiltration" => "to move stolen data".into(),
        "amplification" => "for amplification attacks".into(),
        other => format!("({})", other.replace('-', " ")),
    }
}

/// Who can reach a scanned address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reach {
    /// 127.0.0.0/8 or ::1: this host only.
    Loopback,
    /// RFC 1918, RFC 4193, link-local, CGNAT or benchmarking ranges: the local network.
    Private,
    /// Anything else: possibly the internet.
    Public,
}

impl Reach {
    /// The reach of an address.
    pub fn of(ip: IpAddr) -> Reach {
        let ip = match ip {
            IpAddr::V6(v6) => v6
                .to_ipv4_mapped()
                .map(IpAddr::V4)
                .unwrap_or(IpAddr::V6(v6)),
            v4 => v4,
        };
        match ip {
            IpAddr::V4(v4) if v4.is_loopback() => Reach::Loopback,
            IpAddr::V4(v4) => {
                let [a, b, ..] = v4.octets();
                let cgnat = a == 100 && (64..128).contains(&b);
                let bench = a == 198 && (b == 18 || b == 19);
                if v4.is_private() || v4.is_link_local() || cgnat || bench || v4.is_unspecified() {
                    Reach::Private
                } else {
                    Reach::Public
                }
            }
            IpAddr::V6(v6) if v6.is_loopback() => Reach::Loopback,
            IpAddr::V6(v6) => {
                let first = v6.segments()[0];
                let unique_local = first & 0xfe00 == 0xfc00;
                let link_local = first & 0xffc0 == 0xfe80;
                if unique_local || link_local || v6.is_unspecified() {
                    Reach::Private
                } else {
                    Reach::Public
                }
            }
        }
    }
}

/// Something a probe saw that matters for the judgement. Each comes from the service's
/// own answer, never from the port number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// A data command was answered with data, without authentication (Redis `INFO`,
    /// MongoDB `listDatabases`-free `hello` with no auth demanded, Elasticsearch root).
    NoAuth,
    /// PostgreSQL answered the startup message with AuthenticationOk: `trust`.
    TrustAuth,
    /// FTP answered `USER anonymous` with 230 or 331 for an e-mail password.
    AnonymousFtp,
    /// The Docker Engine API answered `/version` over plain HTTP.
    DockerWithoutTls,
    /// A UDP service (memcached, NTP) answered a small datagram.
    UdpAmplifier,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_of_addresses() {
        let r = |s: &str| Reach::of(s.parse().unwrap());
        assert_eq!(r("127.0.0.1"), Reach::Loopback);
        assert_eq!(r("::1"), Reach::Loopback);
        assert_eq!(r("::ffff:127.0.0.1"), Reach::Loopback);
        assert_eq!(r("10.1.2.3"), Reach::Private);
        assert_eq!(r("192.168.1.1"), Reach::Private);
        assert_eq!(r("198.18.5.2"), Reach::Private);
        assert_eq!(r("100.64.0.1"), Reach::Private);
        assert_eq!(r("fd00::1"), Reach::Private);
        assert_eq!(r("fe80::1"), Reach::Private);
        assert_eq!(r("192.0.2.1"), Reach::Public);
        assert_eq!(r("2001:db8::1"), Reach::Public);
    }

    #[test]
    fn codes_serialise_as_their_spelling() {
        for code in [
            Code::UnexpectedProcess,
            Code::DockerWithoutTls,
            Code::Silent,
        ] {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
        assert_eq!(serde_json::to_string(&Level::Look).unwrap(), "\"look\"");
    }

    #[test]
    fn verdict_sorts_heaviest_first() {
        let v = Verdict::from_reasons(vec![
            Reason::new(Level::Fine, Code::Loopback, "a"),
            Reason::new(Level::Look, Code::NoAuth, "b"),
            Reason::new(Level::Note, Code::Silent, "c"),
        ]);
        assert_eq!(v.level, Level::Look);
        assert_eq!(v.headline(), "b");
        assert!(v.has(Code::Silent));
        assert_eq!(Verdict::from_reasons(vec![]).level, Level::Fine);
    }
}
