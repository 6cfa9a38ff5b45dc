//! `portlore PORT|RANGE|NAME …`: the port page, or a table for a range.

use std::process::ExitCode;

use portlore_kb::{Knowledge, Outline, PortInfo, ResolveError, Transport};
use serde::Serialize;

pub use crate::cli::lookup::Args;
use crate::exit;
use crate::output;
use crate::page::{self, Layout};

/// The `--json` document.
#[derive(Debug, Serialize)]
struct Lookup<'a> {
    schema: &'static str,
    query: &'a str,
    transport: Option<Transport>,
    ports: Vec<PortJson>,
    /// Whether the query named a range (printed as a table unless `--full`).
    #[serde(skip)]
    range: bool,
}

/// One port: the registry and curated facts, and the outline of the page.
#[derive(Debug, Serialize)]
struct PortJson {
    #[serde(flatten)]
    info: PortInfo,
    outline: Outline,
}

/// Most ports one lookup covers (a range is limited to this too).
const MAX_PORTS: usize = portlore_kb::MAX_RANGE as usize;

/// Runs a lookup.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let kb = crate::registry::load()?;
    let mut documents = Vec::new();
    for text in &args.queries {
        match lookup(&kb, text) {
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
        let mut text = text_pages(&documents, args.full);
        // The footer, once after every page: which registry the facts above come from, and its
        // edition.
        if let Some(in_use) = crate::registry::in_use() {
            text.push('\n');
            // Wrapped like the pages above it: a registry path can be long.
            text.push_str(&output::styled(
                output::DIM,
                &page::wrap::wrap(
                    &format!("Source: {}", in_use.line()),
                    page::wrap::width(),
                    "",
                    "",
                ),
            ));
            text.push('\n');
        }
        output::print(&text)
    };
    exit::printed(result)
}

fn text_pages(documents: &[Lookup<'_>], full: bool) -> String {
    let width = page::wrap::width();
    let layout = Layout { width, full };
    let mut text = String::new();
    for doc in documents {
        let outlines: Vec<&Outline> = doc.ports.iter().map(|p| &p.outline).collect();
        if doc.range && !full {
            let owned: Vec<Outline> = outlines.into_iter().cloned().collect();
            text.push_str(&page::table(&owned, width));
            continue;
        }
        for o in outlines {
            if !text.is_empty() {
                text.push_str(&"─".repeat(width.min(78)));
                text.push('\n');
            }
            // Tests and reproducible output can opt out of inspecting this machine.
            let here = if std::env::var_os("PORTLORE_NO_LOCAL").is_some() {
                Vec::new()
            } else {
                crate::cmd::local::here_lines(o.port)
            };
            text.push_str(&page::render(o, &here, layout));
        }
    }
    text
}

fn lookup<'a>(kb: &Knowledge, text: &'a str) -> Result<Lookup<'a>, ExitCode> {
    let resolved = kb.resolve(text).map_err(|e| refuse(kb, &e))?;
    let transport = resolved.iter().find_map(|r| r.transport);
    let mut ports = Vec::new();
    for r in &resolved {
        for p in r.ports.iter().flat_map(|range| range.start..=range.end) {
            if ports.len() == MAX_PORTS {
                break;
            }
            let mut info = kb.port(p).map_err(damaged)?;
            if let Some(t) = r.transport {
                info.assignments
                    .retain(|a| a.transport.is_none_or(|x| x == t));
            }
            let outline = kb.outline(p, r.transport).map_err(damaged)?;
            ports.push(PortJson { info, outline });
        }
    }
    Ok(Lookup {
        schema: "portlore.lookup/2",
        query: text,
        transport,
        ports,
        range: resolved
            .iter()
            .any(|r| r.ports.iter().any(|p| p.start != p.end)),
    })
}

/// Prints why a query resolves to nothing, and picks the exit code.
fn refuse(kb: &Knowledge, e: &ResolveError) -> ExitCode {
    match e {
        ResolveError::Query(q) => exit::bad_input(&q.to_string()),
        ResolveError::NoPort { .. } => {
            eprintln!("portlore: {e}");
            ExitCode::from(exit::NOT_FOUND)
        }
        ResolveError::Unknown { .. } if kb.registry_meta().is_none() => {
            eprintln!("portlore: {e}. {}", crate::registry::INSTALL_HINT);
            ExitCode::from(exit::BAD_INPUT)
        }
        ResolveError::Unknown { .. } => {
            eprintln!("portlore: {e}");
            ExitCode::from(exit::BAD_INPUT)
        }
        ResolveError::Store(_) => {
            eprintln!("portlore: {e}");
            ExitCode::from(exit::ERROR)
        }
    }
}

/// A damaged store: said once on stderr, exit 2.
fn damaged(e: portlore_kb::IntegrityError) -> ExitCode {
    eprintln!("portlore: {e}");
    ExitCode::from(exit::ERROR)
}
