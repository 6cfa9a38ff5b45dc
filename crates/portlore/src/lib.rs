//! The `portlore` command line: a thin shell over the portlore libraries, built as two
//! binaries from the same clap definitions.
//!
//! - `portlore` runs lookups, search, `stats`, `local`, `who`, completions and the man
//!   page itself, and hands `scan`, `serve`, `export` and `update` to `portlore-full`
//!   beside it (replacing its own process on Unix, so the PID, signals, stdin and exit
//!   status are the helper's). Nothing in it calls the scanner, the web server, SQLite or
//!   the TLS stack, so the linker leaves them out. That keeps start-up, and with it a
//!   cold lookup, close to `getent` (bench/README.md).
//! - `portlore-full` runs every subcommand in-process.

#![deny(missing_docs)]

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
    /// Ports (3147, 3147/udp, 22,80, 0.0.0.0:22, 3127-3130) or names (ssh, postgres).
    #[arg(value_name = "QUERY", allow_negative_numbers = true)]
    queries: Vec<String>,
    /// Print JSON (schema `portlore.lookup/2`, see docs/json-schema.md).
    #[arg(long)]
    json: bool,
    /// Print whole pages for a range, and long registry notes in full.
    #[arg(long)]
    full: bool,
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

/// The file name of the binary that runs every subcommand.
const FULL: &str = "portlore-full";

/// `portlore`: runs what needs only the knowledge and this machine, and hands the rest
/// to `portlore-full`.
pub fn front() -> ExitCode {
    finish(run(&Cli::parse(), |_| hand_off()))
}

/// `portlore-full`: runs every subcommand in this process.
pub fn full() -> ExitCode {
    finish(run(&Cli::parse(), run_heavy))
}

fn finish(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("portlore: {err:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}

/// The subcommands that need the scanner, the web server, SQLite or TLS.
enum Heavy<'a> {
    Update(&'a cmd::update::Args),
    Scan(&'a cmd::scan::Args),
    Serve(&'a cmd::serve::Args),
    Export(&'a cmd::export::Args),
}

/// Runs a heavy subcommand in this process.
fn run_heavy(command: Heavy<'_>) -> anyhow::Result<ExitCode> {
    match command {
        Heavy::Update(args) => cmd::update::run(args),
        Heavy::Scan(args) => cmd::scan::run(args),
        Heavy::Serve(args) => cmd::serve::run(args),
        Heavy::Export(args) => cmd::export::run(args),
    }
}

/// Runs `portlore-full` from this binary's directory with this process's arguments.
fn hand_off() -> anyhow::Result<ExitCode> {
    let exe = std::env::current_exe()?;
    let full = exe.with_file_name(format!("{FULL}{}", std::env::consts::EXE_SUFFIX));
    let mut command = std::process::Command::new(&full);
    command.args(std::env::args_os().skip(1));
    let failed = |e: std::io::Error| {
        anyhow::anyhow!(
            "this subcommand runs in {}, which cannot be started ({e}); \
             install both binaries together (`cargo install --path crates/portlore`), \
             or build both with `cargo build`",
            full.display()
        )
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        // Keep the name the user typed, so usage lines and errors say `portlore`.
        if let Some(name) = std::env::args_os().next() {
            command.arg0(name);
        }
        Err(failed(command.exec()))
    }
    #[cfg(not(unix))]
    {
        let status = command.status().map_err(failed)?;
        Ok(ExitCode::from(
            status.code().map_or(exit::ERROR, |c| c.clamp(0, 255) as u8),
        ))
    }
}

/// Runs a command line; `heavy` runs `update`, `scan`, `serve` and `export`. It is a
/// generic parameter, not a flag, so that `portlore`'s copy of this function does not
/// reference those subcommands at all and the linker drops them.
fn run(
    cli: &Cli,
    heavy: impl FnOnce(Heavy<'_>) -> anyhow::Result<ExitCode>,
) -> anyhow::Result<ExitCode> {
    registry::choose(cli.registry.clone());
    match &cli.command {
        None if cli.queries.is_empty() => {
            Cli::command().print_help()?;
            Ok(ExitCode::from(exit::BAD_INPUT))
        }
        None => cmd::lookup::run(&cmd::lookup::Args {
            queries: cli.queries.clone(),
            json: cli.json,
            full: cli.full,
        }),
        Some(Command::Lookup(args)) => cmd::lookup::run(args),
        Some(Command::Search(args)) => cmd::search::run(args),
        Some(Command::Stats(args)) => cmd::stats::run(args),
        Some(Command::Local(args)) => cmd::local::run(args),
        Some(Command::Who(args)) => cmd::local::run_who(args),
        Some(Command::Update(args)) => heavy(Heavy::Update(args)),
        Some(Command::Scan(args)) => heavy(Heavy::Scan(args)),
        Some(Command::Serve(args)) => heavy(Heavy::Serve(args)),
        Some(Command::Export(args)) => heavy(Heavy::Export(args)),
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
