//! `portlore PORT|RANGE|SERVICE …`: the port page.

use std::process::ExitCode;

use portlore_kb::{Knowledge, PortInfo, PortRange, Query, Transport, VALID_FORMS};
use serde::Serialize;

pub use crate::cli::lookup::Args;
use crate::exit;
use crate::output;
use crate::page;

/// The `--json` document.
#[derive(Debug, Serialize)]
struct Lookup<'a> {
    schema: &'static str,
    query: &'a str,
    transport: Option<Transport>,
    ports: Vec<PortInfo>,
}

/// Most port pages one lookup prints.
const MAX_PAGES: usize = 64;

/// Runs a lookup.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let parsed = args
        .queries
        .iter()
        .map(|q| Query::parse(q).map(|p| (q.as_str(), p)))
        .collect::<Result<Vec<_>, _>>();
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => return Ok(exit::bad_input(&e.to_string())),
    };
    let kb = crate::registry::load()?;
    let mut documents = Vec::new();
    for (text, query) in parsed {
        match resolve(&kb, text, &query) {
            Ok(doc) => documents.push(doc),
            Err(code) => return Ok(code),
        }
    }
    let result = if args.format.json() {
        if let [one] = documents.as_slice() {
            output::print_json(one)
        } else {
            output::print_json(&documents)
        }
    } else {
        let mut text = String::new();
        for doc in &documents {
            for info in &doc.ports {
                if !text.is_empty() {
                    text.push_str(&"─".repeat(78));
                    text.push('\n');
                }
                // Tests and reproducible output can opt out of inspecting this machine.
                let here = if std::env::var_os("PORTLORE_NO_LOCAL").is_some() {
                    Vec::new()
                } else {
                    crate::cmd::local::here_lines(info.port)
                };
                text.push_str(&page::render(info, &here));
            }
        }
        // The footer: which registry the facts above come from, and its edition.
        if let Some(in_use) = crate::registry::in_use() {
            text.push('\n');
            text.push_str(&output::styled(
                output::DIM,
                &format!("Source: {}", in_use.line()),
            ));
            text.push('\n');
        }
        output::print(&text)
    };
    exit::printed(result)
}

fn resolve<'a>(kb: &Knowledge, text: &'a str, query: &Query) -> Result<Lookup<'a>, ExitCode> {
    let (ranges, transport) = match query {
        Query::Ports { range, transport } => (vec![*range], *transport),
        Query::Service { name, transport } => (service_ports(kb, name, *transport)?, *transport),
    };
    let ports = ranges
        .iter()
        .flat_map(|r| r.start..=r.end)
        .take(MAX_PAGES.max(portlore_kb::MAX_RANGE as usize))
        .map(|p| {
            let mut info = kb.port(p).map_err(damaged)?;
            if let Some(t) = transport {
                info.assignments
                    .retain(|a| a.transport.is_none_or(|x| x == t));
            }
            Ok(info)
        })
        .collect::<Result<_, ExitCode>>()?;
    Ok(Lookup {
        schema: "portlore.lookup/1",
        query: text,
        transport,
        ports,
    })
}

/// A damaged store: said once on stderr, exit 2.
fn damaged(e: portlore_kb::IntegrityError) -> ExitCode {
    eprintln!("portlore: {e}");
    ExitCode::from(exit::ERROR)
}

fn service_ports(
    kb: &Knowledge,
    name: &str,
    transport: Option<Transport>,
) -> Result<Vec<PortRange>, ExitCode> {
    if kb.registry_meta().is_none() {
        eprintln!(
            "portlore: service names need the registry. {}",
            crate::registry::INSTALL_HINT
        );
        return Err(ExitCode::from(exit::NOT_FOUND));
    }
    let records = kb.by_service(name).map_err(damaged)?;
    let mut ranges: Vec<PortRange> = records
        .iter()
        .filter(|a| transport.is_none_or(|t| a.transport.is_none_or(|x| x == t)))
        .filter_map(|a| a.ports)
        .collect();
    ranges.sort();
    ranges.dedup();
    if ranges.is_empty() {
        let known = !records.is_empty();
        let mut message = if known {
            format!("{name:?} is an IANA service name with no port assigned")
        } else {
            format!("{name:?} is not a port, range or IANA service name; {VALID_FORMS}")
        };
        let suggestions: Vec<String> = kb
            .search(name, 5)
            .map_err(damaged)?
            .into_iter()
            .filter_map(|h| h.service)
            .take(3)
            .collect();
        if !suggestions.is_empty() {
            message.push_str(&format!(" (did you mean {}?)", suggestions.join(", ")));
        }
        eprintln!("portlore: {message}");
        return Err(ExitCode::from(if known {
            exit::NOT_FOUND
        } else {
            exit::BAD_INPUT
        }));
    }
    // A range service (x11 6000-6063) shows its first port's page; the range is on it.
    Ok(ranges
        .into_iter()
        .map(|r| PortRange {
            start: r.start,
            end: r.start,
        })
        .take(MAX_PAGES)
        .collect())
}
