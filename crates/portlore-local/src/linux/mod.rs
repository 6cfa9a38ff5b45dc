//! The Linux back-end: netlink `sock_diag` (or /proc/net), then /proc for owners.

mod diag;
mod procnet;
mod procs;

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;

use crate::Platform;
use crate::error::LocalError;
use crate::model::{Coverage, Family, Inventory, Owner, Proto, Request, Socket, SocketState};

/// A socket as a back-end reads it, before owners are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawSocket {
    pub proto: Proto,
    pub family: Family,
    pub local: SocketAddr,
    pub remote: Option<SocketAddr>,
    pub state: u8,
    pub inode: u64,
    pub uid: Option<u32>,
    pub interface: u32,
    pub v6only: Option<bool>,
}

/// Where the sockets come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// netlink `sock_diag`, falling back to /proc/net when it fails.
    #[default]
    Netlink,
    /// /proc/net only (what the fallback uses; no V6ONLY information).
    Procfs,
}

/// The Linux back-end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Linux {
    /// Where sockets are read from.
    pub source: Source,
}

impl Linux {
    /// The back-end named by `PORTLORE_LOCAL_BACKEND` (`procfs` forces the fallback; a
    /// knob for tests and for sandboxes that refuse netlink).
    pub fn from_env() -> Linux {
        let source = match std::env::var("PORTLORE_LOCAL_BACKEND").as_deref() {
            Ok("procfs") => Source::Procfs,
            _ => Source::Netlink,
        };
        Linux { source }
    }

    fn read(
        &self,
        request: &Request,
    ) -> Result<(Vec<RawSocket>, &'static str, Option<String>), LocalError> {
        match self.source {
            Source::Procfs => procnet::dump(request)
                .map(|s| (s, "linux-procfs", None))
                .map_err(|source| LocalError::Backend {
                    what: "reading /proc/net".into(),
                    source,
                }),
            Source::Netlink => match diag::dump(request) {
                Ok(s) => Ok((s, "linux-netlink", None)),
                Err(netlink) => match procnet::dump(request) {
                    Ok(s) => Ok((
                        s,
                        "linux-procfs",
                        Some(format!("netlink sock_diag failed: {netlink}")),
                    )),
                    Err(source) => Err(LocalError::NoSource {
                        netlink: netlink.to_string(),
                        source,
                    }),
                },
            },
        }
    }
}

impl Platform for Linux {
    fn name(&self) -> &'static str {
        match self.source {
            Source::Netlink => "linux-netlink",
            Source::Procfs => "linux-procfs",
        }
    }

    fn inventory(&self, request: &Request) -> Result<Inventory, LocalError> {
        let (raw, backend, fallback_reason) = self.read(request)?;
        let mut raw = dedupe(raw);
        let our_netns = readlink("/proc/self/ns/net");
        let host_netns = readlink("/proc/1/ns/net");
        let privileged = rustix::process::geteuid().is_root();
        let wanted: HashSet<u64> = raw.iter().map(|s| s.inode).filter(|i| *i != 0).collect();
        let owners = if request.skip_owners || wanted.is_empty() {
            procs::Owners::default()
        } else {
            procs::owners(&wanted, our_netns.as_deref().map(str::as_bytes)).map_err(|source| {
                LocalError::Backend {
                    what: "reading /proc".into(),
                    source,
                }
            })?
        };
        // A socket nobody holds may simply have closed during the walk: a second, cheap
        // look drops those instead of reporting a socket that no longer exists.
        let unresolved = raw
            .iter()
            .any(|s| s.inode != 0 && !owners.by_inode.contains_key(&s.inode));
        if unresolved
            && !request.skip_owners
            && owners.hidden == 0
            && let Ok((again, _, _)) = self.read(request)
        {
            let still: HashSet<u64> = again.iter().map(|s| s.inode).collect();
            raw.retain(|s| {
                s.inode == 0 || owners.by_inode.contains_key(&s.inode) || still.contains(&s.inode)
            });
        }
        let interfaces = if raw.iter().any(|s| s.interface != 0) {
            interface_names()
        } else {
            HashMap::new()
        };
        let mut users = crate::linux::UserNames::default();
        let mut processes = owners.processes;
        for process in processes.values_mut() {
            process.user = process.uid.and_then(|u| users.name(u));
        }
        let sockets = raw
            .into_iter()
            .map(|r| {
                let owner = if request.skip_owners {
                    Owner::Unknown
                } else if let Some(pids) = owners.by_inode.get(&r.inode).filter(|_| r.inode != 0) {
                    Owner::Processes { pids: pids.clone() }
                } else if owners.hidden > 0 && r.inode != 0 {
                    Owner::Hidden {
                        run_as_root: !privileged,
                    }
                } else {
                    Owner::Unknown
                };
                Socket {
                    proto: r.proto,
                    family: r.family,
                    local: r.local,
                    remote: r.remote,
                    state: SocketState::from_kernel(r.state, r.proto),
                    inode: r.inode,
                    uid: r.uid,
                    user: r.uid.and_then(|u| users.name(u)),
                    interface: (r.interface != 0).then_some(r.interface),
                    interface_name: interfaces.get(&r.interface).cloned(),
                    v6only: r.v6only,
                    owner,
                }
            })
            .collect();
        Ok(Inventory {
            sockets,
            processes,
            coverage: Coverage {
                backend: backend.into(),
                host_namespace: match (&our_netns, &host_netns) {
                    (Some(a), Some(b)) => Some(a == b),
                    _ => None,
                },
                net_namespace: our_netns,
                hidden_processes: owners.hidden,
                other_namespace_processes: owners.other_netns,
                privileged,
                fallback_reason,
            },
        })
    }
}

/// A netlink dump that races with sockets opening and closing may repeat an entry;
/// every socket is listed once.
fn dedupe(raw: Vec<RawSocket>) -> Vec<RawSocket> {
    let mut seen_inodes = HashSet::with_capacity(raw.len());
    let mut seen_tuples = HashSet::new();
    raw.into_iter()
        .filter(|s| {
            if s.inode != 0 {
                seen_inodes.insert((s.proto, s.inode))
            } else {
                seen_tuples.insert((s.proto, s.local, s.remote, s.state))
            }
        })
        .collect()
}

fn readlink(path: &str) -> Option<String> {
    std::fs::read_link(path)
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}

/// Interface index → name, from /sys/class/net.
fn interface_names() -> HashMap<u32, String> {
    let mut names = HashMap::new();
    let Ok(entries) = std::fs::read_dir("/sys/class/net") else {
        return names;
    };
    for entry in entries.flatten() {
        let index = std::fs::read_to_string(entry.path().join("ifindex"))
            .ok()
            .and_then(|t| t.trim().parse().ok());
        if let Some(index) = index {
            names.insert(index, entry.file_name().to_string_lossy().into_owned());
        }
    }
    names
}

/// uid → user name, asked of the system once per uid.
#[derive(Debug, Default)]
pub(crate) struct UserNames {
    cache: HashMap<u32, Option<String>>,
}

impl UserNames {
    /// The user name, when the system knows the uid.
    pub(crate) fn name(&mut self, uid: u32) -> Option<String> {
        self.cache
            .entry(uid)
            .or_insert_with(|| {
                uzers::get_user_by_uid(uid).map(|u| u.name().to_string_lossy().into_owned())
            })
            .clone()
    }
}

/// The user name of a uid (for sockets whose owner is hidden).
pub fn user_name(uid: u32) -> Option<String> {
    UserNames::default().name(uid)
}
