//! Home, the range index, search results and the recent-changes page.

use askama::Template;
use portlore_kb::{IntegrityError, Knowledge, Query, RangeClass, Status, last_date};

use super::map::home_map;
use super::port::transports;
use super::{BLOCK, BLOCKS, Chrome, Renderer, SEARCH_LIMIT, render_template};
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
    .map(|(label, tail)| (format!("/{}{tail}", lang.code()), label.to_string()))
    .collect();
    let page = Home {
        stats: t.n("home-stats", "assigned", &space.assigned_total()),
        map: home_map(space, lang, &t.t("map-label")),
        examples,
        t,
        c,
    };
    Ok(render_template(&page))
}

struct Group {
    name: String,
    span: String,
    text: String,
    blocks: Vec<(u32, u32, &'static str)>,
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
    let c = r.chrome(lang, t.t("ports-title"), "/ports/");
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
                    .map(|b| {
                        let st = space.block(b);
                        (b, b * BLOCK, if st.threat > 0 { "t" } else { "" })
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(render_template(&PortsIndex { c, t, groups }))
}

struct IndexRow {
    run: bool,
    start: u32,
    end: u32,
    services: String,
    status: String,
}

#[derive(Template)]
#[template(path = "block.html")]
struct Block {
    c: Chrome,
    t: Tr,
    range_name: String,
    heading: String,
    summary: String,
    rows: Vec<IndexRow>,
    prev: Option<u32>,
    next: Option<u32>,
    page_of: String,
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
    let c = r.chrome(lang, heading.clone(), &format!("/blocks/{block}"));
    let kb = r.knowledge();
    let space = r.space()?;
    let st = space.block(block);
    let mut rows: Vec<IndexRow> = Vec::new();
    let registry = kb.registry_meta().is_some();
    let quiet = t.t(if registry {
        "index-no-assignment"
    } else {
        "badge-no-registry"
    });
    for p in start..=end {
        let port = p as u16;
        let threat = space.is_threat(port);
        let (services, status) = if space.is_assigned(port) {
            let recs = kb.assignments(port)?;
            let mut names: Vec<String> = Vec::new();
            for a in recs.iter().filter(|a| a.status == Status::Assigned) {
                let n = a.service.clone().unwrap_or_default();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            (names.join(", "), t.t("badge-assigned"))
        } else if threat {
            (String::new(), quiet.clone())
        } else {
            // Runs of ports with nothing to say collapse into one row.
            match rows.last_mut() {
                Some(last) if last.run && last.end + 1 == p => {
                    last.end = p;
                    continue;
                }
                _ => {
                    rows.push(IndexRow {
                        run: true,
                        start: p,
                        end: p,
                        services: String::new(),
                        status: quiet.clone(),
                    });
                    continue;
                }
            }
        };
        let status = if threat {
            format!("{status} · {}", t.t("badge-threat"))
        } else {
            status
        };
        rows.push(IndexRow {
            run: false,
            start: p,
            end: p,
            services,
            status,
        });
    }
    for row in &mut rows {
        if row.run && row.start == row.end {
            row.run = false;
        }
    }
    let class = RangeClass::of(start as u16);
    let page = Block {
        range_name: t.t(class_keys(class).0),
        summary: t.with(
            "block-summary",
            &[
                ("assigned", Arg::Num(st.assigned.into())),
                ("threat", Arg::Num(st.threat.into())),
            ],
        ),
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
        t,
        c,
    };
    Ok(render_template(&page))
}

struct HitView {
    href: String,
    service: String,
    title: String,
    kind: String,
    ports: String,
    transports: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct Search {
    c: Chrome,
    t: Tr,
    go_port: Option<u16>,
    go_label: String,
    count_text: String,
    hits: Vec<HitView>,
}

/// Encodes a query for a URL's query string.
pub(crate) fn encode_query(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

pub(super) fn search(r: &Renderer, lang: Lang, query: &str) -> Result<String, IntegrityError> {
    let t = lang.tr();
    let query = query.trim();
    let title = if query.is_empty() {
        t.t("search-title")
    } else {
        t.s("search-title-q", "q", query)
    };
    let tail = if query.is_empty() {
        "/search".to_string()
    } else {
        format!("/search?q={}", encode_query(query))
    };
    let mut c = r.chrome(lang, title, &tail);
    c.noindex = !query.is_empty();
    c.query = query.to_string();
    let go_port = match Query::parse(query) {
        Ok(Query::Ports { range, .. }) => Some(range.start),
        _ => None,
    };
    let hits: Vec<HitView> = if query.is_empty() {
        Vec::new()
    } else {
        r.knowledge()
            .search(query, SEARCH_LIMIT)?
            .into_iter()
            .map(|h| HitView {
                href: h.ports.first().map_or_else(
                    || format!("/{}/search?q={}", lang.code(), encode_query(&h.title)),
                    |p| super::port_path(lang, p.start),
                ),
                service: h.service.clone().unwrap_or_default(),
                kind: t.t(match h.kind.as_str() {
                    "service" => "hit-service",
                    "threat" => "hit-threat",
                    "unofficial" => "hit-unofficial",
                    _ => "hit-note",
                }),
                ports: h
                    .ports
                    .iter()
                    .take(6)
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                transports: transports(&h.transports),
                title: h.title,
            })
            .collect()
    };
    let count_text = if hits.is_empty() {
        t.s("search-none", "q", query)
    } else {
        t.with(
            "search-count",
            &[
                ("count", Arg::Num(hits.len() as i64)),
                ("q", Arg::Str(query)),
            ],
        )
    };
    let go_label = go_port
        .map(|p| t.n("search-go-port", "port", &p))
        .unwrap_or_default();
    Ok(render_template(&Search {
        c,
        t,
        go_port,
        go_label,
        count_text,
        hits,
    }))
}

/// One registry record on the recent-changes page.
#[derive(Debug, Clone)]
pub struct Change {
    date: String,
    port: Option<u16>,
    ports: String,
    transport: String,
    service: String,
    modified: bool,
}

/// How many changes the page lists.
const RECENT: usize = 150;

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
    let c = r.chrome(lang, t.t("recent-title"), "/recent");
    Ok(render_template(&Recent {
        c,
        t,
        registry_loaded: r.knowledge().registry_meta().is_some(),
        changes: r.recent_changes()?,
    }))
}
