//! The one renderer behind `serve` and `export`: every page is a pure function of the
//! knowledge, the site configuration, the language and the page's own parameters.
//! Nothing here looks at request headers, so a served page and an exported one are
//! the same bytes.

mod chrome;
mod html;
pub mod links;
mod lists;
mod map;
mod port;
mod port_text;
mod search;
pub mod site;
mod views;

use std::sync::{Arc, OnceLock};

use askama::Template;
use portlore_kb::{IntegrityError, Knowledge, Transport};

pub use chrome::Chrome;
pub use html::escape;
pub use map::PortSpace;

use crate::config::SiteConfig;
use crate::i18n::Lang;

/// Ports per block of the map and per page of the range index.
pub const BLOCK: u32 = 256;
/// Number of blocks (and index pages).
pub const BLOCKS: u32 = 65536 / BLOCK;
/// The longest search query rendered; longer ones are refused with a 400 page.
pub const MAX_QUERY_CHARS: usize = 200;
/// Search hits shown.
pub const SEARCH_LIMIT: usize = 50;

/// A rendered page and its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// HTTP status: 200, 400 or 404, or 503 when the registry store fails its
    /// integrity check (such a page must never be cached).
    pub status: u16,
    /// The HTML document.
    pub body: String,
}

impl Page {
    fn ok(body: String) -> Page {
        Page { status: 200, body }
    }
}

/// Why an input cannot be turned into a page; rendered as a 400 or 404 page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadInput {
    /// `/xx/...` with a language the site does not have.
    Language(String),
    /// A port that is not a number, or a number outside 0–65535.
    Port(String),
    /// An index page outside 0–255.
    Block(String),
    /// A search query that is too long or not text.
    Query,
    /// An address that is not UTF-8 once percent-decoded.
    Encoding,
    /// No such page.
    NotFound(String),
}

/// Renders every page of the site.
#[derive(Debug)]
pub struct Renderer {
    kb: Arc<Knowledge>,
    config: SiteConfig,
    space: OnceLock<Result<PortSpace, IntegrityError>>,
    recent: OnceLock<Result<Vec<lists::Change>, IntegrityError>>,
    index: OnceLock<Result<String, IntegrityError>>,
}

impl Renderer {
    /// A renderer over this knowledge.
    pub fn new(kb: Arc<Knowledge>, config: SiteConfig) -> Renderer {
        Renderer {
            kb,
            config,
            space: OnceLock::new(),
            recent: OnceLock::new(),
            index: OnceLock::new(),
        }
    }

    /// The knowledge behind the pages.
    pub fn knowledge(&self) -> &Knowledge {
        &self.kb
    }

    /// The site configuration.
    pub fn config(&self) -> &SiteConfig {
        &self.config
    }

    /// Per-block statistics of the whole port space (computed once).
    pub fn space(&self) -> Result<&PortSpace, IntegrityError> {
        self.space
            .get_or_init(|| PortSpace::compute(&self.kb))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Computes the lazily built tables now, so the first requests are not slow.
    pub fn warm(&self) {
        let _ = self.space();
        let _ = self.recent_changes();
    }

    /// The page, or the 503 page when the registry store fails its integrity check.
    fn checked(&self, lang: Lang, body: Result<String, IntegrityError>) -> Page {
        match body {
            Ok(body) => Page::ok(body),
            Err(e) => {
                tracing::error!(error = %e, "registry store integrity check failed");
                self.unavailable(lang)
            }
        }
    }

    /// The 503 page: the registry store is damaged, so no answer is given.
    pub fn unavailable(&self, lang: Lang) -> Page {
        Page {
            status: 503,
            body: views::unavailable_page(self, lang),
        }
    }

    /// The port page.
    pub fn port(&self, lang: Lang, port: u16) -> Page {
        self.port_on(lang, port, None)
    }

    /// The port page for one transport (`/en/ports/3147/udp`), or every transport.
    pub fn port_on(&self, lang: Lang, port: u16, transport: Option<Transport>) -> Page {
        self.checked(lang, port::render(self, lang, port, transport))
    }

    /// The verdict of a port's page, worded in `lang` (for meta descriptions and
    /// summaries).
    pub fn verdict(&self, lang: Lang, port: u16) -> Result<String, IntegrityError> {
        Ok(port::verdict_text(&lang.tr(), &port::outline(self, port)?))
    }

    /// The home page: search and the map.
    pub fn home(&self, lang: Lang) -> Page {
        self.checked(lang, lists::home(self, lang))
    }

    /// The range index, page `block` (0–255).
    pub fn block(&self, lang: Lang, block: u32) -> Page {
        self.checked(lang, lists::block(self, lang, block))
    }

    /// The list of ranges and index pages.
    pub fn ports_index(&self, lang: Lang) -> Page {
        self.checked(lang, lists::ports_index(self, lang))
    }

    /// Search results (an empty query renders the search form alone).
    pub fn search(&self, lang: Lang, query: &str) -> Page {
        if query.chars().count() > MAX_QUERY_CHARS {
            return self.error(lang, &BadInput::Query);
        }
        self.checked(lang, search::render(self, lang, query))
    }

    /// Recently changed registry records.
    pub fn recent(&self, lang: Lang) -> Page {
        self.checked(lang, lists::recent(self, lang))
    }

    /// A 400 or 404 page that says what the valid forms are.
    pub fn error(&self, lang: Lang, bad: &BadInput) -> Page {
        let status = match bad {
            BadInput::Port(p) if p.bytes().all(|b| b.is_ascii_digit()) && !p.is_empty() => 404,
            BadInput::Block(_) | BadInput::NotFound(_) | BadInput::Language(_) => 404,
            BadInput::Port(_) | BadInput::Query | BadInput::Encoding => 400,
        };
        Page {
            status,
            body: views::error_page(self, lang, bad, status),
        }
    }

    /// The client-side search index (JSON, computed once): the documents and rules of
    /// the one search, so the export's search answers as the server does.
    pub fn search_index(&self) -> Result<&str, IntegrityError> {
        self.index
            .get_or_init(|| self.kb.search_index())
            .as_deref()
            .map_err(Clone::clone)
    }

    pub(crate) fn recent_changes(&self) -> Result<&[lists::Change], IntegrityError> {
        self.recent
            .get_or_init(|| lists::compute_changes(&self.kb))
            .as_deref()
            .map_err(Clone::clone)
    }

    /// The frame of a page of this site at `/{lang}{path_tail}`.
    pub fn chrome(&self, lang: Lang, title: String, path_tail: &str) -> Chrome {
        let mut chrome = Chrome::new(lang, title, path_tail, &self.config);
        // Every page says which registry (and which edition of it) its facts are from.
        if let Some(date) = self.kb.registry_meta().and_then(|m| m.updated) {
            chrome.registry = chrome
                .t
                .t1("footer-registry", "date", crate::i18n::Arg::Str(&date));
        }
        chrome
    }

    /// A renderer of the same knowledge for the static export in these languages.
    pub fn for_export(&self, langs: &[Lang]) -> Renderer {
        Renderer::new(self.kb.clone(), self.config.exported(langs))
    }
}

/// Renders an askama template; a template error is a bug, shown as a short message
/// rather than a panic.
pub(crate) fn render_template(t: &impl Template) -> String {
    // Room for a typical page at once: growing from askama's small size hint copied
    // the page several times over.
    let mut out = String::with_capacity(PAGE_CAPACITY);
    match t.render_into(&mut out) {
        Ok(()) => out,
        Err(e) => format!(
            "<!doctype html><title>error</title><p>template error: {}",
            escape(&e.to_string())
        ),
    }
}

/// Bytes reserved for a page before rendering it: most port pages are 6–12 KB.
const PAGE_CAPACITY: usize = 16 * 1024;

/// The path of a port page, e.g. `/fr/ports/3147`.
pub fn port_path(lang: Lang, port: u16) -> String {
    format!("/{}/ports/{port}", lang.code())
}
