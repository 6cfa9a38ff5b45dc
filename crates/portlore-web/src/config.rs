//! Site configuration shared by `serve` and `export`.

use crate::i18n::Lang;

/// How pages link to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStyle {
    /// Addresses the server answers: `/fr/ports/3147`, `/fr/` (written page-relative).
    Served,
    /// Files of the static export: `3147.html`, `../index.html`, so the export works on
    /// a plain static server, under a sub-path and over `file://`.
    Exported,
}

/// What changes between deployments of the same pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    /// Origin of the feedback API, without a trailing slash (`https://api.example.org`);
    /// empty for the same origin as the pages.
    pub api_origin: String,
    /// The site's public base URL, without a trailing slash: canonical and hreflang
    /// URLs, Open Graph, the sitemap and robots.txt.
    pub site_url: String,
    /// How links are written; the only other difference between a served page and an
    /// exported one.
    pub links: LinkStyle,
    /// The languages the site has (the switcher and hreflang list only these).
    pub langs: Vec<Lang>,
}

impl SiteConfig {
    /// Same-origin API, every language, served links.
    pub fn new(site_url: &str) -> SiteConfig {
        SiteConfig {
            api_origin: String::new(),
            site_url: site_url.trim_end_matches('/').to_string(),
            links: LinkStyle::Served,
            langs: Lang::ALL.to_vec(),
        }
    }

    /// The same site written as static files in these languages.
    pub fn exported(&self, langs: &[Lang]) -> SiteConfig {
        SiteConfig {
            links: LinkStyle::Exported,
            langs: if langs.is_empty() {
                Lang::ALL.to_vec()
            } else {
                langs.to_vec()
            },
            ..self.clone()
        }
    }

    /// The base of absolute URLs (canonical, hreflang, sitemap). A served site always
    /// has one, even on loopback, since that is where it answers; an export only has
    /// one for a public `--site-url`: baking `http://127.0.0.1` into files meant for
    /// another host would point search engines at the reader's own machine.
    pub fn absolute_base(&self) -> Option<&str> {
        match self.links {
            LinkStyle::Served => Some(&self.site_url),
            LinkStyle::Exported => (!is_local_url(&self.site_url)).then_some(&*self.site_url),
        }
    }

    /// Sets the API origin, refusing anything but an `http(s)://host[:port]` origin, so a
    /// form can never be pointed at a path, a `javascript:` URL or a different scheme.
    pub fn with_api_origin(mut self, origin: &str) -> Result<SiteConfig, String> {
        let origin = origin.trim_end_matches('/');
        let rest = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"))
            .ok_or_else(|| format!("{origin:?} is not an http(s) origin"))?;
        let valid = !rest.is_empty()
            && rest.bytes().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')
            });
        if !valid {
            return Err(format!(
                "{origin:?} is not an origin (expected https://host[:port], no path)"
            ));
        }
        self.api_origin = origin.to_string();
        Ok(self)
    }
}

/// Whether a URL points at this machine (loopback, `localhost`, an unspecified
/// address) or has no host at all.
pub fn is_local_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() || host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip.is_unspecified(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_urls_are_recognised() {
        for local in [
            "http://127.0.0.1:7147",
            "http://127.1.2.3",
            "http://localhost:8080/",
            "https://LOCALHOST.",
            "http://[::1]:7147",
            "http://0.0.0.0:7147",
            "http://[::]",
            "",
            "http://",
        ] {
            assert!(is_local_url(local), "{local}");
        }
        for public in [
            "https://ports.example.org",
            "https://example.org/sub/path",
            "http://192.0.2.7:8080",
            "https://[2001:db8::1]",
        ] {
            assert!(!is_local_url(public), "{public}");
        }
        let c = SiteConfig::new("http://127.0.0.1:7147");
        assert_eq!(c.absolute_base(), Some("http://127.0.0.1:7147"));
        assert_eq!(c.exported(&[Lang::En]).absolute_base(), None);
        let c = SiteConfig::new("https://ports.example.org/");
        assert_eq!(
            c.exported(&[Lang::En]).absolute_base(),
            Some("https://ports.example.org")
        );
    }

    #[test]
    fn api_origin_must_be_an_origin() {
        let c = SiteConfig::new("http://x");
        assert!(
            c.clone()
                .with_api_origin("https://api.example.org/")
                .is_ok()
        );
        assert!(c.clone().with_api_origin("http://127.0.0.1:8080").is_ok());
        for bad in [
            "javascript:alert(1)",
            "https://a/b",
            "ftp://a",
            "https://",
            "https://a\"b",
        ] {
            assert!(c.clone().with_api_origin(bad).is_err(), "{bad}");
        }
    }
}
