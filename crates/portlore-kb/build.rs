//! Compiles the curated data in `data/` into the binary: parses every `data/**/*.toml`,
//! validates it against the schema of `data/README.md`, and writes two rkyv files to
//! `OUT_DIR` (a small header with the port index, and the entries, each an archive of its
//! own), which `src/curated/mod.rs` embeds. Any schema error fails the
//! build with a message naming the file and the entry's id.

#[path = "src/curated/schema.rs"]
mod schema;
#[path = "src/text.rs"]
mod text;

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let data = manifest.join("../../data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut paths = Vec::new();
    collect(&data, &mut paths);
    paths.sort();

    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path
            .strip_prefix(&data)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("data/{rel}: cannot read: {e}"));
                continue;
            }
        };
        match schema::parse_file(&rel, &text) {
            Ok(f) => files.push((rel, f)),
            Err(e) => errors.extend(e),
        }
    }
    let readme = data.join("README.md");
    println!("cargo:rerun-if-changed={}", readme.display());
    let policy = match std::fs::read_to_string(&readme) {
        Ok(text) => schema::Policy::from_readme(&text).unwrap_or_else(|e| {
            errors.extend(e);
            schema::Policy::default()
        }),
        Err(e) => {
            errors.push(format!("data/README.md: cannot read: {e}"));
            schema::Policy::default()
        }
    };
    let compiled = if errors.is_empty() {
        match schema::compile(files, &policy) {
            Ok(c) => Some(c),
            Err(e) => {
                errors.extend(e);
                None
            }
        }
    } else {
        None
    };
    let Some(compiled) = compiled else {
        eprintln!("\nportlore-kb: the curated data in data/ is invalid (see data/README.md):");
        for e in &errors {
            eprintln!("  - {e}");
        }
        eprintln!();
        std::process::exit(1);
    };
    let (header, entries) = schema::pack(&compiled).expect("archive curated data");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("curated-header.rkyv"), &header)
        .expect("write OUT_DIR/curated-header.rkyv");
    std::fs::write(out.join("curated-entries.rkyv"), &entries)
        .expect("write OUT_DIR/curated-entries.rkyv");
    std::fs::write(out.join("curated-search.txt"), search_index(&compiled))
        .expect("write OUT_DIR/curated-search.txt");
}

/// The words search matches in each searchable entry, tokenised here once instead of on
/// every search: one line per entry, `kind TAB index TAB token token …`, in the order
/// search reports ties (threats, unofficial uses, notes).
fn search_index(c: &schema::Compiled) -> String {
    let mut out = String::new();
    let mut line = |kind: &str, i: usize, names: &str| {
        out.push_str(&format!("{kind}\t{i}\t{}\n", text::tokens(names).join(" ")));
    };
    for (i, t) in c.threats.iter().enumerate() {
        let mut names = t.name.clone();
        for n in t.aliases.iter().chain(&t.variants) {
            names.push(' ');
            names.push_str(n);
        }
        line("threat", i, &names);
    }
    for (i, u) in c.unofficial.iter().enumerate() {
        line("unofficial", i, &u.software);
    }
    for (i, n) in c.notes.iter().enumerate() {
        line("note", i, &n.title);
    }
    out
}

/// Every `*.toml` under `dir` except the README and other non-data files.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // data/fingerprints holds the scanner's fingerprints, in their own format.
        if path.is_dir() && !path.ends_with("fingerprints") {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}
