use std::collections::BTreeMap;

use portlore_iana::Registry;

use super::{BLOCK, BLOCKED, FORMAT, Field, MAGIC, Meta, SECTION_COUNT, Section};
use crate::model::{Assignment, Party, Reference};
use crate::text::tokens;

/// The most ports one record may cover. The real registry's widest range has under a
/// thousand; the whole dynamic range (16,384 ports) is the widest that makes sense.
pub const MAX_RECORD_PORTS: u32 = 16_384;

/// The most (port, record) pairs the port index may hold: about 18 times the real
/// registry's 57,000, and 4 MiB of index.
pub const MAX_INDEX_ENTRIES: u64 = 1 << 20;

/// Why a registry cannot be compiled into a store.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompileError {
    /// One record covers more ports than any real assignment could.
    #[error(
        "the record at line {line} ({name}) covers {ports} ports, more than the {MAX_RECORD_PORTS} allowed"
    )]
    RangeTooWide {
        /// The record's line in the registry file.
        line: u64,
        /// Its service name, or "no name".
        name: String,
        /// How many ports it covers.
        ports: u32,
    },
    /// The records together cover too many ports.
    #[error(
        "the port index would exceed {MAX_INDEX_ENTRIES} entries at the record at line {line} ({name})"
    )]
    IndexTooLarge {
        /// The line of the record that crossed the limit.
        line: u64,
        /// Its service name, or "no name".
        name: String,
    },
    /// A section would not fit the store's 32-bit offsets.
    #[error("the registry is too large for the store format")]
    TooLarge,
}

/// Compiles a parsed registry into the store format, refusing registries whose index
/// would be out of all proportion to the input.
pub fn compile(registry: &Registry) -> Result<Vec<u8>, CompileError> {
    check_index_size(registry)?;
    let records: Vec<Assignment> = registry.records.iter().map(assignment).collect();
    let mut sections: Vec<Vec<u8>> = vec![Vec::new(); SECTION_COUNT];

    let meta = Meta {
        updated: registry.updated.clone(),
        records: u32::try_from(records.len()).map_err(|_| CompileError::TooLarge)?,
    };
    // A search posting is `id << 2 | field`.
    if records.len() >= 1 << 30 {
        return Err(CompileError::TooLarge);
    }
    sections[Section::Meta as usize] = postcard::to_stdvec(&meta).expect("meta encodes");

    // Port index, CSR style: ports[p]..ports[p+1] are the entries of port p. Counted
    // first, then filled, so it takes exactly the memory it needs.
    let mut index = vec![0u32; 65537];
    for rec in &registry.records {
        if let Some(range) = rec.ports {
            for port in range.start..=range.end {
                index[usize::from(port) + 1] += 1;
            }
        }
    }
    for p in 0..65536 {
        index[p + 1] += index[p];
    }
    let mut fill: Vec<u32> = index[..65536].to_vec();
    let mut entries = vec![0u32; index[65536] as usize];
    for (id, rec) in registry.records.iter().enumerate() {
        if let Some(range) = rec.ports {
            for port in range.start..=range.end {
                let slot = &mut fill[usize::from(port)];
                entries[*slot as usize] = id as u32;
                *slot += 1;
            }
        }
    }
    sections[Section::PortIndex as usize] = u32s(&index);
    sections[Section::PortEntries as usize] = u32s(&entries);

    let mut offsets = vec![0u32];
    let mut crcs = Vec::with_capacity(records.len());
    let mut blob = Vec::new();
    for rec in &records {
        let bytes = postcard::to_stdvec(rec).expect("record encodes");
        crcs.push(crc32fast::hash(&bytes));
        blob.extend_from_slice(&bytes);
        offsets.push(u32::try_from(blob.len()).map_err(|_| CompileError::TooLarge)?);
    }
    sections[Section::RecordOffsets as usize] = u32s(&offsets);
    sections[Section::RecordCrcs as usize] = u32s(&crcs);
    sections[Section::Records as usize] = blob;

    let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, rec) in records.iter().enumerate() {
        let id = id as u32;
        if let Some(name) = &rec.service {
            names.entry(name.to_ascii_lowercase()).or_default().push(id);
            index_words(&mut words, name, id, Field::Name);
        }
        index_words(&mut words, &rec.description, id, Field::Description);
        for party in rec.assignee.iter().chain(&rec.contact) {
            if let Some(org) = &party.organization {
                index_words(&mut words, org, id, Field::Organization);
            }
        }
    }
    let (fst, postings) = fst_with_postings(&names)?;
    sections[Section::NameFst as usize] = fst;
    sections[Section::NamePostings as usize] = postings;
    for list in words.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    let (fst, postings) = fst_with_postings(&words)?;
    sections[Section::SearchFst as usize] = fst;
    sections[Section::SearchPostings as usize] = postings;

    let block_crcs: Vec<u32> = BLOCKED
        .iter()
        .flat_map(|s| sections[*s as usize].chunks(BLOCK).map(crc32fast::hash))
        .collect();
    sections[Section::BlockCrcs as usize] = u32s(&block_crcs);

    assemble(&sections)
}

fn index_words(words: &mut BTreeMap<String, Vec<u32>>, text: &str, id: u32, field: Field) {
    for token in tokens(text) {
        words.entry(token).or_default().push(id << 2 | field as u32);
    }
}

/// Refuses, before anything is allocated, a registry whose ranges would blow up the
/// port index.
fn check_index_size(registry: &Registry) -> Result<(), CompileError> {
    let mut total = 0u64;
    for rec in &registry.records {
        let Some(range) = rec.ports else { continue };
        let name = || rec.name.clone().unwrap_or_else(|| "no name".into());
        let ports = u32::from(range.end).saturating_sub(u32::from(range.start)) + 1;
        if ports > MAX_RECORD_PORTS {
            return Err(CompileError::RangeTooWide {
                line: rec.line,
                name: name(),
                ports,
            });
        }
        total += u64::from(ports);
        if total > MAX_INDEX_ENTRIES {
            return Err(CompileError::IndexTooLarge {
                line: rec.line,
                name: name(),
            });
        }
    }
    Ok(())
}

/// An FST from key to `start << 32 | len` into a flat postings list.
fn fst_with_postings(map: &BTreeMap<String, Vec<u32>>) -> Result<(Vec<u8>, Vec<u8>), CompileError> {
    let mut builder = fst::MapBuilder::memory();
    let mut postings = Vec::new();
    for (key, list) in map {
        let start = u32::try_from(postings.len()).map_err(|_| CompileError::TooLarge)?;
        let len = u32::try_from(list.len()).map_err(|_| CompileError::TooLarge)?;
        let value = u64::from(start) << 32 | u64::from(len);
        builder.insert(key, value).expect("keys arrive sorted");
        postings.extend_from_slice(list);
    }
    Ok((builder.into_inner().expect("fst builds"), u32s(&postings)))
}

fn u32s(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn assemble(sections: &[Vec<u8>]) -> Result<Vec<u8>, CompileError> {
    let header = 8 + 4 + 4 + sections.len() * 12;
    let total = sections
        .iter()
        .try_fold(header, |sum, s| sum.checked_add(s.len()))
        .filter(|t| u32::try_from(*t).is_ok())
        .ok_or(CompileError::TooLarge)?;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    // Every offset and length fits: the total does.
    let mut offset = header as u32;
    for section in sections {
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(section).to_le_bytes());
        offset += section.len() as u32;
    }
    for section in sections {
        out.extend_from_slice(section);
    }
    Ok(out)
}

fn assignment(rec: &portlore_iana::Record) -> Assignment {
    let party = |p: &portlore_iana::Party| Party {
        name: p.name.clone(),
        organization: p.organization.clone(),
    };
    Assignment {
        service: rec.name.clone(),
        transport: rec.transport,
        ports: rec.ports,
        status: rec.status(),
        description: rec.description.clone(),
        assignee: rec.assignee.iter().map(party).collect(),
        contact: rec.contact.iter().map(party).collect(),
        registered: rec.registered.clone(),
        modified: rec.modified.clone(),
        references: rec.references.iter().map(reference).collect(),
        notes: rec.notes.clone(),
        unauthorized: rec.unauthorized.clone(),
        service_code: rec.service_code.clone(),
    }
}

fn reference(r: &portlore_iana::Reference) -> Reference {
    use portlore_iana::Reference as R;
    let (kind, id, url) = match r {
        R::Rfc(id) => {
            let number = id.trim_start_matches("RFC");
            let url = format!("https://www.rfc-editor.org/rfc/rfc{number}");
            ("rfc", id.clone(), Some(url))
        }
        R::Draft(id) => {
            let url = id
                .starts_with("draft-")
                .then(|| format!("https://datatracker.ietf.org/doc/{id}/"));
            ("draft", id.clone(), url)
        }
        R::Uri(id) => {
            let web = id.starts_with("https://") || id.starts_with("http://");
            ("uri", id.clone(), web.then(|| id.clone()))
        }
        R::Text(id) => ("text", id.clone(), None),
    };
    Reference {
        kind: kind.to_string(),
        id,
        url,
    }
}
