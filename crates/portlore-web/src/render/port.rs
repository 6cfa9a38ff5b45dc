//! The port page: the outline of `portlore_kb::page` worded through the locale files.
//! Registry text and curated names reach the template as plain strings and are escaped
//! there; only curated prose arrives as HTML, escaped first by `port_text::prose_html`.

use askama::Template;
use portlore_kb::page::{RecordRow, Section};
use portlore_kb::{Outline, Party, Status, Transport};

use super::map::position_bar;
pub(super) use super::port_text::transports;
use super::port_text::{
    self, badge, class_key, kind_key, prose_html, relation, role_key, severity_key, status_key,
};
use super::{Chrome, Renderer, render_template};
use crate::i18n::{Arg, Lang, Tr};

pub use super::port_text::verdict_text;

/// A badge: a word and a colour class.
#[derive(Debug)]
pub struct Badge {
    /// CSS class.
    pub class: &'static str,
    /// The word.
    pub text: String,
}

/// One registration inside a record row.
#[derive(Debug)]
pub struct EntryView {
    pub transports: String,
    pub description: String,
    pub assignee: String,
    pub contact: String,
    pub registered: String,
    pub modified: String,
    pub references: Vec<(String, Option<String>)>,
    pub unauthorized: Option<String>,
    pub service_code: Option<String>,
}

/// One service name of the condensed record.
#[derive(Debug)]
pub struct RowView {
    pub service: String,
    pub status: String,
    pub ports: Option<String>,
    pub transports: String,
    pub also: Option<String>,
    pub entries: Vec<EntryView>,
    pub notes: Vec<(String, bool)>,
}

/// A curated note.
#[derive(Debug)]
pub struct NoteView {
    pub title: String,
    pub status: String,
    pub made_by: Option<String>,
    pub summary_html: String,
    pub today_html: Option<String>,
}

/// A threat's use of this port.
#[derive(Debug)]
pub struct ThreatView {
    pub name: String,
    pub aliases: String,
    pub line: String,
    pub role: String,
    pub detail_html: String,
    pub summary_html: String,
}

/// Exposure advice.
#[derive(Debug)]
pub struct AdviceView {
    pub service: String,
    pub severity: String,
    pub severity_class: &'static str,
    pub incident_html: String,
    pub steps: Vec<String>,
}

/// An unofficial use.
#[derive(Debug)]
pub struct AlsoView {
    pub software: String,
    pub summary_html: String,
}

/// A related port.
#[derive(Debug)]
pub struct RelatedView {
    pub href: String,
    pub ports: String,
    pub service: String,
    pub relation: String,
}

/// A numbered reference.
#[derive(Debug)]
pub struct RefView {
    pub n: usize,
    pub title: String,
    pub url: String,
    pub site: String,
    pub checked: String,
}

/// The check commands of one platform.
#[derive(Debug)]
pub struct CheckView {
    pub title: String,
    pub lines: Vec<String>,
}

#[derive(Template)]
#[template(path = "port.html")]
struct PortPage {
    c: Chrome,
    t: Tr,
    port: u16,
    prev: Option<u16>,
    next: Option<u16>,
    range_name: String,
    block: u32,
    headline: String,
    verdict: String,
    badges: Vec<Badge>,
    bar: String,
    sections: Vec<&'static str>,
    advice: Vec<AdviceView>,
    registry_loaded: bool,
    registry_updated: String,
    rows: Vec<RowView>,
    notes: Vec<NoteView>,
    english_prose: bool,
    threats: Vec<ThreatView>,
    left_out: Vec<String>,
    also: Vec<AlsoView>,
    check: Vec<CheckView>,
    why: Vec<String>,
    related: Vec<RelatedView>,
    refs: Vec<RefView>,
}

fn section_id(s: Section) -> &'static str {
    match s {
        Section::Answer => "answer",
        Section::WhatToDo => "todo",
        Section::Iana => "iana",
        Section::History => "history",
        Section::Security => "security",
        Section::AlsoSeen => "unofficial",
        Section::Check => "check",
        Section::Why => "why",
        Section::Related => "related",
        Section::References => "refs",
    }
}

/// The port page; a damaged store is an error (the caller shows the 503 page).
pub(super) fn render(
    r: &Renderer,
    lang: Lang,
    port: u16,
    transport: Option<Transport>,
) -> Result<String, portlore_kb::IntegrityError> {
    let o = r.knowledge().outline(port, transport)?;
    let t = lang.tr();
    let title = match &o.headline.service {
        Some(s) => t.with(
            "title-port-service",
            &[("port", Arg::Num(port.into())), ("service", Arg::Str(s))],
        ),
        None => t.n("title-port", "port", &port),
    };
    let path = match transport {
        Some(tr) => format!("/ports/{port}/{tr}"),
        None => format!("/ports/{port}"),
    };
    let mut c = r.chrome(lang, title, &path);
    let verdict = verdict_text(&t, &o);
    c.description = verdict.clone();
    let english_prose = lang != Lang::En
        && (!o.history.is_empty()
            || !o.threats.is_empty()
            || !o.advice.is_empty()
            || !o.also_seen.is_empty());
    let page = PortPage {
        t,
        port,
        prev: port.checked_sub(1),
        next: port.checked_add(1),
        range_name: t.t(class_key(o.class)),
        block: u32::from(port) / super::BLOCK,
        headline: port_text::headline(&t, &o),
        verdict,
        badges: o
            .badges
            .iter()
            .map(|b| {
                let (class, text) = badge(&t, b);
                Badge { class, text }
            })
            .collect(),
        bar: position_bar(port, &t.n("bar-label", "port", &port)),
        sections: o.sections.iter().map(|s| section_id(*s)).collect(),
        advice: o
            .advice
            .iter()
            .map(|a| AdviceView {
                service: a.service.clone(),
                severity: t.t(severity_key(a.severity)),
                severity_class: match a.severity {
                    portlore_kb::curated::Severity::Critical
                    | portlore_kb::curated::Severity::High => "bad",
                    portlore_kb::curated::Severity::Medium => "warn",
                },
                incident_html: prose_html(&a.incident),
                steps: a.steps.clone(),
            })
            .collect(),
        registry_loaded: o.record.loaded,
        registry_updated: o.record.updated.clone().unwrap_or_else(|| "?".into()),
        rows: o.record.rows.iter().map(|row| row_view(&t, row)).collect(),
        notes: o
            .history
            .iter()
            .map(|h| NoteView {
                title: h.title.clone(),
                status: t.t(status_key(h.status)),
                made_by: h.made_by.clone(),
                summary_html: prose_html(&h.summary),
                today_html: h.today.as_ref().map(prose_html),
            })
            .collect(),
        english_prose,
        threats: o
            .threats
            .iter()
            .map(|th| ThreatView {
                name: th.name.clone(),
                aliases: th.aliases.join(", "),
                line: t.with(
                    "threat-line",
                    &[
                        ("kind", Arg::Str(&t.t(kind_key(th.kind)))),
                        ("year", Arg::Num(th.year.into())),
                    ],
                ),
                role: t.with(
                    "threat-use",
                    &[
                        ("role", Arg::Str(&t.t(role_key(th.role)))),
                        ("range", Arg::Str(&th.ports.to_string())),
                        ("transports", Arg::Str(&transports(&th.transports))),
                    ],
                ),
                detail_html: prose_html(&th.detail),
                summary_html: prose_html(&th.summary),
            })
            .collect(),
        left_out: o
            .left_out
            .iter()
            .map(|l| {
                t.with(
                    "pp-left-out",
                    &[
                        (
                            "filter",
                            Arg::Str(&transports(&o.transport.into_iter().collect::<Vec<_>>())),
                        ),
                        ("name", Arg::Str(&l.name)),
                        ("transports", Arg::Str(&transports(&l.transports))),
                    ],
                )
            })
            .collect(),
        also: o
            .also_seen
            .iter()
            .map(|u| AlsoView {
                software: u.software.clone(),
                summary_html: prose_html(&u.summary),
            })
            .collect(),
        check: [
            ("Linux".to_string(), &o.check.linux),
            ("macOS".to_string(), &o.check.macos),
            ("Windows".to_string(), &o.check.windows),
            (t.t("check-network"), &o.check.network),
            ("portlore".to_string(), &o.check.portlore),
        ]
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(title, lines)| CheckView {
            title,
            lines: lines.clone(),
        })
        .collect(),
        why: o.why.iter().map(|w| port_text::why(&t, w, port)).collect(),
        related: o
            .related
            .iter()
            .map(|rel| RelatedView {
                // A link relative to this page (`render::links`), so the export works anywhere.
                href: c.port(rel.ports.start),
                ports: rel.ports.to_string(),
                service: rel.service.clone().unwrap_or_default(),
                relation: relation(&t, &rel.relation),
            })
            .collect(),
        refs: o
            .references
            .iter()
            .enumerate()
            .map(|(i, s)| RefView {
                n: i + 1,
                title: s.title.clone(),
                url: s.url.clone(),
                site: site_of(&s.url),
                checked: t.s("ref-checked", "date", &s.checked),
            })
            .collect(),
        c,
    };
    Ok(render_template(&page))
}

/// The outline itself, for callers that word it on their own (the meta description).
pub fn outline(r: &Renderer, port: u16) -> Result<Outline, portlore_kb::IntegrityError> {
    r.knowledge().outline(port, None)
}

fn row_view(t: &Tr, row: &RecordRow) -> RowView {
    RowView {
        service: row.service.clone().unwrap_or_default(),
        status: t.t(match row.status {
            Status::Assigned => "badge-assigned",
            Status::Reserved => "badge-reserved",
            Status::Unassigned => "badge-unassigned",
            Status::Other => "badge-other",
        }),
        ports: row
            .ports
            .map(|p| t.s("iana-ports", "ports", &p.to_string())),
        transports: if row.transports.is_empty() {
            t.t("iana-any-transport")
        } else {
            transports(&row.transports)
        },
        also: (!row.aliases.is_empty())
            .then(|| t.s("pp-iana-also", "names", &row.aliases.join(", "))),
        entries: row
            .entries
            .iter()
            .map(|e| EntryView {
                transports: if row.entries.len() > 1 {
                    transports(&e.transports)
                } else {
                    String::new()
                },
                description: e.description.clone(),
                assignee: Party::labels(&e.assignee),
                contact: Party::labels(&e.contact),
                registered: e.registered.clone().unwrap_or_default(),
                modified: e.modified.clone().unwrap_or_default(),
                references: e
                    .references
                    .iter()
                    .map(|r| (r.id.clone(), r.url.clone().filter(|u| safe_url(u))))
                    .collect(),
                unauthorized: e.unauthorized.clone(),
                service_code: e.service_code.clone(),
            })
            .collect(),
        notes: row.notes.iter().map(|n| (n.text.clone(), n.long)).collect(),
    }
}

/// Only http(s) links become `href`s; anything else (`javascript:`) stays text.
pub(super) fn safe_url(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

fn site_of(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("")
        .trim_start_matches("www.")
        .to_string()
}
