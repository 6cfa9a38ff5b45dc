//! What every page shares: language, title, metadata, alternates, the language
//! switcher, and the links to the site's other pages.

use std::fmt::Display;

use super::links::Links;
use crate::config::{LinkStyle, SiteConfig};
use crate::i18n::{Lang, Tr};

/// One entry of the switcher and of the hreflang alternates.
#[derive(Debug, Clone)]
pub struct Alternate {
    /// Language code.
    pub code: &'static str,
    /// Name of the language in itself.
    pub name: &'static str,
    /// Link to this page in that language, relative to the page.
    pub href: String,
    /// Absolute URL of this page in that language (hreflang), when the site has a
    /// base URL.
    pub url: Option<String>,
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
    /// `<meta name=description>` and `og:description`.
    pub description: String,
    /// Absolute URL of this page, when the site has a base URL.
    pub canonical: Option<String>,
    /// The page in every language of the site. Built from the route the server
    /// matched, never from a URL a client sent, so the switcher cannot be turned into
    /// a redirect.
    pub alternates: Vec<Alternate>,
    /// `noindex` for search results and errors.
    pub noindex: bool,
    /// Where the vote form posts.
    pub api_origin: String,
    /// Value of the search box.
    pub query: String,
    /// How this page writes links.
    pub links: Links,
    style: LinkStyle,
    /// The footer line naming the registry the pages come from and its date; empty when
    /// no registry is loaded.
    pub registry: String,
}

impl Chrome {
    /// `path_tail` is the path after the language (`/ports/3147`), possibly with an
    /// already-encoded query string.
    pub fn new(lang: Lang, title: String, path_tail: &str, config: &SiteConfig) -> Chrome {
        let base = config.absolute_base();
        // Joined rather than formatted: a page builds these for every language.
        let own = ["/", lang.code(), path_tail].concat();
        let links = Links::new(config.links, &own);
        let alternates = config
            .langs
            .iter()
            .map(|l| {
                let path = ["/", l.code(), path_tail].concat();
                Alternate {
                    code: l.code(),
                    name: l.native_name(),
                    href: links.to(&path),
                    url: base.map(|b| [b, &path].concat()),
                    current: *l == lang,
                }
            })
            .collect();
        Chrome {
            t: lang.tr(),
            lang: lang.code(),
            title,
            description: String::new(),
            canonical: base.map(|b| [b, &own].concat()),
            alternates,
            noindex: false,
            api_origin: config.api_origin.clone(),
            query: String::new(),
            links,
            style: config.links,
            registry: String::new(),
        }
    }

    /// Links from the root, for a page shown at an address not known in advance (an
    /// error page). Such a page is never indexed, so it has no canonical URL either.
    pub fn rooted(mut self) -> Chrome {
        self.links = Links::rooted(self.style);
        for a in &mut self.alternates {
            a.href = self.links.to(&format!("/{}/", a.code));
            a.url = None;
        }
        self.canonical = None;
        self.noindex = true;
        self
    }

    /// The `x-default` alternate: the first language (English when it is exported).
    pub fn x_default(&self) -> Option<&str> {
        self.alternates.first().and_then(|a| a.url.as_deref())
    }

    /// `og:locale` of the page's language.
    pub fn og_locale(&self) -> &'static str {
        match self.lang {
            "fr" => "fr_FR",
            "de" => "de_DE",
            "es" => "es_ES",
            "pt" => "pt_PT",
            "it" => "it_IT",
            "ro" => "ro_RO",
            "ru" => "ru_RU",
            "uk" => "uk_UA",
            "ja" => "ja_JP",
            _ => "en_US",
        }
    }

    /// The link to any site path (`/de/ports/22`, `/assets/style.css`).
    pub fn link(&self, path: &str) -> String {
        self.links.to(path)
    }

    /// The link to a page of this language by its path after the language (`/recent`,
    /// `/search?q=rfio`).
    pub fn page(&self, tail: &str) -> String {
        self.links.to(&["/", self.lang, tail].concat())
    }

    /// This language's home page.
    pub fn home(&self) -> String {
        self.page("/")
    }

    /// The range index.
    pub fn ports_index(&self) -> String {
        self.page("/ports/")
    }

    /// A port page in this language.
    pub fn port(&self, port: impl Display) -> String {
        self.links.to(&format!("/{}/ports/{port}", self.lang))
    }

    /// An index page (block of 256 ports) in this language.
    pub fn block(&self, block: impl Display) -> String {
        self.links.to(&format!("/{}/blocks/{block}", self.lang))
    }

    /// Where the search form goes.
    pub fn search(&self) -> String {
        self.page("/search")
    }

    /// An embedded asset.
    pub fn asset(&self, name: &str) -> String {
        self.links.to(&["/assets/", name].concat())
    }

    /// The feedback overview: on the site when it is served; on the API origin for an
    /// export (a static host has no votes), and absent when there is none.
    pub fn feedback(&self) -> Option<String> {
        match self.style {
            LinkStyle::Served => Some(self.page("/feedback")),
            LinkStyle::Exported if !self.api_origin.is_empty() => {
                Some(format!("{}/{}/feedback", self.api_origin, self.lang))
            }
            LinkStyle::Exported => None,
        }
    }

    /// The API reference, where there is a server to answer it.
    pub fn api_docs(&self) -> Option<String> {
        match self.style {
            LinkStyle::Served => Some(self.link("/api/v1/docs")),
            LinkStyle::Exported if !self.api_origin.is_empty() => {
                Some(format!("{}/api/v1/docs", self.api_origin))
            }
            LinkStyle::Exported => None,
        }
    }
}
