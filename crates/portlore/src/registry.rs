//! Where the registry comes from, and which one a command uses.
//!
//! Order, first match wins: `--registry PATH`, then `PORTLORE_REGISTRY`, then the store
//! installed in the user's data directory (`$PORTLORE_DATA_DIR`, else XDG, e.g.
//! `~/.local/share/portlore`), then the system store `/usr/share/portlore`, then the
//! snapshot built into the binary (data/iana/). The first two accept a compiled store or an
//! IANA XML or CSV file. An installed or system store older than the built-in snapshot is
//! passed over with a one-line note, since the snapshot knows more.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Context as _;
use portlore_kb::Knowledge;
use serde::Serialize;

/// File name of the installed store.
pub const STORE_FILE: &str = "registry.store";
/// Where a distribution may ship a store.
pub const SYSTEM_DIR: &str = "/usr/share/portlore";

/// Which of the places a registry was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// `--registry PATH`.
    Flag {
        /// The file.
        path: PathBuf,
    },
    /// `PORTLORE_REGISTRY`.
    Env {
        /// The file.
        path: PathBuf,
    },
    /// Installed by `portlore update` in the user's data directory.
    Installed {
        /// The file.
        path: PathBuf,
    },
    /// Shipped by the system in /usr/share/portlore.
    System {
        /// The file.
        path: PathBuf,
    },
    /// The snapshot built into this binary.
    Embedded,
}

impl Origin {
    /// The file, for the origins that are files.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::Flag { path }
            | Origin::Env { path }
            | Origin::Installed { path }
            | Origin::System { path } => Some(path),
            Origin::Embedded => None,
        }
    }

    /// Whether a newer built-in snapshot wins over this one: only for the stores found
    /// by looking, never for one the user named.
    fn yields_to_newer_snapshot(&self) -> bool {
        match self {
            Origin::Installed { .. } | Origin::System { .. } => true,
            Origin::Flag { .. } | Origin::Env { .. } | Origin::Embedded => false,
        }
    }

    /// A short phrase for people: "built-in snapshot", "installed (PATH)", ….
    pub fn describe(&self) -> String {
        match self {
            Origin::Flag { path } => format!("--registry {}", path.display()),
            Origin::Env { path } => format!("PORTLORE_REGISTRY {}", path.display()),
            Origin::Installed { path } => format!("installed, {}", path.display()),
            Origin::System { path } => format!("system, {}", path.display()),
            Origin::Embedded => "built-in snapshot".to_string(),
        }
    }
}

/// The registry a command uses: where it came from and its date.
#[derive(Debug, Clone, Serialize)]
pub struct InUse {
    /// Where it was read from.
    pub origin: Origin,
    /// The registry's own "updated" date.
    pub updated: Option<String>,
    /// Number of records.
    pub records: u32,
}

impl InUse {
    /// One line for a page footer or `stats`: "IANA registry updated 2026-08-17 (built-in
    /// snapshot)".
    pub fn line(&self) -> String {
        format!(
            "IANA registry updated {}, {} records ({})",
            self.updated.as_deref().unwrap_or("(date unknown)"),
            self.records,
            self.origin.describe()
        )
    }
}

/// The user's data directory for portlore.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PORTLORE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "portlore").map(|d| d.data_dir().to_path_buf())
}

/// The installed store in the user's data directory.
pub fn installed_store() -> Option<PathBuf> {
    data_dir().map(|d| d.join(STORE_FILE))
}

/// The built-in snapshot's date.
pub fn embedded_updated() -> &'static str {
    portlore_snapshot::UPDATED
}

/// The built-in snapshot's record count.
pub fn embedded_records() -> u32 {
    portlore_snapshot::RECORDS
}

/// Opens the built-in snapshot.
pub fn embedded() -> anyhow::Result<Knowledge> {
    Knowledge::from_static_store(portlore_snapshot::STORE)
        .context("the built-in registry snapshot does not open")
}

/// The file-based candidates, in order, that exist: explicit first.
fn candidates(explicit: Option<&Path>) -> Vec<Origin> {
    if let Some(path) = explicit {
        let from_env = std::env::var_os("PORTLORE_REGISTRY").is_some_and(|e| Path::new(&e) == path);
        let path = path.to_path_buf();
        return vec![if from_env {
            Origin::Env { path }
        } else {
            Origin::Flag { path }
        }];
    }
    if let Some(path) = std::env::var_os("PORTLORE_REGISTRY").filter(|p| !p.is_empty()) {
        return vec![Origin::Env {
            path: PathBuf::from(path),
        }];
    }
    let mut found = Vec::new();
    if let Some(path) = installed_store().filter(|p| p.is_file()) {
        found.push(Origin::Installed { path });
    }
    let system = Path::new(SYSTEM_DIR).join(STORE_FILE);
    if system.is_file() {
        found.push(Origin::System { path: system });
    }
    found
}

static EXPLICIT: OnceLock<Option<PathBuf>> = OnceLock::new();
static IN_USE: OnceLock<InUse> = OnceLock::new();

/// Records the `--registry` flag (or `PORTLORE_REGISTRY`, which clap folds into it) for
/// every command of this process.
pub fn choose(path: Option<PathBuf>) {
    let _ = EXPLICIT.set(path);
}

/// The registry the last [`load`] used, for a footer or `stats`.
pub fn in_use() -> Option<&'static InUse> {
    IN_USE.get()
}

/// Loads the knowledge from the chosen registry (see the module documentation).
pub fn load() -> anyhow::Result<Knowledge> {
    let explicit = EXPLICIT.get().and_then(Option::as_deref);
    let (kb, origin) = pick(explicit)?;
    if let Some(meta) = kb.registry_meta() {
        let _ = IN_USE.set(InUse {
            origin,
            updated: meta.updated,
            records: meta.records,
        });
    }
    Ok(kb)
}

fn pick(explicit: Option<&Path>) -> anyhow::Result<(Knowledge, Origin)> {
    for origin in candidates(explicit) {
        let Some(path) = origin.path() else {
            continue;
        };
        let kb = Knowledge::open(path).context("loading the registry")?;
        let updated = kb.registry_meta().and_then(|m| m.updated);
        let older = updated
            .as_deref()
            .is_some_and(|date| date < embedded_updated());
        if origin.yields_to_newer_snapshot() && older {
            eprintln!(
                "portlore: note: ignoring {} (updated {}), older than the built-in snapshot ({}); `portlore update` installs a fresh one",
                path.display(),
                updated.as_deref().unwrap_or("?"),
                embedded_updated()
            );
            continue;
        }
        return Ok((kb, origin));
    }
    Ok((embedded()?, Origin::Embedded))
}

/// The one line that tells a user how to get a fresher registry.
pub const INSTALL_HINT: &str = "No IANA registry loaded: run `portlore update` (online) or \
`portlore update --from FILE` (offline) for assignments.";
