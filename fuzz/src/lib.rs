//! What the fuzz targets share: a base store, the edits a fuzz input stands for, and
//! one pass over every kind of read.

use std::sync::OnceLock;

use portlore_kb::{Knowledge, PortInfo, SearchHit};

/// The store the store targets edit: the parser tests' fixture, compiled.
pub fn base_store() -> &'static [u8] {
    static STORE: OnceLock<Vec<u8>> = OnceLock::new();
    STORE.get_or_init(|| {
        let xml = include_bytes!("../../crates/portlore-iana/tests/fixtures/mini.xml");
        let registry = portlore_iana::parse_xml(&xml[..]).expect("the fixture parses");
        portlore_kb::compile(&registry).expect("the fixture compiles")
    })
}

/// Applies a fuzz input to a copy of `base`: each 4 bytes are a 3-byte position (taken
/// modulo the length) and a byte to XOR there; a trailing 1–3 bytes cut the store to
/// that many 256ths of its length.
pub fn edited(base: &[u8], input: &[u8]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    let mut chunks = input.chunks_exact(4);
    for c in &mut chunks {
        let at =
            (usize::from(c[0]) | usize::from(c[1]) << 8 | usize::from(c[2]) << 16) % bytes.len();
        bytes[at] ^= c[3];
    }
    if let Some(&cut) = chunks.remainder().first() {
        let keep = bytes.len() * usize::from(cut) / 256;
        bytes.truncate(keep);
    }
    bytes
}

/// Everything a reader can ask, as data (an `Err` is the error's text).
#[derive(Debug, PartialEq)]
pub struct Answers {
    ports: Vec<Result<String, String>>,
    services: Vec<Result<usize, String>>,
    prefixes: Vec<Result<Vec<String>, String>>,
    searches: Vec<Result<Vec<String>, String>>,
    all: Result<usize, String>,
    changed: Result<usize, String>,
}

/// Ports and words the fixture has answers for, and a few it has none for.
const PORTS: [u16; 9] = [0, 1, 2, 4, 3147, 6000, 6003, 6063, 65535];
const NAMES: [&str; 4] = ["fileproto", "display", "FILEPROTO", "nothing"];
const WORDS: [&str; 4] = ["file", "dispaly", "protocol service", "x"];

/// Asks everything; must never panic, whatever the store.
pub fn ask(kb: &Knowledge) -> Answers {
    let page = |info: PortInfo| serde_json_like(&info);
    let hits = |h: Vec<SearchHit>| h.into_iter().map(|h| format!("{h:?}")).collect();
    let err = |e: portlore_kb::IntegrityError| e.to_string();
    Answers {
        ports: PORTS
            .iter()
            .map(|&p| kb.port(p).map(page).map_err(err))
            .collect(),
        services: NAMES
            .iter()
            .map(|n| kb.by_service(n).map(|a| a.len()).map_err(err))
            .collect(),
        prefixes: NAMES
            .iter()
            .map(|n| kb.service_names_with_prefix(&n[..3], 12).map_err(err))
            .collect(),
        searches: WORDS
            .iter()
            .map(|w| kb.search(w, 20).map(hits).map_err(err))
            .collect(),
        all: kb.all_assignments().map(|a| a.len()).map_err(err),
        changed: kb.changed_since("2000-01-01").map(|a| a.len()).map_err(err),
    }
}

/// A port page as comparable text.
fn serde_json_like(info: &PortInfo) -> String {
    format!(
        "{:?}|{:?}|{:?}|{:?}",
        info.assignments, info.related, info.registry, info.check
    )
}

/// Whether every answer is an error: what a damaged store must give when it does not
/// give the intact store's answers.
pub fn all_errors_or_equal(got: &Answers, intact: &Answers) -> bool {
    fn same<T: PartialEq>(g: &[Result<T, String>], i: &[Result<T, String>]) -> bool {
        g.iter().zip(i).all(|(g, i)| g.is_err() || g == i)
    }
    same(&got.ports, &intact.ports)
        && same(&got.services, &intact.services)
        && same(&got.prefixes, &intact.prefixes)
        && same(&got.searches, &intact.searches)
        && (got.all.is_err() || got.all == intact.all)
        && (got.changed.is_err() || got.changed == intact.changed)
}
