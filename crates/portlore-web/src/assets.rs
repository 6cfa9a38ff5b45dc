//! Static files embedded at build time (see `build.rs`).

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/assets.rs"));
}

/// An embedded file: its bytes, content type and a strong validator.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// File name under `/assets/`.
    pub name: &'static str,
    /// Contents.
    pub bytes: &'static [u8],
    /// `Content-Type`.
    pub content_type: &'static str,
}

/// An embedded asset by file name.
pub fn asset(name: &str) -> Option<Asset> {
    embedded::FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(name, bytes)| Asset {
            name,
            bytes,
            content_type: content_type(name),
        })
}

/// Every embedded asset.
pub fn all() -> impl Iterator<Item = Asset> {
    embedded::FILES.iter().filter_map(|(n, _)| asset(n))
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
