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

/// A threat's use of this port, in the short form of the security history: name,
/// kind and year on one line, then the prose.
#[derive(Debug)]
pub struct ThreatView {
    pub name: String,
    pub aliases: String,
    pub line: String,
    pub detail_html: String,
    pub summary_html: String,
}

/// The threats that used the port the same way (role, range, transports): the role is
/// said once for all of them, not once per family.
#[derive(Debug)]
pub struct ThreatGroup {
    pub title: String,
    pub items: Vec<ThreatView>,
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

/// Related ports that share one relation ("also used by Emotet: 20, 22, 443"), said
/// once for all of them. Neighbours stay one to a line, as their wording is singular.
#[derive(Debug)]
pub struct RelatedView {
    /// Link, port or range, IANA service name (may be empty).
    pub ports: Vec<(String, String, String)>,
    pub relation: String,
}

/// A numbered reference: title and host; its check date only when it differs from
/// the date the list states once.
#[derive(Debug)]
pub struct RefView {
    pub n: usize,
    pub title: String,
    pub url: String,
    pub site: String,
    pub checked: Option<String>,
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
    threats: Vec<ThreatGroup>,
    left_out: Vec<String>,
    also: Vec<AlsoView>,
    check: Vec<CheckView>,
    why: Vec<String>,
    related: Vec<RelatedView>,
    refs: Vec<RefView>,
    refs_checked: String,
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
    c.description = meta_description(&verdict);
    let (refs, refs_checked) = references(&t, &o);
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
        threats: threat_groups(&t, &o),
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
        related: related_views(&t, &c, &o),
        refs,
        refs_checked,
        c,
    };
    Ok(render_template(&page))
}

fn threat_groups(t: &Tr, o: &Outline) -> Vec<ThreatGroup> {
    let mut groups: Vec<(ThreatKey, ThreatGroup)> = Vec::new();
    for th in &o.threats {
        let key = (th.role, th.ports, th.transports.clone());
        let view = ThreatView {
            name: th.name.clone(),
            aliases: th.aliases.join(", "),
            line: t.with(
                "pp-threat-line",
                &[
                    ("kind", Arg::Str(&t.t(kind_key(th.kind)))),
                    ("year", Arg::Num(th.year.into())),
                ],
            ),
            detail_html: prose_html(&th.detail),
            summary_html: prose_html(&th.summary),
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.items.push(view),
            None => {
                let title = t.with(
                    "pp-threat-group",
                    &[
                        ("role", Arg::Str(&t.t(role_key(th.role)))),
                        ("range", Arg::Str(&th.ports.to_string())),
                        ("transports", Arg::Str(&transports(&th.transports))),
                    ],
                );
                groups.push((
                    key,
                    ThreatGroup {
                        title: capitalized(&title),
                        items: vec![view],
                    },
                ));
            }
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

type ThreatKey = (
    portlore_kb::curated::ThreatRole,
    portlore_kb::PortRange,
    Vec<Transport>,
);

/// A role word opens a heading: its first letter in upper case (where the script has case).
fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn related_views(t: &Tr, c: &Chrome, o: &Outline) -> Vec<RelatedView> {
    let mut out: Vec<(Option<&portlore_kb::page::Relation>, RelatedView)> = Vec::new();
    for rel in &o.related {
        // A link relative to this page (`render::links`), so the export works anywhere.
        let item = (
            c.port(rel.ports.start),
            rel.ports.to_string(),
            rel.service.clone().unwrap_or_default(),
        );
        let key = match rel.relation {
            portlore_kb::page::Relation::Neighbour => None,
            _ => Some(&rel.relation),
        };
        match out.iter_mut().find(|(k, _)| key.is_some() && *k == key) {
            Some((_, v)) => v.ports.push(item),
            None => out.push((
                key,
                RelatedView {
                    ports: vec![item],
                    relation: relation(t, &rel.relation),
                },
            )),
        }
    }
    out.into_iter().map(|(_, v)| v).collect()
}

/// The references, and the line that states their usual check date once.
fn references(t: &Tr, o: &Outline) -> (Vec<RefView>, String) {
    let mut dates: Vec<(&str, usize)> = Vec::new();
    for s in &o.references {
        match dates.iter_mut().find(|(d, _)| *d == s.checked) {
            Some((_, n)) => *n += 1,
            None => dates.push((&s.checked, 1)),
        }
    }
    // The most common date; on a tie, the latest.
    let usual = dates
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)))
        .map(|(d, _)| d.to_string())
        .unwrap_or_default();
    let refs = o
        .references
        .iter()
        .enumerate()
        .map(|(i, s)| RefView {
            n: i + 1,
            title: s.title.clone(),
            url: s.url.clone(),
            site: site_of(&s.url),
            checked: (s.checked != usual).then(|| t.s("ref-checked", "date", &s.checked)),
        })
        .collect();
    let line = if dates.len() > 1 {
        t.s("pp-refs-checked-most", "date", &usual)
    } else {
        t.s("pp-refs-checked", "date", &usual)
    };
    (refs, line)
}

/// Search engines show about 160 characters of a description; a verdict longer than
/// that is cut after its last whole sentence within them (or its last word, with "…").
/// The full verdict is the page's first paragraph.
fn meta_description(verdict: &str) -> String {
    const MAX: usize = 160;
    if verdict.chars().count() <= MAX {
        return verdict.to_string();
    }
    let head: String = verdict.chars().take(MAX).collect();
    let sentence = head
        .char_indices()
        .filter(|(i, ch)| *ch == '。' || (*ch == '.' && head[i + 1..].starts_with(' ')))
        .map(|(i, ch)| i + ch.len_utf8())
        .next_back()
        .filter(|end| head[..*end].chars().count() >= MAX / 3);
    match sentence {
        Some(end) => head[..end].to_string(),
        None => {
            let cut = head.rfind(' ').unwrap_or(head.len());
            format!("{}…", head[..cut].trim_end_matches([',', ';', ':']))
        }
    }
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
