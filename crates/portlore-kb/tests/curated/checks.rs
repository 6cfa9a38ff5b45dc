//! Checks over the embedded data, through the public API only.

use std::collections::HashSet;

use portlore_kb::PortRange;
use portlore_kb::curated::{self, Source};

/// Every (kind, id, prose fields, sources, ports, transports) of the embedded data.
struct Entry {
    kind: &'static str,
    id: String,
    prose: Vec<String>,
    sources: Vec<Source>,
    ports: Vec<PortRange>,
    transports: usize,
}

fn entries() -> Vec<Entry> {
    let c = curated::get();
    assert!(c.is_loaded(), "the embedded curated archive did not load");
    assert_eq!(c.broken_entries(), 0, "embedded entries failed their check");
    let mut out = Vec::new();
    for n in c.notes() {
        let mut prose = vec![n.title, n.summary];
        prose.extend(n.today);
        prose.extend(n.made_by);
        out.push(Entry {
            kind: "note",
            id: n.id,
            prose,
            sources: n.sources,
            ports: n.ports,
            transports: n.transports.len(),
        });
    }
    for t in c.threat_uses() {
        let mut prose = vec![t.name, t.summary, t.detail];
        prose.extend(t.aliases);
        prose.extend(t.variants);
        out.push(Entry {
            kind: "threat-use",
            id: t.id,
            prose,
            sources: t.sources,
            ports: vec![t.ports],
            transports: t.transports.len(),
        });
    }
    for e in c.exposure() {
        let mut prose = vec![e.service, e.incident];
        prose.extend(e.advice);
        out.push(Entry {
            kind: "exposure",
            id: e.id,
            prose,
            sources: e.sources,
            ports: e.ports,
            transports: e.transports.len(),
        });
    }
    for u in c.unofficial() {
        out.push(Entry {
            kind: "unofficial",
            id: u.id,
            prose: vec![u.software, u.summary],
            sources: u.sources,
            ports: u.ports,
            transports: u.transports.len(),
        });
    }
    for r in c.ranges() {
        out.push(Entry {
            kind: "range",
            id: r.id,
            prose: vec![r.name, r.detail],
            sources: r.sources,
            ports: r.ports,
            transports: 1, // ranges hold for TCP and UDP alike
        });
    }
    out
}

#[test]
fn ids_are_unique_per_kind_and_well_formed() {
    let mut seen = HashSet::new();
    let mut families = HashSet::new();
    for e in entries() {
        assert!(
            !e.id.is_empty()
                && e.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} id {:?} is not [a-z0-9-]+",
            e.kind,
            e.id
        );
        if e.kind == "threat-use" {
            families.insert(e.id);
        } else {
            assert!(
                seen.insert((e.kind, e.id.clone())),
                "{} id {:?} is used twice",
                e.kind,
                e.id
            );
        }
    }
    assert_eq!(families.len(), curated::get().counts().threat_families);
}

#[test]
fn every_source_url_parses_as_http_or_https() {
    let mut n = 0;
    for e in entries() {
        assert!(!e.sources.is_empty(), "{} {:?} has no source", e.kind, e.id);
        for s in &e.sources {
            let url = url::Url::parse(&s.url)
                .unwrap_or_else(|err| panic!("{} {:?}: URL {:?}: {err}", e.kind, e.id, s.url));
            assert!(
                matches!(url.scheme(), "https" | "http") && url.host_str().is_some(),
                "{} {:?}: URL {:?} is not http(s) with a host",
                e.kind,
                e.id,
                s.url
            );
            assert!(
                !s.title.trim().is_empty(),
                "{} {:?}: untitled source",
                e.kind,
                e.id
            );
            assert!(
                super::super::schema::is_date(&s.checked),
                "{} {:?}: checked {:?} is not a date",
                e.kind,
                e.id,
                s.checked
            );
            n += 1;
        }
    }
    eprintln!("{n} source URLs parsed");
}

#[test]
fn ports_are_ordered_ranges_with_a_transport() {
    for e in entries() {
        assert!(!e.ports.is_empty(), "{} {:?} has no ports", e.kind, e.id);
        assert!(e.transports > 0, "{} {:?} has no transport", e.kind, e.id);
        for p in &e.ports {
            // u16 already bounds every port to 0-65535.
            assert!(
                p.start <= p.end,
                "{} {:?}: range {p} is reversed",
                e.kind,
                e.id
            );
        }
    }
}

#[test]
fn footnote_markers_point_into_sources() {
    for e in entries() {
        for text in &e.prose {
            assert_eq!(text.trim(), text, "{} {:?}: stray spaces", e.kind, e.id);
            for n in super::super::schema::footnotes(text) {
                assert!(
                    (1..=e.sources.len()).contains(&n),
                    "{} {:?} cites [{n}] but has {} sources: {text}",
                    e.kind,
                    e.id,
                    e.sources.len()
                );
            }
        }
    }
}

/// Unofficial uses are, by definition, not IANA assignments; their prose must not say so.
#[test]
fn unofficial_uses_never_claim_an_iana_assignment() {
    let claims = [
        "iana-assigned",
        "assigned by iana",
        "iana assigned",
        "registered with iana",
        "iana-registered",
        "iana registered",
        "official iana",
        "iana assignment for",
    ];
    for u in curated::get().unofficial() {
        let text = format!("{} {}", u.software, u.summary).to_lowercase();
        for c in claims {
            assert!(
                !text.contains(c),
                "unofficial {:?} says {c:?}: {text}",
                u.id
            );
        }
    }
}

/// Ranges apply to every port in them: MyDoom's backdoor range shows on 3132, 3147 and
/// 3151 with the whole range, never as a single port.
#[test]
fn a_threat_range_applies_to_every_port_in_it() {
    let c = curated::get();
    if !c.threat_uses().any(|t| t.id == "mydoom") {
        eprintln!("skipped: no mydoom threat in data/threats yet");
        return;
    }
    for port in [3127, 3132, 3147, 3151, 3198] {
        let facts = c.for_port(port);
        let uses: Vec<_> = facts.threats.iter().filter(|t| t.id == "mydoom").collect();
        assert!(!uses.is_empty(), "MyDoom missing on {port}");
        assert!(
            uses.iter().any(|t| t.ports
                == PortRange {
                    start: 3127,
                    end: 3198
                }
                && t.role == "listening-backdoor"),
            "MyDoom on {port} lacks its 3127-3198 listening range: {uses:?}"
        );
    }
    for port in [3126, 3199] {
        assert!(
            !c.for_port(port)
                .threats
                .iter()
                .any(|t| t.id == "mydoom" && t.ports.start == 3127),
            "the MyDoom range leaks onto {port}"
        );
    }
}

/// Lookups agree with a plain scan of every entry, on every port.
#[test]
fn port_lookup_matches_a_linear_scan() {
    let c = curated::get();
    let notes: Vec<_> = c.notes().collect();
    let uses: Vec<_> = c.threat_uses().collect();
    let unofficial: Vec<_> = c.unofficial().collect();
    // Every seventh port, the edges, and every port where some entry starts or ends.
    let edges = notes
        .iter()
        .flat_map(|n| n.ports.iter())
        .chain(unofficial.iter().flat_map(|u| u.ports.iter()))
        .chain(uses.iter().map(|t| &t.ports))
        .flat_map(|p| [p.start, p.end])
        .collect::<Vec<u16>>();
    for port in (0..=u16::MAX)
        .step_by(7)
        .chain([0, 22, 80, 443, 3147, 65535])
        .chain(edges)
    {
        let f = c.for_port(port);
        let want = notes
            .iter()
            .filter(|n| n.ports.iter().any(|p| p.contains(port)))
            .count();
        assert_eq!(f.notes.len(), want, "notes on {port}");
        let want = uses.iter().filter(|t| t.ports.contains(port)).count();
        assert_eq!(f.threats.len(), want, "threat uses on {port}");
        let want = unofficial
            .iter()
            .filter(|u| u.ports.iter().any(|p| p.contains(port)))
            .count();
        assert_eq!(f.unofficial.len(), want, "unofficial uses on {port}");
        let widths: Vec<u32> = f
            .notes
            .iter()
            .map(|n| {
                n.ports
                    .iter()
                    .filter(|p| p.contains(port))
                    .map(|p| u32::from(p.end - p.start))
                    .min()
                    .unwrap_or(0)
            })
            .collect();
        assert!(
            widths.is_sorted(),
            "notes on {port} are not narrowest first"
        );
    }
}

/// The coverage goal of issue 3. Prints the counts; fails on a shortfall only when
/// `PORTLORE_STRICT_COUNTS=1`, so data can land in pieces.
#[test]
fn coverage_counts() {
    let c = curated::get().counts();
    eprintln!(
        "curated: {} notes over {} distinct ports/ranges, {} threat families, {} exposure entries, {} unofficial uses, {} range facts",
        c.port_notes,
        c.noted_ports,
        c.threat_families,
        c.exposure_entries,
        c.unofficial_uses,
        c.range_facts
    );
    let goals = [
        ("distinct noted ports", c.noted_ports, 400),
        ("threat families", c.threat_families, 80),
        ("exposure entries", c.exposure_entries, 40),
        ("unofficial uses", c.unofficial_uses, 150),
    ];
    let short: Vec<String> = goals
        .iter()
        .filter(|(_, have, want)| have < want)
        .map(|(what, have, want)| format!("{what}: {have} < {want}"))
        .collect();
    if short.is_empty() {
        return;
    }
    if std::env::var("PORTLORE_STRICT_COUNTS").as_deref() == Ok("1") {
        panic!("coverage below the goal: {}", short.join("; "));
    }
    eprintln!(
        "coverage below the goal (not enforced without PORTLORE_STRICT_COUNTS=1): {}",
        short.join("; ")
    );
}

/// Not a test of speed (those live in benchmarks): prints what loading and lookups cost,
/// for the report. Run alone, in release, so the first `get()` is the process's first:
/// `cargo test --release -p portlore-kb --test curated -- --ignored --nocapture load_cost`
#[test]
#[ignore = "measurement, run by hand"]
fn load_cost() {
    let t = std::time::Instant::now();
    let c = curated::get();
    let load = t.elapsed();
    let t = std::time::Instant::now();
    let f = c.for_port(3147);
    let one = t.elapsed();
    let t = std::time::Instant::now();
    let _ = c.for_port(3147);
    let again = t.elapsed();
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for p in 0..=u16::MAX {
        n += c.for_port(p).threats.len();
    }
    let all = t.elapsed();
    eprintln!(
        "first get(): {load:?}; for_port(3147): {one:?} ({} notes, {} threat uses), again {again:?}; all 65536 ports: {all:?} ({n} threat uses)",
        f.notes.len(),
        f.threats.len()
    );
}
