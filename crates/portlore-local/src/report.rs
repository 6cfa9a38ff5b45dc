//! An inventory, judged, filtered and sorted: what `portlore local` shows.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::judge::{Facts, Judgement, Summary, judge, sort_key, summarise};
use crate::model::{Coverage, Inventory, Process, Proto, Scope, Socket};

/// Which rows to keep, after judging.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A process name (case-insensitive substring of its name or argv\[0\]) or a pid.
    pub process: Option<String>,
    /// A user name or uid (the process's user, or the socket's when the owner is hidden).
    pub user: Option<String>,
}

/// One socket with its owners and judgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The socket.
    pub socket: Socket,
    /// Who can reach it.
    pub scope: Scope,
    /// Flags worth showing: `dual-stack`, `v6only`, `ipv4-mapped`, `bound-to-device`.
    pub flags: Vec<&'static str>,
    /// The processes holding it.
    pub processes: Vec<Process>,
    /// The port the facts are about: the local port for listeners and accepted
    /// connections, the remote port for outgoing ones.
    pub judged_port: u16,
    /// IANA service names on that port and transport.
    pub services: Vec<String>,
    /// The judgement.
    pub judgement: Judgement,
}

/// The judged inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// What the pass could see.
    pub coverage: Coverage,
    /// Counts.
    pub summary: Summary,
    /// Rows, those deserving a look first.
    pub rows: Vec<Row>,
}

/// Judges, filters and sorts an inventory. `facts` is asked once per (port, transport).
pub fn build(
    inventory: Inventory,
    filter: &Filter,
    mut facts: impl FnMut(u16, Proto) -> Facts,
) -> Report {
    let listening: HashSet<(Proto, u16)> = inventory
        .sockets
        .iter()
        .filter(|s| s.state.is_listening())
        .map(|s| (s.proto, s.local.port()))
        .collect();
    let mut cache: HashMap<(u16, Proto), Facts> = HashMap::new();
    let mut rows = Vec::with_capacity(inventory.sockets.len());
    for socket in &inventory.sockets {
        let processes: Vec<&Process> = inventory.owners(socket).collect();
        if !keep(filter, socket, &processes) {
            continue;
        }
        let judged_port = match socket.remote {
            Some(remote) if !listening.contains(&(socket.proto, socket.local.port())) => {
                remote.port()
            }
            _ => socket.local.port(),
        };
        let f = cache
            .entry((judged_port, socket.proto))
            .or_insert_with(|| facts(judged_port, socket.proto));
        let judgement = judge(socket, &processes, f);
        rows.push(Row {
            scope: socket.scope(),
            flags: flags(socket),
            processes: processes.into_iter().cloned().collect(),
            judged_port,
            services: f.services.clone(),
            judgement,
            socket: socket.clone(),
        });
    }
    rows.sort_by_cached_key(|r| sort_key(&r.socket, &r.judgement));
    Report {
        summary: summarise(rows.iter().map(|r| (&r.socket, &r.judgement))),
        coverage: inventory.coverage,
        rows,
    }
}

fn flags(socket: &Socket) -> Vec<&'static str> {
    let mut flags = Vec::new();
    if socket.dual_stack() {
        flags.push("dual-stack");
    }
    if socket.v6only == Some(true) {
        flags.push("v6only");
    }
    if socket.ipv4_mapped() {
        flags.push("ipv4-mapped");
    }
    if socket.interface.is_some() {
        flags.push("bound-to-device");
    }
    flags
}

fn keep(filter: &Filter, socket: &Socket, processes: &[&Process]) -> bool {
    if let Some(wanted) = &filter.process {
        let wanted = wanted.to_lowercase();
        let hit = processes.iter().any(|p| {
            p.pid.to_string() == wanted
                || crate::expect::process_names(p)
                    .iter()
                    .any(|n| n.to_lowercase().contains(&wanted))
        });
        if !hit {
            return false;
        }
    }
    if let Some(wanted) = &filter.user {
        let is = |name: &Option<String>, uid: Option<u32>| {
            name.as_deref() == Some(wanted.as_str())
                || uid.is_some_and(|u| u.to_string() == *wanted)
        };
        let hit = if processes.is_empty() {
            is(&socket.user, socket.uid)
        } else {
            processes.iter().any(|p| is(&p.user, p.uid))
        };
        if !hit {
            return false;
        }
    }
    true
}
