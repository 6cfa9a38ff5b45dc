//! The one search: ranked, typo-tolerant, over registry names, descriptions and
//! organisations and the curated titles, threat names and variants, aliases and software.
//!
//! The CLI, the API, the site and the static export all rank with the rules below. The
//! export ships the same documents as data ([`Knowledge::search_index`]) and
//! `assets/search.js` applies the same rules to them, so a query gives the same hits
//! with or without a server. Scores are integers so both sides add up alike.
//!
//! - A word matches a token exactly ([`EXACT`]), as a prefix of it when the word has at
//!   least three characters ([`PREFIX`]), or, only when no token anywhere equals the word,
//!   within an edit ([`FUZZY`]: one edit for 4–7 bytes, two from 8, or two swapped letters).
//! - A document scores the sum over query words of its best match times the field's
//!   weight ([`W_NAME`], [`W_ORG`], [`W_DESC`]), plus [`ALL_WORDS`] when every word matched
//!   and [`WHOLE`] when the whole query is its name or one of its aliases.
//! - Best first; ties by first port, then title, kind and service name.

use std::collections::{BTreeMap, HashMap};

use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};
use serde::Serialize;

use crate::curated;
use crate::error::IntegrityError;
use crate::knowledge::Knowledge;
use crate::model::{PortRange, Transport};
use crate::query::Query;
use crate::store::{Field, Section};
use crate::text::tokens;

/// An exact token match.
pub const EXACT: u32 = 100;
/// The word starts the token.
pub const PREFIX: u32 = 60;
/// Within an edit or a swap.
pub const FUZZY: u32 = 45;
/// Weight of names (service names, threat names and aliases, software, note titles).
pub const W_NAME: u32 = 3;
/// Weight of organisations.
pub const W_ORG: u32 = 2;
/// Weight of descriptions.
pub const W_DESC: u32 = 1;
/// Bonus when every query word matched.
pub const ALL_WORDS: u32 = 1000;
/// Bonus when the whole query is the document's name or an alias.
pub const WHOLE: u32 = 2000;
/// Bonus when a one-word query that nothing has exactly is within an edit of the
/// document's name or an alias (`minecarft` → the entry aliased `minecraft`).
pub const WHOLE_NEAR: u32 = 500;
/// Longest query looked at, in characters.
pub const MAX_QUERY: usize = 200;

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum HitKind {
    /// An IANA service name.
    Service,
    /// A threat family.
    Threat,
    /// Software on a port it did not register.
    Unofficial,
    /// A curated note.
    Note,
}

impl HitKind {
    /// The id used in the JSON and the export's index.
    pub fn id(self) -> &'static str {
        match self {
            HitKind::Service => "service",
            HitKind::Threat => "threat",
            HitKind::Unofficial => "unofficial",
            HitKind::Note => "note",
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// What it is.
    pub kind: HitKind,
    /// The IANA service name, for registry hits.
    pub service: Option<String>,
    /// A one-line title.
    pub title: String,
    /// The ports, merged across records.
    pub ports: Vec<PortRange>,
    /// The transports, merged across records.
    pub transports: Vec<Transport>,
    /// Relevance; higher is better.
    pub score: u32,
}

/// What a search box query means: a port to go to, or words to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchQuery {
    /// A port number or `N/proto`: go straight to its page.
    Port {
        /// The port.
        port: u16,
        /// The transport, when given.
        transport: Option<Transport>,
    },
    /// Words.
    Words(String),
}

impl SearchQuery {
    /// Classifies a query as typed in a search box.
    pub fn classify(query: &str) -> SearchQuery {
        let q = query.trim();
        match Query::parse(q) {
            Ok(Query::Ports { range, transport }) if range.start == range.end => {
                SearchQuery::Port {
                    port: range.start,
                    transport,
                }
            }
            _ => SearchQuery::Words(q.chars().take(MAX_QUERY).collect()),
        }
    }
}

/// The query words and, per word, whether fuzzy matching may run (no exact token).
pub(crate) struct Words {
    pub words: Vec<String>,
    pub fuzzy: Vec<bool>,
    pub whole: String,
    /// Whether the whole query may match a name within an edit.
    pub whole_fuzzy: bool,
}

/// The quality of a word against a token, 0 when they do not match.
pub(crate) fn quality(word: &str, token: &str, fuzzy: bool) -> u32 {
    if token == word {
        EXACT
    } else if word.len() >= 3 && token.starts_with(word) {
        PREFIX
    } else if fuzzy && near(word, token) {
        FUZZY
    } else {
        0
    }
}

/// Edits allowed for a word of `n` bytes.
fn max_edits(n: usize) -> u8 {
    match n {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Within the allowed edits, or the same letters with two neighbours swapped.
fn near(word: &str, token: &str) -> bool {
    let max = max_edits(word.len());
    if max == 0 {
        return false;
    }
    swapped(word, token) || levenshtein_within(word.as_bytes(), token.as_bytes(), max)
}

fn swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

fn levenshtein_within(a: &[u8], b: &[u8], max: u8) -> bool {
    if a.len().abs_diff(b.len()) > usize::from(max) {
        return false;
    }
    let mut row: Vec<usize> = (0..=a.len()).collect();
    for (j, &cb) in b.iter().enumerate() {
        let mut prev = row[0];
        row[0] = j + 1;
        for (i, &ca) in a.iter().enumerate() {
            let cur = row[i + 1];
            row[i + 1] = (prev + usize::from(ca != cb)).min(cur + 1).min(row[i] + 1);
            prev = cur;
        }
    }
    row[a.len()] <= usize::from(max)
}

impl Knowledge {
    /// Searches everything known; the best `limit` hits, best first. A damaged store
    /// is an error, not an empty result.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, IntegrityError> {
        let query: String = query.chars().take(MAX_QUERY).collect();
        let words = tokens(&query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let registry = self
            .store()
            .map(|s| s.fst_map(Section::SearchFst))
            .transpose()
            .map_err(|e| self.damaged(e))?;
        let curated = curated::get();
        let fuzzy: Vec<bool> = words
            .iter()
            .map(|w| {
                let in_registry = registry.as_ref().is_some_and(|m| m.get(w).is_some());
                !in_registry && !curated.has_token(w)
            })
            .collect();
        let whole_fuzzy = matches!(fuzzy.as_slice(), [true]);
        let words = Words {
            words,
            fuzzy,
            whole: query.trim().to_lowercase(),
            whole_fuzzy,
        };
        let mut hits = match &registry {
            Some(map) => self.search_registry(map, &words)?,
            None => Vec::new(),
        };
        hits.extend(curated.search(&words));
        sort_hits(&mut hits);
        hits.truncate(limit);
        Ok(hits)
    }

    fn search_registry(
        &self,
        map: &fst::Map<&[u8]>,
        q: &Words,
    ) -> Result<Vec<SearchHit>, IntegrityError> {
        let damaged = |e| self.damaged(e);
        let Some(store) = self.store() else {
            return Ok(Vec::new());
        };
        // Best quality × weight per (record, word).
        let mut best: HashMap<(u32, usize), u32> = HashMap::new();
        for (wi, word) in q.words.iter().enumerate() {
            for (packed, quality) in matches(map, word, q.fuzzy[wi]) {
                for posting in store
                    .postings(Section::SearchPostings, packed)
                    .map_err(damaged)?
                {
                    let score = quality * field_weight(Field::from_bits(posting));
                    let slot = best.entry((posting >> 2, wi)).or_insert(0);
                    *slot = (*slot).max(score);
                }
            }
        }
        // Records in id order, so a service's title is its first record's.
        let mut by_record: BTreeMap<u32, Vec<(usize, u32)>> = BTreeMap::new();
        for ((id, wi), s) in best {
            by_record.entry(id).or_default().push((wi, s));
        }
        // Per service name: the best per word over its records, as the export does.
        let mut groups: BTreeMap<String, (SearchHit, Vec<u32>)> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        for (id, per_word) in by_record {
            let rec = store.record(id).map_err(damaged)?;
            let Some(name) = rec.service.clone() else {
                continue;
            };
            let entry = groups.entry(name.clone()).or_insert_with(|| {
                order.push(name.clone());
                (
                    SearchHit {
                        kind: HitKind::Service,
                        service: Some(name.clone()),
                        title: rec.description.lines().next().unwrap_or("").to_string(),
                        ports: Vec::new(),
                        transports: Vec::new(),
                        score: 0,
                    },
                    vec![0; q.words.len()],
                )
            });
            for (wi, s) in per_word {
                entry.1[wi] = entry.1[wi].max(s);
            }
        }
        let mut out = Vec::with_capacity(groups.len());
        for (name, (mut hit, per_word)) in groups {
            // Every record of the name, so ports and transports are whole, and the
            // title is the name's first record's, as in the export's index.
            let records = self.by_service(&name)?;
            if let Some(first) = records.first() {
                hit.title = first.description.lines().next().unwrap_or("").to_string();
            }
            for rec in records {
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
            hit.ports.sort();
            hit.transports.sort();
            hit.score = total(&per_word, &[name.to_lowercase()], q);
            out.push(hit);
        }
        Ok(out)
    }

    /// The export's search index: every document the server searches, with its tokens
    /// per field, as JSON for `assets/search.js`.
    pub fn search_index(&self) -> Result<String, IntegrityError> {
        let mut docs: Vec<IndexDoc> = Vec::new();
        let mut services: BTreeMap<String, usize> = BTreeMap::new();
        // Tokens of records without a service name: no document, but they count as
        // "some token has the word exactly", which turns fuzzy matching off.
        let mut unnamed: Vec<String> = Vec::new();
        for a in self.all_assignments()? {
            let Some(name) = a.service.clone() else {
                unnamed.extend(tokens(&a.description));
                for p in a.assignee.iter().chain(&a.contact) {
                    if let Some(org) = &p.organization {
                        unnamed.extend(tokens(org));
                    }
                }
                continue;
            };
            let i = *services.entry(name.clone()).or_insert_with(|| {
                docs.push(IndexDoc {
                    kind: HitKind::Service,
                    service: name.clone(),
                    title: a.description.lines().next().unwrap_or("").to_string(),
                    ports: Vec::new(),
                    transports: Vec::new(),
                    name: Vec::new(),
                    org: Vec::new(),
                    desc: Vec::new(),
                    keys: vec![name.to_lowercase()],
                });
                docs.len() - 1
            });
            let d = &mut docs[i];
            if let Some(p) = a.ports
                && !d.ports.contains(&p)
            {
                d.ports.push(p);
            }
            if let Some(t) = a.transport
                && !d.transports.contains(&t)
            {
                d.transports.push(t);
            }
            d.name.extend(tokens(&name));
            d.desc.extend(tokens(&a.description));
            for p in a.assignee.iter().chain(&a.contact) {
                if let Some(org) = &p.organization {
                    d.org.extend(tokens(org));
                }
            }
        }
        docs.extend(curated::get().index_docs());
        unnamed.sort_unstable();
        unnamed.dedup();
        let rows: Vec<_> = docs
            .into_iter()
            .map(|mut d| {
                d.ports.sort();
                d.transports.sort();
                for v in [&mut d.name, &mut d.org, &mut d.desc] {
                    v.sort_unstable();
                    v.dedup();
                }
                (
                    d.kind.id(),
                    d.service,
                    d.title,
                    d.ports
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(","),
                    d.transports
                        .iter()
                        .map(|t| t.as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                    d.name.join(" "),
                    d.org.join(" "),
                    d.desc.join(" "),
                    d.keys.join("|"),
                )
            })
            .collect();
        let index = serde_json::json!({
            "v": 1,
            "rules": {
                "exact": EXACT, "prefix": PREFIX, "fuzzy": FUZZY,
                "name": W_NAME, "org": W_ORG, "desc": W_DESC,
                "all_words": ALL_WORDS, "whole": WHOLE, "whole_near": WHOLE_NEAR,
                "max_query": MAX_QUERY,
            },
            "docs": rows,
            "vocabulary_only": unnamed,
        });
        Ok(index.to_string())
    }
}

/// One document of the export's index.
pub(crate) struct IndexDoc {
    pub kind: HitKind,
    pub service: String,
    pub title: String,
    pub ports: Vec<PortRange>,
    pub transports: Vec<Transport>,
    pub name: Vec<String>,
    pub org: Vec<String>,
    pub desc: Vec<String>,
    pub keys: Vec<String>,
}

/// A document's score from its best score per word.
pub(crate) fn total(per_word: &[u32], keys: &[String], q: &Words) -> u32 {
    let matched = per_word.iter().filter(|s| **s > 0).count();
    if matched == 0 {
        return 0;
    }
    let mut score: u32 = per_word.iter().sum();
    if matched == per_word.len() {
        score += ALL_WORDS;
    }
    if keys.contains(&q.whole) {
        score += WHOLE;
    } else if q.whole_fuzzy && keys.iter().any(|k| near(&q.whole, k)) {
        score += WHOLE_NEAR;
    }
    score
}

/// Best first; ties by first port, title, kind and service name.
pub(crate) fn sort_hits(hits: &mut [SearchHit]) {
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| first_port(a).cmp(&first_port(b)))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.service.cmp(&b.service))
    });
}

fn field_weight(f: Field) -> u32 {
    match f {
        Field::Name => W_NAME,
        Field::Organization => W_ORG,
        Field::Description => W_DESC,
    }
}

fn first_port(h: &SearchHit) -> u32 {
    h.ports.first().map_or(u32::MAX, |p| u32::from(p.start))
}

/// Keys of the index matching a word, with the quality of each (the best if several
/// rules match the same key).
fn matches(map: &fst::Map<&[u8]>, word: &str, fuzzy: bool) -> Vec<(u64, u32)> {
    let mut found: BTreeMap<Vec<u8>, (u64, u32)> = BTreeMap::new();
    let mut add = |key: &[u8], v: u64, q: u32| {
        found.entry(key.to_vec()).or_insert((v, q));
    };
    if let Some(v) = map.get(word) {
        add(word.as_bytes(), v, EXACT);
    }
    if word.len() >= 3 {
        let mut stream = map.search(Str::new(word).starts_with()).into_stream();
        while let Some((key, v)) = stream.next() {
            add(key, v, PREFIX);
        }
    }
    if fuzzy {
        let chars: Vec<char> = word.chars().collect();
        for i in 1..chars.len() {
            let mut s = chars.clone();
            s.swap(i - 1, i);
            let s: String = s.into_iter().collect();
            if s != word
                && let Some(v) = map.get(&s)
            {
                add(s.as_bytes(), v, FUZZY);
            }
        }
        let max = max_edits(word.len());
        if max > 0 {
            let mut stream = map.search(Within::new(word, max)).into_stream();
            while let Some((key, v)) = stream.next() {
                add(key, v, FUZZY);
            }
        }
    }
    // The automata only find candidates; the rules score them, so the export and the
    // server agree on every key.
    found
        .into_iter()
        .map(|(key, (v, _))| (v, quality(word, &String::from_utf8_lossy(&key), fuzzy)))
        .filter(|(_, q)| *q > 0)
        .collect()
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
    use super::*;
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

    #[test]
    fn the_rules() {
        assert_eq!(quality("ssh", "ssh", true), EXACT);
        assert_eq!(quality("mydo", "mydoom", true), PREFIX);
        assert_eq!(quality("mydooom", "mydoom", true), FUZZY);
        assert_eq!(quality("minecarft", "minecraft", true), FUZZY);
        assert_eq!(quality("mydom", "mydoom", true), FUZZY);
        assert_eq!(quality("mydom", "mydoom", false), 0);
        assert_eq!(quality("cer", "cern", true), PREFIX);
        assert_eq!(quality("abc", "abd", true), 0);
        assert_eq!(
            SearchQuery::classify(" 3389 "),
            SearchQuery::Port {
                port: 3389,
                transport: None
            }
        );
        assert_eq!(
            SearchQuery::classify("53/udp"),
            SearchQuery::Port {
                port: 53,
                transport: Some(Transport::Udp)
            }
        );
        assert_eq!(
            SearchQuery::classify("my dom"),
            SearchQuery::Words("my dom".into())
        );
    }

    proptest! {
        #[test]
        fn agrees_with_edit_distance(word in "[a-d]{1,6}", key in "[a-d]{0,8}", max in 1u8..3) {
            let found = !within(&[key.as_str()], &word, max).is_empty();
            prop_assert_eq!(found, strsim::levenshtein(&word, &key) <= usize::from(max));
        }

        #[test]
        fn table_agrees_with_automaton(word in "[a-d]{1,6}", key in "[a-d]{0,8}", max in 1u8..3) {
            let found = !within(&[key.as_str()], &word, max).is_empty();
            prop_assert_eq!(found, levenshtein_within(word.as_bytes(), key.as_bytes(), max));
        }
    }
}
