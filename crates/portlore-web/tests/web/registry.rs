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
            // The page groups records by service and merges a service's records that differ
            // only by transport (issue 11), so records are counted through the transports
            // the page names: in a service's heading (`TCP/UDP`) or, for a service whose
            // records differ, in each record's own entry.
            let named: Vec<&str> = spans(iana, "<span class=\"tp\">", "</span>")
                .chain(spans(iana, "<dd>", "</dd>"))
                .flat_map(|s| s.split('/'))
                .collect();
            if expected.is_empty() && !iana.contains("No IANA record covers this port.") {
                return Some(format!("{port}: no 'no record' sentence"));
            }
            if !expected.is_empty() && iana.contains("No IANA record covers this port.") {
                return Some(format!("{port}: 'no record' beside records"));
            }
            for r in expected {
                // A name is a service's heading or, for a record the page folds into a
                // service of the same description, one of its other names.
                if let Some(name) = &r.name
                    && !iana.contains(&format!("<code>{}</code>", portlore_web::escape(name)))
                    && !iana.contains(&portlore_web::escape(name))
                {
                    return Some(format!("{port}: service {name} missing"));
                }
                let t = r.transport.map_or("any transport".to_string(), |t| {
                    t.as_str().to_ascii_uppercase()
                });
                if r.transport.is_some() && !named.contains(&t.as_str()) {
                    return Some(format!("{port}: transport {t} missing"));
                }
                // The page shows a description's later lines (IANA's remarks) as notes of
                // their own, so each line is looked for apart.
                let desc = r.description.trim();
                if desc
                    .lines()
                    .map(str::trim)
                    .any(|l| !l.is_empty() && !iana.contains(&portlore_web::escape(l)))
                {
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

/// The texts between each `open` and the next `close` in `html`.
fn spans<'a>(html: &'a str, open: &'a str, close: &'a str) -> impl Iterator<Item = &'a str> {
    html.split(open)
        .skip(1)
        .filter_map(move |rest| rest.split_once(close).map(|(inner, _)| inner))
}
