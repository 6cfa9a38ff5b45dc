//! The static export writes the pages `serve` returns, with links that name files, so
//! it works on a plain static server, under a sub-path and over `file://`.

use std::path::Path;

use portlore_web::export::{ExportOptions, export, file_for_path, plan, planned_files};
use portlore_web::{Lang, Renderer, SiteConfig};

use crate::support::{config, get, kb};

/// A page with the values of its link attributes blanked: what may differ between a
/// served page and an exported one.
fn without_links(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    loop {
        // The search page hands its link forms to search.js in data-* attributes.
        let next = [
            "href=\"",
            "src=\"",
            "action=\"",
            "content=\"http",
            "data-port=\"",
            "data-search=\"",
        ]
        .iter()
        .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
        .min();
        let Some((i, n)) = next else { break };
        out.push_str(&rest[..i + n]);
        rest = &rest[i + n..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    // Canonical and hreflang links exist only where there is a public site URL.
    out.lines()
        .filter(|l| {
            !l.starts_with("<link rel=\"canonical\"")
                && !l.starts_with("<link rel=\"alternate\"")
                && !l.starts_with("<meta property=\"og:url\"")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every page-relative `href`/`src` in an exported page names a file that exists.
fn dead_links(root: &Path, file: &Path) -> Vec<String> {
    let page = std::fs::read_to_string(root.join(file)).unwrap();
    let dir = root.join(file).parent().unwrap().to_path_buf();
    let mut dead = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for (i, _) in page.match_indices(attr) {
            let v = &page[i + attr.len()..];
            let v = &v[..v.find('"').unwrap()];
            if v.starts_with('#') || v.starts_with("http") || v.is_empty() {
                continue;
            }
            let path = v.split(['?', '#']).next().unwrap();
            let target = dir.join(path);
            let target = if path.ends_with('/') || path.is_empty() {
                target.join("index.html")
            } else {
                target
            };
            // This export stops at port 3200.
            let beyond = path
                .rsplit('/')
                .next()
                .and_then(|f| f.strip_suffix(".html"))
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n > 3200 && path.contains("ports/"));
            if !target.is_file() && !beyond {
                dead.push(format!("{}: {v}", file.display()));
            }
        }
    }
    dead
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exported_pages_match_served_ones_apart_from_links() {
    let dir = tempfile::tempdir().unwrap();
    let renderer = Renderer::new(kb(), config());
    // Every port would take minutes in a debug build; the benchmark exports them all.
    let opts = ExportOptions {
        ports: 0..=3200,
        ..ExportOptions::new(dir.path().to_path_buf(), vec![Lang::En, Lang::Fr])
    };
    let planned = plan(&renderer, &opts);
    assert_eq!(planned.pages, 2 * (3201 + 4 + 256));
    assert!(!planned.sitemaps, "a loopback site URL gets no sitemap");
    let calls = std::sync::atomic::AtomicU64::new(0);
    let report = tokio::task::block_in_place(|| {
        export(&renderer, &opts, &|_| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
    })
    .unwrap();
    assert_eq!(report.files, planned_files(&renderer, &opts));
    assert_eq!(report.files, calls.into_inner());
    let estimate = planned.estimated_bytes as f64 / report.bytes as f64;
    assert!((0.6..1.6).contains(&estimate), "estimate off by {estimate}");
    let exported = renderer.for_export(&[Lang::En, Lang::Fr]);
    // What `serve` renders for a site of the same two languages.
    let serving = Renderer::new(
        kb(),
        SiteConfig {
            langs: vec![Lang::En, Lang::Fr],
            ..config()
        },
    );
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
    ] {
        let served = served_like(&serving, uri);
        assert_eq!(served.status, 200, "{uri}");
        let file = dir.path().join(file_for_path(uri));
        let written =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let page = match uri {
            "/en/ports/3147" => exported.port(Lang::En, 3147),
            "/en/" => exported.home(Lang::En),
            "/en/blocks/12" => exported.block(Lang::En, 12),
            _ => served_like(&exported, uri),
        };
        assert_eq!(
            written, page.body,
            "{uri}: export is not the export renderer's page"
        );
        // A static host has no feedback overview or API reference to link to.
        let a = without_links(&served.body)
            .replace(" · <a href=\"\">Reader feedback</a>", "")
            .replace(" · <a href=\"\">Avis des lecteurs</a>", "")
            .replace(" · <a href=\"\">API</a>", "");
        let b = without_links(&written);
        if a != b {
            let at = a
                .bytes()
                .zip(b.bytes())
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            panic!(
                "{uri}: export differs from serve beyond links:\nserve:  {}\nexport: {}",
                &a[at.saturating_sub(80)..(at + 80).min(a.len())],
                &b[at.saturating_sub(80)..(at + 80).min(b.len())]
            );
        }
        // The switcher lists only the exported languages.
        assert!(!written.contains("hreflang=\"ja\""), "{uri}");
        assert!(
            written.contains("hreflang=\"fr\"") || uri.starts_with("/fr"),
            "{uri}"
        );
    }
    for asset in ["/search-index.json", "/assets/style.css"] {
        let served = get(asset).await;
        let written = std::fs::read(dir.path().join(file_for_path(asset))).unwrap();
        assert!(written == served.body, "{asset}");
    }
    let mut dead = Vec::new();
    for f in [
        "index.html",
        "en/index.html",
        "en/ports/index.html",
        "en/ports/3147.html",
        "fr/ports/0.html",
        "en/blocks/12.html",
        "fr/recent.html",
        "en/search.html",
    ] {
        dead.extend(dead_links(dir.path(), Path::new(f)));
    }
    assert!(dead.is_empty(), "links to missing files: {dead:#?}");
    assert!(!dir.path().join("ja").exists());
    assert!(!dir.path().join("robots.txt").exists());
    assert!(!dir.path().join("sitemap.xml").exists());
    let page = std::fs::read_to_string(dir.path().join("en/ports/22.html")).unwrap();
    assert!(
        !page.contains("127.0.0.1"),
        "loopback URL baked into the export"
    );
    let headers = std::fs::read_to_string(dir.path().join("_headers")).unwrap();
    assert!(headers.contains("Content-Security-Policy"));
}

fn served_like(r: &Renderer, uri: &str) -> portlore_web::Page {
    let (lang, rest) = uri[1..].split_once('/').unwrap();
    let lang = Lang::from_code(lang).unwrap();
    match rest {
        "" => r.home(lang),
        "ports/" => r.ports_index(lang),
        "recent" => r.recent(lang),
        "search" => r.search(lang, ""),
        b if b.starts_with("blocks/") => r.block(lang, b[7..].parse().unwrap()),
        p => r.port(lang, p.trim_start_matches("ports/").parse().unwrap()),
    }
}

#[test]
fn a_public_site_url_gets_sitemaps_with_file_addresses_and_precompressed_pages() {
    let dir = tempfile::tempdir().unwrap();
    let renderer = Renderer::new(kb(), SiteConfig::new("https://ports.example.org/sub/"));
    let opts = ExportOptions {
        ports: 0..=10,
        precompress: true,
        ..ExportOptions::new(dir.path().to_path_buf(), vec![Lang::De])
    };
    let report = export(&renderer, &opts, &|_| {}).unwrap();
    assert_eq!(report.files, planned_files(&renderer, &opts));
    let robots = std::fs::read_to_string(dir.path().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://ports.example.org/sub/sitemap.xml"));
    let index = std::fs::read_to_string(dir.path().join("sitemap.xml")).unwrap();
    assert!(index.contains("<loc>https://ports.example.org/sub/sitemaps/de-0.xml</loc>"));
    assert!(!index.contains("/en-0.xml"));
    let part = std::fs::read_to_string(dir.path().join("sitemaps/de-0.xml")).unwrap();
    assert!(part.contains("<loc>https://ports.example.org/sub/de/ports/7.html</loc><lastmod>"));
    assert!(part.contains("<loc>https://ports.example.org/sub/de/index.html</loc>"));
    let page = std::fs::read_to_string(dir.path().join("de/ports/7.html")).unwrap();
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://ports.example.org/sub/de/ports/7\">")
    );
    // One language: no switcher at all.
    assert!(!page.contains("class=\"langs\""));
    let gz = std::fs::read(dir.path().join("de/ports/7.html.gz")).unwrap();
    let mut plain = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut plain).unwrap();
    assert_eq!(plain, page);
    let br = std::fs::read(dir.path().join("de/ports/7.html.br")).unwrap();
    let mut plain = Vec::new();
    brotli::BrotliDecompress(&mut &br[..], &mut plain).unwrap();
    assert_eq!(plain, page.as_bytes());
}

#[test]
fn api_origin_only_changes_where_votes_go() {
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
    // An export with a vote server links to its feedback overview; one without has no
    // such link (a static host cannot answer it).
    let with = other.for_export(&[Lang::De]).port(Lang::De, 3147).body;
    assert!(with.contains("href=\"https://api.example.org/de/feedback\""));
    let without = same.for_export(&[Lang::De]).port(Lang::De, 3147).body;
    assert!(!without.contains("de/feedback"));
}

/// Exported pages name files (`445.html`), so they are a little heavier than served
/// ones; the heaviest still fit the 30 KB budget in every language.
#[test]
fn the_heaviest_exported_pages_fit_the_budget() {
    const BUDGET: usize = 30 * 1024;
    let renderer =
        Renderer::new(kb(), SiteConfig::new("https://ports.example.org")).for_export(&Lang::ALL);
    let mut over = Vec::new();
    let mut heaviest = (String::new(), 0);
    for lang in Lang::ALL {
        let pages = [445u16, 443, 80, 22, 3389]
            .into_iter()
            .map(|p| (format!("ports/{p}"), renderer.port(lang, p)))
            .chain(
                [0u32, 1, 12]
                    .into_iter()
                    .map(|b| (format!("blocks/{b}"), renderer.block(lang, b))),
            )
            .chain([
                ("index".to_string(), renderer.home(lang)),
                ("ports/".to_string(), renderer.ports_index(lang)),
            ]);
        for (page, got) in pages {
            assert_eq!(got.status, 200, "{page}");
            let n = got.body.len();
            if n > heaviest.1 {
                heaviest = (format!("{}/{page}", lang.code()), n);
            }
            if n >= BUDGET {
                over.push(format!("{}/{page}: {n} bytes", lang.code()));
            }
        }
    }
    println!(
        "heaviest exported page: {} ({} bytes)",
        heaviest.0, heaviest.1
    );
    assert!(
        over.is_empty(),
        "exported pages over {BUDGET} bytes: {over:#?}"
    );
}
