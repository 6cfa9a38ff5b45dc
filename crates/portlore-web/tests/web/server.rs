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

async fn start_with(
    app: axum::Router,
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
        portlore_web::serve(listener, app, opts, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    (addr, tx, handle)
}

/// A TCP connection from another loopback address, so it counts as another client.
async fn connect_from(source: &str, to: std::net::SocketAddr) -> tokio::net::TcpStream {
    let sock = tokio::net::TcpSocket::new_v4().unwrap();
    sock.bind(format!("{source}:0").parse().unwrap()).unwrap();
    sock.connect(to).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_http2_connections_are_closed_even_when_they_answer_pings() {
    let opts = ServeOptions {
        header_timeout: Duration::from_millis(200),
        idle_timeout: Duration::from_millis(800),
        ..ServeOptions::default()
    };
    let (addr, tx, handle) = start(opts).await;
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut client, conn) = h2::client::handshake(tcp).await.unwrap();
    let t = Instant::now();
    // Polling the connection answers the server's PINGs (every 200 ms here).
    let conn = tokio::spawn(conn);
    // One request first: the timer counts from the end of the last request.
    let req = axum::http::Request::get(format!("http://{addr}/healthz"))
        .body(())
        .unwrap();
    let (resp, _) = client.send_request(req, true).unwrap();
    assert_eq!(resp.await.unwrap().status(), 200);
    let ended = tokio::time::timeout(Duration::from_secs(6), conn).await;
    assert!(ended.is_ok(), "idle HTTP/2 connection still open after 6 s");
    let held = t.elapsed();
    assert!(
        held >= Duration::from_millis(700),
        "closed too early: {held:?}"
    );
    let _ = tx.send(());
    handle.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_client_cannot_take_every_connection_slot() {
    let opts = ServeOptions {
        max_per_client: 4,
        ..ServeOptions::default()
    };
    let (addr, tx, handle) = start(opts).await;
    // 20 idle connections from 127.0.0.2: the server keeps 4 and closes the rest.
    let mut hogs = Vec::new();
    for _ in 0..20 {
        hogs.push(connect_from("127.0.0.2", addr).await);
    }
    let mut refused = 0;
    for s in &mut hogs {
        use tokio::io::AsyncReadExt;
        let mut b = [0u8; 1];
        if let Ok(r) = tokio::time::timeout(Duration::from_millis(300), s.read(&mut b)).await {
            assert!(matches!(r, Ok(0) | Err(_)));
            refused += 1;
        }
    }
    assert_eq!(refused, 16);
    // Others are still served.
    let resp = tokio::task::spawn_blocking(move || {
        raw(
            addr,
            b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
    })
    .await
    .unwrap();
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    drop(hogs);
    let _ = tx.send(());
    handle.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_host_names_get_421_so_dns_rebinding_cannot_post_votes() {
    use crate::support::{kb, state_with};
    let mut config = portlore_web::SiteConfig::new("https://ports.example.org");
    config.hosts = portlore_web::HostPolicy::for_serve(
        &config.site_url,
        "0.0.0.0:7147",
        &["alt.example.net".to_string()],
    );
    let app = portlore_web::app(state_with(kb(), config));
    let (addr, tx, handle) = start_with(app, ServeOptions::default()).await;
    let ask = move |host: &'static str, method: &'static str| {
        tokio::task::spawn_blocking(move || {
            let req = format!(
                "{method} /api/v1/feedback HTTP/1.1\r\nHost: {host}\r\nContent-Type: \
application/x-www-form-urlencoded\r\nContent-Length: 29\r\nConnection: close\r\n\r\n\
port=80&lang=en&choice=helpful"
            );
            status_of(&raw(addr, req.as_bytes()))
        })
    };
    assert_eq!(ask("rebind.evil.test:7147", "POST").await.unwrap(), 421);
    assert_eq!(ask("rebind.evil.test", "GET").await.unwrap(), 421);
    // Allowed names and addresses reach the handler (503: this app has no store).
    for ok in [
        "ports.example.org",
        "alt.example.net:7147",
        "127.0.0.1:7147",
        "localhost",
    ] {
        assert_eq!(ask(ok, "POST").await.unwrap(), 503, "{ok}");
    }
    let _ = tx.send(());
    handle.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_for_loopback_peers_that_are_not_proxies() {
    use portlore_web::api::{ApiArgs, ApiState};
    let cases = [
        (ApiArgs::default(), 200),
        (
            ApiArgs {
                trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
                ..ApiArgs::default()
            },
            404,
        ),
        (
            ApiArgs {
                metrics_elsewhere: true,
                ..ApiArgs::default()
            },
            404,
        ),
    ];
    for (args, want) in cases {
        let state = portlore_web::AppState::new(
            crate::support::kb(),
            crate::support::config(),
            ApiState::new(None, args).unwrap(),
        );
        let (addr, tx, handle) =
            start_with(portlore_web::app(state), ServeOptions::default()).await;
        let resp = tokio::task::spawn_blocking(move || {
            raw(
                addr,
                b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            )
        })
        .await
        .unwrap();
        assert_eq!(status_of(&resp), want);
        let _ = tx.send(());
        handle.await.unwrap();
    }
}

#[test]
fn serve_raises_its_open_file_limit_and_sizes_its_caps_from_it() {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let before = getrlimit(Resource::Nofile);
    // Start from the common default soft limit, as under a login shell.
    setrlimit(
        Resource::Nofile,
        Rlimit {
            current: Some(1024.min(before.maximum.unwrap_or(1024))),
            maximum: before.maximum,
        },
    )
    .unwrap();
    let opts = ServeOptions::for_this_process();
    let after = getrlimit(Resource::Nofile);
    assert_eq!(after.current, before.maximum.map(|m| m.min(1 << 20)));
    let fds = after.current.unwrap_or(1024);
    assert_eq!(opts.max_connections, portlore_web::connections_for(fds));
    assert!(opts.max_connections < fds as usize);
    assert_eq!(
        opts.max_per_client,
        portlore_web::per_client_for(opts.max_connections)
    );
}
