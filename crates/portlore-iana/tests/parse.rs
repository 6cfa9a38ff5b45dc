//! Parser tests on small fixtures of our own making, in the IANA schema.

use portlore_iana::{
    ParseError, Party, PortRange, Reference, Registry, Status, Transport, parse_any, parse_csv,
    parse_xml,
};

fn xml() -> Registry {
    parse_xml(&include_bytes!("fixtures/mini.xml")[..]).expect("fixture parses")
}

fn csv() -> Registry {
    parse_csv(&include_bytes!("fixtures/mini.csv")[..]).expect("fixture parses")
}

fn find<'a>(reg: &'a Registry, name: &str, t: Transport) -> &'a portlore_iana::Record {
    reg.records
        .iter()
        .find(|r| r.name.as_deref() == Some(name) && r.transport == Some(t))
        .unwrap_or_else(|| panic!("{name}/{t} in fixture"))
}

#[test]
fn xml_reads_every_record_and_the_date() {
    let reg = xml();
    assert_eq!(reg.records.len(), 9);
    assert_eq!(reg.updated.as_deref(), Some("2026-01-02"));
    assert_eq!(reg.people.len(), 3);
}

#[test]
fn ranges_and_multi_transport() {
    let reg = xml();
    let display = find(&reg, "display", Transport::Tcp);
    assert_eq!(
        display.ports,
        Some(PortRange {
            start: 6000,
            end: 6063
        })
    );
    assert!(display.ports.unwrap().contains(6003));
    let tcp = find(&reg, "fileproto", Transport::Tcp);
    let udp = find(&reg, "fileproto", Transport::Udp);
    assert_eq!(tcp.ports, udp.ports);
    assert_eq!(
        tcp.description, "File Protocol Service",
        "white space is folded"
    );
}

#[test]
fn people_resolve_to_name_and_organisation_never_an_address() {
    let reg = xml();
    let file = find(&reg, "fileproto", Transport::Tcp);
    assert_eq!(
        file.assignee,
        vec![Party {
            name: Some("Ann Example".into()),
            organization: Some("example.ch".into())
        }]
    );
    let display = find(&reg, "display", Transport::Tcp);
    assert_eq!(display.assignee[0].organization.as_deref(), Some("IESG"));
    assert_eq!(
        display.contact[0].organization.as_deref(),
        Some("Sample Systems Inc.")
    );
    let json = serde_json::to_string(&reg.records).unwrap();
    assert!(
        !json.contains('&') && !json.contains('@'),
        "no e-mail address leaks"
    );
}

#[test]
fn references_dates_notes_and_unauthorised_use() {
    let reg = xml();
    let d = find(&reg, "display", Transport::Tcp);
    assert_eq!(d.registered.as_deref(), Some("2012-07-31"));
    assert_eq!(d.modified.as_deref(), Some("2017-06-05"));
    assert_eq!(
        d.references,
        vec![
            Reference::Rfc("RFC9999".into()),
            Reference::Draft("draft-example-display-01".into()),
            Reference::Uri("https://example.org/display".into()),
            Reference::Text("see the vendor manual".into()),
        ]
    );
    assert_eq!(d.description, "Display\nSecond line.");
    assert_eq!(
        d.notes,
        vec!["Only for explicitly configured experiments.".to_string()]
    );
    assert_eq!(
        d.unauthorized.as_deref(),
        Some("Known Unauthorized Use on port 6003")
    );
    let reserved = reg
        .records
        .iter()
        .find(|r| r.ports == Some(PortRange { start: 2, end: 2 }))
        .unwrap();
    assert_eq!(reserved.status(), Status::Reserved);
    assert_eq!(
        reserved.notes,
        vec!["De-assigned on 2025-02-13, previously widget by Ann Example".to_string()]
    );
}

#[test]
fn no_port_records_service_codes_and_unassigned_rows() {
    let reg = xml();
    let svc = find(&reg, "svc-only", Transport::Tcp);
    assert_eq!(svc.ports, None);
    assert_eq!(
        svc.notes,
        vec!["Defined TXT keys:\npath: where to look.".to_string()]
    );
    assert_eq!(
        find(&reg, "ltp-x", Transport::Dccp).service_code.as_deref(),
        Some("7107696")
    );
    let four = reg
        .records
        .iter()
        .find(|r| r.ports == Some(PortRange { start: 4, end: 4 }))
        .unwrap();
    assert_eq!(four.status(), Status::Unassigned);
    assert_eq!(four.transport, None);
    assert!(Transport::ALL.iter().all(|t| four.applies_to(*t)));
    assert_eq!(
        find(&reg, "assoc", Transport::Sctp).status(),
        Status::Assigned
    );
}

#[test]
fn csv_agrees_with_xml_on_the_shared_fields() {
    let (x, c) = (xml(), csv());
    assert_eq!(x.records.len(), c.records.len());
    for (a, b) in x.records.iter().zip(&c.records) {
        assert_eq!(
            (&a.name, a.transport, a.ports),
            (&b.name, b.transport, b.ports)
        );
        assert_eq!(a.status(), b.status());
        assert_eq!(a.registered, b.registered, "{:?}", a.name);
        assert_eq!(a.unauthorized, b.unauthorized);
        assert_eq!(a.service_code, b.service_code);
    }
    let d = find(&c, "display", Transport::Tcp);
    assert_eq!(d.assignee, vec![Party::from_id("IESG")]);
    assert_eq!(d.references[0], Reference::Rfc("RFC9999".into()));
    assert_eq!(
        d.references[1],
        Reference::Draft("draft-example-display-01".into())
    );
}

#[test]
fn parse_any_tells_the_forms_apart() {
    assert_eq!(
        parse_any(&include_bytes!("fixtures/mini.xml")[..])
            .unwrap()
            .records
            .len(),
        9
    );
    assert_eq!(
        parse_any(&include_bytes!("fixtures/mini.csv")[..])
            .unwrap()
            .records
            .len(),
        9
    );
}

fn xml_err(text: &str) -> ParseError {
    parse_xml(text.as_bytes()).expect_err("must be refused")
}

#[test]
fn hostile_and_broken_xml_is_refused_with_a_clear_error() {
    assert!(matches!(xml_err(""), ParseError::Empty));
    assert!(matches!(
        xml_err("<registry id=\"service-names-port-numbers\"><record>"),
        ParseError::Xml(_)
    ));
    assert!(matches!(
        xml_err("<!DOCTYPE html><html><body>503</body></html>"),
        ParseError::NotRegistry(_)
    ));
    assert!(matches!(
        xml_err("<html><body>error</body></html>"),
        ParseError::NotRegistry(_)
    ));
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<registry id="service-names-port-numbers"><title>&lol2;</title></registry>"#;
    assert!(matches!(xml_err(laughs), ParseError::Xml(_)));
    let external = r#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<registry id="service-names-port-numbers"><title>&x;</title></registry>"#;
    assert!(matches!(xml_err(external), ParseError::Xml(_)));
}

#[test]
fn bad_records_name_their_line() {
    let text = "<registry id=\"service-names-port-numbers\">\n<record>\n<name>x</name><protocol>tcp</protocol>\n<description>d</description><number>70000</number></record></registry>";
    match xml_err(text) {
        ParseError::Record { line, message } => {
            assert_eq!(line, 2);
            assert!(message.contains("70000"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
    let text = "<registry id=\"service-names-port-numbers\"><record><protocol>xyz</protocol><description>d</description></record></registry>";
    assert!(matches!(xml_err(text), ParseError::Record { .. }));
}

#[test]
fn bad_csv_names_its_line() {
    let text =
        "Service Name,Port Number,Transport Protocol,Description\na,1,tcp,ok\nb,99999,tcp,bad\n";
    match parse_csv(text.as_bytes()).expect_err("refused") {
        ParseError::Record { line, .. } => assert_eq!(line, 3),
        other => panic!("unexpected {other:?}"),
    }
    assert!(matches!(
        parse_csv("a,b\n1,2\n".as_bytes()),
        Err(ParseError::Csv { .. })
    ));
}

#[test]
fn oversized_input_is_refused_unread() {
    let endless = std::io::repeat(b' ').take(portlore_iana::MAX_INPUT_BYTES + 10);
    assert!(matches!(parse_xml(endless), Err(ParseError::TooLarge)));
}

use std::io::Read as _;
