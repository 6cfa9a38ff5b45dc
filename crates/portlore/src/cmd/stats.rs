//! `portlore stats`: what the installed data covers.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

pub use crate::cli::stats::Args;
use crate::exit;
use crate::output;

#[derive(Serialize)]
struct Snapshot {
    updated: &'static str,
    records: u32,
}

#[derive(Serialize)]
struct Stats {
    schema: &'static str,
    registry: Option<portlore_kb::RegistryMeta>,
    /// Which registry is in use: where it came from (`kind`: flag, env, installed,
    /// system, embedded) and its date.
    registry_in_use: Option<&'static crate::registry::InUse>,
    /// The snapshot built into this binary, the last fallback.
    built_in_snapshot: Snapshot,
    curated: portlore_kb::curated::Counts,
}

/// Runs `stats`.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let kb = crate::registry::load()?;
    let stats = Stats {
        schema: "portlore.stats/1",
        registry: kb.registry_meta(),
        registry_in_use: crate::registry::in_use(),
        built_in_snapshot: Snapshot {
            updated: crate::registry::embedded_updated(),
            records: crate::registry::embedded_records(),
        },
        curated: portlore_kb::curated::get().counts(),
    };
    if args.format.json() {
        return exit::printed(output::print_json(&stats));
    }
    let mut text = String::new();
    match stats.registry_in_use {
        Some(in_use) => {
            let _ = writeln!(text, "{}", in_use.line());
        }
        None => {
            let _ = writeln!(text, "{}", crate::registry::INSTALL_HINT);
        }
    }
    let c = &stats.curated;
    let _ = writeln!(text, "Port notes:      {}", c.port_notes);
    let _ = writeln!(text, "Threat families: {}", c.threat_families);
    let _ = writeln!(text, "Exposure risks:  {}", c.exposure_entries);
    let _ = writeln!(text, "Unofficial uses: {}", c.unofficial_uses);
    let _ = writeln!(text, "Range facts:     {}", c.range_facts);
    exit::printed(output::print(&text))
}
