//! `/api/v1/openapi.json` and the browsable reference at `/api/v1/docs`.
//!
//! The reference is Scalar's viewer when its script can load (from its CDN, allowed
//! by this page's own CSP only), over a server-rendered list of every operation that
//! reads fine offline and without script.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use utoipa::openapi::OpenApi;
use utoipa_scalar::Scalar;

use crate::AppState;

/// The policy of the reference page alone: the viewer's script and styles come from
/// its CDN; everything else stays as strict as the site.
const DOCS_CSP: &str = "default-src 'none'; script-src https://cdn.jsdelivr.net; \
style-src 'unsafe-inline' https://cdn.jsdelivr.net; font-src https://cdn.jsdelivr.net data:; \
img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

pub fn router(doc: Arc<OpenApi>) -> Router<AppState> {
    let json = doc.to_json().unwrap_or_else(|_| "{}".into());
    let json: Arc<str> = json.into();
    let page: Arc<str> = page(&doc).into();
    Router::new()
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let json = json.clone();
                async move {
                    let mut r = json.to_string().into_response();
                    r.headers_mut().insert(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/json"),
                    );
                    r
                }
            }),
        )
        .route(
            "/api/v1/docs",
            get(move || {
                let page = page.clone();
                async move {
                    let mut r: Response = Html(page.to_string()).into_response();
                    r.headers_mut().insert(
                        header::CONTENT_SECURITY_POLICY,
                        HeaderValue::from_static(DOCS_CSP),
                    );
                    r
                }
            }),
        )
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Scalar's page with the operation list inside; `$spec` and `$title` are Scalar's
/// placeholders.
fn page(doc: &OpenApi) -> String {
    let mut list = String::from(
        "<main id=\"fallback\"><h1>portlore API</h1>\
<p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI 3.1).</p><dl>",
    );
    for (path, item) in &doc.paths.paths {
        let ops = [("GET", item.get.as_ref()), ("POST", item.post.as_ref())];
        for (method, op) in ops {
            let Some(op) = op else { continue };
            let _ = write!(
                list,
                "<dt><code>{method} {}</code></dt><dd>{}</dd>",
                esc(path),
                esc(op
                    .description
                    .as_deref()
                    .or(op.summary.as_deref())
                    .unwrap_or(""))
            );
        }
    }
    list.push_str("</dl></main>");
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>$title</title></head>\
<body>{list}<script id=\"api-reference\" type=\"application/json\">$spec</script>\
<script src=\"https://cdn.jsdelivr.net/npm/@scalar/api-reference\"></script></body></html>\n"
    );
    Scalar::new(doc.clone())
        .title("portlore API reference")
        .custom_html(html)
        .to_html()
}
