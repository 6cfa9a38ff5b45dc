//! Links between pages. Every page names its targets by site path (`/fr/ports/3147`)
//! and writes them relative to its own address, so the same site works at a domain's
//! root, under a sub-path, and (exported) over `file://` or a plain static server.
//!
//! - Served: `/fr/ports/3147` links to `/fr/ports/3148` as `3148` and to the home page
//!   as `../`.
//! - Exported: the same link is `3148.html`, the home page `../index.html`: files that
//!   exist, with no server rewrite rules.
//!
//! Error pages are the exception: a server shows them at whatever address was asked
//! for, so their links start at the root.

use std::borrow::Cow;

use crate::config::LinkStyle;

/// How one page writes its links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    style: LinkStyle,
    /// The directories of the page's own address (`["fr", "ports"]`), or `None` for
    /// root-relative links.
    from: Option<Vec<String>>,
}

impl Links {
    /// Links of the page at site path `page` (a query string is ignored).
    pub fn new(style: LinkStyle, page: &str) -> Links {
        let (path, _) = split_suffix(page);
        Links {
            style,
            from: Some(dirs(path).map(str::to_string).collect()),
        }
    }

    /// Root-relative links, for pages shown at an address not known in advance.
    pub fn rooted(style: LinkStyle) -> Links {
        Links { style, from: None }
    }

    /// The link to site path `target` (`/fr/ports/3147`, `/fr/`, `/assets/style.css`,
    /// `/fr/search?q=rfio`, `/fr/ports/3147#voted`).
    pub fn to(&self, target: &str) -> String {
        let (path, suffix) = split_suffix(target);
        // A page writes some forty links, so this builds each without temporary
        // vectors or copies (it was a seventh of a port page's rendering).
        let path = match self.style {
            LinkStyle::Served => Cow::Borrowed(path),
            LinkStyle::Exported => Cow::Owned(exported_file(path)),
        };
        let Some(from) = &self.from else {
            return [&*path, suffix].concat();
        };
        let to_dirs = dirs(&path);
        let file = path.rfind('/').map_or(&*path, |i| &path[i + 1..]);
        let common = from
            .iter()
            .zip(to_dirs.clone())
            .take_while(|(a, b)| a.as_str() == *b)
            .count();
        let mut out = String::with_capacity(path.len() + suffix.len() + 16);
        for _ in common..from.len() {
            out.push_str("../");
        }
        for d in to_dirs.skip(common) {
            out.push_str(d);
            out.push('/');
        }
        out.push_str(file);
        if out.is_empty() {
            out.push_str("./");
        }
        out.push_str(suffix);
        out
    }
}

/// The file a site path is exported to, as a root path: `/fr/` becomes
/// `/fr/index.html`, `/fr/ports/3147` becomes `/fr/ports/3147.html`; paths that name a
/// file (`/assets/style.css`, `/sitemap.xml`) stay as they are.
pub fn exported_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        return format!("{path}index.html");
    }
    let last = path.rsplit('/').next().unwrap_or("");
    let in_pages = path.contains("/ports/") || path.contains("/blocks/");
    if last.contains('.') && !in_pages {
        path.to_string()
    } else {
        format!("{path}.html")
    }
}

/// Splits `?query` and `#fragment` off a path.
fn split_suffix(target: &str) -> (&str, &str) {
    // Byte search: both marks are ASCII, and a char-set search cost more than the rest
    // of the link.
    match target.bytes().position(|b| b == b'?' || b == b'#') {
        Some(i) => (&target[..i], &target[i..]),
        None => (target, ""),
    }
}

/// The directories of a root path: `/fr/ports/3147` → `["fr", "ports"]`.
fn dirs(path: &str) -> impl Iterator<Item = &str> + Clone {
    let path = path.trim_start_matches('/');
    path.rfind('/')
        .map(|i| path[..i].split('/'))
        .into_iter()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn served_links_are_page_relative() {
        let l = Links::new(LinkStyle::Served, "/fr/ports/3147");
        assert_eq!(l.to("/fr/ports/3148"), "3148");
        assert_eq!(l.to("/fr/ports/"), "./");
        assert_eq!(l.to("/fr/"), "../");
        assert_eq!(l.to("/de/ports/3147"), "../../de/ports/3147");
        assert_eq!(l.to("/fr/blocks/12"), "../blocks/12");
        assert_eq!(l.to("/assets/style.css"), "../../assets/style.css");
        assert_eq!(l.to("/fr/search?q=a%26b"), "../search?q=a%26b");
        assert_eq!(l.to("/fr/ports/3147#voted"), "3147#voted");
        let home = Links::new(LinkStyle::Served, "/fr/");
        assert_eq!(home.to("/fr/"), "./");
        assert_eq!(home.to("/fr/blocks/0"), "blocks/0");
        let search = Links::new(LinkStyle::Served, "/fr/search?q=x/y");
        assert_eq!(search.to("/fr/ports/1"), "ports/1");
    }

    #[test]
    fn exported_links_name_files() {
        let l = Links::new(LinkStyle::Exported, "/fr/ports/3147");
        assert_eq!(l.to("/fr/ports/3148"), "3148.html");
        assert_eq!(l.to("/fr/ports/"), "index.html");
        assert_eq!(l.to("/fr/"), "../index.html");
        assert_eq!(l.to("/ja/"), "../../ja/index.html");
        assert_eq!(l.to("/assets/style.css"), "../../assets/style.css");
        assert_eq!(l.to("/fr/search?q=rfio"), "../search.html?q=rfio");
        assert_eq!(l.to("/fr/recent"), "../recent.html");
        let root = Links::new(LinkStyle::Exported, "/");
        assert_eq!(root.to("/en/"), "en/index.html");
    }

    #[test]
    fn rooted_links_start_at_the_root() {
        assert_eq!(
            Links::rooted(LinkStyle::Served).to("/en/ports/1"),
            "/en/ports/1"
        );
        assert_eq!(
            Links::rooted(LinkStyle::Exported).to("/en/"),
            "/en/index.html"
        );
    }
}
