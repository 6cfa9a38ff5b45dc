//! `portlore export`.

use std::path::PathBuf;

use super::{ProgressArg, RegistryArg};

/// Arguments of `portlore export`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Output directory (created if missing; files in it are overwritten).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Languages, comma-separated (default: all ten).
    #[arg(
        long,
        value_name = "LIST",
        default_value = "en,fr,de,es,pt,it,ro,ru,uk,ja"
    )]
    pub lang: String,
    /// Origin the vote forms post to (https://host[:port]); default: the same origin.
    #[arg(long, value_name = "URL")]
    pub api_origin: Option<String>,
    /// Public base URL of the site (https://ports.example.org/sub): canonical and
    /// hreflang links, the sitemap and robots.txt. Without it (or with a loopback
    /// address) those are left out.
    #[arg(long, value_name = "URL", default_value = "")]
    pub site_url: String,
    /// Also write .gz and .br copies of every page, for hosts that serve them.
    #[arg(long)]
    pub precompress: bool,
    /// The progress bar.
    #[command(flatten)]
    pub progress: ProgressArg,
    /// The registry to read.
    #[command(flatten)]
    pub registry: RegistryArg,
}
