//! Ranked, typo-tolerant search over service names, descriptions, organisations and
//! the curated knowledge (threat names, software, note titles).

use std::collections::HashMap;

use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};
use serde::Serialize;

use crate::curated;
use crate::error::{IntegrityError, StoreError};
use crate::knowledge::Knowledge;
use crate::model::{PortRange, Transport};
use crate::store::{Field, Section};
use crate::text::tokens;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// `service` (IANA registry), `threat`, `unofficial` or `note` (curated).
    pub kind: String,
    /// The IANA service name, for registry hits.
    pub service: Option<String>,
    /// A one-line title.
    pub title: String,
    /// The ports, merged across records.
    pub ports: Vec<PortRange>,
    /// The transports, merged across records.
    pub transports: Vec<Transport>,
    /// Relevance; higher is better.
    pub score: f32,
}

/// How good a token match is.
const EXACT: f32 = 1.0;
const PREFIX: f32 = 0.6;
const FUZZY: f32 = 0.45;

fn field_weight(f: Field) -> f32 {
    match f {
        Field::Name => 3.0,
        Field::Organization => 2.0,
        Field::Description => 1.0,
    }
}

impl Knowledge {
    /// Searches everything known; the best `limit` hits, best first. A damaged store
    /// is an error, never a list silently missing the registry's hits.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, IntegrityError> {
        let query: String = query.chars().take(200).collect();
        let words = tokens(&query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits = self
            .search_registry(&query, &words)
            .map_err(|e| self.damaged(e))?;
        hits.extend(curated::get().search(&words));
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| first_port(a).cmp(&first_port(b)))
                .then_with(|| a.title.cmp(&b.title))
        });
        hits.truncate(limit);
        Ok(hits)
    }

    fn search_registry(&self, query: &str, words: &[String]) -> Result<Vec<SearchHit>, StoreError> {
        let Some(store) = self.store() else {
            return Ok(Vec::new());
        };
        let map = store.fst_map(Section::SearchFst)?;
        // Best match quality per (record, query word).
        let mut best: HashMap<(u32, usize), f32> = HashMap::new();
        for (wi, word) in words.iter().enumerate() {
            for (packed, quality) in matches(&map, word) {
                for posting in store.postings(Section::SearchPostings, packed)? {
                    let score = quality * field_weight(Field::from_bits(posting));
                    let slot = best.entry((posting >> 2, wi)).or_insert(0.0);
                    *slot = slot.max(score);
                }
            }
        }
        let mut per_record: HashMap<u32, (f32, usize)> = HashMap::new();
        for ((id, _), score) in best {
            let e = per_record.entry(id).or_insert((0.0, 0));
            e.0 += score;
            e.1 += 1;
        }
        // Records matching every word first; a whole-name match on top.
        let exact_name = query.trim().to_ascii_lowercase();
        let mut groups: HashMap<String, SearchHit> = HashMap::new();
        for (id, (score, matched)) in per_record {
            let rec = store.record(id)?;
            let Some(name) = rec.service.clone() else {
                continue;
            };
            let mut score = score + if matched == words.len() { 10.0 } else { 0.0 };
            if name.eq_ignore_ascii_case(&exact_name) {
                score += 20.0;
            }
            let hit = groups.entry(name.clone()).or_insert_with(|| SearchHit {
                kind: "service".into(),
                service: Some(name.clone()),
                title: rec.description.lines().next().unwrap_or("").to_string(),
                ports: Vec::new(),
                transports: Vec::new(),
                score: 0.0,
            });
            hit.score = hit.score.max(score);
            if let Some(p) = rec.ports
                && !hit.ports.contains(&p)
            {
                hit.ports.push(p);
            }
            if let Some(t) = rec.transport
                && !hit.transports.contains(&t)
            {
                hit.transports.push(t);
            }
        }
        Ok(groups
            .into_values()
            .map(|mut h| {
                h.ports.sort();
                h.transports.sort();
                h
            })
            .collect())
    }
}

fn first_port(h: &SearchHit) -> u32 {
    h.ports.first().map_or(u32::MAX, |p| u32::from(p.start))
}

/// Keys of the index matching a word: exactly, by prefix, or within a small edit distance.
fn matches(map: &fst::Map<impl AsRef<[u8]>>, word: &str) -> Vec<(u64, f32)> {
    let mut out = Vec::new();
    if let Some(v) = map.get(word) {
        out.push((v, EXACT));
    }
    let n = word.chars().count();
    if n >= 3 {
        let mut stream = map.search(Str::new(word).starts_with()).into_stream();
        let mut taken = 0;
        while let Some((key, v)) = stream.next() {
            if key != word.as_bytes() {
                out.push((v, PREFIX));
                taken += 1;
                if taken >= 64 {
                    break;
                }
            }
        }
    }
    // Plain Levenshtein counts a swap of two letters as two edits; try swaps directly.
    let chars: Vec<char> = word.chars().collect();
    for i in 1..chars.len() {
        let mut swapped = chars.clone();
        swapped.swap(i - 1, i);
        let swapped: String = swapped.into_iter().collect();
        if swapped != word
            && let Some(v) = map.get(&swapped)
        {
            out.push((v, FUZZY));
        }
    }
    let distance = match n {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    if distance > 0 {
        let mut stream = map.search(Within::new(word, distance)).into_stream();
        while let Some((key, v)) = stream.next() {
            if key != word.as_bytes() && !key.starts_with(word.as_bytes()) {
                out.push((v, FUZZY));
            }
        }
    }
    out
}

/// Keys within `max` edits (insertions, deletions, substitutions) of a word, counted in
/// bytes. The automaton keeps one row of the edit-distance table per FST state, so it
/// costs only the branches it walks; fst's own Levenshtein builds a whole DFA first,
/// which took more time and memory than the rest of a search. Index keys are lowercase
/// ASCII words almost always, where bytes and characters agree.
#[derive(Debug)]
struct Within<'a> {
    word: &'a [u8],
    max: u8,
}

impl<'a> Within<'a> {
    fn new(word: &'a str, max: u8) -> Within<'a> {
        Within {
            word: word.as_bytes(),
            max,
        }
    }
}

impl Automaton for Within<'_> {
    /// Distances from the key so far to each prefix of the word; `None` once no
    /// continuation can come within `max`.
    type State = Option<Vec<u8>>;

    fn start(&self) -> Self::State {
        Some((0..=self.word.len()).map(|i| i.min(255) as u8).collect())
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state
            .as_ref()
            .and_then(|row| row.last())
            .is_some_and(|d| *d <= self.max)
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        let row = state.as_ref()?;
        let mut next = Vec::with_capacity(row.len());
        next.push(row[0].saturating_add(1));
        for (i, &c) in self.word.iter().enumerate() {
            let substitute = row[i].saturating_add(u8::from(c != byte));
            let delete = row[i + 1].saturating_add(1);
            let insert = next[i].saturating_add(1);
            next.push(substitute.min(delete).min(insert));
        }
        next.iter().any(|d| *d <= self.max).then_some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::Within;
    use fst::{IntoStreamer, Set};
    use proptest::prelude::*;

    fn within(keys: &[&str], word: &str, max: u8) -> Vec<String> {
        let mut keys = keys.to_vec();
        keys.sort_unstable();
        keys.dedup();
        let set = Set::from_iter(keys).expect("sorted keys");
        set.search(Within::new(word, max))
            .into_stream()
            .into_strs()
            .expect("utf-8 keys")
    }

    #[test]
    fn finds_keys_one_or_two_edits_away() {
        let keys = [
            "file", "files", "fil", "fine", "mile", "filer", "rfio", "rfoi", "xyzzy",
        ];
        assert_eq!(
            within(&keys, "file", 1),
            ["fil", "file", "filer", "files", "fine", "mile"]
        );
        assert_eq!(within(&keys, "rfio", 1), ["rfio"]);
        assert_eq!(within(&keys, "rfio", 2), ["fil", "rfio", "rfoi"]);
    }

    proptest! {
        #[test]
        fn agrees_with_edit_distance(word in "[a-d]{1,6}", key in "[a-d]{0,8}", max in 1u8..3) {
            let found = !within(&[key.as_str()], &word, max).is_empty();
            prop_assert_eq!(found, strsim::levenshtein(&word, &key) <= usize::from(max));
        }
    }
}
