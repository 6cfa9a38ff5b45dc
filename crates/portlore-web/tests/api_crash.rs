//! Crash test: a real server process is killed with SIGKILL at random moments while
//! votes stream in. Every acknowledged vote must be in the database exactly once, and
//! SQLite must pass `PRAGMA integrity_check`.
//!
//! The server is this test binary itself, re-run with `PORTLORE_CRASH_CHILD` set:
//! `crash_child_server` then serves the real site router (API included) until killed.

#[path = "api_support/mod.rs"]
mod support;

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use portlore_feedback::{Backend, SqlStore};
use portlore_web::ServeOptions;
use portlore_web::api::{ApiArgs, ApiState};

const TARGET_ACKED: usize = 1000;
const SENDERS: usize = 8;

/// The child side: serves until killed. Does nothing in a normal test run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crash_child_server() {
    let Ok(db) = std::env::var("PORTLORE_CRASH_CHILD") else {
        return;
    };
    let args = ApiArgs {
        database_url: Some(db),
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..ApiArgs::default()
    };
    let api = ApiState::open(&args, std::path::Path::new("/nonexistent"))
        .await
        .unwrap();
    let kb = Arc::new(portlore_kb::Knowledge::without_registry());
    let srv = support::serve(kb, api, ServeOptions::default()).await;
    println!("LISTENING {}", srv.addr);
    loop {
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
}

fn spawn_child(db: &str) -> (Child, SocketAddr) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_child_server",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PORTLORE_CRASH_CHILD", db)
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("child exited before listening")
            .unwrap();
        // libtest prints "test crash_child_server ... " before it on the same line.
        if let Some(a) = line.split("LISTENING ").nth(1) {
            break a.trim().parse().unwrap();
        }
    };
    (child, addr)
}

/// Vote `i`: its own port and its own client, so nothing collapses.
fn vote_request(addr: SocketAddr, i: u32) -> String {
    let body = format!("port={i}&lang=en&choice=unhelpful");
    format!(
        "POST /api/v1/feedback HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n\
X-Forwarded-For: 10.{}.{}.{}\r\nContent-Length: {}\r\n\r\n{body}",
        (i >> 16) & 0xff,
        (i >> 8) & 0xff,
        i & 0xff,
        body.len()
    )
}

/// Streams votes at `db` through servers killed at random moments; returns the
/// acknowledged vote numbers and how many kills happened.
async fn stream_and_kill(db: &str) -> (HashSet<u32>, u32) {
    let next = Arc::new(AtomicU32::new(1));
    let mut acked: HashSet<u32> = HashSet::new();
    let mut kills = 0;
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let started = Instant::now();
    while acked.len() < TARGET_ACKED {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "too slow: {} acked",
            acked.len()
        );
        let (mut child, addr) = spawn_child(db);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let life = Duration::from_millis(50 + seed % 400);
        let stop = Instant::now() + life;
        let mut tasks = Vec::new();
        for _ in 0..SENDERS {
            let next = next.clone();
            tasks.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    assert!(i < 65536, "ran out of ports");
                    match support::raw(addr, vote_request(addr, i).as_bytes()).await {
                        Ok(r) if r.status == 200 && r.body.contains("\"result\":\"new\"") => {
                            mine.push(i)
                        }
                        Ok(r) => panic!("vote {i}: unexpected answer {r:?}"),
                        // The server died mid-request: not acknowledged.
                        Err(_) => break,
                    }
                    if Instant::now() > stop + Duration::from_secs(5) {
                        break;
                    }
                }
                mine
            }));
        }
        tokio::time::sleep(life).await;
        child.kill().unwrap(); // SIGKILL
        let _ = child.wait();
        kills += 1;
        for t in tasks {
            acked.extend(t.await.unwrap());
        }
    }
    (acked, kills)
}

async fn check(store: &SqlStore, acked: &HashSet<u32>) {
    // The per-port counters are written in the same transaction as the ballot, so a
    // vote is in both or in neither; each port got one vote.
    const Q: &str = "SELECT port, total, repeats FROM feedback_port_counts";
    let rows: Vec<(i32, i64, i64)> = match store.pool() {
        Backend::Sqlite(p) => sqlx::query_as(Q).fetch_all(p).await.unwrap(),
        Backend::Postgres(p) => sqlx::query_as(Q).fetch_all(p).await.unwrap(),
    };
    let mut seen = HashSet::new();
    for (port, total, repeats) in &rows {
        assert!(seen.insert(*port), "vote {port} stored twice");
        assert_eq!((*total, *repeats), (1, 0), "vote {port} counted twice");
    }
    const BALLOTS: &str = "SELECT COUNT(*) FROM feedback_ballots";
    let ballots: i64 = match store.pool() {
        Backend::Sqlite(p) => sqlx::query_scalar(BALLOTS).fetch_one(p).await.unwrap(),
        Backend::Postgres(p) => sqlx::query_scalar(BALLOTS).fetch_one(p).await.unwrap(),
    };
    assert_eq!(
        ballots as usize,
        rows.len(),
        "ballots and counters disagree"
    );
    let lost: Vec<&u32> = acked
        .iter()
        .filter(|i| !seen.contains(&(**i as i32)))
        .collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged votes lost: {lost:?}",
        lost.len()
    );
    eprintln!(
        "{} acknowledged, {} stored (the rest committed but never acknowledged), 0 lost, 0 duplicated",
        acked.len(),
        rows.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_loses_no_acknowledged_vote_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("votes.sqlite3");
    let url = format!("sqlite://{}", file.display());
    let (acked, kills) = stream_and_kill(&url).await;
    eprintln!("sqlite: {kills} kills");
    let store = SqlStore::open_sqlite_file(&file, &Default::default())
        .await
        .unwrap();
    check(&store, &acked).await;
    let Backend::Sqlite(p) = store.pool() else {
        unreachable!()
    };
    let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(p)
        .await
        .unwrap();
    assert_eq!(ok, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_loses_no_acknowledged_vote_on_postgres() {
    let Some(db) = support::postgres_or_skip("sigkill crash test").await else {
        return;
    };
    let (acked, kills) = stream_and_kill(db.url()).await;
    eprintln!("postgres: {kills} kills");
    let store = SqlStore::open_postgres(db.url(), &Default::default())
        .await
        .unwrap();
    check(&store, &acked).await;
    use portlore_feedback::FeedbackStore as _;
    store.close().await;
    db.drop_database().await;
}
