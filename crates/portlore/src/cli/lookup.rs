//! `portlore lookup` (and the bare `portlore QUERY`).

use super::{FormatArg, RegistryArg};

/// Arguments of a lookup.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Ports (3147, 3147/udp, 3127-3130) or IANA service names (ssh).
    #[arg(value_name = "QUERY", required = true)]
    pub queries: Vec<String>,
    /// Output format (JSON: schema portlore.lookup/1, see docs/json-schema.md).
    #[command(flatten)]
    pub format: FormatArg,
    /// The registry to read.
    #[command(flatten)]
    pub registry: RegistryArg,
}
