//! `portlore serve`: the port site and the JSON API on one listener.

use std::io::IsTerminal as _;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use portlore_web::{AppState, HostPolicy, ServeOptions, SiteConfig};

use portlore::cli::serve::ApiFlags;
pub use portlore::cli::serve::{Args, LogFormat};
use portlore::exit::{Code, Failure};
use portlore_feedback::KeyStorage;
use portlore_web::api::ApiArgs;

/// Runs the server until SIGINT or SIGTERM.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let terminal = std::io::stderr().is_terminal();
    // A person at a terminal reads text; a service manager or a pipe gets JSON lines.
    let format = args.log_format.unwrap_or(if terminal {
        LogFormat::Text
    } else {
        LogFormat::Json
    });
    init_logging(format);
    let mut api_args = api_args(&args.api)?;
    api_args.metrics_elsewhere = args.metrics_listen.is_some();
    let kb = Arc::new(crate::registry::load()?);
    if kb.registry_meta().is_none() {
        tracing::warn!("{}", crate::registry::INSTALL_HINT);
    }
    let site_url = args
        .site_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", args.listen));
    let mut config = SiteConfig::new(&site_url);
    config.hosts = HostPolicy::for_serve(&site_url, &args.listen.to_string(), &args.allowed_hosts);
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
        let api = portlore_web::api::ApiState::open(&api_args, &data_dir)
            .await
            .context("opening the feedback store")?;
        let proxies = api_args.trusted_proxies.clone();
        let state = AppState::new(kb, config, api);
        let listener =
            listen(args.listen).with_context(|| format!("cannot listen on {}", args.listen))?;
        let addr = listener.local_addr()?;
        let renderer = state.renderer.clone();
        tokio::task::spawn_blocking(move || renderer.warm())
            .await
            .context("warming the renderer")?;
        if let Some(metrics_addr) = args.metrics_listen {
            let metrics = tokio::net::TcpListener::bind(metrics_addr)
                .await
                .with_context(|| format!("cannot listen on {metrics_addr} for metrics"))?;
            tracing::info!(addr = %metrics_addr, "metrics listening");
            tokio::spawn(async move {
                if let Err(e) = portlore_web::serve_metrics(metrics).await {
                    tracing::error!(error = %e, "metrics listener failed");
                }
            });
        }
        tracing::info!(%addr, url = %format!("http://{addr}/"), "listening");
        if terminal {
            eprintln!("Serving http://{addr}/ (Ctrl-C to stop)");
        }
        portlore_web::serve(
            listener,
            portlore_web::app(state),
            ServeOptions {
                proxies,
                ..ServeOptions::for_this_process()
            },
            shutdown_signal(),
        )
        .await
        .context("serving")?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The API's settings from its flags; a bad `--trusted-proxy` is bad input.
fn api_args(flags: &ApiFlags) -> anyhow::Result<ApiArgs> {
    let trusted_proxies = flags
        .trusted_proxies
        .iter()
        .map(|text| {
            text.parse().map_err(|e: String| {
                Failure::new(Code::BadInput, format!("--trusted-proxy {text:?}: {e}"))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ApiArgs {
        database_url: flags.database_url.clone(),
        trusted_proxies,
        cors_origins: flags.cors_origins.clone(),
        vote_body_limit: flags.vote_body_limit,
        votes_per_minute: flags.votes_per_minute,
        vote_burst: flags.vote_burst,
        vote_keys: flags
            .vote_key_dir
            .clone()
            .map_or(KeyStorage::Memory, KeyStorage::Dir),
        metrics_elsewhere: false,
    })
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

/// The accept queue a listener asks for. Tokio's default of 1,024 overflows while one
/// hostile client reconnects thousands of refused connections; a full queue drops the
/// SYNs of everyone else, who then wait a whole SYN retransmission (1 s) to get in.
/// The kernel caps it at `net.core.somaxconn` (4,096 by default).
const ACCEPT_BACKLOG: u32 = 4096;

fn listen(addr: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    // As std's and tokio's own `bind` do, so a restart does not wait out TIME_WAIT.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(ACCEPT_BACKLOG)
}
