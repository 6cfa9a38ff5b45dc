//! Home, the range index and the recent-changes page.

use askama::Template;
use portlore_kb::{IntegrityError, Knowledge, RangeClass, Status, last_date};

use portlore_kb::Transport;

use super::map::{block_classes, block_tip, home_map};
use super::{BLOCK, BLOCKS, Chrome, Renderer, render_template};
use crate::i18n::{Arg, Lang, Tr};

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    c: Chrome,
    t: Tr,
    stats: String,
    map: String,
    examples: Vec<(String, String)>,
}

pub(super) fn home(r: &Renderer, lang: Lang) -> Result<String, IntegrityError> {
    let t = lang.tr();
    let mut c = r.chrome(lang, t.t("home-title"), "/");
    c.description = t.t("home-intro");
    let space = r.space()?;
    let examples = [
        ("3147", "/ports/3147"),
        ("rfio", "/search?q=rfio"),
        ("MyDoom", "/search?q=mydoom"),
        ("6379", "/ports/6379"),
        ("25565", "/ports/25565"),
    ]
    .into_iter()
    .map(|(label, tail)| (c.page(tail), label.to_string()))
    .collect();
    let page = Home {
        stats: t.n("home-stats", "assigned", &space.assigned_total()),
        map: home_map(&c, space, &t.t("map-label")),
        examples,
        t,
        c,
    };
    Ok(render_template(&page))
}

/// One block of the range index: link, first port, classes (the map's shading) and
/// its tooltip.
struct IndexBlock {
    href: String,
    start: u32,
    class: String,
    tip: String,
}

struct Group {
    name: String,
    span: String,
    text: String,
    blocks: Vec<IndexBlock>,
}

#[derive(Template)]
#[template(path = "ports_index.html")]
struct PortsIndex {
    c: Chrome,
    t: Tr,
    groups: Vec<Group>,
}

fn class_keys(class: RangeClass) -> (&'static str, &'static str) {
    match class {
        RangeClass::System => ("range-system", "range-system-text"),
        RangeClass::User => ("range-user", "range-user-text"),
        RangeClass::Dynamic => ("range-dynamic", "range-dynamic-text"),
    }
}

pub(super) fn ports_index(r: &Renderer, lang: Lang) -> Result<String, IntegrityError> {
    let t = lang.tr();
    let mut c = r.chrome(lang, t.t("ports-title"), "/ports/");
    c.description = t.t("ports-intro");
    let space = r.space()?;
    let groups = [RangeClass::System, RangeClass::User, RangeClass::Dynamic]
        .into_iter()
        .map(|class| {
            let span = class.span();
            let (name, text) = class_keys(class);
            let first = u32::from(span.start) / BLOCK;
            let last = u32::from(span.end) / BLOCK;
            Group {
                name: t.t(name),
                span: format!("{}–{}", span.start, span.end),
                text: t.with(
                    text,
                    &[
                        ("start", Arg::Num(span.start.into())),
                        ("end", Arg::Num(span.end.into())),
                    ],
                ),
                blocks: (first..=last)
                    .map(|b| IndexBlock {
                        href: c.block(b),
                        start: b * BLOCK,
                        class: block_classes(space, b),
                        tip: block_tip(&t, space, b, 1),
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(render_template(&PortsIndex { c, t, groups }))
}

/// One row of an index page: a port, or a run of ports with nothing recorded.
struct IndexRow {
    start: u32,
    end: u32,
    /// Transports of the IANA records (`TCP UDP`).
    transports: String,
    /// IANA service names with their descriptions.
    services: Vec<(String, String)>,
    /// What is usually found there, from the curated notes and unofficial uses.
    usual: Vec<String>,
    /// Badges that say something: a threat family that used this port.
    badges: Vec<String>,
    /// The registry's word when it lists the port without a service (reserved).
    status: Option<String>,
}

impl IndexRow {
    fn run(&self) -> bool {
        self.end > self.start
    }

    fn is_quiet(&self) -> bool {
        self.services.is_empty()
            && self.usual.is_empty()
            && self.badges.is_empty()
            && self.status.is_none()
    }
}

#[derive(Template)]
#[template(path = "block.html")]
struct Block {
    c: Chrome,
    t: Tr,
    range_name: String,
    heading: String,
    summary: String,
    families: Vec<String>,
    rows: Vec<IndexRow>,
    prev: Option<u32>,
    next: Option<u32>,
    page_of: String,
    quiet: String,
}

/// Curated prose without its footnote markers (the port page carries the citations).
fn without_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(" [") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        match after.find(']') {
            Some(close)
                if after[..close]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',') =>
            {
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(" [");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Prose cut at a word boundary to about `max` characters, with an ellipsis when cut
/// (the port page has the whole text and its sources).
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_end_matches([',', ';', ':']).to_string() + "…"
}

/// A threat family covering at most this many ports of a block is named on each of
/// its rows; wider ranges are named once, in the summary.
const FAMILY_BADGE_MAX: u32 = 8;

fn port_row(
    r: &Renderer,
    t: &Tr,
    port: u16,
    wide: &[&str],
) -> Result<Option<IndexRow>, IntegrityError> {
    let kb = r.knowledge();
    let space = r.space()?;
    let curated = portlore_kb::curated::get().for_port(port);
    let narrow = |ranges: &[portlore_kb::PortRange]| {
        ranges
            .iter()
            .any(|x| x.contains(port) && u32::from(x.end) - u32::from(x.start) < 16)
    };
    // What is usually there: the curated "today" of the port's notes (a note's title
    // mostly repeats the IANA description, so it is shown only where IANA has none),
    // else the software that uses the port without an assignment. A note's "today"
    // already names that software (3128: Squid), so both would say it twice.
    let assigned = space.is_assigned(port);
    let mut usual: Vec<String> = Vec::new();
    for n in curated.notes.iter().filter(|n| narrow(&n.ports)) {
        match &n.today {
            // Cut short: the port page has the whole note, and block 0 is the
            // heaviest page of the site.
            Some(today) => usual.push(clip(&without_markers(today), 84)),
            None if !assigned => usual.push(n.title.clone()),
            None => {}
        }
    }
    let noted = !usual.is_empty();
    for u in curated
        .unofficial
        .iter()
        .filter(|u| !noted && narrow(&u.ports))
    {
        if !usual.contains(&u.software) {
            usual.push(u.software.clone());
        }
    }
    let mut badges: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for th in &curated.threats {
        if seen.contains(&th.id.as_str()) || wide.contains(&th.id.as_str()) {
            continue;
        }
        seen.push(&th.id);
        badges.push(th.name.clone());
    }
    let mut transports: Vec<&'static str> = Vec::new();
    let mut services: Vec<(String, String)> = Vec::new();
    let mut reserved = false;
    if kb.registry_meta().is_some() {
        for a in kb.assignments(port)? {
            match a.status {
                Status::Assigned => {
                    if let Some(tp) = a.transport {
                        let name = match tp {
                            Transport::Tcp => "TCP",
                            Transport::Udp => "UDP",
                            Transport::Sctp => "SCTP",
                            Transport::Dccp => "DCCP",
                        };
                        if !transports.contains(&name) {
                            transports.push(name);
                        }
                    }
                    let name = a.service.unwrap_or_default();
                    let mut desc = a.description.lines().next().unwrap_or("").to_string();
                    // "echo / Echo" says it twice.
                    if desc.eq_ignore_ascii_case(&name) {
                        desc.clear();
                    }
                    if !services.iter().any(|(n, _)| *n == name) {
                        services.push((name, desc));
                    }
                }
                Status::Reserved => reserved = true,
                Status::Unassigned | Status::Other => {}
            }
        }
    }
    if services.is_empty() && usual.is_empty() && badges.is_empty() && !reserved {
        return Ok(None);
    }
    // "Reserved" says something only when nothing is assigned: beside a service it would
    // read as that service's status, when it is another transport's.
    let status = (reserved && services.is_empty()).then(|| t.t("badge-reserved"));
    Ok(Some(IndexRow {
        start: port.into(),
        end: port.into(),
        transports: transports.join(" "),
        services,
        status,
        usual,
        badges,
    }))
}

pub(super) fn block(r: &Renderer, lang: Lang, block: u32) -> Result<String, IntegrityError> {
    let t = lang.tr();
    let block = block.min(BLOCKS - 1);
    let (start, end) = (block * BLOCK, block * BLOCK + BLOCK - 1);
    let heading = t.with(
        "block-title",
        &[
            ("start", Arg::Num(start.into())),
            ("end", Arg::Num(end.into())),
        ],
    );
    let mut c = r.chrome(lang, heading.clone(), &format!("/blocks/{block}"));
    let kb = r.knowledge();
    let space = r.space()?;
    let st = space.block(block);
    c.description = block_tip(&t, space, block, 5);
    let quiet = t.t(if kb.registry_meta().is_some() {
        "index-no-assignment"
    } else {
        "badge-no-registry"
    });
    let wide_ids: Vec<String> = {
        // Families named in the summary rather than on each row.
        let curated = portlore_kb::curated::get();
        let mut ids = Vec::new();
        for f in st.families.iter().filter(|f| f.ports > FAMILY_BADGE_MAX) {
            if let Some(u) = curated.threat_uses().find(|u| u.name == f.name) {
                ids.push(u.id);
            }
        }
        ids
    };
    let wide: Vec<&str> = wide_ids.iter().map(String::as_str).collect();
    let mut rows: Vec<IndexRow> = Vec::new();
    for p in start..=end {
        match port_row(r, &t, p as u16, &wide)? {
            Some(row) => rows.push(row),
            // Runs of ports with nothing to say collapse into one row.
            None => match rows.last_mut() {
                Some(last) if last.is_quiet() && last.end + 1 == p => {
                    last.end = p;
                }
                _ => rows.push(IndexRow {
                    start: p,
                    end: p,
                    transports: String::new(),
                    services: Vec::new(),
                    usual: Vec::new(),
                    badges: Vec::new(),
                    status: None,
                }),
            },
        }
    }
    // Families that cover many ports are told once here; the others are named on
    // their rows, and counted here.
    let mut families: Vec<String> = st
        .families
        .iter()
        .filter(|f| f.ports > FAMILY_BADGE_MAX)
        .map(|f| {
            t.with(
                "block-family",
                &[
                    ("name", Arg::Str(&f.name)),
                    ("ports", Arg::Num(f.ports.into())),
                ],
            )
        })
        .collect();
    let single = st
        .families
        .iter()
        .filter(|f| f.ports <= FAMILY_BADGE_MAX)
        .count();
    if single > 0 {
        families.push(t.with("block-families-rows", &[("count", Arg::Num(single as i64))]));
    }
    let class = RangeClass::of(start as u16);
    let page = Block {
        range_name: t.t(class_keys(class).0),
        summary: t.with(
            "block-assigned",
            &[("assigned", Arg::Num(st.assigned.into()))],
        ),
        families,
        heading,
        rows,
        prev: block.checked_sub(1),
        next: (block + 1 < BLOCKS).then_some(block + 1),
        page_of: t.with(
            "page-of",
            &[
                ("page", Arg::Num(i64::from(block) + 1)),
                ("pages", Arg::Num(BLOCKS.into())),
            ],
        ),
        quiet,
        t,
        c,
    };
    Ok(render_template(&page))
}

/// Encodes a query for a URL's query string.
pub(crate) fn encode_query(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

/// One registry record on the recent-changes page.
#[derive(Debug, Clone)]
pub struct Change {
    date: String,
    port: Option<u16>,
    ports: String,
    transport: String,
    service: String,
    description: String,
    modified: bool,
}

/// How many changes the page lists.
const RECENT: usize = 100;

pub(super) fn compute_changes(kb: &Knowledge) -> Result<Vec<Change>, IntegrityError> {
    let mut all: Vec<_> = kb.all_assignments()?;
    all.retain(|a| last_date(a).is_some() && a.service.is_some());
    all.sort_by(|a, b| {
        last_date(b)
            .cmp(&last_date(a))
            .then_with(|| a.ports.cmp(&b.ports))
    });
    Ok(all
        .into_iter()
        .take(RECENT)
        .map(|a| Change {
            date: last_date(&a).unwrap_or("").to_string(),
            modified: a.modified.is_some() && a.modified.as_deref() >= a.registered.as_deref(),
            port: a.ports.map(|p| p.start),
            ports: a.ports.map(|p| p.to_string()).unwrap_or_default(),
            transport: a
                .transport
                .map(|t| t.as_str().to_ascii_uppercase())
                .unwrap_or_default(),
            description: a.description.lines().next().unwrap_or("").to_string(),
            service: a.service.unwrap_or_default(),
        })
        .collect())
}

#[derive(Template)]
#[template(path = "recent.html")]
struct Recent<'a> {
    c: Chrome,
    t: Tr,
    registry_loaded: bool,
    changes: &'a [Change],
}

pub(super) fn recent(r: &Renderer, lang: Lang) -> Result<String, IntegrityError> {
    let t = lang.tr();
    let mut c = r.chrome(lang, t.t("recent-title"), "/recent");
    c.description = t.t("recent-intro");
    Ok(render_template(&Recent {
        c,
        t,
        registry_loaded: r.knowledge().registry_meta().is_some(),
        changes: r.recent_changes()?,
    }))
}
