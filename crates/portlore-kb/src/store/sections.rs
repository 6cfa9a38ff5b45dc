use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::{BLOCK, BLOCKED, FORMAT, MAGIC, Meta, SECTION_COUNT, Section};
use crate::error::StoreError;
use crate::model::Assignment;

/// Where the store's bytes are: an open file read on demand, or memory.
#[derive(Debug)]
enum Source {
    File(std::fs::File),
    Bytes(Vec<u8>),
}

impl Source {
    fn read(&self, offset: usize, len: usize) -> Result<Vec<u8>, StoreError> {
        match self {
            Source::Bytes(b) => b
                .get(offset..offset + len)
                .map(<[u8]>::to_vec)
                .ok_or(StoreError::Truncated),
            Source::File(f) => {
                let mut buf = vec![0; len];
                read_exact_at(f, &mut buf, offset as u64).map_err(|_| StoreError::Truncated)?;
                Ok(buf)
            }
        }
    }

    fn len(&self) -> Result<usize, StoreError> {
        match self {
            Source::Bytes(b) => Ok(b.len()),
            Source::File(f) => f
                .metadata()
                .map(|m| m.len() as usize)
                .map_err(|_| StoreError::Truncated),
        }
    }
}

#[cfg(unix)]
fn read_exact_at(f: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
}

#[cfg(not(unix))]
fn read_exact_at(f: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = f;
    f.seek(SeekFrom::Start(offset))?;
    f.read_exact(buf)
}

type Block = Arc<Vec<u8>>;

/// An opened store. Every read is bounds-checked and CRC-checked before use.
#[derive(Debug)]
pub(crate) struct Store {
    source: Source,
    table: [(usize, usize, u32); SECTION_COUNT],
    whole: [OnceLock<Option<Arc<Vec<u8>>>>; SECTION_COUNT],
    blocks: Mutex<HashMap<(usize, usize), Block>>,
    /// Index into `BlockCrcs` of each blocked section's first block.
    first_block: [usize; SECTION_COUNT],
    meta: Meta,
    record_count: usize,
}

impl Store {
    /// Opens a store file, reading only its header and metadata.
    pub(crate) fn open(file: std::fs::File) -> Result<Store, StoreError> {
        Self::new(Source::File(file))
    }

    /// Opens a store held in memory.
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Result<Store, StoreError> {
        Self::new(Source::Bytes(bytes))
    }

    fn new(source: Source) -> Result<Store, StoreError> {
        let header_len = 16 + SECTION_COUNT * 12;
        let total = source.len()?;
        let head = source
            .read(0, 16.min(total))
            .map_err(|_| StoreError::NotAStore)?;
        if head.len() < 16 || &head[..8] != MAGIC {
            return Err(StoreError::NotAStore);
        }
        let format = le(&head, 8);
        if format != FORMAT {
            return Err(StoreError::Format(format));
        }
        if le(&head, 12) as usize != SECTION_COUNT {
            return Err(StoreError::Corrupt("unexpected section count"));
        }
        let header = source.read(0, header_len)?;
        let mut table = [(0usize, 0usize, 0u32); SECTION_COUNT];
        for (i, entry) in table.iter_mut().enumerate() {
            let at = 16 + i * 12;
            let (offset, len, crc) = (
                le(&header, at) as usize,
                le(&header, at + 4) as usize,
                le(&header, at + 8),
            );
            if offset < header_len || offset.checked_add(len).is_none_or(|end| end > total) {
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
        let mut store = Store {
            source,
            table,
            whole: Default::default(),
            blocks: Mutex::new(HashMap::new()),
            first_block,
            meta: Meta {
                updated: None,
                records: 0,
            },
            record_count: 0,
        };
        if store.table[Section::BlockCrcs as usize].1 != next * 4 {
            return Err(StoreError::Corrupt(
                "block checksums do not match the sections",
            ));
        }
        store.meta = postcard::from_bytes(&store.section(Section::Meta)?)
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

    /// A whole section, read once and verified against its CRC.
    pub(crate) fn section(&self, s: Section) -> Result<Arc<Vec<u8>>, StoreError> {
        let (offset, len, crc) = self.table[s as usize];
        self.whole[s as usize]
            .get_or_init(|| {
                let data = self.source.read(offset, len).ok()?;
                (crc32fast::hash(&data) == crc).then(|| Arc::new(data))
            })
            .clone()
            .ok_or(StoreError::Corrupt("a section fails its checksum"))
    }

    fn u32_len(&self, s: Section) -> Result<usize, StoreError> {
        let len = self.table[s as usize].1;
        if !len.is_multiple_of(4) {
            return Err(StoreError::Corrupt("misaligned integer section"));
        }
        Ok(len / 4)
    }

    /// One 4 KiB block of a blocked section, verified against its own CRC.
    fn block(&self, s: Section, n: usize) -> Result<Block, StoreError> {
        let key = (s as usize, n);
        if let Some(b) = self
            .blocks
            .lock()
            .map_err(|_| StoreError::Corrupt("lock"))?
            .get(&key)
        {
            return Ok(b.clone());
        }
        let (offset, len, _) = self.table[s as usize];
        let start = n * BLOCK;
        if start >= len {
            return Err(StoreError::Corrupt("index out of bounds"));
        }
        let data = self.source.read(offset + start, BLOCK.min(len - start))?;
        let crc_at = self.first_block[s as usize] + n;
        let (co, _, _) = self.table[Section::BlockCrcs as usize];
        let expected = self.source.read(co + crc_at * 4, 4)?;
        if crc32fast::hash(&data) != le(&expected, 0) {
            return Err(StoreError::Corrupt("an index block fails its checksum"));
        }
        let block = Arc::new(data);
        self.blocks
            .lock()
            .map_err(|_| StoreError::Corrupt("lock"))?
            .insert(key, block.clone());
        Ok(block)
    }

    pub(crate) fn u32_at(&self, s: Section, i: usize) -> Result<u32, StoreError> {
        if !BLOCKED.iter().any(|b| *b as usize == s as usize) {
            let data = self.section(s)?;
            let b = data
                .get(i * 4..i * 4 + 4)
                .ok_or(StoreError::Corrupt("index out of bounds"))?;
            return Ok(le(b, 0));
        }
        let at = i * 4;
        let block = self.block(s, at / BLOCK)?;
        let b = block
            .get(at % BLOCK..at % BLOCK + 4)
            .ok_or(StoreError::Corrupt("index out of bounds"))?;
        Ok(le(b, 0))
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
        let (offset, len, _) = self.table[Section::Records as usize];
        if start > end || end > len {
            return Err(StoreError::Corrupt("record out of bounds"));
        }
        let blob = match self.whole[Section::Records as usize].get() {
            Some(Some(all)) => all[start..end].to_vec(),
            _ => self.source.read(offset + start, end - start)?,
        };
        if crc32fast::hash(&blob) != self.u32_at(Section::RecordCrcs, id)? {
            return Err(StoreError::Corrupt("a record fails its checksum"));
        }
        postcard::from_bytes(&blob).map_err(|_| StoreError::Corrupt("a record does not decode"))
    }

    /// Reads the records section in one go, for callers about to decode most records.
    pub(crate) fn preload_records(&self) -> Result<(), StoreError> {
        self.section(Section::Records).map(|_| ())
    }

    /// The FST of a section, sharing the section's bytes.
    pub(crate) fn fst_map(&self, s: Section) -> Result<fst::Map<Shared>, StoreError> {
        fst::Map::new(Shared(self.section(s)?)).map_err(|_| StoreError::Corrupt("search index"))
    }

    /// A postings list: `packed` is `start << 32 | len` into a u32 section.
    pub(crate) fn postings(&self, s: Section, packed: u64) -> Result<Vec<u32>, StoreError> {
        let (start, len) = ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize);
        let data = self.section(s)?;
        let bytes = data
            .get(start * 4..(start + len) * 4)
            .ok_or(StoreError::Corrupt("postings out of bounds"))?;
        Ok(bytes.chunks_exact(4).map(|b| le(b, 0)).collect())
    }
}

/// Section bytes shared between the cache and an FST.
#[derive(Debug, Clone)]
pub(crate) struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

fn le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
