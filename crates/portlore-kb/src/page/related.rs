//! Related ports: the family curated knowledge expects first, then the same service on
//! other ports, sibling names, the same threat's other ports, and neighbours last.

use super::sections::{Related, Relation};
use crate::curated::{self, CuratedFacts};
use crate::error::IntegrityError;
use crate::knowledge::Knowledge;
use crate::model::{Assignment, PortRange};

/// Most related ports a page lists.
const MAX_RELATED: usize = 24;
/// Most ports taken from the threats' other ports, so neighbours still fit.
const MAX_THREAT_PORTS: usize = 8;

impl Knowledge {
    pub(super) fn related_ports(
        &self,
        port: u16,
        here: &[Assignment],
        facts: &CuratedFacts,
    ) -> Result<Vec<Related>, IntegrityError> {
        let mut out: Vec<Related> = Vec::new();
        let this = PortRange {
            start: port,
            end: port,
        };
        let push = |out: &mut Vec<Related>, ports: PortRange, service, relation| {
            if ports != this && out.len() < MAX_RELATED && !out.iter().any(|o| o.ports == ports) {
                out.push(Related {
                    ports,
                    service,
                    relation,
                });
            }
        };
        let knowledge = facts
            .notes
            .iter()
            .flat_map(|n| n.related.iter())
            .chain(facts.unofficial.iter().flat_map(|u| u.related.iter()));
        for ports in knowledge {
            let service = self.first_service(ports.start)?;
            push(&mut out, *ports, service, Relation::Knowledge);
        }
        let mut names: Vec<&str> = here.iter().filter_map(|a| a.service.as_deref()).collect();
        names.dedup();
        for name in &names {
            for a in self.by_service(name)? {
                if let Some(ports) = a.ports {
                    push(&mut out, ports, a.service.clone(), Relation::SameService);
                }
            }
        }
        for name in &names {
            let base = name.split('-').next().unwrap_or(name);
            for sibling in self.service_names_with_prefix(base, 12)? {
                let family = sibling == base || sibling.starts_with(&format!("{base}-"));
                if sibling == *name || !family || names.contains(&sibling.as_str()) {
                    continue;
                }
                for a in self.by_service(&sibling)? {
                    if let Some(ports) = a.ports {
                        push(&mut out, ports, a.service.clone(), Relation::Sibling);
                    }
                }
            }
        }
        let mut families: Vec<(&str, &str)> = facts
            .threats
            .iter()
            .map(|t| (t.id.as_str(), t.name.as_str()))
            .collect();
        families.dedup();
        if !families.is_empty() {
            let mut taken = 0;
            for u in curated::get().uses_of_families(&facts.threats) {
                if taken == MAX_THREAT_PORTS {
                    break;
                }
                if let Some((_, name)) = families.iter().find(|(id, _)| *id == u.id)
                    && !u.ports.contains(port)
                {
                    let relation = Relation::SameThreat {
                        name: (*name).to_string(),
                    };
                    let before = out.len();
                    push(&mut out, u.ports, None, relation);
                    taken += out.len() - before;
                }
            }
            // A range holding this port is related too (MyDoom's 3127-3198 from 3147).
            for t in &facts.threats {
                if t.ports != this {
                    let relation = Relation::SameThreat {
                        name: t.name.clone(),
                    };
                    push(&mut out, t.ports, None, relation);
                }
            }
        }
        for neighbour in [port.checked_sub(1), port.checked_add(1)]
            .into_iter()
            .flatten()
        {
            let service = self.first_service(neighbour)?;
            let ports = PortRange {
                start: neighbour,
                end: neighbour,
            };
            push(&mut out, ports, service, Relation::Neighbour);
        }
        Ok(out)
    }

    fn first_service(&self, port: u16) -> Result<Option<String>, IntegrityError> {
        Ok(self.assignments(port)?.into_iter().find_map(|a| a.service))
    }
}
