//! What every page shares: language, title, alternates and the language switcher.

use crate::config::SiteConfig;
use crate::i18n::{Lang, Tr};

/// One entry of the switcher and of the hreflang alternates.
#[derive(Debug, Clone)]
pub struct Alternate {
    /// Language code.
    pub code: &'static str,
    /// Name of the language in itself.
    pub name: &'static str,
    /// Root-relative URL of this page in that language.
    pub href: String,
    /// Whether it is the page's own language.
    pub current: bool,
}

/// The frame around a page.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// Translator.
    pub t: Tr,
    /// Language code.
    pub lang: &'static str,
    /// `<title>`.
    pub title: String,
    /// `<meta name=description>`.
    pub description: String,
    /// Root-relative URL of this page.
    pub canonical: String,
    /// The page in every language. Built from the route the server matched, never
    /// from a URL a client sent, so the switcher cannot be turned into a redirect.
    pub alternates: Vec<Alternate>,
    /// `noindex` for search results and errors.
    pub noindex: bool,
    /// Where the vote form posts.
    pub api_origin: String,
    /// Value of the search box.
    pub query: String,
    /// The footer line naming the registry the pages come from and its date; empty when
    /// no registry is loaded.
    pub registry: String,
}

impl Chrome {
    /// `path_tail` is the path after the language (`/ports/3147`), possibly with an
    /// already-encoded query string.
    pub fn new(lang: Lang, title: String, path_tail: &str, config: &SiteConfig) -> Chrome {
        let alternates = Lang::ALL
            .iter()
            .map(|l| Alternate {
                code: l.code(),
                name: l.native_name(),
                href: format!("/{}{path_tail}", l.code()),
                current: *l == lang,
            })
            .collect();
        Chrome {
            t: lang.tr(),
            lang: lang.code(),
            title,
            description: String::new(),
            canonical: format!("/{}{path_tail}", lang.code()),
            alternates,
            noindex: false,
            api_origin: config.api_origin.clone(),
            query: String::new(),
            registry: String::new(),
        }
    }

    /// The same page in English, the `x-default` alternate.
    pub fn x_default(&self) -> &str {
        &self.alternates[0].href
    }
}
