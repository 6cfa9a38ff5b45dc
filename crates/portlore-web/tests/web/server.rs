//! The real server on a loopback socket: timeouts, raw bad bytes, graceful shutdown.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use portlore_web::ServeOptions;

use crate::support::app;

async fn start(
    opts: ServeOptions,
) -> (
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(async move {
        portlore_web::serve(listener, app(), opts, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    (addr, tx, handle)
}

fn raw(addr: std::net::SocketAddr, request: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn status_of(resp: &str) -> u16 {
    resp.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn raw_requests_with_bad_bytes_get_4xx() {
    let (addr, tx, handle) = start(ServeOptions::default()).await;
    let cases: Vec<Vec<u8>> = vec![
        b"GET /en/ports/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /en/search?q=\xc3\x28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /ports/80 HTTP/1.1\r\nHost: x\r\nAccept-Language: \xff\xfe\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /en/ports/3147 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        format!("GET /en/search?q={} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "a".repeat(70_000)).into_bytes(),
        b"BREW /en/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
    ];
    for req in cases {
        let resp = tokio::task::spawn_blocking(move || raw(addr, &req))
            .await
            .unwrap();
        let s = status_of(&resp);
        assert!(
            (200..500).contains(&s),
            "status {s}: {}",
            &resp[..resp.len().min(200)]
        );
    }
    let _ = tx.send(());
    handle.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_clients_are_disconnected() {
    let opts = ServeOptions {
        header_timeout: Duration::from_millis(500),
        ..ServeOptions::default()
    };
    let (addr, tx, handle) = start(opts).await;
    let elapsed = tokio::task::spawn_blocking(move || {
        // A client that starts a request and never finishes its headers.
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(b"GET /en/ HTTP/1.1\r\nHost: x\r\n").unwrap();
        let t = Instant::now();
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        let slow = t.elapsed();
        // A kept-alive client that goes quiet after one request.
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let t = Instant::now();
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        (
            slow,
            t.elapsed(),
            String::from_utf8_lossy(&buf).into_owned(),
        )
    })
    .await
    .unwrap();
    assert!(
        elapsed.0 < Duration::from_secs(3),
        "slow headers kept for {:?}",
        elapsed.0
    );
    assert!(
        elapsed.1 < Duration::from_secs(3),
        "idle keep-alive kept for {:?}",
        elapsed.1
    );
    assert!(elapsed.2.starts_with("HTTP/1.1 200"));
    let _ = tx.send(());
    handle.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_open_requests_finish_and_stops_accepting() {
    let (addr, tx, handle) = start(ServeOptions::default()).await;
    let resp = tokio::task::spawn_blocking(move || {
        raw(
            addr,
            b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
    })
    .await
    .unwrap();
    assert!(resp.starts_with("HTTP/1.1 200"));
    let _ = tx.send(());
    tokio::time::timeout(Duration::from_secs(5), handle)
        .await
        .expect("stops")
        .unwrap();
    assert!(
        TcpStream::connect(addr).is_err(),
        "still accepting after shutdown"
    );
}
