//! The answer at the top of a page: headline, verdict and badges.

use serde::Serialize;

use crate::curated::{NoteStatus, Severity, ThreatRole};
use crate::model::{PortRange, RangeClass, Transport};

/// The page's title line: the port, its IANA service and, when the port's everyday use
/// is something else, that use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Headline {
    /// The port.
    pub port: u16,
    /// The main IANA service name on the page's transports.
    pub service: Option<String>,
    /// Its description, when it says more than the name.
    pub description: Option<String>,
    /// The transports it is assigned on.
    pub transports: Vec<Transport>,
    /// Other IANA service names on the port (aliases excluded).
    pub also: Vec<String>,
    /// What is usually found here when that is not the IANA service.
    pub usually: Option<String>,
}

/// Where "what is usually here" comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum UsualSource {
    /// A curated note about the registered protocol, still deployed.
    Registered,
    /// A curated note or unofficial use about software that took the port without
    /// registering it.
    Unregistered,
}

/// How sure a "not that protocol" statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Certainty {
    /// The protocol is retired or never shipped.
    AlmostCertainly,
    /// The protocol is superseded and rarely seen.
    Probably,
}

/// One part of the verdict, most telling first. Each front end words each part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(tag = "part", rename_all = "kebab-case")]
pub enum VerdictPart {
    /// What is usually on the port today.
    Usually {
        /// The protocol or software (curated, in English).
        what: String,
        /// Where that comes from.
        source: UsualSource,
    },
    /// Who holds the IANA registration on the page's transport.
    Holder {
        /// The service name.
        service: String,
        /// The holder's organisation (or name), from the record on that transport.
        holder: Option<String>,
        /// The transport of that record; absent when the record covers all.
        transport: Option<Transport>,
    },
    /// Reserved by IANA.
    Reserved,
    /// No IANA assignment, in the system or user range.
    Unassigned,
    /// In the dynamic range, which IANA never assigns.
    Dynamic,
    /// Port 0: not a real port to listen on.
    PortZero,
    /// No registry is installed.
    NoRegistry,
    /// The protocol's status is worth saying (retired, never deployed, legacy).
    Status {
        /// The protocol.
        name: String,
        /// Its status.
        status: NoteStatus,
    },
    /// A threat used this port or a range holding it: history, with its year.
    Threat {
        /// The family.
        name: String,
        /// Year first seen.
        year: u16,
        /// The port or range it used.
        ports: PortRange,
        /// How it used the port.
        role: ThreatRole,
        /// How many other families used the port (on the page's transports).
        others: usize,
    },
    /// A service here must not face the internet.
    Exposure {
        /// The service.
        service: String,
        /// How bad.
        severity: Severity,
    },
    /// Traffic here today is unlikely to be the registered protocol.
    NotThatToday {
        /// The protocol.
        name: String,
        /// How sure.
        certainty: Certainty,
    },
}

/// The state of the port's IANA assignment, as a badge shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum IanaState {
    /// Assigned on at least one of the page's transports.
    Assigned,
    /// Reserved.
    Reserved,
    /// Unassigned.
    Unassigned,
    /// Listed without a service name.
    Other,
    /// No registry installed.
    NoRegistry,
}

/// A badge: a word and a colour on the site, a word in the terminal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(tag = "badge", rename_all = "kebab-case")]
pub enum Badge {
    /// The RFC 6335 range class.
    Range {
        /// The class.
        class: RangeClass,
    },
    /// The IANA state.
    Iana {
        /// The state.
        state: IanaState,
    },
    /// A registry note records a de-assignment.
    Deassigned,
    /// Malware used the port (on the page's transports).
    ThreatHistory,
    /// A service here must not face the internet.
    Exposure {
        /// The worst severity.
        severity: Severity,
    },
    /// Software uses the port without an IANA assignment.
    Unofficial,
    /// A current OS picks outgoing ports from a range holding this one.
    Ephemeral,
}
