//! What wraps every response: the Host allowlist, security headers, compression, a
//! request timeout, panic containment, structured access logs, and moving page work
//! off the async runtime.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Request, Response, StatusCode, header};
use axum::middleware::Next;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::AppState;
use crate::config::{HostPolicy, SiteConfig};

/// How long a handler may take before the client gets a 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The Content-Security-Policy: scripts and styles only from this origin (no inline
/// script or style), forms only to this origin and the API origin, no framing.
pub fn content_security_policy(config: &SiteConfig) -> String {
    let form = if config.api_origin.is_empty() {
        "'self'".to_string()
    } else {
        format!("'self' {}", config.api_origin)
    };
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; form-action {form}; base-uri 'none'; frame-ancestors 'none'"
    )
}

/// The security headers, as (name, value) pairs, for the static export's `_headers`.
pub fn security_headers(config: &SiteConfig) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", content_security_policy(config)),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Referrer-Policy", "no-referrer".into()),
        ("X-Frame-Options", "DENY".into()),
        ("Cross-Origin-Opener-Policy", "same-origin".into()),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()".into(),
        ),
    ]
}

pub fn wrap(router: Router<AppState>, config: &SiteConfig) -> Router<AppState> {
    let hosts = std::sync::Arc::new(config.hosts.clone());
    let mut router = router
        .layer(axum::middleware::from_fn(off_runtime))
        .layer(
            CompressionLayer::new()
                .gzip(true)
                .br(true)
                .quality(CompressionLevel::Fastest),
        )
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            // Never expected; if it happens the client still gets a plain answer and
            // the log says so.
            tracing::error!("handler panicked");
            let mut r = Response::new(axum::body::Body::from("internal error\n"));
            *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            r
        }));
    // Set only when absent, so an API route can send its own policy.
    for (name, value) in security_headers(config) {
        if let Ok(v) = HeaderValue::from_str(&value) {
            router = router.layer(SetResponseHeaderLayer::if_not_present(
                HeaderName::from_static(lower(name)),
                v,
            ));
        }
    }
    router
        .layer(axum::middleware::from_fn(move |req, next| {
            check_host(hosts.clone(), req, next)
        }))
        .layer(
        TraceLayer::new_for_http()
            .make_span_with(|req: &Request<_>| {
                tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
            })
            .on_request(())
            .on_response(
                |res: &Response<_>, latency: Duration, _span: &tracing::Span| {
                    tracing::info!(
                        status = res.status().as_u16(),
                        micros = latency.as_micros() as u64,
                        "response"
                    );
                },
            ),
    )
}

/// Refuses a request whose host name is not allowed with 421 Misdirected Request.
async fn check_host(
    hosts: std::sync::Arc<HostPolicy>,
    req: Request<Body>,
    next: Next,
) -> Response<Body> {
    // HTTP/2 carries the host in the URI (`:authority`), HTTP/1 in `Host`.
    let host = req
        .uri()
        .authority()
        .map(|a| a.as_str().to_owned())
        .or_else(|| {
            req.headers()
                .get(header::HOST)
                .map(|h| h.to_str().unwrap_or("\u{fffd}").to_owned())
        });
    if hosts.allows(host.as_deref()) {
        return next.run(req).await;
    }
    let mut r = Response::new(Body::from(
        "This server does not answer to that host name. If it is yours, start the server \
with --allowed-host NAME (or --site-url).\n",
    ));
    *r.status_mut() = StatusCode::MISDIRECTED_REQUEST;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// Paths whose handlers only wait on I/O (the database, a counter) and never compute
/// for long; they stay on the async runtime. `/healthz` must answer even when every
/// blocking thread is busy.
fn stays_on_runtime(path: &str) -> bool {
    matches!(
        path,
        "/healthz" | "/metrics" | "/feedback" | "/api/v1/feedback"
    )
}

/// Runs page rendering and store lookups on Tokio's blocking pool, so a slow page
/// never holds up the async workers that accept connections and answer `/healthz`.
async fn off_runtime(req: Request<Body>, next: Next) -> Response<Body> {
    if stays_on_runtime(req.uri().path()) {
        return next.run(req).await;
    }
    let rt = tokio::runtime::Handle::current();
    match tokio::task::spawn_blocking(move || rt.block_on(next.run(req))).await {
        Ok(r) => r,
        Err(_) => {
            // The handler panicked or the runtime is shutting down.
            let mut r = Response::new(Body::from("the server could not finish this request\n"));
            *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
    }
}

fn lower(name: &'static str) -> &'static str {
    match name {
        "Content-Security-Policy" => "content-security-policy",
        "X-Content-Type-Options" => "x-content-type-options",
        "Referrer-Policy" => "referrer-policy",
        "X-Frame-Options" => "x-frame-options",
        "Cross-Origin-Opener-Policy" => "cross-origin-opener-policy",
        "Permissions-Policy" => "permissions-policy",
        _ => "x-unknown",
    }
}
