//! A tamperer's store: the fixture's store with edits, every checksum recomputed, so
//! only the structural checks and FST validation stand between the edit and a panic.
//! Any answer is allowed; a panic is not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = portlore_fuzz::edited(portlore_fuzz::base_store(), data);
    portlore_kb::craft::reseal(&mut bytes);
    if let Ok(kb) = portlore_kb::Knowledge::from_store_bytes(bytes) {
        portlore_fuzz::ask(&kb);
    }
});
