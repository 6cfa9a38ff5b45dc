//! The terminal page for a port: the outline of `portlore_kb::page`, worded in English,
//! wrapped to the terminal's width.

mod table;
mod words;
pub mod wrap;

use std::fmt::Write as _;

use portlore_kb::Outline;
use portlore_kb::page::{Piece, Prose, RecordRow, Section};

use crate::output::{DIM, HEADING, TITLE, WARN, styled};
pub use table::table;
use wrap::{cut, wrap};

/// How to lay a page out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Columns.
    pub width: usize,
    /// Show long registry notes whole.
    pub full: bool,
}

/// Renders one port. `here` holds lines about local listeners, when any.
pub fn render(o: &Outline, here: &[String], layout: Layout) -> String {
    let mut out = String::new();
    let w = layout.width;
    for section in &o.sections {
        match section {
            Section::Answer => answer(&mut out, o, w),
            Section::WhatToDo => what_to_do(&mut out, o, w),
            Section::Iana => iana(&mut out, o, layout),
            Section::History => history(&mut out, o, w),
            Section::Security => security(&mut out, o, w),
            Section::AlsoSeen => also_seen(&mut out, o, w),
            Section::Check => {
                if !here.is_empty() {
                    heading(&mut out, "Here, on this machine");
                    for line in here {
                        let _ = writeln!(out, "{}", wrap(line, w, "  ", "    "));
                    }
                }
                check(&mut out, o);
            }
            Section::Why => why(&mut out, o, w),
            Section::Related => related(&mut out, o, w),
            Section::References => references(&mut out, o, w),
        }
    }
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{}", styled(HEADING, title));
}

/// Prose with its citations as `[n]`.
fn text(p: &Prose) -> String {
    let mut s = String::new();
    for piece in &p.0 {
        match piece {
            Piece::Text(t) => s.push_str(t),
            Piece::Cite(n) => {
                let _ = write!(s, "[{n}]");
            }
        }
    }
    s
}

fn answer(out: &mut String, o: &Outline, w: usize) {
    let _ = writeln!(
        out,
        "{}",
        styled(TITLE, &wrap(&words::headline(o), w, "", "  "))
    );
    let _ = writeln!(out, "{}", wrap(&words::verdict(o), w, "", ""));
    let badges: Vec<String> = o.badges.iter().map(words::badge).collect();
    let _ = writeln!(
        out,
        "{}",
        styled(DIM, &wrap(&badges.join(" · "), w, "", ""))
    );
}

fn what_to_do(out: &mut String, o: &Outline, w: usize) {
    heading(out, "What to do");
    for a in &o.advice {
        let head = format!(
            "{} must not face the internet ({} risk). {}",
            a.service,
            words::severity_word(a.severity),
            text(&a.incident)
        );
        let _ = writeln!(out, "{}", wrap(&head, w, "  • ", "    "));
        for step in &a.steps {
            let _ = writeln!(out, "{}", wrap(step, w, "    - ", "      "));
        }
    }
}

fn iana(out: &mut String, o: &Outline, layout: Layout) {
    let w = layout.width;
    let r = &o.record;
    if !r.loaded {
        heading(out, "IANA registry");
        let _ = writeln!(
            out,
            "{}",
            wrap(crate::registry::INSTALL_HINT, w, "  ", "  ")
        );
        return;
    }
    heading(
        out,
        &format!(
            "IANA registry (source: IANA, updated {})",
            r.updated.as_deref().unwrap_or("unknown")
        ),
    );
    if r.rows.is_empty() {
        let _ = writeln!(out, "  No record covers this port.");
    }
    for row in &r.rows {
        record_row(out, row, layout);
    }
}

fn record_row(out: &mut String, row: &RecordRow, layout: Layout) {
    let w = layout.width;
    let name = row.service.clone().unwrap_or_else(|| match row.status {
        portlore_kb::Status::Reserved => "(reserved)".into(),
        portlore_kb::Status::Unassigned => "(unassigned)".into(),
        portlore_kb::Status::Assigned | portlore_kb::Status::Other => "(no service name)".into(),
    });
    let mut head = name;
    if !row.transports.is_empty() {
        let _ = write!(head, " — {}", words::transports(&row.transports));
    }
    if let Some(p) = row.ports {
        let _ = write!(head, " (ports {p})");
    }
    let _ = writeln!(out, "{}", wrap(&head, w, "  ", "    "));
    if !row.aliases.is_empty() {
        let also = format!("also registered as {}", row.aliases.join(", "));
        let _ = writeln!(out, "{}", wrap(&also, w, "    ", "    "));
    }
    let several = row.entries.len() > 1;
    for e in &row.entries {
        let mut line = String::new();
        if several && !e.transports.is_empty() {
            let _ = write!(line, "{}: ", words::transports(&e.transports));
        }
        line.push_str(&e.description);
        let holder = portlore_kb::Party::labels(&e.assignee);
        if !holder.is_empty() {
            let _ = write!(line, " — {holder}");
        }
        if !e.contact.is_empty() {
            let _ = write!(line, "; contact {}", portlore_kb::Party::labels(&e.contact));
        }
        let _ = writeln!(out, "{}", wrap(&line, w, "    ", "      "));
        let mut dates = Vec::new();
        if let Some(d) = &e.registered {
            dates.push(format!("registered {d}"));
        }
        if let Some(d) = &e.modified {
            dates.push(format!("modified {d}"));
        }
        if !dates.is_empty() {
            let _ = writeln!(out, "    {}", dates.join(", "));
        }
        for r in &e.references {
            let line = match &r.url {
                Some(u) => format!("{} <{u}>", r.id),
                None => r.id.clone(),
            };
            let _ = writeln!(out, "{}", wrap(&line, w, "    ", "      "));
        }
        if let Some(u) = &e.unauthorized {
            let line = format!("reported unauthorised use: {u}");
            let _ = writeln!(out, "{}", styled(WARN, &wrap(&line, w, "    ", "      ")));
        }
        if let Some(sc) = &e.service_code {
            let _ = writeln!(out, "    service code: {sc}");
        }
    }
    for n in &row.notes {
        let note = format!("note: {}", n.text);
        if n.long && !layout.full {
            let room = w.saturating_sub(4 + " (--full shows all)".len()).max(20);
            let _ = writeln!(
                out,
                "    {} {}",
                cut(&note, room),
                styled(DIM, "(--full shows all)")
            );
        } else {
            let _ = writeln!(out, "{}", wrap(&note, w, "    ", "      "));
        }
    }
}

fn history(out: &mut String, o: &Outline, w: usize) {
    heading(out, "History");
    for h in &o.history {
        let mut head = h.title.clone();
        if h.status != portlore_kb::curated::NoteStatus::Unknown {
            let _ = write!(head, " — {}", words::status(h.status));
        }
        if let Some(by) = &h.made_by {
            let _ = write!(head, ", made by {by}");
        }
        let _ = writeln!(out, "{}", styled(HEADING, &wrap(&head, w, "  ", "  ")));
        let _ = writeln!(out, "{}", wrap(&text(&h.summary), w, "  ", "  "));
        if let Some(today) = &h.today {
            let _ = writeln!(
                out,
                "{}",
                wrap(&format!("Today: {}", text(today)), w, "  ", "  ")
            );
        }
    }
}

fn security(out: &mut String, o: &Outline, w: usize) {
    heading(out, "Security history");
    if !o.threats.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            styled(
                DIM,
                &wrap(
                    "What malware once did with this port, not what runs on it in your network.",
                    w,
                    "  ",
                    "  "
                )
            )
        );
    }
    for t in &o.threats {
        let head = format!(
            "{} ({}, {}): {} on {} {}",
            t.name,
            words::kind(t.kind),
            t.year,
            words::role(t.role),
            words::transports(&t.transports),
            t.ports
        );
        let _ = writeln!(out, "{}", wrap(&head, w, "  • ", "    "));
        let _ = writeln!(out, "{}", wrap(&text(&t.detail), w, "    ", "    "));
    }
    for l in &o.left_out {
        let only = format!(
            "Not shown for {}: {} concerns {} only.",
            o.transport
                .map(|t| t.as_str().to_uppercase())
                .unwrap_or_default(),
            l.name,
            words::transports(&l.transports)
        );
        let _ = writeln!(out, "{}", styled(DIM, &wrap(&only, w, "  ", "  ")));
    }
}

fn also_seen(out: &mut String, o: &Outline, w: usize) {
    heading(out, "Also seen on this port (not IANA assignments)");
    for u in &o.also_seen {
        let line = format!("{}: {}", u.software, text(&u.summary));
        let _ = writeln!(out, "{}", wrap(&line, w, "  ", "    "));
    }
}

fn check(out: &mut String, o: &Outline) {
    heading(out, "Check it yourself");
    let c = &o.check;
    for (os, cmds) in [
        ("Linux", &c.linux),
        ("macOS", &c.macos),
        ("Windows", &c.windows),
        ("Network", &c.network),
        ("portlore", &c.portlore),
    ] {
        if cmds.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {os}:");
        for cmd in cmds {
            // Commands are copied whole, never wrapped.
            let _ = writeln!(out, "    {cmd}");
        }
    }
}

fn why(out: &mut String, o: &Outline, w: usize) {
    heading(out, "Why it matters");
    for fact in &o.why {
        let _ = writeln!(out, "{}", wrap(&words::why(fact, o.port), w, "  ", "  "));
    }
}

fn related(out: &mut String, o: &Outline, w: usize) {
    heading(out, "Related ports");
    for r in &o.related {
        let service = r.service.as_deref().unwrap_or("—");
        let line = format!(
            "{:<11} {service:<16} {}",
            r.ports.to_string(),
            words::relation(&r.relation)
        );
        let _ = writeln!(out, "{}", wrap(&line, w, "  ", "    "));
    }
}

fn references(out: &mut String, o: &Outline, w: usize) {
    heading(out, "References");
    for (i, s) in o.references.iter().enumerate() {
        let line = format!(
            "[{}] {} <{}> (checked {})",
            i + 1,
            s.title,
            s.url,
            s.checked
        );
        let _ = writeln!(out, "{}", wrap(&line, w, "  ", "      "));
    }
}

/// The port (and transport) a name given to `portlore who` means: resolved as a lookup
/// resolves it (aliases, then IANA names), so `who ssh` and `who postgres` work.
pub fn who_port(text: &str) -> Result<(u16, Option<portlore_local::Proto>), String> {
    let kb = crate::registry::load().map_err(|e| e.to_string())?;
    let (port, transport) = kb.resolve_port(text).map_err(|e| e.to_string())?;
    let proto = match transport {
        None => None,
        Some(portlore_kb::Transport::Tcp) => Some(portlore_local::Proto::Tcp),
        Some(portlore_kb::Transport::Udp) => Some(portlore_local::Proto::Udp),
        Some(other) => {
            return Err(format!(
                "{text:?}: who shows TCP and UDP sockets, not {other}"
            ));
        }
    };
    Ok((port, proto))
}
