//! `portlore search TERM`: the one search, ranked; a port number goes to its port line.

use std::fmt::Write as _;
use std::process::ExitCode;

use portlore_kb::{HitKind, SearchHit, SearchQuery};
use serde::Serialize;

pub use crate::cli::search::Args;
use crate::exit;
use crate::output::{self, DIM, styled};
use crate::page::wrap::{cut, width};

#[derive(Serialize)]
struct Results<'a> {
    schema: &'static str,
    query: &'a str,
    /// Set when the query is a port number: the port it names.
    port: Option<u16>,
    hits: Vec<SearchHit>,
}

/// Runs the search.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let query = args.terms.join(" ");
    if query.trim().is_empty() || query.chars().count() > portlore_kb::search::MAX_QUERY {
        return Ok(exit::bad_input("search needs 1 to 200 characters of text"));
    }
    let kb = crate::registry::load()?;
    let (port, hits) = match SearchQuery::classify(&query) {
        SearchQuery::Port { port, transport } => {
            let line = port_hit(&kb, port, transport)?;
            (Some(port), vec![line])
        }
        SearchQuery::Words(words) => (None, kb.search(&words, args.limit.clamp(1, 1000))?),
    };
    let found = !hits.is_empty();
    let printed = if args.format.json() {
        output::print_json(&Results {
            schema: "portlore.search/2",
            query: &query,
            port,
            hits,
        })
    } else {
        let mut text = String::new();
        if kb.registry_meta().is_none() {
            let _ = writeln!(text, "{}", styled(DIM, crate::registry::INSTALL_HINT));
        }
        if found {
            text.push_str(&table(&hits, width()));
        } else {
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

/// The one line for a port number: its service and the page's headline words.
fn port_hit(
    kb: &portlore_kb::Knowledge,
    port: u16,
    transport: Option<portlore_kb::Transport>,
) -> anyhow::Result<SearchHit> {
    let o = kb.outline(port, transport)?;
    let title = o
        .headline
        .usually
        .clone()
        .or_else(|| o.headline.description.clone())
        .unwrap_or_default();
    Ok(SearchHit {
        kind: HitKind::Service,
        service: o.headline.service.clone(),
        title,
        ports: vec![portlore_kb::PortRange {
            start: port,
            end: port,
        }],
        transports: if o.headline.transports.is_empty() {
            o.transports.clone()
        } else {
            o.headline.transports.clone()
        },
        score: 0,
    })
}

fn kind_word(k: HitKind) -> &'static str {
    match k {
        HitKind::Service => "service",
        HitKind::Threat => "threat",
        HitKind::Unofficial => "software",
        HitKind::Note => "note",
    }
}

/// One row per hit, with a header row, fitted to the width.
fn table(hits: &[SearchHit], width: usize) -> String {
    let mut out = String::new();
    let (wp, wn, wt) = (14, 18, 9);
    let wtitle = width.saturating_sub(wp + wn + wt + 6).max(10);
    let _ = writeln!(
        out,
        "{:<wp$}  {:<wn$}  {:<wt$}  TITLE",
        "PORTS", "NAME", "KIND"
    );
    for h in hits {
        let ports: Vec<String> = h.ports.iter().map(ToString::to_string).collect();
        let name = h.service.as_deref().unwrap_or("—");
        let line = format!(
            "{:<wp$}  {:<wn$}  {:<wt$}  {}",
            cut(&ports.join(","), wp),
            cut(name, wn),
            kind_word(h.kind),
            cut(&h.title, wtitle)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}
