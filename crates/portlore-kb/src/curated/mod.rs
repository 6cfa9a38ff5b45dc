//! Curated, cited knowledge embedded at build time from `data/`.
