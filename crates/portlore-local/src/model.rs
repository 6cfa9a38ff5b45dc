//! What an inventory pass returns: sockets, the processes that own them, and what the
//! pass could and could not see.

use std::collections::BTreeMap;
use std::fmt;
use std::net::{IpAddr, SocketAddr};

use serde::Serialize;

/// The transport of a socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Proto {
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
}

impl fmt::Display for Proto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Proto::Tcp => "tcp",
            Proto::Udp => "udp",
        })
    }
}

impl std::str::FromStr for Proto {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "tcp" => Ok(Proto::Tcp),
            "udp" => Ok(Proto::Udp),
            _ => Err(format!("unknown protocol {s:?} (expected tcp or udp)")),
        }
    }
}

/// A socket's state, in the kernel's TCP terms (UDP uses `Established` when connected
/// and `Unconnected` when only bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SocketState {
    /// Accepting connections (TCP).
    Listen,
    /// Bound and waiting for datagrams from anyone (UDP); what `ss -l` shows for UDP.
    Unconnected,
    /// Connected.
    Established,
    /// Connecting.
    SynSent,
    /// Half-open, answering a connection.
    SynRecv,
    /// Closing (FIN_WAIT1).
    FinWait1,
    /// Closing (FIN_WAIT2).
    FinWait2,
    /// Closed, lingering so late packets are not misread.
    TimeWait,
    /// The peer closed; this side has not yet.
    CloseWait,
    /// Closing (LAST_ACK).
    LastAck,
    /// Both sides closing.
    Closing,
    /// A TCP socket that is neither listening nor connected.
    Closed,
    /// Anything else the kernel reports.
    Other,
}

impl SocketState {
    /// From the kernel's state number and the transport.
    pub fn from_kernel(state: u8, proto: Proto) -> SocketState {
        match state {
            1 => SocketState::Established,
            2 => SocketState::SynSent,
            3 => SocketState::SynRecv,
            4 => SocketState::FinWait1,
            5 => SocketState::FinWait2,
            6 => SocketState::TimeWait,
            7 if proto == Proto::Udp => SocketState::Unconnected,
            7 => SocketState::Closed,
            8 => SocketState::CloseWait,
            9 => SocketState::LastAck,
            10 => SocketState::Listen,
            11 => SocketState::Closing,
            12 => SocketState::SynRecv, // TCP_NEW_SYN_RECV, shown as SYN-RECV like ss
            _ => SocketState::Other,
        }
    }

    /// Whether this is what "listening" means for the socket's transport.
    pub fn is_listening(self) -> bool {
        matches!(self, SocketState::Listen | SocketState::Unconnected)
    }

    /// Short upper-case label, as `ss` prints it.
    pub fn label(self) -> &'static str {
        match self {
            SocketState::Listen => "LISTEN",
            SocketState::Unconnected => "UNCONN",
            SocketState::Established => "ESTAB",
            SocketState::SynSent => "SYN-SENT",
            SocketState::SynRecv => "SYN-RECV",
            SocketState::FinWait1 => "FIN-WAIT-1",
            SocketState::FinWait2 => "FIN-WAIT-2",
            SocketState::TimeWait => "TIME-WAIT",
            SocketState::CloseWait => "CLOSE-WAIT",
            SocketState::LastAck => "LAST-ACK",
            SocketState::Closing => "CLOSING",
            SocketState::Closed => "CLOSE",
            SocketState::Other => "OTHER",
        }
    }
}

/// Who a local address can be reached from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// 127.0.0.0/8, ::1 or an IPv4-mapped loopback address: this machine only.
    Loopback,
    /// One address that is not loopback (a LAN, link-local or public address).
    Interface,
    /// The wildcard address: every interface.
    AllInterfaces,
}

/// Which IP family a socket belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// AF_INET.
    Ipv4,
    /// AF_INET6.
    Ipv6,
}

/// One socket, exactly once, with whoever holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Socket {
    /// TCP or UDP.
    pub proto: Proto,
    /// The socket's family (an IPv6 socket may carry IPv4-mapped addresses).
    pub family: Family,
    /// Local address and port.
    pub local: SocketAddr,
    /// Remote address and port, when connected.
    pub remote: Option<SocketAddr>,
    /// State.
    pub state: SocketState,
    /// The kernel's socket inode (0 for TIME-WAIT and half-open entries, which no file
    /// descriptor holds).
    pub inode: u64,
    /// The socket's owning uid as the kernel records it (the creator's effective uid).
    pub uid: Option<u32>,
    /// The user name of `uid`, when the system knows it.
    pub user: Option<String>,
    /// The interface the socket is bound to (SO_BINDTODEVICE), by index, if any.
    pub interface: Option<u32>,
    /// The interface's name, when it could be read.
    pub interface_name: Option<String>,
    /// For IPv6 sockets: whether IPV6_V6ONLY is set. `None` when the back-end cannot
    /// tell (the /proc/net fallback) or for IPv4 sockets.
    pub v6only: Option<bool>,
    /// Who holds it.
    pub owner: Owner,
}

impl Socket {
    /// Who can reach the local address.
    pub fn scope(&self) -> Scope {
        scope_of(self.local.ip())
    }

    /// A wildcard IPv6 socket that also accepts IPv4 (V6ONLY off).
    pub fn dual_stack(&self) -> bool {
        self.family == Family::Ipv6
            && self.local.ip().is_unspecified()
            && self.v6only == Some(false)
    }

    /// The local address is an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`).
    pub fn ipv4_mapped(&self) -> bool {
        matches!(self.local.ip(), IpAddr::V6(v6) if v6.to_ipv4_mapped().is_some())
    }

    /// The pids holding the socket, lowest first.
    pub fn pids(&self) -> &[u32] {
        match &self.owner {
            Owner::Processes { pids } => pids,
            _ => &[],
        }
    }
}

/// Who a local address can be reached from.
pub fn scope_of(ip: IpAddr) -> Scope {
    let ip = match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    };
    if ip.is_loopback() {
        Scope::Loopback
    } else if ip.is_unspecified() {
        Scope::AllInterfaces
    } else {
        Scope::Interface
    }
}

/// Who holds a socket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Owner {
    /// These processes hold a file descriptor to it (details in [`Inventory::processes`]).
    Processes {
        /// Pids, lowest first.
        pids: Vec<u32>,
    },
    /// Some processes could not be inspected and the owner may be one of them.
    Hidden {
        /// Whether running as root would show it (we are not root). When false, the
        /// kernel refused even root (ptrace restrictions, as for a sandbox's init).
        run_as_root: bool,
    },
    /// Every process was inspected and none holds it: the kernel itself, a process in
    /// another PID namespace (a container), or a socket in TIME-WAIT. Never guessed.
    Unknown,
}

/// A process that holds at least one socket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Process {
    /// Process id.
    pub pid: u32,
    /// The kernel's short name (`comm`, at most 15 bytes).
    pub name: String,
    /// The full command line (empty for kernel threads or when unreadable).
    pub cmdline: Vec<String>,
    /// The real uid.
    pub uid: Option<u32>,
    /// The user name for the uid, when the system knows it.
    pub user: Option<String>,
}

/// What one inventory pass could see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The platform back-end (`linux-netlink`, `linux-procfs`, …).
    pub backend: String,
    /// This process's network namespace (`net:[4026531840]`): only its sockets are listed.
    pub net_namespace: Option<String>,
    /// Whether that namespace is PID 1's; `None` when PID 1's could not be read.
    pub host_namespace: Option<bool>,
    /// Processes whose file descriptors could not be read (permission denied).
    pub hidden_processes: usize,
    /// Processes seen in other network namespaces (containers): their sockets are not
    /// in this list.
    pub other_namespace_processes: usize,
    /// Whether this pass ran with privilege to see every process.
    pub privileged: bool,
    /// Why the preferred back-end was not used, if it was not.
    pub fallback_reason: Option<String>,
}

/// The result of one inventory pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inventory {
    /// Every socket matching the request, each exactly once, in kernel order.
    pub sockets: Vec<Socket>,
    /// The processes named by the sockets' owners, by pid.
    pub processes: BTreeMap<u32, Process>,
    /// What the pass could see.
    pub coverage: Coverage,
}

impl Inventory {
    /// The processes holding a socket, lowest pid first.
    pub fn owners<'a>(&'a self, socket: &'a Socket) -> impl Iterator<Item = &'a Process> + 'a {
        socket.pids().iter().filter_map(|p| self.processes.get(p))
    }
}

/// What to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// Every state, not only listening sockets.
    pub all_states: bool,
    /// Only these transports (empty: all).
    pub protos: Vec<Proto>,
    /// Only sockets whose local port is in this inclusive range.
    pub ports: Option<(u16, u16)>,
    /// Skip mapping sockets to processes (cheaper, owners become `Unknown`).
    pub skip_owners: bool,
}

impl Request {
    /// Listening sockets of every transport.
    pub fn listening() -> Request {
        Request::default()
    }

    /// Whether the request covers this transport.
    pub fn wants(&self, proto: Proto) -> bool {
        self.protos.is_empty() || self.protos.contains(&proto)
    }

    /// Whether the request covers this local port.
    pub fn wants_port(&self, port: u16) -> bool {
        self.ports.is_none_or(|(a, b)| (a..=b).contains(&port))
    }
}
