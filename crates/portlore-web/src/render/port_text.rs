//! The generated sentences of a port page: statuses, threat kinds and roles, "why it
//! matters" and the related-port relations, all through the locale files.

use portlore_kb::{PortInfo, RangeClass, Status};

use super::port::RelatedView;
use crate::i18n::{Arg, Lang, Tr};

pub(super) fn note_status(t: &Tr, s: &str) -> String {
    t.t(match s {
        "active" => "status-active",
        "legacy" => "status-legacy",
        "retired" => "status-retired",
        "never-deployed" => "status-never-deployed",
        _ => "status-unknown",
    })
}

pub(super) fn threat_kind(t: &Tr, k: &str) -> String {
    t.t(match k {
        "worm" => "kind-worm",
        "trojan" => "kind-trojan",
        "backdoor" => "kind-backdoor",
        "rat" => "kind-rat",
        "botnet" => "kind-botnet",
        "ransomware" => "kind-ransomware",
        "scanner" => "kind-scanner",
        "miner" => "kind-miner",
        _ => "kind-other",
    })
}

pub(super) fn threat_role(t: &Tr, r: &str) -> String {
    t.t(match r {
        "listening-backdoor" => "role-listening-backdoor",
        "scanning-target" => "role-scanning-target",
        "c2" => "role-c2",
        "propagation" => "role-propagation",
        "exfiltration" => "role-exfiltration",
        "amplification" => "role-amplification",
        _ => "role-other",
    })
}

/// A few sentences picked by the port's category, with the port filled in.
pub(super) fn why(t: &Tr, info: &PortInfo) -> Vec<String> {
    let p = || Arg::Num(info.port.into());
    let mut out = Vec::new();
    let dormant = info
        .curated
        .notes
        .iter()
        .any(|n| n.status == "retired" || n.status == "never-deployed");
    let key = match (info.status(), info.range.class) {
        (None, _) => None,
        (Some(Status::Assigned), RangeClass::System) => Some("why-assigned-system"),
        (Some(Status::Assigned), _) if dormant => Some("why-assigned-dormant"),
        (Some(Status::Assigned), _) => Some("why-assigned-user"),
        (Some(Status::Reserved), _) => Some("why-reserved"),
        (Some(_), RangeClass::Dynamic) => Some("why-dynamic"),
        (Some(_), _) => Some("why-unassigned"),
    };
    if let Some(key) = key {
        out.push(t.with(key, &[("port", p())]));
    }
    if !info.curated.threats.is_empty() {
        let mut names: Vec<&str> = info
            .curated
            .threats
            .iter()
            .map(|x| x.name.as_str())
            .collect();
        names.dedup();
        out.push(t.with(
            "why-threat",
            &[("port", p()), ("count", Arg::Num(names.len() as i64))],
        ));
    }
    if !info.curated.exposure.is_empty() {
        out.push(t.with("why-exposure", &[("port", p())]));
    }
    if !info.curated.unofficial.is_empty() {
        out.push(t.with("why-unofficial", &[("port", p())]));
    }
    if !info.range.ephemeral_on.is_empty() {
        out.push(t.with("why-ephemeral", &[("port", p())]));
    }
    if out.is_empty() {
        out.push(t.with("why-quiet", &[("port", p())]));
    }
    out
}

pub(super) fn related(t: &Tr, lang: Lang, info: &PortInfo) -> Vec<RelatedView> {
    info.related
        .iter()
        .map(|r| {
            let relation = match r.relation.as_str() {
                "same-service" => t.t("rel-same-service"),
                "sibling-service" => t.t("rel-sibling-service"),
                "neighbour" => t.t("rel-neighbour"),
                other => match other.strip_prefix("same-threat:") {
                    Some(name) => t.s("rel-same-threat", "name", name),
                    None => other.to_string(),
                },
            };
            RelatedView {
                href: super::port_path(lang, r.ports.start),
                ports: r.ports.to_string(),
                service: r.service.clone().unwrap_or_default(),
                relation,
            }
        })
        .collect()
}
