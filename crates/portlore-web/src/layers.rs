//! What wraps every response: security headers, compression, a request timeout,
//! panic containment and structured access logs.

use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Request, Response, StatusCode};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::AppState;
use crate::config::SiteConfig;

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
    let mut router = router
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
    router.layer(
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
