//! The compiled registry store: a compact snapshot that opens in microseconds.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! "PORTLORE" | u32 format | u32 section count | count × (u32 offset, u32 len, u32 crc32) | sections
//! ```
//!
//! The file is memory-mapped. Opening it checks every section against its CRC (one
//! pass over 3 MB of mapped pages) and the structure every read relies on: sizes agree,
//! the port index and record offsets run forwards and stay in bounds. Each FST is
//! validated node by node the first time it is used, because the `fst` crate trusts
//! its input and a crafted FST would make it panic. Each record also carries its own
//! CRC, checked when it is read. So a flipped bit anywhere is an error, never a wrong
//! answer, and a file crafted with correct CRCs is an error, never a panic.
//!
//! The per-block CRCs of the index sections (`BlockCrcs`) date from when blocks were
//! checked lazily; they are still written, so the format is unchanged, and still
//! covered by their section's CRC.

mod build;
mod craft;
mod fst_check;
mod sections;

pub use build::{CompileError, MAX_INDEX_ENTRIES, MAX_RECORD_PORTS, compile};
pub use craft::reseal;
pub(crate) use sections::Store;

/// File signature.
pub(crate) const MAGIC: &[u8; 8] = b"PORTLORE";
/// Bumped whenever the layout or the record encoding changes.
pub(crate) const FORMAT: u32 = 2;

/// Section numbers, in file order.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Section {
    Meta = 0,
    PortIndex = 1,
    PortEntries = 2,
    RecordOffsets = 3,
    RecordCrcs = 4,
    Records = 5,
    NameFst = 6,
    NamePostings = 7,
    SearchFst = 8,
    SearchPostings = 9,
    BlockCrcs = 10,
}

pub(crate) const SECTION_COUNT: usize = 11;

/// Size of the independently checked blocks of the index sections.
pub(crate) const BLOCK: usize = 4096;

/// The sections read block by block, in the order their CRCs appear in `BlockCrcs`.
pub(crate) const BLOCKED: [Section; 4] = [
    Section::PortIndex,
    Section::PortEntries,
    Section::RecordOffsets,
    Section::RecordCrcs,
];

/// Which field of a record a search token came from; the low two bits of a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Name = 0,
    Description = 1,
    Organization = 2,
}

impl Field {
    pub(crate) fn from_bits(bits: u32) -> Field {
        match bits & 3 {
            0 => Field::Name,
            1 => Field::Description,
            _ => Field::Organization,
        }
    }
}

/// What the snapshot knows about its own origin.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Meta {
    pub updated: Option<String>,
    pub records: u32,
}
