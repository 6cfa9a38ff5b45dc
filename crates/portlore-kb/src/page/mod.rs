//! The answer for a port (and transport), as a typed outline that the terminal and the
//! site only word: headline, verdict, badges, then the sections in reading order, the
//! citations and the related ports. No front end computes a fact of its own.

mod answer;
mod check;
mod prose;
mod record;
mod related;
mod sections;

pub use answer::{Badge, Certainty, Headline, IanaState, UsualSource, VerdictPart};
pub use check::check_commands_for;
pub use prose::{Citations, Marker, Piece, Prose, markers};
pub use record::{LONG_NOTE, Record, RecordEntry, RecordRow, RegistryNote, is_deassignment};
pub use sections::{
    Advice, AlsoSeen, History, LeftOut, Related, Relation, Section, ThreatEntry, Why,
};

use serde::Serialize;

use crate::curated::{self, CuratedFacts, NoteFact, NoteStatus, ThreatRole, ThreatUse};
use crate::error::IntegrityError;
use crate::knowledge::Knowledge;
use crate::model::{Assignment, CheckCommands, RangeClass, Status, Transport};

/// Transports in the order a page prefers them when none is asked for.
const PREFERRED: [Transport; 4] = [
    Transport::Tcp,
    Transport::Udp,
    Transport::Sctp,
    Transport::Dccp,
];

/// Threat families the verdict names at most.
const VERDICT_THREATS: usize = 1;

/// The answer for one port, on one transport or all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Outline {
    /// The port.
    pub port: u16,
    /// The transport filter; absent = every transport.
    pub transport: Option<Transport>,
    /// The transports the page speaks of (the filter, or those with any record or fact).
    pub transports: Vec<Transport>,
    /// The RFC 6335 range class.
    pub class: RangeClass,
    /// The title line.
    pub headline: Headline,
    /// One or two sentences, most telling part first.
    pub verdict: Vec<VerdictPart>,
    /// Badges.
    pub badges: Vec<Badge>,
    /// What to do: exposure advice, before any history.
    pub advice: Vec<Advice>,
    /// The IANA record, condensed.
    pub record: Record,
    /// Curated notes.
    pub history: Vec<History>,
    /// Threat history on the page's transports.
    pub threats: Vec<ThreatEntry>,
    /// What the transport filter left out.
    pub left_out: Vec<LeftOut>,
    /// Unofficial uses.
    pub also_seen: Vec<AlsoSeen>,
    /// Commands that show what listens, for the page's transports.
    pub check: CheckCommands,
    /// Why the port matters.
    pub why: Vec<Why>,
    /// Related ports, the expected family first, neighbours last.
    pub related: Vec<Related>,
    /// The references the prose cites, numbered from 1.
    pub references: Vec<curated::Source>,
    /// The sections with content, in reading order.
    pub sections: Vec<Section>,
}

impl Knowledge {
    /// The outline of the answer for `port`, on `transport` or every transport. A
    /// damaged store is an error, never an empty record.
    pub fn outline(
        &self,
        port: u16,
        transport: Option<Transport>,
    ) -> Result<Outline, IntegrityError> {
        let on = |ts: &[Transport]| transport.is_none_or(|t| ts.contains(&t));
        let records: Vec<Assignment> = self
            .assignments(port)?
            .into_iter()
            .filter(|a| transport.is_none_or(|t| a.transport.is_none_or(|x| x == t)))
            .collect();
        let all = curated::get().for_port(port);
        let (facts, left_out) = filter_facts(all, transport);
        let meta = self.registry_meta();
        let class = RangeClass::of(port);
        let transports = page_transports(transport, &records, &facts);
        let primary = primary_record(&records, transport);

        let usual = usual(port, &facts);
        let headline = headline(port, &records, &usual);
        let verdict = verdict(
            port,
            class,
            meta.is_some(),
            &records,
            primary.map(|a| (a, transport)),
            &facts,
            &usual,
        );
        let badges = badges(class, meta.is_some(), &records, &facts, port);

        let mut cites = Citations::default();
        let advice = facts
            .exposure
            .iter()
            .map(|e| Advice {
                service: e.service.clone(),
                severity: e.severity,
                incident: cites.cite(&e.incident, &e.sources),
                steps: e.advice.clone(),
            })
            .collect();
        let history = facts
            .notes
            .iter()
            .map(|n| History {
                title: n.title.clone(),
                status: n.status,
                made_by: n.made_by.clone(),
                summary: cites.cite(&n.summary, &n.sources),
                today: n.today.as_ref().map(|t| cites.cite(t, &n.sources)),
            })
            .collect();
        let threats = facts
            .threats
            .iter()
            .map(|t| ThreatEntry {
                id: t.id.clone(),
                name: t.name.clone(),
                aliases: t.aliases.clone(),
                year: t.year,
                kind: t.kind,
                role: t.role,
                ports: t.ports,
                transports: t.transports.clone(),
                detail: cites.cite(&t.detail, &t.sources),
                summary: cites.cite(&t.summary, &t.sources),
            })
            .collect();
        let also_seen = facts
            .unofficial
            .iter()
            .filter(|u| on(&u.transports))
            .map(|u| AlsoSeen {
                software: u.software.clone(),
                transports: u.transports.clone(),
                summary: cites.cite(&u.summary, &u.sources),
            })
            .collect();
        let why = why(port, class, meta.is_some(), &records, &facts);
        let related = self.related_ports(port, &records, &facts)?;
        let record = Record::condense(
            &records,
            port,
            meta.as_ref().and_then(|m| m.updated.clone()),
            meta.is_some(),
        );
        let mut outline = Outline {
            port,
            transport,
            check: check_commands_for(port, &transports),
            transports,
            class,
            headline,
            verdict,
            badges,
            advice,
            record,
            history,
            threats,
            left_out,
            also_seen,
            why,
            related,
            references: cites.into_list(),
            sections: Vec::new(),
        };
        outline.sections = sections_of(&outline);
        Ok(outline)
    }
}

/// Keeps the curated facts that concern the transport, and names what was left out.
fn filter_facts(all: CuratedFacts, transport: Option<Transport>) -> (CuratedFacts, Vec<LeftOut>) {
    let Some(t) = transport else {
        return (all, Vec::new());
    };
    let mut left: Vec<LeftOut> = Vec::new();
    let mut leave = |name: &str, ts: &[Transport]| {
        if !left.iter().any(|l| l.name == name) {
            left.push(LeftOut {
                name: name.to_string(),
                transports: ts.to_vec(),
            });
        }
    };
    let mut out = CuratedFacts {
        ranges: all.ranges,
        ..CuratedFacts::default()
    };
    for n in all.notes {
        if n.transports.contains(&t) {
            out.notes.push(n);
        }
    }
    for th in all.threats {
        if th.transports.contains(&t) {
            out.threats.push(th);
        } else {
            leave(&th.name, &th.transports);
        }
    }
    for e in all.exposure {
        if e.transports.contains(&t) {
            out.exposure.push(e);
        } else {
            leave(&e.service, &e.transports);
        }
    }
    for u in all.unofficial {
        if u.transports.contains(&t) {
            out.unofficial.push(u);
        }
    }
    (out, left)
}

/// The filter, or every transport a record or fact mentions (TCP always).
fn page_transports(
    transport: Option<Transport>,
    records: &[Assignment],
    facts: &CuratedFacts,
) -> Vec<Transport> {
    if let Some(t) = transport {
        return vec![t];
    }
    let mut seen: Vec<Transport> = vec![Transport::Tcp];
    let assigned = records
        .iter()
        .filter(|a| a.status == Status::Assigned)
        .filter_map(|a| a.transport);
    let curated = facts
        .notes
        .iter()
        .flat_map(|n| n.transports.iter())
        .chain(facts.unofficial.iter().flat_map(|u| u.transports.iter()))
        .chain(facts.exposure.iter().flat_map(|e| e.transports.iter()))
        .copied();
    for t in assigned.chain(curated) {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    PREFERRED.into_iter().filter(|t| seen.contains(t)).collect()
}

/// The assigned record a verdict speaks of: the one on the filter's transport, else
/// on TCP, then UDP, SCTP and DCCP. Never another transport's when one is asked for.
fn primary_record(records: &[Assignment], transport: Option<Transport>) -> Option<&Assignment> {
    let assigned = || records.iter().filter(|a| a.status == Status::Assigned);
    let order: Vec<Transport> = match transport {
        Some(t) => vec![t],
        None => PREFERRED.to_vec(),
    };
    order
        .into_iter()
        .find_map(|t| assigned().find(|a| a.transport == Some(t)))
        .or_else(|| assigned().find(|a| a.transport.is_none()))
}

/// A use spread over more ports than this (Kubernetes NodePorts, 30000–32767) says what
/// a port may carry, not what it usually carries, so the verdict leaves it to the page.
const USUAL_MAX_SPAN: u32 = 256;

/// What is usually on the port: a note about the protocol or the software that is
/// still deployed there, or the unofficial use aimed most narrowly at it.
fn usual(port: u16, facts: &CuratedFacts) -> Option<(String, UsualSource)> {
    let unregistered = |n: &NoteFact| {
        !n.about_registered || n.iana_service.as_deref().is_none_or(|s| s == "unassigned")
    };
    facts
        .notes
        .iter()
        // A note without a service is about a topic (a threat's range), not a use.
        .filter(|n| n.iana_service.is_some())
        .find_map(|n| {
            if unregistered(n) {
                // Its status is the registered service's; a `today` line is what says
                // the software is still met there. Without one (Bagle.B's backdoor of
                // 2004 on 8866) the note is history.
                n.today
                    .is_some()
                    .then(|| (n.name.clone(), UsualSource::Unregistered))
            } else if n.status == NoteStatus::Active {
                Some((n.name.clone(), UsualSource::Registered))
            } else {
                None
            }
        })
        .or_else(|| {
            facts
                .unofficial
                .iter()
                .filter_map(|u| {
                    let span = u
                        .ports
                        .iter()
                        .filter(|r| r.contains(port))
                        .map(|r| u32::from(r.end) - u32::from(r.start) + 1)
                        .min()?;
                    (span <= USUAL_MAX_SPAN).then_some((span, u))
                })
                .min_by_key(|(span, _)| *span)
                .map(|(_, u)| (u.software.clone(), UsualSource::Unregistered))
        })
}

fn headline(port: u16, records: &[Assignment], usual: &Option<(String, UsualSource)>) -> Headline {
    let rows = Record::condense(records, port, None, true);
    let main = rows
        .rows
        .iter()
        .find(|r| r.status == Status::Assigned && r.service.is_some());
    let service = main.and_then(|r| r.service.clone());
    let description = main
        .and_then(|r| r.entries.first())
        .map(|e| e.description.clone())
        .filter(|d| {
            !d.is_empty()
                && service
                    .as_deref()
                    .is_none_or(|s| !d.eq_ignore_ascii_case(s))
        });
    let also = rows
        .rows
        .iter()
        .filter(|r| r.status == Status::Assigned && r.service != service)
        .filter_map(|r| r.service.clone())
        .collect();
    Headline {
        port,
        transports: main.map(|r| r.transports.clone()).unwrap_or_default(),
        service,
        description,
        also,
        usually: usual
            .as_ref()
            .filter(|(_, s)| *s == UsualSource::Unregistered)
            .map(|(w, _)| w.clone()),
    }
}

/// The note about the registered protocol, when there is one.
fn registered_note(facts: &CuratedFacts) -> Option<&NoteFact> {
    facts.notes.iter().find(|n| {
        n.about_registered && n.iana_service.as_deref().is_some_and(|s| s != "unassigned")
    })
}

#[allow(clippy::too_many_arguments)]
fn verdict(
    port: u16,
    class: RangeClass,
    registry: bool,
    records: &[Assignment],
    primary: Option<(&Assignment, Option<Transport>)>,
    facts: &CuratedFacts,
    usual: &Option<(String, UsualSource)>,
) -> Vec<VerdictPart> {
    let mut parts = Vec::new();
    if port == 0 {
        parts.push(VerdictPart::PortZero);
    }
    if let Some((what, source)) = usual {
        parts.push(VerdictPart::Usually {
            what: what.clone(),
            source: *source,
        });
    }
    let state = iana_state(registry, records);
    match (state, primary) {
        (_, Some((a, filter))) => parts.push(VerdictPart::Holder {
            service: a.service.clone().unwrap_or_default(),
            holder: a
                .assignee
                .iter()
                .chain(&a.contact)
                .find_map(|p| p.organization.clone().or_else(|| p.name.clone())),
            // Named only when the page is for one transport.
            transport: filter.and(a.transport),
        }),
        (IanaState::NoRegistry, None) => parts.push(VerdictPart::NoRegistry),
        (IanaState::Reserved, None) => parts.push(VerdictPart::Reserved),
        (IanaState::Assigned | IanaState::Unassigned | IanaState::Other, None) => {
            parts.push(match class {
                RangeClass::Dynamic => VerdictPart::Dynamic,
                RangeClass::System | RangeClass::User => VerdictPart::Unassigned,
            })
        }
    }
    let note = registered_note(facts);
    if let Some(n) = note {
        match n.status {
            NoteStatus::Retired | NoteStatus::NeverDeployed | NoteStatus::Legacy => {
                parts.push(VerdictPart::Status {
                    name: short_name(&n.name),
                    status: n.status,
                })
            }
            NoteStatus::Active | NoteStatus::Unknown => {}
        }
    }
    let mut families: Vec<&str> = facts.threats.iter().map(|t| t.name.as_str()).collect();
    families.sort_unstable();
    families.dedup();
    let mut telling: Vec<&ThreatUse> = facts.threats.iter().collect();
    telling.sort_by_key(|t| telling_order(t));
    let mut named: Vec<&str> = Vec::new();
    for t in telling {
        if named.len() == VERDICT_THREATS {
            break;
        }
        if !named.contains(&t.name.as_str()) {
            named.push(&t.name);
            parts.push(VerdictPart::Threat {
                name: t.name.clone(),
                year: t.year,
                ports: t.ports,
                role: t.role,
                others: families.len().saturating_sub(VERDICT_THREATS),
            });
        }
    }
    if let Some(e) = facts.exposure.first() {
        parts.push(VerdictPart::Exposure {
            service: e.service.clone(),
            severity: e.severity,
        });
    }
    if let Some(n) = note.filter(|n| n.status.dormant()) {
        parts.push(VerdictPart::NotThatToday {
            name: short_name(&n.name),
            certainty: Certainty::AlmostCertainly,
        });
    }
    parts
}

/// The order in which a port's threats tell a reader most about a service listening
/// there: attacks on the service first, then a backdoor that listened there, then
/// floods, and the port as a mere outbound channel last (BPFDoor's or a RAT's C2 on 443
/// says nothing about the web server). Within a role, a family that made headlines
/// comes first, then the most recent, then the one aimed at this port alone.
fn telling_order(t: &ThreatUse) -> (u8, bool, std::cmp::Reverse<u16>, u32, &str) {
    let role = match t.role {
        ThreatRole::Propagation | ThreatRole::ScanningTarget => 0,
        ThreatRole::ListeningBackdoor => 1,
        ThreatRole::Attack | ThreatRole::Amplification => 2,
        ThreatRole::C2 | ThreatRole::Exfiltration => 3,
    };
    let width = u32::from(t.ports.end) - u32::from(t.ports.start);
    (
        role,
        !t.notable,
        std::cmp::Reverse(t.year),
        width,
        t.name.as_str(),
    )
}

/// A protocol's short name from a note title: `RFIO, CERN's Remote File I/O` → `RFIO`.
fn short_name(title: &str) -> String {
    let cut = [", ", " ("]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .unwrap_or(title.len());
    title[..cut].to_string()
}

fn iana_state(registry: bool, records: &[Assignment]) -> IanaState {
    let has = |s| records.iter().any(|a| a.status == s);
    if !registry {
        IanaState::NoRegistry
    } else if has(Status::Assigned) {
        IanaState::Assigned
    } else if has(Status::Reserved) {
        IanaState::Reserved
    } else if has(Status::Other) {
        IanaState::Other
    } else {
        IanaState::Unassigned
    }
}

fn badges(
    class: RangeClass,
    registry: bool,
    records: &[Assignment],
    facts: &CuratedFacts,
    port: u16,
) -> Vec<Badge> {
    let mut b = vec![
        Badge::Range { class },
        Badge::Iana {
            state: iana_state(registry, records),
        },
    ];
    if records
        .iter()
        .any(|a| a.notes.iter().any(|n| is_deassignment(n)))
    {
        b.push(Badge::Deassigned);
    }
    if !facts.threats.is_empty() {
        b.push(Badge::ThreatHistory);
    }
    if let Some(severity) = facts.exposure.iter().map(|e| e.severity).min() {
        b.push(Badge::Exposure { severity });
    }
    if !facts.unofficial.is_empty() {
        b.push(Badge::Unofficial);
    }
    if curated::get().ephemeral(port).iter().any(|s| !s.legacy()) {
        b.push(Badge::Ephemeral);
    }
    b
}

fn why(
    port: u16,
    class: RangeClass,
    registry: bool,
    records: &[Assignment],
    facts: &CuratedFacts,
) -> Vec<Why> {
    let mut out = Vec::new();
    if port == 0 {
        out.push(Why::PortZero);
    }
    out.push(Why::Class { class });
    match iana_state(registry, records) {
        IanaState::NoRegistry => out.push(Why::NoRegistry),
        IanaState::Reserved => out.push(Why::Reserved),
        IanaState::Assigned => match registered_note(facts).filter(|n| n.status.dormant()) {
            Some(n) => out.push(Why::Dormant {
                name: short_name(&n.name),
                status: n.status,
            }),
            None => out.push(Why::Assigned),
        },
        IanaState::Unassigned | IanaState::Other => {
            // The dynamic class already says IANA never assigns there.
            if class != RangeClass::Dynamic {
                out.push(Why::Unassigned);
            }
        }
    }
    if !facts.threats.is_empty() {
        let mut names: Vec<&str> = facts.threats.iter().map(|t| t.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        out.push(Why::ThreatHistory {
            families: names.len(),
            in_range: facts.threats.iter().any(|t| t.ports.start != t.ports.end),
        });
    }
    if !facts.exposure.is_empty() {
        out.push(Why::Exposure);
    }
    if !facts.unofficial.is_empty() {
        out.push(Why::Unofficial);
    }
    let systems = curated::get().ephemeral(port);
    if !systems.is_empty() {
        out.push(Why::Ephemeral {
            current: systems.iter().any(|s| !s.legacy()),
            systems,
        });
    }
    out
}

fn sections_of(o: &Outline) -> Vec<Section> {
    let mut s = vec![Section::Answer];
    if !o.advice.is_empty() {
        s.push(Section::WhatToDo);
    }
    s.push(Section::Iana);
    if !o.history.is_empty() {
        s.push(Section::History);
    }
    if !o.threats.is_empty() || !o.left_out.is_empty() {
        s.push(Section::Security);
    }
    if !o.also_seen.is_empty() {
        s.push(Section::AlsoSeen);
    }
    s.push(Section::Check);
    s.push(Section::Why);
    if !o.related.is_empty() {
        s.push(Section::Related);
    }
    if !o.references.is_empty() {
        s.push(Section::References);
    }
    s
}
