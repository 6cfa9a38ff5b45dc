//! The full answer about one port: the page the CLI prints and the site renders.

use std::collections::HashSet;

use serde::Serialize;

use crate::curated::{self, CuratedFacts};
use crate::error::IntegrityError;
use crate::knowledge::Knowledge;
use crate::model::{
    Assignment, CheckCommands, PortRange, RangeClass, RangeInfo, RegistryMeta, RelatedPort, Status,
    Transport,
};

/// Everything known about one port, every transport.
#[derive(Debug, Clone, Serialize)]
pub struct PortInfo {
    /// The port.
    pub port: u16,
    /// Its range class and what that implies.
    pub range: RangeInfo,
    /// The registry's records covering it (empty without a registry).
    pub assignments: Vec<Assignment>,
    /// The registry the records came from; `None` when no registry is installed.
    pub registry: Option<RegistryMeta>,
    /// Curated notes, threats, exposure and unofficial uses.
    pub curated: CuratedFacts,
    /// Ports worth a look alongside this one.
    pub related: Vec<RelatedPort>,
    /// How to see what is listening on it.
    pub check: CheckCommands,
}

impl PortInfo {
    /// The records that apply to one transport.
    pub fn for_transport(&self, transport: Transport) -> impl Iterator<Item = &Assignment> {
        self.assignments
            .iter()
            .filter(move |a| a.transport.is_none_or(|t| t == transport))
    }

    /// The assigned service names, deduplicated, in registry order.
    pub fn services(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.assignments
            .iter()
            .filter_map(|a| a.service.as_deref())
            .filter(|name| seen.insert(*name))
            .collect()
    }

    /// The overall IANA status: assigned on any transport beats reserved beats unassigned.
    pub fn status(&self) -> Option<Status> {
        let has = |s| self.assignments.iter().any(|a| a.status == s);
        if self.registry.is_none() {
            None
        } else if has(Status::Assigned) {
            Some(Status::Assigned)
        } else if has(Status::Reserved) {
            Some(Status::Reserved)
        } else if has(Status::Other) {
            Some(Status::Other)
        } else {
            Some(Status::Unassigned)
        }
    }
}

impl Knowledge {
    /// The full answer about a port, or the integrity error of a damaged store: never a
    /// page that shows damage as "no assignment".
    pub fn port(&self, port: u16) -> Result<PortInfo, IntegrityError> {
        let assignments = self.assignments(port)?;
        let curated = curated::get().for_port(port);
        let related = self.related(port, &assignments, &curated)?;
        Ok(PortInfo {
            port,
            range: range_info(port),
            registry: self.registry_meta(),
            check: check_commands(port, &assignments),
            assignments,
            curated,
            related,
        })
    }

    /// At most [`MAX_RELATED`] related ports. Each service name is looked up once, and
    /// the walk stops as soon as the list is full, so a port with thousands of records
    /// costs what a port with a handful does.
    fn related(
        &self,
        port: u16,
        here: &[Assignment],
        facts: &CuratedFacts,
    ) -> Result<Vec<RelatedPort>, IntegrityError> {
        let mut out = Related {
            port,
            list: Vec::new(),
        };
        let mut names: Vec<&str> = Vec::new();
        let mut seen = HashSet::new();
        for name in here.iter().filter_map(|a| a.service.as_deref()) {
            if seen.insert(name) {
                names.push(name);
            }
        }
        let mut looked_up = HashSet::new();
        for name in &names {
            if out.full() {
                break;
            }
            if looked_up.insert(name.to_ascii_lowercase()) {
                for a in self.by_service(name)? {
                    out.push_service(&a, "same-service");
                }
            }
            let base = name.split('-').next().unwrap_or(name);
            for sibling in self.service_names_with_prefix(base, 12)? {
                if out.full() {
                    break;
                }
                let same_family = sibling == base || sibling.starts_with(&format!("{base}-"));
                if sibling == *name || !same_family || !looked_up.insert(sibling.clone()) {
                    continue;
                }
                for a in self.by_service(&sibling)? {
                    out.push_service(&a, "sibling-service");
                }
            }
        }
        for threat in &facts.threats {
            out.push(RelatedPort {
                ports: threat.ports,
                transport: None,
                service: None,
                relation: format!("same-threat:{}", threat.name),
            });
        }
        for neighbour in [port.checked_sub(1), port.checked_add(1)]
            .into_iter()
            .flatten()
        {
            if out.full() {
                break;
            }
            let service = self
                .assignments(neighbour)?
                .into_iter()
                .find_map(|a| a.service);
            out.push(RelatedPort {
                ports: PortRange {
                    start: neighbour,
                    end: neighbour,
                },
                transport: None,
                service,
                relation: "neighbour".into(),
            });
        }
        Ok(out.list)
    }
}

/// Most related ports listed on a page.
const MAX_RELATED: usize = 24;

/// The related ports gathered so far: distinct, never the port itself, at most
/// [`MAX_RELATED`].
struct Related {
    port: u16,
    list: Vec<RelatedPort>,
}

impl Related {
    fn full(&self) -> bool {
        self.list.len() >= MAX_RELATED
    }

    fn push(&mut self, r: RelatedPort) {
        let itself = r.ports
            == PortRange {
                start: self.port,
                end: self.port,
            };
        if !itself
            && !self.full()
            && !self
                .list
                .iter()
                .any(|o| o.ports == r.ports && o.service == r.service)
        {
            self.list.push(r);
        }
    }

    fn push_service(&mut self, a: &Assignment, relation: &str) {
        if let Some(ports) = a.ports
            && !self.full()
        {
            self.push(RelatedPort {
                ports,
                transport: None,
                service: a.service.clone(),
                relation: relation.into(),
            });
        }
    }
}

/// The range class of a port and what it implies.
pub fn range_info(port: u16) -> RangeInfo {
    let class = RangeClass::of(port);
    RangeInfo {
        class,
        span: class.span(),
        privileged_on_unix: class == RangeClass::System,
        iana_assigns: class != RangeClass::Dynamic,
        ephemeral_on: curated::get().ephemeral_systems(port),
    }
}

/// Commands that show what listens on a port, with the port filled in.
pub fn check_commands(port: u16, assignments: &[Assignment]) -> CheckCommands {
    let udp = assignments
        .iter()
        .any(|a| a.transport == Some(Transport::Udp) && a.status == Status::Assigned);
    let mut linux = vec![
        format!("sudo ss -tlnp 'sport = :{port}'"),
        format!("sudo lsof -nP -iTCP:{port} -sTCP:LISTEN"),
    ];
    let mut macos = vec![format!("sudo lsof -nP -iTCP:{port} -sTCP:LISTEN")];
    let mut windows = vec![
        format!("netstat -ano | findstr :{port}"),
        format!(
            "Get-NetTCPConnection -LocalPort {port} -State Listen | Select-Object LocalAddress, OwningProcess"
        ),
        "tasklist /FI \"PID eq <PID>\"".to_string(),
    ];
    let mut network = vec![format!("nmap -sV -p {port} <target>")];
    if udp {
        linux.push(format!("sudo ss -ulnp 'sport = :{port}'"));
        macos.push(format!("sudo lsof -nP -iUDP:{port}"));
        windows.push(format!("Get-NetUDPEndpoint -LocalPort {port}"));
        network.push(format!("sudo nmap -sU -p {port} <target>"));
    }
    CheckCommands {
        linux,
        macos,
        windows,
        network,
        portlore: vec![
            format!("portlore who {port}"),
            format!("portlore scan <target> -p {port}"),
        ],
    }
}
