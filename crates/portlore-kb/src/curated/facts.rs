//! The curated facts as pages and `--json` see them. Every fact keeps its sources.

use serde::Serialize;

use crate::model::{PortRange, Transport};

/// A cited source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Where the claim can be checked.
    pub url: String,
    /// The page's title.
    pub title: String,
    /// When the claim was last checked against it (YYYY-MM-DD).
    pub checked: String,
}

/// What a protocol is or was, and what is on its port today.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteFact {
    /// Stable id.
    pub id: String,
    /// The ports the note covers.
    pub ports: Vec<PortRange>,
    /// The transports it covers.
    pub transports: Vec<Transport>,
    /// The IANA service name the note is about, or `unassigned`.
    pub iana_service: Option<String>,
    /// Title.
    pub title: String,
    /// active, legacy, retired, never-deployed or unknown.
    pub status: String,
    /// Who made it, when certain.
    pub made_by: Option<String>,
    /// The note, with footnote markers into `sources`.
    pub summary: String,
    /// What is found on the port today.
    pub today: Option<String>,
    /// Words people type for it.
    pub aliases: Vec<String>,
    /// Ports a reader expects next to these.
    pub related: Vec<PortRange>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// One use of a port or range by a threat family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThreatUse {
    /// The family's id.
    pub id: String,
    /// The family's name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Variants.
    pub variants: Vec<String>,
    /// Year first seen.
    pub year: u16,
    /// worm, trojan, backdoor, rat, botnet, …
    pub kind: String,
    /// About the family.
    pub summary: String,
    /// The port or range used.
    pub ports: PortRange,
    /// The transports used.
    pub transports: Vec<Transport>,
    /// listening-backdoor, scanning-target, c2, propagation, exfiltration, amplification.
    pub role: String,
    /// How the port was used.
    pub detail: String,
    /// Sources.
    pub sources: Vec<Source>,
}

/// A service that must not face the internet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExposureFact {
    /// Stable id.
    pub id: String,
    /// The service.
    pub service: String,
    /// Its ports.
    pub ports: Vec<PortRange>,
    /// Its transports.
    pub transports: Vec<Transport>,
    /// critical, high or medium.
    pub severity: String,
    /// The incident or CVE class.
    pub incident: String,
    /// Concrete steps.
    pub advice: Vec<String>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// Well-known software on a port IANA assigned to something else or to nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnofficialFact {
    /// Stable id.
    pub id: String,
    /// The software.
    pub software: String,
    /// Its ports.
    pub ports: Vec<PortRange>,
    /// Its transports.
    pub transports: Vec<Transport>,
    /// About the use.
    pub summary: String,
    /// Words people type for it.
    pub aliases: Vec<String>,
    /// Ports a reader expects next to these.
    pub related: Vec<PortRange>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// A range fact: RFC 6335 ranges and operating systems' ephemeral ranges.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RangeFact {
    /// Stable id.
    pub id: String,
    /// `iana` or `ephemeral`.
    pub kind: String,
    /// Name (`Linux ephemeral ports`).
    pub name: String,
    /// The range(s).
    pub ports: Vec<PortRange>,
    /// Detail.
    pub detail: String,
    /// Sources.
    pub sources: Vec<Source>,
}

/// The curated facts that cover one port.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CuratedFacts {
    /// Port notes.
    pub notes: Vec<NoteFact>,
    /// Threat uses, one per (family, port range).
    pub threats: Vec<ThreatUse>,
    /// Exposure risks.
    pub exposure: Vec<ExposureFact>,
    /// Unofficial uses, never IANA assignments.
    pub unofficial: Vec<UnofficialFact>,
    /// Range facts.
    pub ranges: Vec<RangeFact>,
}

/// How much curated knowledge there is, for `portlore stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Port notes.
    pub port_notes: usize,
    /// Distinct ports and ranges that have at least one note.
    pub noted_ports: usize,
    /// Threat families.
    pub threat_families: usize,
    /// Exposure entries.
    pub exposure_entries: usize,
    /// Unofficial uses.
    pub unofficial_uses: usize,
    /// Range facts.
    pub range_facts: usize,
}
