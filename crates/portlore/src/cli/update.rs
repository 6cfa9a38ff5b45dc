//! `portlore update`.

use super::FormatArg;

/// IANA's published registry.
pub const DEFAULT_URL: &str =
    "https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml";

/// Arguments of `portlore update`.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Where to read the registry: an https URL, a local XML or CSV file, or - for stdin.
    #[arg(long, value_name = "FILE|URL", default_value = DEFAULT_URL)]
    pub from: String,
    /// Install even when the new registry has under 90% of the installed record count,
    /// and replace an installed store that cannot be read.
    #[arg(long)]
    pub force: bool,
    /// Output format of the change report (JSON: schema portlore.update/1).
    #[command(flatten)]
    pub format: FormatArg,
}
