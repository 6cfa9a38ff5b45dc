//! The static export writes the same bytes `serve` returns.

use portlore_web::export::{ExportOptions, export, file_for_path};
use portlore_web::{Lang, Renderer};

use crate::support::{config, get, kb};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exported_pages_are_byte_identical_to_served_ones() {
    let dir = tempfile::tempdir().unwrap();
    let renderer = Renderer::new(kb(), config());
    // Every port would take minutes in a debug build; the benchmark exports them all.
    let opts = ExportOptions {
        ports: 0..=3200,
        ..ExportOptions::new(dir.path().to_path_buf(), vec![Lang::En, Lang::Fr])
    };
    let calls = std::sync::atomic::AtomicU64::new(0);
    let report = tokio::task::block_in_place(|| {
        export(&renderer, &opts, &|_| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
    })
    .unwrap();
    assert_eq!(report.files, portlore_web::export::planned_files(&opts));
    assert_eq!(report.files, calls.into_inner());
    for uri in [
        "/en/ports/3147",
        "/fr/ports/3147",
        "/en/ports/0",
        "/fr/ports/3200",
        "/en/",
        "/fr/ports/",
        "/en/blocks/12",
        "/fr/recent",
        "/en/search",
        "/robots.txt",
        "/search-index.json",
        "/assets/style.css",
        "/sitemaps/fr-1.xml",
    ] {
        let served = get(uri).await;
        assert_eq!(served.status, 200, "{uri}");
        let file = dir.path().join(file_for_path(uri));
        let written = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(written == served.body, "{uri}: export differs from serve");
    }
    assert!(!dir.path().join("ja").exists());
    let headers = std::fs::read_to_string(dir.path().join("_headers")).unwrap();
    assert!(headers.contains("Content-Security-Policy"));
}

#[test]
fn api_origin_is_the_only_difference() {
    let same = Renderer::new(kb(), config());
    let other = Renderer::new(
        kb(),
        config().with_api_origin("https://api.example.org").unwrap(),
    );
    let a = same.port(Lang::De, 3147).body;
    let b = other.port(Lang::De, 3147).body;
    assert_ne!(a, b);
    assert_eq!(
        a,
        b.replace(
            "https://api.example.org/api/v1/feedback",
            "/api/v1/feedback"
        )
    );
}
