//! Compiles the curated data in `data/` into the binary (owned by the curated-knowledge work).

fn main() {
    println!("cargo:rerun-if-changed=../../data");
}
