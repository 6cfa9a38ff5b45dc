//! `portlore search`.

use super::{FormatArg, RegistryArg};

/// Arguments of `portlore search`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Words to find in service names, descriptions, organisations, threat names and software.
    #[arg(required = true)]
    pub terms: Vec<String>,
    /// At most this many results.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Output format (JSON: schema portlore.search/1).
    #[command(flatten)]
    pub format: FormatArg,
    /// The registry to read.
    #[command(flatten)]
    pub registry: RegistryArg,
}
