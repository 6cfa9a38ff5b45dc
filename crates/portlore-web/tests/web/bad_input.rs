//! Hostile and malformed requests: each gets a clear 4xx (or a valid page), never a
//! 5xx.

use axum::body::Body;
use axum::http::{HeaderValue, Request};

use crate::support::{app, send};

fn hostile_uris() -> Vec<String> {
    let mut v: Vec<String> = [
        "/en/ports/65536",
        "/en/ports/-1",
        "/en/ports/abc",
        "/en/ports/1.5",
        "/en/ports/0x10",
        "/en/ports/99999999999999999999999999",
        "/en/ports/%ff",
        "/en/ports/%C3%28",
        "/en/ports/%",
        "/en/ports/%zz",
        "/en/ports/%00",
        "/en/ports/+1",
        "/en/ports/1%20",
        "/en/ports/%E2%80%AE1",
        "/en/ports/1/extra",
        "/en/ports//",
        "/ports/",
        "/ports/abc",
        "/ports/65536",
        "/ports/%ff",
        "/xx/",
        "/EN/ports/1",
        "/en-US/ports/1",
        "/%ff/ports/1",
        "/../../etc/passwd",
        "/en/../../etc/passwd",
        "/assets/../Cargo.toml",
        "/assets/%2e%2e%2fCargo.toml",
        "/en/blocks/-1",
        "/en/blocks/256",
        "/en/blocks/007",
        "/en/blocks/abc",
        "/en/search?q=%ff",
        "/en/search?q=%",
        "/en/search?q=%C3",
        "/en/search?q&q=1",
        "/en/search?=",
        "/en/search?q=",
        "/sitemaps/../x.xml",
        "/sitemaps/en-9.xml",
        "/sitemaps/zz-0.xml",
        "/en/search?q=%00%01%02",
        "/en/search?q=%E2%80%AE",
        "/healthz?x=1",
        "/favicon.ico",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push(format!("/en/search?q={}", "a".repeat(201)));
    v.push(format!("/en/search?q={}", "%41".repeat(3000)));
    v.push(format!("/en/search?q={}", "x".repeat(100_000)));
    v.push(format!("/en/ports/{}", "9".repeat(10_000)));
    v.push(format!("/{}", "a/".repeat(2000)));
    v
}

#[tokio::test]
async fn hostile_paths_and_queries_get_clear_4xx() {
    let app = app();
    for uri in hostile_uris() {
        // Some are too long for a URI at all; the socket tests cover those.
        let Ok(req) = Request::get(uri.as_str()).body(Body::empty()) else {
            continue;
        };
        let got = send(&app, req).await;
        let s = got.status.as_u16();
        assert!(s < 500, "{uri}: {s}");
        if s >= 400 {
            let body = got.text();
            assert!(body.contains("<h1>"), "{uri}: an explanatory page");
        }
    }
}

#[tokio::test]
async fn specific_statuses() {
    let app = app();
    for (uri, want) in [
        ("/en/ports/%ff", 400),
        ("/en/search?q=%ff", 400),
        ("/en/search?q=%C3", 400),
        ("/en/ports/99999999999999999999999999", 404),
        ("/en/ports/-1", 400),
        ("/en/blocks/256", 404),
        ("/assets/../Cargo.toml", 404),
    ] {
        let got = send(&app, Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(got.status.as_u16(), want, "{uri}");
    }
    let long = format!("/en/search?q={}", "a".repeat(201));
    let got = send(
        &app,
        Request::get(long.as_str()).body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(got.status, 400);
    assert!(got.text().contains("200"));
}

#[tokio::test]
async fn odd_accept_language_headers_never_fail() {
    let app = app();
    let long = "fr;q=0.5,".repeat(2000);
    let values: Vec<Vec<u8>> = [
        "",
        "*",
        "xx",
        ";;;",
        "q=1",
        "fr;q=abc",
        "fr;q=-1",
        "fr;q=2",
        "fr;q=NaN",
        "fr;q=inf",
        "de-DE-x-private-very-long-tag-that-goes-on-and-on",
        ",,,,,",
        "ja;q=0.1, ru;q=0.1",
        long.as_str(),
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .chain([vec![0xff, 0xfe, b'f', b'r'], "ру".as_bytes().to_vec()])
    .collect();
    for v in values {
        let Ok(hv) = HeaderValue::from_bytes(&v) else {
            continue;
        };
        for uri in ["/ports/80", "/", "/en/ports/abc", "/ports/abc"] {
            let mut req = Request::get(uri).body(Body::empty()).unwrap();
            req.headers_mut().insert("accept-language", hv.clone());
            let got = send(&app, req).await;
            assert!(got.status.as_u16() < 500, "{uri} {v:?}");
            let loc = got.header("location");
            assert!(loc.is_empty() || loc.starts_with('/'), "{loc}");
        }
    }
}
