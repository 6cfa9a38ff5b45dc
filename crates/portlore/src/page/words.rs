//! The English words of the outline's enums and parts, for the terminal.

use portlore_kb::curated::{EphemeralSystem, NoteStatus, Severity, ThreatKind, ThreatRole};
use portlore_kb::page::{Badge, Certainty, IanaState, Relation, UsualSource, VerdictPart, Why};
use portlore_kb::{Outline, PortRange, RangeClass, Transport};

/// `TCP`, `TCP and UDP`, `TCP, UDP and SCTP`.
pub fn transports(ts: &[Transport]) -> String {
    let names: Vec<String> = ts.iter().map(|t| t.as_str().to_uppercase()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn ports(p: PortRange) -> String {
    if p.start == p.end {
        p.start.to_string()
    } else {
        format!("{}–{}", p.start, p.end)
    }
}

/// The headline: `Port 80 — http (World Wide Web HTTP), TCP, UDP and SCTP; also …`.
pub fn headline(o: &Outline) -> String {
    let h = &o.headline;
    let mut s = format!("Port {}", h.port);
    if let Some(t) = o.transport {
        s.push_str(&format!("/{t}"));
    }
    match (&h.usually, &h.service) {
        (Some(usual), Some(service)) => s.push_str(&format!(" — usually {usual}; IANA: {service}")),
        (Some(usual), None) => s.push_str(&format!(" — usually {usual}")),
        (None, Some(service)) => {
            s.push_str(&format!(" — {service}"));
            if let Some(d) = &h.description {
                s.push_str(&format!(" ({d})"));
            }
            if !h.transports.is_empty() && o.transport.is_none() {
                s.push_str(&format!(", {}", transports(&h.transports)));
            }
        }
        (None, None) => {}
    }
    if !h.also.is_empty() {
        s.push_str(&format!("; also {}", h.also.join(", ")));
    }
    s
}

/// The verdict, one sentence per part.
pub fn verdict(o: &Outline) -> String {
    let unregistered_usual = o.verdict.iter().any(|p| {
        matches!(
            p,
            VerdictPart::Usually {
                source: UsualSource::Unregistered,
                ..
            }
        )
    });
    let sentences: Vec<String> = o
        .verdict
        .iter()
        .map(|p| part(p, o.port, unregistered_usual))
        .collect();
    sentences.join(" ")
}

fn part(p: &VerdictPart, port: u16, unregistered_usual: bool) -> String {
    match p {
        VerdictPart::PortZero => {
            "Port 0 is not a port to listen on: a program that binds to 0 asks the OS for any free port."
                .into()
        }
        VerdictPart::Usually { what, .. } => format!("Usually {what}."),
        VerdictPart::Holder {
            service,
            holder,
            transport,
        } => {
            let on = transport.map(|t| format!(" on {}", t.as_str().to_uppercase())).unwrap_or_default();
            let by = holder.as_deref().map(|h| format!(" to {h}")).unwrap_or_default();
            if unregistered_usual {
                format!("IANA registered it{by} for {service}{on}, a different service.")
            } else {
                format!("Registered with IANA{by} as {service}{on}.")
            }
        }
        VerdictPart::Reserved => "Reserved by IANA: nothing should listen here.".into(),
        VerdictPart::Unassigned => {
            "Not assigned by IANA: whatever listens here chose the number itself.".into()
        }
        VerdictPart::Dynamic => {
            "In the dynamic range, which IANA never assigns: systems pick short-lived client ports here."
                .into()
        }
        VerdictPart::NoRegistry => {
            "Install the IANA registry (portlore update) to see its assignment.".into()
        }
        VerdictPart::Status { name, status } => match status {
            NoteStatus::Retired => format!("{name} is retired."),
            NoteStatus::NeverDeployed => format!("{name} was never deployed."),
            NoteStatus::Legacy => format!("{name} is legacy: superseded, though still found."),
            NoteStatus::Active | NoteStatus::Unknown => String::new(),
        },
        VerdictPart::Threat {
            name,
            year,
            ports: range,
            role,
            others,
        } => {
            let more = match others {
                0 => String::new(),
                1 => " One other known threat used it too.".into(),
                n => format!(" {n} other known threats used it too."),
            };
            if range.start == range.end && range.start == port {
                let did = match role {
                    ThreatRole::Propagation => "spread through this port",
                    ThreatRole::ScanningTarget => "targeted this port",
                    ThreatRole::ListeningBackdoor => "listened on this port",
                    ThreatRole::C2
                    | ThreatRole::Exfiltration
                    | ThreatRole::Amplification
                    | ThreatRole::Attack => "used this port",
                };
                format!("{name} {did} in {year}.{more}")
            } else {
                format!("Inside the range {} that {name} used in {year}.{more}", ports(*range))
            }
        }
        VerdictPart::Exposure { service, severity } => {
            format!("{service} must not face the internet ({} risk).", severity_word(*severity))
        }
        VerdictPart::NotThatToday { name, certainty } => match certainty {
            Certainty::AlmostCertainly => {
                format!("Traffic here today is almost certainly not {name}.")
            }
            Certainty::Probably => format!("Traffic here today is probably not {name}."),
        },
    }
}

pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "critical",
        Severity::High => "high",
        Severity::Medium => "medium",
    }
}

pub fn class_name(c: RangeClass) -> &'static str {
    match c {
        RangeClass::System => "system",
        RangeClass::User => "registered",
        RangeClass::Dynamic => "dynamic",
    }
}

pub fn badge(b: &Badge) -> String {
    match b {
        Badge::Range { class } => format!("{} range", class_name(*class)),
        Badge::Iana { state } => match state {
            IanaState::Assigned => "IANA: assigned".into(),
            IanaState::Reserved => "IANA: reserved".into(),
            IanaState::Unassigned => "IANA: unassigned".into(),
            IanaState::Other => "IANA: listed without a service".into(),
            IanaState::NoRegistry => "IANA: registry not installed".into(),
        },
        Badge::Deassigned => "de-assigned".into(),
        Badge::ThreatHistory => "threat history".into(),
        Badge::Exposure { severity } => format!("exposure risk: {}", severity_word(*severity)),
        Badge::Unofficial => "unofficial uses".into(),
        Badge::Ephemeral => "ephemeral on current systems".into(),
    }
}

/// A short flag for the range table.
pub fn flag(b: &Badge) -> Option<&'static str> {
    match b {
        Badge::Range { .. } => None,
        Badge::Iana { state } => match state {
            IanaState::Reserved => Some("reserved"),
            IanaState::Assigned
            | IanaState::Unassigned
            | IanaState::Other
            | IanaState::NoRegistry => None,
        },
        Badge::Deassigned => Some("de-assigned"),
        Badge::ThreatHistory => Some("threat"),
        Badge::Exposure { .. } => Some("exposure"),
        Badge::Unofficial => Some("unofficial"),
        Badge::Ephemeral => Some("ephemeral"),
    }
}

pub fn status(s: NoteStatus) -> &'static str {
    match s {
        NoteStatus::Active => "active",
        NoteStatus::Legacy => "legacy",
        NoteStatus::Retired => "retired",
        NoteStatus::NeverDeployed => "never deployed",
        NoteStatus::Unknown => "status unknown",
    }
}

pub fn kind(k: ThreatKind) -> &'static str {
    match k {
        ThreatKind::Worm => "worm",
        ThreatKind::Trojan => "trojan",
        ThreatKind::Backdoor => "backdoor",
        ThreatKind::Rat => "remote access trojan",
        ThreatKind::Botnet => "botnet",
        ThreatKind::Ransomware => "ransomware",
        ThreatKind::Scanner => "scanner",
        ThreatKind::Miner => "coin miner",
        ThreatKind::C2Framework => "C2 framework",
        ThreatKind::Exploitation => "exploitation campaign",
        ThreatKind::IcsMalware => "ICS malware",
        ThreatKind::Other => "other threat",
    }
}

pub fn role(r: ThreatRole) -> &'static str {
    match r {
        ThreatRole::ListeningBackdoor => "listening backdoor",
        ThreatRole::ScanningTarget => "scanned for",
        ThreatRole::C2 => "command and control",
        ThreatRole::Propagation => "spreading",
        ThreatRole::Exfiltration => "data theft",
        ThreatRole::Amplification => "amplification attacks",
        ThreatRole::Attack => "attacks on others",
    }
}

pub fn relation(r: &Relation) -> String {
    match r {
        Relation::Knowledge => "same family".into(),
        Relation::SameService => "same service".into(),
        Relation::Sibling => "related service".into(),
        Relation::SameThreat { name } => format!("also used by {name}"),
        Relation::Neighbour => "neighbour".into(),
    }
}

pub fn system(s: EphemeralSystem) -> &'static str {
    match s {
        EphemeralSystem::Linux => "Linux",
        EphemeralSystem::Windows => "Windows (Vista and later)",
        EphemeralSystem::WindowsLegacy => "Windows XP and Server 2003 and earlier",
        EphemeralSystem::FreeBsd => "FreeBSD",
        EphemeralSystem::MacOs => "macOS",
        EphemeralSystem::Solaris => "Solaris",
        EphemeralSystem::Aix => "AIX",
        EphemeralSystem::Other => "another system",
    }
}

fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// One paragraph of "why it matters".
pub fn why(w: &Why, port: u16) -> String {
    match w {
        Why::PortZero => "Port 0 is a wildcard, not a service: bind to 0 and the OS picks a free port for you. Traffic that really arrives on port 0 is malformed or a scan.".into(),
        Why::Class { class } => match class {
            RangeClass::System => format!("Port {port} is a system port: on Linux and other Unix-like systems only root (or CAP_NET_BIND_SERVICE) may listen here, and IANA assigns these ports through IETF review."),
            RangeClass::User => format!("Port {port} is a registered (user) port: any program may listen here, and an IANA registration is a claim, not an enforcement."),
            RangeClass::Dynamic => format!("Port {port} is in the dynamic range 49152–65535, which IANA never assigns: operating systems pick outgoing ports from it, and anything may listen here."),
        },
        Why::Assigned => "Firewalls, scanners and people expect the registered service here, so anything else listening deserves a look.".into(),
        Why::Dormant { name, status } => format!("{name} is {}, so traffic on this port today is probably something else.", self::status(*status)),
        Why::Reserved => "The port is reserved: no legitimate service should listen on it, so a listener is worth investigating.".into(),
        Why::Unassigned => "No IANA assignment: software that uses the port picked the number itself, and the registry cannot tell you what it is.".into(),
        Why::NoRegistry => "Without the IANA registry installed, the assignment is unknown here.".into(),
        Why::ThreatHistory { families, in_range } => {
            let who = if *families == 1 { "Malware once used".to_string() } else { format!("{families} malware families once used") };
            let what = if *in_range { "a range holding this port" } else { "this port" };
            format!("{who} {what}, so security tools may flag it; check the owning process before you worry.")
        }
        Why::Exposure => "Services on this port have been attacked when reachable from the internet: keep it behind a firewall.".into(),
        Why::Unofficial => "Well-known software uses this port without an IANA assignment, so the registry alone will mislead you.".into(),
        Why::Ephemeral { systems, current } => {
            let names: Vec<&str> = systems.iter().map(|s| system(*s)).collect();
            if *current {
                format!("{} pick outgoing (ephemeral) ports from a range holding this one, so a short-lived connection using it is normal; a long-lived listener is not.", list(&names))
            } else {
                format!("Only old systems ({}) picked outgoing ports from a range holding this one; on current systems a connection on it is not an ephemeral port.", list(&names))
            }
        }
    }
}
