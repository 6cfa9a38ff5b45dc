//! Which daemon is expected behind an IANA service, and whether a process is it.
//!
//! The matcher is a table, not a heuristic: a row names a service (as the IANA registry
//! spells it), the program names that serve it, and the documentation that says so.
//! A service without a row gets no opinion. A process matches when its kernel name
//! (`comm`) or the file name of its argv\[0\] equals a listed name; `comm` is cut to 15
//! bytes by the kernel, so a listed name is compared cut the same way.

use serde::Serialize;

use crate::model::Process;

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Daemon {
    /// The IANA service names this row covers.
    pub services: &'static [&'static str],
    /// The software, for people.
    pub software: &'static str,
    /// Process names that serve it.
    pub names: &'static [&'static str],
    /// Where the program name and its default port are documented.
    pub source: &'static str,
}

/// Software whose default port IANA has not assigned to it. Such a row can confirm a
/// match but never calls a process unexpected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DefaultPort {
    /// The port.
    pub port: u16,
    /// The software, for people.
    pub software: &'static str,
    /// Process names that serve it.
    pub names: &'static [&'static str],
    /// Where the default port is documented.
    pub source: &'static str,
}

macro_rules! daemon {
    ($services:expr, $software:expr, $names:expr, $source:expr) => {
        Daemon {
            services: &$services,
            software: $software,
            names: &$names,
            source: $source,
        }
    };
}

/// Expected daemons by IANA service name.
pub static DAEMONS: &[Daemon] = &[
    daemon!(
        ["ssh"],
        "OpenSSH or Dropbear",
        ["sshd", "sshd-session", "dropbear"],
        "https://man.openbsd.org/sshd.8"
    ),
    daemon!(
        ["postgresql"],
        "PostgreSQL",
        ["postgres", "postmaster"],
        "https://www.postgresql.org/docs/current/app-postgres.html"
    ),
    daemon!(
        ["pgbouncer"],
        "PgBouncer",
        ["pgbouncer"],
        "https://www.pgbouncer.org/usage.html"
    ),
    daemon!(
        ["mysql"],
        "MySQL or MariaDB",
        ["mysqld", "mariadbd"],
        "https://mariadb.com/kb/en/mariadbd/"
    ),
    daemon!(
        ["redis"],
        "Redis, or its forks Valkey and KeyDB",
        ["redis-server", "valkey-server", "keydb-server"],
        "https://redis.io/docs/latest/operate/oss_and_stack/management/config/"
    ),
    daemon!(
        ["amqp", "amqps"],
        "RabbitMQ (on the Erlang VM) or Apache Qpid",
        ["beam.smp", "qpidd"],
        "https://www.rabbitmq.com/docs/networking"
    ),
    daemon!(
        ["epmd"],
        "Erlang port mapper",
        ["epmd", "beam.smp"],
        "https://www.erlang.org/doc/apps/erts/epmd_cmd.html"
    ),
    daemon!(
        ["mqtt", "secure-mqtt"],
        "Mosquitto, or an Erlang MQTT broker (RabbitMQ plugin, EMQX, VerneMQ)",
        ["mosquitto", "beam.smp"],
        "https://mosquitto.org/man/mosquitto-8.html"
    ),
    daemon!(
        ["http", "https", "www", "www-http"],
        "a web server or reverse proxy",
        [
            "nginx", "apache2", "httpd", "caddy", "lighttpd", "haproxy", "traefik", "envoy",
            "varnishd", "h2o"
        ],
        "https://nginx.org/en/docs/http/ngx_http_core_module.html#listen"
    ),
    daemon!(
        ["domain"],
        "a DNS server or resolver",
        [
            "named",
            "unbound",
            "dnsmasq",
            "systemd-resolved",
            "coredns",
            "pdns_server",
            "pdns_recursor",
            "knotd",
            "nsd"
        ],
        "https://www.freedesktop.org/software/systemd/man/latest/systemd-resolved.service.html"
    ),
    daemon!(
        ["smtp", "submission", "submissions"],
        "a mail transfer agent",
        ["master", "exim4", "exim", "sendmail", "smtpd", "opensmtpd"],
        "https://www.postfix.org/master.8.html"
    ),
    daemon!(
        ["imap", "imaps", "pop3", "pop3s"],
        "Dovecot",
        ["dovecot"],
        "https://doc.dovecot.org/"
    ),
    daemon!(
        ["ntp"],
        "an NTP server",
        ["ntpd", "chronyd"],
        "https://chrony-project.org/doc/4.5/chronyd.html"
    ),
    daemon!(
        ["bootps"],
        "a DHCP server",
        ["dhcpd", "dnsmasq", "kea-dhcp4"],
        "https://kb.isc.org/docs/aa-00333"
    ),
    daemon!(
        ["bootpc"],
        "a DHCP client",
        ["dhclient", "NetworkManager", "systemd-networkd", "dhcpcd"],
        "https://www.freedesktop.org/software/systemd/man/latest/systemd-networkd.service.html"
    ),
    daemon!(
        ["ipp", "ipps"],
        "CUPS",
        ["cupsd", "cups-browsed"],
        "https://www.cups.org/doc/man-cupsd.html"
    ),
    daemon!(
        ["mdns"],
        "an mDNS responder",
        ["avahi-daemon", "systemd-resolved"],
        "https://avahi.org/"
    ),
    daemon!(
        ["llmnr"],
        "systemd-resolved",
        ["systemd-resolved"],
        "https://www.freedesktop.org/software/systemd/man/latest/systemd-resolved.service.html"
    ),
    daemon!(
        ["ldap", "ldaps"],
        "OpenLDAP or 389 Directory Server",
        ["slapd", "ns-slapd"],
        "https://www.openldap.org/software/man.cgi?query=slapd"
    ),
    daemon!(
        ["microsoft-ds", "netbios-ssn"],
        "Samba",
        ["smbd"],
        "https://www.samba.org/samba/docs/current/man-html/smbd.8.html"
    ),
    daemon!(
        ["netbios-ns", "netbios-dgm"],
        "Samba",
        ["nmbd"],
        "https://www.samba.org/samba/docs/current/man-html/nmbd.8.html"
    ),
    daemon!(
        ["sunrpc"],
        "rpcbind",
        ["rpcbind", "systemd"],
        "https://man7.org/linux/man-pages/man8/rpcbind.8.html"
    ),
    daemon!(
        ["memcache"],
        "memcached",
        ["memcached"],
        "https://github.com/memcached/memcached/wiki/ConfiguringServer"
    ),
    daemon!(
        ["mongodb"],
        "MongoDB",
        ["mongod", "mongos"],
        "https://www.mongodb.com/docs/manual/reference/default-mongodb-port/"
    ),
    daemon!(
        ["etcd-client", "etcd-server"],
        "etcd",
        ["etcd"],
        "https://etcd.io/docs/latest/op-guide/configuration/"
    ),
    daemon!(
        ["docker", "docker-s"],
        "the Docker daemon",
        ["dockerd"],
        "https://docs.docker.com/reference/cli/dockerd/"
    ),
    daemon!(
        ["rsync"],
        "the rsync daemon",
        ["rsync"],
        "https://download.samba.org/pub/rsync/rsyncd.conf.5"
    ),
    daemon!(
        ["snmp"],
        "Net-SNMP",
        ["snmpd"],
        "http://www.net-snmp.org/docs/man/snmpd.html"
    ),
    daemon!(
        ["syslog"],
        "a syslog daemon",
        ["rsyslogd", "syslog-ng"],
        "https://www.rsyslog.com/doc/configuration/modules/imudp.html"
    ),
    daemon!(
        ["ftp"],
        "an FTP server",
        ["vsftpd", "proftpd", "pure-ftpd"],
        "https://security.appspot.com/vsftpd/vsftpd_conf.html"
    ),
    daemon!(
        ["kerberos"],
        "a Kerberos KDC",
        ["krb5kdc"],
        "https://web.mit.edu/kerberos/krb5-latest/doc/admin/admin_commands/krb5kdc.html"
    ),
    daemon!(
        ["openvpn"],
        "OpenVPN",
        ["openvpn"],
        "https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/"
    ),
    daemon!(
        ["isakmp", "ipsec-nat-t"],
        "strongSwan or Libreswan",
        ["charon", "charon-systemd", "pluto"],
        "https://docs.strongswan.org/docs/latest/config/config.html"
    ),
    daemon!(["ms-wbt-server"], "xrdp", ["xrdp"], "https://www.xrdp.org/"),
    daemon!(
        ["x11"],
        "an X server",
        ["Xorg", "X", "Xwayland", "Xvfb"],
        "https://www.x.org/releases/current/doc/man/man1/Xserver.1.xhtml"
    ),
    daemon!(
        ["sip"],
        "a SIP server",
        ["asterisk", "kamailio", "opensips"],
        "https://docs.asterisk.org/"
    ),
    daemon!(
        ["rfio"],
        "CERN's RFIO server",
        ["rfiod"],
        "https://doc.cc.in2p3.fr/en:rfio_presentation"
    ),
    daemon!(
        ["couchdb"],
        "Apache CouchDB (on the Erlang VM)",
        ["beam.smp", "couchdb"],
        "https://docs.couchdb.org/en/stable/setup/cluster.html"
    ),
];

/// Software defaults on ports IANA has not assigned to that software.
pub static DEFAULT_PORTS: &[DefaultPort] = &[
    DefaultPort {
        port: 4222,
        software: "NATS",
        names: &["nats-server", "gnatsd"],
        source: "https://docs.nats.io/running-a-nats-service/configuration",
    },
    DefaultPort {
        port: 25672,
        software: "RabbitMQ inter-node and CLI communication (Erlang distribution)",
        names: &["beam.smp"],
        source: "https://www.rabbitmq.com/docs/networking",
    },
    DefaultPort {
        port: 15672,
        software: "RabbitMQ management UI",
        names: &["beam.smp"],
        source: "https://www.rabbitmq.com/docs/management",
    },
    DefaultPort {
        port: 26379,
        software: "Redis Sentinel",
        names: &["redis-sentinel", "redis-server"],
        source: "https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/",
    },
];

/// Programs that listen on behalf of something else (a container, a remote host). They
/// get no verdict of their own: judge what they forward to.
pub static FORWARDERS: &[(&str, &str)] = &[
    ("docker-proxy", "Docker publishes a container's port"),
    (
        "rootlessport",
        "rootless Podman publishes a container's port",
    ),
    (
        "rootlesskit",
        "rootless Docker publishes a container's port",
    ),
    ("slirp4netns", "a rootless container's network stack"),
    ("pasta", "a rootless container's network stack"),
    ("pasta.avx2", "a rootless container's network stack"),
    ("conmon", "a Podman container monitor"),
    ("ssh", "an SSH client forwarding a port (ssh -L or -D)"),
    ("kubectl", "kubectl port-forward"),
];

/// What the table says about one process on one port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Match {
    /// The process is a daemon the table lists for this service.
    Expected {
        /// The service (IANA name, or the software for an unassigned default port).
        service: String,
        /// The software.
        software: String,
        /// The name that matched.
        matched: String,
        /// Where that is documented.
        source: String,
    },
    /// The table lists daemons for this service, and the process is none of them.
    Unexpected {
        /// The IANA service.
        service: String,
        /// The software expected.
        software: String,
        /// The names that would have matched.
        expected: Vec<String>,
        /// Where that is documented.
        source: String,
    },
    /// The process forwards the port for something else.
    Forwarder {
        /// The forwarding program.
        program: String,
        /// What it does.
        what: String,
    },
    /// The table has no row for this port, or the owner is not known.
    NoOpinion {
        /// Why.
        why: String,
    },
}

/// The names a process goes by: its `comm` and the file name of argv\[0\] (with a
/// title such as `nginx: master process` reduced to `nginx`).
pub fn process_names(process: &Process) -> Vec<String> {
    let mut names = vec![process.name.clone()];
    if let Some(arg0) = process.cmdline.first() {
        let first_word = arg0.split_whitespace().next().unwrap_or(arg0);
        let base = first_word.rsplit('/').next().unwrap_or(first_word);
        let base = base.trim_end_matches(':');
        if !base.is_empty() && !names.iter().any(|n| n == base) {
            names.push(base.to_string());
        }
    }
    names
}

fn matches_name(candidate: &str, listed: &str) -> bool {
    // The kernel truncates comm to 15 bytes (TASK_COMM_LEN 16 with the NUL).
    candidate == listed
        || (candidate.len() == 15 && listed.len() > 15 && listed.starts_with(candidate))
}

fn find_match(process: &Process, listed: &[&str]) -> Option<String> {
    let names = process_names(process);
    listed
        .iter()
        .find(|l| names.iter().any(|n| matches_name(n, l)))
        .map(|l| l.to_string())
}

/// Judges one process against the table, for a port whose IANA service names (on the
/// socket's transport, registry order) are `services`.
pub fn match_process(port: u16, services: &[String], process: Option<&Process>) -> Match {
    let Some(process) = process else {
        return Match::NoOpinion {
            why: "owner not known".into(),
        };
    };
    let rows: Vec<(&String, &Daemon)> = services
        .iter()
        .flat_map(|s| {
            DAEMONS
                .iter()
                .filter(move |d| d.services.iter().any(|x| x.eq_ignore_ascii_case(s)))
                .map(move |d| (s, d))
        })
        .collect();
    for (service, row) in &rows {
        if let Some(matched) = find_match(process, row.names) {
            return Match::Expected {
                service: (*service).clone(),
                software: row.software.into(),
                matched,
                source: row.source.into(),
            };
        }
    }
    // A software default can sit inside an IANA range assigned to something idle
    // (4222 lies in vrml-multi-use 4200-4299): it confirms, whatever the registry says.
    if let Some(default) = DEFAULT_PORTS.iter().find(|d| d.port == port)
        && let Some(matched) = find_match(process, default.names)
    {
        return Match::Expected {
            service: format!("{} default port", default.software),
            software: default.software.into(),
            matched,
            source: default.source.into(),
        };
    }
    let names = process_names(process);
    if let Some((program, what)) = FORWARDERS
        .iter()
        .find(|(f, _)| names.iter().any(|n| n == f))
    {
        return Match::Forwarder {
            program: (*program).into(),
            what: (*what).into(),
        };
    }
    if let Some((service, row)) = rows.first() {
        return Match::Unexpected {
            service: (*service).clone(),
            software: row.software.into(),
            expected: row.names.iter().map(|n| n.to_string()).collect(),
            source: row.source.into(),
        };
    }
    Match::NoOpinion {
        why: if services.is_empty() {
            "no IANA service and no known default for this port".into()
        } else {
            format!("no daemon table entry for {}", services.join(", "))
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proc(name: &str, argv0: &str) -> Process {
        Process {
            pid: 1,
            name: name.into(),
            cmdline: if argv0.is_empty() {
                vec![]
            } else {
                vec![argv0.into()]
            },
            uid: None,
            user: None,
        }
    }

    fn s(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn known_daemons_are_expected() {
        let m = match_process(
            5432,
            &s(&["postgresql"]),
            Some(&proc("postgres", "/usr/lib/postgresql/16/bin/postgres")),
        );
        assert!(
            matches!(m, Match::Expected { ref matched, .. } if matched == "postgres"),
            "{m:?}"
        );
        let m = match_process(
            80,
            &s(&["http", "www"]),
            Some(&proc("nginx", "nginx: master process /usr/sbin/nginx")),
        );
        assert!(matches!(m, Match::Expected { .. }), "{m:?}");
        let m = match_process(
            4222,
            &[],
            Some(&proc("nats-server", "/usr/bin/nats-server")),
        );
        assert!(matches!(m, Match::Expected { .. }), "{m:?}");
    }

    #[test]
    fn comm_truncated_to_15_bytes_still_matches() {
        let m = match_process(
            53,
            &s(&["domain"]),
            Some(&proc("systemd-resolve", "/lib/systemd/systemd-resolved")),
        );
        assert!(matches!(m, Match::Expected { .. }), "{m:?}");
        let m = match_process(53, &s(&["domain"]), Some(&proc("systemd-resolve", "")));
        assert!(matches!(m, Match::Expected { .. }), "{m:?}");
    }

    #[test]
    fn a_plain_program_on_an_assigned_port_is_unexpected() {
        let m = match_process(3147, &s(&["rfio"]), Some(&proc("nc", "nc")));
        assert!(
            matches!(m, Match::Unexpected { ref expected, .. } if expected == &["rfiod"]),
            "{m:?}"
        );
    }

    #[test]
    fn no_row_means_no_opinion() {
        let m = match_process(3000, &s(&["hbci"]), Some(&proc("node", "node")));
        assert!(matches!(m, Match::NoOpinion { .. }), "{m:?}");
        // An unassigned default port confirms, but never accuses.
        let m = match_process(4222, &[], Some(&proc("python3", "python3")));
        assert!(matches!(m, Match::NoOpinion { .. }), "{m:?}");
        assert!(matches!(
            match_process(22, &s(&["ssh"]), None),
            Match::NoOpinion { .. }
        ));
    }

    #[test]
    fn forwarders_are_not_judged_as_the_service() {
        let m = match_process(
            5432,
            &s(&["postgresql"]),
            Some(&proc("docker-proxy", "/usr/bin/docker-proxy")),
        );
        assert!(matches!(m, Match::Forwarder { .. }), "{m:?}");
    }
}
