use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::party::{Party, Person};

/// A transport protocol that IANA assigns ports for.
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// Transmission Control Protocol.
    Tcp,
    /// User Datagram Protocol.
    Udp,
    /// Stream Control Transmission Protocol.
    Sctp,
    /// Datagram Congestion Control Protocol.
    Dccp,
}

impl Transport {
    /// Every transport, in the registry's customary order.
    pub const ALL: [Transport; 4] = [Self::Tcp, Self::Udp, Self::Sctp, Self::Dccp];

    /// The lowercase name used in the registry (`tcp`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tcp => "tcp",
            Self::Udp => "udp",
            Self::Sctp => "sctp",
            Self::Dccp => "dccp",
        }
    }
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Transport {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tcp" => Ok(Self::Tcp),
            "udp" => Ok(Self::Udp),
            "sctp" => Ok(Self::Sctp),
            "dccp" => Ok(Self::Dccp),
            other => Err(format!(
                "unknown transport {other:?}; expected tcp, udp, sctp or dccp"
            )),
        }
    }
}

/// An inclusive range of ports; a single port has `start == end`.
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PortRange {
    /// First port.
    pub start: u16,
    /// Last port, inclusive.
    pub end: u16,
}

impl PortRange {
    /// Whether `port` lies within the range.
    pub fn contains(&self, port: u16) -> bool {
        (self.start..=self.end).contains(&port)
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

impl FromStr for PortRange {
    type Err = String;

    /// Parses `80` or `6000-6063`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let port = |p: &str| {
            p.trim()
                .parse::<u16>()
                .map_err(|_| format!("{:?} is not a port number (0-65535)", p.trim()))
        };
        let range = match s.split_once('-') {
            Some((a, b)) => Self {
                start: port(a)?,
                end: port(b)?,
            },
            None => {
                let p = port(s)?;
                Self { start: p, end: p }
            }
        };
        if range.start > range.end {
            return Err(format!("range {s:?} runs backwards"));
        }
        Ok(range)
    }
}

/// A reference attached to a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum Reference {
    /// An RFC, as `RFC6335`.
    Rfc(String),
    /// An Internet-Draft or RFC-to-be, by name.
    Draft(String),
    /// A URI.
    Uri(String),
    /// Free text.
    Text(String),
}

/// What a record says about its ports.
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A service name is assigned.
    Assigned,
    /// Reserved by IANA (often after a de-assignment).
    Reserved,
    /// Explicitly unassigned (including de-registered and removed entries).
    Unassigned,
    /// Listed without a service name, with a free-text description only.
    Other,
}

/// One row of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// Service name, absent for reserved and unassigned rows.
    pub name: Option<String>,
    /// Transport, absent for rows that cover every transport (mostly unassigned ranges).
    pub transport: Option<Transport>,
    /// Port or port range, absent for service-name-only records.
    pub ports: Option<PortRange>,
    /// Description, with line breaks kept.
    pub description: String,
    /// Who holds the assignment.
    pub assignee: Vec<Party>,
    /// Who to contact about it.
    pub contact: Vec<Party>,
    /// Registration date (YYYY-MM-DD).
    pub registered: Option<String>,
    /// Last modification date (YYYY-MM-DD).
    pub modified: Option<String>,
    /// RFCs, drafts, URIs and text references.
    pub references: Vec<Reference>,
    /// Assignment notes, including de-assignment history.
    pub notes: Vec<String>,
    /// Reported unauthorised use.
    pub unauthorized: Option<String>,
    /// DCCP service code.
    pub service_code: Option<String>,
    /// 1-based line of the record in its source, for diagnostics.
    #[serde(skip)]
    pub line: u64,
}

impl Record {
    /// Whether the record is an assignment, a reservation or an unassigned row.
    pub fn status(&self) -> Status {
        if self.name.is_some() {
            return Status::Assigned;
        }
        let d = self.description.trim_start().to_ascii_lowercase();
        if d.starts_with("reserved") {
            Status::Reserved
        } else if ["unassigned", "de-registered", "removed", "deprecated"]
            .iter()
            .any(|p| d.starts_with(p))
        {
            Status::Unassigned
        } else {
            Status::Other
        }
    }

    /// Whether the record applies to `transport` (rows without a transport apply to all).
    pub fn applies_to(&self, transport: Transport) -> bool {
        self.transport.is_none_or(|t| t == transport)
    }
}

/// A parsed registry.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Registry {
    /// The registry's own "updated" date (YYYY-MM-DD).
    pub updated: Option<String>,
    /// Every record, in source order.
    pub records: Vec<Record>,
    /// The `<people>` section, by id (empty for the CSV form).
    pub people: BTreeMap<String, Person>,
}
