//! Curated, cited knowledge embedded at build time from `data/`.
//!
//! `build.rs` validates `data/**/*.toml` (schema in `data/README.md`) and archives it with
//! rkyv; this module embeds the archive and reads it in place. Loading is a bounds and
//! UTF-8 check of a small header (the port index and where each entry lies), done once;
//! every entry is an archive of its own, checked when it is read. A lookup
//! binary-searches the single ports of the index, walks its few wider spans, and turns
//! only the matching entries into the owned, serialisable facts of [`facts`](self).
//!
//! INTERFACE CONTRACT (used by `port.rs` and `search.rs`; keep these signatures):
//! `get() -> &'static Curated`, `Curated::for_port(u16) -> CuratedFacts`,
//! `Curated::ephemeral_systems(u16) -> Vec<String>`, `Curated::search(&Words) -> Vec<SearchHit>`,
//! `Curated::counts() -> Counts`, and the public fields of the types in `facts.rs`.

mod convert;
mod facts;
pub(crate) mod schema;

pub use facts::{
    Counts, CuratedFacts, EphemeralSystem, ExposureFact, NoteFact, NoteStatus, RangeFact,
    RangeKind, Severity, Source, ThreatKind, ThreatRole, ThreatUse, UnofficialFact,
};

use std::sync::OnceLock;

use crate::model::{PortRange, Transport};
use crate::search::{self, HitKind, IndexDoc, SearchHit, Words};
use rkyv::vec::ArchivedVec;
use schema::{
    ArchivedExposure, ArchivedHeader, ArchivedNote, ArchivedRange, ArchivedSlot, ArchivedThreat,
    ArchivedUnofficial, KIND_EXPOSURE, KIND_NOTE, KIND_RANGE, KIND_THREAT, KIND_UNOFFICIAL,
};

/// rkyv needs its archive aligned; `include_bytes!` alone guarantees nothing.
#[repr(C, align(16))]
struct Aligned<B: ?Sized>(B);

static HEADER: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(
    env!("OUT_DIR"),
    "/curated-header.rkyv"
)));
static ENTRIES: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(
    env!("OUT_DIR"),
    "/curated-entries.rkyv"
)));

/// The words of each searchable entry, one line per entry (see `build.rs`).
static SEARCH_INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/curated-search.txt"));

/// The aliases, one per line: `alias TAB port TAB kind TAB index` (see `build.rs`).
static ALIASES: &str = include_str!(concat!(env!("OUT_DIR"), "/curated-aliases.txt"));

/// One line of [`SEARCH_INDEX`].
struct SearchLine {
    /// Which table the entry is in: a threat, an unofficial use or a note.
    kind: HitKind,
    index: usize,
    keys: &'static str,
    tokens: &'static str,
}

fn search_lines() -> impl Iterator<Item = SearchLine> {
    SEARCH_INDEX.lines().filter_map(|line| {
        let mut f = line.splitn(4, '\t');
        Some(SearchLine {
            kind: line_kind(f.next()?)?,
            index: f.next()?.parse().ok()?,
            keys: f.next()?,
            tokens: f.next()?,
        })
    })
}

/// The kind `build.rs` wrote at the head of a search line. A registry service is never
/// a curated line, so it has no id here.
fn line_kind(id: &str) -> Option<HitKind> {
    [HitKind::Threat, HitKind::Unofficial, HitKind::Note]
        .into_iter()
        .find(|k| k.id() == id)
}

/// An archived entry type that can be checked in place, with the table that remembers
/// each entry's check.
trait Checked:
    rkyv::Portable
    + for<'a> rkyv::bytecheck::CheckBytes<rkyv::api::high::HighValidator<'a, rkyv::rancor::Error>>
    + Sync
    + 'static
{
    /// One cell per entry of this type's kind, filled the first time it is read.
    fn memo() -> &'static Memo<Self>;
}

/// Each entry of one kind, once checked: the entry, or `None` if it failed its check.
type Memo<T> = OnceLock<Box<[OnceLock<Option<&'static T>>]>>;

macro_rules! checked {
    ($($t:ty),*) => {$(
        impl Checked for $t {
            fn memo() -> &'static Memo<$t> {
                static MEMO: Memo<$t> = OnceLock::new();
                &MEMO
            }
        }
    )*};
}

checked!(
    ArchivedNote,
    ArchivedThreat,
    ArchivedExposure,
    ArchivedUnofficial,
    ArchivedRange
);

/// One entry, checked the first time it is read: each entry is an archive of its own,
/// so a lookup pays only for the entries it returns. The archive is part of the binary
/// and never changes, so the first check stands for every later read; checking again
/// on each read was a tenth of a port page's work on the site (every page reads every
/// range entry to find the ephemeral ranges).
///
/// Each kind has one table of slots (in the one embedded header), so the memo of a
/// type always belongs to the same `slots`.
fn entry<T>(slots: &'static ArchivedVec<ArchivedSlot>, i: usize) -> Option<&'static T>
where
    T: Checked,
{
    let memo = T::memo().get_or_init(|| (0..slots.len()).map(|_| OnceLock::new()).collect());
    *memo.get(i)?.get_or_init(|| check(slots, i))
}

/// Checks entry `i` of a kind.
fn check<T>(slots: &'static ArchivedVec<ArchivedSlot>, i: usize) -> Option<&'static T>
where
    T: Checked,
{
    let slot = slots.get(i)?;
    let start = slot.offset.to_native() as usize;
    let bytes = ENTRIES
        .0
        .get(start..start + slot.len.to_native() as usize)?;
    rkyv::access::<T, rkyv::rancor::Error>(bytes).ok()
}

/// Every entry of one kind, in data order.
fn all<T>(slots: &'static ArchivedVec<ArchivedSlot>) -> impl Iterator<Item = &'static T>
where
    T: Checked,
{
    (0..slots.len()).filter_map(move |i| entry(slots, i))
}

/// All curated entries, with lookups by port.
pub struct Curated {
    /// `None` only if the embedded header failed its check, which the tests rule out.
    archive: Option<&'static ArchivedHeader>,
}

impl std::fmt::Debug for Curated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Curated")
            .field("counts", &self.counts())
            .finish()
    }
}

/// The curated knowledge compiled into this binary.
pub fn get() -> &'static Curated {
    static CURATED: OnceLock<Curated> = OnceLock::new();
    CURATED.get_or_init(|| Curated {
        archive: rkyv::access::<ArchivedHeader, rkyv::rancor::Error>(&HEADER.0).ok(),
    })
}

impl Curated {
    /// Whether the embedded archive loaded (always, unless the build is broken).
    pub fn is_loaded(&self) -> bool {
        self.archive.is_some()
    }

    /// How many embedded entries fail their archive check: always 0 unless the build is
    /// broken. Lookups skip such entries; the tests call this to rule them out.
    pub fn broken_entries(&self) -> usize {
        let Some(a) = self.archive else { return 0 };
        let bad = |n: usize, ok: usize| n - ok;
        bad(a.notes.len(), all::<ArchivedNote>(&a.notes).count())
            + bad(a.threats.len(), all::<ArchivedThreat>(&a.threats).count())
            + bad(
                a.exposure.len(),
                all::<ArchivedExposure>(&a.exposure).count(),
            )
            + bad(
                a.unofficial.len(),
                all::<ArchivedUnofficial>(&a.unofficial).count(),
            )
            + bad(a.ranges.len(), all::<ArchivedRange>(&a.ranges).count())
    }

    /// Every curated fact that covers `port`, the most specific (narrowest span) first.
    /// A threat that used a range appears once per covering range, with that range.
    pub fn for_port(&self, port: u16) -> CuratedFacts {
        let mut out = CuratedFacts::default();
        let Some(a) = self.archive else { return out };
        // Single ports: binary search. Wider spans: a short linear walk.
        let singles = &a.index[..a.singles.to_native() as usize];
        let first = singles.partition_point(|e| e.start.to_native() < port);
        let exact = singles[first..]
            .iter()
            .take_while(|e| e.start.to_native() == port);
        let wide = a.index[singles.len()..]
            .iter()
            .filter(|e| port >= e.start.to_native() && port <= e.end.to_native());
        for e in exact.chain(wide) {
            let item = usize::from(e.item.to_native());
            match e.kind {
                KIND_NOTE => out
                    .notes
                    .extend(entry::<ArchivedNote>(&a.notes, item).map(convert::note)),
                KIND_THREAT => {
                    let Some(t) = entry::<ArchivedThreat>(&a.threats, item) else {
                        continue;
                    };
                    let Some(u) = t.uses.get(usize::from(e.sub.to_native())) else {
                        continue;
                    };
                    let span = PortRange {
                        start: e.start.to_native(),
                        end: e.end.to_native(),
                    };
                    out.threats.push(convert::threat_use(item, t, u, span));
                }
                KIND_EXPOSURE => out
                    .exposure
                    .extend(entry::<ArchivedExposure>(&a.exposure, item).map(convert::exposure)),
                KIND_UNOFFICIAL => out.unofficial.extend(
                    entry::<ArchivedUnofficial>(&a.unofficial, item).map(convert::unofficial),
                ),
                KIND_RANGE => out
                    .ranges
                    .extend(entry::<ArchivedRange>(&a.ranges, item).map(convert::range)),
                _ => {}
            }
        }
        out
    }

    /// Every port note, in data order.
    pub fn notes(&self) -> impl Iterator<Item = NoteFact> + '_ {
        self.archive
            .into_iter()
            .flat_map(|a| all::<ArchivedNote>(&a.notes).map(convert::note))
    }

    /// Every threat use, one per (family, use, port range), in data order.
    pub fn threat_uses(&self) -> impl Iterator<Item = ThreatUse> + '_ {
        self.uses_of(0..self.archive.map_or(0, |a| a.threats.len()))
    }

    /// Every use of the families of `uses` (a port's threats), in data order. Only their
    /// entries are read: checking every family's entry to keep a few was most of a cold
    /// lookup's time.
    pub fn uses_of_families(&self, uses: &[ThreatUse]) -> impl Iterator<Item = ThreatUse> + '_ {
        let mut entries: Vec<usize> = uses.iter().map(|u| u.entry).collect();
        entries.sort_unstable();
        entries.dedup();
        self.uses_of(entries)
    }

    /// The uses of the threat entries at `entries`.
    fn uses_of(
        &self,
        entries: impl IntoIterator<Item = usize> + 'static,
    ) -> impl Iterator<Item = ThreatUse> + '_ {
        let archive = self.archive;
        entries.into_iter().flat_map(move |i| {
            archive
                .and_then(|a| entry::<ArchivedThreat>(&a.threats, i))
                .into_iter()
                .flat_map(move |t| {
                    t.uses.iter().flat_map(move |u| {
                        u.ports
                            .iter()
                            .map(move |s| convert::threat_use(i, t, u, convert::span(s)))
                    })
                })
        })
    }

    /// Every exposure entry, in data order.
    pub fn exposure(&self) -> impl Iterator<Item = ExposureFact> + '_ {
        self.archive
            .into_iter()
            .flat_map(|a| all::<ArchivedExposure>(&a.exposure).map(convert::exposure))
    }

    /// Every unofficial use, in data order.
    pub fn unofficial(&self) -> impl Iterator<Item = UnofficialFact> + '_ {
        self.archive
            .into_iter()
            .flat_map(|a| all::<ArchivedUnofficial>(&a.unofficial).map(convert::unofficial))
    }

    /// Every range fact, in data order.
    pub fn ranges(&self) -> impl Iterator<Item = RangeFact> + '_ {
        self.archive
            .into_iter()
            .flat_map(|a| all::<ArchivedRange>(&a.ranges).map(convert::range))
    }

    /// Operating systems whose default ephemeral range contains `port`.
    pub fn ephemeral_systems(&self, port: u16) -> Vec<String> {
        let Some(a) = self.archive else {
            return Vec::new();
        };
        all::<ArchivedRange>(&a.ranges)
            .filter(|r| {
                matches!(r.kind, schema::ArchivedRangeKind::Ephemeral)
                    && r.ports.iter().any(|s| convert::span(s).contains(port))
            })
            .map(|r| r.name.to_string())
            .collect()
    }

    /// Operating systems whose default ephemeral range contains `port`, typed.
    pub fn ephemeral(&self, port: u16) -> Vec<EphemeralSystem> {
        let Some(a) = self.archive else {
            return Vec::new();
        };
        all::<ArchivedRange>(&a.ranges)
            .filter(|r| {
                matches!(r.kind, schema::ArchivedRangeKind::Ephemeral)
                    && r.ports.iter().any(|s| convert::span(s).contains(port))
            })
            .map(|r| EphemeralSystem::from_range_id(r.id.as_str()))
            .collect()
    }

    /// Whether any curated entry's name has this exact token (fuzzy matching of a word
    /// runs only when nothing has it exactly).
    pub(crate) fn has_token(&self, word: &str) -> bool {
        search_lines().any(|l| l.tokens.split(' ').any(|t| t == word))
    }

    /// Curated entries whose names match the query words (threat names, aliases and
    /// variants; software and its aliases; note titles and aliases), scored by the rules
    /// of [`crate::search`]. The words of every entry were tokenised at build time, so
    /// only the entries that match are read.
    pub(crate) fn search(&self, q: &Words) -> Vec<SearchHit> {
        let Some(a) = self.archive else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for line in search_lines() {
            let per_word: Vec<u32> = q
                .words
                .iter()
                .zip(&q.fuzzy)
                .map(|(w, fuzzy)| {
                    line.tokens
                        .split(' ')
                        .map(|t| search::quality(w, t, *fuzzy) * search::W_NAME)
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let keys: Vec<String> = line.keys.split('|').map(str::to_string).collect();
            let score = search::total(&per_word, &keys, q);
            if score == 0 {
                continue;
            }
            hits.extend(line_hit(a, &line).map(|h| SearchHit { score, ..h }));
        }
        hits
    }

    /// The curated documents of the export's search index.
    pub(crate) fn index_docs(&self) -> Vec<IndexDoc> {
        let Some(a) = self.archive else {
            return Vec::new();
        };
        search_lines()
            .filter_map(|line| {
                let h = line_hit(a, &line)?;
                Some(IndexDoc {
                    kind: h.kind,
                    service: String::new(),
                    title: h.title,
                    ports: h.ports,
                    transports: h.transports,
                    name: line
                        .tokens
                        .split(' ')
                        .filter(|t| !t.is_empty())
                        .map(str::to_string)
                        .collect(),
                    org: Vec::new(),
                    desc: Vec::new(),
                    keys: line.keys.split('|').map(str::to_string).collect(),
                })
            })
            .collect()
    }

    /// The port an alias names (`postgres` → 5432), if any entry has it.
    pub fn alias(&self, word: &str) -> Option<u16> {
        let word = word.trim().to_lowercase();
        ALIASES.lines().find_map(|l| {
            let mut f = l.split('\t');
            (f.next()? == word)
                .then(|| f.next()?.parse().ok())
                .flatten()
        })
    }

    /// Every alias with the port it names, in data order.
    pub fn aliases(&self) -> impl Iterator<Item = (&'static str, u16)> {
        ALIASES.lines().filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?.parse().ok()?))
        })
    }

    /// How much curated knowledge there is. Port notes count distinct ports covered by a
    /// note of their own (a range note counts once), as the coverage goal is stated in ports.
    pub fn counts(&self) -> Counts {
        let Some(a) = self.archive else {
            return Counts {
                port_notes: 0,
                noted_ports: 0,
                threat_families: 0,
                exposure_entries: 0,
                unofficial_uses: 0,
                range_facts: 0,
            };
        };
        let mut ports: Vec<(u16, u16)> = a
            .index
            .iter()
            .filter(|e| e.kind == KIND_NOTE)
            .map(|e| (e.start.to_native(), e.end.to_native()))
            .collect();
        ports.sort_unstable();
        ports.dedup();
        Counts {
            port_notes: a.notes.len(),
            noted_ports: ports.len(),
            threat_families: a.threats.len(),
            exposure_entries: a.exposure.len(),
            unofficial_uses: a.unofficial.len(),
            range_facts: a.ranges.len(),
        }
    }
}

/// The entry a line of the search index stands for, as a hit (score 0).
fn line_hit(a: &'static ArchivedHeader, line: &SearchLine) -> Option<SearchHit> {
    match line.kind {
        HitKind::Threat => entry::<ArchivedThreat>(&a.threats, line.index).map(threat_hit),
        HitKind::Unofficial => entry::<ArchivedUnofficial>(&a.unofficial, line.index).map(|u| {
            hit(
                HitKind::Unofficial,
                u.software.to_string(),
                convert::spans(&u.ports),
                convert::protos(&u.transports),
            )
        }),
        HitKind::Note => entry::<ArchivedNote>(&a.notes, line.index).map(|n| {
            hit(
                HitKind::Note,
                n.title.to_string(),
                convert::spans(&n.ports),
                convert::protos(&n.transports),
            )
        }),
        HitKind::Service => None,
    }
}

fn hit(
    kind: HitKind,
    title: String,
    ports: Vec<PortRange>,
    transports: Vec<Transport>,
) -> SearchHit {
    SearchHit {
        kind,
        service: None,
        title,
        ports,
        transports,
        score: 0,
    }
}

/// A threat family's hit: its name, kind and year, and every port it used.
fn threat_hit(t: &ArchivedThreat) -> SearchHit {
    let mut ports: Vec<PortRange> = Vec::new();
    let mut transports: Vec<Transport> = Vec::new();
    for u in t.uses.iter() {
        ports.extend(u.ports.iter().map(convert::span));
        transports.extend(u.transports.iter().map(convert::proto));
    }
    ports.sort_by_key(|p| (p.start, p.end));
    ports.dedup();
    transports.sort();
    transports.dedup();
    let title = format!("{} ({}, {})", t.name, convert::kind(&t.kind), t.year);
    hit(HitKind::Threat, title, ports, transports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_loads() {
        assert!(
            get().is_loaded(),
            "embedded curated header failed its check"
        );
        assert_eq!(
            get().broken_entries(),
            0,
            "embedded entries failed their check"
        );
    }

    #[test]
    fn every_search_line_parses_and_names_an_entry() {
        let a = get().archive.expect("embedded archive");
        assert_eq!(search_lines().count(), SEARCH_INDEX.lines().count());
        assert!(search_lines().all(|l| line_hit(a, &l).is_some()));
    }

    #[test]
    fn every_ephemeral_range_names_a_system() {
        let a = get().archive.expect("embedded archive");
        let unnamed: Vec<&str> = all::<ArchivedRange>(&a.ranges)
            .filter(|r| matches!(r.kind, schema::ArchivedRangeKind::Ephemeral))
            .map(|r| r.id.as_str())
            .filter(|id| EphemeralSystem::from_range_id(id) == EphemeralSystem::Other)
            .collect();
        assert!(
            unnamed.is_empty(),
            "ephemeral ranges without an EphemeralSystem variant (their OS would read \"another system\"): {unnamed:?}"
        );
    }
}
