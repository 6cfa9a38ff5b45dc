//! The judgement of one open port found by a scan: what answered against what the port
//! is assigned to, who can reach it, and what the answer itself gave away.

use crate::{Code, Facts, Finding, Level, Reach, Reason, Verdict, role_phrase};

/// What identification saw on the port.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Observed<'a> {
    /// The service name it found (`ssh`, `redis`, `epmd`), `None` when nothing named it.
    pub service: Option<&'a str>,
    /// The product it found (`OpenSSH`, `RabbitMQ`).
    pub product: Option<&'a str>,
    /// The port accepted connections and answered no probe.
    pub silent: bool,
    /// What the answers gave away.
    pub findings: &'a [Finding],
}

/// What the caller knows about the port beyond [`Facts`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortContext {
    /// The port.
    pub port: u16,
    /// `tcp` or `udp`.
    pub transport: &'static str,
    /// Programs known to use the port without an IANA assignment (curated).
    pub unofficial: Vec<String>,
}

/// Service names that count as the IANA service of the port.
pub fn same_service(detected: &str, iana: &str) -> bool {
    let d = detected.to_ascii_lowercase();
    let i = iana.to_ascii_lowercase();
    if d == i || i.starts_with(&d) || d.starts_with(&i) {
        return true;
    }
    const ALIASES: &[(&str, &[&str])] = &[
        ("smtp", &["submission", "submissions", "urd", "smtps"]),
        ("https", &["http", "http-alt", "pcsync-https", "ssl"]),
        ("http", &["www", "http-alt", "webcache", "www-http"]),
        ("imap", &["imap4", "imaps"]),
        ("pop3", &["pop3s"]),
        ("memcached", &["memcache"]),
        ("mqtt", &["secure-mqtt"]),
        ("postgresql", &["postgres"]),
        ("dns", &["domain"]),
        ("ldap", &["ldaps"]),
        ("rdp", &["ms-wbt-server"]),
        ("smb", &["microsoft-ds", "netbios-ssn"]),
        ("mssql", &["ms-sql-s"]),
        ("oracle-tns", &["ncube-lm", "oracle"]),
        ("ipp", &["ipps"]),
        ("kubernetes", &["sun-sr-https", "kubelet"]),
        ("erlang-dist", &[]),
        (
            "tls",
            &[
                "https",
                "imaps",
                "pop3s",
                "ldaps",
                "ftps",
                "submissions",
                "amqps",
                "secure-mqtt",
            ],
        ),
    ];
    ALIASES
        .iter()
        .any(|(k, v)| *k == d && v.iter().any(|a| *a == i))
}

/// A neutral name for services that many products share, so that a curated note about
/// one product does not name the service after it.
pub fn neutral_name(service: &str) -> Option<&'static str> {
    Some(match service {
        "epmd" => "Erlang's port mapper (epmd), used by RabbitMQ, CouchDB and other Erlang systems",
        "erlang-dist" => {
            "an Erlang distribution listener (node-to-node clustering, guarded by the Erlang cookie)"
        }
        _ => return None,
    })
}

fn reach_phrase(reach: Reach) -> &'static str {
    match reach {
        Reach::Loopback => "reachable from this host only",
        Reach::Private => "reachable from the local network (a private address)",
        Reach::Public => "reachable from the internet, as far as this scan can tell",
    }
}

/// Level of a finding that would be serious if reachable from elsewhere: on loopback it
/// concerns only local users, so it is a note unless `always_look`.
fn scoped(reach: Reach, always_look: bool) -> Level {
    if always_look || reach != Reach::Loopback {
        Level::Look
    } else {
        Level::Note
    }
}

fn finding_reason(f: Finding, reach: Reach, what: &str) -> Reason {
    let place = reach_phrase(reach);
    match f {
        // Trust stays a LOOK on loopback too: every local user (and every local process a
        // browser or a build script can steer) may connect as any role, the superuser
        // included, and a superuser runs programs as the server's account.
        Finding::TrustAuth => Reason::new(
            scoped(reach, true),
            Code::TrustAuth,
            format!(
                "PostgreSQL asked no password for a made-up role (trust authentication): whoever reaches it may connect as any role, the superuser included; {place}"
            ),
        ),
        Finding::NoAuth => Reason::new(
            scoped(reach, false),
            Code::NoAuth,
            format!("{what} answered a data request without authentication; {place}"),
        ),
        Finding::AnonymousFtp => Reason::new(
            scoped(reach, false),
            Code::AnonymousFtp,
            format!("the FTP server accepts anonymous logins; {place}"),
        ),
        Finding::DockerWithoutTls => Reason::new(
            Level::Look,
            Code::DockerWithoutTls,
            format!(
                "the Docker Engine API answers over plain TCP without TLS: whoever reaches it controls the host's containers; {place}"
            ),
        ),
        Finding::UdpAmplifier => Reason::new(
            scoped(reach, false),
            Code::UdpAmplifier,
            format!(
                "{what} answers over UDP, which spoofed requests can turn into reflection traffic; {place}"
            ),
        ),
    }
}

/// Judges one open port.
pub fn judge(observed: &Observed<'_>, facts: &Facts, ctx: &PortContext, reach: Reach) -> Verdict {
    let port = ctx.port;
    let proto = ctx.transport;
    let mut reasons = Vec::new();
    let detected = observed
        .service
        .filter(|n| !matches!(*n, "unknown" | "tcpwrapped" | "silent"));
    let what = detected
        .and_then(neutral_name)
        .map(String::from)
        .or_else(|| observed.product.map(String::from))
        .or_else(|| detected.map(String::from))
        .unwrap_or_else(|| format!("the service on {port}/{proto}"));
    let iana = facts.services.join(", ");

    match detected {
        Some(d) if facts.services.iter().any(|i| same_service(d, i)) => reasons.push(Reason::new(
            Level::Fine,
            Code::ExpectedService,
            match neutral_name(d) {
                Some(n) => format!("{n}, as IANA assigns {port}/{proto} ({iana})"),
                None => format!("expected: IANA assigns {port}/{proto} to {iana}"),
            },
        )),
        Some(d) => {
            let product = observed.product.map(str::to_ascii_lowercase);
            let known = ctx.unofficial.iter().find(|sw| {
                let sw = sw.to_ascii_lowercase();
                sw.contains(d) || product.as_ref().is_some_and(|p| sw.contains(p.as_str()))
            });
            let named = neutral_name(d).map(String::from).unwrap_or(d.to_string());
            if let Some(sw) = known {
                reasons.push(Reason::new(
                    Level::Fine,
                    Code::UnofficialUse,
                    format!("{named}: {sw} commonly uses this port (not an IANA assignment)"),
                ));
            } else if facts.services.is_empty() {
                reasons.push(Reason::new(
                    Level::Fine,
                    Code::Unassigned,
                    if facts.registry {
                        format!("{named} on {port}/{proto}, which has no IANA assignment")
                    } else {
                        format!("{named} detected (no registry consulted)")
                    },
                ));
            } else {
                reasons.push(Reason::new(
                    Level::Note,
                    Code::UnexpectedService,
                    format!("unexpected: {named} on a port IANA assigns to {iana}"),
                ));
            }
        }
        None if observed.silent => reasons.push(Reason::new(
            Level::Note,
            Code::Silent,
            "accepts connections but answered no probe: a client-speaks-first protocol portlore does not know, or a firewall or proxy holding the port",
        )),
        None if observed.service == Some("tcpwrapped") => reasons.push(Reason::new(
            Level::Note,
            Code::NotIdentified,
            "closes every connection without a word (tcpwrapped): access control, or a service waiting for something portlore does not send",
        )),
        None => reasons.push(Reason::new(
            Level::Note,
            Code::NotIdentified,
            "answered, but no fingerprint names the service",
        )),
    }

    match reach {
        Reach::Loopback => reasons.push(Reason::new(
            Level::Fine,
            Code::Loopback,
            reach_phrase(reach),
        )),
        Reach::Private => reasons.push(Reason::new(
            Level::Fine,
            Code::PrivateNetwork,
            "a private address: exposure depends on the network's own edge",
        )),
        Reach::Public => reasons.push(Reason::new(
            Level::Note,
            Code::PublicNetwork,
            "a public address: anyone on the internet may reach it unless a firewall in between says otherwise",
        )),
    }

    for hint in &facts.exposure {
        // The curated entry may be about one product (CouchDB); a service many products
        // share keeps its neutral name.
        let about = if neutral_name(detected.unwrap_or("")).is_some() {
            format!(
                "{what}: the curated notes list {port}/{proto} as must not face the internet ({} risk)",
                hint.severity
            )
        } else {
            format!(
                "{} must not face the internet ({} risk)",
                hint.service, hint.severity
            )
        };
        let level = match reach {
            Reach::Loopback => Level::Fine,
            Reach::Private => Level::Note,
            Reach::Public => Level::Look,
        };
        reasons.push(Reason::new(
            level,
            Code::ExposureRisk,
            format!("{about}; {}", reach_phrase(reach)),
        ));
    }

    for &f in observed.findings {
        reasons.push(finding_reason(f, reach, &what));
    }

    for t in &facts.threats {
        let (a, b) = t.ports;
        let place = if a == b {
            format!("port {a}")
        } else {
            format!("range {a}-{b}")
        };
        let worry = reasons.iter().any(|r| {
            matches!(
                r.code,
                Code::UnexpectedService | Code::NotIdentified | Code::Silent
            )
        });
        reasons.push(Reason::new(
            if worry { Level::Note } else { Level::Fine },
            Code::ThreatHistory,
            format!(
                "history: {} ({}) used {place} {}",
                t.name,
                t.year,
                role_phrase(&t.role)
            ),
        ));
    }
    Verdict::from_reasons(reasons)
}

/// The judgement of a host that answered on (almost) every port.
pub fn proxied(open: usize, scanned: usize) -> Verdict {
    Verdict::from_reasons(vec![Reason::new(
        Level::Note,
        Code::Proxied,
        format!(
            "{open} of {scanned} ports accepted a connection: a SYN proxy, tarpit or firewall answers for the host, so open ports say nothing about services"
        ),
    )])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ExposureHint, ThreatHint};

    fn facts(services: &[&str]) -> Facts {
        Facts {
            services: services.iter().map(|s| s.to_string()).collect(),
            registry: true,
            ..Facts::default()
        }
    }

    fn ctx(port: u16) -> PortContext {
        PortContext {
            port,
            transport: "tcp",
            unofficial: Vec::new(),
        }
    }

    fn seen(service: &'static str) -> Observed<'static> {
        Observed {
            service: Some(service),
            ..Observed::default()
        }
    }

    fn redis_facts() -> Facts {
        let mut f = facts(&["redis"]);
        f.exposure.push(ExposureHint {
            service: "Redis".into(),
            severity: "critical".into(),
        });
        f
    }

    #[test]
    fn loopback_redis_is_not_an_exposure() {
        let v = judge(&seen("redis"), &redis_facts(), &ctx(6379), Reach::Loopback);
        assert_eq!(v.level, Level::Fine, "{v:?}");
        assert!(v.has(Code::ExpectedService) && v.has(Code::Loopback));
        let e = v
            .reasons
            .iter()
            .find(|r| r.code == Code::ExposureRisk)
            .unwrap();
        assert!(e.text.contains("this host only"), "{}", e.text);
    }

    #[test]
    fn exposure_grows_with_reach() {
        let f = redis_facts();
        let private = judge(&seen("redis"), &f, &ctx(6379), Reach::Private);
        assert_eq!(private.level, Level::Note);
        let public = judge(&seen("redis"), &f, &ctx(6379), Reach::Public);
        assert_eq!(public.level, Level::Look);
        assert_eq!(public.reasons[0].code, Code::ExposureRisk);
    }

    #[test]
    fn epmd_is_named_neutrally() {
        let mut f = facts(&["epmd"]);
        f.exposure.push(ExposureHint {
            service: "CouchDB Erlang distribution (EPMD)".into(),
            severity: "critical".into(),
        });
        let o = Observed {
            service: Some("epmd"),
            product: Some("Erlang port mapper"),
            ..Observed::default()
        };
        let v = judge(&o, &f, &ctx(4369), Reach::Loopback);
        assert_eq!(v.level, Level::Fine);
        assert!(
            v.reasons[0]
                .text
                .starts_with("Erlang's port mapper (epmd), used by RabbitMQ, CouchDB"),
            "{v:?}"
        );
        let e = v
            .reasons
            .iter()
            .find(|r| r.code == Code::ExposureRisk)
            .unwrap();
        assert!(e.text.starts_with("Erlang's port mapper"), "{}", e.text);
        assert!(
            !e.text.contains("CouchDB Erlang distribution"),
            "{}",
            e.text
        );
    }

    #[test]
    fn findings_are_raised_by_reach() {
        for (finding, code, service) in [
            (Finding::NoAuth, Code::NoAuth, "redis"),
            (Finding::NoAuth, Code::NoAuth, "mongodb"),
            (Finding::NoAuth, Code::NoAuth, "elasticsearch"),
            (Finding::AnonymousFtp, Code::AnonymousFtp, "ftp"),
            (Finding::UdpAmplifier, Code::UdpAmplifier, "memcached"),
            (Finding::UdpAmplifier, Code::UdpAmplifier, "ntp"),
        ] {
            let o = Observed {
                service: Some(service),
                findings: &[finding],
                ..Observed::default()
            };
            let local = judge(&o, &facts(&[service]), &ctx(1), Reach::Loopback);
            assert_eq!(local.level, Level::Note, "{finding:?} on loopback");
            assert_eq!(local.reasons[0].code, code);
            let lan = judge(&o, &facts(&[service]), &ctx(1), Reach::Private);
            assert_eq!(lan.level, Level::Look, "{finding:?} on the LAN");
        }
        let trust = Observed {
            service: Some("postgresql"),
            findings: &[Finding::TrustAuth],
            ..Observed::default()
        };
        let v = judge(&trust, &facts(&["postgresql"]), &ctx(5432), Reach::Loopback);
        assert_eq!(v.level, Level::Look, "trust auth on loopback");
        assert_eq!(v.reasons[0].code, Code::TrustAuth);
        let docker = Observed {
            service: Some("docker"),
            findings: &[Finding::DockerWithoutTls],
            ..Observed::default()
        };
        let v = judge(&docker, &facts(&["docker"]), &ctx(2375), Reach::Loopback);
        assert_eq!(v.level, Level::Look);
        assert_eq!(v.reasons[0].code, Code::DockerWithoutTls);
    }

    #[test]
    fn mongodb_listing_its_databases_to_a_stranger_is_raised() {
        let o = Observed {
            service: Some("mongodb"),
            product: Some("MongoDB"),
            findings: &[Finding::NoAuth],
            ..Observed::default()
        };
        let f = facts(&["mongodb"]);
        let v = judge(&o, &f, &ctx(27017), Reach::Private);
        assert_eq!((v.level, v.reasons[0].code), (Level::Look, Code::NoAuth));
        assert!(
            v.headline()
                .starts_with("MongoDB answered a data request without authentication"),
            "{v:?}"
        );
        let public = judge(&o, &f, &ctx(27017), Reach::Public);
        assert_eq!(public.level, Level::Look);
        let local = judge(&o, &f, &ctx(27017), Reach::Loopback);
        assert_eq!(local.level, Level::Note);
        assert!(local.headline().ends_with("reachable from this host only"));
        // A MongoDB that demands authentication carries no finding and stays fine.
        let guarded = Observed { findings: &[], ..o };
        let v = judge(&guarded, &f, &ctx(27017), Reach::Private);
        assert_eq!(v.level, Level::Fine, "{v:?}");
    }

    #[test]
    fn identity_rules() {
        let v = judge(&seen("ssh"), &facts(&["http"]), &ctx(80), Reach::Loopback);
        assert_eq!(v.level, Level::Note);
        assert_eq!(v.reasons[0].code, Code::UnexpectedService);
        let v = judge(
            &seen("https"),
            &facts(&["https"]),
            &ctx(443),
            Reach::Loopback,
        );
        assert!(v.has(Code::ExpectedService));
        let v = judge(&seen("nats"), &facts(&[]), &ctx(4222), Reach::Loopback);
        assert!(v.has(Code::Unassigned) && v.level == Level::Fine);
        let mut c = ctx(8080);
        c.unofficial.push("Apache Tomcat".into());
        let o = Observed {
            service: Some("http"),
            product: Some("Apache Tomcat"),
            ..Observed::default()
        };
        let v = judge(&o, &facts(&["webcache"]), &c, Reach::Loopback);
        assert!(v.has(Code::ExpectedService) || v.has(Code::UnofficialUse));
        let o = Observed {
            service: Some("amqp"),
            product: Some("RabbitMQ"),
            ..Observed::default()
        };
        let mut c = ctx(9999);
        c.unofficial.push("RabbitMQ management".into());
        let v = judge(&o, &facts(&["distinct"]), &c, Reach::Loopback);
        assert!(v.has(Code::UnofficialUse), "{v:?}");
    }

    #[test]
    fn silence_and_unknown_are_notes() {
        let silent = Observed {
            silent: true,
            ..Observed::default()
        };
        let v = judge(&silent, &facts(&["x"]), &ctx(1234), Reach::Loopback);
        assert_eq!((v.level, v.reasons[0].code), (Level::Note, Code::Silent));
        let v = judge(
            &seen("unknown"),
            &facts(&["x"]),
            &ctx(1234),
            Reach::Loopback,
        );
        assert_eq!(v.reasons[0].code, Code::NotIdentified);
    }

    #[test]
    fn threat_history_weighs_only_when_the_service_is_odd() {
        let mut f = facts(&["rfio"]);
        f.threats.push(ThreatHint {
            name: "MyDoom".into(),
            year: 2004,
            role: "listening-backdoor".into(),
            ports: (3127, 3198),
        });
        let v = judge(&seen("unknown"), &f, &ctx(3147), Reach::Loopback);
        let t = v
            .reasons
            .iter()
            .find(|r| r.code == Code::ThreatHistory)
            .unwrap();
        assert_eq!(t.level, Level::Note);
        assert!(
            t.text
                .contains("MyDoom (2004) used range 3127-3198 for a listening backdoor")
        );
        let v = judge(&seen("rfio"), &f, &ctx(3147), Reach::Loopback);
        let t = v
            .reasons
            .iter()
            .find(|r| r.code == Code::ThreatHistory)
            .unwrap();
        assert_eq!(t.level, Level::Fine);
    }

    #[test]
    fn public_reach_is_a_note_by_itself() {
        let v = judge(&seen("ssh"), &facts(&["ssh"]), &ctx(22), Reach::Public);
        assert_eq!(v.level, Level::Note);
        assert!(v.has(Code::PublicNetwork));
        let p = proxied(65000, 65535);
        assert_eq!(p.reasons[0].code, Code::Proxied);
    }
}
