//! Accidental damage: the fixture's store with edits and the checksums left as they
//! were. Every answer must be the intact store's or an error, never a different one.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use portlore_fuzz::{Answers, all_errors_or_equal, ask, base_store, edited};
use portlore_kb::Knowledge;

fn intact() -> &'static Answers {
    static ANSWERS: OnceLock<Answers> = OnceLock::new();
    ANSWERS.get_or_init(|| {
        ask(&Knowledge::from_store_bytes(base_store().to_vec()).expect("the base store opens"))
    })
}

fuzz_target!(|data: &[u8]| {
    let bytes = edited(base_store(), data);
    if bytes == base_store() {
        return;
    }
    if let Ok(kb) = Knowledge::from_store_bytes(bytes) {
        let got = ask(&kb);
        assert!(
            all_errors_or_equal(&got, intact()),
            "a damaged store answered differently: {got:?}"
        );
    }
});
