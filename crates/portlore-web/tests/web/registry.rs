//! For every port, the page's IANA section agrees with the registry: the same records,
//! with their service names, transports and descriptions. Needs the full registry
//! (`PORTLORE_TEST_REGISTRY`); skips without it.

use portlore_iana::Status;
use portlore_web::{Lang, Renderer};
use rayon::prelude::*;

use crate::support::{config, registry_path, section, unify_entities};

#[test]
fn every_port_page_agrees_with_the_registry() {
    let Some(path) = registry_path() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("CI must set PORTLORE_TEST_REGISTRY");
        }
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    let registry = portlore_iana::parse_any(std::fs::File::open(&path).unwrap()).unwrap();
    let kb = crate::support::kb();
    let renderer = Renderer::new(kb, config());
    let records = &registry.records;
    let failures: Vec<String> = (0..=u16::MAX)
        .into_par_iter()
        .filter_map(|port| {
            let expected: Vec<_> = records
                .iter()
                .filter(|r| r.ports.is_some_and(|p| p.contains(port)))
                .collect();
            let page = unify_entities(&renderer.port(Lang::En, port).body);
            let iana = section(&page, "iana")?;
            let rows = iana.matches("<div class=\"rec\">").count();
            if rows != expected.len() {
                return Some(format!(
                    "{port}: {rows} rows, registry has {}",
                    expected.len()
                ));
            }
            if expected.is_empty() && !iana.contains("No IANA record covers this port.") {
                return Some(format!("{port}: no 'no record' sentence"));
            }
            for r in expected {
                if let Some(name) = &r.name
                    && !iana.contains(&format!("<code>{}</code>", portlore_web::escape(name)))
                {
                    return Some(format!("{port}: service {name} missing"));
                }
                let t = r.transport.map_or("any transport".to_string(), |t| {
                    t.as_str().to_ascii_uppercase()
                });
                if !iana.contains(&format!("<span class=\"tp\">{t}</span>")) {
                    return Some(format!("{port}: transport {t} missing"));
                }
                let desc = r.description.trim();
                if !desc.is_empty() && !iana.contains(&portlore_web::escape(desc)) {
                    return Some(format!("{port}: description {desc:?} missing"));
                }
                if r.status() == Status::Assigned && r.name.is_none() {
                    return Some(format!("{port}: assigned without a name"));
                }
            }
            None
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} ports disagree, e.g. {:#?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
}
