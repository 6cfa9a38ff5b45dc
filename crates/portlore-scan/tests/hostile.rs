//! Hostile peers: silent, flooding, trickling, and sending terminal escapes. The scanner
//! must not panic, must keep memory bounded, must stop on time, and must escape output.

mod common;

use std::time::{Duration, Instant};

use common::*;
use portlore_scan::{Timing, scan};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

async fn serve(kind: &'static str) -> u16 {
    let l = TcpListener::bind((LOCALHOST, 0)).await.expect("bind");
    let port = l.local_addr().expect("addr").port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            tokio::spawn(async move {
                match kind {
                    "silent" => tokio::time::sleep(Duration::from_secs(60)).await,
                    "flood" => {
                        let chunk = vec![b'A'; 64 * 1024];
                        for _ in 0..160 {
                            // 10 MB
                            if s.write_all(&chunk).await.is_err() {
                                break;
                            }
                        }
                    }
                    "trickle" => {
                        for _ in 0..60 {
                            if s.write_all(b"x").await.is_err() {
                                break;
                            }
                            tokio::time::sleep(Duration::from_secs(1)).await;
                        }
                    }
                    _ => {
                        let _ = s
                            .write_all(b"\x1b]0;pwned\x07\x1b[2J\x1b[31mHELLO\x9b\r\nline2\x00\r\n")
                            .await;
                        tokio::time::sleep(Duration::from_secs(5)).await;
                    }
                }
            });
        }
    });
    port
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_peers_are_contained() {
    let silent = serve("silent").await;
    let flood = serve("flood").await;
    let trickle = serve("trickle").await;
    let escapes = serve("escapes").await;
    let before = rss_kb();
    let mut c = config(vec![silent, flood, trickle, escapes]);
    c.service = true;
    c.timing = Timing::Insane;
    let start = Instant::now();
    let report = scan(&[target()], &c, None).await.expect("scan");
    let took = start.elapsed();
    let cap = Timing::Insane.params().service_timeout;
    assert!(took < cap + Duration::from_secs(3), "took {took:?}");
    let h = &report.hosts[0];
    assert_eq!(h.open.len(), 4);
    let svc = |port: u16| {
        h.open
            .iter()
            .find(|p| p.port == port)
            .and_then(|p| p.service.clone())
            .expect("identified")
    };
    let s = svc(silent);
    assert_eq!(s.name, "unknown", "{s:?}");
    let f = svc(flood);
    assert!(
        f.banner.as_ref().is_some_and(|b| b.chars().count() <= 201),
        "{f:?}"
    );
    assert!(
        f.info.as_deref().unwrap_or("").contains("more than"),
        "{f:?}"
    );
    let t = svc(trickle);
    assert!(t.banner.as_ref().is_none_or(|b| b.len() < 64), "{t:?}");
    let e = svc(escapes);
    let shown = serde_json::to_string(&e).unwrap() + &e.summary();
    let banner = e.banner.clone().expect("banner");
    assert!(!banner.contains('\u{1b}') && !banner.contains('\u{7}') && !banner.contains('\u{9b}'));
    assert!(banner.contains("\\x1b[2J"), "{banner}");
    assert!(!shown.contains('\u{1b}'));
    let grown = rss_kb().saturating_sub(before);
    assert!(grown < 64 * 1024, "peak memory grew by {grown} kB");
}
