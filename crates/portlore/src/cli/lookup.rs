//! `portlore lookup` (and the bare `portlore QUERY`).

use super::{FormatArg, RegistryArg};

/// Arguments of a lookup.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Ports (3147, 3147/udp, 22,80, 0.0.0.0:22, 3127-3130) or names (ssh, postgres).
    #[arg(value_name = "QUERY", required = true)]
    pub queries: Vec<String>,
    /// Output format (JSON: schema portlore.lookup/2, see docs/json-schema.md).
    #[command(flatten)]
    pub format: FormatArg,
    /// Print whole pages for a range, and long registry notes in full.
    #[arg(long)]
    pub full: bool,
    /// The registry to read.
    #[command(flatten)]
    pub registry: RegistryArg,
}
