//! Service identification. Every open port is identified at once (within the descriptor
//! budget): a short wait for a banner, derived from the measured round trip, runs beside
//! the probe of the port's likely protocol; when both stay silent, the other probes go
//! out in parallel, each on its own connection, and the first confident answer wins. A
//! port that answers none is reported `silent`, with the probes tried. Every read is
//! capped in size and time (see [`conn`]), the whole phase has a deadline, and every
//! string taken from a peer is escaped.

mod conn;
mod der;
pub mod fingerprint;
pub mod http;
pub mod probes;
pub mod recognise;
pub mod tls;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use portlore_judge::Finding;
use serde::Serialize;
use tokio::net::TcpStream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::engine::{Event, Observer};
use crate::escape::escape_bytes;
use crate::report::HostReport;
use crate::timing::TimingParams;
pub use conn::MAX_READ;
use conn::{End, MAX_SETTLE, connect_raw, read_reply, send};
pub use fingerprint::Fingerprints;
pub use http::HttpInfo;
use probes::Probe;
pub use tls::TlsInfo;

/// How much raw evidence is kept, in characters after escaping.
pub const EVIDENCE_CHARS: usize = 256;

/// How identification ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// An answer named the service.
    Identified,
    /// Something answered, but no signature names it.
    Unrecognised,
    /// Connections are accepted and nothing answered any probe.
    #[default]
    Silent,
    /// The peer closes every connection without a word.
    Tcpwrapped,
    /// The identification deadline passed first.
    TimedOut,
}

/// What named the service.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// What the server said unasked.
    Banner,
    /// The answer to a probe.
    Probe,
    /// Nothing did.
    #[default]
    None,
}

/// What answers on an open port, and how that is known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Service {
    /// nmap-style name: `ssh`, `http`, `https`, `postgresql`, `erlang-dist`,
    /// `tcpwrapped`, `unknown`, …
    pub name: String,
    /// How identification ended.
    pub status: Status,
    /// The product, when it names itself (`OpenSSH`, `MariaDB`, `RabbitMQ`).
    pub product: Option<String>,
    /// Its version, when it tells.
    pub version: Option<String>,
    /// Anything else worth a word (`auth required`).
    pub info: Option<String>,
    /// The operating system a fingerprint names.
    pub os: Option<String>,
    /// The CPE a fingerprint names.
    pub cpe: Option<String>,
    /// HTTP details.
    pub http: Option<HttpInfo>,
    /// TLS details.
    pub tls: Option<TlsInfo>,
    /// The first line of the banner, escaped and cut to 200 characters.
    pub banner: Option<String>,
    /// Banner or probe.
    pub method: Method,
    /// The probe whose answer named it (`redis`, `tls`, `erlang-dist`).
    pub probe: Option<&'static str>,
    /// The fingerprint that named the product (`portlore:ssh:1`, `recog:ssh_banners:12`).
    pub fingerprint: Option<String>,
    /// How sure, 0-10 as nmap's `conf`.
    pub confidence: u8,
    /// The start of the answer that decided, escaped and capped.
    pub evidence: Option<String>,
    /// Every probe sent, in order (`banner` for the wait for a greeting).
    pub probes_tried: Vec<&'static str>,
    /// What the answers gave away, for the judgement.
    pub findings: Vec<Finding>,
}

impl Service {
    /// A service of this name, identified, confidence to be scored.
    pub fn named(name: &str) -> Service {
        Service {
            name: name.to_string(),
            status: Status::Identified,
            ..Service::default()
        }
    }

    /// One line for a table: `ssh OpenSSH 9.2p1`, `http nginx "Welcome"`.
    pub fn summary(&self) -> String {
        if self.status == Status::Silent {
            return format!("silent (tried {})", self.probes_tried.join(", "));
        }
        let mut parts = vec![self.name.clone()];
        if let Some(p) = &self.product
            && Some(p) != self.http.as_ref().and_then(|h| h.server.as_ref())
        {
            parts.push(p.clone());
        }
        if let Some(v) = &self.version {
            parts.push(v.clone());
        }
        if let Some(h) = &self.http {
            if let Some(s) = &h.server {
                parts.push(s.clone());
            }
            if let Some(t) = &h.title {
                parts.push(format!("\"{t}\""));
            }
        }
        if let Some(t) = &self.tls {
            parts.push(t.version.clone());
            if let Some(s) = &t.subject {
                parts.push(format!("[{s}]"));
            }
        }
        if let Some(i) = &self.info {
            parts.push(format!("({i})"));
        }
        if self.product.is_none()
            && self.version.is_none()
            && self.http.is_none()
            && let Some(b) = &self.banner
        {
            parts.push(format!("banner: {b}"));
        }
        parts.join(" ")
    }

    /// Scores confidence from what is known, unless already set.
    fn scored(mut self) -> Service {
        if self.confidence == 0 && self.status == Status::Identified {
            let generic = matches!(self.name.as_str(), "http" | "https" | "tls" | "telnet");
            self.confidence = match (&self.product, &self.version) {
                (Some(_), Some(_)) => 10,
                (Some(_), None) => 9,
                _ if generic => 6,
                _ => 8,
            };
        }
        self
    }

    fn silent(tried: Vec<&'static str>) -> Service {
        Service {
            name: "unknown".into(),
            status: Status::Silent,
            info: Some("accepted connections, answered no probe".into()),
            probes_tried: tried,
            ..Service::default()
        }
    }
}

/// What identification runs with: timing, fingerprints, and the connection budget.
#[derive(Debug, Clone)]
pub struct Identifier {
    params: TimingParams,
    fingerprints: Arc<Fingerprints>,
    permits: Arc<Semaphore>,
    width: usize,
}

/// Per-port waits derived from the host's round trip.
#[derive(Debug, Clone, Copy)]
struct Waits {
    banner: Duration,
    probe: Duration,
    settle: Duration,
}

impl Identifier {
    /// An identifier holding at most `connections` sockets at once.
    pub fn new(params: TimingParams, fingerprints: Arc<Fingerprints>, connections: usize) -> Self {
        Identifier {
            params,
            fingerprints,
            permits: Arc::new(Semaphore::new(connections.max(1))),
            width: params.service_parallel.clamp(1, 24),
        }
    }

    fn waits(&self, srtt: Option<Duration>) -> Waits {
        let p = &self.params;
        let rtt = srtt.unwrap_or(p.initial_rtt_timeout / 4);
        let ms = Duration::from_millis;
        Waits {
            // A server that speaks first greets one round trip after the handshake; allow
            // for scheduling and slow greeters, within the preset's bound.
            banner: (rtt * 6 + ms(250)).clamp(ms(250), p.banner_wait.max(ms(250))),
            probe: (rtt * 8 + ms(400)).clamp(ms(400), p.probe_wait.max(ms(400))),
            settle: (rtt * 2 + ms(60)).min(MAX_SETTLE),
        }
    }

    async fn connect(
        &self,
        addr: SocketAddr,
        w: &Waits,
    ) -> Option<(TcpStream, OwnedSemaphorePermit)> {
        let permit = self.permits.clone().acquire_owned().await.ok()?;
        let stream = connect_raw(addr, w.probe).await.ok()?;
        Some((stream, permit))
    }

    /// Identifies the service on one open port, within the preset's per-port cap and
    /// `deadline`. `srtt` is the host's measured round trip.
    pub async fn identify(
        &self,
        addr: SocketAddr,
        name: Option<&str>,
        srtt: Option<Duration>,
        deadline: Instant,
    ) -> Service {
        let tried = Arc::new(Mutex::new(Vec::new()));
        let until = deadline.min(Instant::now() + self.params.service_timeout);
        let w = self.waits(srtt);
        let result =
            tokio::time::timeout_at(until, self.identify_inner(addr, name, &w, &tried)).await;
        let tried = tried.lock().map(|t| t.clone()).unwrap_or_default();
        match result {
            Ok(mut s) => {
                s.probes_tried = tried;
                s.scored()
            }
            Err(_) => Service {
                name: "unknown".into(),
                status: Status::TimedOut,
                info: Some("identification deadline reached".into()),
                probes_tried: tried,
                ..Service::default()
            },
        }
    }

    async fn identify_inner(
        &self,
        addr: SocketAddr,
        name: Option<&str>,
        w: &Waits,
        tried: &Arc<Mutex<Vec<&'static str>>>,
    ) -> Service {
        let note = |p: &'static str| {
            if let Ok(mut t) = tried.lock() {
                t.push(p);
            }
        };
        let hint = probes::hint(addr.port());
        note("banner");
        if let Some(h) = hint {
            note(h.name());
        }
        let null = self.null_probe(addr, w);
        let hinted = async {
            match hint {
                Some(p) => self.probe(addr, name, p, w).await,
                None => None,
            }
        };
        tokio::pin!(null, hinted);
        let (mut null_out, mut hint_out) = (None, None);
        let (mut null_done, mut hint_done) = (false, false);
        while !(null_done && hint_done) {
            tokio::select! {
                r = &mut null, if !null_done => { null_done = true; null_out = Some(r); }
                r = &mut hinted, if !hint_done => {
                    hint_done = true;
                    if let Some(s) = r {
                        let s = s.scored();
                        if s.confidence >= 8 {
                            return self.follow_up(addr, name, s, w).await;
                        }
                        hint_out = Some(s);
                    }
                }
            }
        }
        // An answer nothing recognised is kept as a last resort: other probes may still
        // name the service.
        let (hint_ok, fallback) = match hint_out {
            Some(h) if h.status == Status::Identified => (Some(h), None),
            other => (None, other),
        };
        match (null_out, hint_ok) {
            (Some(Null::Named(b)), Some(h)) => {
                let b = (*b).scored();
                if b.status == Status::Identified && b.confidence >= h.confidence {
                    b
                } else {
                    self.follow_up(addr, name, h, w).await
                }
            }
            (Some(Null::Named(b)), None) => self.follow_up(addr, name, *b, w).await,
            (_, Some(h)) => self.follow_up(addr, name, h, w).await,
            (Some(Null::Closed), None) => Service {
                name: "tcpwrapped".into(),
                status: Status::Tcpwrapped,
                info: Some("closed the connection without a word".into()),
                ..Service::default()
            },
            (Some(Null::Silent) | None, None) => {
                let rest: Vec<Probe> = Probe::BLIND
                    .into_iter()
                    .filter(|p| Some(*p) != hint)
                    .collect();
                for p in &rest {
                    note(p.name());
                }
                match self.probe_all(addr, name, &rest, w).await {
                    Some(s) if s.status == Status::Identified => {
                        self.follow_up(addr, name, s, w).await
                    }
                    Some(s) => fallback.unwrap_or(s),
                    None => fallback.unwrap_or_else(|| Service::silent(Vec::new())),
                }
            }
        }
    }

    /// Several probes in parallel (`width` at a time); the first confident answer ends
    /// the others, else the most confident of all.
    async fn probe_all(
        &self,
        addr: SocketAddr,
        name: Option<&str>,
        list: &[Probe],
        w: &Waits,
    ) -> Option<Service> {
        let mut set = JoinSet::new();
        let mut pending = list.iter().copied();
        let mut best: Option<Service> = None;
        loop {
            while set.len() < self.width {
                let Some(p) = pending.next() else { break };
                let me = self.clone();
                let host = name.map(String::from);
                let w = *w;
                set.spawn(async move { me.probe(addr, host.as_deref(), p, &w).await });
            }
            let Some(joined) = set.join_next().await else {
                break;
            };
            if let Ok(Some(s)) = joined {
                let s = s.scored();
                if s.confidence >= 9 {
                    set.abort_all();
                    return Some(s);
                }
                let better = best.as_ref().is_none_or(|b| {
                    (s.status == Status::Identified && b.status != Status::Identified)
                        || s.confidence > b.confidence
                });
                if better {
                    best = Some(s);
                }
            }
        }
        best
    }

    /// Connects and listens for a greeting.
    async fn null_probe(&self, addr: SocketAddr, w: &Waits) -> Null {
        let Some((mut stream, _permit)) = self.connect(addr, w).await else {
            return Null::Silent;
        };
        let (banner, end) = read_reply(&mut stream, w.banner, w.settle).await;
        let fps = &self.fingerprints;
        if banner.is_empty() {
            return if matches!(end, End::Eof | End::Error) {
                Null::Closed
            } else {
                Null::Silent
            };
        }
        let mut s = if recognise::ambiguous_220(&banner, fps) {
            let _ = send(&mut stream, b"EHLO portlore.invalid\r\n", w.probe).await;
            let (reply, _) = read_reply(&mut stream, w.probe, w.settle).await;
            recognise::after_ehlo(&banner, &reply, fps)
        } else if let Some(s) = recognise::recognise(&banner, fps) {
            s
        } else {
            Service {
                name: "unknown".into(),
                status: Status::Unrecognised,
                banner: Some(escape_bytes(&banner, 200)),
                info: (end == End::Cap).then(|| format!("sent more than {MAX_READ} bytes unasked")),
                ..Service::default()
            }
        };
        if s.name == "ftp" {
            self.ftp_anonymous(&mut stream, &mut s, w).await;
        }
        s.method = Method::Banner;
        s.evidence = Some(escape_bytes(&banner, EVIDENCE_CHARS));
        Null::Named(Box::new(s))
    }

    /// Asks an FTP server whether it takes anonymous logins (the public-access
    /// convention of RFC 1635), then quits.
    async fn ftp_anonymous(&self, stream: &mut TcpStream, s: &mut Service, w: &Waits) {
        if !send(stream, b"USER anonymous\r\n", w.probe).await {
            return;
        }
        let (reply, _) = read_reply(stream, w.probe, w.settle).await;
        let mut ok = reply.starts_with(b"230");
        if reply.starts_with(b"331")
            && send(stream, b"PASS portlore@example.invalid\r\n", w.probe).await
        {
            ok = read_reply(stream, w.probe, w.settle)
                .await
                .0
                .starts_with(b"230");
        }
        let _ = send(stream, b"QUIT\r\n", w.probe).await;
        if ok {
            s.findings.push(Finding::AnonymousFtp);
            s.info = Some("anonymous login allowed".into());
        }
    }

    /// Runs one active probe on a fresh connection. `Some` when the answer is recognised.
    async fn probe(
        &self,
        addr: SocketAddr,
        name: Option<&str>,
        probe: Probe,
        w: &Waits,
    ) -> Option<Service> {
        if probe == Probe::Tls {
            return self.tls_probe(addr, name, w).await;
        }
        let (mut stream, _permit) = self.connect(addr, w).await?;
        let host = host_header(addr, name);
        if !send(&mut stream, &probe.payload(&host, addr.port()), w.probe).await {
            return None;
        }
        let (reply, _) = read_reply(&mut stream, w.probe, w.settle).await;
        let fps = &self.fingerprints;
        if reply.is_empty() {
            return None;
        }
        let Some(mut found) =
            recognise::own_reply(probe, &reply).or_else(|| recognise::recognise(&reply, fps))
        else {
            return Some(Service {
                name: "unknown".into(),
                status: Status::Unrecognised,
                info: Some(format!(
                    "answered the {} probe unrecognisably",
                    probe.name()
                )),
                method: Method::Probe,
                probe: Some(probe.name()),
                evidence: Some(escape_bytes(&reply, EVIDENCE_CHARS)),
                ..Service::default()
            });
        };
        match (probe, found.name.as_str()) {
            (Probe::Mqtt, "mqtt") => {
                // Accepted without credentials: brokers that publish their version in
                // `$SYS` (Mosquitto, EMQX) tell it to any subscriber. Read, then leave.
                if reply.get(3) == Some(&0)
                    && send(&mut stream, &recognise::MQTT_SYS_SUBSCRIBE, w.probe).await
                {
                    let (more, _) = read_reply(&mut stream, w.probe, w.settle).await;
                    if let Some((product, version)) = recognise::mqtt_sys_version(&more) {
                        found.product = Some(product);
                        found.version = version;
                    }
                }
                let _ = send(&mut stream, &[0xe0, 0], w.probe).await; // DISCONNECT
            }
            (Probe::Mongo, "mongodb") => self.mongo_follow_up(&mut stream, &mut found, w).await,
            (_, "redis") if reply.starts_with(b"+PONG") => {
                let _ = send(&mut stream, recognise::REDIS_INFO, w.probe).await;
                let info = read_reply(&mut stream, w.probe, w.settle).await.0;
                found.version = recognise::redis_version(&info);
                if found.version.is_some() {
                    found.findings.push(Finding::NoAuth);
                    found.cpe = found
                        .version
                        .as_ref()
                        .map(|v| format!("cpe:/a:redis:redis:{v}"));
                }
            }
            _ => {}
        }
        found.method = Method::Probe;
        found.probe = Some(probe.name());
        found.evidence = Some(escape_bytes(&reply, EVIDENCE_CHARS));
        Some(found)
    }

    /// Asks a MongoDB server for its version (`buildInfo`, answered before
    /// authentication) and for the names of its databases (`listDatabases`), which only
    /// a server without authentication gives a stranger. Both commands only read.
    async fn mongo_follow_up(&self, stream: &mut TcpStream, s: &mut Service, w: &Waits) {
        use probes::{MONGO_BUILD_INFO, MONGO_LIST_DATABASES, mongo_command};
        if send(
            stream,
            &mongo_command(MONGO_BUILD_INFO, "buildInfo", &[]),
            w.probe,
        )
        .await
        {
            let reply = read_reply(stream, w.probe, w.settle).await.0;
            if let Some(v) = recognise::mongo_version(&reply, MONGO_BUILD_INFO) {
                s.cpe = Some(format!("cpe:/a:mongodb:mongodb:{v}"));
                s.version = Some(v);
            }
        }
        let ask = mongo_command(MONGO_LIST_DATABASES, "listDatabases", &["nameOnly"]);
        if !send(stream, &ask, w.probe).await {
            return;
        }
        let reply = read_reply(stream, w.probe, w.settle).await.0;
        match recognise::mongo_access(&reply, MONGO_LIST_DATABASES) {
            Some(recognise::MongoAccess::Open) => {
                s.findings.push(Finding::NoAuth);
                s.info = Some("listed its databases without authentication".into());
            }
            Some(recognise::MongoAccess::Refused) => s.info = Some("auth required".into()),
            None => {}
        }
    }

    async fn tls_probe(&self, addr: SocketAddr, name: Option<&str>, w: &Waits) -> Option<Service> {
        let (stream, _permit) = self.connect(addr, w).await?;
        let (mut tls, info) = tls::handshake(stream, addr, name, w.probe, true).await?;
        let fps = &self.fingerprints;
        // Servers that speak first inside TLS (SMTPS, IMAPS, POP3S) greet now.
        let (mut reply, _) = read_reply(&mut tls, w.banner, w.settle).await;
        let mut method = Method::Banner;
        if reply.is_empty() && info.alpn.as_deref() != Some("h2") {
            let get = probes::http_get(&host_header(addr, name), "/");
            if send(&mut tls, &get, w.probe).await {
                reply = read_reply(&mut tls, w.probe, w.settle).await.0;
                method = Method::Probe;
            }
        }
        drop(tls);
        let mut s = recognise::recognise(&reply, fps).unwrap_or_else(|| Service {
            banner: (!reply.is_empty()).then(|| escape_bytes(&reply, 200)),
            info: info.alpn.as_ref().map(|a| format!("ALPN {a}")),
            ..Service::named(if info.alpn.as_deref() == Some("h2") {
                "http"
            } else {
                "tls"
            })
        });
        s.name = match s.name.as_str() {
            "http" => "https".into(),
            "tls" | "kubernetes" | "docker" | "etcd" | "elasticsearch" | "ipp" => s.name.clone(),
            other => format!("{other}s"),
        };
        for (field, value) in [
            ("x509.subject", info.subject.as_ref()),
            ("x509.issuer", info.issuer.as_ref()),
        ] {
            if let Some(v) = value
                && s.fingerprint.is_none()
            {
                recognise::refine(&mut s, field, v.as_bytes(), fps);
            }
        }
        s.tls = Some(info);
        s.method = method;
        s.probe = Some("tls");
        s.evidence = (!reply.is_empty()).then(|| escape_bytes(&reply, EVIDENCE_CHARS));
        Some(s)
    }

    /// HTTP services often say more on other paths: `/version` (Docker, etcd,
    /// Kubernetes) and `/metrics` (Prometheus exporters). Both are asked at once.
    async fn follow_up(
        &self,
        addr: SocketAddr,
        name: Option<&str>,
        s: Service,
        w: &Waits,
    ) -> Service {
        if !matches!(s.name.as_str(), "http" | "https") {
            return s;
        }
        let tls = s.name == "https";
        let (version, metrics) = tokio::join!(
            self.http_path(addr, name, "/version", tls, w),
            self.http_path(addr, name, "/metrics", tls, w)
        );
        let mut s = s;
        if let Some(reply) = version
            && let Some(found) = recognise::recognise(&reply, &self.fingerprints)
            && !matches!(found.name.as_str(), "http" | "https")
        {
            s.name = found.name;
            s.product = found.product;
            s.version = found.version;
            s.info = found.info;
            s.findings.extend(found.findings);
            s.probe = Some("http:/version");
            s.method = Method::Probe;
            s.evidence = Some(escape_bytes(&reply, EVIDENCE_CHARS));
            s.confidence = 0;
            if s.name == "docker" && !tls {
                s.findings.push(Finding::DockerWithoutTls);
            }
        }
        if let Some(reply) = metrics
            && let Some((product, version)) = recognise::prometheus_metrics(&reply)
        {
            if matches!(s.name.as_str(), "http" | "https") && s.product.is_none() {
                s.product = Some(product);
                s.version = version;
                s.probe = Some("http:/metrics");
                s.confidence = 0;
            }
            s.info = Some(match s.info.take() {
                Some(i) => format!("{i}; Prometheus metrics at /metrics"),
                None => "Prometheus metrics at /metrics".into(),
            });
        }
        s.scored()
    }

    async fn http_path(
        &self,
        addr: SocketAddr,
        name: Option<&str>,
        path: &str,
        tls: bool,
        w: &Waits,
    ) -> Option<Vec<u8>> {
        let (stream, _permit) = self.connect(addr, w).await?;
        let get = probes::http_get(&host_header(addr, name), path);
        let reply = if tls {
            let (mut t, _) = tls::handshake(stream, addr, name, w.probe, false).await?;
            if !send(&mut t, &get, w.probe).await {
                return None;
            }
            read_reply(&mut t, w.probe, w.settle).await.0
        } else {
            let mut stream = stream;
            if !send(&mut stream, &get, w.probe).await {
                return None;
            }
            read_reply(&mut stream, w.probe, w.settle).await.0
        };
        reply
            .starts_with(b"HTTP/")
            .then_some(reply)
            .filter(|r| r.get(9..12) == Some(b"200"))
    }
}

enum Null {
    Named(Box<Service>),
    Closed,
    Silent,
}

fn host_header(addr: SocketAddr, name: Option<&str>) -> String {
    match name {
        Some(n) => n.to_string(),
        None if addr.is_ipv6() => format!("[{}]", addr.ip()),
        None => addr.ip().to_string(),
    }
}

/// Identifies one port with default fingerprints and budget (for tests and tools).
pub async fn identify(addr: SocketAddr, name: Option<&str>, p: &TimingParams) -> Service {
    let id = Identifier::new(*p, Arc::new(Fingerprints::builtin()), 256);
    let deadline = Instant::now() + p.service_timeout;
    id.identify(addr, name, None, deadline).await
}

/// One port to identify: host index, port index, address, host name, smoothed RTT.
type Job = (usize, usize, SocketAddr, Option<String>, Option<Duration>);

/// Identifies every open port of every host at once, within `fd_cap` sockets and the
/// preset's phase deadline, filling in `PortResult::service`.
pub(crate) async fn identify_all(
    hosts: &mut [HostReport],
    p: &TimingParams,
    fd_cap: usize,
    fingerprints: Arc<Fingerprints>,
    observer: Option<&Observer>,
) {
    let jobs: Vec<Job> = hosts
        .iter()
        .enumerate()
        .flat_map(|(h, host)| {
            let srtt = host.srtt_us.map(Duration::from_micros);
            host.open
                .iter()
                .enumerate()
                .filter(|(_, port)| port.service.is_none())
                .map(move |(i, port)| {
                    (
                        h,
                        i,
                        SocketAddr::new(host.target.addr, port.port),
                        host.target.name.clone(),
                        srtt,
                    )
                })
        })
        .collect();
    if jobs.is_empty() {
        return;
    }
    if let Some(o) = observer {
        o(Event::Phase {
            name: "identify",
            total: jobs.len() as u64,
        });
    }
    let identifier = Identifier::new(*p, fingerprints, fd_cap);
    let deadline = Instant::now() + p.identify_deadline;
    let mut set = JoinSet::new();
    let mut done = 0u64;
    for (h, i, addr, name, srtt) in jobs {
        let id = identifier.clone();
        set.spawn(async move {
            (
                h,
                i,
                id.identify(addr, name.as_deref(), srtt, deadline).await,
            )
        });
    }
    while let Some(joined) = set.join_next().await {
        done += 1;
        if let Ok((h, i, service)) = joined {
            hosts[h].open[i].service = Some(service);
        }
        if let Some(o) = observer {
            o(Event::Progress { done, open: 0 });
        }
    }
}
