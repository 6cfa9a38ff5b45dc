//! The curated data embedded from `data/`: schema, ids, URLs, ports, footnotes, counts,
//! the schema checker's own error messages, and agreement with the IANA registry when
//! `PORTLORE_TEST_REGISTRY` names its XML (CI sets it; skipped with a reason otherwise).

#[path = "../src/curated/schema.rs"]
mod schema;

mod curated {
    pub mod checks;
    pub mod fixtures;
    pub mod registry;
}
