//! Where the registry store lives, and which one a command uses.
//!
//! Order: `--registry PATH`, then `PORTLORE_REGISTRY`, then the user's data directory
//! (`$PORTLORE_DATA_DIR`, else XDG, e.g. `~/.local/share/portlore`), then the system
//! directory `/usr/share/portlore`. The first two accept a compiled store or an IANA XML
//! or CSV file.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Context as _;
use portlore_kb::Knowledge;

/// File name of the installed store.
pub const STORE_FILE: &str = "registry.store";
/// Where a distribution may ship a store.
pub const SYSTEM_DIR: &str = "/usr/share/portlore";

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

/// The registry file a command should use, if any.
pub fn resolve(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os("PORTLORE_REGISTRY").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    [
        installed_store(),
        Some(Path::new(SYSTEM_DIR).join(STORE_FILE)),
    ]
    .into_iter()
    .flatten()
    .find(|p| p.is_file())
}

static EXPLICIT: OnceLock<Option<PathBuf>> = OnceLock::new();

/// Records the `--registry` flag (or `PORTLORE_REGISTRY`, which clap folds into it) for
/// every command of this process.
pub fn choose(path: Option<PathBuf>) {
    let _ = EXPLICIT.set(path);
}

/// Loads the knowledge from the chosen registry; without any, the curated part alone.
pub fn load() -> anyhow::Result<Knowledge> {
    let explicit = EXPLICIT.get().and_then(Option::as_deref);
    match resolve(explicit) {
        Some(path) => Knowledge::open(&path).with_context(|| "loading the registry".to_string()),
        None => Ok(Knowledge::without_registry()),
    }
}

/// The one line that tells a user how to get the registry.
pub const INSTALL_HINT: &str = "No IANA registry installed: run `portlore update` (online) or \
`portlore update --from FILE` (offline) for assignments.";
