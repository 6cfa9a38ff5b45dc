//! Typed errors of the inventory.

/// Why an inventory pass failed as a whole. Per-process trouble (a process exiting, a
/// permission denied) is never an error: it shows up in [`crate::Coverage`] and as
/// [`crate::Owner::Hidden`] instead.
#[derive(Debug, thiserror::Error)]
pub enum LocalError {
    /// Neither netlink nor /proc/net could be read.
    #[error("cannot list sockets: netlink failed ({netlink}) and /proc/net failed")]
    NoSource {
        /// The netlink failure.
        netlink: String,
        /// The /proc/net failure.
        #[source]
        source: std::io::Error,
    },
    /// The platform has no back-end.
    #[error("listing local sockets is not supported on this platform yet")]
    Unsupported,
    /// A back-end failed.
    #[error("{what}")]
    Backend {
        /// What was being done.
        what: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}
