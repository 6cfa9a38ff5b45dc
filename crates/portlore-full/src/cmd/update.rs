//! `portlore update`: download or import the IANA registry, check it, install it atomically,
//! and say what happened in words a first-time user understands.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use anyhow::Context as _;
use portlore::exit::{Code, Failure};
use portlore_iana::{MAX_INPUT_BYTES, Registry, Status, Transport};
use portlore_kb::{Assignment, Knowledge};
use serde::Serialize;

use crate::exit;
use crate::output;

pub use portlore::cli::update::Args;

/// The prefix of the temporary file a store is written to before it is renamed into
/// place; the process id follows it, so a later run can tell a dead run's leftover (kill
/// -9, power loss) from a live one's and remove it.
const PARTIAL_PREFIX: &str = ".registry.store.partial-";

/// What `update` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Outcome {
    /// No store was installed before.
    FirstInstall,
    /// The installed store was replaced by a different one.
    Updated,
    /// An unreadable store was replaced (`--force`).
    Repaired,
    /// The new registry compiles to the installed store, byte for byte.
    AlreadyUpToDate,
}

#[derive(Debug, Serialize)]
struct Report {
    schema: &'static str,
    outcome: Outcome,
    installed: String,
    updated: Option<String>,
    records: usize,
    new_assignments: Vec<String>,
    changed: Vec<String>,
    deassigned: Vec<String>,
}

/// A readable installed store.
struct Installed {
    kb: Knowledge,
    bytes: Vec<u8>,
    assignments: Vec<Assignment>,
}

/// The store installed before this run.
enum Before {
    /// None installed.
    Nothing,
    /// Installed, readable, with its assignments.
    Readable(Box<Installed>),
    /// Installed but unreadable (damaged, truncated, another format).
    Unreadable(anyhow::Error),
}

/// Runs the update.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let target =
        crate::registry::installed_store().context("no data directory; set PORTLORE_DATA_DIR")?;
    if let Some(dir) = target.parent() {
        remove_dead_partials(dir);
    }
    let bytes = fetch(&args.from)?;
    let registry = parse(&args.from, &bytes)?;
    let before = before(&target);
    check(&registry, &before, args.force)?;
    let store = portlore_kb::compile(&registry).context("the registry cannot be compiled")?;
    let new =
        Knowledge::from_store_bytes(store.clone()).context("the compiled store does not open")?;
    let report = match &before {
        Before::Readable(old) if old.bytes == store => {
            report(Outcome::AlreadyUpToDate, &registry, &target)
        }
        Before::Readable(old) => {
            let mut r = report(Outcome::Updated, &registry, &target);
            diff(&old.assignments, &new, &mut r)?;
            install(&target, &store)?;
            r
        }
        Before::Nothing => {
            install(&target, &store)?;
            report(Outcome::FirstInstall, &registry, &target)
        }
        Before::Unreadable(_) => {
            install(&target, &store)?;
            report(Outcome::Repaired, &registry, &target)
        }
    };
    if let Some(date) = registry.updated.as_deref()
        && date < crate::registry::embedded_updated()
    {
        eprintln!(
            "portlore: note: this registry (updated {date}) is older than the built-in snapshot ({}), which lookups keep using",
            crate::registry::embedded_updated()
        );
    }
    let printed = if args.format.json() {
        output::print_json(&report)
    } else {
        output::print(&summary(&report))
    };
    exit::printed(printed)
}

fn report(outcome: Outcome, registry: &Registry, target: &Path) -> Report {
    Report {
        schema: "portlore.update/1",
        outcome,
        installed: target.display().to_string(),
        updated: registry.updated.clone(),
        records: registry.records.len(),
        new_assignments: Vec::new(),
        changed: Vec::new(),
        deassigned: Vec::new(),
    }
}

/// What is installed now. Reading every assignment up front means a store with one
/// damaged record counts as unreadable here, rather than failing halfway through the diff.
fn before(target: &Path) -> Before {
    if !target.is_file() {
        return Before::Nothing;
    }
    let read = || -> anyhow::Result<Before> {
        let bytes =
            std::fs::read(target).with_context(|| format!("reading {}", target.display()))?;
        let kb = Knowledge::open(target)?;
        let assignments = kb.all_assignments()?;
        Ok(Before::Readable(Box::new(Installed {
            kb,
            bytes,
            assignments,
        })))
    };
    read().unwrap_or_else(Before::Unreadable)
}

/// Why a download failed, and what to do offline.
fn offline_hint(from: &str) -> String {
    format!(
        "cannot download {from}; without network access, download the file on another \
         machine and run `portlore update --from FILE` (an IANA XML or CSV file); lookups \
         meanwhile use the built-in snapshot (updated {})",
        crate::registry::embedded_updated()
    )
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
        let network = |e: reqwest::Error| {
            anyhow::Error::new(e).context(Failure::new(Code::Network, offline_hint(from)))
        };
        let response = client
            .get(from)
            .send()
            .and_then(reqwest::blocking::Response::error_for_status)
            .map_err(network)?;
        response
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                anyhow::Error::new(e).context(Failure::new(Code::Network, offline_hint(from)))
            })?;
    } else if from.contains("://") {
        return Err(Failure::new(
            Code::BadInput,
            format!(
                "only https:// URLs are fetched (got {from:?}); download the file and use --from FILE"
            ),
        )
        .into());
    } else {
        std::fs::File::open(from)
            .with_context(|| format!("cannot open {from}"))?
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("reading {from}"))?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Failure::new(
            Code::BadInput,
            format!(
                "{from} is larger than {} MiB; refusing it (nothing was installed)",
                MAX_INPUT_BYTES >> 20
            ),
        )
        .into());
    }
    Ok(bytes)
}

/// The registry in `bytes`, or "not an IANA registry file" with the reason.
fn parse(from: &str, bytes: &[u8]) -> anyhow::Result<Registry> {
    let refused = |why: String| -> anyhow::Error {
        Failure::new(
            Code::NotARegistry,
            format!("{from} is not an IANA registry file ({why}); nothing was installed"),
        )
        .into()
    };
    // IANA's files have no byte-order mark; one means the file went through an editor,
    // and it would otherwise make the XML look like CSV.
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(refused(
            "it starts with a UTF-8 byte-order mark, which IANA's files do not have; save it without one".into(),
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refused("it is empty".into()));
    }
    portlore_iana::parse_any(bytes).map_err(|e| refused(e.to_string()))
}

fn check(registry: &Registry, before: &Before, force: bool) -> anyhow::Result<()> {
    let has_http = registry.records.iter().any(|r| {
        r.name.as_deref() == Some("http")
            && r.transport == Some(Transport::Tcp)
            && r.ports.is_some_and(|p| p.contains(80))
    });
    if !has_http {
        return Err(Failure::new(
            Code::NotARegistry,
            "the new registry lacks 80/tcp http, so it is not the full registry; nothing was installed",
        )
        .into());
    }
    // The floor compares with the registry lookups use now: the installed one, or the
    // built-in snapshot when none is installed. A store that cannot be read gives no
    // count to compare with, so replacing it is the user's call (--force).
    let (reference, what) = match before {
        Before::Readable(old) => (
            old.kb.registry_meta().map_or(0, |m| m.records),
            "installed".to_string(),
        ),
        Before::Nothing => (
            crate::registry::embedded_records(),
            "built-in snapshot's".to_string(),
        ),
        Before::Unreadable(e) if !force => {
            return Err(Failure::new(
                Code::StoreUnreadable,
                format!(
                    "the installed store cannot be read ({e:#}); nothing was installed. \
                     `portlore update --force` replaces it (add --from FILE offline)"
                ),
            )
            .into());
        }
        Before::Unreadable(_) => return Ok(()),
    };
    let floor = (u64::from(reference) * 9).div_ceil(10);
    if (registry.records.len() as u64) < floor && !force {
        return Err(Failure::new(
            Code::BadInput,
            format!(
                "the new registry has {} records, under 90% of the {} {what}; use --force to install it anyway",
                thousands(registry.records.len()),
                thousands(reference as usize),
            ),
        )
        .into());
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

fn diff(before: &[Assignment], new: &Knowledge, report: &mut Report) -> anyhow::Result<()> {
    use std::collections::BTreeMap;
    let index = |all: Vec<Assignment>| -> BTreeMap<Key, Assignment> {
        all.into_iter()
            .filter_map(|a| Some((key(&a)?, a)))
            .collect()
    };
    let after = index(new.all_assignments()?);
    let before = index(before.to_vec());
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
    Ok(())
}

/// 14533 as "14,533".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn summary(r: &Report) -> String {
    let updated = r.updated.as_deref().unwrap_or("date unknown");
    let records = thousands(r.records);
    match r.outcome {
        Outcome::AlreadyUpToDate => {
            return format!(
                "already up to date: the IANA registry updated {updated}, {records} records, at {}\n",
                r.installed
            );
        }
        Outcome::FirstInstall => {
            return format!(
                "first install: {records} records (IANA registry updated {updated}) at {}\n",
                r.installed
            );
        }
        Outcome::Repaired => {
            return format!(
                "replaced the unreadable store: {records} records (IANA registry updated {updated}) at {}\n",
                r.installed
            );
        }
        Outcome::Updated => {}
    }
    let mut out = format!(
        "Installed the IANA registry (updated {updated}, {records} records) at {}\n",
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

/// Removes the temporary files of runs that died before renaming theirs into place.
fn remove_dead_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(PARTIAL_PREFIX)) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| !alive(p, &entry.path())) || pid.is_none() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the run that owns a partial file may still be writing it: its process exists
/// (where /proc tells), else the file is younger than an hour.
fn alive(pid: u32, file: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    let age = std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok());
    age.is_none_or(|a| a < Duration::from_secs(3600))
}

/// Temp file in the same directory (named [`PARTIAL_PREFIX`] + pid), fsync, rename over
/// the old one, fsync the directory: a crash leaves either the old store or the new one,
/// never a mix, and at most a partial file the next run removes.
fn install(target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = target.parent().context("the store path has no directory")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{PARTIAL_PREFIX}{}-", std::process::id()))
        .tempfile_in(dir)
        .with_context(|| format!("writing in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target)
        .map_err(|e| e.error)
        .with_context(|| format!("installing {}", target.display()))?;
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// The partial-file name of a process, for tests.
#[cfg(test)]
fn partial_name(pid: u32) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("{PARTIAL_PREFIX}{pid}-test"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(14533), "14,533");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn dead_partials_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dir.path().join(partial_name(u32::MAX - 1));
        let mine = dir.path().join(partial_name(std::process::id()));
        let other = dir.path().join("registry.store");
        for f in [&dead, &mine, &other] {
            std::fs::write(f, b"x").unwrap();
        }
        remove_dead_partials(dir.path());
        assert!(!dead.exists());
        assert!(mine.exists());
        assert!(other.exists());
    }

    #[test]
    fn a_byte_order_mark_is_not_a_registry() {
        let err = parse("x.xml", b"\xEF\xBB\xBF<?xml version='1.0'?><registry/>").unwrap_err();
        assert!(
            err.to_string().contains("not an IANA registry file"),
            "{err}"
        );
        let err = parse("x.csv", b"a,b\n1,2\n").unwrap_err();
        assert!(
            err.to_string().contains("not an IANA registry file"),
            "{err}"
        );
        assert_eq!(portlore::exit::classify(&err), Code::NotARegistry);
    }
}
