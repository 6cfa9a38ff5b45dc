//! Who is asking: the client address (behind trusted proxies only), the cross-site
//! check, and the rate-limit key.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, header};
use tower_governor::GovernorError;
use tower_governor::key_extractor::KeyExtractor;

/// An address block such as `10.0.0.0/8`, `::1/128` or a single address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl FromStr for Cidr {
    type Err = String;
    fn from_str(s: &str) -> Result<Cidr, String> {
        let (a, p) = s.split_once('/').map_or((s, None), |(a, p)| (a, Some(p)));
        let addr: IpAddr = a
            .parse()
            .map_err(|_| format!("{s:?} is not an IP address or CIDR block"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match p {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|&n| n <= max)
                .ok_or_else(|| format!("{s:?}: prefix length must be 0–{max}"))?,
        };
        Ok(Cidr { addr, prefix })
    }
}

impl Cidr {
    /// Whether `ip` lies in the block (IPv4-mapped IPv6 counts as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The TCP peer of a request, or the unspecified address when the server did not
/// record one (in-process tests).
pub fn peer<B>(req: &Request<B>) -> IpAddr {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip())
}

/// The client address. `X-Forwarded-For` counts only when the TCP peer is a trusted
/// proxy; then the right-most address that is not itself a trusted proxy is the
/// client (entries further left are whatever the client chose to send).
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[Cidr]) -> IpAddr {
    let peer = canonical(peer);
    if !trusted.iter().any(|c| c.contains(peer)) {
        return peer;
    }
    let mut hops: Vec<&str> = Vec::new();
    for v in headers.get_all("x-forwarded-for") {
        let Ok(v) = v.to_str() else { return peer };
        hops.extend(v.split(',').map(str::trim));
    }
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            // A garbled entry: nothing to its left can be trusted either.
            break;
        };
        client = canonical(ip);
        if !trusted.iter().any(|c| c.contains(client)) {
            break;
        }
    }
    client
}

/// The rate limiter's key: the client as [`client_ip`] finds it, an IPv6 client
/// counting as its whole /64.
#[derive(Debug, Clone)]
pub struct ClientKey {
    /// Trusted proxies.
    pub trusted: std::sync::Arc<Vec<Cidr>>,
}

impl ClientKey {
    /// The client address of a request.
    pub fn address<T>(&self, req: &Request<T>) -> IpAddr {
        client_ip(peer(req), req.headers(), &self.trusted)
    }
}

impl KeyExtractor for ClientKey {
    type Key = portlore_feedback::ClientNet;
    fn extract<T>(&self, req: &Request<T>) -> Result<Self::Key, GovernorError> {
        Ok(portlore_feedback::ClientNet::of(self.address(req)))
    }
}

/// Why a post was refused as cross-site.
pub type CrossSite = String;

/// Refuses posts that a browser sent from another site. A browser marks every
/// cross-origin POST with `Origin` and, in current browsers, `Sec-Fetch-Site`; a
/// request with neither is not from a browser page, and a script outside a browser can
/// set any header anyway, so only browser-driven forgery is at stake here.
pub fn check_origin(headers: &HeaderMap, allowed: &[String]) -> Result<Option<String>, CrossSite> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let origin = match headers.get(header::ORIGIN) {
        None => None,
        Some(o) => Some(
            o.to_str()
                .map_err(|_| "the Origin header is not text".to_string())?
                .to_string(),
        ),
    };
    let fetch_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    let listed = |o: &str| allowed.iter().any(|a| a == o || a == "*");
    match origin.as_deref() {
        Some(o) => {
            let same_host = o
                .strip_prefix("http://")
                .or_else(|| o.strip_prefix("https://"))
                .is_some_and(|h| !host.is_empty() && h.eq_ignore_ascii_case(host));
            if same_host || listed(o) {
                Ok(Some(o.to_string()).filter(|_| !same_host))
            } else {
                Err(format!("posts from {o:?} are not accepted here"))
            }
        }
        None => match fetch_site.as_deref() {
            None | Some("same-origin") | Some("none") => Ok(None),
            Some(s) => Err(format!(
                "a {s} post without an allowed Origin is not accepted"
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn xff(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn forwarded_for_counts_only_from_trusted_proxies() {
        let trusted: Vec<Cidr> = vec!["10.0.0.0/8".parse().unwrap(), "::1".parse().unwrap()];
        let outsider: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(
            client_ip(outsider, &xff("198.51.100.1"), &trusted),
            outsider
        );
        let proxy: IpAddr = "10.1.2.3".parse().unwrap();
        assert_eq!(
            client_ip(proxy, &xff("1.1.1.1, 198.51.100.1"), &trusted),
            "198.51.100.1".parse::<IpAddr>().unwrap()
        );
        // Hops through further trusted proxies are skipped.
        assert_eq!(
            client_ip(proxy, &xff("198.51.100.1, 10.9.9.9"), &trusted),
            "198.51.100.1".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(proxy, &xff("garbage"), &trusted), proxy);
        assert_eq!(client_ip(proxy, &HeaderMap::new(), &trusted), proxy);
    }

    #[test]
    fn cidr_parsing_and_matching() {
        let c: Cidr = "192.0.2.0/24".parse().unwrap();
        assert!(c.contains("192.0.2.200".parse().unwrap()));
        assert!(c.contains("::ffff:192.0.2.1".parse().unwrap()));
        assert!(!c.contains("192.0.3.1".parse().unwrap()));
        assert!(
            "0.0.0.0/0"
                .parse::<Cidr>()
                .unwrap()
                .contains("8.8.8.8".parse().unwrap())
        );
        for bad in ["", "x", "1.2.3.4/33", "::/129", "1.2.3.4/-1"] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad}");
        }
    }

    #[test]
    fn origin_rules() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("site.test"));
        assert_eq!(check_origin(&h, &[]), Ok(None));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://site.test"),
        );
        assert_eq!(check_origin(&h, &[]), Ok(None));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.test"),
        );
        assert!(check_origin(&h, &[]).is_err());
        assert_eq!(
            check_origin(&h, &["https://evil.test".into()]),
            Ok(Some("https://evil.test".into()))
        );
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(check_origin(&h, &[]).is_err());
        h.remove(header::ORIGIN);
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(check_origin(&h, &[]).is_err());
    }
}
