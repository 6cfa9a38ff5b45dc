use std::sync::OnceLock;

use super::{BLOCK, BLOCKED, FORMAT, MAGIC, Meta, SECTION_COUNT, Section, fst_check};
use crate::error::StoreError;
use crate::model::Assignment;

/// Where the store's bytes are: a read-only memory map of the file, or memory.
#[derive(Debug)]
enum Source {
    Map(memmap2::Mmap),
    Bytes(Vec<u8>),
    /// Compiled into the binary (the built-in snapshot): read in place, never copied, so a
    /// cold lookup touches only the pages it reads.
    Static(&'static [u8]),
}

impl Source {
    fn bytes(&self) -> &[u8] {
        match self {
            Source::Map(m) => m,
            Source::Bytes(b) => b,
            Source::Static(b) => b,
        }
    }
}

/// Maps a store file, or reads it whole where the file system cannot map it.
fn map(file: &std::fs::File) -> std::io::Result<Source> {
    // SAFETY: the map is read-only and private. Its one hazard is another program
    // truncating or rewriting the file in place while it is mapped. portlore never does:
    // `update` writes a new file and renames it over the old one, so a mapped inode is
    // never rewritten. Every byte is still checked against its CRC before use.
    #[allow(unsafe_code)]
    let mapped = unsafe { memmap2::Mmap::map(file) };
    match mapped {
        Ok(m) => Ok(Source::Map(m)),
        Err(_) => {
            // The caller has read the signature already: start again from the top, which a
            // pipe cannot do, so a piped store is refused rather than read without its head.
            let mut reader = file;
            std::io::Seek::seek(&mut reader, std::io::SeekFrom::Start(0))?;
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut reader, &mut bytes)?;
            Ok(Source::Bytes(bytes))
        }
    }
}

/// An opened store. Every section passed its CRC and the structural checks when it was
/// opened; the FSTs are validated on first use. Nothing is copied.
#[derive(Debug)]
pub(crate) struct Store {
    source: Source,
    table: [(usize, usize, u32); SECTION_COUNT],
    /// Whether each FST section passed [`fst_check::validate`], once asked.
    fst_ok: [OnceLock<Result<(), StoreError>>; 2],
    meta: Meta,
    record_count: usize,
}

impl Store {
    /// Opens a store file, checking all of it.
    pub(crate) fn open(file: std::fs::File) -> Result<Store, StoreError> {
        Self::new(map(&file).map_err(|_| StoreError::Truncated)?)
    }

    /// Opens a store held in memory, checking all of it.
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Result<Store, StoreError> {
        Self::new(Source::Bytes(bytes))
    }

    /// Opens a store compiled into the binary, in place and without the checks (see
    /// [`Store::new`]); it was checked whole when the binary was built.
    pub(crate) fn from_static(bytes: &'static [u8]) -> Result<Store, StoreError> {
        Self::new(Source::Static(bytes))
    }

    fn new(source: Source) -> Result<Store, StoreError> {
        let bytes = source.bytes();
        let header_len = 16 + SECTION_COUNT * 12;
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(StoreError::NotAStore);
        }
        let format = le(bytes, 8);
        if format != FORMAT {
            return Err(StoreError::Format(format));
        }
        if le(bytes, 12) as usize != SECTION_COUNT {
            return Err(StoreError::Corrupt("unexpected section count"));
        }
        if bytes.len() < header_len {
            return Err(StoreError::Truncated);
        }
        let mut table = [(0usize, 0usize, 0u32); SECTION_COUNT];
        for (i, entry) in table.iter_mut().enumerate() {
            let at = 16 + i * 12;
            let (offset, len, crc) = (
                le(bytes, at) as usize,
                le(bytes, at + 4) as usize,
                le(bytes, at + 8),
            );
            if offset < header_len || offset.checked_add(len).is_none_or(|end| end > bytes.len()) {
                return Err(StoreError::Truncated);
            }
            *entry = (offset, len, crc);
        }
        let mut store = Store {
            source,
            table,
            fst_ok: Default::default(),
            meta: Meta {
                updated: None,
                records: 0,
            },
            record_count: 0,
        };
        // The built-in snapshot is part of the executable, written by this crate's own
        // compiler at build time and fully checked there (portlore-snapshot's build
        // script and tests): a damaged one means a damaged binary, which no check in
        // that same binary could be trusted to catch. Skipping the checks keeps a cold
        // lookup near `getent`; every store read from a file is checked whole.
        let built_in = matches!(store.source, Source::Static(_));
        if !built_in {
            store.check_sums()?;
        }
        store.meta = postcard::from_bytes(store.raw(Section::Meta))
            .map_err(|_| StoreError::Corrupt("metadata"))?;
        if built_in {
            store.record_count = store.u32s(Section::RecordOffsets)?.len().saturating_sub(1);
            for slot in &store.fst_ok {
                let _ = slot.set(Ok(()));
            }
        } else {
            store.check_structure()?;
        }
        Ok(store)
    }

    /// Every section against its CRC: one pass over the file, so a flipped bit anywhere
    /// is found before any answer is given.
    fn check_sums(&self) -> Result<(), StoreError> {
        for (i, &(offset, len, crc)) in self.table.iter().enumerate() {
            if crc32fast::hash(&self.source.bytes()[offset..offset + len]) != crc {
                return Err(StoreError::Corrupt(SECTION_NAMES[i]));
            }
        }
        Ok(())
    }

    /// The invariants every read relies on, so a store crafted with correct CRCs is an
    /// error too: sizes agree, the port index and record offsets run forwards and stay
    /// in bounds, and the block checksums cover the blocked sections.
    fn check_structure(&mut self) -> Result<(), StoreError> {
        let blocks: usize = BLOCKED
            .iter()
            .map(|s| self.table[*s as usize].1.div_ceil(BLOCK))
            .sum();
        if self.table[Section::BlockCrcs as usize].1 != blocks * 4 {
            return Err(StoreError::Corrupt(
                "block checksums do not match the sections",
            ));
        }
        self.record_count = self.u32s(Section::RecordOffsets)?.len().saturating_sub(1);
        if self.record_count != self.meta.records as usize
            || self.u32s(Section::RecordCrcs)?.len() != self.record_count
        {
            return Err(StoreError::Corrupt("section sizes disagree"));
        }
        let entries = self.u32s(Section::PortEntries)?.len();
        let index = self.u32s(Section::PortIndex)?;
        if index.len() != 65537 {
            return Err(StoreError::Corrupt("section sizes disagree"));
        }
        ascending(index, entries, "port index")?;
        let records = self.record_count;
        if self
            .u32s(Section::PortEntries)?
            .iter()
            .any(|id| id as usize >= records)
        {
            return Err(StoreError::Corrupt("port index names a missing record"));
        }
        let blob = self.table[Section::Records as usize].1;
        ascending(self.u32s(Section::RecordOffsets)?, blob, "record offsets")?;
        self.u32s(Section::NamePostings)?;
        self.u32s(Section::SearchPostings)?;
        Ok(())
    }

    pub(crate) fn meta(&self) -> &Meta {
        &self.meta
    }

    pub(crate) fn record_count(&self) -> usize {
        self.record_count
    }

    /// A section's bytes; `new` proved the table lies within the file and checked them.
    fn raw(&self, s: Section) -> &[u8] {
        let (offset, len, _) = self.table[s as usize];
        &self.source.bytes()[offset..offset + len]
    }

    /// A section of little-endian u32s, as its raw bytes (any alignment).
    fn u32s(&self, s: Section) -> Result<U32s<'_>, StoreError> {
        let data = self.raw(s);
        if !data.len().is_multiple_of(4) {
            return Err(StoreError::Corrupt("misaligned integer section"));
        }
        Ok(U32s(data))
    }

    pub(crate) fn u32_at(&self, s: Section, i: usize) -> Result<u32, StoreError> {
        self.u32s(s)?
            .get(i)
            .ok_or(StoreError::Corrupt("index out of bounds"))
    }

    /// Record ids on a port, any transport, in registry order.
    pub(crate) fn ids_on_port(&self, port: u16) -> Result<Vec<u32>, StoreError> {
        let p = usize::from(port);
        let (start, end) = (
            self.u32_at(Section::PortIndex, p)? as usize,
            self.u32_at(Section::PortIndex, p + 1)? as usize,
        );
        if start > end {
            return Err(StoreError::Corrupt("port index runs backwards"));
        }
        (start..end)
            .map(|i| self.u32_at(Section::PortEntries, i))
            .collect()
    }

    pub(crate) fn record(&self, id: u32) -> Result<Assignment, StoreError> {
        let id = id as usize;
        if id >= self.record_count {
            return Err(StoreError::Corrupt("record id out of range"));
        }
        let (start, end) = (
            self.u32_at(Section::RecordOffsets, id)? as usize,
            self.u32_at(Section::RecordOffsets, id + 1)? as usize,
        );
        let blob = self
            .raw(Section::Records)
            .get(start..end)
            .ok_or(StoreError::Corrupt("record out of bounds"))?;
        if crc32fast::hash(blob) != self.u32_at(Section::RecordCrcs, id)? {
            return Err(StoreError::Corrupt("a record fails its checksum"));
        }
        postcard::from_bytes(blob).map_err(|_| StoreError::Corrupt("a record does not decode"))
    }

    /// The FST of a section, borrowing the section's bytes; validated the first time,
    /// so a crafted FST is an error here rather than a panic inside `fst`.
    pub(crate) fn fst_map(&self, s: Section) -> Result<fst::Map<&[u8]>, StoreError> {
        let slot = match s {
            Section::NameFst => 0,
            Section::SearchFst => 1,
            _ => return Err(StoreError::Corrupt("not an index section")),
        };
        let data = self.raw(s);
        self.fst_ok[slot]
            .get_or_init(|| fst_check::validate(data))
            .clone()?;
        fst::Map::new(data).map_err(|_| StoreError::Corrupt("search index"))
    }

    /// A postings list: `packed` is `start << 32 | len` into a u32 section.
    pub(crate) fn postings(&self, s: Section, packed: u64) -> Result<Vec<u32>, StoreError> {
        let (start, len) = ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize);
        let list = self.u32s(s)?;
        let end = start
            .checked_add(len)
            .filter(|end| *end <= list.len())
            .ok_or(StoreError::Corrupt("postings out of bounds"))?;
        Ok((start..end).filter_map(|i| list.get(i)).collect())
    }
}

/// Names of the sections, for the error that says which one is damaged.
const SECTION_NAMES: [&str; SECTION_COUNT] = [
    "the metadata fails its checksum",
    "the port index fails its checksum",
    "the port entries fail their checksum",
    "the record offsets fail their checksum",
    "the record checksums fail their checksum",
    "the records fail their checksum",
    "the name index fails its checksum",
    "the name postings fail their checksum",
    "the search index fails its checksum",
    "the search postings fail their checksum",
    "the block checksums fail their checksum",
];

/// A borrowed section of little-endian u32s.
#[derive(Debug, Clone, Copy)]
struct U32s<'a>(&'a [u8]);

impl U32s<'_> {
    fn len(&self) -> usize {
        self.0.len() / 4
    }

    fn get(&self, i: usize) -> Option<u32> {
        let at = i.checked_mul(4)?;
        self.0.get(at..at.checked_add(4)?).map(|b| le(b, 0))
    }

    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.chunks_exact(4).map(|b| le(b, 0))
    }
}

/// Offsets that start at 0, never decrease, and end at `total`.
fn ascending(values: U32s<'_>, total: usize, what: &'static str) -> Result<(), StoreError> {
    let mut previous = 0u32;
    for v in values.iter() {
        if v < previous {
            return Err(StoreError::Corrupt(what));
        }
        previous = v;
    }
    if values.get(0) != Some(0) || previous as usize != total {
        return Err(StoreError::Corrupt(what));
    }
    Ok(())
}

fn le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
