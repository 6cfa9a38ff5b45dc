//! The static export: the same pages as `serve`, written as files a CDN can host.
//!
//! Layout: a URL `/fr/ports/3147` becomes `fr/ports/3147.html`, and a URL ending in `/`
//! becomes `index.html` in that directory, which is what most static hosts (and nginx
//! with `try_files $uri $uri.html $uri/index.html`) resolve by default.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::i18n::Lang;
use crate::layers::security_headers;
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
}

impl ExportOptions {
    /// Every page in these languages.
    pub fn new(out: PathBuf, langs: Vec<Lang>) -> ExportOptions {
        ExportOptions {
            out,
            langs,
            ports: 0..=u16::MAX,
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

/// How many files an export writes, for a progress bar.
pub fn planned_files(opts: &ExportOptions) -> u64 {
    let ports = u64::from(*opts.ports.end()) + 1 - u64::from(*opts.ports.start());
    let per_lang = ports + OTHER_PAGES + 2;
    opts.langs.len() as u64 * per_lang + crate::assets::all().count() as u64 + 6
}

/// Writes the site. `progress` is called with the number of files written so far
/// (from several threads; calls may arrive out of order).
pub fn export(
    renderer: &Renderer,
    opts: &ExportOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<ExportReport, ExportError> {
    let out = &opts.out;
    let done = AtomicU64::new(0);
    let bytes = AtomicU64::new(0);
    let write = |rel: &str, data: &[u8]| -> Result<(), ExportError> {
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
    let mkdir = |rel: &str| -> Result<(), ExportError> {
        let path = out.join(rel);
        std::fs::create_dir_all(&path).map_err(|source| ExportError::Write { path, source })
    };
    mkdir("assets")?;
    mkdir("sitemaps")?;
    renderer.warm();
    let config = renderer.config();
    for a in crate::assets::all() {
        write(&format!("assets/{}", a.name), a.bytes)?;
    }
    write("robots.txt", site::robots(config).as_bytes())?;
    write(
        "sitemap.xml",
        site::sitemap_index(config, &opts.langs).as_bytes(),
    )?;
    write("search-index.json", renderer.search_index()?.as_bytes())?;
    write("index.html", root_page(&opts.langs).as_bytes())?;
    write(
        "404.html",
        renderer
            .error(opts.langs[0], &BadInput::NotFound(String::new()))
            .body
            .as_bytes(),
    )?;
    write("_headers", headers_file(renderer).as_bytes())?;
    for &lang in &opts.langs {
        let l = lang.code();
        mkdir(&format!("{l}/ports"))?;
        mkdir(&format!("{l}/blocks"))?;
        for part in 0..2 {
            if let Some(s) = site::sitemap(config, lang, part) {
                write(&format!("sitemaps/{l}-{part}.xml"), s.as_bytes())?;
            }
        }
        write(
            &format!("{l}/index.html"),
            body(renderer.home(lang))?.as_bytes(),
        )?;
        write(
            &format!("{l}/ports/index.html"),
            body(renderer.ports_index(lang))?.as_bytes(),
        )?;
        write(
            &format!("{l}/search.html"),
            body(renderer.search(lang, ""))?.as_bytes(),
        )?;
        write(
            &format!("{l}/recent.html"),
            body(renderer.recent(lang))?.as_bytes(),
        )?;
        (0..BLOCKS).into_par_iter().try_for_each(|b| {
            write(
                &format!("{l}/blocks/{b}.html"),
                body(renderer.block(lang, b))?.as_bytes(),
            )
        })?;
        opts.ports.clone().into_par_iter().try_for_each(|p| {
            write(
                &format!("{l}/ports/{p}.html"),
                body(renderer.port(lang, p))?.as_bytes(),
            )
        })?;
    }
    Ok(ExportReport {
        files: done.load(Ordering::Relaxed),
        bytes: bytes.load(Ordering::Relaxed),
    })
}

/// The root of a static host cannot negotiate a language, so it links to all of
/// them (and a meta refresh, which a CSP does not block, goes to the first).
fn root_page(langs: &[Lang]) -> String {
    let first = langs[0].code();
    let mut s = format!(
        "<!doctype html>\n<html lang=\"{first}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"refresh\" content=\"0; url=/{first}/\">\n<title>portlore</title>\n\
<link rel=\"stylesheet\" href=\"/assets/style.css\">\n</head>\n<body>\n<main id=\"main\">\n<h1>portlore</h1>\n<ul>\n"
    );
    for l in langs {
        s.push_str(&format!(
            "<li><a href=\"/{0}/\" hreflang=\"{0}\" lang=\"{0}\">{1}</a></li>\n",
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
    let rel = path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        Path::new(rel).join("index.html")
    } else if Path::new(rel).extension().is_some()
        && !rel.contains("/ports/")
        && !rel.contains("/blocks/")
    {
        PathBuf::from(rel)
    } else {
        PathBuf::from(format!("{rel}.html"))
    }
}
