//! The `portlore` command line, shared by its two binaries, which are two crates:
//!
//! - `portlore` (this crate's binary) runs lookups, search, `stats`, `local`, `who`,
//!   completions and the man pages itself, and hands `scan`, `serve`, `export` and
//!   `update` to `portlore-full` beside it (replacing its own process on Unix, so the PID,
//!   signals, stdin and exit status are the helper's). This crate does not depend on the
//!   scanner, the web server, SQLite or the TLS stack, so the compiler, not a convention,
//!   keeps them out of it; that keeps a cold lookup close to `getent` (bench/README.md).
//! - `portlore-full` (crates/portlore-full) depends on this library and on everything
//!   else, and runs every subcommand in-process. `cargo run` runs it.
//!
//! Both parse the same [`cli::Cli`], rewrite the same argv ([`argv`]), and report errors
//! through the same path ([`exit`]).

#![deny(missing_docs)]

pub mod argv;
pub mod cli;
mod cmd;
pub mod exit;
pub mod handoff;
pub mod man;
pub mod output;
mod page;
pub mod registry;

pub use page::wrap;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use cli::{Cli, Command};

/// The subcommands that need the scanner, the web server, SQLite or TLS.
#[derive(Debug)]
pub enum Heavy {
    /// `portlore update`.
    Update(cli::update::Args),
    /// `portlore scan`.
    Scan(cli::scan::Args),
    /// `portlore serve`.
    Serve(cli::serve::Args),
    /// `portlore export`.
    Export(cli::export::Args),
}

/// Runs the process's command line; `heavy` runs `update`, `scan`, `serve` and
/// `export`. It is a parameter, not a flag, so that `portlore`'s copy of this function
/// cannot reach those subcommands at all.
pub fn main_with(heavy: impl FnOnce(Heavy) -> anyhow::Result<ExitCode>) -> ExitCode {
    let argv = match argv::rewrite(std::env::args_os()) {
        Ok(argv) => argv,
        Err(message) => return exit::bad_input(&message),
    };
    exit::set_json_errors(argv::wants_json(&argv));
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(err) => return exit::usage(&err),
    };
    exit::set_json_errors(cli.wants_json());
    exit::finish(run(cli, heavy))
}

fn run(
    cli: Cli,
    heavy: impl FnOnce(Heavy) -> anyhow::Result<ExitCode>,
) -> anyhow::Result<ExitCode> {
    let Some(command) = cli.command else {
        if cli.queries.is_empty() {
            Cli::command().print_help()?;
            return Ok(ExitCode::from(exit::BAD_INPUT));
        }
        registry::choose(cli.registry.registry.clone());
        return cmd::lookup::run(&cli::lookup::Args {
            queries: cli.queries,
            format: cli.format,
            full: cli.full,
            registry: cli.registry,
        });
    };
    // A subcommand's own --registry wins; `portlore --registry X lookup 80` still works.
    let chosen = |own: &cli::RegistryArg| own.registry.clone().or(cli.registry.registry.clone());
    if let Some(message) = registry_misplaced(&cli.registry, &command) {
        return Ok(exit::bad_input(&message));
    }
    match command {
        Command::Lookup(args) => {
            registry::choose(chosen(&args.registry));
            cmd::lookup::run(&args)
        }
        Command::Search(args) => {
            registry::choose(chosen(&args.registry));
            cmd::search::run(&args)
        }
        Command::Stats(args) => {
            registry::choose(chosen(&args.registry));
            cmd::stats::run(&args)
        }
        Command::Local(args) => {
            registry::choose(chosen(&args.registry));
            cmd::local::run(&args)
        }
        Command::Who(args) => {
            registry::choose(chosen(&args.registry));
            cmd::local::run_who(&args)
        }
        Command::Update(args) => heavy(Heavy::Update(args)),
        Command::Scan(args) => {
            registry::choose(chosen(&args.registry));
            heavy(Heavy::Scan(args))
        }
        Command::Serve(args) => {
            registry::choose(chosen(&args.registry));
            heavy(Heavy::Serve(args))
        }
        Command::Export(args) => {
            registry::choose(chosen(&args.registry));
            heavy(Heavy::Export(args))
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "portlore",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { list: true, .. } => man::list(),
        Command::Man { subcommand, .. } => man::run(subcommand.as_deref()),
    }
}

/// Why a top-level `--registry` cannot go with this subcommand, if it cannot. clap offers
/// `--registry` on the bare lookup, so `portlore --registry X update` would parse; rather
/// than ignore the flag, say where it applies. `PORTLORE_REGISTRY` in the environment is
/// not a flag the user typed here, so it never trips this.
fn registry_misplaced(top: &cli::RegistryArg, command: &Command) -> Option<String> {
    let path = top.registry.as_deref()?;
    let from_env =
        std::env::var_os("PORTLORE_REGISTRY").is_some_and(|e| std::path::Path::new(&e) == path);
    if from_env {
        return None;
    }
    let (name, instead) = match command {
        Command::Update(_) => ("update", " (it installs a registry: use --from FILE)"),
        Command::Completions { .. } => ("completions", ""),
        Command::Man { .. } => ("man", ""),
        _ => return None,
    };
    Some(format!(
        "--registry does not apply to `portlore {name}`{instead}; it applies to lookups, search, stats, local, who, scan, serve and export"
    ))
}
