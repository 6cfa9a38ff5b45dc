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
}
