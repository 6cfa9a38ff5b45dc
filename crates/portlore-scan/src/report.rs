//! What a scan returns. Only open ports carry detail; closed and filtered ports are kept
//! as port lists so that a full scan of many hosts stays small.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::limits::FdBudget;
use crate::service::Service;
use crate::target::Target;
use crate::timing::Timing;

/// The state of a TCP port, as a connect scan can tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PortState {
    /// The handshake completed.
    Open,
    /// The host answered with a reset.
    Closed,
    /// No answer after the retries, or an ICMP unreachable.
    Filtered,
    /// The handshake completed, but the host completes it on (almost) every port: a
    /// middlebox answers, not necessarily a service.
    #[serde(rename = "open|proxied")]
    OpenProxied,
}

impl PortState {
    /// nmap's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            PortState::Open => "open",
            PortState::Closed => "closed",
            PortState::Filtered => "filtered",
            PortState::OpenProxied => "open|proxied",
        }
    }
}

/// One open port.
#[derive(Debug, Clone, Serialize)]
pub struct PortResult {
    /// The port.
    pub port: u16,
    /// `open`, or `open|proxied` for the sample kept of a proxied host.
    pub state: PortState,
    /// Why: `syn-ack`.
    pub reason: &'static str,
    /// Attempts it took.
    pub tries: u8,
    /// Handshake time in microseconds.
    pub rtt_us: u32,
    /// What answers there, when identification ran.
    pub service: Option<Service>,
}

/// Whether a host answered at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HostStatus {
    /// Some port answered (open or closed).
    Up,
    /// No port answered: the host is down, absent, or drops everything scanned.
    NoAnswer,
}

/// A UDP probe's result (`--udp-probes`).
#[derive(Debug, Clone, Serialize)]
pub struct UdpResult {
    /// The port.
    pub port: u16,
    /// `open` (answered), `closed` (ICMP port unreachable) or `open|filtered` (silence).
    pub state: &'static str,
    /// The probe sent (`dns`, `ntp`, `snmp`, `memcached`, `empty`, …).
    pub probe: &'static str,
    /// The start of the answer, escaped.
    pub answer: Option<String>,
    /// What the answer names, when a recogniser knows it.
    pub service: Option<Service>,
}

/// A host that completed the handshake on (almost) every port scanned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proxied {
    /// Ports that completed the handshake.
    pub open: usize,
    /// Ports scanned.
    pub scanned: usize,
    /// The few kept (and identified) as a sample; the rest are not listed.
    pub sample: Vec<u16>,
}

/// Everything found on one host.
#[derive(Debug, Clone, Serialize)]
pub struct HostReport {
    /// The host.
    pub target: Target,
    /// Whether anything answered.
    pub status: HostStatus,
    /// Open ports, ascending.
    pub open: Vec<PortResult>,
    /// Ports that answered with a reset, ascending.
    pub closed: Vec<u16>,
    /// Ports that never answered (or answered with ICMP unreachable), ascending.
    pub filtered: Vec<u16>,
    /// Why ports were filtered, with counts (`no-response`, `host-unreach`, …).
    pub filtered_reasons: BTreeMap<&'static str, u32>,
    /// Ports whose attempt failed locally with an unexpected error, with the error.
    pub errors: Vec<(u16, String)>,
    /// The smoothed round-trip time, in microseconds, when measured.
    pub srtt_us: Option<u64>,
    /// UDP probe results, when asked for.
    pub udp: Vec<UdpResult>,
    /// Set when the host answered (almost) every port: `open` then holds only a sample.
    pub proxied: Option<Proxied>,
    /// Ports not scanned because the scan was interrupted, ascending.
    pub unscanned: Vec<u16>,
}

/// How the scan went.
#[derive(Debug, Clone, Serialize)]
pub struct ScanStats {
    /// Unix time the scan started.
    pub started_unix: u64,
    /// Wall time in milliseconds.
    pub elapsed_ms: u64,
    /// Port-scan phase alone, in milliseconds.
    pub portscan_ms: u64,
    /// Connection attempts made (retries included).
    pub attempts: u64,
    /// Of which retries.
    pub retries: u64,
    /// Times the scanner hit a resource limit (EMFILE, EADDRNOTAVAIL, …) and backed off.
    /// Those attempts were repeated, never counted as closed.
    pub resource_backoffs: u64,
    /// The most attempts in flight at once.
    pub peak_in_flight: usize,
    /// The descriptor budget used.
    pub fd_budget: FdBudget,
    /// The timing preset.
    pub timing: Timing,
    /// The seed of the probe order.
    pub seed: u64,
    /// Identification phase alone, in milliseconds.
    pub identify_ms: u64,
    /// Ports whose state came from the file given to `--resume`.
    pub resumed_ports: u64,
}

/// A whole scan.
#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    /// Ports asked for, in nmap's compact form.
    pub ports_spec: String,
    /// How many ports per host.
    pub ports_per_host: usize,
    /// One report per host, in target order.
    pub hosts: Vec<HostReport>,
    /// Statistics.
    pub stats: ScanStats,
    /// The scan was interrupted (Ctrl-C): `unscanned` ports and unidentified services
    /// remain.
    pub interrupted: bool,
}
