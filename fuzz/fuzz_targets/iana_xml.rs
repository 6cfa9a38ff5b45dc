//! The XML parser on arbitrary bytes; a registry it accepts must compile, or be refused
//! by the compiler's own limits, and the compiled store must open and answer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(registry) = portlore_iana::parse_xml(data)
        && let Ok(kb) = portlore_kb::Knowledge::from_registry(&registry)
    {
        for port in [0, 1, 80, 3147, 65535] {
            kb.port(port).expect("a fresh store reads");
        }
        kb.all_assignments().expect("a fresh store reads");
    }
});
