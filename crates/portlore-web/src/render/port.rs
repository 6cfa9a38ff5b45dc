//! The port page, section by section as in DESIGN.md. Registry text and curated prose
//! reach the template as plain strings and are escaped there; only cited prose
//! arrives pre-escaped (from `html::References::cite`).

use askama::Template;
use portlore_kb::{Assignment, Party, PortInfo, RangeClass, Status, Transport};

use super::html::References;
use super::map::position_bar;
use super::port_text::{note_status, related, threat_kind, threat_role, why};
use super::{Chrome, Renderer, render_template};
use crate::i18n::{Arg, Lang, Tr};

/// A badge: a word and a colour class.
#[derive(Debug)]
pub struct Badge {
    /// CSS class.
    pub class: &'static str,
    /// The word.
    pub text: String,
}

/// One registry record.
#[derive(Debug)]
pub struct RowView {
    pub ports: String,
    pub transport: String,
    pub service: String,
    pub status: String,
    pub description: String,
    pub assignee: String,
    pub contact: String,
    pub registered: String,
    pub modified: String,
    pub references: Vec<(String, Option<String>)>,
    pub notes: Vec<String>,
    pub unauthorized: Option<String>,
    pub service_code: Option<String>,
}

/// A curated note, prose pre-escaped with footnote links.
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
    pub summary_html: String,
    pub detail_html: String,
}

/// An exposure risk.
#[derive(Debug)]
pub struct ExposureView {
    pub service: String,
    pub severity: String,
    pub severity_class: &'static str,
    pub incident_html: String,
    pub advice: Vec<String>,
}

/// An unofficial use.
#[derive(Debug)]
pub struct UnofficialView {
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
    range_text: String,
    ephemeral: Option<String>,
    registry_loaded: bool,
    registry_updated: String,
    rows: Vec<RowView>,
    notes: Vec<NoteView>,
    english_prose: bool,
    threats: Vec<ThreatView>,
    exposure: Vec<ExposureView>,
    unofficial: Vec<UnofficialView>,
    check: portlore_kb::CheckCommands,
    why: Vec<String>,
    related: Vec<RelatedView>,
    refs: Vec<RefView>,
}

pub(super) fn render(
    r: &Renderer,
    lang: Lang,
    port: u16,
) -> Result<String, portlore_kb::IntegrityError> {
    let info = r.knowledge().port(port)?;
    let t = lang.tr();
    let services = info.services();
    let title = match services.first() {
        Some(s) => t.with(
            "title-port-service",
            &[("port", Arg::Num(port.into())), ("service", Arg::Str(s))],
        ),
        None => t.n("title-port", "port", &port),
    };
    let mut c = r.chrome(lang, title, &format!("/ports/{port}"));
    c.description = t.n("desc-port", "port", &port);
    let mut refs = References::default();
    let english_prose = lang != Lang::En
        && info.curated.notes.len()
            + info.curated.threats.len()
            + info.curated.exposure.len()
            + info.curated.unofficial.len()
            > 0;
    let notes = info
        .curated
        .notes
        .iter()
        .map(|n| NoteView {
            title: n.title.clone(),
            status: note_status(&t, &n.status),
            made_by: n.made_by.clone(),
            summary_html: refs.cite(&n.summary, &n.sources),
            today_html: n.today.as_ref().map(|x| refs.cite(x, &n.sources)),
        })
        .collect();
    let threats = info
        .curated
        .threats
        .iter()
        .map(|th| ThreatView {
            name: th.name.clone(),
            aliases: th.aliases.join(", "),
            line: t.with(
                "threat-line",
                &[
                    ("kind", Arg::Str(&threat_kind(&t, &th.kind))),
                    ("year", Arg::Num(th.year.into())),
                ],
            ),
            role: t.with(
                "threat-use",
                &[
                    ("role", Arg::Str(&threat_role(&t, &th.role))),
                    ("range", Arg::Str(&th.ports.to_string())),
                    ("transports", Arg::Str(&transports(&th.transports))),
                ],
            ),
            summary_html: refs.cite(&th.summary, &th.sources),
            detail_html: refs.cite(&th.detail, &th.sources),
        })
        .collect();
    let exposure = info
        .curated
        .exposure
        .iter()
        .map(|e| ExposureView {
            service: e.service.clone(),
            severity: t.t(match e.severity.as_str() {
                "critical" => "severity-critical",
                "high" => "severity-high",
                _ => "severity-medium",
            }),
            severity_class: match e.severity.as_str() {
                "critical" | "high" => "bad",
                _ => "warn",
            },
            incident_html: refs.cite(&e.incident, &e.sources),
            advice: e.advice.clone(),
        })
        .collect();
    let unofficial = info
        .curated
        .unofficial
        .iter()
        .map(|u| UnofficialView {
            software: u.software.clone(),
            summary_html: refs.cite(&u.summary, &u.sources),
        })
        .collect();
    let refs = refs
        .list
        .iter()
        .enumerate()
        .map(|(i, s)| RefView {
            n: i + 1,
            title: s.title.clone(),
            url: s.url.clone(),
            site: site_of(&s.url),
            checked: t.s("ref-checked", "date", &s.checked),
        })
        .collect();
    let class = info.range.class;
    let page = PortPage {
        t,
        port,
        prev: port.checked_sub(1),
        next: port.checked_add(1),
        range_name: t.t(range_key(class)),
        block: u32::from(port) / super::BLOCK,
        headline: headline(&t, &info),
        verdict: verdict(&t, &info),
        badges: badges(&t, &info),
        bar: position_bar(port, &t.n("bar-label", "port", &port)),
        range_text: t.with(
            match class {
                RangeClass::System => "range-system-text",
                RangeClass::User => "range-user-text",
                RangeClass::Dynamic => "range-dynamic-text",
            },
            &[
                ("start", Arg::Num(info.range.span.start.into())),
                ("end", Arg::Num(info.range.span.end.into())),
            ],
        ),
        ephemeral: (!info.range.ephemeral_on.is_empty()).then(|| {
            t.s(
                "range-ephemeral",
                "systems",
                &info.range.ephemeral_on.join(", "),
            )
        }),
        registry_loaded: info.registry.is_some(),
        registry_updated: info
            .registry
            .as_ref()
            .and_then(|m| m.updated.clone())
            .unwrap_or_else(|| "?".into()),
        rows: info.assignments.iter().map(|a| row(&t, a)).collect(),
        notes,
        english_prose,
        threats,
        exposure,
        unofficial,
        check: info.check.clone(),
        why: why(&t, &info),
        // Site paths become links relative to this page (`render::links`).
        related: related(&t, lang, &info)
            .into_iter()
            .map(|r| RelatedView {
                href: c.link(&r.href),
                ..r
            })
            .collect(),
        refs,
        c,
    };
    Ok(render_template(&page))
}

fn range_key(class: RangeClass) -> &'static str {
    match class {
        RangeClass::System => "range-system",
        RangeClass::User => "range-user",
        RangeClass::Dynamic => "range-dynamic",
    }
}

/// `TCP/UDP`: protocol names are the same in every language.
pub(super) fn transports(ts: &[Transport]) -> String {
    ts.iter()
        .map(|t| t.as_str().to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("/")
}

fn headline(t: &Tr, info: &PortInfo) -> String {
    let mut s = t.n("title-port", "port", &info.port);
    let assigned: Vec<&Assignment> = info
        .assignments
        .iter()
        .filter(|a| a.status == Status::Assigned)
        .collect();
    if let Some(first) = assigned.first() {
        let service = first.service.as_deref().unwrap_or("");
        let mut ts: Vec<Transport> = assigned
            .iter()
            .filter(|a| a.service == first.service)
            .filter_map(|a| a.transport)
            .collect();
        ts.sort();
        ts.dedup();
        s.push_str(" — ");
        s.push_str(service);
        let desc = first.description.lines().next().unwrap_or("").trim();
        if !desc.is_empty() && !desc.eq_ignore_ascii_case(service) {
            s.push_str(" (");
            s.push_str(desc);
            s.push(')');
        }
        if !ts.is_empty() {
            s.push_str(", ");
            s.push_str(&transports(&ts));
        }
    }
    s
}

fn verdict(t: &Tr, info: &PortInfo) -> String {
    let mut parts = Vec::new();
    match info.status() {
        None => parts.push(t.t("verdict-no-registry")),
        Some(Status::Assigned) => {
            let org = info
                .assignments
                .iter()
                .filter(|a| a.status == Status::Assigned)
                .flat_map(|a| a.assignee.iter())
                .find_map(|p| p.organization.clone().or_else(|| p.name.clone()));
            parts.push(match org {
                Some(org) => t.s("verdict-assigned-by", "org", &org),
                None => t.t("verdict-assigned"),
            });
        }
        Some(Status::Reserved) => parts.push(t.t("verdict-reserved")),
        Some(_) if info.range.class == RangeClass::Dynamic => parts.push(t.t("verdict-dynamic")),
        Some(_) => parts.push(t.t("verdict-unassigned")),
    }
    if let Some(note) = info
        .curated
        .notes
        .iter()
        .find(|n| n.status == "retired" || n.status == "never-deployed")
    {
        parts.push(t.with(
            "verdict-retired",
            &[
                ("title", Arg::Str(&note.title)),
                ("status", Arg::Str(&note_status(t, &note.status))),
            ],
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for th in &info.curated.threats {
        if seen.contains(&th.name.as_str()) || seen.len() == 2 {
            continue;
        }
        seen.push(&th.name);
        parts.push(if th.ports.start == th.ports.end {
            t.with(
                "verdict-threat-port",
                &[
                    ("name", Arg::Str(&th.name)),
                    ("year", Arg::Num(th.year.into())),
                ],
            )
        } else {
            t.with(
                "verdict-threat-range",
                &[
                    ("name", Arg::Str(&th.name)),
                    ("year", Arg::Num(th.year.into())),
                    ("range", Arg::Str(&th.ports.to_string())),
                ],
            )
        });
    }
    if let Some(e) = info.curated.exposure.first() {
        parts.push(t.s("verdict-exposure", "service", &e.service));
    }
    parts.join(" ")
}

fn badges(t: &Tr, info: &PortInfo) -> Vec<Badge> {
    let mut b = vec![Badge {
        class: match info.range.class {
            RangeClass::System => "sys",
            RangeClass::User => "usr",
            RangeClass::Dynamic => "dyn",
        },
        text: t.t(match info.range.class {
            RangeClass::System => "badge-system",
            RangeClass::User => "badge-user",
            RangeClass::Dynamic => "badge-dynamic",
        }),
    }];
    let (class, key) = match info.status() {
        None => ("muted", "badge-no-registry"),
        Some(Status::Assigned) => ("good", "badge-assigned"),
        Some(Status::Reserved) => ("warn", "badge-reserved"),
        Some(Status::Unassigned) => ("muted", "badge-unassigned"),
        Some(Status::Other) => ("muted", "badge-other"),
    };
    b.push(Badge {
        class,
        text: t.t(key),
    });
    if info.assignments.iter().any(|a| {
        a.notes
            .iter()
            .any(|n| n.to_ascii_lowercase().contains("de-assigned"))
    }) {
        b.push(Badge {
            class: "warn",
            text: t.t("badge-deassigned"),
        });
    }
    if !info.curated.threats.is_empty() {
        b.push(Badge {
            class: "bad",
            text: t.t("badge-threat"),
        });
    }
    if !info.curated.exposure.is_empty() {
        b.push(Badge {
            class: "bad",
            text: t.t("badge-exposure"),
        });
    }
    if !info.curated.unofficial.is_empty() {
        b.push(Badge {
            class: "info",
            text: t.t("badge-unofficial"),
        });
    }
    if !info.range.ephemeral_on.is_empty() {
        b.push(Badge {
            class: "info",
            text: t.t("badge-ephemeral"),
        });
    }
    b
}

fn row(t: &Tr, a: &Assignment) -> RowView {
    RowView {
        ports: a.ports.map(|p| p.to_string()).unwrap_or_default(),
        transport: a.transport.map_or_else(
            || t.t("iana-any-transport"),
            |x| x.as_str().to_ascii_uppercase(),
        ),
        service: a.service.clone().unwrap_or_default(),
        status: t.t(match a.status {
            Status::Assigned => "badge-assigned",
            Status::Reserved => "badge-reserved",
            Status::Unassigned => "badge-unassigned",
            Status::Other => "badge-other",
        }),
        description: a.description.clone(),
        assignee: Party::labels(&a.assignee),
        contact: if a.contact == a.assignee {
            String::new()
        } else {
            Party::labels(&a.contact)
        },
        registered: a.registered.clone().unwrap_or_default(),
        modified: a.modified.clone().unwrap_or_default(),
        references: a
            .references
            .iter()
            .map(|r| (r.id.clone(), r.url.clone().filter(|u| safe_url(u))))
            .collect(),
        notes: a.notes.clone(),
        unauthorized: a.unauthorized.clone(),
        service_code: a.service_code.clone(),
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
