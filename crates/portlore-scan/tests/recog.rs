//! Rapid7 Recog conformance: every fingerprint of the snapshot beside the checkout
//! (`../shared/third-party/recog/xml`, or `PORTLORE_RECOG_DIR`) compiles, and every one
//! of its examples matches with the parameters it states. The snapshot is never part of
//! portlore; CI provides it.

use std::path::PathBuf;

use portlore_scan::service::fingerprint::{Fingerprints, parse_recog};

fn recog_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("PORTLORE_RECOG_DIR") {
        Some(d) => PathBuf::from(d),
        None => {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/third-party/recog/xml")
        }
    };
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "CI must provide the Recog snapshot at {}",
        dir.display()
    );
    eprintln!("skipped: no Recog snapshot at {}", dir.display());
    None
}

#[test]
fn every_recog_fingerprint_compiles_and_every_example_matches() {
    let Some(dir) = recog_dir() else { return };
    let mut files = 0;
    let mut fingerprints = 0;
    let mut examples = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let list = parse_recog(&path, &text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        files += 1;
        for f in &list {
            fingerprints += 1;
            examples += f.examples.len();
            if let Err(e) = f.check_examples() {
                failures.push(e);
            }
        }
    }
    eprintln!("recog: {files} files, {fingerprints} fingerprints, {examples} examples");
    assert!(
        files >= 40 && fingerprints >= 4000,
        "{files} files, {fingerprints}"
    );
    assert!(
        failures.is_empty(),
        "{} examples failed, first ten:\n{}",
        failures.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The directory loader takes the same files, and portlore's own come first.
    let mut set = Fingerprints::builtin();
    let builtin = set.len();
    let loaded = set.load_dir(&dir).unwrap();
    assert_eq!(loaded, fingerprints);
    assert_eq!(set.len(), builtin + fingerprints);
    let id = set
        .identify("ssh.banner", b"OpenSSH_9.2p1 Debian-2+deb12u3")
        .unwrap();
    assert!(id.id.starts_with("portlore:"), "{id:?}");
    let id = set.identify("ssh.banner", b"RomSShell_4.62").unwrap();
    assert!(id.id.starts_with("recog:"), "{id:?}");
    assert_eq!(id.get("service.version"), Some("4.62"));
}
