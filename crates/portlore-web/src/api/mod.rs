//! The JSON API under `/api/v1/`, the vote endpoint, the feedback overview page and
//! `/metrics`.
//!
//! - Knowledge: `GET /api/v1/ports/{port}`, `/search`, `/ranges`, `/changes`.
//! - Feedback: `POST /api/v1/feedback` (form → 303, JSON → JSON), `GET` for the
//!   aggregates, and the `/{lang}/feedback` overview page.
//! - `GET /api/v1/openapi.json` and a browsable reference at `/api/v1/docs`.
//!
//! Abuse resistance lives here too: the cross-site check, the body limit (413, with a
//! declared length or chunked), the per-client rate limit on votes (429), and the
//! trusted-proxy rule for `X-Forwarded-For`. No endpoint connects anywhere a client
//! names: the only outgoing connections are to the configured database.

mod client;
mod docs;
mod error;
mod feedback;
mod knowledge;
mod metrics;
mod overview;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Method, header};
use axum::routing::get;
use portlore_feedback::FeedbackStore;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use client::{Cidr, client_ip};
pub use error::{ApiError, ErrorBody, ErrorDetail};
pub use feedback::{Aggregates, MAX_OFFSET, VoteAck, VoteRequest, read_aggregates};
pub use metrics::router as metrics_router;
pub use overview::{Refusal, refused_location};

use crate::AppState;

/// Settings of the API. The command line's flags for them live in the CLI crate
/// (`portlore::cli::serve::ApiFlags`); this crate knows no command line.
#[derive(Debug, Clone)]
pub struct ApiArgs {
    /// Where votes are stored: `postgres://user@host/db` or `sqlite:PATH`; `None` for
    /// `feedback.sqlite3` in the data directory.
    pub database_url: Option<String>,
    /// Reverse proxies whose `X-Forwarded-For` header is believed. From any other peer
    /// the header is ignored, so clients cannot pick their own identity for the rate
    /// limit and vote collapsing.
    pub trusted_proxies: Vec<Cidr>,
    /// Origins whose pages may post votes and call the API from script (`*` for any).
    pub cors_origins: Vec<String>,
    /// Largest accepted vote body in bytes; larger ones get 413.
    pub vote_body_limit: usize,
    /// Votes a client may send per minute on average; more get 429.
    pub votes_per_minute: u32,
    /// Votes a client may send in a burst before the per-minute rate applies.
    pub vote_burst: u32,

    /// Where the day's vote key lives (process memory, or a private directory shared
    /// by the processes of one host).
    pub vote_keys: portlore_feedback::KeyStorage,

    /// Metrics are served on a listener of their own, so the site's `/metrics` is off.
    pub metrics_elsewhere: bool,
}

impl Default for ApiArgs {
    fn default() -> ApiArgs {
        ApiArgs {
            database_url: None,
            trusted_proxies: Vec::new(),
            cors_origins: Vec::new(),
            vote_body_limit: 1024,
            votes_per_minute: 30,
            vote_burst: 10,
            vote_keys: portlore_feedback::KeyStorage::Memory,
            metrics_elsewhere: false,
        }
    }
}

/// Why the API could not start.
#[derive(Debug, thiserror::Error)]
pub enum ApiInitError {
    /// The feedback store could not be opened or migrated.
    #[error("cannot open the feedback store")]
    Store(#[source] portlore_feedback::FeedbackError),
    /// A setting is out of range.
    #[error("invalid API setting: {0}")]
    Config(String),
}

type Limiter = GovernorConfig<client::ClientKey, governor::middleware::NoOpMiddleware>;

/// The API's share of the application state. Cheap to clone.
#[derive(Clone, Debug)]
pub struct ApiState(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    store: Option<Arc<dyn FeedbackStore>>,
    args: ApiArgs,
    key: client::ClientKey,
    limiter: Arc<Limiter>,
}

impl ApiState {
    /// Opens the feedback store named by `args` (or the SQLite file in `data_dir`),
    /// migrating it, and starts the rate limiter's housekeeping. Call inside a Tokio
    /// runtime.
    pub async fn open(args: &ApiArgs, data_dir: &Path) -> Result<ApiState, ApiInitError> {
        let opts = portlore_feedback::StoreOptions {
            keys: args.vote_keys.clone(),
        };
        let store = portlore_feedback::open_with(args.database_url.as_deref(), data_dir, &opts)
            .await
            .map_err(ApiInitError::Store)?;
        ApiState::new(Some(Arc::new(store)), args.clone())
    }

    /// An API over `store` (or without votes when `None`).
    pub fn new(
        store: Option<Arc<dyn FeedbackStore>>,
        args: ApiArgs,
    ) -> Result<ApiState, ApiInitError> {
        for o in &args.cors_origins {
            if o != "*" && !(o.starts_with("http://") || o.starts_with("https://")) {
                return Err(ApiInitError::Config(format!(
                    "--cors-origin {o:?} is not an http(s) origin"
                )));
            }
        }
        let key = client::ClientKey {
            trusted: Arc::new(args.trusted_proxies.clone()),
        };
        let period = Duration::from_millis(60_000 / u64::from(args.votes_per_minute.max(1)));
        let limiter = GovernorConfigBuilder::default()
            .period(period.max(Duration::from_millis(1)))
            .burst_size(args.vote_burst.max(1))
            .key_extractor(key.clone())
            .finish()
            .ok_or_else(|| ApiInitError::Config("rate limit must be positive".into()))?;
        let limiter = Arc::new(limiter);
        // Forget idle clients now and then, so the table does not grow without bound.
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            let weak = Arc::downgrade(&limiter);
            rt.spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(60));
                loop {
                    tick.tick().await;
                    let Some(l) = weak.upgrade() else { break };
                    l.limiter().retain_recent();
                    l.limiter().shrink_to_fit();
                }
            });
        }
        Ok(ApiState(Arc::new(Inner {
            store,
            args,
            key,
            limiter,
        })))
    }

    /// An API without a feedback store: knowledge endpoints work, votes get 503.
    pub fn disabled() -> ApiState {
        ApiState::new(None, ApiArgs::default()).unwrap_or_else(|_| unreachable_default())
    }

    /// The feedback store, when votes are enabled.
    pub fn store(&self) -> Option<&Arc<dyn FeedbackStore>> {
        self.0.store.as_ref()
    }

    fn cors_origins(&self) -> &[String] {
        &self.0.args.cors_origins
    }

    fn body_limit(&self) -> usize {
        self.0.args.vote_body_limit
    }

    fn rate_key(&self) -> &client::ClientKey {
        &self.0.key
    }

    fn rate_limiter(&self) -> &Limiter {
        &self.0.limiter
    }

    /// Whether `/metrics` is answered on the site's listener for this TCP peer: only
    /// when metrics have no listener of their own, and the peer is a loopback address
    /// that is not a proxy relaying outside clients.
    fn metrics_on_site(&self, peer: std::net::IpAddr) -> bool {
        let peer = match peer {
            std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(peer, std::net::IpAddr::V4),
            v4 => v4,
        };
        !self.0.args.metrics_elsewhere
            && peer.is_loopback()
            && !self.0.args.trusted_proxies.iter().any(|c| c.contains(peer))
    }

    fn retry_after_secs(&self) -> u64 {
        60u64.div_ceil(u64::from(self.0.args.votes_per_minute.max(1)))
    }
}

/// The defaults are valid by construction; this keeps `disabled` panic-free in
/// form without an `expect`.
fn unreachable_default() -> ApiState {
    let key = client::ClientKey {
        trusted: Arc::new(Vec::new()),
    };
    let limiter = GovernorConfigBuilder::default()
        .key_extractor(key.clone())
        .finish()
        .map(Arc::new);
    match limiter {
        Some(limiter) => ApiState(Arc::new(Inner {
            store: None,
            args: ApiArgs::default(),
            key,
            limiter,
        })),
        None => std::process::abort(),
    }
}

/// The OpenAPI document's fixed part; paths come from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "portlore API",
        description = "What is supposed to be on a port: the IANA registry and curated \
knowledge, and readers' votes on the port pages. Errors are JSON: \
{\"error\": {\"status\", \"code\", \"message\"}}.",
        license(name = "MIT OR Apache-2.0")
    ),
    tags(
        (name = "knowledge", description = "Ports, search, ranges and registry changes"),
        (name = "feedback", description = "Votes on port pages and their aggregates"),
    )
)]
struct ApiDoc;

/// The OpenAPI document of every route in [`router`].
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().split_for_parts().1
}

fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(knowledge::port))
        .routes(routes!(knowledge::outline))
        .routes(routes!(knowledge::search))
        .routes(routes!(knowledge::ranges))
        .routes(routes!(knowledge::changes))
        .routes(routes!(feedback::post, feedback::aggregates))
}

/// Installs the process's metrics recorder now: counts recorded before it exists are
/// lost, and with `--metrics-listen` nothing on the site would install it before the
/// first scrape.
pub(crate) fn install_metrics() {
    let _ = metrics::handle();
}

/// Every API route, to be merged into the site's router.
pub fn router() -> Router<AppState> {
    let (routes, doc) = api_routes().split_for_parts();
    let doc = Arc::new(doc);
    // Ensure the recorder exists before the first vote is counted.
    let _ = metrics::handle();
    Router::new()
        .merge(routes)
        .route(
            "/api/v1/feedback",
            axum::routing::options(feedback::preflight),
        )
        .merge(docs::router(doc))
        .route("/api/{*rest}", axum::routing::any(error::not_found))
        .route("/api", axum::routing::any(error::not_found))
        .layer(axum::middleware::from_fn(public_reads))
        .route("/metrics", get(metrics::on_site))
        .route("/feedback", get(overview::redirect))
        .route("/{lang}/feedback", get(overview::page))
}

/// Reads are public and carry no credentials, so any origin may fetch them from
/// script. Votes are different: their CORS answer comes from `--cors-origin` (see
/// `feedback::preflight` and the vote handler).
async fn public_reads(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    let mut res = next.run(req).await;
    if read {
        res.headers_mut()
            .entry(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .or_insert(HeaderValue::from_static("*"));
    }
    res
}
