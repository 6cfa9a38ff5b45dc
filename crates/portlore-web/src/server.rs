//! The HTTP server loop: hyper with a header-read timeout (HTTP/1) and an idle timeout
//! (HTTP/1 and HTTP/2), a cap on open connections overall and per client, logs of
//! refusals at a bounded rate, the peer address for the API, and graceful shutdown.

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use portlore_feedback::ClientNet;
use tokio::net::TcpListener;
use tower::ServiceExt as _;

use crate::api::Cidr;

/// Server limits.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// An HTTP/1 client must send a request's headers within this time.
    pub header_timeout: Duration,
    /// A connection with no request in progress for this long is closed, whatever
    /// the protocol: an HTTP/2 client that only answers PINGs is idle.
    pub idle_timeout: Duration,
    /// Connections beyond this are closed at once.
    pub max_connections: usize,
    /// Connections from one client (an IPv4 address or an IPv6 /64) beyond this are
    /// closed at once, so one client cannot take every slot.
    pub max_per_client: usize,
    /// Peers exempt from the per-client cap: the trusted reverse proxies, which carry
    /// everyone's connections.
    pub proxies: Vec<Cidr>,
    /// How long in-flight requests may finish after shutdown begins.
    pub shutdown_grace: Duration,
}

/// File descriptors kept back from the connection cap for the database, the store,
/// logs and the listener.
const RESERVED_FDS: u64 = 256;

impl Default for ServeOptions {
    fn default() -> ServeOptions {
        ServeOptions {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
            max_connections: 4096,
            max_per_client: 64,
            proxies: Vec::new(),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

impl ServeOptions {
    /// Limits sized for this process: raises the soft open-file limit to the hard one
    /// (see [`raise_fd_limit`]) and caps connections below it, so the server refuses
    /// new connections before it runs out of descriptors for the work it has.
    pub fn for_this_process() -> ServeOptions {
        let fds = raise_fd_limit();
        ServeOptions {
            max_connections: connections_for(fds),
            max_per_client: per_client_for(connections_for(fds)),
            ..ServeOptions::default()
        }
    }
}

/// The connection cap for a descriptor limit: what is left after the reserve, and a
/// margin of an eighth for files opened while serving.
pub fn connections_for(fds: u64) -> usize {
    let usable = fds.saturating_sub(RESERVED_FDS);
    usize::try_from(usable - usable / 8)
        .unwrap_or(usize::MAX)
        .max(16)
}

/// The per-client cap for a connection cap: a browser opens six at most, a shared
/// NAT more; one client never gets more than a sixty-fourth of all slots.
pub fn per_client_for(max_connections: usize) -> usize {
    (max_connections / 64).clamp(8, 256)
}

/// Raises this process's soft `RLIMIT_NOFILE` to its hard limit and returns the
/// resulting soft limit (unchanged if raising failed; 1024 if unknown).
pub fn raise_fd_limit() -> u64 {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let now = getrlimit(Resource::Nofile);
    let soft = now.current.unwrap_or(u64::MAX);
    let hard = now.maximum.unwrap_or(u64::MAX);
    // "Unlimited" hard limits are not accepted as a soft value by Linux; keep a
    // large finite one then.
    let target = hard.min(1 << 20);
    if target > soft {
        let raised = setrlimit(
            Resource::Nofile,
            Rlimit {
                current: Some(target),
                maximum: now.maximum,
            },
        );
        match raised {
            Ok(()) => {
                tracing::info!(from = soft, to = target, "raised the open-file limit");
                return target;
            }
            Err(err) => tracing::warn!(%err, soft, hard, "cannot raise the open-file limit"),
        }
    }
    if soft == u64::MAX { 1024 } else { soft }
}

/// A log line that is written at most once per period; what was suppressed in
/// between is counted into the next one.
#[derive(Debug)]
struct Throttled {
    period: Duration,
    state: Mutex<Option<Instant>>,
    suppressed: AtomicU64,
}

impl Throttled {
    fn new(period: Duration) -> Throttled {
        Throttled {
            period,
            state: Mutex::new(None),
            suppressed: AtomicU64::new(0),
        }
    }

    /// Calls `log` with the number of events since the last line, if a line is due.
    fn event(&self, log: impl FnOnce(u64)) {
        let due = match self.state.lock() {
            Ok(mut last) => {
                let due = last.is_none_or(|t| t.elapsed() >= self.period);
                if due {
                    *last = Some(Instant::now());
                }
                due
            }
            Err(_) => false,
        };
        if due {
            log(self.suppressed.swap(0, Ordering::Relaxed) + 1);
        } else {
            self.suppressed.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Why a connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Total,
    PerClient,
}

/// Open connections, overall and per client.
#[derive(Debug)]
struct Slots {
    max_total: usize,
    max_per_client: usize,
    open: Mutex<(usize, HashMap<ClientNet, usize>)>,
}

/// One open connection's slot; dropping it frees the slot.
#[derive(Debug)]
struct Slot {
    slots: Arc<Slots>,
    client: Option<ClientNet>,
}

impl Slots {
    fn acquire(self: &Arc<Self>, client: Option<ClientNet>) -> Result<Slot, Refusal> {
        let mut open = self.open.lock().map_err(|_| Refusal::Total)?;
        if open.0 >= self.max_total {
            return Err(Refusal::Total);
        }
        if let Some(c) = client {
            let n = open.1.entry(c).or_insert(0);
            if *n >= self.max_per_client {
                return Err(Refusal::PerClient);
            }
            *n += 1;
        }
        open.0 += 1;
        Ok(Slot {
            slots: self.clone(),
            client,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.slots.open.lock() {
            open.0 = open.0.saturating_sub(1);
            if let Some(c) = self.client
                && let Some(n) = open.1.get_mut(&c)
            {
                *n -= 1;
                if *n == 0 {
                    open.1.remove(&c);
                }
            }
        }
    }
}

/// What a connection is doing, for the idle timeout.
#[derive(Debug)]
struct Activity {
    started: Instant,
    in_flight: AtomicUsize,
    /// Milliseconds after `started` of the last request start or end.
    last_ms: AtomicU64,
}

impl Activity {
    fn touch(&self) {
        let ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    /// When the connection becomes idle for `timeout`, if nothing happens until then.
    fn idle_deadline(&self, timeout: Duration) -> tokio::time::Instant {
        let base = tokio::time::Instant::from_std(self.started);
        if self.in_flight.load(Ordering::Relaxed) > 0 {
            return tokio::time::Instant::now() + timeout;
        }
        base + Duration::from_millis(self.last_ms.load(Ordering::Relaxed)) + timeout
    }
}

/// Counts a request as in progress until dropped.
struct InFlight(Arc<Activity>);

impl InFlight {
    fn start(a: &Arc<Activity>) -> InFlight {
        a.in_flight.fetch_add(1, Ordering::Relaxed);
        a.touch();
        InFlight(a.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// After graceful close begins (idle, or server shutdown), how long a connection
/// may take to wind down before it is dropped.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

/// Serves `app` on `listener` until `shutdown` resolves, then stops accepting and
/// lets open requests finish (up to the grace period).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    opts: ServeOptions,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(opts.header_timeout)
        .keep_alive(true);
    builder
        .http2()
        .timer(TokioTimer::new())
        // Pings find dead peers; the idle timeout below closes live but idle ones.
        .keep_alive_interval(Some(opts.header_timeout))
        .keep_alive_timeout(opts.header_timeout)
        .max_concurrent_streams(64);
    let slots = Arc::new(Slots {
        max_total: opts.max_connections.max(1),
        max_per_client: opts.max_per_client.max(1),
        open: Mutex::new((0, HashMap::new())),
    });
    let refused_total = Throttled::new(Duration::from_secs(10));
    let refused_client = Throttled::new(Duration::from_secs(10));
    let accept_failed = Throttled::new(Duration::from_secs(10));
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let live = Arc::new(tokio::sync::Semaphore::new(0));
    let mut spawned: usize = 0;
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(x) => x,
            Err(err) => {
                // Out of file descriptors and similar: back off instead of spinning.
                accept_failed.event(|n| tracing::warn!(%err, count = n, "accept failed"));
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let client =
            (!opts.proxies.iter().any(|c| c.contains(peer.ip()))).then(|| ClientNet::of(peer.ip()));
        let slot = match slots.acquire(client) {
            Ok(s) => s,
            Err(Refusal::Total) => {
                refused_total.event(|n| {
                    tracing::warn!(
                        count = n,
                        limit = slots.max_total,
                        "connection limit reached; closing new connections"
                    );
                });
                continue;
            }
            Err(Refusal::PerClient) => {
                refused_client.event(|n| {
                    tracing::warn!(
                        count = n,
                        limit = slots.max_per_client,
                        client = %ClientNet::of(peer.ip()),
                        "per-client connection limit reached; closing new connections"
                    );
                });
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let activity = Arc::new(Activity {
            started: Instant::now(),
            in_flight: AtomicUsize::new(0),
            last_ms: AtomicU64::new(0),
        });
        let app = app.clone();
        let act = activity.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            let guard = InFlight::start(&act);
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            let fut = app.clone().oneshot(req.map(axum::body::Body::new));
            async move {
                let r = fut.await;
                drop(guard);
                r
            }
        });
        let builder = builder.clone();
        let mut stop = stop_rx.clone();
        let idle = opts.idle_timeout;
        let grace = opts.shutdown_grace;
        let live = live.clone();
        spawned += 1;
        tokio::spawn(async move {
            let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
            tokio::pin!(conn);
            let mut close_by: Option<tokio::time::Instant> = None;
            loop {
                let idle_at = activity.idle_deadline(idle);
                tokio::select! {
                    r = conn.as_mut() => {
                        if let Err(err) = r {
                            tracing::debug!(%peer, err = %err, "connection ended with an error");
                        }
                        break;
                    }
                    () = tokio::time::sleep_until(idle_at), if close_by.is_none() => {
                        if activity.idle_deadline(idle) <= tokio::time::Instant::now() {
                            conn.as_mut().graceful_shutdown();
                            close_by = Some(tokio::time::Instant::now() + CLOSE_GRACE);
                        }
                    }
                    _ = stop.changed(), if close_by.is_none() => {
                        conn.as_mut().graceful_shutdown();
                        close_by = Some(tokio::time::Instant::now() + grace);
                    }
                    () = sleep_until_opt(close_by) => break,
                }
            }
            drop(slot);
            live.add_permits(1);
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing open requests");
    let _ = stop_tx.send(true);
    let all_closed = async {
        let _ = live
            .acquire_many(u32::try_from(spawned).unwrap_or(u32::MAX))
            .await;
    };
    tokio::select! {
        () = all_closed => tracing::info!("all connections closed"),
        () = tokio::time::sleep(opts.shutdown_grace + Duration::from_millis(100)) => {
            tracing::warn!("grace period over; closing remaining connections");
        }
    }
    Ok(())
}

async fn sleep_until_opt(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_follow_the_descriptor_limit() {
        assert_eq!(connections_for(20_000), 17_276);
        assert_eq!(connections_for(1024), 672);
        assert_eq!(connections_for(10), 16);
        assert_eq!(per_client_for(17_276), 256);
        assert_eq!(per_client_for(672), 10);
        assert_eq!(per_client_for(16), 8);
    }

    #[test]
    fn slots_cap_each_client_and_free_on_drop() {
        let slots = Arc::new(Slots {
            max_total: 3,
            max_per_client: 2,
            open: Mutex::new((0, HashMap::new())),
        });
        let a = ClientNet::of("2001:db8::1".parse().unwrap());
        let a2 = ClientNet::of("2001:db8::2".parse().unwrap());
        let b = ClientNet::of("192.0.2.1".parse().unwrap());
        let s1 = slots.acquire(Some(a)).unwrap();
        let _s2 = slots.acquire(Some(a2)).unwrap();
        assert_eq!(slots.acquire(Some(a)).unwrap_err(), Refusal::PerClient);
        let _s3 = slots.acquire(Some(b)).unwrap();
        assert_eq!(slots.acquire(None).unwrap_err(), Refusal::Total);
        drop(s1);
        assert!(slots.acquire(Some(a)).is_ok());
    }

    #[test]
    fn throttled_logs_count_what_they_skipped() {
        let t = Throttled::new(Duration::from_secs(3600));
        let mut lines = Vec::new();
        for _ in 0..5 {
            t.event(|n| lines.push(n));
        }
        assert_eq!(lines, vec![1]);
        *t.state.lock().unwrap() = None;
        t.event(|n| lines.push(n));
        assert_eq!(lines, vec![1, 5]);
    }
}
