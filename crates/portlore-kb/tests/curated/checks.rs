//! Checks over the embedded data, through the public API only.

use std::collections::HashSet;

use portlore_kb::PortRange;
use portlore_kb::curated::{self, Source};

use super::super::schema;

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
                && t.role == portlore_kb::curated::ThreatRole::ListeningBackdoor),
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

/// The coverage goals. `PORTLORE_STRICT_COUNTS=1` (CI) enforces the floors the data has
/// reached, so it cannot slip back; `PORTLORE_STRICT_COUNTS=targets` enforces issue 15's
/// targets. Raise a floor to the target once the data reaches it. Without the variable the
/// counts are only printed, so data can land in pieces.
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
    // (what, have, CI floor, issue 15 target)
    let goals = [
        ("distinct noted ports", c.noted_ports, 400, 400),
        ("port notes", c.port_notes, 700, 700),
        ("threat families", c.threat_families, 130, 130),
        ("exposure entries", c.exposure_entries, 80, 80),
        ("unofficial uses", c.unofficial_uses, 150, 300),
    ];
    let mode = std::env::var("PORTLORE_STRICT_COUNTS").unwrap_or_default();
    let short = |pick: fn(usize, usize) -> usize| -> Vec<String> {
        goals
            .iter()
            .filter(|(_, have, floor, target)| *have < pick(*floor, *target))
            .map(|(what, have, floor, target)| {
                format!("{what}: {have} < {}", pick(*floor, *target))
            })
            .collect()
    };
    let below_targets = short(|_, target| target);
    let below_floors = short(|floor, _| floor);
    match mode.as_str() {
        "targets" if !below_targets.is_empty() => {
            panic!(
                "coverage below issue 15's targets: {}",
                below_targets.join("; ")
            )
        }
        "1" if !below_floors.is_empty() => {
            panic!("coverage below the floor: {}", below_floors.join("; "))
        }
        _ if !below_targets.is_empty() => eprintln!(
            "coverage below issue 15's targets (enforced only with PORTLORE_STRICT_COUNTS=targets): {}",
            below_targets.join("; ")
        ),
        _ => {}
    }
}

/// Every data file, parsed with the build's own schema.
fn data_files() -> Vec<(String, schema::DataFile)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let mut paths = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read data/").flatten() {
            let path = entry.path();
            // data/fingerprints is the scanner's data in its own format; build.rs skips it too.
            if path.is_dir() && !path.ends_with("fingerprints") {
                dirs.push(path);
            } else if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(&root)
                .expect("under data/")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("read a data file");
            let file = schema::parse_file(&rel, &text)
                .unwrap_or_else(|e| panic!("the build accepted it: {e:?}"));
            (rel, file)
        })
        .collect()
}

fn policy() -> schema::Policy {
    let readme = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/README.md");
    schema::Policy::from_readme(&std::fs::read_to_string(readme).expect("read data/README.md"))
        .expect("the README's host tables parse")
}

/// Issue 15's source-quality rules over every file, deferred folders included: prints the
/// problems per file (`--nocapture`) so the folders still in `schema::DEFERRED` can be
/// fixed, and fails on any problem outside them (which the build already refuses).
#[test]
fn source_quality_report() {
    let policy = policy();
    let mut strict = Vec::new();
    let mut total = 0;
    for (rel, file) in data_files() {
        let mut problems = Vec::new();
        schema::quality_file(&rel, &file, &policy, &mut problems);
        if problems.is_empty() {
            continue;
        }
        total += problems.len();
        eprintln!("data/{rel}: {} source-quality problems", problems.len());
        for p in &problems {
            eprintln!("  - {p}");
        }
        if !policy.is_deferred(&rel) {
            strict.extend(problems);
        }
    }
    eprintln!(
        "{total} source-quality problems in all; deferred folders: {:?}",
        schema::DEFERRED
    );
    assert!(
        strict.is_empty(),
        "outside the deferred folders: {strict:#?}"
    );
}

/// Every listed threat variant has a use naming it, or says why no port is known (outside
/// the deferred folders; inside them the gaps are printed).
#[test]
fn every_threat_variant_has_a_use_or_a_reason() {
    let policy = policy();
    let (mut checked, mut gaps) = (0, Vec::new());
    for (rel, file) in data_files() {
        for t in &file.threat {
            for v in &t.variants {
                let used = t.uses.iter().any(|u| u.variants.contains(v));
                let said = t.unported.iter().any(|u| &u.variant == v);
                checked += 1;
                if !(used || said) {
                    let gap = format!(
                        "data/{rel}: threat {:?}: variant {v:?} has no use and no reason",
                        t.id
                    );
                    assert!(policy.is_deferred(&rel), "{gap}");
                    gaps.push(gap);
                }
            }
        }
    }
    eprintln!(
        "{checked} threat variants; {} without a use or a reason in deferred folders",
        gaps.len()
    );
    for g in &gaps {
        eprintln!("  - {g}");
    }
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
