//! Hostile text in every input that reaches a page (the query, the language and port
//! segments, and every registry text field) is escaped: no payload ever becomes
//! markup.

use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use portlore_kb::Knowledge;

use crate::support::{config, markup_problems, send, state_with, unify_entities};

/// At least 500 distinct payloads: classic vectors, each in several wrappings.
pub fn payloads() -> Vec<String> {
    let base = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' onfocus='alert(1)' autofocus='",
        "javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "<!--<script>alert(1)//-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)>",
        "<object data=\"javascript:alert(1)\">",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<style>body{background:url(https://evil.example)}</style>",
        "<base href=\"https://evil.example/\">",
        "<div style=\"background:url(javascript:alert(1))\">",
        "<marquee onstart=alert(1)>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<scr<script>ipt>alert(1)</script>",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "\\u003cscript\\u003ealert(1)",
        "<img src=`x` onerror=`alert(1)`>",
        "<svg/onload=alert(1)>",
        "<img\tsrc=x\tonerror=alert(1)>",
        "<img\nsrc=x\nonerror=alert(1)>",
        "{{7*7}}<b>x</b>",
        "${alert(1)}<i>x</i>",
        "<x onclick=alert(1)>click",
        "<a href=//evil.example>x</a>",
        "\u{202e}<b>rtl</b>",
        "<select onfocus=alert(1) autofocus>",
        "<keygen autofocus onfocus=alert(1)>",
        "<textarea autofocus onfocus=alert(1)>",
        "<isindex action=javascript:alert(1) type=image>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    ];
    let wraps: [fn(&str) -> String; 11] = [
        |p| p.to_string(),
        |p| format!("rfio {p}"),
        |p| format!("{p} ssh"),
        |p| format!("\"{p}\""),
        |p| format!("'{p}'"),
        |p| format!("</p>{p}<p>"),
        |p| format!("]]>{p}"),
        |p| p.to_ascii_uppercase(),
        |p| format!("&{p}&amp;"),
        |p| format!("{p}{p}"),
        |p| format!("x\"/>{p}"),
    ];
    let mut out = Vec::new();
    for b in base {
        for w in wraps {
            let p = w(b);
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    assert!(out.len() >= 500, "{} payloads", out.len());
    out
}

fn enc(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

fn check(uri: &str, page: &str) {
    let problems = markup_problems(page);
    assert!(problems.is_empty(), "{uri}: {problems:?}");
}

#[tokio::test]
async fn payloads_in_the_query_and_path_are_escaped() {
    let app = crate::support::app();
    let mut checked = 0;
    for p in payloads() {
        let q: String = p.chars().take(200).collect();
        // Every kind of input in English; the query (the costly one) also in Japanese.
        for lang in ["en"] {
            for uri in [
                format!("/{lang}/search?q={}", enc(&q)),
                format!("/{lang}/ports/{}", enc(&p)),
                format!("/{lang}/blocks/{}", enc(&p)),
                format!("/{}/ports/1", enc(&p)),
                format!("/ports/{}", enc(&p)),
            ] {
                let got = send(
                    &app,
                    Request::get(uri.as_str()).body(Body::empty()).unwrap(),
                )
                .await;
                assert!(got.status.as_u16() < 500, "{uri}");
                check(&uri, &got.text());
                checked += 1;
            }
        }
        let uri = format!("/ja/search?q={}", enc(&q));
        let got = send(
            &app,
            Request::get(uri.as_str()).body(Body::empty()).unwrap(),
        )
        .await;
        check(&uri, &got.text());
        checked += 1;
        let mut req = Request::get("/ports/80").body(Body::empty()).unwrap();
        if let Ok(v) = axum::http::HeaderValue::from_str(&p.replace(['\n', '\t'], " ")) {
            req.headers_mut().insert("accept-language", v);
            let got = send(&app, req).await;
            assert!(got.status.as_u16() < 500);
        }
    }
    assert!(checked >= 3000);
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A registry whose every text field carries a payload, one record per payload.
fn hostile_registry(payloads: &[String]) -> String {
    let mut x = String::from(
        "<?xml version='1.0' encoding='UTF-8'?>\n<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n<updated>2026-01-02</updated>\n",
    );
    for (i, p) in payloads.iter().enumerate() {
        let e = xml_escape(p);
        let port = 1000 + i;
        x.push_str(&format!(
            "<record date=\"2020-01-01\" updated=\"2021-01-01\"><name>svc{i}</name><protocol>tcp</protocol>\
<assignee><xref type=\"person\" data=\"P{i}\"/></assignee><contact><xref type=\"person\" data=\"Q{i}\"/></contact>\
<xref type=\"uri\" data=\"{e}\"/><xref type=\"text\">{e}</xref><xref type=\"rfc\" data=\"rfc{e}\"/>\
<description>{e}</description><number>{port}</number><note>{e}</note><unauthorized>{e}</unauthorized></record>\n"
        ));
    }
    x.push_str("<people>\n");
    for (i, p) in payloads.iter().enumerate() {
        let e = xml_escape(p);
        x.push_str(&format!(
            "<person id=\"P{i}\"><name>{e}</name><org>{e}</org><uri>mailto:a&amp;b.example</uri></person>\
<person id=\"Q{i}\"><name>Q{e}</name><org>Q{e}</org></person>\n"
        ));
    }
    x.push_str("</people>\n</registry>\n");
    x
}

#[tokio::test]
async fn payloads_in_every_registry_field_are_escaped() {
    let payloads = payloads();
    let xml = hostile_registry(&payloads);
    let registry = portlore_iana::parse_any(xml.as_bytes()).expect("hostile fixture parses");
    let kb = Arc::new(Knowledge::from_registry(&registry).expect("compiles"));
    let app = portlore_web::app(state_with(kb.clone(), config()));
    for (i, p) in payloads.iter().enumerate() {
        let port = 1000 + i;
        // The payload really reaches the page (escaped), so the check is not vacuous.
        let info = kb.port(port as u16).expect("store reads");
        assert_eq!(info.assignments.len(), 1, "record {i}");
        for lang in ["en", "fr"] {
            let uri = format!("/{lang}/ports/{port}");
            let got = send(
                &app,
                Request::get(uri.as_str()).body(Body::empty()).unwrap(),
            )
            .await;
            assert_eq!(got.status, 200);
            let page = unify_entities(&got.text());
            check(&uri, &page);
            // The parser normalises whitespace, so compare with the stored text.
            let stored = &info.assignments[0].description;
            assert!(
                page.contains(&portlore_web::escape(stored)),
                "{uri}: payload {p:?} (stored as {stored:?}) does not reach the page"
            );
        }
    }
    for uri in [
        "/en/recent",
        "/en/blocks/3",
        "/en/blocks/4",
        "/en/search?q=svc1",
        "/en/search?q=script",
        "/en/search?q=alert",
    ] {
        let got = send(&app, Request::get(uri).body(Body::empty()).unwrap()).await;
        check(uri, &got.text());
    }
}
