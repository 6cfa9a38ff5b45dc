//! The fallback: /proc/net/{tcp,tcp6,udp,udp6}, for kernels or sandboxes without
//! `sock_diag`. It cannot tell IPV6_V6ONLY, so dual-stack flags stay unknown.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use super::RawSocket;
use crate::model::{Family, Proto, Request};

/// Every socket the request asks for, read from /proc/net.
pub(crate) fn dump(request: &Request) -> io::Result<Vec<RawSocket>> {
    let mut out = Vec::new();
    for proto in [Proto::Tcp, Proto::Udp] {
        if !request.wants(proto) {
            continue;
        }
        for family in [Family::Ipv4, Family::Ipv6] {
            let name = match (proto, family) {
                (Proto::Tcp, Family::Ipv4) => "tcp",
                (Proto::Tcp, Family::Ipv6) => "tcp6",
                (Proto::Udp, Family::Ipv4) => "udp",
                (Proto::Udp, Family::Ipv6) => "udp6",
            };
            let text = match std::fs::read_to_string(format!("/proc/self/net/{name}")) {
                Ok(t) => t,
                // A kernel without IPv6 has no tcp6/udp6.
                Err(e) if e.kind() == io::ErrorKind::NotFound && family == Family::Ipv6 => {
                    continue;
                }
                Err(e) => return Err(e),
            };
            for line in text.lines().skip(1) {
                if let Some(raw) = parse_line(line, proto, family) {
                    let listening = match proto {
                        Proto::Tcp => raw.state == 10,
                        Proto::Udp => raw.state == 7,
                    };
                    if (request.all_states || listening) && request.wants_port(raw.local.port()) {
                        out.push(raw);
                    }
                }
            }
        }
    }
    Ok(out)
}

/// One table line; `None` for a line that does not parse (never a panic).
pub(crate) fn parse_line(line: &str, proto: Proto, family: Family) -> Option<RawSocket> {
    let mut fields = line.split_whitespace();
    let _slot = fields.next()?;
    let local = parse_endpoint(fields.next()?, family)?;
    let remote = parse_endpoint(fields.next()?, family)?;
    let state = u8::from_str_radix(fields.next()?, 16).ok()?;
    let _queues = fields.next()?;
    let _timer = fields.next()?;
    let _retransmits = fields.next()?;
    let uid = fields.next()?.parse::<u32>().ok()?;
    let _timeout = fields.next()?;
    let inode = fields.next()?.parse::<u64>().ok()?;
    let connected = remote.port() != 0 || !remote.ip().is_unspecified();
    Some(RawSocket {
        proto,
        family,
        local,
        remote: connected.then_some(remote),
        state,
        inode,
        uid: Some(uid),
        interface: 0,
        v6only: None,
    })
}

fn parse_endpoint(text: &str, family: Family) -> Option<SocketAddr> {
    let (addr, port) = text.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    let ip = match family {
        Family::Ipv4 if addr.len() == 8 => {
            // The kernel prints the raw 32-bit word in host order.
            let word = u32::from_str_radix(addr, 16).ok()?;
            IpAddr::V4(Ipv4Addr::from(word.to_ne_bytes()))
        }
        Family::Ipv6 if addr.len() == 32 => {
            let mut bytes = [0u8; 16];
            for (i, chunk) in bytes.chunks_mut(4).enumerate() {
                let word = u32::from_str_radix(addr.get(i * 8..i * 8 + 8)?, 16).ok()?;
                chunk.copy_from_slice(&word.to_ne_bytes());
            }
            IpAddr::V6(Ipv6Addr::from(bytes))
        }
        _ => return None,
    };
    Some(SocketAddr::new(ip, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_endian = "little")]
    fn parses_ipv4_and_ipv6_lines() {
        let v4 = "   0: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   107        0 23456 1 0000000000000000 100 0 0 10 0";
        let raw = parse_line(v4, Proto::Tcp, Family::Ipv4).unwrap();
        assert_eq!(raw.local, "127.0.0.1:5432".parse().unwrap());
        assert_eq!(raw.remote, None);
        assert_eq!((raw.state, raw.uid, raw.inode), (10, Some(107), 23456));

        let v6 = "   1: 00000000000000000000000001000000:18EB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 999 1";
        let raw = parse_line(v6, Proto::Tcp, Family::Ipv6).unwrap();
        assert_eq!(raw.local, "[::1]:6379".parse().unwrap());

        let mapped = "   2: 0000000000000000FFFF00000100007F:0C4B 0000000000000000FFFF00000100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 77 1";
        let raw = parse_line(mapped, Proto::Tcp, Family::Ipv6).unwrap();
        assert_eq!(raw.local, "[::ffff:127.0.0.1]:3147".parse().unwrap());
        assert_eq!(
            raw.remote,
            Some("[::ffff:127.0.0.1]:54321".parse().unwrap())
        );
    }

    #[test]
    fn garbage_is_skipped() {
        for line in ["", "x", "  0: zz:zz 00:00 0A", "  0: 0100007F:1538"] {
            assert!(parse_line(line, Proto::Tcp, Family::Ipv4).is_none());
        }
    }
}
