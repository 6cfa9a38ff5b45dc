//! `/feedback`: the editors' page ranking ports by unhelpful votes, with a bar chart
//! drawn as inline SVG (no script).

use std::fmt::Write as _;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use portlore_feedback::{AggregateQuery, ChoiceCounts, PortFeedback};

use super::feedback::{Aggregates, offset, read_aggregates};
use super::knowledge::{limit, params};
use crate::AppState;

/// Bars drawn in the chart; the table lists more.
const CHART_BARS: usize = 15;
const COLOURS: [(&str, &str); 3] = [
    ("unhelpful", "#c0392b"),
    ("neutral", "#b7950b"),
    ("helpful", "#1e8449"),
];

/// The page.
pub async fn page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let result = async {
        let p = params(raw.as_deref(), &["limit", "offset"])?;
        let q = AggregateQuery {
            limit: Some(limit(&p, 100)?),
            offset: offset(&p)?,
            ..Default::default()
        };
        read_aggregates(&state, &q).await
    }
    .await;
    match result {
        Ok(a) => {
            let mut r = Html(render(&a)).into_response();
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(e) => e.into_response(),
    }
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

fn parts(c: &ChoiceCounts) -> [u64; 3] {
    [c.unhelpful, c.neutral, c.helpful]
}

/// The whole page as HTML.
pub fn render(a: &Aggregates) -> String {
    let t = &a.totals;
    let mut h = String::new();
    h.push_str(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Reader feedback — portlore</title>\
<link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body>\n<main>\n\
<h1>Reader feedback</h1>\n",
    );
    let _ = writeln!(
        h,
        "<p>{} votes on {} ports: {} unhelpful, {} neutral, {} helpful ({} repeats collapsed). \
Pages with the most unhelpful votes come first; they are the ones to improve.</p>",
        t.counts.total(),
        t.ports,
        t.counts.unhelpful,
        t.counts.neutral,
        t.counts.helpful,
        t.collapsed
    );
    if a.ports.is_empty() {
        h.push_str("<p>No votes yet.</p>\n");
    } else {
        h.push_str(&chart(&a.ports));
        h.push_str(&table(&a.ports));
    }
    h.push_str(&pager(a));
    h.push_str(
        "<p>Data: <a href=\"/api/v1/feedback\">/api/v1/feedback</a> (JSON), \
<a href=\"/api/v1/docs\">API reference</a>.</p>\n</main></body></html>\n",
    );
    h
}

/// Links to the previous and next pages of the ranking.
fn pager(a: &Aggregates) -> String {
    let mut links = Vec::new();
    if a.offset > 0 {
        let prev = a.offset.saturating_sub(a.limit);
        links.push(format!(
            "<a rel=\"prev\" href=\"/feedback?offset={prev}&amp;limit={}\">Previous</a>",
            a.limit
        ));
    }
    if let Some(next) = a.next_offset {
        links.push(format!(
            "<a rel=\"next\" href=\"/feedback?offset={next}&amp;limit={}\">Next</a>",
            a.limit
        ));
    }
    if links.is_empty() {
        return String::new();
    }
    format!(
        "<nav aria-label=\"pages\"><p>Ports {}–{} of {}. {}</p></nav>\n",
        a.offset + u64::from(!a.ports.is_empty()),
        a.offset + a.ports.len() as u64,
        a.matching,
        links.join(" · ")
    )
}

fn chart(ports: &[PortFeedback]) -> String {
    let shown = &ports[..ports.len().min(CHART_BARS)];
    let max = shown
        .iter()
        .map(|p| p.counts.total())
        .max()
        .unwrap_or(1)
        .max(1);
    let (label_w, bar_w, row_h) = (70.0, 420.0, 22.0);
    let height = row_h * shown.len() as f64 + 30.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {height}\" \
width=\"100%\" role=\"img\" aria-labelledby=\"chart-title\">\
<title id=\"chart-title\">Votes per port, worst first: unhelpful, neutral, helpful</title>",
        w = label_w + bar_w + 60.0
    );
    for (i, p) in shown.iter().enumerate() {
        let y = i as f64 * row_h;
        let _ = write!(
            s,
            "<text x=\"{x}\" y=\"{ty}\" text-anchor=\"end\" font-size=\"12\" fill=\"currentColor\">{port}</text>",
            x = label_w - 6.0,
            ty = y + 15.0,
            port = p.port
        );
        let mut x = label_w;
        for (n, (name, colour)) in parts(&p.counts).iter().zip(COLOURS) {
            if *n == 0 {
                continue;
            }
            let w = bar_w * *n as f64 / max as f64;
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{hh}\" fill=\"{colour}\">\
<title>port {port}: {n} {name}</title></rect>",
                hh = row_h - 6.0,
                port = p.port
            );
            x += w;
        }
        let _ = write!(
            s,
            "<text x=\"{tx:.1}\" y=\"{ty}\" font-size=\"12\" fill=\"currentColor\">{total}</text>",
            tx = x + 4.0,
            ty = y + 15.0,
            total = p.counts.total()
        );
    }
    let ly = row_h * shown.len() as f64 + 18.0;
    let mut lx = label_w;
    for (name, colour) in COLOURS {
        let _ = write!(
            s,
            "<rect x=\"{lx}\" y=\"{ry}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>\
<text x=\"{tx}\" y=\"{ly}\" font-size=\"12\" fill=\"currentColor\">{name}</text>",
            ry = ly - 9.0,
            tx = lx + 14.0
        );
        lx += 100.0;
    }
    s.push_str("</svg><figcaption>Votes per port (unhelpful, neutral, helpful), worst first.</figcaption></figure>\n");
    s
}

fn table(ports: &[PortFeedback]) -> String {
    let mut s = String::from(
        "<table><thead><tr><th>Port</th><th>Unhelpful</th><th>Neutral</th><th>Helpful</th>\
<th>Total</th><th>By language (unhelpful/neutral/helpful)</th></tr></thead><tbody>\n",
    );
    for p in ports {
        let langs: Vec<String> = p
            .languages
            .iter()
            .map(|l| {
                let [u, n, h] = parts(&l.counts);
                format!(
                    "<a href=\"/{lang}/ports/{port}\">{lang}</a> {u}/{n}/{h}",
                    lang = esc(l.lang.as_str()),
                    port = p.port
                )
            })
            .collect();
        let [u, n, h] = parts(&p.counts);
        let _ = writeln!(
            s,
            "<tr><td><a href=\"/en/ports/{port}\">{port}</a></td><td>{u}</td><td>{n}</td><td>{h}</td>\
<td>{total}</td><td>{langs}</td></tr>",
            port = p.port,
            total = p.counts.total(),
            langs = langs.join(" · ")
        );
    }
    s.push_str("</tbody></table>\n");
    s
}
