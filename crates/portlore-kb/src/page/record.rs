//! The IANA record of a port, condensed: one row per service name, transports merged,
//! aliases (other names for the same registration) collapsed into the row they repeat.

use serde::Serialize;

use crate::model::{Assignment, Party, PortRange, Reference, Status, Transport};

/// Registry notes longer than this are folded (`<details>` on the site, cut to the
/// terminal's width unless `--full`).
pub const LONG_NOTE: usize = 240;

/// The condensed registry section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Record {
    /// The registry's own "updated" date; absent without a registry.
    pub updated: Option<String>,
    /// Whether a registry is loaded at all.
    pub loaded: bool,
    /// One row per service name (or per unnamed status row).
    pub rows: Vec<RecordRow>,
}

/// One service name on this port, across the transports the page covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct RecordRow {
    /// The service name; absent for reserved and unassigned rows.
    pub service: Option<String>,
    /// Other names registered for the same thing on this port (`www`, `www-http`).
    pub aliases: Vec<String>,
    /// Assigned, reserved, unassigned or other.
    pub status: Status,
    /// The ports of the record when wider than this port.
    pub ports: Option<PortRange>,
    /// The transports, merged; empty when the row covers every transport.
    pub transports: Vec<Transport>,
    /// What the registry says for each distinct registration (usually one; 80/sctp's
    /// `http` has its own holder and reference).
    pub entries: Vec<RecordEntry>,
    /// Registry notes of the row and its aliases, each once.
    pub notes: Vec<RegistryNote>,
}

/// The facts of one registration, shared by the transports listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct RecordEntry {
    /// The transports these facts hold for; empty = every transport.
    pub transports: Vec<Transport>,
    /// The registry's description.
    pub description: String,
    /// Who holds it.
    pub assignee: Vec<Party>,
    /// Who to contact, when not the assignee.
    pub contact: Vec<Party>,
    /// Registration date.
    pub registered: Option<String>,
    /// Last modification date.
    pub modified: Option<String>,
    /// RFCs, drafts and links.
    pub references: Vec<Reference>,
    /// Reported unauthorised use.
    pub unauthorized: Option<String>,
    /// DCCP service code.
    pub service_code: Option<String>,
}

/// A registry note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct RegistryNote {
    /// The note, whitespace collapsed.
    pub text: String,
    /// Longer than [`LONG_NOTE`] characters: shown folded.
    pub long: bool,
}

/// Whether a registry note records a de-assignment.
pub fn is_deassignment(note: &str) -> bool {
    note.to_ascii_lowercase().contains("de-assigned")
}

impl Record {
    /// Condenses the records that apply (already filtered to the page's transport).
    pub fn condense(
        records: &[Assignment],
        port: u16,
        updated: Option<String>,
        loaded: bool,
    ) -> Record {
        let mut rows: Vec<RecordRow> = Vec::new();
        for a in records {
            let ports = a.ports.filter(|p| p.start != port || p.end != port);
            let fresh = || RecordEntry {
                transports: Vec::new(),
                description: a
                    .description
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                assignee: a.assignee.clone(),
                contact: if a.contact == a.assignee {
                    Vec::new()
                } else {
                    a.contact.clone()
                },
                registered: a.registered.clone(),
                modified: a.modified.clone(),
                references: a.references.clone(),
                unauthorized: a.unauthorized.clone(),
                service_code: a.service_code.clone(),
            };
            let entry = fresh();
            // The same service name (or the same unnamed status) joins its row.
            let same = rows
                .iter()
                .position(|r| r.service == a.service && r.status == a.status && r.ports == ports);
            // Another name for the same registration: same ports and description, and
            // the same holder, or the registry calling it a duplicate.
            let alias_of = same.is_none().then(|| {
                rows.iter().position(|r| {
                    a.service.is_some()
                        && r.service.is_some()
                        && r.ports == ports
                        && r.entries.iter().any(|e| e.description == entry.description)
                })
            });
            let index = match (same, alias_of.flatten()) {
                (Some(i), _) => i,
                (None, Some(i)) => {
                    let row = &mut rows[i];
                    if let Some(name) = &a.service
                        && !row.aliases.contains(name)
                    {
                        row.aliases.push(name.clone());
                    }
                    add_transport(&mut row.transports, a.transport);
                    add_notes(&mut row.notes, &a.notes);
                    continue;
                }
                (None, None) => {
                    rows.push(RecordRow {
                        service: a.service.clone(),
                        aliases: Vec::new(),
                        status: a.status,
                        ports,
                        transports: Vec::new(),
                        entries: Vec::new(),
                        notes: Vec::new(),
                    });
                    rows.len() - 1
                }
            };
            let row = &mut rows[index];
            add_transport(&mut row.transports, a.transport);
            add_notes(&mut row.notes, &a.notes);
            match row.entries.iter_mut().find(|e| same_facts(e, &entry)) {
                Some(e) => add_transport(&mut e.transports, a.transport),
                None => {
                    let mut e = entry;
                    add_transport(&mut e.transports, a.transport);
                    row.entries.push(e);
                }
            }
        }
        for row in &mut rows {
            row.transports.sort();
            for e in &mut row.entries {
                e.transports.sort();
            }
        }
        Record {
            updated,
            loaded,
            rows,
        }
    }
}

fn same_facts(a: &RecordEntry, b: &RecordEntry) -> bool {
    a.description == b.description
        && a.assignee == b.assignee
        && a.contact == b.contact
        && a.registered == b.registered
        && a.modified == b.modified
        && a.references == b.references
        && a.unauthorized == b.unauthorized
        && a.service_code == b.service_code
}

fn add_transport(list: &mut Vec<Transport>, t: Option<Transport>) {
    if let Some(t) = t
        && !list.contains(&t)
    {
        list.push(t);
    }
}

fn add_notes(list: &mut Vec<RegistryNote>, notes: &[String]) {
    for n in notes {
        let text = n.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || list.iter().any(|x| x.text == text) {
            continue;
        }
        let long = text.chars().count() > LONG_NOTE;
        list.push(RegistryNote { text, long });
    }
}
