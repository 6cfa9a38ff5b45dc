//! `portlore serve`.

use std::net::SocketAddr;

use super::RegistryArg;

/// Loopback on 7147 (see `portlore_web::DEFAULT_PORT` for why that port).
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7147";

/// Arguments of `portlore serve`.
#[derive(Debug, Clone, clap::Args)]
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
    /// Another host name the site answers to (repeatable). By default only the
    /// host of --site-url, of --listen, localhost and addresses are answered, so a
    /// DNS-rebinding page cannot reach the server under a name of its own.
    #[arg(long = "allowed-host", value_name = "NAME")]
    pub allowed_hosts: Vec<String>,
    /// Serve /metrics on this address instead (only there). Without it, /metrics
    /// answers loopback peers of the main listener only.
    #[arg(long, value_name = "ADDR")]
    pub metrics_listen: Option<SocketAddr>,
    /// Log format on stderr (default: text on a terminal, JSON otherwise).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub log_format: Option<LogFormat>,
    /// Feedback store and API limits.
    #[command(flatten)]
    pub api: ApiFlags,
    /// The registry to serve.
    #[command(flatten)]
    pub registry: RegistryArg,
}

/// How `serve` writes its logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One JSON object per line.
    Json,
    /// Human-readable lines.
    Text,
}

/// The flags of the feedback API; `portlore-full` turns them into
/// `portlore_web::api::ApiArgs`.
#[derive(Debug, Clone, clap::Args)]
pub struct ApiFlags {
    /// Where votes are stored: postgres://user@host/db (several serve processes may
    /// share it), or sqlite:PATH. Default: feedback.sqlite3 in the data directory.
    #[arg(long, env = "PORTLORE_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,
    /// A reverse proxy whose X-Forwarded-For header is believed (address or CIDR;
    /// repeatable). From any other peer the header is ignored, so clients cannot
    /// pick their own identity for the rate limit and vote collapsing.
    #[arg(long = "trusted-proxy", value_name = "CIDR")]
    pub trusted_proxies: Vec<String>,
    /// An origin whose pages may post votes and call the API from script, such as the
    /// static export's site (https://ports.example.org; repeatable; * for any).
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,
    /// Largest accepted vote body in bytes; larger ones get 413.
    #[arg(long, default_value_t = 1024, value_name = "BYTES")]
    pub vote_body_limit: usize,
    /// Votes a client may send per minute on average; more get 429.
    #[arg(long, default_value_t = 30, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub votes_per_minute: u32,
    /// Votes a client may send in a burst before the per-minute rate applies.
    #[arg(long, default_value_t = 10, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub vote_burst: u32,
    /// A private directory (0700, never the database's) holding the day's vote key,
    /// shared by serve processes that share one database, so they collapse each
    /// other's repeat votes. Default: the key lives in this process's memory only.
    #[arg(long, env = "PORTLORE_VOTE_KEY_DIR", value_name = "DIR")]
    pub vote_key_dir: Option<std::path::PathBuf>,
}
