//! Targets: IPv4 and IPv6 addresses, hostnames and CIDR blocks, with a host cap.

use std::net::IpAddr;

use serde::Serialize;

use crate::error::TargetError;

/// How many hosts a scan may cover unless the caller raises the cap (`--max-hosts`):
/// one IPv4 /24, so that a typo in a prefix length cannot start a scan of millions.
pub const DEFAULT_MAX_HOSTS: usize = 256;

/// A target as written, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetSpec {
    /// One address.
    Addr(IpAddr),
    /// A CIDR block: every address in it, network and broadcast included (like nmap).
    Cidr(IpAddr, u8),
    /// A hostname to resolve.
    Host(String),
}

impl TargetSpec {
    /// How many hosts this spec covers (hostnames count as one).
    pub fn host_count(&self) -> u128 {
        match self {
            TargetSpec::Addr(_) | TargetSpec::Host(_) => 1,
            TargetSpec::Cidr(addr, prefix) => {
                let bits = if addr.is_ipv4() { 32 } else { 128 };
                1u128
                    .checked_shl(u32::from(bits - prefix))
                    .unwrap_or(u128::MAX)
            }
        }
    }
}

/// One host to scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// The address connected to.
    pub addr: IpAddr,
    /// The hostname it came from, if any.
    pub name: Option<String>,
}

/// Parses one target argument.
pub fn parse_target(text: &str) -> Result<TargetSpec, TargetError> {
    let text = text.trim();
    let invalid = || TargetError::Invalid(text.to_string());
    if text.is_empty() {
        return Err(invalid());
    }
    if let Some((addr, prefix)) = text.split_once('/') {
        let addr: IpAddr = strip_brackets(addr).parse().map_err(|_| invalid())?;
        let prefix: u8 = prefix
            .parse()
            .map_err(|_| TargetError::Prefix(text.to_string()))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        if prefix > max {
            return Err(TargetError::Prefix(text.to_string()));
        }
        return Ok(TargetSpec::Cidr(mask(addr, prefix), prefix));
    }
    if let Ok(addr) = strip_brackets(text).parse::<IpAddr>() {
        return Ok(TargetSpec::Addr(addr));
    }
    if is_hostname(text) {
        return Ok(TargetSpec::Host(
            text.trim_end_matches('.').to_ascii_lowercase(),
        ));
    }
    Err(invalid())
}

fn strip_brackets(text: &str) -> &str {
    text.strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text)
}

fn is_hostname(text: &str) -> bool {
    let name = text.trim_end_matches('.');
    !name.is_empty()
        && name.len() <= 253
        && !name.chars().all(|c| c.is_ascii_digit() || c == '.')
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

fn mask(addr: IpAddr, prefix: u8) -> IpAddr {
    match addr {
        IpAddr::V4(a) => {
            let m = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V4((u32::from(a) & m).into())
        }
        IpAddr::V6(a) => {
            let m = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V6((u128::from(a) & m).into())
        }
    }
}

fn nth(base: IpAddr, i: u128) -> IpAddr {
    match base {
        IpAddr::V4(a) => IpAddr::V4((u32::from(a).wrapping_add(i as u32)).into()),
        IpAddr::V6(a) => IpAddr::V6((u128::from(a).wrapping_add(i)).into()),
    }
}

/// Expands and resolves targets, in the order given, without duplicates. Fails before
/// any lookup when the specs cover more than `max_hosts` hosts.
pub async fn resolve_targets(
    specs: &[TargetSpec],
    max_hosts: usize,
) -> Result<Vec<Target>, TargetError> {
    let count = specs
        .iter()
        .fold(0u128, |n, s| n.saturating_add(s.host_count()));
    if count > max_hosts as u128 {
        return Err(TargetError::TooManyHosts {
            count,
            max: max_hosts,
        });
    }
    let mut out: Vec<Target> = Vec::new();
    let mut push = |t: Target| {
        if !out.iter().any(|o| o.addr == t.addr) {
            out.push(t);
        }
    };
    for spec in specs {
        match spec {
            TargetSpec::Addr(addr) => push(Target {
                addr: *addr,
                name: None,
            }),
            TargetSpec::Cidr(base, _) => {
                for i in 0..spec.host_count() {
                    push(Target {
                        addr: nth(*base, i),
                        name: None,
                    });
                }
            }
            TargetSpec::Host(name) => {
                let mut addrs =
                    tokio::net::lookup_host((name.as_str(), 0))
                        .await
                        .map_err(|source| TargetError::Resolve {
                            name: name.clone(),
                            source,
                        })?;
                let addr = addrs
                    .next()
                    .ok_or_else(|| TargetError::NoAddress(name.clone()))?;
                push(Target {
                    addr: addr.ip(),
                    name: Some(name.clone()),
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_forms() {
        assert_eq!(
            parse_target("127.0.0.1").unwrap(),
            TargetSpec::Addr("127.0.0.1".parse().unwrap())
        );
        assert_eq!(
            parse_target("[::1]").unwrap(),
            TargetSpec::Addr("::1".parse().unwrap())
        );
        assert_eq!(
            parse_target("10.1.2.3/24").unwrap(),
            TargetSpec::Cidr("10.1.2.0".parse().unwrap(), 24)
        );
        assert_eq!(
            parse_target("fd00::1/126").unwrap(),
            TargetSpec::Cidr("fd00::".parse().unwrap(), 126)
        );
        assert_eq!(
            parse_target("LocalHost.").unwrap(),
            TargetSpec::Host("localhost".into())
        );
        for bad in [
            "",
            "1.2.3.4/33",
            "::1/129",
            "a b",
            "-x.org",
            "1.2.3.4.5",
            "/8",
            "x/y",
        ] {
            assert!(parse_target(bad).is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn caps_hosts() {
        let specs = [parse_target("127.0.0.0/23").unwrap()];
        assert!(matches!(
            resolve_targets(&specs, DEFAULT_MAX_HOSTS).await,
            Err(TargetError::TooManyHosts { count: 512, .. })
        ));
        let hosts = resolve_targets(&specs, 512).await.unwrap();
        assert_eq!(hosts.len(), 512);
        assert_eq!(hosts[511].addr, "127.0.1.255".parse::<IpAddr>().unwrap());
        let v6 = [parse_target("::/0").unwrap()];
        assert!(resolve_targets(&v6, usize::MAX).await.is_err());
    }

    #[tokio::test]
    async fn resolves_localhost_and_dedupes() {
        let specs = [
            parse_target("127.0.0.1").unwrap(),
            parse_target("127.0.0.1/32").unwrap(),
        ];
        assert_eq!(resolve_targets(&specs, 10).await.unwrap().len(), 1);
        let specs = [parse_target("localhost").unwrap()];
        let hosts = resolve_targets(&specs, 10).await.unwrap();
        assert!(hosts[0].addr.is_loopback());
    }
}
