//! From the archived entries to the owned facts that pages and `--json` see.

use rkyv::string::ArchivedString;
use rkyv::vec::ArchivedVec;

use super::facts::{
    ExposureFact, NoteFact, NoteStatus, RangeFact, RangeKind, Severity, Source, ThreatKind,
    ThreatRole, ThreatUse, UnofficialFact,
};
use super::schema::{
    ArchivedExposure, ArchivedNote, ArchivedNoteStatus, ArchivedProto, ArchivedRange,
    ArchivedRangeKind, ArchivedRole, ArchivedSeverity, ArchivedSource, ArchivedSpan,
    ArchivedThreat, ArchivedThreatKind, ArchivedUnofficial, ArchivedUse,
};
use crate::model::{PortRange, Transport};

pub(super) fn span(s: &ArchivedSpan) -> PortRange {
    PortRange {
        start: s.start.to_native(),
        end: s.end.to_native(),
    }
}

pub(super) fn spans(v: &ArchivedVec<ArchivedSpan>) -> Vec<PortRange> {
    v.iter().map(span).collect()
}

pub(super) fn proto(p: &ArchivedProto) -> Transport {
    match p {
        ArchivedProto::Tcp => Transport::Tcp,
        ArchivedProto::Udp => Transport::Udp,
        ArchivedProto::Sctp => Transport::Sctp,
        ArchivedProto::Dccp => Transport::Dccp,
    }
}

pub(super) fn protos(v: &ArchivedVec<ArchivedProto>) -> Vec<Transport> {
    v.iter().map(proto).collect()
}

fn strings(v: &ArchivedVec<ArchivedString>) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn sources(v: &ArchivedVec<ArchivedSource>) -> Vec<Source> {
    v.iter()
        .map(|s| Source {
            url: s.url.to_string(),
            title: s.title.to_string(),
            checked: s.checked.to_string(),
        })
        .collect()
}

fn status(s: &ArchivedNoteStatus) -> NoteStatus {
    match s {
        ArchivedNoteStatus::Active => NoteStatus::Active,
        ArchivedNoteStatus::Legacy => NoteStatus::Legacy,
        ArchivedNoteStatus::Retired => NoteStatus::Retired,
        ArchivedNoteStatus::NeverDeployed => NoteStatus::NeverDeployed,
        ArchivedNoteStatus::Unknown => NoteStatus::Unknown,
    }
}

pub(super) fn kind(k: &ArchivedThreatKind) -> ThreatKind {
    match k {
        ArchivedThreatKind::Worm => ThreatKind::Worm,
        ArchivedThreatKind::Trojan => ThreatKind::Trojan,
        ArchivedThreatKind::Backdoor => ThreatKind::Backdoor,
        ArchivedThreatKind::Rat => ThreatKind::Rat,
        ArchivedThreatKind::Botnet => ThreatKind::Botnet,
        ArchivedThreatKind::Ransomware => ThreatKind::Ransomware,
        ArchivedThreatKind::Scanner => ThreatKind::Scanner,
        ArchivedThreatKind::Miner => ThreatKind::Miner,
        ArchivedThreatKind::C2Framework => ThreatKind::C2Framework,
        ArchivedThreatKind::Exploitation => ThreatKind::Exploitation,
        ArchivedThreatKind::IcsMalware => ThreatKind::IcsMalware,
        ArchivedThreatKind::Other => ThreatKind::Other,
    }
}

fn role(r: &ArchivedRole) -> ThreatRole {
    match r {
        ArchivedRole::ListeningBackdoor => ThreatRole::ListeningBackdoor,
        ArchivedRole::ScanningTarget => ThreatRole::ScanningTarget,
        ArchivedRole::C2 => ThreatRole::C2,
        ArchivedRole::Propagation => ThreatRole::Propagation,
        ArchivedRole::Exfiltration => ThreatRole::Exfiltration,
        ArchivedRole::Amplification => ThreatRole::Amplification,
        ArchivedRole::Attack => ThreatRole::Attack,
    }
}

fn severity(s: &ArchivedSeverity) -> Severity {
    match s {
        ArchivedSeverity::Critical => Severity::Critical,
        ArchivedSeverity::High => Severity::High,
        ArchivedSeverity::Medium => Severity::Medium,
    }
}

/// The endings by which a note's title says it describes software that took the port
/// without registering it ("Squid HTTP proxy port (not the registered service)").
const NOT_REGISTERED: [&str; 2] = [
    " (not the registered service)",
    ", not the registered service",
];

/// A note's title without the "not the registered service" ending, and whether the
/// note is about the registered service.
fn subject(title: &str) -> (String, bool) {
    for end in NOT_REGISTERED {
        if let Some(name) = title.strip_suffix(end) {
            return (name.to_string(), false);
        }
    }
    (title.to_string(), true)
}

pub(super) fn note(n: &ArchivedNote) -> NoteFact {
    let (name, about_registered) = subject(n.title.as_str());
    NoteFact {
        id: n.id.to_string(),
        ports: spans(&n.ports),
        transports: protos(&n.transports),
        iana_service: n.iana_service.as_ref().map(|s| s.to_string()),
        title: n.title.to_string(),
        name,
        about_registered,
        status: status(&n.status),
        made_by: n.made_by.as_ref().map(|s| s.to_string()),
        summary: n.summary.to_string(),
        today: n.today.as_ref().map(|s| s.to_string()),
        aliases: strings(&n.aliases),
        related: spans(&n.related),
        sources: sources(&n.sources),
    }
}

pub(super) fn threat_use(
    entry: usize,
    t: &ArchivedThreat,
    u: &ArchivedUse,
    ports: PortRange,
) -> ThreatUse {
    ThreatUse {
        id: t.id.to_string(),
        name: t.name.to_string(),
        aliases: strings(&t.aliases),
        variants: strings(&t.variants),
        year: t.year.to_native(),
        kind: kind(&t.kind),
        notable: t.notable,
        summary: t.summary.to_string(),
        ports,
        transports: protos(&u.transports),
        role: role(&u.role),
        detail: u.detail.to_string(),
        sources: sources(&t.sources),
        entry,
    }
}

pub(super) fn exposure(e: &ArchivedExposure) -> ExposureFact {
    ExposureFact {
        id: e.id.to_string(),
        service: e.service.to_string(),
        ports: spans(&e.ports),
        transports: protos(&e.transports),
        severity: severity(&e.severity),
        incident: e.incident.to_string(),
        advice: strings(&e.advice),
        sources: sources(&e.sources),
    }
}

pub(super) fn unofficial(u: &ArchivedUnofficial) -> UnofficialFact {
    UnofficialFact {
        id: u.id.to_string(),
        software: u.software.to_string(),
        ports: spans(&u.ports),
        transports: protos(&u.transports),
        summary: u.summary.to_string(),
        aliases: strings(&u.aliases),
        related: spans(&u.related),
        sources: sources(&u.sources),
    }
}

pub(super) fn range(r: &ArchivedRange) -> RangeFact {
    RangeFact {
        id: r.id.to_string(),
        kind: match r.kind {
            ArchivedRangeKind::Iana => RangeKind::Iana,
            ArchivedRangeKind::Ephemeral => RangeKind::Ephemeral,
        },
        name: r.name.to_string(),
        ports: spans(&r.ports),
        detail: r.detail.to_string(),
        sources: sources(&r.sources),
    }
}
