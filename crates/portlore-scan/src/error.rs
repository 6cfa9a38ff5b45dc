//! Typed errors. Running out of descriptors is an error, never a closed port.

use std::io;

/// A target that cannot be scanned.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// Empty or malformed target text.
    #[error("invalid target {0:?}: expected an IPv4/IPv6 address, a hostname or a CIDR block")]
    Invalid(String),
    /// A CIDR prefix out of range.
    #[error("invalid prefix length in {0:?}")]
    Prefix(String),
    /// The targets expand to more hosts than allowed.
    #[error(
        "the targets cover {count} hosts, more than --max-hosts {max}; raise --max-hosts to scan them"
    )]
    TooManyHosts {
        /// Hosts the targets cover.
        count: u128,
        /// The cap.
        max: usize,
    },
    /// Name resolution failed.
    #[error("cannot resolve {name:?}")]
    Resolve {
        /// The hostname.
        name: String,
        /// The resolver's error.
        #[source]
        source: io::Error,
    },
    /// Name resolved to nothing.
    #[error("{0:?} resolved to no address")]
    NoAddress(String),
}

/// A port specification that cannot be parsed.
#[derive(Debug, thiserror::Error)]
pub enum PortSpecError {
    /// Not a number, a range or `-`.
    #[error("invalid port {0:?}: expected N, N-M, or - for all ports (1-65535)")]
    Invalid(String),
    /// A range whose start is above its end.
    #[error("invalid port range {0:?}: start is above end")]
    Reversed(String),
    /// Port 0 or above 65535.
    #[error("port {0:?} is out of range 1-65535")]
    OutOfRange(String),
    /// Nothing to scan.
    #[error("empty port specification")]
    Empty,
    /// `--top 0` or more than there are ports.
    #[error("--top must be between 1 and 65535")]
    Top,
}

/// A scan that could not run or finish.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The open-file limit leaves no room for sockets.
    #[error(
        "the open-file limit ({soft}) leaves no descriptors for sockets ({in_use} in use); raise `ulimit -n`"
    )]
    NoDescriptors {
        /// The soft limit.
        soft: u64,
        /// Descriptors already open.
        in_use: u64,
    },
    /// Descriptors ran out and the scan could not continue with even one socket.
    #[error("ran out of file descriptors even with one socket in flight")]
    DescriptorsExhausted(#[source] io::Error),
    /// The tokio runtime failed.
    #[error("runtime error")]
    Runtime(#[source] io::Error),
}
