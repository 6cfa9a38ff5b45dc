//! `portlore stats`.

use super::{FormatArg, RegistryArg};

/// Arguments of `portlore stats`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Output format (JSON: schema portlore.stats/1).
    #[command(flatten)]
    pub format: FormatArg,
    /// The registry to describe.
    #[command(flatten)]
    pub registry: RegistryArg,
}
