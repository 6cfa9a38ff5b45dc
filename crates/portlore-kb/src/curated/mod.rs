//! Curated, cited knowledge embedded at build time from `data/`.
//!
//! `build.rs` validates `data/**/*.toml` (schema in `data/README.md`) and archives it with
//! rkyv; this module embeds the archive and reads it in place. Loading is a bounds and
//! UTF-8 check of the archive, done once; a lookup walks a compact port index and turns
//! only the matching entries into the owned, serialisable facts of [`facts`](self).
//!
//! INTERFACE CONTRACT (used by `port.rs` and `search.rs`; keep these signatures):
//! `get() -> &'static Curated`, `Curated::for_port(u16) -> CuratedFacts`,
//! `Curated::ephemeral_systems(u16) -> Vec<String>`, `Curated::search(&[String]) -> Vec<SearchHit>`,
//! `Curated::counts() -> Counts`, and the public fields of the types in `facts.rs`.

mod convert;
mod facts;
mod schema;

pub use facts::{
    Counts, CuratedFacts, ExposureFact, NoteFact, RangeFact, Source, ThreatUse, UnofficialFact,
};

use std::sync::OnceLock;

use crate::model::{PortRange, Transport};
use crate::search::SearchHit;
use schema::{
    ArchivedCompiled, KIND_EXPOSURE, KIND_NOTE, KIND_RANGE, KIND_THREAT, KIND_UNOFFICIAL,
};

/// rkyv needs its archive aligned; `include_bytes!` alone guarantees nothing.
#[repr(C, align(16))]
struct Aligned<B: ?Sized>(B);

static BLOB: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/curated.rkyv")));

/// All curated entries, with lookups by port.
pub struct Curated {
    /// `None` only if the embedded archive failed its check, which the tests rule out.
    archive: Option<&'static ArchivedCompiled>,
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
        archive: rkyv::access::<ArchivedCompiled, rkyv::rancor::Error>(&BLOB.0).ok(),
    })
}

impl Curated {
    /// Whether the embedded archive loaded (always, unless the build is broken).
    pub fn is_loaded(&self) -> bool {
        self.archive.is_some()
    }

    /// Every curated fact that covers `port`, the most specific (narrowest span) first.
    /// A threat that used a range appears once per covering range, with that range.
    pub fn for_port(&self, port: u16) -> CuratedFacts {
        let mut out = CuratedFacts::default();
        let Some(a) = self.archive else { return out };
        for e in a.index.iter() {
            if port < e.start.to_native() || port > e.end.to_native() {
                continue;
            }
            let item = usize::from(e.item.to_native());
            match e.kind {
                KIND_NOTE => out.notes.push(convert::note(&a.notes[item])),
                KIND_THREAT => {
                    let t = &a.threats[item];
                    let u = &t.uses[usize::from(e.sub.to_native())];
                    let span = PortRange {
                        start: e.start.to_native(),
                        end: e.end.to_native(),
                    };
                    out.threats.push(convert::threat_use(t, u, span));
                }
                KIND_EXPOSURE => out.exposure.push(convert::exposure(&a.exposure[item])),
                KIND_UNOFFICIAL => out
                    .unofficial
                    .push(convert::unofficial(&a.unofficial[item])),
                KIND_RANGE => out.ranges.push(convert::range(&a.ranges[item])),
                _ => {}
            }
        }
        out
    }

    /// Every port note, in data order.
    pub fn notes(&self) -> impl Iterator<Item = NoteFact> + '_ {
        self.archive
            .into_iter()
            .flat_map(|a| a.notes.iter().map(convert::note))
    }

    /// Every threat use, one per (family, use, port range), in data order.
    pub fn threat_uses(&self) -> impl Iterator<Item = ThreatUse> + '_ {
        self.archive.into_iter().flat_map(|a| {
            a.threats.iter().flat_map(|t| {
                t.uses.iter().flat_map(move |u| {
                    u.ports
                        .iter()
                        .map(move |s| convert::threat_use(t, u, convert::span(s)))
                })
            })
        })
    }

    /// Every exposure entry, in data order.
    pub fn exposure(&self) -> impl Iterator<Item = ExposureFact> + '_ {
        self.archive
            .into_iter()
            .flat_map(|a| a.exposure.iter().map(convert::exposure))
    }

    /// Every unofficial use, in data order.
    pub fn unofficial(&self) -> impl Iterator<Item = UnofficialFact> + '_ {
        self.archive
            .into_iter()
            .flat_map(|a| a.unofficial.iter().map(convert::unofficial))
    }

    /// Every range fact, in data order.
    pub fn ranges(&self) -> impl Iterator<Item = RangeFact> + '_ {
        self.archive
            .into_iter()
            .flat_map(|a| a.ranges.iter().map(convert::range))
    }

    /// Operating systems whose default ephemeral range contains `port`.
    pub fn ephemeral_systems(&self, port: u16) -> Vec<String> {
        let Some(a) = self.archive else {
            return Vec::new();
        };
        a.ranges
            .iter()
            .filter(|r| {
                matches!(r.kind, schema::ArchivedRangeKind::Ephemeral)
                    && r.ports.iter().any(|s| convert::span(s).contains(port))
            })
            .map(|r| r.name.to_string())
            .collect()
    }

    /// Curated entries whose names match the query words (threat names, aliases and
    /// variants; software; note titles).
    pub fn search(&self, words: &[String]) -> Vec<SearchHit> {
        let Some(a) = self.archive else {
            return Vec::new();
        };
        let matches = |text: &str| {
            let t = crate::text::tokens(text);
            words
                .iter()
                .filter(|w| {
                    t.iter()
                        .any(|x| x == *w || (w.len() >= 4 && x.starts_with(w.as_str())))
                })
                .count()
        };
        let mut hits = Vec::new();
        let mut push = |kind: &str, title: String, names: &str, ports, transports| {
            let m = matches(names);
            if m > 0 {
                hits.push(SearchHit {
                    kind: kind.into(),
                    service: None,
                    title,
                    ports,
                    transports,
                    score: 8.0 * m as f32 + if m == words.len() { 10.0 } else { 0.0 },
                });
            }
        };
        for t in a.threats.iter() {
            let mut names = t.name.to_string();
            for n in t.aliases.iter().chain(t.variants.iter()) {
                names.push(' ');
                names.push_str(n);
            }
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
            push("threat", title, &names, ports, transports);
        }
        for u in a.unofficial.iter() {
            push(
                "unofficial",
                u.software.to_string(),
                &u.software,
                convert::spans(&u.ports),
                convert::protos(&u.transports),
            );
        }
        for n in a.notes.iter() {
            push(
                "note",
                n.title.to_string(),
                &n.title,
                convert::spans(&n.ports),
                convert::protos(&n.transports),
            );
        }
        hits
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
            .notes
            .iter()
            .flat_map(|n| {
                n.ports
                    .iter()
                    .map(|s| (s.start.to_native(), s.end.to_native()))
            })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_loads() {
        assert!(
            get().is_loaded(),
            "embedded curated archive failed its check"
        );
    }
}
