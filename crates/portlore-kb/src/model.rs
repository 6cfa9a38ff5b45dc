//! The public shape of an answer about a port. Everything here serialises to the
//! documented `--json` schema (see `docs/json-schema.md`), so renaming a field is a
//! breaking change.

use serde::{Deserialize, Serialize};

pub use portlore_iana::{PortRange, Status, Transport};

/// Who holds or answers for an assignment: a name and an organisation, never an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Party {
    /// A person's name, or an organisation's when it has no separate name.
    pub name: Option<String>,
    /// The organisation: the registry's `<org>` when present, else the e-mail domain.
    pub organization: Option<String>,
}

impl Party {
    /// `Name (organisation)`, or whichever of the two is known.
    pub fn label(&self) -> Option<String> {
        match (&self.name, &self.organization) {
            (Some(n), Some(o)) if n != o => Some(format!("{n} ({o})")),
            (Some(n), _) => Some(n.clone()),
            (None, Some(o)) => Some(o.clone()),
            (None, None) => None,
        }
    }

    /// The labels of several parties, comma-separated.
    pub fn labels(parties: &[Party]) -> String {
        parties
            .iter()
            .filter_map(Party::label)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A reference attached to an assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Reference {
    /// `rfc`, `draft`, `uri` or `text`.
    pub kind: String,
    /// The reference itself (`RFC6335`, a draft name, a URI or text).
    pub id: String,
    /// Where to read it, when it has a canonical address.
    pub url: Option<String>,
}

/// One registry record as it applies to a port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Assignment {
    /// The IANA service name, absent for reserved and unassigned rows.
    pub service: Option<String>,
    /// The transport; absent when the row covers every transport.
    pub transport: Option<Transport>,
    /// The port or range the record covers; absent for service-name-only records.
    pub ports: Option<PortRange>,
    /// Assigned, reserved, unassigned or other.
    pub status: Status,
    /// The registry's description.
    pub description: String,
    /// Who holds the assignment.
    pub assignee: Vec<Party>,
    /// Who to contact.
    pub contact: Vec<Party>,
    /// Registration date.
    pub registered: Option<String>,
    /// Last modification date.
    pub modified: Option<String>,
    /// RFCs, drafts, URIs and text.
    pub references: Vec<Reference>,
    /// Notes, including de-assignment history.
    pub notes: Vec<String>,
    /// Reported unauthorised use.
    pub unauthorized: Option<String>,
    /// DCCP service code.
    pub service_code: Option<String>,
}

/// The three ranges of RFC 6335.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum RangeClass {
    /// System (well-known) ports, 0–1023.
    System,
    /// User (registered) ports, 1024–49151.
    User,
    /// Dynamic and/or private ports, 49152–65535.
    Dynamic,
}

impl RangeClass {
    /// The class of a port.
    pub fn of(port: u16) -> RangeClass {
        match port {
            0..=1023 => Self::System,
            1024..=49151 => Self::User,
            _ => Self::Dynamic,
        }
    }

    /// The ports of the class.
    pub fn span(self) -> PortRange {
        let (start, end) = match self {
            Self::System => (0, 1023),
            Self::User => (1024, 49151),
            Self::Dynamic => (49152, 65535),
        };
        PortRange { start, end }
    }

    /// A stable lowercase id (`system`).
    pub fn id(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::User => "user",
            Self::Dynamic => "dynamic",
        }
    }
}

/// What the range class of a port implies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct RangeInfo {
    /// The class.
    pub class: RangeClass,
    /// The class's ports.
    pub span: PortRange,
    /// Whether binding needs privileges on Unix-like systems (below 1024, by default).
    pub privileged_on_unix: bool,
    /// Whether IANA assigns ports in this class (it never assigns dynamic ports).
    pub iana_assigns: bool,
    /// Operating systems whose default ephemeral (outgoing) range contains the port.
    pub ephemeral_on: Vec<String>,
}

/// Where the registry facts came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct RegistryMeta {
    /// The registry's own "updated" date.
    pub updated: Option<String>,
    /// Number of records.
    pub records: u32,
    /// Where it was loaded from.
    pub path: Option<String>,
}

/// Another port worth a look, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct RelatedPort {
    /// The port, or a range for threats that used one.
    pub ports: PortRange,
    /// Its transport, when the relation is transport-specific.
    pub transport: Option<Transport>,
    /// Its IANA service name, when assigned.
    pub service: Option<String>,
    /// `same-service`, `sibling-service`, `same-threat:NAME` or `neighbour`.
    pub relation: String,
}

/// Shell commands that show what is listening on a port, per platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct CheckCommands {
    /// Linux.
    pub linux: Vec<String>,
    /// macOS.
    pub macos: Vec<String>,
    /// Windows.
    pub windows: Vec<String>,
    /// From another machine.
    pub network: Vec<String>,
    /// portlore itself.
    pub portlore: Vec<String>,
}
