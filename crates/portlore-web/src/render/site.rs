//! Machine-readable files: robots.txt, the sitemaps and the client-side search index.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use portlore_kb::{Knowledge, Status};
use serde::Serialize;

use super::links::exported_file;
use super::{BLOCKS, PortSpace, escape};
use crate::config::{LinkStyle, SiteConfig};
use crate::i18n::Lang;

/// Ports per sitemap file; two files per language keep each under the protocol's
/// 50,000-URL limit.
pub const SITEMAP_PORTS: u32 = 32768;

/// `robots.txt`, when the site has a public base URL to name its sitemap by.
pub fn robots(config: &SiteConfig) -> Option<String> {
    let base = config.absolute_base()?;
    Some(format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /*/search\nDisallow: /*/feedback\n\nSitemap: {base}/sitemap.xml\n"
    ))
}

/// The sitemap index: two sitemaps per language.
pub fn sitemap_index(config: &SiteConfig, langs: &[Lang]) -> Option<String> {
    let base = escape(config.absolute_base()?);
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for l in langs {
        for part in 0..2 {
            let _ = writeln!(
                s,
                "<sitemap><loc>{base}/sitemaps/{}-{part}.xml</loc></sitemap>",
                l.code()
            );
        }
    }
    s.push_str("</sitemapindex>\n");
    Some(s)
}

/// The address of a page in a sitemap: what the server answers, or the exported file.
fn loc(config: &SiteConfig, path: &str) -> String {
    match config.links {
        LinkStyle::Served => path.to_string(),
        LinkStyle::Exported => exported_file(path),
    }
}

/// One sitemap: part 0 holds the language's index pages and ports 0–32767, part 1
/// the other ports. Each URL's `lastmod` is the registry date of the page's facts
/// (see [`PortSpace::port_date`]). `None` for a part that does not exist or a site
/// without a public base URL.
pub fn sitemap(config: &SiteConfig, space: &PortSpace, lang: Lang, part: u32) -> Option<String> {
    if part > 1 || !config.langs.contains(&lang) {
        return None;
    }
    let base = escape(config.absolute_base()?);
    let l = lang.code();
    let mut s = String::with_capacity(3_200_000);
    s.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |path: String, date: Option<String>| {
        let _ = write!(s, "<url><loc>{base}{}</loc>", loc(config, &path));
        if let Some(d) = date {
            let _ = write!(s, "<lastmod>{d}</lastmod>");
        }
        s.push_str("</url>\n");
    };
    let registry = space.registry_date().map(str::to_string);
    if part == 0 {
        for tail in ["/", "/ports/", "/recent"] {
            url(format!("/{l}{tail}"), registry.clone());
        }
        for b in 0..BLOCKS {
            url(format!("/{l}/blocks/{b}"), space.block_date(b));
        }
    }
    for p in part * SITEMAP_PORTS..(part + 1) * SITEMAP_PORTS {
        url(format!("/{l}/ports/{p}"), space.port_date(p as u16));
    }
    s.push_str("</urlset>\n");
    Some(s)
}

/// One entry of the client-side index: `[name, ports, title, kind]`.
#[derive(Serialize)]
struct Entry(String, String, String, &'static str);

/// A compact JSON index for searching the static export without a server: every IANA
/// service name with its ports and first description line, and the curated threats,
/// software and notes.
pub fn search_index(kb: &Knowledge) -> Result<String, portlore_kb::IntegrityError> {
    let mut services: BTreeMap<String, (Vec<String>, String)> = BTreeMap::new();
    for a in kb.all_assignments()? {
        let (Some(name), Status::Assigned) = (a.service.clone(), a.status) else {
            continue;
        };
        let e = services.entry(name).or_insert_with(|| {
            (
                Vec::new(),
                a.description.lines().next().unwrap_or("").to_string(),
            )
        });
        if let Some(p) = a.ports {
            let p = p.to_string();
            if !e.0.contains(&p) {
                e.0.push(p);
            }
        }
    }
    let mut entries: Vec<Entry> = services
        .into_iter()
        .map(|(name, (ports, title))| Entry(name, ports.join(","), title, "s"))
        .collect();
    let curated = portlore_kb::curated::get();
    let mut seen = std::collections::HashSet::new();
    for p in 0..=u16::MAX {
        let f = curated.for_port(p);
        for t in &f.threats {
            if seen.insert(format!("t:{}:{}", t.id, t.ports)) {
                entries.push(Entry(
                    t.name.clone(),
                    t.ports.to_string(),
                    format!("{} ({})", t.kind, t.year),
                    "t",
                ));
            }
        }
        for u in &f.unofficial {
            if seen.insert(format!("u:{}", u.id)) {
                let ports: Vec<String> = u.ports.iter().map(|r| r.to_string()).collect();
                entries.push(Entry(
                    u.software.clone(),
                    ports.join(","),
                    String::new(),
                    "u",
                ));
            }
        }
        for n in &f.notes {
            if seen.insert(format!("n:{}", n.id)) {
                let ports: Vec<String> = n.ports.iter().map(|r| r.to_string()).collect();
                entries.push(Entry(n.title.clone(), ports.join(","), String::new(), "n"));
            }
        }
    }
    Ok(serde_json::to_string(&entries).unwrap_or_else(|_| "[]".into()))
}
