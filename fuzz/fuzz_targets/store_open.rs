//! The store loader on arbitrary bytes: an error or a store that answers, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(kb) = portlore_kb::Knowledge::from_store_bytes(data.to_vec()) {
        portlore_fuzz::ask(&kb);
    }
});
