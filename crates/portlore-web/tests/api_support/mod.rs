//! Shared by the `api_*` test binaries: a real server on a loopback port, and a raw
//! HTTP/1.1 client that can send what well-behaved clients never do.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use portlore_feedback::FeedbackStore;
use portlore_feedback::scratch::ScratchPostgres;
use portlore_kb::Knowledge;
use portlore_web::api::{ApiArgs, ApiState};
use portlore_web::{AppState, ServeOptions, SiteConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub fn fixture_kb() -> Arc<Knowledge> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry.xml");
    Arc::new(Knowledge::open(&path).expect("fixture registry opens"))
}

/// A running server; dropping it stops the server.
pub struct Server {
    pub addr: SocketAddr,
    pub state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

impl Server {
    pub fn store(&self) -> Arc<dyn FeedbackStore> {
        self.state.api.store().expect("store").clone()
    }
}

/// Serves the whole site (pages and API) on 127.0.0.1:0.
pub async fn serve(kb: Arc<Knowledge>, api: ApiState, opts: ServeOptions) -> Server {
    serve_on("127.0.0.1:0".parse().unwrap(), kb, api, opts).await
}

/// Serves the whole site on `bind`.
pub async fn serve_on(
    bind: SocketAddr,
    kb: Arc<Knowledge>,
    api: ApiState,
    opts: ServeOptions,
) -> Server {
    let state = AppState::new(kb, SiteConfig::new("http://127.0.0.1"), api);
    let app = portlore_web::app(state.clone());
    let listener = TcpListener::bind(bind).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = portlore_web::serve(listener, app, opts, async {
            let _ = rx.await;
        })
        .await;
    });
    Server {
        addr,
        state,
        stop: Some(tx),
    }
}

/// An API over a fresh SQLite file in `dir`.
pub async fn sqlite_api(dir: &std::path::Path, args: ApiArgs) -> ApiState {
    ApiState::open(&args, dir).await.expect("api opens")
}

/// A scratch PostgreSQL database, or `None` after saying why (a failure in CI).
pub async fn postgres_or_skip(test: &str) -> Option<ScratchPostgres> {
    match ScratchPostgres::create().await {
        Ok(db) => Some(db),
        Err(reason) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("{test}: CI must provide PostgreSQL: {reason}")
        }
        Err(reason) => {
            eprintln!("skipped: {test} on PostgreSQL: {reason}");
            None
        }
    }
}

/// A parsed response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }
}

/// Sends raw bytes on a new connection and reads until the server closes it.
pub async fn raw(addr: SocketAddr, bytes: &[u8]) -> std::io::Result<Resp> {
    let mut s = TcpStream::connect(addr).await?;
    s.write_all(bytes).await?;
    let mut buf = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), s.read_to_end(&mut buf))
        .await
        .map_err(|_| std::io::Error::other("response timed out"))??;
    parse(&buf)
}

pub fn parse(buf: &[u8]) -> std::io::Result<Resp> {
    let text = String::from_utf8_lossy(buf);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other(format!("no header end in {text:?}")))?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status"))?;
    Ok(Resp {
        status,
        head: head.to_string(),
        body: body.to_string(),
    })
}

/// A GET with `Connection: close`.
pub async fn get(addr: SocketAddr, path: &str) -> Resp {
    raw(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .await
    .unwrap()
}

/// A POST with `Connection: close` and extra header lines (each ending in CRLF).
pub async fn post(addr: SocketAddr, path: &str, ctype: &str, extra: &str, body: &str) -> Resp {
    raw(
        addr,
        format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: {ctype}\r\n\
Content-Length: {}\r\n{extra}\r\n{body}",
            body.len()
        )
        .as_bytes(),
    )
    .await
    .unwrap()
}

pub const FORM: &str = "application/x-www-form-urlencoded";
pub const JSON: &str = "application/json";
