use std::collections::BTreeMap;

use portlore_iana::Registry;

use super::{BLOCK, BLOCKED, FORMAT, Field, MAGIC, Meta, SECTION_COUNT, Section};
use crate::model::{Assignment, Party, Reference};
use crate::text::tokens;

/// Compiles a parsed registry into the store format.
pub fn compile(registry: &Registry) -> Vec<u8> {
    let records: Vec<Assignment> = registry.records.iter().map(assignment).collect();
    let mut sections: Vec<Vec<u8>> = vec![Vec::new(); SECTION_COUNT];

    let meta = Meta {
        updated: registry.updated.clone(),
        records: records.len() as u32,
    };
    sections[Section::Meta as usize] = postcard::to_stdvec(&meta).expect("meta encodes");

    // Port index, CSR style: ports[p]..ports[p+1] are the entries of port p.
    let mut per_port: Vec<Vec<u32>> = vec![Vec::new(); 65536];
    for (id, rec) in registry.records.iter().enumerate() {
        if let Some(range) = rec.ports {
            for port in range.start..=range.end {
                per_port[usize::from(port)].push(id as u32);
            }
        }
    }
    let (index, entries) = csr(&per_port);
    sections[Section::PortIndex as usize] = u32s(&index);
    sections[Section::PortEntries as usize] = u32s(&entries);

    let mut offsets = vec![0u32];
    let mut crcs = Vec::with_capacity(records.len());
    let mut blob = Vec::new();
    for rec in &records {
        let bytes = postcard::to_stdvec(rec).expect("record encodes");
        crcs.push(crc32fast::hash(&bytes));
        blob.extend_from_slice(&bytes);
        offsets.push(blob.len() as u32);
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
    let (fst, postings) = fst_with_postings(&names);
    sections[Section::NameFst as usize] = fst;
    sections[Section::NamePostings as usize] = postings;
    for list in words.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    let (fst, postings) = fst_with_postings(&words);
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

fn csr(lists: &[Vec<u32>]) -> (Vec<u32>, Vec<u32>) {
    let mut index = Vec::with_capacity(lists.len() + 1);
    let mut entries = Vec::new();
    index.push(0);
    for list in lists {
        entries.extend_from_slice(list);
        index.push(entries.len() as u32);
    }
    (index, entries)
}

/// An FST from key to `start << 32 | len` into a flat postings list.
fn fst_with_postings(map: &BTreeMap<String, Vec<u32>>) -> (Vec<u8>, Vec<u8>) {
    let mut builder = fst::MapBuilder::memory();
    let mut postings = Vec::new();
    for (key, list) in map {
        let value = (postings.len() as u64) << 32 | list.len() as u64;
        builder.insert(key, value).expect("keys arrive sorted");
        postings.extend_from_slice(list);
    }
    (builder.into_inner().expect("fst builds"), u32s(&postings))
}

fn u32s(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn assemble(sections: &[Vec<u8>]) -> Vec<u8> {
    let header = 8 + 4 + 4 + sections.len() * 12;
    let mut out = Vec::with_capacity(header + sections.iter().map(Vec::len).sum::<usize>());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
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
    out
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
