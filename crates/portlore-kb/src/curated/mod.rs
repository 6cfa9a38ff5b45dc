//! Curated, cited knowledge embedded at build time from `data/`.
//!
//! INTERFACE CONTRACT (used by `port.rs` and `search.rs`; keep these signatures):
//! `get() -> &'static Curated`, `Curated::for_port(u16) -> CuratedFacts`,
//! `Curated::ephemeral_systems(u16) -> Vec<String>`, `Curated::search(&[String]) -> Vec<SearchHit>`,
//! `Curated::counts() -> Counts`, and the public fields of the types in `facts.rs`.
//! The loading from the build-time blob replaces `Curated::empty()` in `get()`.

mod facts;

pub use facts::{
    Counts, CuratedFacts, ExposureFact, NoteFact, RangeFact, Source, ThreatUse, UnofficialFact,
};

use std::sync::OnceLock;

use crate::model::PortRange;
use crate::search::SearchHit;

/// All curated entries, with lookups by port.
#[derive(Debug, Default)]
pub struct Curated {
    notes: Vec<NoteFact>,
    threats: Vec<ThreatUse>,
    exposure: Vec<ExposureFact>,
    unofficial: Vec<UnofficialFact>,
    ranges: Vec<RangeFact>,
    threat_families: usize,
}

/// The curated knowledge compiled into this binary.
pub fn get() -> &'static Curated {
    static CURATED: OnceLock<Curated> = OnceLock::new();
    CURATED.get_or_init(Curated::default)
}

fn covers(ranges: &[PortRange], port: u16) -> bool {
    ranges.iter().any(|r| r.contains(port))
}

impl Curated {
    /// Every curated fact that covers `port`.
    pub fn for_port(&self, port: u16) -> CuratedFacts {
        CuratedFacts {
            notes: self
                .notes
                .iter()
                .filter(|n| covers(&n.ports, port))
                .cloned()
                .collect(),
            threats: self
                .threats
                .iter()
                .filter(|t| t.ports.contains(port))
                .cloned()
                .collect(),
            exposure: self
                .exposure
                .iter()
                .filter(|e| covers(&e.ports, port))
                .cloned()
                .collect(),
            unofficial: self
                .unofficial
                .iter()
                .filter(|u| covers(&u.ports, port))
                .cloned()
                .collect(),
            ranges: self
                .ranges
                .iter()
                .filter(|r| covers(&r.ports, port))
                .cloned()
                .collect(),
        }
    }

    /// Operating systems whose default ephemeral range contains `port`.
    pub fn ephemeral_systems(&self, port: u16) -> Vec<String> {
        self.ranges
            .iter()
            .filter(|r| r.kind == "ephemeral" && covers(&r.ports, port))
            .map(|r| r.name.clone())
            .collect()
    }

    /// Curated entries whose names match the query words (threat names, aliases and
    /// variants; software; note titles).
    pub fn search(&self, words: &[String]) -> Vec<SearchHit> {
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
        let mut push = |kind: &str,
                        title: &str,
                        names: &str,
                        ports: Vec<PortRange>,
                        transports: Vec<crate::Transport>| {
            let m = matches(names);
            if m > 0 {
                hits.push(SearchHit {
                    kind: kind.into(),
                    service: None,
                    title: title.to_string(),
                    ports,
                    transports,
                    score: 8.0 * m as f32 + if m == words.len() { 10.0 } else { 0.0 },
                });
            }
        };
        let mut seen = std::collections::HashSet::new();
        for t in &self.threats {
            let names = format!(
                "{} {} {}",
                t.name,
                t.aliases.join(" "),
                t.variants.join(" ")
            );
            let ports: Vec<PortRange> = self
                .threats
                .iter()
                .filter(|o| o.id == t.id)
                .map(|o| o.ports)
                .collect();
            if seen.insert(t.id.clone()) {
                push(
                    "threat",
                    &format!("{} ({}, {})", t.name, t.kind, t.year),
                    &names,
                    ports,
                    t.transports.clone(),
                );
            }
        }
        for u in &self.unofficial {
            push(
                "unofficial",
                &u.software,
                &u.software,
                u.ports.clone(),
                u.transports.clone(),
            );
        }
        for n in &self.notes {
            push(
                "note",
                &n.title,
                &n.title,
                n.ports.clone(),
                n.transports.clone(),
            );
        }
        hits
    }

    /// How much curated knowledge there is.
    pub fn counts(&self) -> Counts {
        Counts {
            port_notes: self.notes.len(),
            threat_families: self.threat_families,
            exposure_entries: self.exposure.len(),
            unofficial_uses: self.unofficial.len(),
            range_facts: self.ranges.len(),
        }
    }
}
