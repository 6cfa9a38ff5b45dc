use std::sync::OnceLock;

use super::{FORMAT, MAGIC, Meta, SECTION_COUNT, Section};
use crate::error::StoreError;
use crate::model::Assignment;

/// An opened store. Every read is bounds-checked; sections are CRC-checked on first use.
#[derive(Debug)]
pub(crate) struct Store {
    bytes: Vec<u8>,
    table: [(usize, usize, u32); SECTION_COUNT],
    checked: [OnceLock<bool>; SECTION_COUNT],
    meta: Meta,
    record_count: usize,
}

impl Store {
    /// Opens a store from its bytes, checking the header and the small sections.
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Result<Store, StoreError> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(StoreError::NotAStore);
        }
        let word = |at: usize| -> Result<u32, StoreError> {
            let b = bytes.get(at..at + 4).ok_or(StoreError::Truncated)?;
            Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let format = word(8)?;
        if format != FORMAT {
            return Err(StoreError::Format(format));
        }
        if word(12)? as usize != SECTION_COUNT {
            return Err(StoreError::Corrupt("unexpected section count"));
        }
        let mut table = [(0usize, 0usize, 0u32); SECTION_COUNT];
        for (i, entry) in table.iter_mut().enumerate() {
            let at = 16 + i * 12;
            let (offset, len, crc) = (word(at)? as usize, word(at + 4)? as usize, word(at + 8)?);
            if offset.checked_add(len).is_none_or(|end| end > bytes.len()) {
                return Err(StoreError::Truncated);
            }
            *entry = (offset, len, crc);
        }
        let mut store = Store {
            bytes,
            table,
            checked: Default::default(),
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

    /// A whole section, verified against its CRC the first time.
    pub(crate) fn section(&self, s: Section) -> Result<&[u8], StoreError> {
        let (offset, len, crc) = self.table[s as usize];
        let data = &self.bytes[offset..offset + len];
        // The records section is large and each record carries its own CRC.
        if matches!(s, Section::Records) {
            return Ok(data);
        }
        let ok = *self.checked[s as usize].get_or_init(|| crc32fast::hash(data) == crc);
        if ok {
            Ok(data)
        } else {
            Err(StoreError::Corrupt("a section fails its checksum"))
        }
    }

    /// The number of u32s in an integer section.
    fn u32_len(&self, s: Section) -> Result<usize, StoreError> {
        let data = self.section(s)?;
        if data.len() % 4 != 0 {
            return Err(StoreError::Corrupt("misaligned integer section"));
        }
        Ok(data.len() / 4)
    }

    pub(crate) fn u32_at(&self, s: Section, i: usize) -> Result<u32, StoreError> {
        let b = self
            .section(s)?
            .get(i * 4..i * 4 + 4)
            .ok_or(StoreError::Corrupt("index out of bounds"))?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
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
            .section(Section::Records)?
            .get(start..end)
            .ok_or(StoreError::Corrupt("record out of bounds"))?;
        if crc32fast::hash(blob) != self.u32_at(Section::RecordCrcs, id)? {
            return Err(StoreError::Corrupt("a record fails its checksum"));
        }
        postcard::from_bytes(blob).map_err(|_| StoreError::Corrupt("a record does not decode"))
    }

    /// A map from key to a postings list, as `fst` and the list of u32s.
    pub(crate) fn fst_map(&self, s: Section) -> Result<fst::Map<&[u8]>, StoreError> {
        fst::Map::new(self.section(s)?).map_err(|_| StoreError::Corrupt("search index"))
    }

    pub(crate) fn postings(&self, s: Section, packed: u64) -> Result<Vec<u32>, StoreError> {
        let (start, len) = ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize);
        (start..start + len).map(|i| self.u32_at(s, i)).collect()
    }
}
