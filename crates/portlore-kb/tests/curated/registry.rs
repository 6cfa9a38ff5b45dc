//! Curated data against the IANA registry: no note may contradict it. Runs when
//! `PORTLORE_TEST_REGISTRY` names the registry XML (CI sets it); skips with a reason
//! otherwise.

use portlore_iana::{Record, Registry, Status, Transport};
use portlore_kb::curated;

fn registry() -> Option<Registry> {
    let Some(path) = std::env::var_os("PORTLORE_TEST_REGISTRY") else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return None;
    };
    let file = std::fs::File::open(&path)
        .unwrap_or_else(|e| panic!("PORTLORE_TEST_REGISTRY={}: {e}", path.to_string_lossy()));
    Some(portlore_iana::parse_xml(file).expect("registry parses"))
}

/// Records by (transport, port), built once.
struct ByPort<'a> {
    slots: Vec<Vec<&'a Record>>,
}

fn slot(t: Transport, port: u16) -> usize {
    let ti = Transport::ALL.iter().position(|x| *x == t).unwrap_or(0);
    ti * 65536 + usize::from(port)
}

impl<'a> ByPort<'a> {
    fn new(reg: &'a Registry) -> Self {
        let mut slots = vec![Vec::new(); 4 * 65536];
        for r in &reg.records {
            let Some(ports) = r.ports else { continue };
            for t in Transport::ALL {
                if !r.applies_to(t) {
                    continue;
                }
                for p in ports.start..=ports.end {
                    slots[slot(t, p)].push(r);
                }
            }
        }
        ByPort { slots }
    }

    fn at(&self, t: Transport, port: u16) -> &[&'a Record] {
        &self.slots[slot(t, port)]
    }

    fn names(&self, t: Transport, port: u16) -> Vec<&'a str> {
        self.at(t, port)
            .iter()
            .filter_map(|r| r.name.as_deref())
            .collect()
    }

    /// Whether nothing is assigned or reserved there.
    fn unassigned(&self, t: Transport, port: u16) -> bool {
        self.at(t, port)
            .iter()
            .all(|r| matches!(r.status(), Status::Unassigned | Status::Other))
    }
}

/// Words in prose that say the port has no assignment.
const SAYS_UNASSIGNED: &[&str] = &[
    "unassigned",
    "not assigned",
    "no iana assignment",
    "unregistered",
];
/// Words in prose that say the port has one.
const SAYS_ASSIGNED: &[&str] = &[
    "iana-assigned",
    "assigned by iana",
    "iana assigns",
    "registered with iana",
    "iana-registered",
    "iana registered",
];

/// The first phrase found as whole words ("unassigned by IANA" does not say "assigned by IANA").
fn says(text: &str, phrases: &[&str]) -> Option<String> {
    let t = text.to_lowercase();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    phrases
        .iter()
        .find(|p| {
            t.match_indices(*p).any(|(i, m)| {
                !word(t[..i].chars().next_back()) && !word(t[i + m.len()..].chars().next())
            })
        })
        .map(|p| p.to_string())
}

#[test]
fn notes_agree_with_the_registry() {
    let Some(reg) = registry() else { return };
    let by = ByPort::new(&reg);
    let mut checks = 0usize;
    let mut failures = Vec::new();
    for n in curated::get().notes() {
        let prose = format!(
            "{} {} {}",
            n.title,
            n.summary,
            n.today.clone().unwrap_or_default()
        );
        let cells: Vec<(Transport, u16)> = n
            .ports
            .iter()
            .flat_map(|r| r.start..=r.end)
            .flat_map(|p| n.transports.iter().map(move |t| (*t, p)))
            .collect();
        match n.iana_service.as_deref() {
            Some("unassigned") => {
                for &(t, p) in &cells {
                    checks += 1;
                    if !by.unassigned(t, p) {
                        failures.push(format!(
                            "note {:?} says {p}/{t} is unassigned; the registry has {:?}",
                            n.id,
                            by.at(t, p)
                                .iter()
                                .map(|r| r.name.clone().unwrap_or_else(|| r.description.clone()))
                                .collect::<Vec<_>>()
                        ));
                    }
                }
                checks += 1;
                if let Some(p) = says(&prose, SAYS_ASSIGNED) {
                    failures.push(format!(
                        "note {:?} is about an unassigned port but says {p:?}",
                        n.id
                    ));
                }
            }
            Some(name) => {
                for &(t, p) in &cells {
                    checks += 1;
                    let names = by.names(t, p);
                    if !names.iter().any(|x| x.eq_ignore_ascii_case(name)) {
                        failures.push(format!(
                            "note {:?}: iana_service {name:?}, but the registry names {names:?} on {p}/{t}",
                            n.id
                        ));
                    }
                }
                checks += 1;
                if let Some(p) = says(&prose, SAYS_UNASSIGNED) {
                    failures.push(format!(
                        "note {:?} names the assigned service {name:?} but says {p:?}",
                        n.id
                    ));
                }
            }
            None => {
                // A range note: its prose may call the range unassigned only if some of it is.
                checks += 1;
                if let Some(p) = says(&prose, SAYS_UNASSIGNED)
                    && !cells.iter().any(|&(t, port)| by.unassigned(t, port))
                {
                    failures.push(format!(
                        "note {:?} says {p:?} but every listed port is assigned",
                        n.id
                    ));
                }
            }
        }
    }
    eprintln!("{checks} note/registry checks, {} failures", failures.len());
    assert!(
        failures.is_empty(),
        "notes contradict the registry:\n{}",
        failures.join("\n")
    );
}

/// An unofficial use is software on a port IANA gave to something else or to nothing. If
/// the registry's own service name on that port is a word of the software's name, the
/// entry describes the assignment itself and belongs in the notes instead.
#[test]
fn unofficial_uses_are_not_the_registry_assignment() {
    let Some(reg) = registry() else { return };
    let by = ByPort::new(&reg);
    let mut checks = 0usize;
    let mut failures = Vec::new();
    for u in curated::get().unofficial() {
        let words: Vec<String> = u
            .software
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        for r in &u.ports {
            for p in r.start..=r.end {
                for t in &u.transports {
                    checks += 1;
                    for name in by.names(*t, p) {
                        let name = name.to_lowercase();
                        if name.len() >= 4 && words.contains(&name) {
                            failures.push(format!(
                                "unofficial {:?} ({}) on {p}/{t} is the registry's own assignment {name:?}",
                                u.id, u.software
                            ));
                        }
                    }
                }
            }
        }
    }
    eprintln!(
        "{checks} unofficial/registry checks, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
