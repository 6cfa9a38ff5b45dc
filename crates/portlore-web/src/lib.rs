//! The portlore web site: `app(state)` serves it, [`export`] writes it as static files,
//! and both go through the same [`Renderer`], so an exported page is byte for byte the
//! page the server returns (apart from the configured API origin).
//!
//! Pages are plain HTML and CSS in ten languages. Script is optional (the vote widget
//! and a client-side search for the static export) and never inline.

#![deny(missing_docs)]

pub mod api;
mod assets;
mod config;
pub mod export;
pub mod i18n;
mod layers;
mod render;
mod routes;
mod server;

use std::sync::Arc;

use portlore_kb::Knowledge;

pub use assets::asset;
pub use config::{HostPolicy, LinkStyle, SiteConfig, is_local_url};
pub use i18n::Lang;
pub use render::{BadInput, Chrome, Page, Renderer, escape, port_path};
pub use server::{ServeOptions, connections_for, per_client_for, raise_fd_limit, serve};

/// The default port of `portlore serve`: unassigned in the IANA registry on every
/// transport, used by no threat or well-known software in the curated data, below
/// every operating system's default ephemeral range (FreeBSD's starts at 10000), away
/// from the usual development ports, and a nod to 3147, where the project began.
/// A test checks the first two claims against the data.
pub const DEFAULT_PORT: u16 = 7147;

/// What every handler shares. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The knowledge behind every page.
    pub kb: Arc<Knowledge>,
    /// The renderer shared with `export`.
    pub renderer: Arc<Renderer>,
    /// Site configuration.
    pub config: Arc<SiteConfig>,
    /// State of the JSON API and the feedback store.
    pub api: api::ApiState,
}

impl AppState {
    /// Builds the state; the renderer is created over the same knowledge.
    pub fn new(kb: Arc<Knowledge>, config: SiteConfig, api: api::ApiState) -> AppState {
        let renderer = Arc::new(Renderer::new(kb.clone(), config.clone()));
        AppState {
            kb,
            renderer,
            config: Arc::new(config),
            api,
        }
    }
}

/// The whole site: pages, assets, the API, with security headers, compression and
/// timeouts.
pub fn app(state: AppState) -> axum::Router {
    api::install_metrics();
    layers::wrap(routes::router().merge(api::router()), &state.config).with_state(state)
}

/// Where the vote form's redirect should send a browser back to: the port page in the
/// voter's language, scrolled to the thank-you message (shown by CSS `:target`, so it
/// works without script). `None` for a language the site does not have.
pub fn vote_redirect_target(lang: &str, port: u16) -> Option<String> {
    Lang::from_code(lang).map(|l| format!("{}#voted", port_path(l, port)))
}

/// Serves only `GET /metrics` on a listener of its own (`serve --metrics-listen`),
/// until the process ends.
pub async fn serve_metrics(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, api::metrics_router()).await
}
