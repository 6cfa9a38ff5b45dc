//! The static export: the same pages as `serve`, written as files any static host,
//! a sub-path or `file://` can show.
//!
//! Layout: a URL `/fr/ports/3147` becomes `fr/ports/3147.html`, and a URL ending in `/`
//! becomes `index.html` in that directory. Pages link to each other by those file
//! names, relative to themselves (see `render::links`), so nothing depends on server
//! rewrites. Apart from those links, an exported page is the page `serve` returns.
//!
//! The sitemap and `robots.txt` need the site's public address; with none, or a
//! loopback one, they are left out rather than pointing crawlers at `127.0.0.1`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::i18n::Lang;
use crate::layers::security_headers;
use crate::render::links::exported_file;
use crate::render::{BLOCKS, BadInput, Page, Renderer, site};

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Output directory (created if missing).
    pub out: PathBuf,
    /// Languages to write.
    pub langs: Vec<Lang>,
    /// Port pages to write (all of them unless a partial export is wanted).
    pub ports: std::ops::RangeInclusive<u16>,
    /// Also write `.gz` and `.br` next to every page, for hosts that serve
    /// precompressed files (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`).
    pub precompress: bool,
}

impl ExportOptions {
    /// Every page in these languages, uncompressed.
    pub fn new(out: PathBuf, langs: Vec<Lang>) -> ExportOptions {
        ExportOptions {
            out,
            langs,
            ports: 0..=u16::MAX,
            precompress: false,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportReport {
    /// Files written.
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
}

/// What an export is about to write, told before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportPlan {
    /// HTML pages.
    pub pages: u64,
    /// Files in total (pages, assets, sitemaps, precompressed copies).
    pub files: u64,
    /// Estimated bytes on disk, from a sample of rendered pages.
    pub estimated_bytes: u64,
    /// Whether the sitemap and `robots.txt` are written (the site URL is public).
    pub sitemaps: bool,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file or directory could not be written.
    #[error("cannot write {path}")]
    Write {
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The registry store fails its integrity check.
    #[error(transparent)]
    Store(#[from] portlore_kb::IntegrityError),
    /// A page could not be rendered from the registry store.
    #[error("a page could not be rendered from the registry store; run `portlore update --force`")]
    Unavailable,
}

/// Pages per language besides the ports: home, the index, the index pages, search and
/// recent changes.
const OTHER_PAGES: u64 = 4 + BLOCKS as u64;

fn port_count(opts: &ExportOptions) -> u64 {
    u64::from(*opts.ports.end()) + 1 - u64::from(*opts.ports.start())
}

/// Files at the root besides the sitemaps: the language chooser, 404 page, search
/// index and `_headers`.
const ROOT_FILES: u64 = 4;

/// How many files an export writes, for a progress bar.
pub fn planned_files(renderer: &Renderer, opts: &ExportOptions) -> u64 {
    let langs = opts.langs.len() as u64;
    let pages = langs * (port_count(opts) + OTHER_PAGES);
    let copies = if opts.precompress { 3 } else { 1 };
    let sitemaps = if has_sitemaps(renderer, opts) {
        2 + 2 * langs
    } else {
        0
    };
    pages * copies + crate::assets::all().count() as u64 + ROOT_FILES + sitemaps
}

fn has_sitemaps(renderer: &Renderer, opts: &ExportOptions) -> bool {
    renderer
        .config()
        .exported(&opts.langs)
        .absolute_base()
        .is_some()
}

/// Counts the pages and estimates the size of an export by rendering a sample of
/// port pages in every language (port pages are nearly all of it).
pub fn plan(renderer: &Renderer, opts: &ExportOptions) -> ExportPlan {
    let r = renderer.for_export(&opts.langs);
    let ports = port_count(opts);
    let (first, last) = (u32::from(*opts.ports.start()), u32::from(*opts.ports.end()));
    let step = ((last - first) / 24).max(1);
    let sample: Vec<u16> = (first..=last)
        .step_by(step as usize)
        .map(|p| p as u16)
        .collect();
    let mut bytes = 0u64;
    for &lang in &opts.langs {
        let sampled: u64 = sample
            .iter()
            .map(|&p| r.port(lang, p).body.len() as u64)
            .sum();
        bytes += sampled * ports / sample.len() as u64;
        bytes += OTHER_PAGES * r.block(lang, 12).body.len() as u64;
    }
    if opts.precompress {
        // Compressed copies of these pages are about a fifth (gzip) and a sixth
        // (brotli) of their size.
        bytes += bytes * 2 / 5;
    }
    let sitemaps = has_sitemaps(renderer, opts);
    if sitemaps {
        bytes += opts.langs.len() as u64 * (ports + OTHER_PAGES) * 95;
    }
    ExportPlan {
        pages: opts.langs.len() as u64 * (ports + OTHER_PAGES),
        files: planned_files(renderer, opts),
        estimated_bytes: bytes,
        sitemaps,
    }
}

/// How to look at an export once written.
pub fn preview_hint(out: &Path, first: Lang) -> String {
    let dir = out.display();
    format!(
        "Preview: python3 -m http.server --directory {dir} 8000 and open http://127.0.0.1:8000/{l}/index.html\n\
         (or open {dir}/{l}/index.html in a browser directly; search needs the server)",
        l = first.code()
    )
}

/// Writes the site. `progress` is called with the number of files written so far
/// (from several threads; calls may arrive out of order).
pub fn export(
    renderer: &Renderer,
    opts: &ExportOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<ExportReport, ExportError> {
    let out = &opts.out;
    let renderer = renderer.for_export(&opts.langs);
    let done = AtomicU64::new(0);
    let bytes = AtomicU64::new(0);
    let put = |rel: &str, data: &[u8]| -> Result<(), ExportError> {
        let path = out.join(rel);
        std::fs::write(&path, data).map_err(|source| ExportError::Write { path, source })?;
        bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
        progress(done.fetch_add(1, Ordering::Relaxed) + 1);
        Ok(())
    };
    // A damaged store fails the export; no 503 page is ever written as a file.
    let body = |page: Page| -> Result<String, ExportError> {
        if page.status == 503 {
            renderer.knowledge().all_assignments()?;
            return Err(ExportError::Unavailable);
        }
        Ok(page.body)
    };
    renderer.knowledge().all_assignments()?;
    let page = |rel: &str, page: Page| -> Result<(), ExportError> {
        let html = body(page)?;
        let html = html.as_str();
        put(rel, html.as_bytes())?;
        if opts.precompress {
            put(&format!("{rel}.gz"), &gzip(html.as_bytes()))?;
            put(&format!("{rel}.br"), &brotli(html.as_bytes()))?;
        }
        Ok(())
    };
    let mkdir = |rel: &str| -> Result<(), ExportError> {
        let path = out.join(rel);
        std::fs::create_dir_all(&path).map_err(|source| ExportError::Write { path, source })
    };
    mkdir("assets")?;
    renderer.warm();
    let config = renderer.config();
    for a in crate::assets::all() {
        put(&format!("assets/{}", a.name), a.bytes)?;
    }
    if let (Some(robots), Some(index)) = (
        site::robots(config),
        site::sitemap_index(config, &opts.langs),
    ) {
        mkdir("sitemaps")?;
        put("robots.txt", robots.as_bytes())?;
        put("sitemap.xml", index.as_bytes())?;
        for &lang in &opts.langs {
            for part in 0..2 {
                if let Some(s) = site::sitemap(config, renderer.space()?, lang, part) {
                    put(
                        &format!("sitemaps/{}-{part}.xml", lang.code()),
                        s.as_bytes(),
                    )?;
                }
            }
        }
    }
    put("search-index.json", renderer.search_index()?.as_bytes())?;
    put("index.html", root_page(&opts.langs).as_bytes())?;
    put(
        "404.html",
        renderer
            .error(opts.langs[0], &BadInput::NotFound(String::new()))
            .body
            .as_bytes(),
    )?;
    put("_headers", headers_file(&renderer).as_bytes())?;
    for &lang in &opts.langs {
        let l = lang.code();
        mkdir(&format!("{l}/ports"))?;
        mkdir(&format!("{l}/blocks"))?;
        page(&format!("{l}/index.html"), renderer.home(lang))?;
        page(&format!("{l}/ports/index.html"), renderer.ports_index(lang))?;
        page(&format!("{l}/search.html"), renderer.search(lang, ""))?;
        page(&format!("{l}/recent.html"), renderer.recent(lang))?;
        (0..BLOCKS)
            .into_par_iter()
            .try_for_each(|b| page(&format!("{l}/blocks/{b}.html"), renderer.block(lang, b)))?;
        opts.ports
            .clone()
            .into_par_iter()
            .try_for_each(|p| page(&format!("{l}/ports/{p}.html"), renderer.port(lang, p)))?;
    }
    Ok(ExportReport {
        files: done.load(Ordering::Relaxed),
        bytes: bytes.load(Ordering::Relaxed),
    })
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        lgwin: 20,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &data[..], &mut out, &params);
    out
}

/// The root of a static host cannot negotiate a language, so it links to all of
/// them (and a meta refresh, which a CSP does not block, goes to the first).
fn root_page(langs: &[Lang]) -> String {
    let first = langs[0].code();
    let mut s = format!(
        "<!doctype html>\n<html lang=\"{first}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"refresh\" content=\"0; url={first}/index.html\">\n<title>portlore</title>\n\
<link rel=\"stylesheet\" href=\"assets/style.css\">\n</head>\n<body>\n<main id=\"main\">\n<h1>portlore</h1>\n<ul>\n"
    );
    for l in langs {
        s.push_str(&format!(
            "<li><a href=\"{0}/index.html\" hreflang=\"{0}\" lang=\"{0}\">{1}</a></li>\n",
            l.code(),
            l.native_name()
        ));
    }
    s.push_str("</ul>\n</main>\n</body>\n</html>\n");
    s
}

/// Security headers in the `_headers` format several static hosts read.
fn headers_file(renderer: &Renderer) -> String {
    let mut s = String::from("/*\n");
    for (name, value) in security_headers(renderer.config()) {
        s.push_str(&format!("  {name}: {value}\n"));
    }
    s
}

/// The file a URL path is exported to, relative to the output directory (used by the
/// tests that compare `serve` with `export`).
pub fn file_for_path(path: &str) -> PathBuf {
    PathBuf::from(exported_file(path).trim_start_matches('/'))
}
