//! `portlore serve`: the port site and the JSON API on one listener.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use portlore_web::{AppState, ServeOptions, SiteConfig};

/// Loopback on [`portlore_web::DEFAULT_PORT`] (7147); see there for why that port.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7147";

/// Arguments of `portlore serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address and port to listen on. Use 0.0.0.0:7147 (or [::]:7147) to serve others.
    #[arg(long, default_value = DEFAULT_LISTEN, value_name = "ADDR")]
    pub listen: SocketAddr,
    /// Public base URL of the site, used in the sitemap (default: http://ADDR).
    #[arg(long, value_name = "URL")]
    pub site_url: Option<String>,
    /// Origin the vote forms post to, when the API runs elsewhere (https://host[:port]).
    #[arg(long, value_name = "URL")]
    pub api_origin: Option<String>,
    /// Log format on stderr.
    #[arg(long, value_enum, default_value_t = LogFormat::Json)]
    pub log_format: LogFormat,
    /// Feedback store and API limits.
    #[command(flatten)]
    pub api: portlore_web::api::ApiArgs,
}

/// How logs are written.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LogFormat {
    /// One JSON object per line.
    Json,
    /// Human-readable lines.
    Text,
}

/// Runs the server until SIGINT or SIGTERM.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    init_logging(args.log_format);
    let kb = Arc::new(crate::registry::load()?);
    if kb.registry_meta().is_none() {
        tracing::warn!("{}", crate::registry::INSTALL_HINT);
    }
    let site_url = args
        .site_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", args.listen));
    let mut config = SiteConfig::new(&site_url);
    if let Some(origin) = &args.api_origin {
        config = config
            .with_api_origin(origin)
            .map_err(|e| anyhow::anyhow!(e))
            .context("--api-origin")?;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let data_dir = crate::registry::data_dir()
            .context("no data directory for the feedback store; set PORTLORE_DATA_DIR")?;
        let api = portlore_web::api::ApiState::open(&args.api, &data_dir)
            .await
            .context("opening the feedback store")?;
        let state = AppState::new(kb, config, api);
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("cannot listen on {}", args.listen))?;
        let addr = listener.local_addr()?;
        let renderer = state.renderer.clone();
        tokio::task::spawn_blocking(move || renderer.warm())
            .await
            .context("warming the renderer")?;
        tracing::info!(%addr, url = %format!("http://{addr}/"), "listening");
        portlore_web::serve(
            listener,
            portlore_web::app(state),
            ServeOptions::default(),
            shutdown_signal(),
        )
        .await
        .context("serving")?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("signal received");
}
