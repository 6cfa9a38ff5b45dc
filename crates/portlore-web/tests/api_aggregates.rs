//! Aggregates at scale (issue 14, defect 11): a store seeded with many votes (one
//! million in `bench/feedback/aggregates.sh`; `PORTLORE_BENCH_VOTES`, default 20,000
//! here) on SQLite and PostgreSQL, served over loopback. Measures the overview
//! (`/api/v1/feedback` and `/feedback`) and the vote latency alone and while six readers
//! hammer the overview. With `PORTLORE_BENCH_VOTES` set the goals are asserted: the
//! overview's median within 50 ms, and votes under readers no slower than twice their
//! latency alone plus 20 ms. Without it the figures are printed and only the answers
//! are checked, since CI shares its cores with the whole build.

#[path = "api_support/mod.rs"]
mod support;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use portlore_feedback::{Choice, NewVote, SqlStore};
use portlore_web::ServeOptions;
use portlore_web::api::{ApiArgs, ApiState};
use support::*;

const LANGS: [&str; 10] = ["en", "fr", "de", "es", "it", "pt", "nl", "ja", "zh", "ru"];

fn votes_wanted() -> (usize, bool) {
    match std::env::var("PORTLORE_BENCH_VOTES")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        Some(n) => (n, true),
        None => (20_000, false),
    }
}

/// Seeds `n` votes from distinct clients, spread over 30 days (oldest first, as they
/// would arrive), over every port with a heavy head, in ten languages.
async fn seed(store: &SqlStore, n: usize) -> Duration {
    let start = Instant::now();
    let today = time::OffsetDateTime::now_utc();
    let batch = 10_000;
    let mut x = 0x2545_f491_4f6c_dd1d_u64;
    let mut done = 0;
    while done < n {
        let len = batch.min(n - done);
        let day = today - time::Duration::days(29 - (30 * done / n.max(1)) as i64);
        let votes: Vec<NewVote> = (0..len)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let k = done + i;
                // Half the votes on 200 popular ports, the rest anywhere.
                let port = if x.is_multiple_of(2) {
                    (x >> 8) % 200
                } else {
                    (x >> 8) % 65536
                } as u16;
                NewVote {
                    port,
                    lang: LANGS[(x >> 40) as usize % LANGS.len()].parse().unwrap(),
                    choice: [Choice::Unhelpful, Choice::Neutral, Choice::Helpful][k % 3],
                    client: IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + k as u32)),
                    at: day,
                }
            })
            .collect();
        store.record_many(&votes).await.expect("seeding");
        done += len;
    }
    start.elapsed()
}

fn percentiles(mut ms: Vec<f64>) -> (f64, f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99), *ms.last().unwrap())
}

async fn timed_get(addr: SocketAddr, path: &str) -> f64 {
    let t = Instant::now();
    let r = get(addr, path).await;
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    t.elapsed().as_secs_f64() * 1000.0
}

/// `count` votes from distinct clients (through the trusted proxy header), one after
/// another; their latencies in ms.
async fn votes(addr: SocketAddr, first_client: u32, count: u32) -> Vec<f64> {
    let mut out = Vec::new();
    for i in 0..count {
        let client = Ipv4Addr::from(0xac10_0000 + first_client + i);
        let t = Instant::now();
        let r = post(
            addr,
            "/api/v1/feedback",
            FORM,
            &format!("Accept: application/json\r\nX-Forwarded-For: {client}\r\n"),
            &format!("port={}&lang=en&choice=helpful", 1000 + i),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        out.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    out
}

async fn bench(label: &str, url: &str, dir: &std::path::Path) {
    let (n, strict) = votes_wanted();
    let store = portlore_feedback::open(Some(url), dir)
        .await
        .expect("store opens");
    let seeding = seed(&store, n).await;
    let args = ApiArgs {
        database_url: Some(url.to_string()),
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        votes_per_minute: 1_000_000,
        vote_burst: 1_000_000,
        ..ApiArgs::default()
    };
    let store: Arc<dyn portlore_feedback::FeedbackStore> = Arc::new(store);
    let api = ApiState::new(Some(store.clone()), args).unwrap();
    let srv = serve(fixture_kb(), api, ServeOptions::default()).await;
    let addr = srv.addr;

    let totals = store.totals().await.unwrap();
    assert_eq!(totals.counts.total(), n as u64, "every seeded vote counted");
    let first = get(addr, "/api/v1/feedback").await;
    assert_eq!(first.status, 200);

    let mut api_ms = Vec::new();
    let mut page_ms = Vec::new();
    for _ in 0..50 {
        api_ms.push(timed_get(addr, "/api/v1/feedback").await);
        page_ms.push(timed_get(addr, "/en/feedback").await);
    }
    let alone = votes(addr, 0, 100).await;

    // Six readers hammer the overview while the same number of votes goes in.
    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let mut readers = Vec::new();
    for r in 0..6 {
        let (stop, reads) = (stop.clone(), reads.clone());
        readers.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let path = if r % 2 == 0 {
                    "/api/v1/feedback"
                } else {
                    "/en/feedback"
                };
                let _ = timed_get(addr, path).await;
                reads.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    let t = Instant::now();
    let busy = votes(addr, 1_000, 100).await;
    let busy_secs = t.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    for r in readers {
        r.await.unwrap();
    }
    let reads = reads.load(Ordering::Relaxed);
    let (a50, a99, amax) = percentiles(api_ms);
    let (p50, p99, pmax) = percentiles(page_ms);
    let (v50, v99, _) = percentiles(alone);
    let (b50, b99, _) = percentiles(busy);
    eprintln!(
        "aggregates, {label}, {n} votes (seeded in {:.1} s): /api/v1/feedback p50 {a50:.1} ms \
p99 {a99:.1} max {amax:.1}; /feedback p50 {p50:.1} p99 {p99:.1} max {pmax:.1}; vote alone \
p50 {v50:.1} p99 {v99:.1}; vote under 6 readers p50 {b50:.1} p99 {b99:.1} ({reads} reads, \
{:.0}/s)",
        seeding.as_secs_f64(),
        reads as f64 / busy_secs
    );
    if strict {
        assert!(
            a50 <= 50.0 && p50 <= 50.0,
            "{label}: overview median over 50 ms"
        );
        assert!(b50 <= 2.0 * v50 + 20.0, "{label}: votes slowed by readers");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_stays_fast_at_scale_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("votes.sqlite3").display());
    bench("SQLite", &url, dir.path()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_stays_fast_at_scale_on_postgres() {
    let Some(db) = postgres_or_skip("aggregates").await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    bench("PostgreSQL", db.url(), dir.path()).await;
    db.drop_database().await;
}
