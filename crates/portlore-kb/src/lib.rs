//! The portlore knowledge model.

pub mod curated;
