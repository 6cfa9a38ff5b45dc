//! `--udp-probes`: one datagram per port, with a protocol payload where the port has a
//! well-known one. An answer means open, an ICMP port unreachable means closed, silence
//! is `open|filtered` (UDP cannot tell them apart without an answer).
//!
//! Payloads are questions a client asks every day: SNMP `get sysDescr` with the
//! `public` community, an NTP client request (never the `monlist` query), DNS
//! `version.bind`, an RMCP presence ping, an IKE SA proposal, a STUN binding request, an
//! mDNS service enumeration and an SSDP search.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use portlore_judge::Finding;
use tokio::net::UdpSocket;
use tokio::task::JoinSet;

use crate::engine::{Event, Observer};
use crate::escape::{escape_bytes, escape_str};
use crate::report::{HostReport, UdpResult};
use crate::service::Service;
use crate::service::fingerprint::Fingerprints;
use crate::service::recognise::{dns_message, header, refine};
use crate::timing::TimingParams;

const PARALLEL: usize = 64;

/// The initiator cookie of our IKE proposal, echoed by a responder.
const IKE_COOKIE: [u8; 8] = *b"portlore";
/// The STUN transaction id of our binding request.
const STUN_TXID: [u8; 12] = *b"portlore-stn";

/// A UDP probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UdpProbe {
    /// DNS `version.bind` TXT CH.
    Dns,
    /// mDNS `_services._dns-sd._udp.local` PTR.
    Mdns,
    /// NTP version 4 client request.
    Ntp,
    /// SNMPv1 GetRequest sysDescr.0, community `public`.
    Snmp,
    /// memcached `version` in the UDP frame.
    Memcached,
    /// RMCP/ASF presence ping (IPMI).
    Rmcp,
    /// IKEv1 main mode with one proposal.
    Ike,
    /// STUN binding request.
    Stun,
    /// SSDP M-SEARCH.
    Ssdp,
    /// An empty datagram.
    Empty,
}

impl UdpProbe {
    /// The probe for a port.
    pub fn for_port(port: u16) -> UdpProbe {
        match port {
            53 => UdpProbe::Dns,
            5353 => UdpProbe::Mdns,
            123 => UdpProbe::Ntp,
            161 => UdpProbe::Snmp,
            11211 => UdpProbe::Memcached,
            623 => UdpProbe::Rmcp,
            500 | 4500 => UdpProbe::Ike,
            3478 | 3479 | 5349 => UdpProbe::Stun,
            1900 => UdpProbe::Ssdp,
            _ => UdpProbe::Empty,
        }
    }

    /// Its name in results.
    pub fn name(self) -> &'static str {
        match self {
            UdpProbe::Dns => "dns",
            UdpProbe::Mdns => "mdns",
            UdpProbe::Ntp => "ntp",
            UdpProbe::Snmp => "snmp",
            UdpProbe::Memcached => "memcached",
            UdpProbe::Rmcp => "rmcp",
            UdpProbe::Ike => "ike",
            UdpProbe::Stun => "stun",
            UdpProbe::Ssdp => "ssdp",
            UdpProbe::Empty => "empty",
        }
    }

    /// The datagram.
    pub fn payload(self) -> Vec<u8> {
        match self {
            UdpProbe::Dns => crate::service::probes::dns_version_bind(),
            UdpProbe::Mdns => {
                let mut q = vec![0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
                for l in ["_services", "_dns-sd", "_udp", "local"] {
                    q.push(l.len() as u8);
                    q.extend_from_slice(l.as_bytes());
                }
                q.extend_from_slice(&[0, 0, 12, 0, 1]); // PTR IN
                q
            }
            UdpProbe::Ntp => {
                let mut p = vec![0u8; 48];
                p[0] = 0x23; // leap 0, version 4, mode 3 (client)
                p
            }
            UdpProbe::Snmp => snmp_get_sysdescr(),
            UdpProbe::Memcached => b"\x00\x01\x00\x00\x00\x01\x00\x00version\r\n".to_vec(),
            UdpProbe::Rmcp => vec![
                0x06, 0x00, 0xff, 0x06, // RMCP v1, no ack, class ASF
                0x00, 0x00, 0x11, 0xbe, // IANA enterprise 4542 (ASF)
                0x80, 0x00, 0x00, 0x00, // presence ping, tag 0, reserved, length 0
            ],
            UdpProbe::Ike => ike_main_mode(),
            UdpProbe::Stun => {
                let mut m = vec![0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42];
                m.extend_from_slice(&STUN_TXID);
                m
            }
            UdpProbe::Ssdp => b"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\nUSER-AGENT: portlore-scan\r\n\r\n".to_vec(),
            UdpProbe::Empty => Vec::new(),
        }
    }
}

fn ber(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag, content.len() as u8];
    out.extend_from_slice(content);
    out
}

fn snmp_get_sysdescr() -> Vec<u8> {
    // sysDescr.0 = 1.3.6.1.2.1.1.1.0
    let oid = ber(0x06, &[0x2b, 6, 1, 2, 1, 1, 1, 0]);
    let mut varbind = oid;
    varbind.extend(ber(0x05, &[]));
    let varbinds = ber(0x30, &ber(0x30, &varbind));
    let mut pdu = ber(0x02, &[0x70, 0x6c]); // request id
    pdu.extend(ber(0x02, &[0])); // error status
    pdu.extend(ber(0x02, &[0])); // error index
    pdu.extend(varbinds);
    let mut msg = ber(0x02, &[0]); // version 1
    msg.extend(ber(0x04, b"public"));
    msg.extend(ber(0xa0, &pdu)); // GetRequest
    ber(0x30, &msg)
}

fn ike_main_mode() -> Vec<u8> {
    // One transform: 3DES, SHA-1, pre-shared key, group 2, 8 hours.
    let attrs: [(u16, u16); 6] = [
        (0x8001, 5),
        (0x8002, 2),
        (0x8003, 1),
        (0x8004, 2),
        (0x800b, 1),
        (0x800c, 28_800),
    ];
    let mut transform = vec![0, 0, 0, 0, 1, 1, 0, 0]; // last, len later, #1, KEY_IKE
    for (t, v) in attrs {
        transform.extend_from_slice(&t.to_be_bytes());
        transform.extend_from_slice(&v.to_be_bytes());
    }
    let tl = transform.len() as u16;
    transform[2..4].copy_from_slice(&tl.to_be_bytes());
    let mut proposal = vec![0, 0, 0, 0, 1, 1, 0, 1]; // last, len, #1, ISAKMP, no SPI, 1 transform
    proposal.extend(transform);
    let pl = proposal.len() as u16;
    proposal[2..4].copy_from_slice(&pl.to_be_bytes());
    let mut sa = vec![0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]; // next none, len, DOI 1, identity only
    sa.extend(proposal);
    let sl = sa.len() as u16;
    sa[2..4].copy_from_slice(&sl.to_be_bytes());
    let mut msg = IKE_COOKIE.to_vec();
    msg.extend_from_slice(&[0; 8]); // responder cookie
    msg.extend_from_slice(&[1, 0x10, 2, 0]); // next SA, version 1.0, main mode, flags
    msg.extend_from_slice(&[0; 4]); // message id
    let total = (msg.len() + 4 + sa.len()) as u32;
    msg.extend_from_slice(&total.to_be_bytes());
    msg.extend(sa);
    msg
}

/// Names the service from an answer to `probe`.
pub fn recognise(probe: UdpProbe, b: &[u8], fps: &Fingerprints) -> Option<Service> {
    let mut s = match probe {
        UdpProbe::Dns => {
            let mut s = dns_message(b)?;
            if let Some(v) = s.banner.clone() {
                refine(&mut s, "dns.versionbind", v.as_bytes(), fps);
            }
            s
        }
        UdpProbe::Mdns => {
            if b.len() < 12 || b[2] & 0x80 == 0 {
                return None;
            }
            let mut s = Service::named("mdns");
            s.info = Some(format!("{} answers", u16::from_be_bytes([b[6], b[7]])));
            s
        }
        UdpProbe::Ntp => {
            if b.len() < 48 || b[0] & 0x07 != 4 {
                return None;
            }
            let mut s = Service::named("ntp");
            s.version = Some(format!("v{}", (b[0] >> 3) & 0x07));
            s.info = Some(format!("stratum {}", b[1]));
            s.findings.push(Finding::UdpAmplifier);
            s
        }
        UdpProbe::Snmp => {
            if b.first() != Some(&0x30) || !b.windows(6).any(|w| w == b"public") {
                return None;
            }
            let mut s = Service::named("snmp");
            // sysDescr: the last OCTET STRING of the reply.
            if let Some(d) = last_octet_string(b) {
                s.info = Some(format!("sysDescr: {}", escape_bytes(d, 120)));
                refine(&mut s, "snmp.sys_description", d, fps);
            }
            s.info = s.info.or(Some("community public accepted".into()));
            s
        }
        UdpProbe::Memcached => {
            let at = b.windows(8).position(|w| w == b"VERSION ")?;
            let mut s = Service::named("memcached");
            s.product = Some("memcached".into());
            let v = &b[at + 8..];
            let end = v.iter().position(|&c| c == b'\r').unwrap_or(v.len());
            s.version = Some(escape_bytes(&v[..end], 40));
            s.findings.push(Finding::UdpAmplifier);
            s
        }
        UdpProbe::Rmcp => {
            if b.len() < 12 || b[0] != 0x06 || b[3] != 0x06 || b[8] != 0x40 {
                return None;
            }
            let mut s = Service::named("ipmi");
            s.product = Some("RMCP/ASF (IPMI)".into());
            s.info = Some("presence pong".into());
            s
        }
        UdpProbe::Ike => {
            if b.len() < 28 || b[..8] != IKE_COOKIE {
                return None;
            }
            let mut s = Service::named("isakmp");
            s.product = Some("IKE".into());
            s.info = Some(if b[16] == 11 {
                "notification".to_string()
            } else {
                "proposal answered".into()
            });
            s
        }
        UdpProbe::Stun => {
            if b.len() < 20 || b[0..2] != [0x01, 0x01] || b[8..20] != STUN_TXID {
                return None;
            }
            let mut s = Service::named("stun");
            // SOFTWARE attribute (0x8022) names the server.
            let mut at = 20;
            while at + 4 <= b.len() {
                let t = u16::from_be_bytes([b[at], b[at + 1]]);
                let n = u16::from_be_bytes([b[at + 2], b[at + 3]]) as usize;
                if t == 0x8022 {
                    s.product = b.get(at + 4..at + 4 + n).map(|v| escape_bytes(v, 60));
                }
                at += 4 + n.div_ceil(4) * 4;
            }
            s
        }
        UdpProbe::Ssdp => {
            if !b.starts_with(b"HTTP/1.1 200") {
                return None;
            }
            let mut s = Service::named("ssdp");
            s.product = header(b, "server").map(|v| escape_str(&v, 80));
            s
        }
        UdpProbe::Empty => return None,
    };
    s.probe = Some(probe.name());
    s.method = crate::service::Method::Probe;
    s.evidence = Some(escape_bytes(b, crate::service::EVIDENCE_CHARS));
    Some(s)
}

fn last_octet_string(b: &[u8]) -> Option<&[u8]> {
    (0..b.len().saturating_sub(2)).rev().find_map(|i| {
        let n = b[i + 1] as usize;
        (b[i] == 0x04 && n < 0x80 && i + 2 + n == b.len()).then(|| &b[i + 2..])
    })
}

async fn probe(addr: SocketAddr, wait: Duration, fps: &Fingerprints) -> UdpResult {
    let kind = UdpProbe::for_port(addr.port());
    let data = kind.payload();
    let result = async {
        let bind: SocketAddr = if addr.is_ipv4() {
            "0.0.0.0:0".parse().expect("literal")
        } else {
            "[::]:0".parse().expect("literal")
        };
        let sock = UdpSocket::bind(bind).await?;
        sock.connect(addr).await?;
        let mut buf = vec![0u8; 4096];
        // Two tries: a datagram or its answer may be lost.
        for _ in 0..2 {
            sock.send(&data).await?;
            match tokio::time::timeout(wait, sock.recv(&mut buf)).await {
                Ok(Ok(n)) => return Ok(Some(buf[..n].to_vec())),
                Ok(Err(e)) => return Err(e),
                Err(_) => continue,
            }
        }
        Ok::<_, io::Error>(None)
    }
    .await;
    let (state, answer) = match result {
        Ok(Some(a)) => ("open", Some(a)),
        Ok(None) => ("open|filtered", None),
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => ("closed", None),
        Err(_) => ("open|filtered", None),
    };
    UdpResult {
        port: addr.port(),
        state,
        probe: kind.name(),
        service: answer.as_ref().and_then(|a| recognise(kind, a, fps)),
        answer: answer.map(|a| escape_bytes(&a, 80)),
    }
}

pub(crate) async fn probe_all(
    hosts: &mut [HostReport],
    ports: &[u16],
    p: &TimingParams,
    fps: &std::sync::Arc<Fingerprints>,
    observer: Option<&Observer>,
) {
    let jobs: Vec<(usize, SocketAddr)> = hosts
        .iter()
        .enumerate()
        .flat_map(|(h, host)| {
            ports
                .iter()
                .map(move |&port| (h, SocketAddr::new(host.target.addr, port)))
        })
        .collect();
    if let Some(o) = observer {
        o(Event::Phase {
            name: "udp",
            total: jobs.len() as u64,
        });
    }
    let wait = p.probe_wait.min(Duration::from_millis(1000));
    let mut set = JoinSet::new();
    let mut pending = jobs.into_iter();
    let mut done = 0;
    loop {
        while set.len() < PARALLEL {
            let Some((h, addr)) = pending.next() else {
                break;
            };
            let fps = fps.clone();
            set.spawn(async move { (h, probe(addr, wait, &fps).await) });
        }
        let Some(joined) = set.join_next().await else {
            break;
        };
        done += 1;
        if let Ok((h, r)) = joined {
            hosts[h].udp.push(r);
        }
        if let Some(o) = observer {
            o(Event::Progress { done, open: 0 });
        }
    }
    for h in hosts {
        h.udp.sort_by_key(|r| r.port);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_are_well_formed() {
        let snmp = UdpProbe::Snmp.payload();
        assert_eq!(snmp[1] as usize + 2, snmp.len());
        let ike = UdpProbe::Ike.payload();
        assert_eq!(
            u32::from_be_bytes([ike[24], ike[25], ike[26], ike[27]]) as usize,
            ike.len()
        );
        assert_eq!(UdpProbe::Stun.payload().len(), 20);
        assert_eq!(UdpProbe::for_port(161), UdpProbe::Snmp);
    }

    #[test]
    fn answers_are_named() {
        let f = Fingerprints::builtin();
        let mut ntp = vec![0u8; 48];
        ntp[0] = 0x24;
        ntp[1] = 2;
        let s = recognise(UdpProbe::Ntp, &ntp, &f).unwrap();
        assert_eq!(
            (s.version.as_deref(), s.findings.clone()),
            (Some("v4"), vec![Finding::UdpAmplifier])
        );
        let m = recognise(
            UdpProbe::Memcached,
            b"\x00\x01\x00\x00\x00\x01\x00\x00VERSION 1.6.21\r\n",
            &f,
        )
        .unwrap();
        assert_eq!(m.version.as_deref(), Some("1.6.21"));
        let mut stun = vec![0x01, 0x01, 0, 12, 0x21, 0x12, 0xa4, 0x42];
        stun.extend_from_slice(&STUN_TXID);
        stun.extend_from_slice(&[0x80, 0x22, 0, 6]);
        stun.extend_from_slice(b"coturn\0\0");
        assert_eq!(
            recognise(UdpProbe::Stun, &stun, &f)
                .unwrap()
                .product
                .as_deref(),
            Some("coturn")
        );
        let pong = [6, 0, 0xff, 6, 0, 0, 0x11, 0xbe, 0x40, 0, 0, 0x10];
        assert_eq!(recognise(UdpProbe::Rmcp, &pong, &f).unwrap().name, "ipmi");
        let mut ike = IKE_COOKIE.to_vec();
        ike.extend_from_slice(&[0; 20]);
        assert_eq!(recognise(UdpProbe::Ike, &ike, &f).unwrap().name, "isakmp");
        let ssdp = b"HTTP/1.1 200 OK\r\nSERVER: Linux/6.1 UPnP/1.0 MiniUPnPd/2.3\r\n\r\n";
        assert!(
            recognise(UdpProbe::Ssdp, ssdp, &f)
                .unwrap()
                .product
                .unwrap()
                .contains("MiniUPnPd")
        );
        assert!(recognise(UdpProbe::Empty, b"x", &f).is_none());
    }
}
