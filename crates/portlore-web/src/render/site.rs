//! Machine-readable files: robots.txt and the sitemaps (the client-side search index
//! comes from `portlore_kb::Knowledge::search_index`).

use std::fmt::Write as _;

use super::{BLOCKS, escape};
use crate::config::SiteConfig;
use crate::i18n::Lang;

/// Ports per sitemap file; two files per language keep each under the protocol's
/// 50,000-URL limit.
pub const SITEMAP_PORTS: u32 = 32768;

/// `robots.txt`.
pub fn robots(config: &SiteConfig) -> String {
    format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /*/search\n\nSitemap: {}/sitemap.xml\n",
        config.site_url
    )
}

/// The sitemap index: two sitemaps per language.
pub fn sitemap_index(config: &SiteConfig, langs: &[Lang]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for l in langs {
        for part in 0..2 {
            let _ = writeln!(
                s,
                "<sitemap><loc>{}/sitemaps/{}-{part}.xml</loc></sitemap>",
                escape(&config.site_url),
                l.code()
            );
        }
    }
    s.push_str("</sitemapindex>\n");
    s
}

/// One sitemap: part 0 holds the language's index pages and ports 0–32767, part 1
/// the other ports. `None` for a part that does not exist.
pub fn sitemap(config: &SiteConfig, lang: Lang, part: u32) -> Option<String> {
    if part > 1 {
        return None;
    }
    let base = format!("{}/{}", escape(&config.site_url), lang.code());
    let mut s = String::with_capacity(1_700_000);
    s.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    if part == 0 {
        for tail in ["/", "/ports/", "/recent"] {
            let _ = writeln!(s, "<url><loc>{base}{tail}</loc></url>");
        }
        for b in 0..BLOCKS {
            let _ = writeln!(s, "<url><loc>{base}/blocks/{b}</loc></url>");
        }
    }
    for p in part * SITEMAP_PORTS..(part + 1) * SITEMAP_PORTS {
        let _ = writeln!(s, "<url><loc>{base}/ports/{p}</loc></url>");
    }
    s.push_str("</urlset>\n");
    Some(s)
}
