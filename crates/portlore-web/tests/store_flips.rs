//! Bit flips through the whole answer path (issue 14): bits of a small compiled store
//! (every bit of its first 8 KiB and of every 61st byte; all with `PORTLORE_FLIP_ALL`),
//! and every byte of the real one (the embedded snapshot) at a stride, each
//! opened from memory and from a file. Every lookup, service lookup, search, port
//! outline and rendered port page must either equal the intact store's answer or be the
//! integrity error (a 503 page on the site). The counts are printed; a wrong answer
//! fails the test.
//!
//! `PORTLORE_FLIP_STRIDE` overrides the stride over the real store (default 1,999 bytes,
//! a prime so it walks every section and alignment).

use std::path::Path;
use std::sync::Arc;

use portlore_kb::Knowledge;
use portlore_web::{Lang, Renderer, SiteConfig};

/// What one store answers to a fixed set of questions. `None` stands for "refused with
/// the integrity error"; anything else is the answer.
#[derive(Debug, PartialEq)]
struct Answers(Vec<Option<String>>);

struct Questions {
    ports: &'static [u16],
    services: &'static [&'static str],
    searches: &'static [&'static str],
    pages: &'static [u16],
}

fn ask(kb: Knowledge, q: &Questions) -> Answers {
    let mut out = Vec::new();
    for &p in q.ports {
        out.push(kb.assignments(p).ok().map(|a| json(&a)));
        // The outline the CLI page and the site page are built from.
        out.push(kb.port(p).ok().map(|i| json(&i)));
    }
    for &s in q.services {
        out.push(kb.by_service(s).ok().map(|a| json(&a)));
    }
    for &s in q.searches {
        out.push(kb.search(s, 20).ok().map(|h| json(&h)));
    }
    out.push(kb.all_assignments().ok().map(|a| a.len().to_string()));
    let renderer = Renderer::new(Arc::new(kb), SiteConfig::new("http://127.0.0.1:7147"));
    for &p in q.pages {
        let page = renderer.port(Lang::En, p);
        out.push(match page.status {
            503 => None,
            200 => Some(page.body),
            other => Some(format!("status {other}")),
        });
    }
    Answers(out)
}

/// Serialises an answer for comparison (not every answer type is `PartialEq`).
fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).expect("answers serialise")
}

#[derive(Debug, Default)]
struct Tally {
    tried: usize,
    refused_at_open: usize,
    refused_later: usize,
    intact: usize,
    wrong: Vec<String>,
}

impl Tally {
    fn judge(&mut self, what: String, opened: Option<Knowledge>, q: &Questions, truth: &Answers) {
        self.tried += 1;
        let Some(kb) = opened else {
            self.refused_at_open += 1;
            return;
        };
        let got = ask(kb, q);
        let mut refused = false;
        for (i, (g, t)) in got.0.iter().zip(&truth.0).enumerate() {
            match g {
                None => refused = true,
                Some(_) if g == t => {}
                Some(_) => {
                    self.wrong.push(format!("{what}: answer {i} differs"));
                    return;
                }
            }
        }
        if refused {
            self.refused_later += 1;
        } else {
            self.intact += 1;
        }
    }

    fn report(&self, name: &str) {
        eprintln!(
            "bit flips, {name}: tried {}, refused at open {}, refused by a read {}, \
answered intact {}, wrong answers {}",
            self.tried,
            self.refused_at_open,
            self.refused_later,
            self.intact,
            self.wrong.len()
        );
        assert!(
            self.wrong.is_empty(),
            "{name}: {} wrong answers, first: {:?}",
            self.wrong.len(),
            &self.wrong[..self.wrong.len().min(10)]
        );
    }
}

fn from_file(path: &Path, bytes: &[u8]) -> Option<Knowledge> {
    std::fs::write(path, bytes).unwrap();
    Knowledge::open(path).ok()
}

fn small_store() -> Vec<u8> {
    let xml = include_bytes!("../../portlore-iana/tests/fixtures/mini.xml");
    portlore_kb::compile(&portlore_iana::parse_xml(&xml[..]).unwrap()).unwrap()
}

const SMALL: Questions = Questions {
    ports: &[0, 2, 3147, 6003, 9900],
    services: &["fileproto", "display"],
    searches: &["file", "display", "x"],
    pages: &[3147, 6003],
};

const REAL: Questions = Questions {
    ports: &[22, 80, 443, 3147, 5432, 6000, 8080, 65535],
    services: &["http", "ssh", "x11"],
    searches: &["http", "postgres", "remote desktop"],
    pages: &[80, 3147],
};

#[test]
fn bits_of_a_small_store_are_caught_or_harmless() {
    let good = small_store();
    let truth = ask(Knowledge::from_store_bytes(good.clone()).unwrap(), &SMALL);
    assert!(
        truth.0.iter().all(Option::is_some),
        "the intact store answers"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registry.store");
    let (mut memory, mut file) = (Tally::default(), Tally::default());
    // The store is mostly a fixed-size port index, so every bit of the first 8 KiB
    // (header, section table, offsets, the start of each structure) and every bit of
    // one byte in 61 beyond; `PORTLORE_FLIP_ALL=1` flips every bit of the file.
    let all = std::env::var_os("PORTLORE_FLIP_ALL").is_some();
    let bits = (0..good.len() * 8).filter(|b| all || *b < 8192 * 8 || (b / 8) % 61 == 0);
    for bit in bits {
        let mut bad = good.clone();
        bad[bit / 8] ^= 1 << (bit % 8);
        let what = format!("byte {} bit {}", bit / 8, bit % 8);
        file.judge(what.clone(), from_file(&path, &bad), &SMALL, &truth);
        memory.judge(what, Knowledge::from_store_bytes(bad).ok(), &SMALL, &truth);
    }
    eprintln!("small store: {} bytes", good.len());
    memory.report("small store, in memory");
    file.report("small store, through a file");
}

#[test]
fn bytes_of_the_real_store_at_a_stride_are_caught_or_harmless() {
    let good = portlore_snapshot::STORE.to_vec();
    let stride: usize = std::env::var("PORTLORE_FLIP_STRIDE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1999);
    let truth = ask(Knowledge::from_store_bytes(good.clone()).unwrap(), &REAL);
    assert!(
        truth.0.iter().all(Option::is_some),
        "the intact store answers"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registry.store");
    let (mut memory, mut file) = (Tally::default(), Tally::default());
    // The header and section table byte by byte, then the body at the stride; the bit
    // flipped moves with the position so every bit of a byte gets its turn.
    let positions = (0..256).chain((256..good.len()).step_by(stride));
    for (n, i) in positions.enumerate() {
        let mut bad = good.clone();
        bad[i] ^= 1 << (n % 8);
        let what = format!("byte {i}");
        file.judge(what.clone(), from_file(&path, &bad), &REAL, &truth);
        memory.judge(what, Knowledge::from_store_bytes(bad).ok(), &REAL, &truth);
    }
    eprintln!("real store: {} bytes, stride {stride}", good.len());
    memory.report("real store, in memory");
    file.report("real store, through a file");
}
