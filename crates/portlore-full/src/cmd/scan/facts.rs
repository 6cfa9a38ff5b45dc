//! What the knowledge base says about a scanned port, in the judgement library's terms.

use portlore_judge::scan::{Observed, PortContext};
use portlore_judge::{ExposureHint, Facts, Reach, ThreatHint, Verdict};
use portlore_kb::{Knowledge, PortInfo, Transport};
use portlore_scan::service::{Service, Status};

/// The standard port of a detected service, to find exposure facts when it was moved.
fn standard_port(service: &str) -> Option<u16> {
    Some(match service {
        "redis" => 6379,
        "postgresql" => 5432,
        "mysql" => 3306,
        "mongodb" => 27017,
        "memcached" => 11211,
        "amqp" => 5672,
        "mqtt" => 1883,
        "nats" => 4222,
        "ssh" => 22,
        "telnet" => 23,
        "vnc" => 5900,
        "elasticsearch" => 9200,
        "docker" => 2375,
        "epmd" => 4369,
        "rdp" => 3389,
        "smb" => 445,
        _ => return None,
    })
}

/// IANA service names of a port for one transport, in registry order.
pub fn iana_names(info: &PortInfo, transport: Transport) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for a in info.for_transport(transport) {
        if let Some(s) = &a.service
            && !names.contains(s)
        {
            names.push(s.clone());
        }
    }
    names
}

fn facts(info: &PortInfo, transport: Transport) -> Facts {
    Facts {
        services: iana_names(info, transport),
        registry: info.registry.is_some(),
        threats: info
            .curated
            .threats
            .iter()
            .filter(|t| t.transports.contains(&transport))
            .map(|t| ThreatHint {
                name: t.name.clone(),
                year: t.year,
                role: t.role.clone(),
                ports: (t.ports.start, t.ports.end),
            })
            .collect(),
        exposure: info
            .curated
            .exposure
            .iter()
            .filter(|e| e.transports.contains(&transport))
            .map(|e| ExposureHint {
                service: e.service.clone(),
                severity: e.severity.clone(),
            })
            .collect(),
    }
}

/// Judges one open port from what identification saw and what the knowledge says.
pub fn judge(
    kb: &Knowledge,
    port: u16,
    transport: Transport,
    service: Option<&Service>,
    reach: Reach,
) -> Result<Verdict, portlore_kb::IntegrityError> {
    let info = kb.port(port)?;
    let mut f = facts(&info, transport);
    let detected = service
        .filter(|s| s.status == Status::Identified)
        .map(|s| s.name.as_str());
    if let Some(std) = detected.and_then(standard_port).filter(|p| *p != port) {
        f.exposure.extend(facts(&kb.port(std)?, transport).exposure);
    }
    let ctx = PortContext {
        port,
        transport: match transport {
            Transport::Tcp => "tcp",
            Transport::Udp => "udp",
            Transport::Sctp => "sctp",
            Transport::Dccp => "dccp",
        },
        unofficial: info
            .curated
            .unofficial
            .iter()
            .filter(|u| u.transports.contains(&transport))
            .map(|u| u.software.clone())
            .collect(),
    };
    let observed = Observed {
        service: service.map(|s| s.name.as_str()),
        product: service.and_then(|s| s.product.as_deref()),
        silent: service.is_some_and(|s| s.status == Status::Silent),
        findings: service.map(|s| s.findings.as_slice()).unwrap_or(&[]),
    };
    Ok(portlore_judge::scan::judge(&observed, &f, &ctx, reach))
}
