//! 4,000 records on one port (issue 14, defect 8): the lookup stays linear, and while
//! several requests for that port's page and API answer are in flight, `/healthz` is
//! answered at once, because page work runs off the async workers. Before the fix one
//! lookup took 6.9 s and held a worker, so `/healthz` waited 7 s.

#[path = "api_support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use portlore_kb::Knowledge;
use portlore_web::ServeOptions;
use portlore_web::api::ApiState;
use support::*;

const RECORDS: usize = 4000;

/// A registry with `RECORDS` records on port 3147: names in families of ten (`svcN-M`),
/// so the related-ports walk has many services and many siblings to look at.
fn crowded() -> Knowledge {
    let mut xml = String::from(
        "<?xml version='1.0' encoding='UTF-8'?>\n<registry xmlns=\"http://www.iana.org/assignments\" \
id=\"service-names-port-numbers\"><title>Crowded</title><updated>2026-01-02</updated>\n",
    );
    for i in 0..RECORDS {
        let _ = writeln!(
            xml,
            "<record><name>svc{}-{}</name><protocol>{}</protocol><description>Crowded {i}\
</description><number>3147</number></record>",
            i / 10,
            i % 10,
            if i % 2 == 0 { "tcp" } else { "udp" }
        );
    }
    // Each family also has a member elsewhere, so `related()` finds something to list.
    for f in 0..RECORDS / 10 {
        let _ = writeln!(
            xml,
            "<record><name>svc{f}</name><protocol>tcp</protocol><description>Family {f}\
</description><number>{}</number></record>",
            20_000 + f
        );
    }
    xml.push_str("</registry>\n");
    let registry = portlore_iana::parse_xml(xml.as_bytes()).expect("crowded registry parses");
    Knowledge::from_registry(&registry).expect("compiles")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crowded_port_answers_quickly_and_never_blocks_healthz() {
    let kb = Arc::new(crowded());
    let t = Instant::now();
    let info = kb.port(3147).unwrap();
    let lookup = t.elapsed();
    assert_eq!(info.assignments.len(), RECORDS);
    assert!(!info.related.is_empty());
    eprintln!("one lookup of a port with {RECORDS} records: {lookup:?}");
    assert!(lookup < Duration::from_secs(2), "lookup took {lookup:?}");

    let srv = serve(kb, ApiState::disabled(), ServeOptions::default()).await;
    let addr = srv.addr;
    // More slow requests than there are async workers.
    let mut pages = Vec::new();
    for i in 0..8 {
        let path = if i % 2 == 0 {
            "/en/ports/3147"
        } else {
            "/api/v1/ports/3147"
        };
        pages.push(tokio::spawn(async move {
            let t = Instant::now();
            let r = get(addr, path).await;
            (r.status, t.elapsed())
        }));
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut worst = Duration::ZERO;
    for _ in 0..10 {
        let t = Instant::now();
        assert_eq!(get(addr, "/healthz").await.status, 200);
        worst = worst.max(t.elapsed());
    }
    let mut slowest_page = Duration::ZERO;
    for p in pages {
        let (status, took) = p.await.unwrap();
        assert_eq!(status, 200);
        slowest_page = slowest_page.max(took);
    }
    eprintln!("healthz worst {worst:?} while 8 crowded requests ran (slowest {slowest_page:?})");
    assert!(
        worst < Duration::from_millis(500),
        "/healthz waited {worst:?}"
    );
}
