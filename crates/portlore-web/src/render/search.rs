//! The search page: the one search of `portlore_kb::search`, worded. A port number never
//! reaches this page: the route answers it with a 303 to the port.

use askama::Template;
use portlore_kb::{HitKind, SearchHit};

use super::lists::encode_query;
use super::port::transports;
use super::{Chrome, Renderer, SEARCH_LIMIT, render_template};
use crate::i18n::{Arg, Lang, Tr};

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
    count_text: String,
    hits: Vec<HitView>,
}

pub(super) fn kind_key(k: HitKind) -> &'static str {
    match k {
        HitKind::Service => "hit-service",
        HitKind::Threat => "hit-threat",
        HitKind::Unofficial => "hit-unofficial",
        HitKind::Note => "hit-note",
    }
}

/// A hit's links are relative to the search page (`render::links`), like every other link.
fn view(t: &Tr, c: &Chrome, h: SearchHit) -> HitView {
    HitView {
        href: h.ports.first().map_or_else(
            || c.page(&format!("/search?q={}", encode_query(&h.title))),
            |p| c.port(p.start),
        ),
        service: h.service.clone().unwrap_or_default(),
        kind: t.t(kind_key(h.kind)),
        ports: h
            .ports
            .iter()
            .take(6)
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        transports: transports(&h.transports),
        title: h.title,
    }
}

pub(super) fn render(
    r: &Renderer,
    lang: Lang,
    query: &str,
) -> Result<String, portlore_kb::IntegrityError> {
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
    let hits: Vec<HitView> = if query.is_empty() {
        Vec::new()
    } else {
        r.knowledge()
            .search(query, SEARCH_LIMIT)?
            .into_iter()
            .map(|h| view(&t, &c, h))
            .collect()
    };
    let count_text = if hits.is_empty() {
        t.s("pp-search-none", "q", query)
    } else {
        t.with(
            "search-count",
            &[
                ("count", Arg::Num(hits.len() as i64)),
                ("q", Arg::Str(query)),
            ],
        )
    };
    Ok(render_template(&Search {
        c,
        t,
        count_text,
        hits,
    }))
}
