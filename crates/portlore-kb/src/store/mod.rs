//! The compiled registry store: a compact snapshot that opens in microseconds.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! "PORTLORE" | u32 format | u32 section count | count × (u32 offset, u32 len, u32 crc32) | sections
//! ```
//!
//! The file is memory-mapped and nothing is read up front but the header. A port lookup
//! touches one 4 KiB block of each index section (each block has its own CRC in the
//! `BlockCrcs` section) and then its records, each a postcard blob with its own CRC;
//! name lookups and search check the FST sections whole against their section CRC. Each
//! check runs once per process, on first use. So a lookup touches a few dozen KiB of a
//! 3 MB file, copies none of it, and one flipped byte anywhere is an error, never a
//! wrong answer.

mod build;
mod sections;

pub use build::compile;
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
