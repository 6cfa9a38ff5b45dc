//! Should I worry: one judgement per socket from plain facts, and an order that puts the
//! rows deserving a look first.
//!
//! The facts come from the caller (the IANA service names, curated threat and exposure
//! hints), so this module knows nothing of how the knowledge base stores them.

use serde::Serialize;

use crate::expect::{Match, match_process};
use crate::model::{Owner, Process, Scope, Socket};

use portlore_judge::role_phrase;
pub use portlore_judge::{Code, ExposureHint, Facts, Level, Reason, ThreatHint};

/// The judgement of one socket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    /// The highest weight among the reasons.
    pub level: Level,
    /// What the daemon table says about the owner.
    #[serde(rename = "match")]
    pub matched: Match,
    /// Every reason, heaviest first.
    pub reasons: Vec<Reason>,
}

impl Judgement {
    /// The one-line reason: the heaviest.
    pub fn headline(&self) -> &str {
        self.reasons.first().map(|r| r.text.as_str()).unwrap_or("")
    }
}

/// First port of the dynamic range (RFC 6335).
pub const DYNAMIC_START: u16 = 49152;

/// Judges a socket from its owners and the facts about its port. `owners` are the
/// processes holding it (empty when hidden or unknown).
pub fn judge(socket: &Socket, owners: &[&Process], facts: &Facts) -> Judgement {
    let mut reasons = Vec::new();
    let port = socket.local.port();
    let listening = socket.state.is_listening();
    let service_text = if facts.services.is_empty() {
        format!("port {port}/{}", socket.proto)
    } else {
        format!("{} ({port}/{})", facts.services[0], socket.proto)
    };

    let matched = if !listening {
        Match::NoOpinion {
            why: "not a listener".into(),
        }
    } else {
        // Every holder must pass: a forked child holding a listener keeps its parent's name.
        let mut verdicts: Vec<Match> = owners
            .iter()
            .map(|p| match_process(port, &facts.services, Some(p)))
            .collect();
        verdicts.sort_by_key(|m| match m {
            Match::Unexpected { .. } => 0,
            Match::Forwarder { .. } => 1,
            Match::Expected { .. } => 2,
            Match::NoOpinion { .. } => 3,
        });
        verdicts
            .into_iter()
            .next()
            .unwrap_or_else(|| match_process(port, &facts.services, None))
    };
    let who = owners
        .first()
        .map(|p| format!("{} (pid {})", p.name, p.pid))
        .unwrap_or_default();
    match &matched {
        Match::Unexpected {
            software, expected, ..
        } => reasons.push(Reason {
            level: Level::Look,
            code: Code::UnexpectedProcess,
            text: format!(
                "{service_text} is normally {software} ({}), but {who} holds it",
                expected.join(", ")
            ),
        }),
        Match::Expected {
            software, service, ..
        } => reasons.push(Reason {
            level: Level::Fine,
            code: Code::ExpectedProcess,
            text: if facts.services.contains(service) {
                format!("{who} is {software}, as expected for {service_text}")
            } else {
                format!(
                    "{who} is {software}, as expected on its default port {port}/{} (not an IANA assignment)",
                    socket.proto
                )
            },
        }),
        Match::Forwarder { program, what } => reasons.push(Reason {
            level: Level::Note,
            code: Code::Forwarder,
            text: format!(
                "{program} listens for something else ({what}); check what it forwards to"
            ),
        }),
        Match::NoOpinion { .. } => {}
    }

    if listening {
        match &socket.owner {
            Owner::Hidden { run_as_root } => {
                let whose = match (&socket.user, socket.uid) {
                    (Some(user), _) => format!(" (socket of user {user})"),
                    (None, Some(uid)) => format!(" (socket of uid {uid})"),
                    _ => String::new(),
                };
                let advice = if *run_as_root {
                    "run as root to see it"
                } else {
                    "the kernel hides its process even from root"
                };
                reasons.push(Reason {
                    level: Level::Note,
                    code: Code::OwnerHidden,
                    text: format!("owner hidden{whose}: {advice}"),
                });
            }
            Owner::Unknown => reasons.push(Reason {
                level: Level::Note,
                code: Code::OwnerUnknown,
                text: "no process in this PID namespace holds it (the kernel, or a container)"
                    .into(),
            }),
            Owner::Processes { .. } => {}
        }

        let exposed = socket.scope() != Scope::Loopback;
        match socket.scope() {
            Scope::AllInterfaces => reasons.push(Reason {
                level: Level::Note,
                code: Code::AllInterfaces,
                text: if socket.dual_stack() {
                    "listens on every interface, IPv4 and IPv6 (dual-stack)".into()
                } else {
                    "listens on every interface".into()
                },
            }),
            Scope::Interface => reasons.push(Reason {
                level: Level::Note,
                code: Code::OneInterface,
                text: format!(
                    "listens on {}, reachable beyond this machine",
                    socket.local.ip()
                ),
            }),
            Scope::Loopback => {}
        }
        for hint in &facts.exposure {
            if exposed {
                reasons.push(Reason {
                    level: Level::Look,
                    code: Code::ExposureRisk,
                    text: format!(
                        "{} should not face the internet ({} risk) and this socket is not loopback-only",
                        hint.service, hint.severity
                    ),
                });
            }
        }
        if port >= DYNAMIC_START {
            reasons.push(Reason {
                level: Level::Note,
                code: Code::DynamicPort,
                text: "listens on a dynamic port (49152-65535), usually temporary or assigned at run time".into(),
            });
        }
    }

    for threat in &facts.threats {
        let (a, b) = threat.ports;
        let place = if a == b {
            format!("port {a}")
        } else {
            format!("range {a}-{b}")
        };
        let level = if matches!(matched, Match::Unexpected { .. })
            || (matches!(matched, Match::NoOpinion { .. }) && listening)
        {
            Level::Note
        } else {
            Level::Fine
        };
        reasons.push(Reason {
            level,
            code: Code::ThreatHistory,
            text: format!(
                "history: {} ({}) used {place} {}",
                threat.name,
                threat.year,
                role_phrase(&threat.role)
            ),
        });
    }

    if listening
        && facts.registry
        && facts.services.is_empty()
        && !matches!(matched, Match::Expected { .. })
    {
        reasons.push(Reason {
            level: Level::Fine,
            code: Code::Unassigned,
            text: format!("no IANA assignment for {port}/{}", socket.proto),
        });
    }
    if reasons.is_empty() && socket.scope() == Scope::Loopback && listening {
        reasons.push(Reason {
            level: Level::Fine,
            code: Code::Loopback,
            text: "loopback only".into(),
        });
    }
    // Stable: equal weights keep the order they were written in.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.level));
    Judgement {
        level: reasons.first().map(|r| r.level).unwrap_or(Level::Fine),
        matched,
        reasons,
    }
}

/// The order rows are shown in: heaviest judgement first, then the widest exposure,
/// then listeners before connections, then transport, port and pid.
pub fn sort_key(socket: &Socket, judgement: &Judgement) -> impl Ord + use<> {
    (
        std::cmp::Reverse(judgement.level),
        std::cmp::Reverse(socket.scope()),
        !socket.state.is_listening(),
        socket.proto,
        socket.local.port(),
        socket.local.ip(),
        socket.pids().first().copied(),
        socket.remote,
    )
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Sockets listed.
    pub sockets: usize,
    /// Of them, deserving a look.
    pub look: usize,
    /// Of them, worth knowing about.
    pub note: usize,
    /// Listening on something other than loopback.
    pub exposed: usize,
}

/// Summarises judged sockets.
pub fn summarise<'a>(rows: impl IntoIterator<Item = (&'a Socket, &'a Judgement)>) -> Summary {
    let mut s = Summary::default();
    for (socket, judgement) in rows {
        s.sockets += 1;
        match judgement.level {
            Level::Look => s.look += 1,
            Level::Note => s.note += 1,
            Level::Fine => {}
        }
        if socket.state.is_listening() && socket.scope() != Scope::Loopback {
            s.exposed += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Family, Proto, SocketState};

    fn socket(addr: &str, state: SocketState, owner: Owner) -> Socket {
        let local: std::net::SocketAddr = addr.parse().unwrap();
        Socket {
            proto: Proto::Tcp,
            family: if local.is_ipv4() {
                Family::Ipv4
            } else {
                Family::Ipv6
            },
            local,
            remote: None,
            state,
            inode: 1,
            uid: Some(0),
            user: Some("root".into()),
            interface: None,
            interface_name: None,
            v6only: local.is_ipv6().then_some(false),
            owner,
        }
    }

    fn process(name: &str) -> Process {
        Process {
            pid: 42,
            name: name.into(),
            cmdline: vec![name.into()],
            uid: Some(0),
            user: Some("root".into()),
        }
    }

    fn facts(services: &[&str]) -> Facts {
        Facts {
            services: services.iter().map(|s| s.to_string()).collect(),
            registry: true,
            ..Facts::default()
        }
    }

    #[test]
    fn nc_on_3147_deserves_a_look_postgres_on_5432_does_not() {
        let owner = Owner::Processes { pids: vec![42] };
        let mut f = facts(&["rfio"]);
        f.threats.push(ThreatHint {
            name: "MyDoom".into(),
            year: 2004,
            role: "listening-backdoor".into(),
            ports: (3127, 3198),
        });
        let nc = judge(
            &socket("127.0.0.1:3147", SocketState::Listen, owner.clone()),
            &[&process("nc")],
            &f,
        );
        assert_eq!(nc.level, Level::Look);
        assert!(nc.headline().contains("rfiod"), "{}", nc.headline());
        assert!(
            nc.reasons
                .iter()
                .any(|r| r.code == Code::ThreatHistory && r.text.contains("MyDoom (2004)"))
        );

        let pg = judge(
            &socket("127.0.0.1:5432", SocketState::Listen, owner),
            &[&process("postgres")],
            &facts(&["postgresql"]),
        );
        assert_eq!(pg.level, Level::Fine);
        assert!(matches!(pg.matched, Match::Expected { .. }));
    }

    #[test]
    fn exposure_and_dual_stack_are_reasons() {
        let owner = Owner::Processes { pids: vec![42] };
        let mut f = facts(&["redis"]);
        f.exposure.push(ExposureHint {
            service: "Redis".into(),
            severity: "critical".into(),
        });
        let j = judge(
            &socket("[::]:6379", SocketState::Listen, owner),
            &[&process("redis-server")],
            &f,
        );
        assert_eq!(j.level, Level::Look);
        assert!(j.reasons.iter().any(|r| r.text.contains("dual-stack")));
    }

    #[test]
    fn hidden_and_unknown_owners_are_said_plainly() {
        let j = judge(
            &socket(
                "127.0.0.1:5432",
                SocketState::Listen,
                Owner::Hidden { run_as_root: true },
            ),
            &[],
            &facts(&["postgresql"]),
        );
        assert!(j.headline().contains("run as root"), "{}", j.headline());
        assert!(matches!(j.matched, Match::NoOpinion { .. }));
        let j = judge(
            &socket("0.0.0.0:2024", SocketState::Listen, Owner::Unknown),
            &[],
            &facts(&[]),
        );
        assert!(j.reasons.iter().any(|r| r.code == Code::OwnerUnknown));
    }

    #[test]
    fn sorting_puts_looks_first() {
        let owner = Owner::Processes { pids: vec![42] };
        let a = socket("127.0.0.1:5432", SocketState::Listen, owner.clone());
        let b = socket("127.0.0.1:3147", SocketState::Listen, owner);
        let ja = judge(&a, &[&process("postgres")], &facts(&["postgresql"]));
        let jb = judge(&b, &[&process("nc")], &facts(&["rfio"]));
        assert!(sort_key(&b, &jb) < sort_key(&a, &ja));
        let s = summarise([(&a, &ja), (&b, &jb)]);
        assert_eq!((s.sockets, s.look, s.exposed), (2, 1, 0));
    }
}
