//! The crafted-store generator's half that must know the layout: after a test or a
//! fuzzer edits a store's bytes, [`reseal`] recomputes every checksum (each record's,
//! each index block's, each section's), so the edit reaches the structural checks and
//! the readers instead of stopping at a CRC. CRC32 catches accidents, not tampering;
//! this is how the tests play the tamperer.

use super::{BLOCK, BLOCKED, SECTION_COUNT, Section};

/// Recomputes every checksum of an edited store, leaving whatever does not parse as it
/// is. Never panics, whatever the bytes.
pub fn reseal(bytes: &mut [u8]) {
    let Some(table) = table(bytes) else { return };
    let span = |s: Section| table[s as usize];
    // Records first: their CRCs live in a section whose own CRC comes last.
    if let (Some(offsets), Some(records), Some(crcs)) = (
        span(Section::RecordOffsets),
        span(Section::Records),
        span(Section::RecordCrcs),
    ) {
        let count = (offsets.1 / 4).saturating_sub(1).min(crcs.1 / 4);
        for id in 0..count {
            let start = read(bytes, offsets.0 + id * 4) as usize;
            let end = read(bytes, offsets.0 + id * 4 + 4) as usize;
            if start <= end && end <= records.1 {
                let crc = crc32fast::hash(&bytes[records.0 + start..records.0 + end]);
                write(bytes, crcs.0 + id * 4, crc);
            }
        }
    }
    if let Some(block_crcs) = span(Section::BlockCrcs) {
        let mut at = 0;
        for s in BLOCKED {
            let Some((offset, len)) = span(s) else {
                continue;
            };
            for start in (0..len).step_by(BLOCK) {
                let end = len.min(start + BLOCK);
                if at + 4 <= block_crcs.1 {
                    let crc = crc32fast::hash(&bytes[offset + start..offset + end]);
                    write(bytes, block_crcs.0 + at, crc);
                }
                at += 4;
            }
        }
    }
    for (i, entry) in table.iter().enumerate() {
        if let Some((offset, len)) = *entry {
            let crc = crc32fast::hash(&bytes[offset..offset + len]);
            write(bytes, 16 + i * 12 + 8, crc);
        }
    }
}

/// Each section's (offset, length), when it lies within the file.
fn table(bytes: &[u8]) -> Option<[Option<(usize, usize)>; SECTION_COUNT]> {
    let header = 16 + SECTION_COUNT * 12;
    if bytes.len() < header {
        return None;
    }
    let mut table = [None; SECTION_COUNT];
    for (i, entry) in table.iter_mut().enumerate() {
        let offset = read(bytes, 16 + i * 12) as usize;
        let len = read(bytes, 16 + i * 12 + 4) as usize;
        if offset
            .checked_add(len)
            .is_some_and(|end| end <= bytes.len())
        {
            *entry = Some((offset, len));
        }
    }
    Some(table)
}

fn read(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn write(bytes: &mut [u8], at: usize, value: u32) {
    if let Some(b) = bytes.get_mut(at..at + 4) {
        b.copy_from_slice(&value.to_le_bytes());
    }
}
