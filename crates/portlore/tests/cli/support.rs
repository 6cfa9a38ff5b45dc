//! Helpers shared by the end-to-end tests.

#![allow(dead_code)]

use std::path::PathBuf;

/// The binary under test: this build's, or the one `PORTLORE_TEST_BIN` names (CI runs
/// these tests a second time against the release build). `portlore-full` is beside it.
pub fn binary() -> PathBuf {
    match std::env::var_os("PORTLORE_TEST_BIN").filter(|p| !p.is_empty()) {
        Some(path) => PathBuf::from(path),
        None => {
            build_full();
            assert_cmd::cargo::cargo_bin("portlore")
        }
    }
}

/// `portlore-full` is another crate's binary, so `cargo test -p portlore` does not build
/// it; the tests that reach it through `portlore` build it once, with this build's
/// profile (cargo holds no lock while tests run).
fn build_full() {
    static BUILT: std::sync::Once = std::sync::Once::new();
    BUILT.call_once(|| {
        let lean = assert_cmd::cargo::cargo_bin("portlore");
        let release = lean
            .parent()
            .and_then(|d| d.file_name())
            .is_some_and(|d| d == "release");
        let mut cargo = std::process::Command::new(env!("CARGO"));
        cargo.args(["build", "--quiet", "-p", "portlore-full"]);
        if release {
            cargo.arg("--release");
        }
        let status = cargo
            .status()
            .expect("running cargo to build portlore-full");
        assert!(status.success(), "cargo build -p portlore-full failed");
    });
}

/// A `Command` for the real binary, with a private data directory so no test
/// sees a registry installed on the developer's machine.
pub fn portlore() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(binary());
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

/// Whether tests must run rather than skip (CI provides every tool and service).
pub fn must_run() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether the namespace scan lab can run here: root, `ip`, `nft` and `python3`.
/// Prints why not and returns false outside CI; panics in CI.
pub fn lab_available() -> bool {
    let have = |tool: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let missing: Vec<&str> = ["ip", "nft", "python3"]
        .into_iter()
        .filter(|t| !have(t))
        .collect();
    if root && missing.is_empty() {
        return true;
    }
    let why = if root {
        format!("missing {}", missing.join(", "))
    } else {
        "not root".to_string()
    };
    assert!(!must_run(), "the scan lab must run in CI: {why}");
    eprintln!("skipped: scan lab needs root, ip, nft and python3 ({why})");
    false
}

/// Whether `unshare -n` can cut this process off the network (root or user namespaces).
/// Prints why not and returns false outside CI.
pub fn unshare_net_available() -> bool {
    let ok = std::process::Command::new("unshare")
        .args(["-n", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(!must_run(), "unshare -n must work in CI");
        eprintln!("skipped: unshare -n is not available (needs root or user namespaces)");
    }
    ok
}
