//! `/{lang}/feedback`: the readers' votes, ports with the most unhelpful votes first,
//! in the site's frame and language. Bars are inline SVG on one scale for the whole
//! table; no script.
//!
//! A vote form posted without script that the API refuses (too many votes, bad
//! input) is sent here with `?refused=CODE`, and the page says why in its language.

use std::fmt::Write as _;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use portlore_feedback::{AggregateQuery, ChoiceCounts, PortFeedback};

use super::feedback::{Aggregates, MAX_OFFSET, read_aggregates};
use crate::i18n::{Arg, negotiate};
use crate::render::render_template;
use crate::{AppState, Chrome, Lang};

/// Rows shown by default, and at most.
const DEFAULT_ROWS: usize = 50;
const MAX_ROWS: usize = 500;

/// Why a vote sent by a plain form was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too many votes from this client.
    RateLimited,
    /// A malformed or incomplete form.
    Invalid,
    /// Posted from another site.
    CrossSite,
    /// The feedback store could not take it.
    Unavailable,
}

impl Refusal {
    /// The refusal for an API error code (`rate_limited`, `invalid_input`, …).
    pub fn from_code(code: &str) -> Refusal {
        match code {
            "rate_limited" => Refusal::RateLimited,
            "cross_site" => Refusal::CrossSite,
            "unavailable" => Refusal::Unavailable,
            _ => Refusal::Invalid,
        }
    }

    /// The value of `?refused=`.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::RateLimited => "rate-limited",
            Refusal::Invalid => "invalid",
            Refusal::CrossSite => "cross-site",
            Refusal::Unavailable => "unavailable",
        }
    }

    fn parse(s: &str) -> Option<Refusal> {
        [
            Refusal::RateLimited,
            Refusal::Invalid,
            Refusal::CrossSite,
            Refusal::Unavailable,
        ]
        .into_iter()
        .find(|r| r.code() == s)
    }

    fn key(self) -> &'static str {
        match self {
            Refusal::RateLimited => "feedback-refused-rate",
            Refusal::Invalid => "feedback-refused-invalid",
            Refusal::CrossSite => "feedback-refused-cross-site",
            Refusal::Unavailable => "feedback-refused-unavailable",
        }
    }
}

/// Where a browser goes after a refused form vote: the overview in the reader's
/// language (from `Accept-Language`, since the refused body may not have been read),
/// with the reason.
pub fn refused_location(headers: &HeaderMap, refusal: Refusal) -> String {
    let lang = negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    format!("/{}/feedback?refused={}", lang.code(), refusal.code())
}

/// `/feedback`: the overview in the reader's language.
pub async fn redirect(headers: HeaderMap) -> Response {
    let lang = negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let mut r = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/{}/feedback", lang.code())) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    r
}

/// What the query string asks for.
struct Wanted {
    rows: usize,
    offset: usize,
    refused: Option<Refusal>,
    bad: bool,
}

fn wanted(raw: Option<&str>) -> Wanted {
    let mut w = Wanted {
        rows: DEFAULT_ROWS,
        offset: 0,
        refused: None,
        bad: false,
    };
    let raw = raw.unwrap_or("");
    if raw.len() > 512 {
        w.bad = true;
        return w;
    }
    for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
        match k.as_ref() {
            "limit" => match v.parse::<usize>() {
                Ok(n) if (1..=MAX_ROWS).contains(&n) => w.rows = n,
                _ => w.bad = true,
            },
            "offset" => match v.parse::<usize>() {
                Ok(n) if n <= MAX_OFFSET => w.offset = n,
                _ => w.bad = true,
            },
            "refused" => match Refusal::parse(&v) {
                Some(r) => w.refused = Some(r),
                None => w.bad = true,
            },
            _ => w.bad = true,
        }
    }
    w
}

/// The page.
pub async fn page(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(lang) = Lang::from_code(&lang) else {
        let page = state.renderer.error(
            negotiate(None),
            &crate::BadInput::Language(lang.chars().take(40).collect()),
        );
        return html(StatusCode::NOT_FOUND, page.body);
    };
    let w = wanted(raw.as_deref());
    let q = AggregateQuery {
        limit: Some(w.rows),
        offset: w.offset,
        ..Default::default()
    };
    let data = read_aggregates(&state, &q).await.ok();
    let status = if w.bad {
        StatusCode::BAD_REQUEST
    } else if data.is_none() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    };
    html(status, render(&state, lang, data.as_ref(), &w))
}

fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, Html(body)).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// One row of the table.
struct Row {
    port: u16,
    href: String,
    counts: [u64; 3],
    total: u64,
    bar: String,
    langs: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "feedback.html")]
struct FeedbackPage {
    c: Chrome,
    t: crate::i18n::Tr,
    notice: Option<String>,
    summary: String,
    rows: Vec<Row>,
    faces: [(&'static str, String); 3],
    json: String,
    prev: Option<String>,
    next: Option<String>,
}

fn parts(c: &ChoiceCounts) -> [u64; 3] {
    [c.unhelpful, c.neutral, c.helpful]
}

/// A stacked bar on the table's common scale (`max` votes fill the width).
fn bar(counts: [u64; 3], max: u64, label: &str) -> String {
    let mut s = format!(
        "<svg class=\"vb\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\">",
        crate::escape(label)
    );
    let mut x = 0.0;
    for (n, class) in counts.iter().zip(["vu", "vn", "vh2"]) {
        if *n == 0 {
            continue;
        }
        let w = 100.0 * *n as f64 / max.max(1) as f64;
        let _ = write!(
            s,
            "<rect class=\"{class}\" x=\"{x:.2}\" width=\"{w:.2}\" height=\"10\"/>"
        );
        x += w;
    }
    s.push_str("</svg>");
    s
}

/// The whole page.
fn render(state: &AppState, lang: Lang, data: Option<&Aggregates>, w: &Wanted) -> String {
    let t = lang.tr();
    let mut c = state
        .renderer
        .chrome(lang, t.t("feedback-title"), "/feedback");
    c.noindex = true;
    c.description = t.t("feedback-intro");
    let mut notice = w.refused.map(|r| t.t(r.key()));
    if w.bad {
        notice = Some(t.s("feedback-bad-query", "max", &MAX_ROWS.to_string()));
    }
    let page_link = |offset: u64| c.page(&format!("/feedback?offset={offset}&limit={}", w.rows));
    let prev = (w.offset > 0).then(|| page_link(w.offset.saturating_sub(w.rows) as u64));
    let next = data.and_then(|a| a.next_offset).map(page_link);
    let (summary, rows) = match data {
        None => (t.t("feedback-unavailable"), Vec::new()),
        Some(a) => {
            let tot = &a.totals;
            let summary = t.with(
                "feedback-summary",
                &[
                    ("votes", Arg::Num(tot.counts.total() as i64)),
                    ("ports", Arg::Num(tot.ports as i64)),
                    ("unhelpful", Arg::Num(tot.counts.unhelpful as i64)),
                    ("neutral", Arg::Num(tot.counts.neutral as i64)),
                    ("helpful", Arg::Num(tot.counts.helpful as i64)),
                ],
            );
            (summary, rows_of(&c, &t, &a.ports))
        }
    };
    let faces = [
        ("😔", t.t("vote-unhelpful")),
        ("🤨", t.t("vote-neutral")),
        ("😃", t.t("vote-helpful")),
    ];
    render_template(&FeedbackPage {
        json: c.link("/api/v1/feedback"),
        prev,
        next,
        c,
        t,
        notice,
        summary,
        rows,
        faces,
    })
}

fn rows_of(c: &Chrome, t: &crate::i18n::Tr, ports: &[PortFeedback]) -> Vec<Row> {
    let max = ports.iter().map(|p| p.counts.total()).max().unwrap_or(1);
    ports
        .iter()
        .map(|p| {
            let counts = parts(&p.counts);
            let label = t.with(
                "feedback-bar",
                &[
                    ("port", Arg::Num(p.port.into())),
                    ("unhelpful", Arg::Num(counts[0] as i64)),
                    ("neutral", Arg::Num(counts[1] as i64)),
                    ("helpful", Arg::Num(counts[2] as i64)),
                ],
            );
            Row {
                port: p.port,
                href: c.port(p.port),
                counts,
                total: p.counts.total(),
                bar: bar(counts, max, &label),
                langs: p
                    .languages
                    .iter()
                    .filter_map(|l| {
                        let code = Lang::from_code(l.lang.as_str())?.code();
                        let [u, n, h] = parts(&l.counts);
                        Some((
                            code.to_string(),
                            c.link(&format!("/{code}/ports/{}", p.port)),
                            format!("{u}/{n}/{h}"),
                        ))
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_share_one_scale() {
        let a = bar([1, 0, 1], 4, "x");
        let b = bar([4, 0, 0], 4, "y");
        assert!(a.contains("width=\"25.00\""), "{a}");
        assert!(b.contains("width=\"100.00\""), "{b}");
    }

    #[test]
    fn refusals_round_trip() {
        for r in [
            Refusal::RateLimited,
            Refusal::Invalid,
            Refusal::CrossSite,
            Refusal::Unavailable,
        ] {
            assert_eq!(Refusal::parse(r.code()), Some(r));
        }
        assert_eq!(Refusal::from_code("rate_limited"), Refusal::RateLimited);
        assert_eq!(Refusal::from_code("too_large"), Refusal::Invalid);
        let w = wanted(Some("limit=0"));
        assert!(w.bad);
        let w = wanted(Some("refused=rate-limited&limit=10"));
        assert_eq!(
            (w.rows, w.refused, w.bad),
            (10, Some(Refusal::RateLimited), false)
        );
    }
}
