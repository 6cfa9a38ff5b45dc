//! URL → page. Paths are parsed here by hand rather than by extractors, so that every
//! malformed input (bad port, unknown language, invalid UTF-8, oversized query) gets
//! the site's own explanatory 4xx page instead of a framework rejection.

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use portlore_kb::{SearchQuery, Transport};

use crate::AppState;
use crate::i18n::{Lang, negotiate};
use crate::render::{BLOCKS, BadInput, Page, Renderer, site};

/// The longest query string looked at; longer ones get a 400 page.
const MAX_QUERY_BYTES: usize = 2048;

/// Page routes. The API router is merged next to this one, so pages live in the
/// fallback and never shadow an API route.
pub fn router() -> Router<AppState> {
    Router::new().fallback(handle)
}

/// How long a response may be cached.
#[derive(Clone, Copy)]
enum Cache {
    Page,
    Short,
    Asset,
    NoStore,
}

impl Cache {
    fn value(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Cache::Page => "public, max-age=3600",
            Cache::Short => "public, max-age=60",
            Cache::Asset => "public, max-age=86400",
            Cache::NoStore => "no-store",
        })
    }
}

async fn handle(State(state): State<AppState>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = text(
            StatusCode::METHOD_NOT_ALLOWED,
            "Only GET and HEAD are allowed here.\n",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let headers = req.headers();
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let fallback_lang = negotiate(accept);
    let r = &state.renderer;
    let path = req.uri().path();
    let query = req.uri().query().unwrap_or("");
    let segments = match decode_segments(path) {
        Some(s) => s,
        None => {
            return html(
                r.error(fallback_lang, &BadInput::Encoding),
                Cache::NoStore,
                headers,
                fallback_lang,
            );
        }
    };
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    match segs.as_slice() {
        [""] => redirect_by_language(&format!("/{}/", fallback_lang.code())),
        ["healthz"] => {
            let mut resp = text(StatusCode::OK, "ok\n");
            set_cache(&mut resp, Cache::NoStore);
            resp
        }
        ["robots.txt"] => match site::robots(r.config()) {
            Some(body) => plain(body, "text/plain; charset=utf-8", headers),
            None => not_found(r, fallback_lang, path, headers),
        },
        ["sitemap.xml"] => match site::sitemap_index(r.config(), &r.config().langs) {
            Some(body) => plain(body, "application/xml", headers),
            None => not_found(r, fallback_lang, path, headers),
        },
        ["sitemaps", file] => match sitemap_file(r, file) {
            Some(body) => plain(body, "application/xml", headers),
            None => not_found(r, fallback_lang, path, headers),
        },
        ["search-index.json"] => match r.search_index() {
            Ok(index) => plain(index.to_string(), "application/json", headers),
            Err(e) => {
                tracing::error!(error = %e, "registry store integrity check failed");
                html(
                    r.unavailable(fallback_lang),
                    Cache::NoStore,
                    headers,
                    fallback_lang,
                )
            }
        },
        ["assets", name] => match crate::assets::asset(name) {
            Some(a) => with_validators(
                StatusCode::OK,
                Body::from(a.bytes),
                a.bytes,
                a.content_type,
                Cache::Asset,
                headers,
            ),
            None => not_found(r, fallback_lang, path, headers),
        },
        ["ports", p] => match parse_port(p) {
            Ok(port) => redirect_by_language(&crate::port_path(fallback_lang, port)),
            Err(bad) => html(
                r.error(fallback_lang, &bad),
                Cache::Short,
                headers,
                fallback_lang,
            ),
        },
        [lang, rest @ ..] => {
            let Some(lang) = Lang::from_code(lang) else {
                let bad = if lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_alphabetic()) {
                    BadInput::Language(lang.to_string())
                } else {
                    BadInput::NotFound(path.to_string())
                };
                return html(
                    r.error(fallback_lang, &bad),
                    Cache::Short,
                    headers,
                    fallback_lang,
                );
            };
            lang_page(r, lang, rest, query, headers)
        }
        [] => not_found(r, fallback_lang, path, headers),
    }
}

fn lang_page(
    r: &Renderer,
    lang: Lang,
    rest: &[&str],
    query: &str,
    headers: &HeaderMap,
) -> Response {
    let page = |p: Page, cache| html(p, cache, headers, lang);
    match rest {
        [] => permanent(&format!("/{}/", lang.code())),
        [""] => page(r.home(lang), Cache::Page),
        ["ports"] => permanent(&format!("/{}/ports/", lang.code())),
        ["ports", ""] => page(r.ports_index(lang), Cache::Page),
        ["ports", p] => match parse_port(p) {
            Ok(port) if p.len() > 1 && p.starts_with('0') => {
                permanent(&crate::port_path(lang, port))
            }
            Ok(port) => page(r.port(lang, port), Cache::Page),
            // A name people type (`ssh`, `postgres`) goes to its port.
            Err(bad) => match name_port(r, p) {
                // Relative (`22` from `/en/ports/ssh`), so it works behind a sub-path.
                Some(port) => see_other_relative(&port.to_string()),
                None => page(r.error(lang, &bad), Cache::Short),
            },
        },
        ["ports", p, ""] => match parse_port(p) {
            Ok(port) => permanent(&crate::port_path(lang, port)),
            Err(bad) => page(r.error(lang, &bad), Cache::Short),
        },
        ["ports", p, transport] => match (parse_port(p), transport.parse::<Transport>()) {
            (Ok(port), Ok(t)) if transport.bytes().all(|b| b.is_ascii_lowercase()) => {
                page(r.port_on(lang, port, Some(t)), Cache::Page)
            }
            (Ok(port), Ok(t)) => permanent(&format!("{}/{t}", crate::port_path(lang, port))),
            (Err(bad), _) => page(r.error(lang, &bad), Cache::Short),
            (Ok(_), Err(_)) => page(
                r.error(lang, &BadInput::NotFound(rest.join("/"))),
                Cache::Short,
            ),
        },
        ["blocks", n] => match n.parse::<u32>() {
            Ok(b) if b < BLOCKS && (n.len() == 1 || !n.starts_with('0')) => {
                page(r.block(lang, b), Cache::Page)
            }
            _ => page(r.error(lang, &BadInput::Block(n.to_string())), Cache::Short),
        },
        ["search"] => {
            if query.len() > MAX_QUERY_BYTES {
                return page(r.error(lang, &BadInput::Query), Cache::NoStore);
            }
            match query_param(query, "q") {
                // A port number or N/proto goes straight to the port.
                Some(q) => match SearchQuery::classify(&q) {
                    SearchQuery::Port { port, transport } => {
                        // Relative to `/{lang}/search` (`ports/3389`), so a site
                        // mounted under a sub-path keeps its prefix.
                        let mut to = format!("ports/{port}");
                        if let Some(t) = transport {
                            to.push_str(&format!("/{t}"));
                        }
                        see_other_relative(&to)
                    }
                    SearchQuery::Words(_) => page(r.search(lang, &q), Cache::Short),
                },
                None => page(r.error(lang, &BadInput::Encoding), Cache::NoStore),
            }
        }
        ["recent"] => page(r.recent(lang), Cache::Page),
        _ => page(
            r.error(lang, &BadInput::NotFound(rest.join("/"))),
            Cache::Short,
        ),
    }
}

/// A port as written in a URL: decimal digits only.
fn parse_port(p: &str) -> Result<u16, BadInput> {
    if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Err(BadInput::Port(p.to_string()));
    }
    p.parse::<u16>().map_err(|_| BadInput::Port(p.to_string()))
}

fn sitemap_file(r: &Renderer, file: &str) -> Option<String> {
    let stem = file.strip_suffix(".xml")?;
    let (code, part) = stem.rsplit_once('-')?;
    let part = match part {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    site::sitemap(r.config(), r.space().ok()?, Lang::from_code(code)?, part)
}

/// Splits a path into percent-decoded segments (after the leading `/`). `None` when a
/// segment is not UTF-8 once decoded.
fn decode_segments(path: &str) -> Option<Vec<String>> {
    let path = path.strip_prefix('/').unwrap_or(path);
    path.split('/')
        .map(|s| String::from_utf8(percent_decode(s.as_bytes(), false)).ok())
        .collect()
}

fn percent_decode(input: &[u8], plus_is_space: bool) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'%' if i + 2 < input.len() => match (hex(input[i + 1]), hex(input[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// The value of `name` in a query string: `Some("")` when absent (an empty search),
/// `None` when it is not UTF-8 once decoded.
fn query_param(query: &str, name: &str) -> Option<String> {
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if k == name {
            return String::from_utf8(percent_decode(v.as_bytes(), true)).ok();
        }
    }
    Some(String::new())
}

fn text(status: StatusCode, body: &'static str) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

fn set_cache(r: &mut Response, cache: Cache) {
    r.headers_mut().insert(header::CACHE_CONTROL, cache.value());
}

fn redirect_by_language(to: &str) -> Response {
    let mut r = redirect(StatusCode::FOUND, to);
    r.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    r
}

/// The port a name in a port URL means (`/en/ports/ssh`), if it is one.
fn name_port(r: &Renderer, name: &str) -> Option<u16> {
    let named = !name.is_empty()
        && name.len() <= 63
        && name.bytes().any(|b| b.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.+".contains(&b));
    if !named {
        return None;
    }
    r.knowledge().resolve_port(name).ok().map(|(port, _)| port)
}

/// 303 See Other (a search or a name answered by a port page; may change with the
/// data) to a path relative to the request's own (RFC 9110 allows a relative
/// `Location`). Only ever built here from a parsed port and transport: digits, `ports/`
/// and a lowercase transport name, never anything taken from the request.
fn see_other_relative(to: &str) -> Response {
    debug_assert!(
        to.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'/')
            && !to.starts_with('/')
    );
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::SEE_OTHER;
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    set_cache(&mut r, Cache::Short);
    r
}

fn permanent(to: &str) -> Response {
    let mut r = redirect(StatusCode::MOVED_PERMANENTLY, to);
    set_cache(&mut r, Cache::Page);
    r
}

/// Redirects only ever go to paths this module built from a parsed language and
/// number, never to anything taken from the request.
fn redirect(status: StatusCode, to: &str) -> Response {
    debug_assert!(to.starts_with('/') && !to.starts_with("//"));
    let mut r = Response::new(Body::empty());
    *r.status_mut() = status;
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

fn not_found(r: &Renderer, lang: Lang, path: &str, headers: &HeaderMap) -> Response {
    html(
        r.error(lang, &BadInput::NotFound(path.to_string())),
        Cache::Short,
        headers,
        lang,
    )
}

fn html(page: Page, cache: Cache, req_headers: &HeaderMap, lang: Lang) -> Response {
    let status = StatusCode::from_u16(page.status).unwrap_or(StatusCode::OK);
    // A 503 (a damaged registry store) must be gone the moment the store is repaired.
    let cache = if status.is_success() {
        cache
    } else if status.is_server_error() {
        Cache::NoStore
    } else {
        Cache::Short
    };
    let bytes = page.body.into_bytes();
    let etag = etag_of(&bytes);
    let mut r = validated(status, etag.clone(), cache, req_headers)
        .unwrap_or_else(|| Response::new(Body::from(bytes)));
    *r.status_mut() = if r.status() == StatusCode::NOT_MODIFIED {
        StatusCode::NOT_MODIFIED
    } else {
        status
    };
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    h.insert(header::CACHE_CONTROL, cache.value());
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    r
}

fn plain(body: String, content_type: &'static str, req_headers: &HeaderMap) -> Response {
    let bytes = body.into_bytes();
    let etag = etag_of(&bytes);
    let mut r = validated(StatusCode::OK, etag.clone(), Cache::Page, req_headers)
        .unwrap_or_else(|| Response::new(Body::from(bytes)));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, Cache::Page.value());
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    r
}

fn with_validators(
    status: StatusCode,
    body: Body,
    bytes: &[u8],
    content_type: &'static str,
    cache: Cache,
    req_headers: &HeaderMap,
) -> Response {
    let etag = etag_of(bytes);
    let mut r =
        validated(status, etag.clone(), cache, req_headers).unwrap_or_else(|| Response::new(body));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, cache.value());
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    r
}

/// A strong validator from the bytes: the same page always gets the same tag, across
/// restarts and across `serve` and `export`.
fn etag_of(bytes: &[u8]) -> String {
    format!("\"{:08x}-{:x}\"", crc32fast::hash(bytes), bytes.len())
}

/// `304 Not Modified` when the client already holds this version.
fn validated(status: StatusCode, etag: String, cache: Cache, req: &HeaderMap) -> Option<Response> {
    if !status.is_success() {
        return None;
    }
    let inm = req.get(header::IF_NONE_MATCH)?.to_str().ok()?;
    let hit = inm.trim() == "*"
        || inm
            .split(',')
            .any(|t| t.trim().trim_start_matches("W/") == etag);
    if !hit {
        return None;
    }
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::NOT_MODIFIED;
    r.headers_mut().insert(header::CACHE_CONTROL, cache.value());
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode(b"a%20b+c", true), b"a b c");
        assert_eq!(percent_decode(b"%zz%4", false), b"%zz%4");
        assert_eq!(percent_decode(b"%", false), b"%");
        assert_eq!(percent_decode(b"%ff", false), vec![0xff]);
        assert!(query_param("q=%ff", "q").is_none());
        assert_eq!(query_param("x=1&q=rfio", "q").as_deref(), Some("rfio"));
        assert_eq!(query_param("", "q").as_deref(), Some(""));
    }

    #[test]
    fn ports_in_urls_are_digits_only() {
        assert_eq!(parse_port("3147"), Ok(3147));
        for bad in [
            "",
            "-1",
            "+1",
            "65536",
            "abc",
            "1e3",
            " 1",
            "99999999999999999999",
        ] {
            assert!(parse_port(bad).is_err(), "{bad}");
        }
    }
}
