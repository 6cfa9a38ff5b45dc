use std::sync::OnceLock;

use super::{BLOCK, BLOCKED, FORMAT, MAGIC, Meta, SECTION_COUNT, Section};
use crate::error::StoreError;
use crate::model::Assignment;

/// Where the store's bytes are: a read-only memory map of the file, or memory.
#[derive(Debug)]
enum Source {
    Map(memmap2::Mmap),
    Bytes(Vec<u8>),
}

impl Source {
    fn bytes(&self) -> &[u8] {
        match self {
            Source::Map(m) => m,
            Source::Bytes(b) => b,
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

/// An opened store. Every section, index block and record is checked against its CRC
/// the first time it is used; nothing is copied.
#[derive(Debug)]
pub(crate) struct Store {
    source: Source,
    table: [(usize, usize, u32); SECTION_COUNT],
    /// Whether each whole section passed its CRC, once asked.
    sections_ok: [OnceLock<bool>; SECTION_COUNT],
    /// Whether each 4 KiB block of the blocked sections passed its CRC, once asked.
    blocks_ok: Vec<OnceLock<bool>>,
    /// Index into `BlockCrcs` of each blocked section's first block.
    first_block: [usize; SECTION_COUNT],
    meta: Meta,
    record_count: usize,
}

impl Store {
    /// Opens a store file, checking its header and metadata.
    pub(crate) fn open(file: std::fs::File) -> Result<Store, StoreError> {
        Self::new(map(&file).map_err(|_| StoreError::Truncated)?)
    }

    /// Opens a store held in memory.
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Result<Store, StoreError> {
        Self::new(Source::Bytes(bytes))
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
        let mut first_block = [0usize; SECTION_COUNT];
        let mut next = 0;
        for s in BLOCKED {
            first_block[s as usize] = next;
            next += table[s as usize].1.div_ceil(BLOCK);
        }
        if table[Section::BlockCrcs as usize].1 != next * 4 {
            return Err(StoreError::Corrupt(
                "block checksums do not match the sections",
            ));
        }
        let mut store = Store {
            source,
            table,
            sections_ok: Default::default(),
            blocks_ok: (0..next).map(|_| OnceLock::new()).collect(),
            first_block,
            meta: Meta {
                updated: None,
                records: 0,
            },
            record_count: 0,
        };
        store.meta = postcard::from_bytes(store.section(Section::Meta)?)
            .map_err(|_| StoreError::Corrupt("metadata"))?;
        store.record_count = store.u32_len(Section::RecordOffsets)?.saturating_sub(1);
        if store.record_count != store.meta.records as usize
            || store.u32_len(Section::RecordCrcs)? != store.record_count
            || store.u32_len(Section::PortIndex)? != 65537
        {
            return Err(StoreError::Corrupt("section sizes disagree"));
        }
        Ok(store)
    }

    pub(crate) fn meta(&self) -> &Meta {
        &self.meta
    }

    pub(crate) fn record_count(&self) -> usize {
        self.record_count
    }

    /// A section's bytes, unchecked; `new` proved the table lies within the file.
    fn raw(&self, s: Section) -> &[u8] {
        let (offset, len, _) = self.table[s as usize];
        &self.source.bytes()[offset..offset + len]
    }

    /// A whole section, verified against its CRC the first time.
    pub(crate) fn section(&self, s: Section) -> Result<&[u8], StoreError> {
        let data = self.raw(s);
        let crc = self.table[s as usize].2;
        if *self.sections_ok[s as usize].get_or_init(|| crc32fast::hash(data) == crc) {
            Ok(data)
        } else {
            Err(StoreError::Corrupt("a section fails its checksum"))
        }
    }

    fn u32_len(&self, s: Section) -> Result<usize, StoreError> {
        let len = self.table[s as usize].1;
        if !len.is_multiple_of(4) {
            return Err(StoreError::Corrupt("misaligned integer section"));
        }
        Ok(len / 4)
    }

    /// One 4 KiB block of a blocked section, verified against its own CRC the first time.
    fn block(&self, s: Section, n: usize) -> Result<&[u8], StoreError> {
        let data = self.raw(s);
        let start = n * BLOCK;
        if start >= data.len() {
            return Err(StoreError::Corrupt("index out of bounds"));
        }
        let block = &data[start..data.len().min(start + BLOCK)];
        let at = self.first_block[s as usize] + n;
        let ok = self.blocks_ok[at]
            .get_or_init(|| crc32fast::hash(block) == le(self.raw(Section::BlockCrcs), at * 4));
        if *ok {
            Ok(block)
        } else {
            Err(StoreError::Corrupt("an index block fails its checksum"))
        }
    }

    pub(crate) fn u32_at(&self, s: Section, i: usize) -> Result<u32, StoreError> {
        let at = i * 4;
        let (data, at) = if BLOCKED.iter().any(|b| *b as usize == s as usize) {
            (self.block(s, at / BLOCK)?, at % BLOCK)
        } else {
            (self.section(s)?, at)
        };
        data.get(at..at + 4)
            .map(|b| le(b, 0))
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

    /// The FST of a section, borrowing the section's bytes.
    pub(crate) fn fst_map(&self, s: Section) -> Result<fst::Map<&[u8]>, StoreError> {
        fst::Map::new(self.section(s)?).map_err(|_| StoreError::Corrupt("search index"))
    }

    /// A postings list: `packed` is `start << 32 | len` into a u32 section.
    pub(crate) fn postings(&self, s: Section, packed: u64) -> Result<Vec<u32>, StoreError> {
        let (start, len) = ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize);
        let bytes = self
            .section(s)?
            .get(start * 4..(start + len) * 4)
            .ok_or(StoreError::Corrupt("postings out of bounds"))?;
        Ok(bytes.chunks_exact(4).map(|b| le(b, 0)).collect())
    }
}

fn le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
