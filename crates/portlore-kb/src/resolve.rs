//! What a typed name means, in this order: the port forms (`22`, `22/udp`, `22,80`,
//! `0.0.0.0:22`, a range), then the aliases of curated entries (`postgres`, `rdp`), then
//! IANA service names, then search, whose best hits become the suggestions.

use std::fmt;

use crate::curated;
use crate::error::IntegrityError;
use crate::knowledge::Knowledge;
use crate::model::{PortRange, Transport};
use crate::query::{Query, QueryError, VALID_FORMS};

/// How a query was understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A port, a range or an address.
    Number,
    /// An alias of a curated entry.
    Alias,
    /// An IANA service name.
    Service,
}

/// A query resolved to ports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The ports: one, a range, or a service's ports (a range service gives its first).
    pub ports: Vec<PortRange>,
    /// The transport filter typed with it.
    pub transport: Option<Transport>,
    /// How it was understood.
    pub via: Via,
}

/// A port to suggest for a name that resolves to nothing: `3389 (ms-wbt-server, RDP)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The port.
    pub port: u16,
    /// Its IANA service name, when the hit is one.
    pub service: Option<String>,
    /// The curated title, when the hit is one.
    pub title: Option<String>,
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.service, &self.title) {
            (Some(s), Some(t)) => write!(f, "{} ({s}, {t})", self.port),
            (Some(x), None) | (None, Some(x)) => write!(f, "{} ({x})", self.port),
            (None, None) => write!(f, "{}", self.port),
        }
    }
}

/// Why a query resolves to no port.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// Not a valid query at all.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A known IANA service name without a port.
    #[error("{name:?} is an IANA service name with no port assigned")]
    NoPort {
        /// The name.
        name: String,
    },
    /// Nothing of that name.
    #[error("{name:?} is not a port, range or known name; {VALID_FORMS}{}", suggest(.suggestions))]
    Unknown {
        /// The name, as typed.
        name: String,
        /// The best search hits, as ports.
        suggestions: Vec<Suggestion>,
    },
    /// The store is damaged.
    #[error(transparent)]
    Store(#[from] IntegrityError),
}

fn suggest(s: &[Suggestion]) -> String {
    if s.is_empty() {
        return String::new();
    }
    let list: Vec<String> = s.iter().map(ToString::to_string).collect();
    format!(" (did you mean {}?)", list.join(", "))
}

/// An alias typed whole, spaces and all.
fn alias(input: &str) -> Option<Resolved> {
    let input = input.trim();
    if input.len() > 64 || !input.contains(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let port = curated::get().alias(input)?;
    Some(Resolved {
        ports: vec![PortRange {
            start: port,
            end: port,
        }],
        transport: None,
        via: Via::Alias,
    })
}

/// Suggestions offered at most.
const SUGGESTIONS: usize = 3;

impl Knowledge {
    /// Resolves one typed query (which may be a list, `22,80`) to ports.
    pub fn resolve(&self, input: &str) -> Result<Vec<Resolved>, ResolveError> {
        // Aliases may hold spaces (`windows file sharing`), which no query form allows.
        if let Some(r) = alias(input) {
            return Ok(vec![r]);
        }
        Query::parse_list(input)?
            .into_iter()
            .map(|q| self.resolve_query(&q))
            .collect()
    }

    /// Resolves a query to a single port, for `portlore who NAME`.
    pub fn resolve_port(&self, input: &str) -> Result<(u16, Option<Transport>), ResolveError> {
        if let Some(r) = alias(input) {
            return Ok((r.ports[0].start, None));
        }
        let q = Query::parse(input)?;
        let r = self.resolve_query(&q)?;
        let first = r.ports.first().map_or(0, |p| p.start);
        Ok((first, r.transport))
    }

    fn resolve_query(&self, query: &Query) -> Result<Resolved, ResolveError> {
        let (name, transport) = match query {
            Query::Ports { range, transport } => {
                return Ok(Resolved {
                    ports: vec![*range],
                    transport: *transport,
                    via: Via::Number,
                });
            }
            Query::Service { name, transport } => (name, *transport),
        };
        if let Some(port) = curated::get().alias(name) {
            return Ok(Resolved {
                ports: vec![PortRange {
                    start: port,
                    end: port,
                }],
                transport,
                via: Via::Alias,
            });
        }
        let records = self.by_service(name)?;
        let mut ranges: Vec<PortRange> = records
            .iter()
            .filter(|a| transport.is_none_or(|t| a.transport.is_none_or(|x| x == t)))
            .filter_map(|a| a.ports)
            .map(|r| PortRange {
                start: r.start,
                end: r.start,
            })
            .collect();
        ranges.sort();
        ranges.dedup();
        if !ranges.is_empty() {
            return Ok(Resolved {
                ports: ranges,
                transport,
                via: Via::Service,
            });
        }
        if !records.is_empty() {
            return Err(ResolveError::NoPort { name: name.clone() });
        }
        let mut suggestions: Vec<Suggestion> = Vec::new();
        for hit in self.search(name, 10)? {
            let Some(port) = hit.ports.first().map(|p| p.start) else {
                continue;
            };
            if suggestions.iter().any(|s| s.port == port) {
                continue;
            }
            let (service, title) = match hit.service {
                Some(s) => (Some(s), None),
                None => (self.service_name(port, Transport::Tcp)?, Some(hit.title)),
            };
            suggestions.push(Suggestion {
                port,
                service,
                title,
            });
            if suggestions.len() == SUGGESTIONS {
                break;
            }
        }
        Err(ResolveError::Unknown {
            name: name.clone(),
            suggestions,
        })
    }
}
