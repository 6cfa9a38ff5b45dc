//! The compiled store: round trip, and damage of every kind gives an error, never a panic.

use portlore_kb::{Knowledge, StoreError, compile};

fn fixture() -> portlore_iana::Registry {
    let xml = include_bytes!("../../portlore-iana/tests/fixtures/mini.xml");
    portlore_iana::parse_xml(&xml[..]).expect("fixture parses")
}

#[test]
fn round_trip_answers_like_the_registry() {
    let bytes = compile(&fixture()).unwrap();
    let kb = Knowledge::from_store_bytes(bytes).expect("opens");
    let page = kb.assignments(3147).unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[0].service.as_deref(), Some("fileproto"));
    assert_eq!(
        kb.assignments(6003).unwrap()[0].service.as_deref(),
        Some("display")
    );
    assert!(kb.assignments(5).unwrap().is_empty());
    assert_eq!(kb.by_service("FILEPROTO").unwrap().len(), 2);
    assert_eq!(kb.registry_meta().unwrap().records, 9);
}

#[test]
fn truncation_at_every_length_is_an_error() {
    let bytes = compile(&fixture()).unwrap();
    for len in (0..bytes.len()).step_by(7) {
        let cut = bytes[..len].to_vec();
        match Knowledge::from_store_bytes(cut) {
            Err(_) => {}
            Ok(kb) => {
                // The header may survive a cut; any use must then fail cleanly.
                assert!(
                    kb.assignments(3147).is_err() || kb.all_assignments().is_err(),
                    "len {len}"
                );
            }
        }
    }
}

#[test]
fn flipped_bytes_are_errors_not_wrong_answers() {
    let good = compile(&fixture()).unwrap();
    let truth = Knowledge::from_store_bytes(good.clone())
        .unwrap()
        .all_assignments()
        .unwrap();
    // Every byte of the header and section table, then a sample across all sections.
    let positions = (0..200).chain((200..good.len()).step_by(257));
    for i in positions {
        let mut bad = good.clone();
        bad[i] ^= 0x20;
        let Ok(kb) = Knowledge::from_store_bytes(bad) else {
            continue;
        };
        if let Ok(all) = kb.all_assignments() {
            assert_eq!(all, truth, "byte {i} changed an answer silently");
        }
        for port in [0, 2, 3147, 6003, 9900] {
            let _ = kb.assignments(port);
        }
        let _ = kb.by_service("display");
        let _ = kb.search("file", 5);
    }
}

#[test]
fn foreign_files_are_refused() {
    assert_eq!(
        Knowledge::from_store_bytes(b"<html>".to_vec())
            .unwrap_err()
            .cause(),
        &StoreError::NotAStore
    );
    let mut other = compile(&fixture()).unwrap();
    other[8] = 99;
    assert_eq!(
        Knowledge::from_store_bytes(other).unwrap_err().cause(),
        &StoreError::Format(99)
    );
}

/// Opening from a file maps it; damage there must be caught just as in memory.
#[test]
fn damaged_store_files_are_errors_not_wrong_answers() {
    let good = compile(&fixture()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registry.store");
    for len in [0, 7, 16, 100, good.len() / 2, good.len() - 1] {
        std::fs::write(&path, &good[..len]).unwrap();
        if let Ok(kb) = Knowledge::open(&path) {
            assert!(
                kb.assignments(3147).is_err() || kb.all_assignments().is_err(),
                "a store cut to {len} bytes answered"
            );
        }
    }
    let truth = Knowledge::from_store_bytes(good.clone())
        .unwrap()
        .all_assignments()
        .unwrap();
    for i in (0..good.len()).step_by(97) {
        let mut bad = good.clone();
        bad[i] ^= 0x20;
        std::fs::write(&path, &bad).unwrap();
        let Ok(kb) = Knowledge::open(&path) else {
            continue;
        };
        if let Ok(all) = kb.all_assignments() {
            assert_eq!(all, truth, "byte {i} changed an answer silently");
        }
    }
}

/// `update` renames a new store over the old one; a process that has the old one open
/// keeps answering from it, unharmed.
#[test]
fn an_open_store_survives_being_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registry.store");
    std::fs::write(&path, compile(&fixture()).unwrap()).unwrap();
    let kb = Knowledge::open(&path).unwrap();
    let next = dir.path().join("registry.store.new");
    std::fs::write(&next, b"not a store at all").unwrap();
    std::fs::rename(&next, &path).unwrap();
    assert_eq!(
        kb.assignments(3147).unwrap()[0].service.as_deref(),
        Some("fileproto")
    );
    assert!(Knowledge::open(&path).is_err());
}

/// Issue 14, defect 2: a tamperer changes bytes and recomputes every checksum, so the
/// edit gets past the CRCs. Every byte of the fixture's store, changed three ways and
/// resealed, must open to an error or to a store whose every read returns (an answer
/// or an error); before the FSTs were validated at open, some panicked inside `fst`.
#[test]
fn crafted_stores_with_recomputed_checksums_never_panic() {
    let good = compile(&fixture()).unwrap();
    let (mut tried, mut refused) = (0, 0);
    for i in 0..good.len() {
        for x in [0x01, 0x80, 0xff] {
            let mut bad = good.clone();
            bad[i] ^= x;
            portlore_kb::craft::reseal(&mut bad);
            tried += 1;
            let Ok(kb) = Knowledge::from_store_bytes(bad) else {
                refused += 1;
                continue;
            };
            for port in [0, 2, 3147, 6003, 9900] {
                let _ = kb.port(port);
            }
            for name in ["fileproto", "display", "nothing"] {
                let _ = kb.by_service(name);
                let _ = kb.service_names_with_prefix(&name[..3], 12);
            }
            for word in ["file", "dispaly", "x"] {
                let _ = kb.search(word, 20);
            }
            let _ = kb.all_assignments();
            let _ = kb.changed_since("2000-01-01");
        }
    }
    eprintln!("crafted stores: {tried} tried, {refused} refused at open, none panicked");
}
