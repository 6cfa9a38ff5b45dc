//! Snapshots (insta) of whole port pages in HTML, as served. They need the full
//! registry, since a page is registry facts plus curated notes; regenerate with
//! `cargo insta review` (or `INSTA_UPDATE=always`) after a deliberate change.
//!
//! A served page carries nothing that changes between runs: no build hash, no clock.
//! The registry's own date and the curated check dates change only with the data, and
//! a snapshot should change then. The site URL is the test configuration's.

use crate::support::{get, registry_path};

async fn page(uri: &str) -> String {
    let got = get(uri).await;
    assert_eq!(got.status, 200, "{uri}");
    got.text()
}

#[tokio::test]
async fn html_port_pages() {
    if registry_path().is_none() {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    }
    for port in [3147, 80] {
        let html = page(&format!("/en/ports/{port}")).await;
        // Twice the same page: nothing in it depends on the moment it was made.
        assert_eq!(html, page(&format!("/en/ports/{port}")).await);
        insta::assert_snapshot!(format!("html_en_ports_{port}"), html);
    }
}
