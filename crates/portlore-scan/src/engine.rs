//! The connect-scan engine: a window of attempts in flight that grows with answers
//! (slow start, then additive increase) and halves when a retry reveals a lost probe,
//! never above the open-file budget. Unanswered ports are retried before they are called
//! filtered; the number of retries grows only once retries are seen to succeed, as in nmap.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::net::{TcpSocket, TcpStream};
use tokio::task::JoinSet;

use crate::error::ScanError;
use crate::limits::fd_budget;
use crate::ports::PortSpec;
use crate::rate::RateLimiter;
use crate::report::{
    HostReport, HostStatus, PortResult, PortState, Proxied, ScanReport, ScanStats,
};
use crate::rng::SplitMix64;
use crate::rtt::RttEstimator;
use crate::service::Fingerprints;
use crate::target::Target;
use crate::timing::{Timing, TimingParams};

/// What to scan and how.
#[derive(Debug, Clone)]
pub struct ScanConfig {
    /// TCP ports.
    pub ports: PortSpec,
    /// Timing preset.
    pub timing: Timing,
    /// Most new attempts per second.
    pub rate: Option<u32>,
    /// Seed for the probe order; random when unset.
    pub seed: Option<u64>,
    /// Identify services on open ports.
    pub service: bool,
    /// Also send UDP probes to the same ports.
    pub udp_probes: bool,
    /// A lower cap on attempts in flight than the preset's and the descriptor budget's.
    pub max_in_flight: Option<usize>,
    /// Raise the soft open-file limit to the hard one.
    pub raise_nofile: bool,
    /// Fingerprints for product names.
    pub fingerprints: Arc<Fingerprints>,
    /// Set to `true` to stop: the report then covers what was done.
    pub cancel: Option<tokio::sync::watch::Receiver<bool>>,
    /// Port states already known from an interrupted scan.
    pub resume: Option<Resume>,
    /// A shorter overall identification deadline than the preset's (tests, and callers
    /// with a time budget of their own).
    pub identify_deadline: Option<std::time::Duration>,
}

/// What an interrupted scan already settled, per host (`--resume`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resume {
    /// Per address.
    pub hosts: HashMap<IpAddr, PriorHost>,
}

/// The settled ports of one host.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriorHost {
    /// Open ports (identified again: identification is cheap).
    pub open: Vec<u16>,
    /// Closed ports.
    pub closed: Vec<u16>,
    /// Filtered ports.
    pub filtered: Vec<u16>,
}

/// A host is taken for a middlebox when at least this many ports and this share of the
/// ports scanned completed the handshake.
pub const PROXIED_MIN_OPEN: usize = 500;
/// The share, in percent.
pub const PROXIED_PERCENT: usize = 90;
/// Ports kept as a sample of a proxied host.
pub const PROXIED_SAMPLE: usize = 5;

impl ScanConfig {
    /// A config with defaults: normal timing, services identified.
    pub fn new(ports: PortSpec) -> Self {
        ScanConfig {
            ports,
            timing: Timing::Normal,
            rate: None,
            seed: None,
            service: true,
            udp_probes: false,
            max_in_flight: None,
            raise_nofile: true,
            fingerprints: Arc::new(Fingerprints::builtin()),
            cancel: None,
            resume: None,
            identify_deadline: None,
        }
    }
}

/// Progress reports, for a progress bar.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// A phase starts: `ports`, `services` or `udp`, with how many steps it has.
    Phase {
        /// The phase.
        name: &'static str,
        /// Steps in it.
        total: u64,
    },
    /// Steps done in the current phase, and open ports so far.
    Progress {
        /// Steps done.
        done: u64,
        /// Open ports found so far.
        open: u64,
    },
    /// An open port, as soon as it is found.
    Open {
        /// The host.
        addr: IpAddr,
        /// The port.
        port: u16,
    },
    /// Something the user should know, such as a resource limit that slowed the scan.
    Warning(String),
}

/// Receives [`Event`]s. Called from the scanning task: keep it quick.
pub type Observer = Arc<dyn Fn(Event) + Send + Sync>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Pending,
    Open { rtt_us: u32, tries: u8 },
    Closed,
    Filtered(&'static str),
    Error,
}

struct HostState {
    rtt: RttEstimator,
    max_ok_try: u8,
    slots: Vec<Slot>,
    errors: Vec<(u16, String)>,
}

#[derive(Debug, Clone, Copy)]
struct Probe {
    host: usize,
    pos: usize,
    try_no: u8,
}

enum Outcome {
    Open(Duration),
    Closed(Duration),
    Unreachable(&'static str),
    Timeout,
    Resource(io::Error),
    Failed(io::Error),
}

fn is_resource(e: &io::Error) -> bool {
    // EMFILE, ENFILE, EADDRNOTAVAIL, ENOBUFS, ENOMEM, EAGAIN: a local shortage, not an
    // answer from the target. The attempt is repeated later, never counted as closed.
    matches!(e.raw_os_error(), Some(24 | 23 | 99 | 105 | 12 | 11))
}

fn classify(result: io::Result<TcpStream>, elapsed: Duration) -> Outcome {
    match result {
        Ok(stream) => {
            // Connecting to a port in our own ephemeral range on this host can make the
            // socket connect to itself: nothing listens there, so it is closed.
            let own = stream.local_addr().ok();
            if own.is_some() && own == stream.peer_addr().ok() {
                return Outcome::Closed(elapsed);
            }
            let _ = stream.set_zero_linger();
            Outcome::Open(elapsed)
        }
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => Outcome::Closed(elapsed),
        Err(e) if is_resource(&e) => Outcome::Resource(e),
        Err(e) => match e.raw_os_error() {
            Some(113) => Outcome::Unreachable("host-unreach"),
            Some(101) => Outcome::Unreachable("net-unreach"),
            Some(1 | 13) => Outcome::Unreachable("admin-prohibited"),
            Some(110) => Outcome::Timeout,
            _ => Outcome::Failed(e),
        },
    }
}

fn new_socket(addr: &SocketAddr) -> io::Result<TcpSocket> {
    // SO_LINGER is set only on the sockets that connect (in `classify`): a reset on
    // close keeps neither side in TIME_WAIT, and refused sockets need no extra syscall.
    if addr.is_ipv4() {
        TcpSocket::new_v4()
    } else {
        TcpSocket::new_v6()
    }
}

async fn attempt(sock: TcpSocket, addr: SocketAddr, wait: Duration) -> Outcome {
    let start = Instant::now();
    match tokio::time::timeout(wait, sock.connect(addr)).await {
        Ok(result) => classify(result, start.elapsed()),
        Err(_) => Outcome::Timeout,
    }
}

/// Window control: slow start, then additive increase; halved on evidence of loss.
struct Window {
    cwnd: f64,
    ssthresh: f64,
    cap: usize,
}

impl Window {
    fn limit(&self) -> usize {
        (self.cwnd as usize).clamp(1, self.cap.max(1))
    }
    fn answered(&mut self) {
        self.cwnd += if self.cwnd < self.ssthresh {
            1.0
        } else {
            1.0 / self.cwnd
        };
        self.cwnd = self.cwnd.min(self.cap as f64);
    }
    fn loss(&mut self, in_flight: usize) {
        self.ssthresh = (in_flight as f64 / 2.0).max(8.0);
        self.cwnd = self.ssthresh.min(self.cwnd);
    }
    fn shrink_cap(&mut self, to: usize) {
        self.cap = to.max(1);
        self.cwnd = self.cwnd.min(self.cap as f64);
    }
}

struct Engine<'a> {
    targets: &'a [Target],
    ports: &'a [u16],
    params: TimingParams,
    hosts: Vec<HostState>,
    observer: Option<Observer>,
    stats: Counters,
    interrupted: bool,
}

fn is_cancelled(cancel: &Option<tokio::sync::watch::Receiver<bool>>) -> bool {
    cancel.as_ref().is_some_and(|rx| *rx.borrow())
}

#[derive(Default)]
struct Counters {
    attempts: u64,
    retries: u64,
    resource_backoffs: u64,
    peak: usize,
    done: u64,
    open: u64,
}

impl Engine<'_> {
    fn emit(&self, event: Event) {
        if let Some(o) = &self.observer {
            o(event);
        }
    }

    fn allowed_tries(&self, host: usize) -> u8 {
        let h = &self.hosts[host];
        1 + self
            .params
            .max_retries
            .min(h.max_ok_try.saturating_add(1).max(1))
    }

    fn wait_for(&self, p: &Probe) -> Duration {
        let base = self.hosts[p.host].rtt.timeout();
        (base * (1 + u32::from(p.try_no))).min(self.params.max_rtt_timeout.max(base))
    }

    fn settle(&mut self, p: Probe, slot: Slot) {
        self.hosts[p.host].slots[p.pos] = slot;
        self.stats.done += 1;
        if let Slot::Open { .. } = slot {
            self.stats.open += 1;
            self.emit(Event::Open {
                addr: self.targets[p.host].addr,
                port: self.ports[p.pos],
            });
        }
        if self.stats.done.is_multiple_of(256) {
            self.emit(Event::Progress {
                done: self.stats.done,
                open: self.stats.open,
            });
        }
    }

    async fn run(&mut self, config: &ScanConfig, seed: u64, cap: usize) -> Result<(), ScanError> {
        let host_count = self.targets.len();
        let total = host_count * self.ports.len();
        let mut order: Vec<usize> = (0..self.ports.len()).collect();
        SplitMix64::new(seed).shuffle(&mut order);
        let mut next_fresh = 0usize;
        let mut retry: VecDeque<Probe> = VecDeque::new();
        let mut window = Window {
            cwnd: self.params.initial_parallel.min(cap) as f64,
            ssthresh: f64::INFINITY,
            cap,
        };
        let mut rate = config.rate.map(RateLimiter::new);
        let mut set: JoinSet<(Probe, Outcome)> = JoinSet::new();
        self.emit(Event::Phase {
            name: "ports",
            total: total as u64,
        });
        let mut cancel = config.cancel.clone();
        loop {
            if is_cancelled(&cancel) {
                set.abort_all();
                self.interrupted = true;
                break;
            }
            while set.len() < window.limit() {
                let probe = match retry.pop_front() {
                    Some(p) => p,
                    None if next_fresh < total => {
                        let i = next_fresh;
                        next_fresh += 1;
                        let p = Probe {
                            host: i % host_count,
                            pos: order[i / host_count],
                            try_no: 0,
                        };
                        if self.hosts[p.host].slots[p.pos] != Slot::Pending {
                            // Settled by the scan being resumed.
                            self.stats.done += 1;
                            continue;
                        }
                        p
                    }
                    None => break,
                };
                if let Some(r) = rate.as_mut() {
                    let d = r.delay();
                    if !d.is_zero() {
                        tokio::time::sleep(d).await;
                        let _ = r.delay();
                    }
                }
                if !self.params.scan_delay.is_zero() && self.stats.attempts > 0 {
                    tokio::time::sleep(self.params.scan_delay).await;
                }
                let addr = SocketAddr::new(self.targets[probe.host].addr, self.ports[probe.pos]);
                match new_socket(&addr) {
                    Ok(sock) => {
                        let wait = self.wait_for(&probe);
                        self.stats.attempts += 1;
                        if probe.try_no > 0 {
                            self.stats.retries += 1;
                        }
                        set.spawn(async move { (probe, attempt(sock, addr, wait).await) });
                        self.stats.peak = self.stats.peak.max(set.len());
                    }
                    Err(e) if is_resource(&e) => {
                        retry.push_front(probe);
                        self.stats.resource_backoffs += 1;
                        if set.is_empty() {
                            return Err(ScanError::DescriptorsExhausted(e));
                        }
                        let to = set.len() * 3 / 4;
                        window.shrink_cap(to);
                        self.emit(Event::Warning(format!(
                            "out of descriptors ({e}); at most {} attempts in flight from now on",
                            to.max(1)
                        )));
                        break;
                    }
                    Err(e) => {
                        self.hosts[probe.host]
                            .errors
                            .push((self.ports[probe.pos], e.to_string()));
                        self.settle(probe, Slot::Error);
                    }
                }
            }
            let joined = match cancel.as_mut() {
                Some(rx) => tokio::select! {
                    j = set.join_next() => j,
                    _ = rx.changed() => continue,
                },
                None => set.join_next().await,
            };
            let Some(joined) = joined else {
                if retry.is_empty() && next_fresh >= total {
                    break;
                }
                continue;
            };
            let (probe, outcome) = match joined {
                Ok(v) => v,
                Err(e) => return Err(ScanError::Runtime(io::Error::other(e))),
            };
            match outcome {
                Outcome::Open(rtt) | Outcome::Closed(rtt) => {
                    let host = &mut self.hosts[probe.host];
                    host.rtt.sample(rtt);
                    if probe.try_no > host.max_ok_try {
                        host.max_ok_try = probe.try_no;
                    }
                    if probe.try_no > 0 {
                        window.loss(set.len());
                    } else {
                        window.answered();
                    }
                    let slot = if matches!(outcome, Outcome::Open(_)) {
                        Slot::Open {
                            rtt_us: rtt.as_micros().min(u128::from(u32::MAX)) as u32,
                            tries: probe.try_no + 1,
                        }
                    } else {
                        Slot::Closed
                    };
                    self.settle(probe, slot);
                }
                Outcome::Unreachable(reason) => self.settle(probe, Slot::Filtered(reason)),
                Outcome::Timeout => {
                    if probe.try_no + 1 < self.allowed_tries(probe.host) {
                        retry.push_back(Probe {
                            try_no: probe.try_no + 1,
                            ..probe
                        });
                    } else {
                        self.settle(probe, Slot::Filtered("no-response"));
                    }
                }
                Outcome::Resource(e) => {
                    self.stats.resource_backoffs += 1;
                    retry.push_front(probe);
                    let before = window.limit();
                    window.loss(set.len());
                    if window.limit() < before {
                        self.emit(Event::Warning(format!(
                            "local resource shortage ({e}); slowing down"
                        )));
                    }
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                Outcome::Failed(e) => {
                    self.hosts[probe.host]
                        .errors
                        .push((self.ports[probe.pos], e.to_string()));
                    self.settle(probe, Slot::Error);
                }
            }
        }
        self.emit(Event::Progress {
            done: self.stats.done,
            open: self.stats.open,
        });
        Ok(())
    }
}

/// Scans `targets`: the port phase, then service identification and UDP probes when
/// asked. Needs a tokio runtime (multi-threaded preferred). Never prints.
pub async fn scan(
    targets: &[Target],
    config: &ScanConfig,
    observer: Option<Observer>,
) -> Result<ScanReport, ScanError> {
    let started = Instant::now();
    let started_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut params = config.timing.params();
    if let Some(d) = config.identify_deadline {
        params.identify_deadline = params.identify_deadline.min(d);
    }
    let budget = fd_budget(config.raise_nofile);
    if budget.sockets == 0 {
        return Err(ScanError::NoDescriptors {
            soft: budget.soft,
            in_use: budget.in_use,
        });
    }
    let cap = params
        .max_parallel
        .min(budget.sockets)
        .min(config.max_in_flight.unwrap_or(usize::MAX))
        .max(1);
    let seed = config
        .seed
        .unwrap_or_else(|| SplitMix64::from_entropy().next_u64());
    let ports = config.ports.ports();
    let mut resumed_ports = 0u64;
    let mut engine = Engine {
        targets,
        ports,
        params,
        hosts: targets
            .iter()
            .map(|_| HostState {
                rtt: RttEstimator::new(
                    params.initial_rtt_timeout,
                    params.min_rtt_timeout,
                    params.max_rtt_timeout,
                ),
                max_ok_try: 0,
                slots: vec![Slot::Pending; ports.len()],
                errors: Vec::new(),
            })
            .collect(),
        observer: observer.clone(),
        stats: Counters::default(),
        interrupted: false,
    };
    if let Some(resume) = &config.resume {
        for (h, t) in targets.iter().enumerate() {
            let Some(prior) = resume.hosts.get(&t.addr) else {
                continue;
            };
            let slots = &mut engine.hosts[h].slots;
            for (list, slot) in [
                (
                    &prior.open,
                    Slot::Open {
                        rtt_us: 0,
                        tries: 1,
                    },
                ),
                (&prior.closed, Slot::Closed),
                (&prior.filtered, Slot::Filtered("no-response")),
            ] {
                for p in list {
                    if let Ok(i) = ports.binary_search(p) {
                        slots[i] = slot;
                        resumed_ports += 1;
                    }
                }
            }
        }
    }
    if !targets.is_empty() {
        engine.run(config, seed, cap).await?;
    }
    let portscan_ms = started.elapsed().as_millis() as u64;
    let mut hosts: Vec<HostReport> = engine
        .hosts
        .iter()
        .zip(targets)
        .map(|(h, t)| host_report(t, h, ports))
        .collect();
    let mut interrupted = engine.interrupted;
    let identify_started = Instant::now();
    if config.service && !interrupted {
        let work = crate::service::identify_all(
            &mut hosts,
            &params,
            cap,
            config.fingerprints.clone(),
            observer.as_ref(),
        );
        interrupted = run_unless_cancelled(work, config.cancel.clone()).await;
    }
    let identify_ms = identify_started.elapsed().as_millis() as u64;
    if config.udp_probes && !interrupted {
        let work = crate::udp::probe_all(
            &mut hosts,
            ports,
            &params,
            &config.fingerprints,
            observer.as_ref(),
        );
        interrupted = run_unless_cancelled(work, config.cancel.clone()).await;
    }
    Ok(ScanReport {
        ports_spec: config.ports.compact(),
        ports_per_host: ports.len(),
        hosts,
        stats: ScanStats {
            started_unix,
            elapsed_ms: started.elapsed().as_millis() as u64,
            portscan_ms,
            attempts: engine.stats.attempts,
            retries: engine.stats.retries,
            resource_backoffs: engine.stats.resource_backoffs,
            peak_in_flight: engine.stats.peak,
            fd_budget: budget,
            timing: config.timing,
            seed,
            identify_ms,
            resumed_ports,
        },
        interrupted,
    })
}

/// Runs `work` to the end, or until `cancel` turns true; whether it was cancelled.
async fn run_unless_cancelled(
    work: impl std::future::Future<Output = ()>,
    cancel: Option<tokio::sync::watch::Receiver<bool>>,
) -> bool {
    let Some(mut rx) = cancel else {
        work.await;
        return false;
    };
    if *rx.borrow() {
        return true;
    }
    tokio::select! {
        _ = work => false,
        _ = async { while rx.changed().await.is_ok() { if *rx.borrow() { return; } } std::future::pending::<()>().await } => true,
    }
}

fn host_report(target: &Target, h: &HostState, ports: &[u16]) -> HostReport {
    let mut open = Vec::new();
    let mut closed = Vec::new();
    let mut filtered = Vec::new();
    let mut reasons: BTreeMap<&'static str, u32> = BTreeMap::new();
    let mut unscanned = Vec::new();
    for (slot, &port) in h.slots.iter().zip(ports) {
        match *slot {
            Slot::Open { rtt_us, tries } => open.push(PortResult {
                port,
                state: PortState::Open,
                reason: "syn-ack",
                tries,
                rtt_us,
                service: None,
            }),
            Slot::Closed => closed.push(port),
            Slot::Filtered(reason) => {
                filtered.push(port);
                *reasons.entry(reason).or_default() += 1;
            }
            Slot::Pending => unscanned.push(port),
            Slot::Error => {}
        }
    }
    let proxied = (open.len() >= PROXIED_MIN_OPEN
        && open.len() * 100 >= ports.len() * PROXIED_PERCENT)
        .then(|| {
            let count = open.len();
            // An even spread of the open ports, so the sample is not all low ports.
            let step = (count / PROXIED_SAMPLE).max(1);
            let sample: Vec<PortResult> = open
                .iter()
                .step_by(step)
                .take(PROXIED_SAMPLE)
                .cloned()
                .map(|mut p| {
                    p.state = PortState::OpenProxied;
                    p
                })
                .collect();
            let info = Proxied {
                open: count,
                scanned: ports.len(),
                sample: sample.iter().map(|p| p.port).collect(),
            };
            open = sample;
            info
        });
    let mut errors = h.errors.clone();
    errors.sort();
    HostReport {
        target: target.clone(),
        status: if open.is_empty() && closed.is_empty() {
            HostStatus::NoAnswer
        } else {
            HostStatus::Up
        },
        open,
        closed,
        filtered,
        filtered_reasons: reasons,
        errors,
        srtt_us: h.rtt.srtt().map(|d| d.as_micros() as u64),
        udp: Vec::new(),
        proxied,
        unscanned,
    }
}
