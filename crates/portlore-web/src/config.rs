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
    /// Which `Host` names requests may carry (against DNS rebinding).
    pub hosts: HostPolicy,
}

/// Which host names the server answers to. A DNS-rebinding page makes a browser send
/// its own host name to this server; refusing names not configured here stops it.
/// Addresses (`127.0.0.1:7147`, `[::1]`) are always accepted: a page can only get a
/// browser to send one by being loaded from that very address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum HostPolicy {
    /// Any host name (library default, for tests and embedding).
    #[default]
    Any,
    /// Only these names (lowercase, without port), `localhost`, and addresses.
    Only(Vec<String>),
}

impl HostPolicy {
    /// `serve`'s policy: the host of the site URL and of the listen address, plus the
    /// `--allowed-host` names.
    pub fn for_serve(site_url: &str, listen: &str, extra: &[String]) -> HostPolicy {
        let mut names: Vec<String> = Vec::new();
        let site_host = site_url
            .split_once("://")
            .map_or(site_url, |(_, rest)| rest)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        for h in [site_host, listen]
            .into_iter()
            .chain(extra.iter().map(String::as_str))
        {
            let name = host_name(h);
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
        HostPolicy::Only(names)
    }

    /// Whether a request naming `host` (a `Host` header or URI authority, maybe with
    /// a port) is answered. A request without one is not from a browser and is.
    pub fn allows(&self, host: Option<&str>) -> bool {
        let HostPolicy::Only(names) = self else {
            return true;
        };
        let Some(host) = host else { return true };
        let name = host_name(host);
        name == "localhost"
            || name.ends_with(".localhost")
            || is_address(&name)
            || names.contains(&name)
    }
}

/// The host part of `host[:port]` or `[v6]:port`, lowercase, without a trailing dot.
fn host_name(h: &str) -> String {
    let h = h.trim();
    let h = h.rsplit_once('@').map_or(h, |(_, host)| host);
    let name = if let Some(rest) = h.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else if h.matches(':').count() > 1 {
        // A bare IPv6 address, as in `--listen` output without brackets.
        h
    } else {
        h.split(':').next().unwrap_or("")
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

fn is_address(name: &str) -> bool {
    name.parse::<std::net::IpAddr>().is_ok()
}

impl SiteConfig {
    /// Same-origin API, every language, served links.
    pub fn new(site_url: &str) -> SiteConfig {
        SiteConfig {
            api_origin: String::new(),
            site_url: site_url.trim_end_matches('/').to_string(),
            links: LinkStyle::Served,
            langs: Lang::ALL.to_vec(),
            hosts: HostPolicy::Any,
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
    fn host_policy_refuses_unknown_names_only() {
        let p = HostPolicy::for_serve(
            "https://Ports.Example.org/base",
            "0.0.0.0:7147",
            &["alt.example.net".into()],
        );
        for ok in [
            None,
            Some("ports.example.org"),
            Some("PORTS.example.org.:443"),
            Some("alt.example.net:7147"),
            Some("localhost:7147"),
            Some("127.0.0.1:7147"),
            Some("[::1]:7147"),
            Some("192.0.2.9"),
        ] {
            assert!(p.allows(ok), "{ok:?}");
        }
        for bad in [
            Some("evil.test"),
            Some("evil.test:7147"),
            Some("ports.example.org.evil.test"),
            Some(""),
        ] {
            assert!(!p.allows(bad), "{bad:?}");
        }
        assert!(HostPolicy::Any.allows(Some("evil.test")));
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
