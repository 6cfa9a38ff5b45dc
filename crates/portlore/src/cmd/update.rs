//! `portlore update`: download or import the IANA registry, check it, install it atomically.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, bail};
use portlore_iana::{MAX_INPUT_BYTES, Registry, Status, Transport};
use portlore_kb::{Assignment, Knowledge};
use serde::Serialize;

use crate::exit;
use crate::output;

/// IANA's published registry.
pub const DEFAULT_URL: &str =
    "https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml";

/// Arguments of `portlore update`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to read the registry: an https URL, a local XML or CSV file, or `-` for stdin.
    #[arg(long, value_name = "FILE|URL", default_value = DEFAULT_URL)]
    pub from: String,
    /// Install even when the new registry has under 90% of the installed record count.
    #[arg(long)]
    pub force: bool,
    /// Print the change report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    schema: &'static str,
    installed: String,
    updated: Option<String>,
    records: usize,
    new_assignments: Vec<String>,
    changed: Vec<String>,
    deassigned: Vec<String>,
}

/// Runs the update.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let target =
        crate::registry::installed_store().context("no data directory; set PORTLORE_DATA_DIR")?;
    let bytes = fetch(&args.from)?;
    let registry = portlore_iana::parse_any(&bytes[..]).with_context(|| {
        format!(
            "{} is not a usable IANA registry; nothing was installed",
            args.from
        )
    })?;
    let old = target
        .is_file()
        .then(|| Knowledge::open(&target))
        .transpose();
    let old = match old {
        Ok(old) => old,
        Err(e) => {
            eprintln!("portlore: the installed store is unreadable and will be replaced: {e:#}");
            None
        }
    };
    check(&registry, old.as_ref(), args.force)?;
    let store = portlore_kb::compile(&registry).context("the registry cannot be compiled")?;
    let new =
        Knowledge::from_store_bytes(store.clone()).context("the compiled store does not open")?;
    let report = diff(old.as_ref(), &new, &registry, &target)?;
    install(&target, &store)?;
    let printed = if args.json {
        output::print_json(&report)
    } else {
        output::print(&summary(&report))
    };
    exit::printed(printed)
}

fn fetch(from: &str) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if from == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("reading the registry from stdin")?;
    } else if from.starts_with("https://") {
        let client = reqwest::blocking::Client::builder()
            .https_only(true)
            .connect_timeout(Duration::from_secs(20))
            .timeout(Duration::from_secs(120))
            .user_agent(concat!("portlore/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let response = client
            .get(from)
            .send()
            .and_then(reqwest::blocking::Response::error_for_status)
            .with_context(|| format!("downloading {from}"))?;
        response
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("downloading {from}"))?;
    } else if from.contains("://") {
        bail!(
            "only https:// URLs are fetched (got {from:?}); download the file and use --from FILE"
        );
    } else {
        std::fs::File::open(from)
            .with_context(|| format!("cannot open {from}"))?
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("reading {from}"))?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        bail!(
            "{from} is larger than {} MiB; refusing it (nothing was installed)",
            MAX_INPUT_BYTES >> 20
        );
    }
    Ok(bytes)
}

fn check(registry: &Registry, old: Option<&Knowledge>, force: bool) -> anyhow::Result<()> {
    let has_http = registry.records.iter().any(|r| {
        r.name.as_deref() == Some("http")
            && r.transport == Some(Transport::Tcp)
            && r.ports.is_some_and(|p| p.contains(80))
    });
    if !has_http {
        bail!(
            "the new registry lacks 80/tcp http, so it is not the full registry; nothing was installed"
        );
    }
    if let Some(meta) = old.and_then(Knowledge::registry_meta) {
        let floor = (u64::from(meta.records) * 9).div_ceil(10);
        if (registry.records.len() as u64) < floor && !force {
            bail!(
                "the new registry has {} records, under 90% of the {} installed; use --force to install it anyway",
                registry.records.len(),
                meta.records
            );
        }
    }
    Ok(())
}

type Key = (String, Option<Transport>, Option<portlore_iana::PortRange>);

fn key(a: &Assignment) -> Option<Key> {
    (a.status == Status::Assigned)
        .then(|| (a.service.clone().unwrap_or_default(), a.transport, a.ports))
}

fn label(k: &Key) -> String {
    let ports = k.2.map(|p| p.to_string()).unwrap_or_else(|| "-".into());
    let t = k.1.map_or("any".to_string(), |t| t.to_string());
    format!("{ports}/{t} {}", k.0)
}

fn diff(
    old: Option<&Knowledge>,
    new: &Knowledge,
    registry: &Registry,
    target: &Path,
) -> anyhow::Result<Report> {
    use std::collections::BTreeMap;
    let index = |kb: &Knowledge| -> anyhow::Result<BTreeMap<Key, Assignment>> {
        Ok(kb
            .all_assignments()?
            .into_iter()
            .filter_map(|a| Some((key(&a)?, a)))
            .collect())
    };
    let after = index(new)?;
    let before = match old {
        Some(kb) => index(kb)?,
        None => BTreeMap::new(),
    };
    let mut report = Report {
        schema: "portlore.update/1",
        installed: target.display().to_string(),
        updated: registry.updated.clone(),
        records: registry.records.len(),
        new_assignments: Vec::new(),
        changed: Vec::new(),
        deassigned: Vec::new(),
    };
    if old.is_none() {
        return Ok(report);
    }
    for (k, a) in &after {
        match before.get(k) {
            None => report.new_assignments.push(label(k)),
            Some(b) if b != a => report.changed.push(label(k)),
            Some(_) => {}
        }
    }
    report.deassigned = before
        .keys()
        .filter(|k| !after.contains_key(*k))
        .map(label)
        .collect();
    Ok(report)
}

fn summary(r: &Report) -> String {
    let mut out = format!(
        "Installed the IANA registry (updated {}, {} records) at {}\n",
        r.updated.as_deref().unwrap_or("unknown"),
        r.records,
        r.installed
    );
    for (title, list) in [
        ("New assignments", &r.new_assignments),
        ("Changed", &r.changed),
        ("De-assigned", &r.deassigned),
    ] {
        let _ = writeln!(out, "{title}: {}", list.len());
        for item in list.iter().take(25) {
            let _ = writeln!(out, "  {item}");
        }
        if list.len() > 25 {
            let _ = writeln!(out, "  … and {} more (see --json)", list.len() - 25);
        }
    }
    out
}

/// Temp file in the same directory, fsync, rename over the old one, fsync the directory:
/// a crash leaves either the old store or the new one, never a mix.
fn install(target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = target.parent().context("the store path has no directory")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("writing in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target)
        .map_err(|e| e.error)
        .with_context(|| format!("installing {}", target.display()))?;
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}
