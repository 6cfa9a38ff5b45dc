//! Who a voter is, for rate limits and collapsing: an IPv4 address, or the /64 an
//! IPv6 address lies in (one subscriber line or one host gets a whole /64, so keying
//! on the /128 would let one client pose as 2^64 voters).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use time::{Date, OffsetDateTime};

/// The UTC day of a moment, as stored (`YYYY-MM-DD`).
pub fn day_of(at: OffsetDateTime) -> String {
    let d: Date = at.to_offset(time::UtcOffset::UTC).date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// One client as the rate limit and vote collapsing see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClientNet {
    /// An IPv4 address (IPv4-mapped IPv6 addresses count as their IPv4 form).
    V4(Ipv4Addr),
    /// The first 64 bits of an IPv6 address.
    V6Net([u8; 8]),
}

impl ClientNet {
    /// The client an address belongs to.
    pub fn of(ip: IpAddr) -> ClientNet {
        match ip {
            IpAddr::V4(v4) => ClientNet::V4(v4),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => ClientNet::V4(v4),
                None => {
                    let mut net = [0u8; 8];
                    net.copy_from_slice(&v6.octets()[..8]);
                    ClientNet::V6Net(net)
                }
            },
        }
    }

    /// A fixed-length encoding, distinct for every client: a family tag, then the
    /// address bytes.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        match self {
            ClientNet::V4(a) => [&[4u8][..], &a.octets()].concat(),
            ClientNet::V6Net(n) => [&[6u8][..], n].concat(),
        }
    }
}

impl From<IpAddr> for ClientNet {
    fn from(ip: IpAddr) -> ClientNet {
        ClientNet::of(ip)
    }
}

impl fmt::Display for ClientNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientNet::V4(a) => write!(f, "{a}"),
            ClientNet::V6Net(n) => {
                let mut o = [0u8; 16];
                o[..8].copy_from_slice(n);
                write!(f, "{}/64", Ipv6Addr::from(o))
            }
        }
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> ClientNet {
        ClientNet::of(s.parse().unwrap())
    }

    #[test]
    fn day_is_utc() {
        let at = time::macros::datetime!(2026-11-23 23:30 -02:00);
        assert_eq!(day_of(at), "2026-11-24");
    }

    #[test]
    fn ipv6_clients_are_their_64() {
        assert_eq!(
            net("2001:db8:1:2::1"),
            net("2001:db8:1:2:ffff:ffff:ffff:ffff")
        );
        assert_ne!(net("2001:db8:1:2::1"), net("2001:db8:1:3::1"));
        assert_eq!(net("2001:db8:1:2::9").to_string(), "2001:db8:1:2::/64");
    }

    #[test]
    fn ipv4_clients_are_their_address() {
        assert_ne!(net("192.0.2.1"), net("192.0.2.2"));
        assert_eq!(net("::ffff:192.0.2.1"), net("192.0.2.1"));
        assert_eq!(net("192.0.2.1").to_string(), "192.0.2.1");
        assert_ne!(net("192.0.2.1").bytes(), net("::c000:201").bytes());
    }
}
