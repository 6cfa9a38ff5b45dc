//! The command line: every subcommand's flags, in one place, for both binaries.
//!
//! The conventions shared by every subcommand live here as small flattened structs, so
//! one flag means one thing everywhere: [`FormatArg`] (`--format text|json`, `--json`),
//! [`TableFormatArg`] (adds `csv`), [`RegistryArg`] (`--registry`, only on the
//! subcommands that read the registry) and [`ProgressArg`] (`--no-progress`). Nothing
//! here depends on the scanner or the web server, so the lean `portlore` binary parses the
//! whole command line itself and hands only the heavy subcommands on.

pub mod export;
pub mod local;
pub mod lookup;
pub mod scan;
pub mod search;
pub mod serve;
pub mod stats;
pub mod update;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::exit::status;

/// What is supposed to be on a port, what is actually on it here, and should you worry.
///
/// `portlore 3147` explains a port from the IANA registry and curated, cited notes, offline.
#[derive(Debug, Parser)]
#[command(
    name = "portlore",
    version,
    after_help = concat!(
        "Examples:\n  portlore 3147\n  portlore 3147/udp\n  portlore 3127-3130\n  portlore ssh\n  \
portlore search cern\n  portlore update --from service-names-port-numbers.xml\n\n",
        "Exit status: 0 found, 1 nothing matched, 2 bad input or an error."
    )
)]
pub struct Cli {
    /// Ports (3147, 3147/udp, 3127-3130) or IANA service names (ssh).
    #[arg(value_name = "QUERY", allow_negative_numbers = true)]
    pub queries: Vec<String>,
    /// Output format of the lookup.
    #[command(flatten)]
    pub format: FormatArg,
    /// The registry of the lookup.
    #[command(flatten)]
    pub registry: RegistryArg,
    /// The subcommand; none means a lookup of QUERY.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Explain ports or services (the default when no subcommand is given).
    #[command(alias = "port", after_help = status::LOOKUP)]
    Lookup(lookup::Args),
    /// Ranked, typo-tolerant search over services, organisations, threats and software.
    #[command(after_help = status::SEARCH)]
    Search(search::Args),
    /// Download (or import with --from FILE) the IANA registry and install it.
    #[command(after_help = status::UPDATE)]
    Update(update::Args),
    /// What the data in use covers, and which registry it is.
    #[command(after_help = status::STATS)]
    Stats(stats::Args),
    /// List what is listening on this machine, who owns it, and what looks out of place.
    Local(local::Args),
    /// Show what is listening on one port here.
    #[command(after_help = status::WHO)]
    Who(local::WhoArgs),
    /// TCP connect scan with service identification. Scan only what you may scan.
    Scan(scan::Args),
    /// Serve the port site and the JSON API.
    #[command(after_help = status::SERVE)]
    Serve(serve::Args),
    /// Write the whole site as static files.
    #[command(after_help = status::EXPORT)]
    Export(export::Args),
    /// Print a shell completion script.
    #[command(after_help = status::COMPLETIONS)]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): portlore(1), or portlore-SUBCOMMAND(1).
    #[command(after_help = status::MAN)]
    Man {
        /// The subcommand whose page to print (scan prints portlore-scan(1)).
        #[arg(value_name = "SUBCOMMAND")]
        subcommand: Option<String>,
        /// Print the name of every page (portlore, portlore-lookup, ...), one a line,
        /// instead of a page; packaging/assets.sh installs them from this list.
        #[arg(long, conflicts_with = "subcommand")]
        list: bool,
    },
}

impl Cli {
    /// Whether the command asks for JSON, so its errors are JSON too.
    pub fn wants_json(&self) -> bool {
        let format = match &self.command {
            None => self.format.get(),
            Some(Command::Lookup(a)) => a.format.get(),
            Some(Command::Search(a)) => a.format.get(),
            Some(Command::Update(a)) => a.format.get(),
            Some(Command::Stats(a)) => a.format.get(),
            Some(Command::Local(a)) => a.format.get(),
            Some(Command::Who(a)) => a.format.get(),
            Some(Command::Scan(a)) => a.format.get(),
            Some(Command::Serve(_) | Command::Export(_)) => Format::Text,
            Some(Command::Completions { .. } | Command::Man { .. }) => Format::Text,
        };
        format == Format::Json
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people: the page, the table.
    Text,
    /// For programs: a stable, versioned schema (docs/json-schema.md).
    Json,
    /// For spreadsheets: a header row, then one row per item.
    Csv,
}

/// The formats of a command whose output is not a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    /// For people.
    Text,
    /// For programs (a stable, versioned schema).
    Json,
}

/// The formats of a command whose output is a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// An aligned table for people.
    Text,
    /// For programs (a stable, versioned schema).
    Json,
    /// A header row, then one row per item; cells that a spreadsheet would run as a
    /// formula are prefixed with an apostrophe.
    Csv,
}

/// `--format text|json`, with `--json` as its short form.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct FormatArg {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<TextOrJson>,
    /// Short for --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl FormatArg {
    /// The chosen format (text unless told otherwise).
    pub fn get(&self) -> Format {
        match (self.json, self.format) {
            (true, _) | (false, Some(TextOrJson::Json)) => Format::Json,
            (false, Some(TextOrJson::Text) | None) => Format::Text,
        }
    }

    /// Whether the chosen format is JSON.
    pub fn json(&self) -> bool {
        self.get() == Format::Json
    }
}

/// `--format text|json|csv`, with `--json` and `--csv` as short forms.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct TableFormatArg {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<TableFormat>,
    /// Short for --format json.
    #[arg(long, conflicts_with_all = ["format", "csv"])]
    pub json: bool,
    /// Short for --format csv.
    #[arg(long, conflicts_with = "format")]
    pub csv: bool,
}

impl TableFormatArg {
    /// The chosen format (text unless told otherwise).
    pub fn get(&self) -> Format {
        match (self.json, self.csv, self.format) {
            (true, _, _) | (false, false, Some(TableFormat::Json)) => Format::Json,
            (false, true, _) | (false, false, Some(TableFormat::Csv)) => Format::Csv,
            (false, false, Some(TableFormat::Text) | None) => Format::Text,
        }
    }
}

/// `--registry PATH`, on the subcommands that read the registry.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RegistryArg {
    /// Use this registry (a compiled store, or an IANA XML or CSV file) instead of the
    /// installed one.
    #[arg(
        long,
        value_name = "PATH",
        env = "PORTLORE_REGISTRY",
        hide_env_values = true
    )]
    pub registry: Option<PathBuf>,
}

/// `--no-progress`, on the subcommands that draw a progress bar.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct ProgressArg {
    /// Never draw a progress bar (none is drawn when stderr is not a terminal either).
    #[arg(long)]
    pub no_progress: bool,
}
