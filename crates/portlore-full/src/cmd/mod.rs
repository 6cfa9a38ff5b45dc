//! The subcommands that need the scanner, the web server, SQLite or TLS, one module each.

use std::process::ExitCode;

use portlore::Heavy;

pub mod export;
pub mod scan;
pub mod serve;
pub mod update;

/// Runs a heavy subcommand in this process.
pub fn run(command: Heavy) -> anyhow::Result<ExitCode> {
    match command {
        Heavy::Update(args) => update::run(&args),
        Heavy::Scan(args) => scan::run(&args),
        Heavy::Serve(args) => serve::run(&args),
        Heavy::Export(args) => export::run(&args),
    }
}
