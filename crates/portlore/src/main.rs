//! The `portlore` command line: a thin shell over the portlore libraries.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// What is supposed to be on a port, what is actually on it here, and should you worry.
#[derive(Debug, Parser)]
#[command(name = "portlore", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List what is listening on this machine, who owns it, and what looks out of place.
    Local(cmd::local::Args),
    /// Show what is listening on one port here.
    Who(cmd::local::WhoArgs),
    /// TCP connect scan with service identification. Scan only what you may scan.
    Scan(cmd::scan::Args),
    /// Serve the port site and the JSON API.
    Serve(cmd::serve::Args),
    /// Write the whole site as static files.
    Export(cmd::export::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Local(args)) => cmd::local::run(args),
        Some(Command::Who(args)) => cmd::local::run_who(args),
        Some(Command::Scan(args)) => cmd::scan::run(args),
        Some(Command::Serve(args)) => cmd::serve::run(args),
        Some(Command::Export(args)) => cmd::export::run(args),
        None => Ok(ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("portlore: {err:#}");
            ExitCode::from(2)
        }
    }
}
