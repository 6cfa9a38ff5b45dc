//! `portlore search TERM`: ranked, typo-tolerant search.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

pub use crate::cli::search::Args;
use crate::exit;
use crate::output::{self, DIM, styled};

#[derive(Serialize)]
struct Results<'a> {
    schema: &'static str,
    query: &'a str,
    hits: Vec<portlore_kb::SearchHit>,
}

/// Runs the search.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let query = args.terms.join(" ");
    if query.trim().is_empty() || query.len() > 200 {
        return Ok(exit::bad_input("search needs 1 to 200 characters of text"));
    }
    let kb = crate::registry::load()?;
    let hits = kb.search(&query, args.limit.clamp(1, 1000))?;
    let found = !hits.is_empty();
    let printed = if args.format.json() {
        output::print_json(&Results {
            schema: "portlore.search/1",
            query: &query,
            hits,
        })
    } else {
        let mut text = String::new();
        if kb.registry_meta().is_none() {
            let _ = writeln!(text, "{}", styled(DIM, crate::registry::INSTALL_HINT));
        }
        for h in &hits {
            let ports: Vec<String> = h.ports.iter().map(ToString::to_string).collect();
            let transports: Vec<&str> = h.transports.iter().map(|t| t.as_str()).collect();
            let name = h.service.as_deref().unwrap_or(&h.kind);
            let _ = writeln!(
                text,
                "{:<20} {:<16} {:<9} {}",
                name,
                truncate(&ports.join(","), 16),
                transports.join(","),
                h.title
            );
        }
        if !found {
            let _ = writeln!(text, "nothing matches {query:?}");
        }
        output::print(&text)
    };
    let code = exit::printed(printed)?;
    Ok(if found {
        code
    } else {
        ExitCode::from(exit::NOT_FOUND)
    })
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}
