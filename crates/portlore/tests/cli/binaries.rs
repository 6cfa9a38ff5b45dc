//! The two binaries: `portlore` stays lean and hands the heavy subcommands to
//! `portlore-full`, which must sit beside it.

use crate::support::{binary, portlore};

/// Where `portlore-full` is: beside `portlore`.
fn full() -> std::path::PathBuf {
    binary().with_file_name(format!("portlore-full{}", std::env::consts::EXE_SUFFIX))
}

/// The cold-lookup speed depends on `portlore` not linking SQLite or the TLS stack
/// (bench/README.md); `portlore-full` carries both, which proves the markers mean
/// something.
#[test]
fn portlore_links_neither_sqlite_nor_tls() {
    let lean = std::fs::read(binary()).expect("portlore");
    let whole = std::fs::read(full()).expect("portlore-full beside portlore");
    for marker in [&b"SQLite format 3"[..], b"AWS-LC"] {
        let found = |bytes: &[u8]| bytes.windows(marker.len()).any(|w| w == marker);
        let name = String::from_utf8_lossy(marker);
        assert!(found(&whole), "portlore-full should contain {name:?}");
        assert!(!found(&lean), "portlore links {name:?}: it must stay lean");
    }
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
