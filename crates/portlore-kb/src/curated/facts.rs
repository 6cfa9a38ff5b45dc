//! The curated facts as pages and `--json` see them. Every fact keeps its sources.

use std::fmt;

use serde::Serialize;

use crate::model::{PortRange, Transport};

/// A closed set whose variants serialise as kebab-case ids (`never-deployed`).
macro_rules! closed_set {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident => $id:literal,)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($(#[$vm])* $v,)+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v,)+];

            /// The stable kebab-case id, as in the data and the JSON.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$v => $id,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

closed_set! {
    /// Whether a protocol is still deployed.
    NoteStatus {
        /// In use.
        Active => "active",
        /// Still found, but superseded.
        Legacy => "legacy",
        /// No longer used.
        Retired => "retired",
        /// Registered but never deployed.
        NeverDeployed => "never-deployed",
        /// Not known.
        Unknown => "unknown",
    }
}

impl NoteStatus {
    /// Whether traffic on the port today is unlikely to be this protocol.
    pub fn dormant(self) -> bool {
        match self {
            NoteStatus::Retired | NoteStatus::NeverDeployed => true,
            NoteStatus::Active | NoteStatus::Legacy | NoteStatus::Unknown => false,
        }
    }
}

closed_set! {
    /// What kind of malware a threat family is.
    ThreatKind {
        /// Self-propagating.
        Worm => "worm",
        /// Trojan horse.
        Trojan => "trojan",
        /// Backdoor.
        Backdoor => "backdoor",
        /// Remote-access tool.
        Rat => "rat",
        /// Botnet.
        Botnet => "botnet",
        /// Ransomware.
        Ransomware => "ransomware",
        /// Mass scanner.
        Scanner => "scanner",
        /// Cryptocurrency miner.
        Miner => "miner",
        /// A command-and-control or post-exploitation framework (Cobalt Strike, Sliver).
        C2Framework => "c2-framework",
        /// A campaign exploiting one product's vulnerability, named by its CVE.
        Exploitation => "exploitation",
        /// Malware built to manipulate industrial control systems.
        IcsMalware => "ics-malware",
        /// Anything else.
        Other => "other",
    }
}

closed_set! {
    /// How a threat used a port.
    ThreatRole {
        /// The malware listened there.
        ListeningBackdoor => "listening-backdoor",
        /// The malware scanned for the port on other hosts.
        ScanningTarget => "scanning-target",
        /// Command and control.
        C2 => "c2",
        /// The malware spread through the service on the port.
        Propagation => "propagation",
        /// Data left through it.
        Exfiltration => "exfiltration",
        /// Reflection and amplification.
        Amplification => "amplification",
        /// The port the malware flooded or attacked on third parties.
        Attack => "attack",
    }
}

closed_set! {
    /// How bad an exposure is.
    Severity {
        /// Critical.
        Critical => "critical",
        /// High.
        High => "high",
        /// Medium.
        Medium => "medium",
    }
}

closed_set! {
    /// The kind of a range fact.
    RangeKind {
        /// An RFC 6335 range.
        Iana => "iana",
        /// An operating system's default ephemeral range.
        Ephemeral => "ephemeral",
    }
}

closed_set! {
    /// An operating system whose default ephemeral (outgoing) port range is recorded.
    /// The variants follow the `id`s of the ephemeral entries of `data/ranges.toml`; a
    /// test fails when an entry has no variant, so no OS name reaches a page untranslated.
    EphemeralSystem {
        /// Linux (`net.ipv4.ip_local_port_range`).
        Linux => "linux-ephemeral",
        /// Windows Vista, Server 2008 and later.
        Windows => "windows-ephemeral",
        /// Windows XP, Server 2003 and earlier.
        WindowsLegacy => "windows-legacy-ephemeral",
        /// FreeBSD.
        FreeBsd => "freebsd-ephemeral",
        /// macOS.
        MacOs => "macos-ephemeral",
        /// Oracle Solaris.
        Solaris => "solaris-ephemeral",
        /// IBM AIX.
        Aix => "aix-ephemeral",
        /// An entry this build has no name for (a test rules it out).
        Other => "other",
    }
}

impl EphemeralSystem {
    /// The system a range fact's id names.
    pub fn from_range_id(id: &str) -> EphemeralSystem {
        EphemeralSystem::ALL
            .iter()
            .copied()
            .find(|s| s.id() == id)
            .unwrap_or(EphemeralSystem::Other)
    }

    /// Whether the system is long out of support, so its range rarely matters today.
    pub fn legacy(self) -> bool {
        match self {
            EphemeralSystem::WindowsLegacy => true,
            EphemeralSystem::Linux
            | EphemeralSystem::Windows
            | EphemeralSystem::FreeBsd
            | EphemeralSystem::MacOs
            | EphemeralSystem::Solaris
            | EphemeralSystem::Aix
            | EphemeralSystem::Other => false,
        }
    }
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
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
    /// The title without a "not the registered service" ending: what the note is about.
    pub name: String,
    /// Whether the note is about the IANA-registered service; false when it describes
    /// software that uses the port without the registration (its title says so).
    pub about_registered: bool,
    /// Whether it is still deployed.
    pub status: NoteStatus,
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
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
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
    /// What kind of malware it is.
    pub kind: ThreatKind,
    /// Whether the family made headlines worldwide.
    pub notable: bool,
    /// About the family.
    pub summary: String,
    /// The port or range used.
    pub ports: PortRange,
    /// The transports used.
    pub transports: Vec<Transport>,
    /// How it used the port.
    pub role: ThreatRole,
    /// How the port was used.
    pub detail: String,
    /// Sources.
    pub sources: Vec<Source>,
    /// Where the family's entry is, so that its other uses can be read without checking
    /// every family's entry (see [`crate::curated::Curated::uses_of_entries`]).
    #[serde(skip)]
    pub(crate) entry: usize,
}

/// A service that must not face the internet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct ExposureFact {
    /// Stable id.
    pub id: String,
    /// The service.
    pub service: String,
    /// Its ports.
    pub ports: Vec<PortRange>,
    /// Its transports.
    pub transports: Vec<Transport>,
    /// How bad an exposure is.
    pub severity: Severity,
    /// The incident or CVE class.
    pub incident: String,
    /// Concrete steps.
    pub advice: Vec<String>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// Well-known software on a port IANA assigned to something else or to nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct RangeFact {
    /// Stable id.
    pub id: String,
    /// An RFC 6335 range or an OS's ephemeral range.
    pub kind: RangeKind,
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
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
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
