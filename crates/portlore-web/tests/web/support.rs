//! Shared helpers: one knowledge per test binary, requests through `oneshot`.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt as _;
use portlore_kb::Knowledge;
use portlore_web::{AppState, SiteConfig};
use tower::ServiceExt as _;

/// The full registry when CI provides it.
pub fn registry_path() -> Option<PathBuf> {
    std::env::var_os("PORTLORE_TEST_REGISTRY")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

pub fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry.xml")
}

/// The knowledge: the full registry if available, else the fixture.
pub fn kb() -> Arc<Knowledge> {
    static KB: OnceLock<Arc<Knowledge>> = OnceLock::new();
    KB.get_or_init(|| {
        let path = registry_path().unwrap_or_else(fixture_path);
        Arc::new(Knowledge::open(&path).expect("registry opens"))
    })
    .clone()
}

pub fn config() -> SiteConfig {
    SiteConfig::new("http://127.0.0.1:7147")
}

pub fn state_with(kb: Arc<Knowledge>, config: SiteConfig) -> AppState {
    AppState::new(kb, config, portlore_web::api::ApiState::disabled())
}

pub fn app() -> axum::Router {
    static STATE: OnceLock<AppState> = OnceLock::new();
    portlore_web::app(STATE.get_or_init(|| state_with(kb(), config())).clone())
}

/// A response, fully read.
pub struct Got {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Got {
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

pub async fn send(app: &axum::Router, req: Request<Body>) -> Got {
    let resp = app.clone().oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Got {
        status,
        headers,
        body,
    }
}

pub async fn get(uri: &str) -> Got {
    send(
        &app(),
        Request::get(uri).body(Body::empty()).expect("request"),
    )
    .await
}

pub async fn get_with(uri: &str, headers: &[(&str, &str)]) -> Got {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    send(&app(), req.body(Body::empty()).expect("request")).await
}

/// The section of a page between `<section id="ID">` and its `</section>`.
pub fn section<'a>(page: &'a str, id: &str) -> Option<&'a str> {
    let start = page.find(&format!("<section id=\"{id}\">"))?;
    let end = page[start..].find("</section>")? + start;
    Some(&page[start..end])
}

/// Tags the templates produce; anything else in a page came from unescaped input.
pub const OUR_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "link",
    "body",
    "a",
    "header",
    "form",
    "label",
    "input",
    "button",
    "main",
    "footer",
    "nav",
    "strong",
    "b",
    "mark",
    "p",
    "ol",
    "ul",
    "li",
    "h1",
    "h2",
    "h3",
    "span",
    "figure",
    "figcaption",
    "svg",
    "rect",
    "text",
    "path",
    "defs",
    "use",
    "g",
    "section",
    "div",
    "dl",
    "dt",
    "dd",
    "time",
    "code",
    "pre",
    "sup",
    "script",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
];

/// Askama writes `&#60;`, the reference escaper `&lt;`; compare in one form.
pub fn unify_entities(page: &str) -> String {
    page.replace("&#60;", "&lt;")
        .replace("&#62;", "&gt;")
        .replace("&#34;", "&quot;")
        .replace("&#38;", "&amp;")
}

/// Problems that only unescaped input can cause: unknown tags, event handler
/// attributes, `javascript:` URLs, inline styles, inline scripts.
pub fn markup_problems(page: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = page.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let closing = b.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'!' || b[i] == b'-') {
            i += 1;
        }
        let name = page[name_start..i].to_ascii_lowercase();
        if name.is_empty() {
            out.push(format!("bare < at {start}"));
            continue;
        }
        if name == "!doctype" {
            continue;
        }
        if !OUR_TAGS.contains(&name.as_str()) {
            out.push(format!("unexpected tag <{name}> at {start}"));
        }
        // Attributes, honouring quotes, until the closing '>'.
        let mut attrs: Vec<(String, String)> = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let a0 = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
                i += 1;
            }
            let aname = page[a0..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    i += 1;
                    let v0 = i;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    value = page[v0..i.min(b.len())].to_string();
                    i += 1;
                } else {
                    let v0 = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = page[v0..i].to_string();
                    out.push(format!("unquoted attribute {aname} in <{name}>"));
                }
            }
            attrs.push((aname, value));
        }
        for (a, v) in &attrs {
            if a.starts_with("on") || a == "style" || a == "srcdoc" || a == "formaction" {
                out.push(format!("attribute {a} in <{name}>"));
            }
            if matches!(a.as_str(), "href" | "src" | "action") {
                let v = v.trim().to_ascii_lowercase();
                // Page-relative links (`../ports/22`, `3148`) are the site's own; a
                // scheme other than http(s) or a protocol-relative URL is not.
                let scheme = v
                    .split(['/', '?', '#'])
                    .next()
                    .is_some_and(|first| first.contains(':'));
                let web = v.starts_with("https://") || v.starts_with("http://");
                if v.is_empty() || v.starts_with("//") || (scheme && !web) {
                    out.push(format!("{a}={v} in <{name}>"));
                }
            }
            if v.contains('<') || v.contains('>') || v.contains('"') {
                out.push(format!("raw markup in {a} of <{name}>"));
            }
        }
        if name == "script"
            && !closing
            && !attrs
                .iter()
                .any(|(a, v)| a == "src" && v.trim_start_matches("../").starts_with("assets/"))
        {
            out.push("inline script".into());
        }
        if name == "script" && !closing {
            // Nothing may sit between <script src> and </script>.
            if !page[i..].starts_with("</script>") {
                out.push("script with content".into());
            }
        }
    }
    out
}
