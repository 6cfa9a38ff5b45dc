//! The `portlore` command line: a thin shell over the portlore libraries.

mod cmd;
mod exit;
mod output;
mod page;
mod registry;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// What is supposed to be on a port, what is actually on it here, and should you worry.
///
/// `portlore 3147` explains a port from the IANA registry and curated, cited notes, offline.
/// Exit status: 0 found, 1 nothing matched, 2 bad input or an error.
#[derive(Debug, Parser)]
#[command(
    name = "portlore",
    version,
    after_help = "Examples:\n  portlore 3147\n  portlore 3147/udp\n  portlore 3127-3130\n  portlore ssh\n  portlore search cern\n  portlore update --from service-names-port-numbers.xml"
)]
struct Cli {
    /// Ports (3147, 3147/udp, 3127-3130) or IANA service names (ssh).
    #[arg(value_name = "QUERY", allow_negative_numbers = true)]
    queries: Vec<String>,
    /// Print JSON (schema `portlore.lookup/1`, see docs/json-schema.md).
    #[arg(long)]
    json: bool,
    /// Use this registry (compiled store, IANA XML or CSV) instead of the installed one.
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "PORTLORE_REGISTRY",
        hide_env_values = true
    )]
    registry: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Explain ports or services (the default when no subcommand is given).
    #[command(alias = "port")]
    Lookup(cmd::lookup::Args),
    /// Ranked, typo-tolerant search over services, organisations, threats and software.
    Search(cmd::search::Args),
    /// Download (or import with --from FILE) the IANA registry and install it.
    Update(cmd::update::Args),
    /// What the installed data covers.
    Stats(cmd::stats::Args),
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
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("portlore: {err:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    registry::choose(cli.registry.clone());
    match &cli.command {
        None if cli.queries.is_empty() => {
            Cli::command().print_help()?;
            Ok(ExitCode::from(exit::BAD_INPUT))
        }
        None => cmd::lookup::run(&cmd::lookup::Args {
            queries: cli.queries.clone(),
            json: cli.json,
        }),
        Some(Command::Lookup(args)) => cmd::lookup::run(args),
        Some(Command::Search(args)) => cmd::search::run(args),
        Some(Command::Update(args)) => cmd::update::run(args),
        Some(Command::Stats(args)) => cmd::stats::run(args),
        Some(Command::Local(args)) => cmd::local::run(args),
        Some(Command::Who(args)) => cmd::local::run_who(args),
        Some(Command::Scan(args)) => cmd::scan::run(args),
        Some(Command::Serve(args)) => cmd::serve::run(args),
        Some(Command::Export(args)) => cmd::export::run(args),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                *shell,
                &mut Cli::command(),
                "portlore",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
