//! What is listening on this machine, who owns it, and whether it belongs there.
//!
//! [`inventory`] lists sockets (listening ones by default) with their owning processes
//! through a [`Platform`] back-end: on Linux, netlink `sock_diag` the way `ss` reads them,
//! with /proc/net as a fallback, and socket inodes mapped to processes through /proc.
//! [`judge`] then annotates each socket from plain facts (its IANA service name, curated
//! threat and exposure hints) and an explainable table of expected daemons
//! ([`expect`]). The crate returns data and never prints.

#![deny(missing_docs)]

mod error;
pub mod expect;
pub mod judge;
mod model;
pub mod report;

#[cfg(target_os = "linux")]
pub mod linux;

pub use error::LocalError;
pub use model::{
    Coverage, Family, Inventory, Owner, Process, Proto, Request, Scope, Socket, SocketState,
    scope_of,
};

/// A source of socket inventories: one per operating system.
///
/// Implementations return every socket of the current network namespace that the
/// request asks for, each exactly once, and never fail because a single process
/// vanished or could not be read.
pub trait Platform {
    /// A short name for reports (`linux-netlink`).
    fn name(&self) -> &'static str;
    /// One inventory pass.
    fn inventory(&self, request: &Request) -> Result<Inventory, LocalError>;
}

/// The back-end for the running platform.
pub fn platform() -> Box<dyn Platform> {
    #[cfg(target_os = "linux")]
    {
        Box::new(linux::Linux::from_env())
    }
    #[cfg(not(target_os = "linux"))]
    {
        Box::new(Unsupported)
    }
}

/// One inventory pass with the platform's back-end.
pub fn inventory(request: &Request) -> Result<Inventory, LocalError> {
    platform().inventory(request)
}

/// The back-end of platforms not supported yet: always [`LocalError::Unsupported`].
#[derive(Debug, Default, Clone, Copy)]
pub struct Unsupported;

impl Platform for Unsupported {
    fn name(&self) -> &'static str {
        "unsupported"
    }
    fn inventory(&self, _request: &Request) -> Result<Inventory, LocalError> {
        Err(LocalError::Unsupported)
    }
}
