//! Placeholder until the subcommand lands.

use std::process::ExitCode;

/// Arguments of this subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the subcommand.
pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}

/// Arguments of `portlore who PORT`.
#[derive(Debug, clap::Args)]
pub struct WhoArgs {
    /// The port to look up on this machine.
    pub port: String,
}

/// Runs `portlore who`.
pub fn run_who(_args: &WhoArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}

/// Lines for the "Here, on this machine" section of `portlore PORT` (empty when nothing
/// listens on the port). Placeholder until the local inventory lands.
pub fn here_lines(_port: u16) -> Vec<String> {
    Vec::new()
}
