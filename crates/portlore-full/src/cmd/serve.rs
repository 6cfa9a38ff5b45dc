//! `portlore serve`: the port site and the JSON API on one listener.

use std::io::IsTerminal as _;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use portlore_web::{AppState, ServeOptions, SiteConfig};

use portlore::cli::serve::ApiFlags;
pub use portlore::cli::serve::{Args, LogFormat};
use portlore::exit::{Code, Failure};
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
    let api_args = api_args(&args.api)?;
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
        let api = portlore_web::api::ApiState::open(&api_args, &data_dir)
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
        if terminal {
            eprintln!("Serving http://{addr}/ (Ctrl-C to stop)");
        }
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
