//! Site configuration shared by `serve` and `export`.

/// What changes between deployments of the same pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    /// Origin of the feedback API, without a trailing slash (`https://api.example.org`);
    /// empty for the same origin as the pages. This is the only thing that may differ
    /// between a served page and an exported one.
    pub api_origin: String,
    /// The site's public base URL, without a trailing slash, used only where a full URL
    /// is required (the sitemap). Pages link with root-relative paths.
    pub site_url: String,
}

impl SiteConfig {
    /// Same-origin API, and a site URL for the sitemap.
    pub fn new(site_url: &str) -> SiteConfig {
        SiteConfig {
            api_origin: String::new(),
            site_url: site_url.trim_end_matches('/').to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
