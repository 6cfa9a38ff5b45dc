//! The portlore knowledge model: the compiled IANA registry store, the curated facts
//! embedded at build time, and the lookups and search over both.
//!
//! Registry facts come only from the registry; curated facts only from `data/`. A
//! [`PortInfo`] keeps them in separate fields so no page can blur the two.

#![deny(missing_docs)]

pub mod curated;
mod error;
mod knowledge;
mod model;
mod port;
mod query;
mod search;
mod store;
mod text;

pub use error::{IntegrityError, KbError, StoreError};
pub use knowledge::{Knowledge, last_date};
pub use model::{
    Assignment, CheckCommands, Party, PortRange, RangeClass, RangeInfo, Reference, RegistryMeta,
    RelatedPort, Status, Transport,
};
pub use port::{PortInfo, check_commands, range_info};
pub use query::{MAX_RANGE, Query, QueryError, VALID_FORMS};
pub use search::SearchHit;
pub use store::{CompileError, MAX_INDEX_ENTRIES, MAX_RECORD_PORTS, compile};

/// Tools for tests and fuzzers that play the tamperer; not for programs.
#[doc(hidden)]
pub mod craft {
    pub use crate::store::reseal;
}
