//! The JSON API and the vote endpoint over real sockets: the story, errors, and the
//! abuse cases (forged origin, oversized bodies, forged X-Forwarded-For, slow clients).

#[path = "api_support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use portlore_feedback::AggregateQuery;
use portlore_web::ServeOptions;
use portlore_web::api::ApiArgs;
use support::*;
use tokio::io::AsyncWriteExt;

const VOTE_FR: &str = "port=3147&lang=fr&choice=unhelpful";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_story_over_a_real_socket() {
    let dir = tempfile::tempdir().unwrap();
    let api = sqlite_api(dir.path(), ApiArgs::default()).await;
    let srv = serve(fixture_kb(), api, ServeOptions::default()).await;
    let a = srv.addr;

    // Knowledge.
    let r = get(a, "/api/v1/ports/3147").await;
    assert_eq!(r.status, 200, "{r:?}");
    let port = r.json();
    assert_eq!(port["port"], 3147);
    assert!(port["assignments"].is_array() && port["range"]["class"] == "user");
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    for bad in [
        "/api/v1/ports/65536",
        "/api/v1/ports/-1",
        "/api/v1/ports/x",
        "/api/v1/ports/%00",
        "/api/v1/ports/3147/outline?transport=icmp",
        "/api/v1/ports/3147/outline?transport=",
        "/api/v1/ports/3147/outline?proto=tcp",
        "/api/v1/ports/65536/outline",
    ] {
        let r = get(a, bad).await;
        assert_eq!(r.status, 400, "{bad}: {r:?}");
        let e = r.json();
        assert_eq!(e["error"]["status"], 400);
        assert_eq!(e["error"]["code"], "bad_request");
        assert!(e["error"]["message"].is_string());
    }
    // The outline is the page's own model: the site's verdict, in JSON.
    let r = get(a, "/api/v1/ports/3147/outline").await;
    assert_eq!(r.status, 200, "{r:?}");
    let o = r.json();
    assert_eq!(
        (o["port"].as_u64(), o["transport"].is_null()),
        (Some(3147), true)
    );
    assert!(
        o["verdict"].as_array().is_some_and(|v| !v.is_empty()),
        "{o}"
    );
    assert_eq!(o["sections"][0], "answer");
    let udp = get(a, "/api/v1/ports/3147/outline?transport=UDP")
        .await
        .json();
    assert_eq!(udp["transport"], "udp");
    assert!(
        udp["threats"].as_array().unwrap().is_empty() && udp["left_out"][0]["name"] == "MyDoom",
        "MyDoom used TCP only: {udp}"
    );
    let r = get(a, "/api/v1/nothing-here").await;
    assert_eq!(
        (r.status, r.json()["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    assert_eq!(get(a, "/api/v1/search?q=rfio&limit=5").await.status, 200);
    assert_eq!(get(a, "/api/v1/search").await.status, 400);
    assert_eq!(get(a, "/api/v1/search?q=x&limit=0").await.status, 400);
    assert_eq!(get(a, "/api/v1/search?q=x&bogus=1").await.status, 400);
    let ranges = get(a, "/api/v1/ranges").await.json();
    assert_eq!(ranges["classes"].as_array().unwrap().len(), 3);
    let ch = get(a, "/api/v1/changes?since=2000-01-01&limit=3").await;
    assert_eq!(ch.status, 200, "{ch:?}");
    assert!(ch.json()["changes"].as_array().unwrap().len() <= 3);
    assert_eq!(get(a, "/api/v1/changes?since=2000-13-01").await.status, 400);

    // The OpenAPI document and its reference page.
    let doc = get(a, "/api/v1/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for p in [
        "/api/v1/ports/{port}",
        "/api/v1/search",
        "/api/v1/ranges",
        "/api/v1/changes",
        "/api/v1/feedback",
    ] {
        assert!(
            doc["paths"][p].is_object(),
            "{p} missing from the OpenAPI document"
        );
    }
    let docs = get(a, "/api/v1/docs").await;
    assert_eq!(docs.status, 200);
    assert!(
        docs.body.contains("/api/v1/openapi.json") && docs.body.contains("POST /api/v1/feedback")
    );

    // A plain form post: 303 back to the page, thank-you anchor.
    let same_origin = format!("Origin: http://{a}\r\nSec-Fetch-Site: same-origin\r\n");
    let r = post(a, "/api/v1/feedback", FORM, &same_origin, VOTE_FR).await;
    assert_eq!(r.status, 303, "{r:?}");
    assert_eq!(
        r.header("location").as_deref(),
        Some("/fr/ports/3147#voted")
    );
    // The same client again, by script: collapsed, JSON ack.
    let r = post(
        a,
        "/api/v1/feedback",
        FORM,
        "Accept: application/json\r\n",
        "port=3147&lang=fr&choice=helpful",
    )
    .await;
    assert_eq!(r.status, 200, "{r:?}");
    assert_eq!(r.json()["result"], "collapsed");
    let r = post(
        a,
        "/api/v1/feedback",
        JSON,
        "",
        r#"{"port":22,"lang":"en","choice":"neutral"}"#,
    )
    .await;
    assert_eq!((r.status, r.json()["result"].as_str()), (200, Some("new")));
    for (ctype, body, want) in [
        (JSON, r#"{"port":22,"lang":"xx","choice":"neutral"}"#, 422),
        (
            JSON,
            r#"{"port":70000,"lang":"en","choice":"neutral"}"#,
            422,
        ),
        (JSON, r#"{"port":22,"lang":"en","choice":"meh"}"#, 422),
        (JSON, "{", 422),
        (FORM, "port=22&lang=en", 422),
        (FORM, "port=22&lang=en&choice=helpful&choice=neutral", 422),
        ("text/plain", "port=22", 415),
    ] {
        let r = post(a, "/api/v1/feedback", ctype, "", body).await;
        assert_eq!(r.status, want, "{body}: {r:?}");
        assert_eq!(r.json()["error"]["status"], want);
    }

    // Aggregates, the overview page and the metrics.
    let agg = get(a, "/api/v1/feedback").await.json();
    assert_eq!(agg["totals"]["helpful"], 1);
    assert_eq!(agg["totals"]["collapsed"], 1);
    assert_eq!(agg["ports"][0]["port"], 22, "{agg}");
    assert_eq!(
        get(a, "/api/v1/feedback?port=3147").await.json()["ports"][0]["languages"][0]["lang"],
        "fr"
    );
    let page = get(a, "/en/feedback").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<svg") && page.body.contains("/fr/ports/3147"));
    let m = get(a, "/metrics").await;
    assert_eq!(m.status, 200);
    assert!(m.body.contains("portlore_votes_total"), "{}", m.body);
    assert!(
        m.body.contains("portlore_vote_commit_seconds_bucket"),
        "{}",
        m.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_origin_gets_403_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let args = ApiArgs {
        cors_origins: vec!["https://ports.example.org".into()],
        ..ApiArgs::default()
    };
    let srv = serve(
        fixture_kb(),
        sqlite_api(dir.path(), args).await,
        ServeOptions::default(),
    )
    .await;
    let a = srv.addr;
    for extra in [
        "Origin: https://evil.example\r\n",
        "Origin: null\r\n",
        "Origin: http://127.0.0.1.evil.example\r\n",
        "Sec-Fetch-Site: cross-site\r\n",
        "Sec-Fetch-Site: same-site\r\n",
    ] {
        let r = post(a, "/api/v1/feedback", FORM, extra, VOTE_FR).await;
        assert_eq!(r.status, 403, "{extra}: {r:?}");
        assert_eq!(r.json()["error"]["code"], "cross_site");
    }
    let store = srv.store();
    assert_eq!(store.totals().await.unwrap().counts.total(), 0);

    // The configured site (a static export elsewhere) may post, and is sent back.
    let r = post(
        a,
        "/api/v1/feedback",
        FORM,
        "Origin: https://ports.example.org\r\nSec-Fetch-Site: cross-site\r\n",
        VOTE_FR,
    )
    .await;
    assert_eq!(r.status, 303, "{r:?}");
    assert_eq!(
        r.header("location").as_deref(),
        Some("https://ports.example.org/fr/ports/3147#voted")
    );
    let r = raw(a, format!("OPTIONS /api/v1/feedback HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\nOrigin: https://ports.example.org\r\nAccess-Control-Request-Method: POST\r\n\r\n").as_bytes()).await.unwrap();
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("https://ports.example.org")
    );
    let r = raw(a, format!("OPTIONS /api/v1/feedback HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n\r\n").as_bytes()).await.unwrap();
    assert_eq!(r.header("access-control-allow-origin"), None);
    assert_eq!(store.totals().await.unwrap().counts.total(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_one_byte_over_the_limit_gets_413_declared_or_chunked() {
    let dir = tempfile::tempdir().unwrap();
    let limit = 256;
    let args = ApiArgs {
        vote_body_limit: limit,
        ..ApiArgs::default()
    };
    let srv = serve(
        fixture_kb(),
        sqlite_api(dir.path(), args).await,
        ServeOptions::default(),
    )
    .await;
    let a = srv.addr;
    let pad = |n: usize| format!("{VOTE_FR}&{}", "x".repeat(n - VOTE_FR.len() - 1));
    let over = pad(limit + 1);
    let at = pad(limit);
    assert_eq!((over.len(), at.len()), (limit + 1, limit));

    let r = post(a, "/api/v1/feedback", FORM, "", &over).await;
    assert_eq!(r.status, 413, "declared length: {r:?}");
    assert_eq!(r.json()["error"]["code"], "body_too_large");
    // At the limit the body is read (and refused for its junk field, not its size).
    assert_eq!(post(a, "/api/v1/feedback", FORM, "", &at).await.status, 422);

    let chunked = |body: &str| {
        let (x, y) = body.split_at(100);
        format!(
            "POST /api/v1/feedback HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\nContent-Type: {FORM}\r\n\
Transfer-Encoding: chunked\r\n\r\n{:x}\r\n{x}\r\n{:x}\r\n{y}\r\n0\r\n\r\n",
            x.len(),
            y.len()
        )
    };
    let r = raw(a, chunked(&over).as_bytes()).await.unwrap();
    assert_eq!(r.status, 413, "chunked: {r:?}");
    assert_eq!(r.json()["error"]["status"], 413);
    let r = raw(a, chunked(&at).as_bytes()).await.unwrap();
    assert_eq!(r.status, 422, "chunked at the limit: {r:?}");
    assert_eq!(srv.store().totals().await.unwrap().counts.total(), 0);
}

/// A small deterministic generator, so a failure replays.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_forwarded_for_from_an_untrusted_peer_is_one_client() {
    let dir = tempfile::tempdir().unwrap();
    let args = ApiArgs {
        votes_per_minute: 30,
        vote_burst: 10,
        ..ApiArgs::default()
    };
    let srv = serve(
        fixture_kb(),
        sqlite_api(dir.path(), args).await,
        ServeOptions::default(),
    )
    .await;
    let a = srv.addr;
    let mut seed = 0x5eed_u64;
    let (mut ok, mut limited) = (0, 0);
    for i in 0..1000u32 {
        let r = xorshift(&mut seed);
        let xff = format!(
            "X-Forwarded-For: {}.{}.{}.{}\r\nAccept: application/json\r\n",
            r & 0xff,
            (r >> 8) & 0xff,
            (r >> 16) & 0xff,
            (r >> 24) & 0xff
        );
        let body = format!("port={}&lang=en&choice=helpful", i % 65536);
        match post(a, "/api/v1/feedback", FORM, &xff, &body).await.status {
            200 => ok += 1,
            429 => limited += 1,
            s => panic!("unexpected status {s}"),
        }
    }
    // One client: the burst, plus at most what the rate refills during the run.
    assert!(
        ok <= 20,
        "{ok} votes accepted: the forged header was believed"
    );
    assert_eq!(ok + limited, 1000);
    let stored = srv.store().totals().await.unwrap();
    assert_eq!(stored.counts.total(), ok);

    // The control: behind a trusted proxy, distinct clients are distinct.
    let dir2 = tempfile::tempdir().unwrap();
    let args = ApiArgs {
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..ApiArgs::default()
    };
    let srv2 = serve(
        fixture_kb(),
        sqlite_api(dir2.path(), args).await,
        ServeOptions::default(),
    )
    .await;
    for i in 0..50u32 {
        let xff = format!("X-Forwarded-For: 198.51.100.{i}\r\n");
        let r = post(srv2.addr, "/api/v1/feedback", FORM, &xff, VOTE_FR).await;
        assert_eq!(r.status, 303, "{r:?}");
    }
    let t = srv2.store().totals().await.unwrap();
    assert_eq!((t.counts.total(), t.collapsed), (50, 0));
    let one = srv2
        .store()
        .aggregates(&AggregateQuery {
            port: Some(3147),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(one[0].counts.unhelpful, 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_while_others_are_served() {
    let timeout = Duration::from_secs(2);
    // The slow and the normal client share 127.0.0.1 here, so the per-client cap
    // (tested in web/server.rs) is lifted to test the header timeout alone.
    let opts = ServeOptions {
        header_timeout: timeout,
        max_per_client: 1000,
        ..ServeOptions::default()
    };
    let srv = serve(fixture_kb(), portlore_web::api::ApiState::disabled(), opts).await;
    let a = srv.addr;
    // 500 connections that start a request and never finish its headers.
    let mut slow = Vec::new();
    for _ in 0..500 {
        let mut s = tokio::net::TcpStream::connect(a).await.unwrap();
        s.write_all(b"GET /api/v1/ranges HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            .await
            .unwrap();
        slow.push(s);
    }
    let started = Instant::now();
    // Meanwhile, normal requests keep their latency.
    let mut lat = Vec::new();
    while started.elapsed() < timeout + Duration::from_millis(500) {
        let t = Instant::now();
        let r = get(a, "/api/v1/ranges").await;
        assert_eq!(r.status, 200);
        lat.push(t.elapsed());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    lat.sort();
    let p99 = lat[(lat.len() * 99 / 100).min(lat.len() - 1)];
    assert!(lat.len() >= 50, "only {} normal requests", lat.len());
    assert!(
        p99 < Duration::from_millis(200),
        "p99 {p99:?} over {} requests",
        lat.len()
    );
    // Every slow connection is closed by the server within the timeout (+ slack).
    let deadline = started + timeout + Duration::from_secs(3);
    let mut closed = 0;
    for mut s in slow {
        use tokio::io::AsyncReadExt;
        let mut buf = [0u8; 512];
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left + Duration::from_millis(10), s.read(&mut buf)).await {
            Ok(Ok(_)) | Ok(Err(_)) => closed += 1, // EOF, a 408, or a reset
            Err(_) => {}
        }
    }
    assert_eq!(closed, 500, "slow connections still open after the timeout");
}
