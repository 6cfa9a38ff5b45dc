//! Prometheus metrics: on `/metrics` of the site's listener for loopback peers only
//! (never through a proxy, which would make every visitor look local), or on a
//! listener of their own (`--metrics-listen`), which then is the only place.

use std::sync::OnceLock;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Latency buckets in seconds: commits take milliseconds; anything near a second is
/// already a problem.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

/// The process-wide recorder (the `metrics` facade has one per process), installed on
/// first use. `None` if another recorder was installed first.
pub fn handle() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), BUCKETS)
                .ok()?
                .install_recorder()
                .ok()
        })
        .as_ref()
}

/// `GET /metrics` on the site's listener.
pub async fn on_site(State(state): State<crate::AppState>, req: Request) -> Response {
    let peer = super::client::peer(&req);
    if !state.api.metrics_on_site(peer) {
        return super::error::ApiError::not_found("no such endpoint").into_response();
    }
    render().await
}

/// A router with only `GET /metrics`, for the `--metrics-listen` listener.
pub fn router() -> axum::Router {
    let _ = handle();
    axum::Router::new().route("/metrics", axum::routing::get(render))
}

/// The metrics, to whoever reached this handler.
pub async fn render() -> Response {
    let Some(h) = handle() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "metrics recorder not installed\n",
        )
            .into_response();
    };
    let mut r = h.render().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
