//! The words of a port page: every part of the outline worded through the locale
//! files. Each enum variant has its key here, matched exhaustively, and a test checks
//! that every locale has every key.

use std::fmt::Write as _;

use portlore_kb::Outline;
use portlore_kb::curated::{EphemeralSystem, NoteStatus, Severity, ThreatKind, ThreatRole};
use portlore_kb::page::{
    Badge, Certainty, IanaState, Piece, Prose, Relation, UsualSource, VerdictPart, Why,
};
use portlore_kb::{PortRange, RangeClass, Transport};

use super::escape;
use crate::i18n::{Arg, Tr};

pub(super) fn status_key(s: NoteStatus) -> &'static str {
    match s {
        NoteStatus::Active => "status-active",
        NoteStatus::Legacy => "status-legacy",
        NoteStatus::Retired => "status-retired",
        NoteStatus::NeverDeployed => "status-never-deployed",
        NoteStatus::Unknown => "status-unknown",
    }
}

pub(super) fn kind_key(k: ThreatKind) -> &'static str {
    match k {
        ThreatKind::Worm => "kind-worm",
        ThreatKind::Trojan => "kind-trojan",
        ThreatKind::Backdoor => "kind-backdoor",
        ThreatKind::Rat => "kind-rat",
        ThreatKind::Botnet => "kind-botnet",
        ThreatKind::Ransomware => "kind-ransomware",
        ThreatKind::Scanner => "kind-scanner",
        ThreatKind::Miner => "kind-miner",
        ThreatKind::C2Framework => "kind-c2-framework",
        ThreatKind::Exploitation => "kind-exploitation",
        ThreatKind::IcsMalware => "kind-ics-malware",
        ThreatKind::Other => "kind-other",
    }
}

pub(super) fn role_key(r: ThreatRole) -> &'static str {
    match r {
        ThreatRole::ListeningBackdoor => "role-listening-backdoor",
        ThreatRole::ScanningTarget => "role-scanning-target",
        ThreatRole::C2 => "role-c2",
        ThreatRole::Propagation => "role-propagation",
        ThreatRole::Exfiltration => "role-exfiltration",
        ThreatRole::Amplification => "role-amplification",
        ThreatRole::Attack => "pp-role-attack",
    }
}

pub(super) fn severity_key(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "severity-critical",
        Severity::High => "severity-high",
        Severity::Medium => "severity-medium",
    }
}

pub(super) fn class_key(c: RangeClass) -> &'static str {
    match c {
        RangeClass::System => "range-system",
        RangeClass::User => "range-user",
        RangeClass::Dynamic => "range-dynamic",
    }
}

pub(super) fn system_key(s: EphemeralSystem) -> &'static str {
    match s {
        EphemeralSystem::Linux => "pp-os-linux",
        EphemeralSystem::Windows => "pp-os-windows",
        EphemeralSystem::WindowsLegacy => "pp-os-windows-legacy",
        EphemeralSystem::FreeBsd => "pp-os-freebsd",
        EphemeralSystem::MacOs => "pp-os-macos",
        EphemeralSystem::Solaris => "pp-os-solaris",
        EphemeralSystem::Aix => "pp-os-aix",
        EphemeralSystem::Other => "pp-os-other",
    }
}

fn iana_state_key(s: IanaState) -> &'static str {
    match s {
        IanaState::Assigned => "badge-assigned",
        IanaState::Reserved => "badge-reserved",
        IanaState::Unassigned => "badge-unassigned",
        IanaState::Other => "badge-other",
        IanaState::NoRegistry => "badge-no-registry",
    }
}

/// A badge's word and CSS class.
pub(super) fn badge(t: &Tr, b: &Badge) -> (&'static str, String) {
    match b {
        Badge::Range { class } => (
            match class {
                RangeClass::System => "sys",
                RangeClass::User => "usr",
                RangeClass::Dynamic => "dyn",
            },
            t.t(match class {
                RangeClass::System => "badge-system",
                RangeClass::User => "badge-user",
                RangeClass::Dynamic => "badge-dynamic",
            }),
        ),
        Badge::Iana { state } => (
            match state {
                IanaState::Assigned => "good",
                IanaState::Reserved => "warn",
                IanaState::Unassigned | IanaState::Other | IanaState::NoRegistry => "muted",
            },
            t.t(iana_state_key(*state)),
        ),
        Badge::Deassigned => ("warn", t.t("badge-deassigned")),
        Badge::ThreatHistory => ("bad", t.t("badge-threat")),
        Badge::Exposure { severity } => (
            match severity {
                Severity::Critical | Severity::High => "bad",
                Severity::Medium => "warn",
            },
            t.s(
                "pp-badge-exposure",
                "severity",
                &t.t(severity_key(*severity)),
            ),
        ),
        Badge::Unofficial => ("info", t.t("badge-unofficial")),
        Badge::Ephemeral => ("info", t.t("pp-badge-ephemeral")),
    }
}

/// `TCP/UDP`: protocol names are the same in every language.
pub(super) fn transports(ts: &[Transport]) -> String {
    ts.iter()
        .map(|t| t.as_str().to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("/")
}

fn range(p: PortRange) -> String {
    if p.start == p.end {
        p.start.to_string()
    } else {
        format!("{}–{}", p.start, p.end)
    }
}

/// A list joined by the locale's separator.
pub(super) fn list(t: &Tr, items: &[String]) -> String {
    items.join(&t.t("pp-list-sep"))
}

/// The headline.
pub(super) fn headline(t: &Tr, o: &Outline) -> String {
    let h = &o.headline;
    let title = match o.transport {
        Some(tr) => t.with(
            "pp-title-transport",
            &[
                ("port", Arg::Num(o.port.into())),
                ("transport", Arg::Str(&tr.as_str().to_ascii_uppercase())),
            ],
        ),
        None => t.n("title-port", "port", &o.port),
    };
    let mut s = match (&h.usually, &h.service) {
        (Some(u), Some(svc)) => t.with(
            "pp-head-usually-iana",
            &[
                ("title", Arg::Str(&title)),
                ("usual", Arg::Str(u)),
                ("service", Arg::Str(svc)),
            ],
        ),
        (Some(u), None) => t.with(
            "pp-head-usually",
            &[("title", Arg::Str(&title)), ("usual", Arg::Str(u))],
        ),
        (None, Some(svc)) => {
            let mut s = match &h.description {
                Some(d) => format!("{title} — {svc} ({d})"),
                None => format!("{title} — {svc}"),
            };
            if o.transport.is_none() && !h.transports.is_empty() {
                let _ = write!(s, ", {}", transports(&h.transports));
            }
            s
        }
        (None, None) => title,
    };
    if !h.also.is_empty() {
        let _ = write!(s, "; {}", t.s("pp-head-also", "names", &h.also.join(", ")));
    }
    s
}

/// The verdict as plain text: the site's lead paragraph and its meta description.
pub fn verdict_text(t: &Tr, o: &Outline) -> String {
    let other_usual = o.verdict.iter().any(|p| {
        matches!(
            p,
            VerdictPart::Usually {
                source: UsualSource::Unregistered,
                ..
            }
        )
    });
    o.verdict
        .iter()
        .map(|p| verdict_part(t, p, o.port, other_usual))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn verdict_part(t: &Tr, p: &VerdictPart, port: u16, other_usual: bool) -> String {
    match p {
        VerdictPart::PortZero => t.t("pp-v-port-zero"),
        VerdictPart::Usually { what, .. } => t.s("pp-v-usually", "what", &usual_name(t, what)),
        VerdictPart::Holder {
            service,
            holder,
            transport,
        } => {
            let key = match (other_usual, holder.is_some()) {
                (false, true) => "pp-v-holder",
                (false, false) => "pp-v-holder-anon",
                (true, true) => "pp-v-holder-other",
                (true, false) => "pp-v-holder-other-anon",
            };
            let on = transport
                .map(|x| format!(" ({})", x.as_str().to_ascii_uppercase()))
                .unwrap_or_default();
            let service = format!("{service}{on}");
            t.with(
                key,
                &[
                    ("service", Arg::Str(&service)),
                    ("holder", Arg::Str(holder.as_deref().unwrap_or(""))),
                ],
            )
        }
        VerdictPart::Reserved => t.t("pp-v-reserved"),
        VerdictPart::Unassigned => t.t("pp-v-unassigned"),
        VerdictPart::Dynamic => t.t("pp-v-dynamic"),
        VerdictPart::NoRegistry => t.t("pp-v-no-registry"),
        VerdictPart::Status { name, status } => match status {
            NoteStatus::Retired => t.s("pp-v-retired", "name", name),
            NoteStatus::NeverDeployed => t.s("pp-v-never-deployed", "name", name),
            NoteStatus::Legacy => t.s("pp-v-legacy", "name", name),
            NoteStatus::Active | NoteStatus::Unknown => String::new(),
        },
        VerdictPart::Threat {
            name,
            year,
            ports,
            role,
            others,
        } => {
            let mut s = if ports.start == ports.end && ports.start == port {
                let key = match role {
                    ThreatRole::Propagation => "pp-v-threat-spread",
                    ThreatRole::ScanningTarget => "pp-v-threat-targeted",
                    ThreatRole::ListeningBackdoor => "pp-v-threat-listened",
                    ThreatRole::C2
                    | ThreatRole::Exfiltration
                    | ThreatRole::Amplification
                    | ThreatRole::Attack => "pp-v-threat-port",
                };
                t.with(
                    key,
                    &[("name", Arg::Str(name)), ("year", Arg::Num((*year).into()))],
                )
            } else {
                t.with(
                    "pp-v-threat-range",
                    &[
                        ("name", Arg::Str(name)),
                        ("year", Arg::Num((*year).into())),
                        ("range", Arg::Str(&range(*ports))),
                    ],
                )
            };
            if *others > 0 {
                s.push(' ');
                s.push_str(&t.n("pp-v-threat-others", "count", &(*others as i64)));
            }
            s
        }
        VerdictPart::Exposure { service, severity } => t.with(
            "pp-v-exposure",
            &[
                ("service", Arg::Str(service)),
                ("severity", Arg::Str(&t.t(severity_key(*severity)))),
            ],
        ),
        VerdictPart::NotThatToday { name, certainty } => t.s(
            match certainty {
                Certainty::AlmostCertainly => "pp-v-not-that",
                Certainty::Probably => "pp-v-probably-not",
            },
            "name",
            name,
        ),
    }
}

/// A curated name inside a translated sentence. Names read "RFIO, CERN's Remote File
/// I/O": the protocol's own name, then an English gloss. Other languages keep only the
/// name, so the sentence does not switch to English halfway (the notes below, marked
/// as English, give the gloss).
fn usual_name(t: &Tr, what: &str) -> String {
    match t.lang() {
        crate::i18n::Lang::En => what.to_string(),
        _ => match what.split_once(", ") {
            Some((name, _)) if !name.is_empty() => name.to_string(),
            _ => what.to_string(),
        },
    }
}

/// One paragraph of "why it matters".
pub(super) fn why(t: &Tr, w: &Why, port: u16) -> String {
    let p = || ("port", Arg::Num(port.into()));
    match w {
        Why::PortZero => t.t("pp-w-port-zero"),
        Why::Class { class } => t.with(
            match class {
                RangeClass::System => "pp-w-system",
                RangeClass::User => "pp-w-user",
                RangeClass::Dynamic => "pp-w-dynamic",
            },
            &[p()],
        ),
        Why::Assigned => t.t("pp-w-assigned"),
        Why::Dormant { name, status } => t.with(
            "pp-w-dormant",
            &[
                ("name", Arg::Str(name)),
                ("status", Arg::Str(&t.t(status_key(*status)))),
            ],
        ),
        Why::Reserved => t.t("pp-w-reserved"),
        Why::Unassigned => t.t("pp-w-unassigned"),
        Why::NoRegistry => t.t("pp-w-no-registry"),
        Why::ThreatHistory { families, in_range } => t.n(
            if *in_range {
                "pp-w-threat-range"
            } else {
                "pp-w-threat-port"
            },
            "count",
            &(*families as i64),
        ),
        Why::Exposure => t.t("pp-w-exposure"),
        Why::Unofficial => t.t("pp-w-unofficial"),
        Why::Ephemeral { systems, current } => {
            // Entries without a variant of their own (Solaris, AIX) all read "another
            // system": say it once.
            let mut names: Vec<String> = Vec::new();
            for s in systems {
                let name = t.t(system_key(*s));
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            t.s(
                if *current {
                    "pp-w-ephemeral"
                } else {
                    "pp-w-ephemeral-legacy"
                },
                "systems",
                &list(t, &names),
            )
        }
    }
}

pub(super) fn relation(t: &Tr, r: &Relation) -> String {
    match r {
        Relation::Knowledge => t.t("pp-rel-knowledge"),
        Relation::SameService => t.t("rel-same-service"),
        Relation::Sibling => t.t("rel-sibling-service"),
        Relation::SameThreat { name } => t.s("rel-same-threat", "name", name),
        Relation::Neighbour => t.t("rel-neighbour"),
    }
}

/// Curated prose as HTML: the text escaped, citations as links to the references
/// (`#rN`). The style sheet raises them (`a[href^="#r"]`), so a page with seventy
/// citations does not carry seventy `<sup>` wrappers.
pub(super) fn prose_html(p: &Prose) -> String {
    let mut out = String::new();
    for piece in &p.0 {
        match piece {
            Piece::Text(s) => out.push_str(&escape(s)),
            Piece::Cite(n) => {
                let _ = write!(out, "<a href=\"#r{n}\">[{n}]</a>");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use portlore_kb::HitKind;

    /// Every key an enum variant can reach, so a missing translation fails here.
    fn keys() -> Vec<&'static str> {
        let mut k: Vec<&'static str> = Vec::new();
        k.extend(NoteStatus::ALL.iter().map(|s| status_key(*s)));
        k.extend(ThreatKind::ALL.iter().map(|s| kind_key(*s)));
        k.extend(ThreatRole::ALL.iter().map(|s| role_key(*s)));
        k.extend(Severity::ALL.iter().map(|s| severity_key(*s)));
        k.extend(EphemeralSystem::ALL.iter().map(|s| system_key(*s)));
        k.extend(
            [RangeClass::System, RangeClass::User, RangeClass::Dynamic]
                .into_iter()
                .map(class_key),
        );
        k.extend(
            [
                IanaState::Assigned,
                IanaState::Reserved,
                IanaState::Unassigned,
                IanaState::Other,
                IanaState::NoRegistry,
            ]
            .into_iter()
            .map(iana_state_key),
        );
        let source = crate::i18n::ftl_source(Lang::En);
        k.extend(
            crate::i18n::message_ids(source)
                .into_iter()
                .filter(|id| id.starts_with("pp-")),
        );
        k
    }

    /// Each variant of a closed set has words of its own in every language: two kinds
    /// (or roles, statuses, ...) never read the same, so no label stands for another
    /// (an exploitation campaign must not read "malware"), and no worded badge or
    /// relation shows a missing key.
    #[test]
    fn each_variant_is_worded_apart_in_every_language() {
        let sets: Vec<(&str, Vec<&'static str>)> = vec![
            (
                "status",
                NoteStatus::ALL.iter().map(|s| status_key(*s)).collect(),
            ),
            (
                "kind",
                ThreatKind::ALL.iter().map(|s| kind_key(*s)).collect(),
            ),
            (
                "role",
                ThreatRole::ALL.iter().map(|s| role_key(*s)).collect(),
            ),
            (
                "severity",
                Severity::ALL.iter().map(|s| severity_key(*s)).collect(),
            ),
            (
                "system",
                EphemeralSystem::ALL
                    .iter()
                    .map(|s| system_key(*s))
                    .collect(),
            ),
        ];
        let badges = {
            let mut b = vec![
                Badge::Deassigned,
                Badge::ThreatHistory,
                Badge::Unofficial,
                Badge::Ephemeral,
            ];
            b.extend(
                [RangeClass::System, RangeClass::User, RangeClass::Dynamic]
                    .map(|class| Badge::Range { class }),
            );
            b.extend(
                [
                    IanaState::Assigned,
                    IanaState::Reserved,
                    IanaState::Unassigned,
                    IanaState::Other,
                    IanaState::NoRegistry,
                ]
                .map(|state| Badge::Iana { state }),
            );
            b.extend(
                Severity::ALL
                    .iter()
                    .map(|&severity| Badge::Exposure { severity }),
            );
            b
        };
        let relations = [
            Relation::Knowledge,
            Relation::SameService,
            Relation::Sibling,
            Relation::SameThreat { name: "X".into() },
            Relation::Neighbour,
        ];
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let t = lang.tr();
            for (set, keys) in &sets {
                let words: Vec<String> = keys.iter().map(|k| t.t(k)).collect();
                for (i, w) in words.iter().enumerate() {
                    if words[..i].contains(w) {
                        problems.push(format!("{lang}: two {set} variants read “{w}”"));
                    }
                }
            }
            let words: Vec<String> = badges.iter().map(|b| badge(&t, b).1).collect();
            let words = words
                .into_iter()
                .chain(relations.iter().map(|r| relation(&t, r)))
                .chain(
                    [
                        HitKind::Service,
                        HitKind::Threat,
                        HitKind::Unofficial,
                        HitKind::Note,
                    ]
                    .map(|k| t.t(super::super::search::kind_key(k))),
                );
            for w in words {
                if w.contains('⟦') {
                    problems.push(format!("{lang}: {w}"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_variant_has_words_in_every_language() {
        let mut missing = Vec::new();
        for lang in Lang::ALL {
            for key in keys() {
                if !lang.tr().has(key) {
                    missing.push(format!("{lang}: {key}"));
                }
            }
        }
        assert!(missing.is_empty(), "missing keys: {missing:?}");
    }
}
