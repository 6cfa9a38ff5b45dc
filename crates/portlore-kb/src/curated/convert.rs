//! From the archived entries to the owned facts that pages and `--json` see.

use rkyv::string::ArchivedString;
use rkyv::vec::ArchivedVec;

use super::facts::{ExposureFact, NoteFact, RangeFact, Source, ThreatUse, UnofficialFact};
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

fn status(s: &ArchivedNoteStatus) -> &'static str {
    match s {
        ArchivedNoteStatus::Active => "active",
        ArchivedNoteStatus::Legacy => "legacy",
        ArchivedNoteStatus::Retired => "retired",
        ArchivedNoteStatus::NeverDeployed => "never-deployed",
        ArchivedNoteStatus::Unknown => "unknown",
    }
}

pub(super) fn kind(k: &ArchivedThreatKind) -> &'static str {
    match k {
        ArchivedThreatKind::Worm => "worm",
        ArchivedThreatKind::Trojan => "trojan",
        ArchivedThreatKind::Backdoor => "backdoor",
        ArchivedThreatKind::Rat => "rat",
        ArchivedThreatKind::Botnet => "botnet",
        ArchivedThreatKind::Ransomware => "ransomware",
        ArchivedThreatKind::Scanner => "scanner",
        ArchivedThreatKind::Miner => "miner",
        ArchivedThreatKind::Other => "other",
    }
}

fn role(r: &ArchivedRole) -> &'static str {
    match r {
        ArchivedRole::ListeningBackdoor => "listening-backdoor",
        ArchivedRole::ScanningTarget => "scanning-target",
        ArchivedRole::C2 => "c2",
        ArchivedRole::Propagation => "propagation",
        ArchivedRole::Exfiltration => "exfiltration",
        ArchivedRole::Amplification => "amplification",
        ArchivedRole::Attack => "attack",
    }
}

fn severity(s: &ArchivedSeverity) -> &'static str {
    match s {
        ArchivedSeverity::Critical => "critical",
        ArchivedSeverity::High => "high",
        ArchivedSeverity::Medium => "medium",
    }
}

pub(super) fn note(n: &ArchivedNote) -> NoteFact {
    NoteFact {
        id: n.id.to_string(),
        ports: spans(&n.ports),
        transports: protos(&n.transports),
        iana_service: n.iana_service.as_ref().map(|s| s.to_string()),
        title: n.title.to_string(),
        status: status(&n.status).to_string(),
        made_by: n.made_by.as_ref().map(|s| s.to_string()),
        summary: n.summary.to_string(),
        today: n.today.as_ref().map(|s| s.to_string()),
        aliases: strings(&n.aliases),
        related: spans(&n.related),
        sources: sources(&n.sources),
    }
}

pub(super) fn threat_use(t: &ArchivedThreat, u: &ArchivedUse, ports: PortRange) -> ThreatUse {
    ThreatUse {
        id: t.id.to_string(),
        name: t.name.to_string(),
        aliases: strings(&t.aliases),
        variants: strings(&t.variants),
        year: t.year.to_native(),
        kind: kind(&t.kind).to_string(),
        summary: t.summary.to_string(),
        ports,
        transports: protos(&u.transports),
        role: role(&u.role).to_string(),
        detail: u.detail.to_string(),
        sources: sources(&t.sources),
    }
}

pub(super) fn exposure(e: &ArchivedExposure) -> ExposureFact {
    ExposureFact {
        id: e.id.to_string(),
        service: e.service.to_string(),
        ports: spans(&e.ports),
        transports: protos(&e.transports),
        severity: severity(&e.severity).to_string(),
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
            ArchivedRangeKind::Iana => "iana",
            ArchivedRangeKind::Ephemeral => "ephemeral",
        }
        .to_string(),
        name: r.name.to_string(),
        ports: spans(&r.ports),
        detail: r.detail.to_string(),
        sources: sources(&r.sources),
    }
}
