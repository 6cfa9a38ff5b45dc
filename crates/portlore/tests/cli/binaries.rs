//! The two binaries: `portlore` hands the heavy subcommands to `portlore-full`, which must
//! sit beside it. That `portlore` links none of them is the crate graph's job
//! (crates/portlore has no dependency on the scanner, the web server, SQLite or TLS), so
//! no test here greps the binary for it.

use crate::support::{binary, portlore};

/// Where `portlore-full` is: beside `portlore`.
fn full() -> std::path::PathBuf {
    binary().with_file_name(format!("portlore-full{}", std::env::consts::EXE_SUFFIX))
}

/// `portlore update` runs in `portlore-full`, under the name the user typed.
#[test]
fn heavy_subcommands_run_in_portlore_full() {
    let through_front = portlore().args(["update", "--help"]).assert().success();
    let help = String::from_utf8_lossy(&through_front.get_output().stdout).into_owned();
    assert!(help.contains("Usage: portlore update"), "{help}");
    assert!(help.contains("--from"), "{help}");
    assert_cmd::Command::new(full())
        .args(["update", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains("--from"));
}

/// A `portlore` copied without its helper says what is missing, with exit status 2.
#[test]
fn a_missing_portlore_full_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let alone = dir.path().join("portlore");
    std::fs::copy(binary(), &alone).unwrap();
    let out = assert_cmd::Command::new(&alone)
        .args(["scan", "127.0.0.1", "-p", "1"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("portlore-full"), "{stderr}");
    assert!(stderr.lines().count() == 1, "one line: {stderr}");
    // Lookups need nothing else.
    assert_cmd::Command::new(&alone)
        .env("PORTLORE_DATA_DIR", dir.path().join("data"))
        .arg("22")
        .assert()
        .success();
}
