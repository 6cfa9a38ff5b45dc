//! Helpers shared by the end-to-end tests.

#![allow(dead_code)]

use std::path::PathBuf;

/// A `Command` for the real binary, with a private data directory so no test
/// sees a registry installed on the developer's machine.
pub fn portlore() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("portlore").expect("binary built");
    cmd.env_remove("PORTLORE_REGISTRY")
        .env("NO_COLOR", "1")
        .env("PORTLORE_DATA_DIR", scratch_dir().join("data"));
    cmd
}

/// The full IANA registry, when the environment names it (CI always does).
pub fn registry_path() -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var_os("PORTLORE_TEST_REGISTRY")?);
    path.is_file().then_some(path)
}

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("portlore-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
