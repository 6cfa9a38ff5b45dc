//! Turning a client address into the salted daily hash that is stored instead.

use std::net::IpAddr;

use sha2::{Digest, Sha256};
use time::{Date, OffsetDateTime};

/// The UTC day of a moment, as stored (`YYYY-MM-DD`).
pub fn day_of(at: OffsetDateTime) -> String {
    let d: Date = at.to_offset(time::UtcOffset::UTC).date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The stored identity of a client on one day: hex SHA-256 over the day's salt and
/// the address. IPv4-mapped IPv6 addresses count as their IPv4 form, so one client
/// reaching a dual-stack socket both ways is still one client.
pub fn client_hash(salt: &str, client: IpAddr) -> String {
    let client = match client {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    };
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update([0u8]);
    h.update(client.to_string().as_bytes());
    hex(&h.finalize())
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

    #[test]
    fn day_is_utc() {
        let at = time::macros::datetime!(2026-11-23 23:30 -02:00);
        assert_eq!(day_of(at), "2026-11-24");
    }

    #[test]
    fn hash_depends_on_salt_and_hides_the_address() {
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        let a = client_hash("salt-a", ip);
        assert_ne!(a, client_hash("salt-b", ip));
        assert_eq!(a.len(), 64);
        assert!(!a.contains("192"));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(a, client_hash("salt-a", mapped));
    }
}
