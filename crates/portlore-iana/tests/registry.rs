//! Facts from the real IANA registry, when `PORTLORE_TEST_REGISTRY` names it (CI does).

use portlore_iana::{Status, Transport, parse_xml};

#[test]
fn the_real_registry_parses_completely() {
    let Some(path) = std::env::var_os("PORTLORE_TEST_REGISTRY") else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    let reg = parse_xml(std::fs::File::open(path).expect("registry readable")).expect("parses");
    assert!(reg.records.len() > 10_000, "{} records", reg.records.len());
    let rfio = reg
        .records
        .iter()
        .find(|r| r.ports.is_some_and(|p| p.start == 3147) && r.transport == Some(Transport::Tcp))
        .expect("3147/tcp");
    assert_eq!(rfio.name.as_deref(), Some("rfio"));
    assert_eq!(rfio.assignee[0].organization.as_deref(), Some("cern.ch"));
    let jt = reg
        .records
        .iter()
        .find(|r| r.name.as_deref() == Some("jt400-ssl"))
        .expect("jt400-ssl");
    assert_eq!(jt.assignee[0].organization.as_deref(), Some("ibm.com"));
    assert!(reg.records.iter().any(|r| r.status() == Status::Reserved
        && r.notes.iter().any(|n| n.starts_with("De-assigned on"))));
    let json = serde_json::to_string(&reg.records).unwrap();
    assert!(!json.contains("mailto:"), "no e-mail address leaks");
    eprintln!("checked {} records", reg.records.len());
}
