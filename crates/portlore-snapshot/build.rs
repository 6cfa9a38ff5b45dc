//! Compiles data/iana/service-names-port-numbers.xml into a store in OUT_DIR, with the
//! same parser and compiler `portlore update` uses, so the embedded snapshot always has
//! the format of the portlore it is built into.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let source = manifest.join("../../data/iana/service-names-port-numbers.xml");
    println!("cargo:rerun-if-changed={}", source.display());
    let file = std::fs::File::open(&source).unwrap_or_else(|e| {
        panic!(
            "cannot open the registry snapshot {}: {e}",
            source.display()
        )
    });
    let registry = portlore_iana::parse_any(std::io::BufReader::new(file)).unwrap_or_else(|e| {
        panic!(
            "the registry snapshot {} does not parse: {e}",
            source.display()
        )
    });
    let updated = registry
        .updated
        .clone()
        .expect("the registry snapshot names its date");
    let store = portlore_kb::compile(&registry)
        .unwrap_or_else(|e| panic!("the registry snapshot cannot be compiled: {e}"));
    // Lookups trust the built-in store without checking it, so check all of it here:
    // every section, the structure and both FSTs.
    let kb = portlore_kb::Knowledge::from_store_bytes(store.clone())
        .unwrap_or_else(|e| panic!("the compiled snapshot does not open: {e}"));
    kb.by_service("http")
        .and_then(|_| kb.search("file", 5).map(drop))
        .unwrap_or_else(|e| panic!("the compiled snapshot's indexes are invalid: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("registry.store"), &store).expect("writing the compiled snapshot");
    println!("cargo:rustc-env=PORTLORE_SNAPSHOT_UPDATED={updated}");
    println!(
        "cargo:rustc-env=PORTLORE_SNAPSHOT_RECORDS={}",
        registry.records.len()
    );
}
