//! The CSV parser (and `parse_any`, which picks a form) on arbitrary bytes; a registry
//! it accepts must compile or be refused by the compiler's limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let csv = portlore_iana::parse_csv(data);
    let any = portlore_iana::parse_any(data);
    if let Ok(registry) = csv.or(any)
        && let Ok(kb) = portlore_kb::Knowledge::from_registry(&registry)
    {
        for port in [0, 1, 80, 3147, 65535] {
            kb.port(port).expect("a fresh store reads");
        }
    }
});
