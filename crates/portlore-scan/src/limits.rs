//! The open-file budget: how many sockets the scanner may hold at once.
//!
//! The soft `RLIMIT_NOFILE` is raised towards the hard limit where the kernel allows it,
//! never beyond. The budget is what remains after the descriptors already open and a
//! reserve for the runtime, the output files and service identification.

use serde::Serialize;

/// Descriptors kept free for everything that is not a scan socket.
pub const RESERVE: u64 = 32;

/// What the scanner may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FdBudget {
    /// The soft limit before any change.
    pub soft_before: u64,
    /// The soft limit now.
    pub soft: u64,
    /// The hard limit.
    pub hard: u64,
    /// Descriptors open when measured.
    pub in_use: u64,
    /// Sockets the scanner may hold at once (0 when nothing is left).
    pub sockets: usize,
}

/// Reads the limit, raises the soft limit to the hard one when `raise` is set, and
/// returns the budget for sockets.
pub fn fd_budget(raise: bool) -> FdBudget {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let lim = getrlimit(Resource::Nofile);
    let soft_before = lim.current.unwrap_or(u64::MAX);
    let hard = lim.maximum.unwrap_or(u64::MAX);
    let mut soft = soft_before;
    if raise && soft < hard {
        let mut want = lim;
        want.current = lim.maximum;
        if setrlimit(Resource::Nofile, want).is_ok() {
            soft = hard;
        }
    }
    let in_use = open_descriptors();
    let sockets = soft
        .saturating_sub(in_use)
        .saturating_sub(RESERVE.min(soft / 4))
        .min(1 << 20) as usize;
    FdBudget {
        soft_before,
        soft,
        hard,
        in_use,
        sockets,
    }
}

/// Descriptors open in this process: /proc/self/fd on Linux, else a guess of 16.
fn open_descriptors() -> u64 {
    std::fs::read_dir("/proc/self/fd")
        .map(|d| d.count() as u64)
        .unwrap_or(16)
}

#[cfg(test)]
mod tests {
    #[test]
    fn budget_is_below_the_limit() {
        let b = super::fd_budget(false);
        assert!(b.in_use > 0);
        assert!((b.sockets as u64) + b.in_use <= b.soft);
    }
}
