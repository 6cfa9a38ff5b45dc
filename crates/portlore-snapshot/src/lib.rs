//! The IANA registry snapshot embedded in portlore: data/iana/service-names-port-numbers.xml
//! (see data/iana/NOTICE), compiled into a store when portlore is built. It is the last
//! registry portlore falls back to, so a lookup works offline on the first run.

/// The compiled store (the format of `portlore_kb::compile`).
pub static STORE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/registry.store"));

/// The registry's own "updated" date, `YYYY-MM-DD`.
pub const UPDATED: &str = env!("PORTLORE_SNAPSHOT_UPDATED");

/// Number of records in the snapshot.
pub const RECORDS: u32 = decimal(env!("PORTLORE_SNAPSHOT_RECORDS"));

/// A decimal number written by the build script.
const fn decimal(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut n = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        assert!(bytes[i].is_ascii_digit(), "the build script writes digits");
        n = n * 10 + (bytes[i] - b'0') as u32;
        i += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snapshot_opens_and_knows_its_date() {
        let kb = portlore_kb::Knowledge::from_store_bytes(STORE.to_vec()).expect("opens");
        let meta = kb.registry_meta().expect("a registry");
        assert_eq!(meta.updated.as_deref(), Some(UPDATED));
        assert_eq!(meta.records, RECORDS);
        assert_eq!(RECORDS, 14_533);
    }

    /// The built-in store is read without checks (it is part of the binary), so it
    /// must pass every check of a store read from a file, FSTs included, and answer
    /// exactly as that checked copy does.
    #[test]
    fn the_unchecked_built_in_store_passes_every_check_and_answers_alike() {
        let checked = portlore_kb::Knowledge::from_store_bytes(STORE.to_vec()).expect("opens");
        let built_in = portlore_kb::Knowledge::from_static_store(STORE).expect("opens");
        for name in ["http", "rfio", "ssh", "postgresql"] {
            assert_eq!(
                checked.by_service(name).expect("valid name index"),
                built_in.by_service(name).expect("answers")
            );
        }
        for port in [0u16, 22, 80, 443, 3147, 49152, 65535] {
            assert_eq!(
                checked.assignments(port).expect("valid"),
                built_in.assignments(port).expect("answers")
            );
        }
        assert_eq!(
            checked
                .search("file", 10)
                .expect("valid search index")
                .len(),
            built_in.search("file", 10).expect("answers").len()
        );
        assert_eq!(checked.registry_meta(), built_in.registry_meta());
    }
}
