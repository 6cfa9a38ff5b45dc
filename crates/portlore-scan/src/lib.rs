//! portlore's TCP connect scanner: target and port parsing, an asynchronous engine with
//! adaptive concurrency bounded by the open-file limit, RTT-adaptive timeouts, service
//! identification by banner and small probes, and an nmap-compatible XML writer.
//!
//! The library returns data and reports progress through an [`Observer`]; it never prints.
//! Scan only what you may scan.

#![deny(missing_docs)]

pub mod compare;
mod engine;
mod error;
pub mod escape;
mod limits;
mod ports;
mod rate;
mod report;
mod rng;
mod rtt;
pub mod service;
mod target;
mod timing;
pub mod top;
pub mod udp;
pub mod xml;

pub use engine::{
    Event, Observer, PROXIED_MIN_OPEN, PROXIED_PERCENT, PriorHost, Resume, ScanConfig, scan,
};
pub use error::{PortSpecError, ScanError, TargetError};
pub use limits::{FdBudget, fd_budget};
pub use ports::{PortSpec, parse_ports};
pub use report::{
    HostReport, HostStatus, PortResult, PortState, Proxied, ScanReport, ScanStats, UdpResult,
};
pub use rng::SplitMix64;
pub use rtt::RttEstimator;
pub use target::{DEFAULT_MAX_HOSTS, Target, TargetSpec, parse_target, resolve_targets};
pub use timing::{Timing, TimingParams};
