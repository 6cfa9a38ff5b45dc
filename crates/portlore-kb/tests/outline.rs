//! The page model over the whole port space, name resolution and the one search. Runs
//! against the full registry when `PORTLORE_TEST_REGISTRY` names it (CI sets it); the
//! parts that need no registry run without it too.

use std::sync::OnceLock;

use portlore_kb::curated::ThreatRole;
use portlore_kb::page::VerdictPart;
use portlore_kb::{HitKind, Knowledge, SearchQuery, Transport};
use proptest::prelude::*;

const TRANSPORTS: [Option<Transport>; 5] = [
    None,
    Some(Transport::Tcp),
    Some(Transport::Udp),
    Some(Transport::Sctp),
    Some(Transport::Dccp),
];

/// The full registry when the environment names it, else curated knowledge only.
fn kb() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| match std::env::var_os("PORTLORE_TEST_REGISTRY") {
        Some(path) => Knowledge::open(std::path::Path::new(&path)).expect("registry opens"),
        None => {
            eprintln!("note: PORTLORE_TEST_REGISTRY is not set; curated knowledge only");
            Knowledge::without_registry()
        }
    })
}

fn has_registry() -> bool {
    kb().registry_meta().is_some()
}

fn check(port: u16, transport: Option<Transport>) {
    let o = kb().outline(port, transport).expect("the store is sound");
    assert!(!o.verdict.is_empty(), "{port}/{transport:?}: empty verdict");
    if let Some(t) = transport {
        for th in &o.threats {
            assert!(
                th.transports.contains(&t),
                "{port}/{t}: {} is {:?} only",
                th.name,
                th.transports
            );
        }
        assert_eq!(o.transports, [t]);
        for part in &o.verdict {
            if let VerdictPart::Threat { name, .. } = part {
                assert!(
                    o.threats.iter().any(|x| &x.name == name),
                    "{port}/{t}: {name}"
                );
            }
        }
    }
    assert_eq!(
        o.sections.first(),
        Some(&portlore_kb::page::Section::Answer)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Every port on every transport gives an outline with a verdict, and a transport
    /// filter leaves no threat of another transport.
    #[test]
    fn every_port_and_transport_has_an_outline(port in 0u16..=65535, t in 0usize..5) {
        check(port, TRANSPORTS[t]);
    }
}

#[test]
fn the_edges_and_the_famous_ports_have_outlines() {
    for port in [0, 1, 80, 443, 1023, 1024, 3147, 49151, 49152, 65535] {
        for t in TRANSPORTS {
            check(port, t);
        }
    }
}

#[test]
fn every_alias_resolves_to_its_port() {
    let mut n = 0;
    for (alias, port) in portlore_kb::curated::get().aliases() {
        let r = kb()
            .resolve(alias)
            .unwrap_or_else(|e| panic!("{alias}: {e}"));
        assert_eq!(r[0].ports[0].start, port, "{alias}");
        assert_eq!(kb().resolve_port(alias).expect(alias).0, port, "{alias}");
        n += 1;
    }
    assert!(n > 0, "the data has aliases");
}

#[test]
fn port_forms_resolve() {
    for form in ["22", ":22", "*:22", "0.0.0.0:22", "[::]:22", "127.0.0.1:22"] {
        let r = kb().resolve(form).expect(form);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].ports[0].start, 22, "{form}");
    }
    let both = kb().resolve("22,80").expect("list");
    assert_eq!(both.len(), 2);
    assert_eq!(both[1].ports[0].start, 80);
    assert_eq!(kb().resolve("postgres").unwrap()[0].ports[0].start, 5432);
    assert_eq!(kb().resolve("DNS").unwrap()[0].ports[0].start, 53);
}

#[test]
fn unknown_names_suggest_ports_never_the_word_typed() {
    if !has_registry() {
        eprintln!("skipped: suggestions need the registry");
        return;
    }
    let e = kb().resolve("remotedesktopx").expect_err("unknown");
    let text = e.to_string();
    assert!(!text.contains("did you mean remotedesktopx"), "{text}");
}

fn first(query: &str) -> portlore_kb::SearchHit {
    kb().search(query, 5)
        .expect("the store is sound")
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{query}: no hit"))
}

#[test]
fn search_finds_what_people_type() {
    for q in ["mydom", "mydooom", "MyDoom"] {
        let h = first(q);
        assert_eq!(h.kind, HitKind::Threat, "{q}: {h:?}");
        assert!(h.title.starts_with("MyDoom"), "{q}: {h:?}");
    }
    let mc = first("minecarft");
    assert_eq!(mc.ports[0].start, 25565, "{mc:?}");
    let ms = first("mssql");
    assert_eq!(ms.ports[0].start, 1433, "{ms:?}");
    assert_eq!(
        SearchQuery::classify("3389"),
        SearchQuery::Port {
            port: 3389,
            transport: None
        }
    );
}

#[test]
fn search_for_cern_is_not_drowned_in_cert() {
    if !has_registry() {
        eprintln!("skipped: needs the registry");
        return;
    }
    let hits = kb().search("cern", 20).unwrap();
    assert!(!hits.is_empty());
    for h in &hits {
        let name = h.service.as_deref().unwrap_or("");
        assert!(!name.starts_with("cert"), "{h:?}");
    }
}

#[test]
fn the_export_index_carries_the_rules_and_every_document() {
    let json: serde_json::Value =
        serde_json::from_str(&kb().search_index().expect("index")).expect("JSON");
    assert_eq!(json["v"], 1);
    assert_eq!(json["rules"]["exact"], portlore_kb::search::EXACT);
    let docs = json["docs"].as_array().unwrap();
    assert!(
        docs.iter()
            .any(|d| d[0] == "threat" && d[2].as_str().unwrap().starts_with("MyDoom"))
    );
}

#[test]
fn verdicts_say_what_is_usually_there() {
    if !has_registry() {
        eprintln!("skipped: needs the registry");
        return;
    }
    let usually = |port: u16| -> String {
        kb().outline(port, None)
            .unwrap()
            .verdict
            .iter()
            .find_map(|p| match p {
                VerdictPart::Usually { what, .. } => Some(what.clone()),
                _ => None,
            })
            .unwrap_or_default()
    };
    assert!(usually(443).contains("HTTPS"), "{}", usually(443));
    assert!(usually(3128).contains("Squid"), "{}", usually(3128));
    assert!(usually(6443).contains("Kubernetes"), "{}", usually(6443));
    assert!(usually(51820).contains("WireGuard"), "{}", usually(51820));
    assert!(usually(3000).contains("Grafana"), "{}", usually(3000));
    // A use spread over thousands of ports (Kubernetes NodePorts) is not what a port
    // in it usually carries; a narrower one is.
    assert_eq!(usually(31337), "");
    assert!(usually(21000).contains("Consul"), "{}", usually(21000));
    // A backdoor of 2004 is history, not what a port usually carries today.
    assert_eq!(usually(8866), "");
    assert_eq!(usually(6777), "");
    // The verdict already says the port is unassigned; the name does not repeat it.
    assert_eq!(usually(5173), "Vite development server");
    // 22's holder comes from the TCP record, never SCTP's.
    let o = kb().outline(22, None).unwrap();
    let holder = o.verdict.iter().find_map(|p| match p {
        VerdictPart::Holder { holder, .. } => Some(holder.clone()),
        _ => None,
    });
    assert!(!format!("{holder:?}").contains("TSVWG"), "{holder:?}");
    // 80 lists 443 among its family.
    let o = kb().outline(80, None).unwrap();
    assert!(
        o.related.iter().any(|r| r.ports.start == 443),
        "{:?}",
        o.related
    );
}

#[test]
fn the_verdict_names_the_threat_that_attacked_the_service() {
    if !has_registry() {
        eprintln!("skipped: needs the registry");
        return;
    }
    let threat = |port: u16| {
        kb().outline(port, None)
            .unwrap()
            .verdict
            .iter()
            .find_map(|p| match p {
                VerdictPart::Threat { name, role, .. } => Some((name.clone(), *role)),
                _ => None,
            })
            .unwrap()
    };
    // Attacks on the service come before a backdoor's C2 that merely used the port,
    // and a family that made headlines before lesser ones with the same role.
    assert_eq!(threat(445), ("WannaCry".into(), ThreatRole::Propagation));
    assert_eq!(threat(23), ("Mirai".into(), ThreatRole::ScanningTarget));
    assert_eq!(threat(80).0, "Code Red");
    assert_ne!(threat(22).0, "BPFDoor");
    assert_ne!(threat(443).1, ThreatRole::C2);
}
