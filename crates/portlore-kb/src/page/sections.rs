//! The sections below the answer, in the order a page shows them.

use serde::Serialize;

use super::prose::Prose;
use crate::curated::{EphemeralSystem, NoteStatus, Severity, ThreatKind, ThreatRole};
use crate::model::{PortRange, RangeClass, Transport};

/// A section of the page. [`super::Outline::sections`] lists those with content, in
/// reading order: the answer, then what to do, the record, history, security and the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Headline, verdict and badges.
    Answer,
    /// Exposure advice and its steps.
    WhatToDo,
    /// The condensed IANA record.
    Iana,
    /// Curated notes.
    History,
    /// Threat history.
    Security,
    /// Unofficial uses.
    AlsoSeen,
    /// Commands to check the port.
    Check,
    /// Why the port matters.
    Why,
    /// Related ports.
    Related,
    /// Numbered references.
    References,
}

/// A curated note, for the history section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct History {
    /// Title.
    pub title: String,
    /// Whether the protocol is still deployed.
    pub status: NoteStatus,
    /// Who made it, when certain.
    pub made_by: Option<String>,
    /// The note.
    pub summary: Prose,
    /// What is found on the port today.
    pub today: Option<Prose>,
}

/// A threat's use of the port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct ThreatEntry {
    /// The family's id.
    pub id: String,
    /// The family's name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Year first seen.
    pub year: u16,
    /// What kind of malware.
    pub kind: ThreatKind,
    /// How it used the port.
    pub role: ThreatRole,
    /// The port or range used.
    pub ports: PortRange,
    /// The transports used.
    pub transports: Vec<Transport>,
    /// How the port was used.
    pub detail: Prose,
    /// About the family.
    pub summary: Prose,
}

/// What a transport filter left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct LeftOut {
    /// A threat family or exposed service.
    pub name: String,
    /// The transports it concerns, none of them the filter.
    pub transports: Vec<Transport>,
}

/// Exposure advice: the first thing to act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Advice {
    /// The service.
    pub service: String,
    /// How bad.
    pub severity: Severity,
    /// The incident or CVE class.
    pub incident: Prose,
    /// Concrete steps.
    pub steps: Vec<String>,
}

/// Software seen on the port without an IANA assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct AlsoSeen {
    /// The software.
    pub software: String,
    /// Its transports.
    pub transports: Vec<Transport>,
    /// About the use.
    pub summary: Prose,
}

/// A fact of "why it matters", each worded by the front ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(tag = "fact", rename_all = "kebab-case")]
pub enum Why {
    /// Port 0: binding to it asks the OS to pick a free port.
    PortZero,
    /// What the range class implies.
    Class {
        /// The class.
        class: RangeClass,
    },
    /// Assigned to a protocol that is still around: expect it.
    Assigned,
    /// Assigned to a protocol that is retired or never shipped.
    Dormant {
        /// The protocol.
        name: String,
        /// Its status.
        status: NoteStatus,
    },
    /// Reserved: nothing should listen.
    Reserved,
    /// No assignment: the number tells little.
    Unassigned,
    /// No registry to say.
    NoRegistry,
    /// Malware used the port or a range holding it.
    ThreatHistory {
        /// How many families.
        families: usize,
        /// Whether that was a range rather than this port alone.
        in_range: bool,
    },
    /// A service here has been attacked when exposed.
    Exposure,
    /// Well-known software uses it without registration.
    Unofficial,
    /// Operating systems pick outgoing ports from a range holding it.
    Ephemeral {
        /// The systems.
        systems: Vec<EphemeralSystem>,
        /// Whether any of them is current (not only legacy systems).
        current: bool,
    },
}

/// Why another port is related.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Relation {
    /// The family curated knowledge puts together (80 with 443, 3306 with 33060).
    Knowledge,
    /// The same IANA service on another port.
    SameService,
    /// A sibling service name (`jt400` and `jt400-ssl`).
    Sibling,
    /// A threat that used this port also used that one.
    SameThreat {
        /// The family.
        name: String,
    },
    /// The next or previous port.
    Neighbour,
}

/// A related port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Related {
    /// The port or range.
    pub ports: PortRange,
    /// Its IANA service name, when assigned.
    pub service: Option<String>,
    /// Why it is related.
    pub relation: Relation,
}
