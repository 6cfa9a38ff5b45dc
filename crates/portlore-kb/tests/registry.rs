//! The whole IANA registry against the lookup: every record, every port of its range,
//! every transport it applies to. Runs when `PORTLORE_TEST_REGISTRY` names the registry
//! XML (CI sets it); skips with a reason otherwise.

use portlore_iana::{Registry, Transport};
use portlore_kb::{Assignment, Knowledge};

fn registry() -> Option<Registry> {
    let Some(path) = std::env::var_os("PORTLORE_TEST_REGISTRY") else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return None;
    };
    let file = std::fs::File::open(path).expect("registry readable");
    Some(portlore_iana::parse_xml(file).expect("registry parses"))
}

/// The record as the lookup must return it, built field by field from the parser's view.
fn same(a: &Assignment, r: &portlore_iana::Record) -> bool {
    let names = |ps: &[portlore_iana::Party]| -> Vec<(Option<String>, Option<String>)> {
        ps.iter()
            .map(|p| (p.name.clone(), p.organization.clone()))
            .collect()
    };
    let got = |ps: &[portlore_kb::Party]| -> Vec<(Option<String>, Option<String>)> {
        ps.iter()
            .map(|p| (p.name.clone(), p.organization.clone()))
            .collect()
    };
    let refs: Vec<String> = r
        .references
        .iter()
        .map(|x| match x {
            portlore_iana::Reference::Rfc(s)
            | portlore_iana::Reference::Draft(s)
            | portlore_iana::Reference::Uri(s)
            | portlore_iana::Reference::Text(s) => s.clone(),
        })
        .collect();
    a.service == r.name
        && a.transport == r.transport
        && a.ports == r.ports
        && a.status == r.status()
        && a.description == r.description
        && got(&a.assignee) == names(&r.assignee)
        && got(&a.contact) == names(&r.contact)
        && a.registered == r.registered
        && a.modified == r.modified
        && a.references
            .iter()
            .map(|x| x.id.clone())
            .collect::<Vec<_>>()
            == refs
        && a.notes == r.notes
        && a.unauthorized == r.unauthorized
        && a.service_code == r.service_code
}

#[test]
fn every_record_is_returned_on_every_port_and_transport() {
    let Some(reg) = registry() else { return };
    let kb = Knowledge::from_registry(&reg).expect("compiles");
    let pages: Vec<Vec<Assignment>> = (0..=u16::MAX)
        .map(|p| kb.assignments(p).expect("store reads"))
        .collect();
    let mut checks = 0u64;
    let mut records = 0u64;
    for r in &reg.records {
        let Some(range) = r.ports else { continue };
        records += 1;
        for port in range.start..=range.end {
            for t in Transport::ALL.into_iter().filter(|t| r.applies_to(*t)) {
                let found = pages[usize::from(port)]
                    .iter()
                    .filter(|a| a.transport.is_none_or(|x| x == t))
                    .any(|a| same(a, r));
                assert!(found, "record at line {} missing on {port}/{t}", r.line);
                checks += 1;
            }
        }
    }
    // Nothing extra either: every returned record covers the port.
    for (port, page) in pages.iter().enumerate() {
        for a in page {
            assert!(
                a.ports.is_some_and(|p| p.contains(port as u16)),
                "stray record on {port}"
            );
        }
    }
    eprintln!(
        "checked {records} records with ports: {checks} (record, port, transport) lookups agree"
    );
}

#[test]
fn service_names_find_every_record_with_that_name() {
    let Some(reg) = registry() else { return };
    let kb = Knowledge::from_registry(&reg).expect("compiles");
    let mut checked = 0;
    for r in reg.records.iter().filter(|r| r.name.is_some()) {
        let name = r.name.as_deref().unwrap();
        let found = kb.by_service(name).expect("store reads");
        assert!(
            found.iter().any(|a| same(a, r)),
            "{name} at line {}",
            r.line
        );
        checked += 1;
    }
    eprintln!("checked {checked} named records by service name");
}

#[test]
fn known_facts_hold() {
    let Some(reg) = registry() else { return };
    let kb = Knowledge::from_registry(&reg).expect("compiles");
    assert_eq!(
        kb.service_name(3147, Transport::Tcp).unwrap().as_deref(),
        Some("rfio")
    );
    assert_eq!(
        kb.service_name(3471, Transport::Tcp).unwrap().as_deref(),
        Some("jt400-ssl")
    );
    assert_eq!(
        kb.service_name(80, Transport::Tcp).unwrap().as_deref(),
        Some("http")
    );
    let hits = kb.search("cern", 10).expect("store reads");
    assert!(
        hits.iter().any(|h| h.service.as_deref() == Some("rfio")),
        "{hits:?}"
    );
    let typo = kb.search("rfoi", 10).expect("store reads");
    assert!(
        typo.iter().any(|h| h.service.as_deref() == Some("rfio")),
        "typo tolerance: {typo:?}"
    );
    let info = kb.port(3471).expect("store reads");
    assert!(
        info.related
            .iter()
            .any(|r| r.service.as_deref() == Some("jt400") && r.ports.start == 3470)
    );
}
