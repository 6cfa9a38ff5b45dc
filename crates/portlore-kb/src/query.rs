//! What a user can ask about: `3147`, `3147/udp`, `3127-3130`, `ssh`.

use std::fmt;

use crate::model::{PortRange, Transport};

/// The forms a lookup accepts, for error messages.
pub const VALID_FORMS: &str = "expected a port 0-65535 (3147), a port and transport (3147/udp), \
a list (22,80), an address as ss prints it (0.0.0.0:22, [::]:22, *:22), a range (3127-3130), \
or a name (ssh, postgres)";

/// The largest range a single lookup expands.
pub const MAX_RANGE: u32 = 1024;

/// A parsed lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Ports (one, or a range), optionally for one transport.
    Ports {
        /// The ports.
        range: PortRange,
        /// Only this transport, when given.
        transport: Option<Transport>,
    },
    /// A service name, optionally for one transport.
    Service {
        /// The name, lowercased.
        name: String,
        /// Only this transport, when given.
        transport: Option<Transport>,
    },
}

/// Why a query is not a valid lookup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    /// The input, as typed.
    pub input: String,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}; {VALID_FORMS}", self.input, self.reason)
    }
}

/// The port part of an address as `ss`, `netstat` or `lsof` print it: `0.0.0.0:22`,
/// `[::]:22`, `*:22`, `:22` and `127.0.0.1:22/udp` all give `22` (and `22/udp`).
fn strip_address(text: &str) -> &str {
    let (host, port) = match text.rsplit_once(':') {
        Some(split) => split,
        None => return text,
    };
    let ipv4 = !host.is_empty() && host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let bracketed = host.starts_with('[') && host.ends_with(']');
    if host.is_empty() || host == "*" || ipv4 || bracketed {
        port
    } else {
        text
    }
}

impl Query {
    /// Parses a comma-separated list of queries (`22,80`), each as [`Query::parse`].
    pub fn parse_list(input: &str) -> Result<Vec<Query>, QueryError> {
        if input.contains(',') {
            let parts: Vec<&str> = input
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if parts.is_empty() || parts.len() > 64 {
                return Err(QueryError {
                    input: input.chars().take(80).collect(),
                    reason: "a list needs 1 to 64 items".into(),
                });
            }
            parts.into_iter().map(Query::parse).collect()
        } else {
            Ok(vec![Query::parse(input)?])
        }
    }

    /// Parses a query as typed on the command line or in a URL.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let err = |reason: &str| QueryError {
            input: input.chars().take(80).collect(),
            reason: reason.to_string(),
        };
        let text = input.trim();
        if text.is_empty() {
            return Err(err("empty query"));
        }
        if text.len() > 64 {
            return Err(err("too long"));
        }
        let text = strip_address(text);
        let (head, transport) = match text.rsplit_once('/') {
            Some((head, t)) => {
                let transport = t.parse::<Transport>().map_err(|_| {
                    err(&format!("{t:?} is not a transport (tcp, udp, sctp, dccp)"))
                })?;
                (head, Some(transport))
            }
            None => (text, None),
        };
        if head.starts_with('-') || head.starts_with('+') {
            return Err(err("ports are never negative"));
        }
        let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let port = |s: &str| -> Result<u16, QueryError> {
            s.parse::<u32>()
                .ok()
                .and_then(|n| u16::try_from(n).ok())
                .ok_or_else(|| err(&format!("{s} is out of range")))
        };
        if numeric(head) {
            let p = port(head)?;
            return Ok(Query::Ports {
                range: PortRange { start: p, end: p },
                transport,
            });
        }
        if let Some((a, b)) = head.split_once('-')
            && numeric(a)
            && numeric(b)
        {
            let (start, end) = (port(a)?, port(b)?);
            if start > end {
                return Err(err("the range runs backwards"));
            }
            if u32::from(end - start) >= MAX_RANGE {
                return Err(err(&format!("ranges are limited to {MAX_RANGE} ports")));
            }
            return Ok(Query::Ports {
                range: PortRange { start, end },
                transport,
            });
        }
        let valid_name = head.len() <= 63
            && head.bytes().any(|b| b.is_ascii_alphabetic())
            && head.bytes().all(|b| {
                b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' || b == b'+'
            });
        if !valid_name {
            return Err(err("not a port, range or service name"));
        }
        Ok(Query::Service {
            name: head.to_ascii_lowercase(),
            transport,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ports(s: &str) -> (u16, u16, Option<Transport>) {
        match Query::parse(s).unwrap() {
            Query::Ports { range, transport } => (range.start, range.end, transport),
            q => panic!("{q:?}"),
        }
    }

    #[test]
    fn accepts_the_documented_forms() {
        assert_eq!(ports("3147"), (3147, 3147, None));
        assert_eq!(ports("3147/udp"), (3147, 3147, Some(Transport::Udp)));
        assert_eq!(ports("3127-3130"), (3127, 3130, None));
        assert_eq!(ports("0"), (0, 0, None));
        assert_eq!(ports("65535/TCP"), (65535, 65535, Some(Transport::Tcp)));
        for copied in [":22", "*:22", "0.0.0.0:22", "[::]:22", "127.0.0.1:22"] {
            assert_eq!(ports(copied), (22, 22, None), "{copied}");
        }
        assert_eq!(ports("[::1]:53/udp"), (53, 53, Some(Transport::Udp)));
        let list = Query::parse_list("22, 80").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            Query::parse("SSH").unwrap(),
            Query::Service {
                name: "ssh".into(),
                transport: None
            }
        );
    }

    #[test]
    fn refuses_bad_input_with_the_valid_forms() {
        for bad in [
            "70000",
            "-1",
            "80/xyz",
            "",
            "3130-3127",
            "1-60000",
            "a b",
            "<script>",
            "65536",
            "host:22",
            "22,,x y",
        ] {
            let e = Query::parse(bad).expect_err(bad);
            assert!(e.to_string().contains("expected a port"), "{e}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in ".{0,80}") {
            let _ = Query::parse(&s);
        }

        #[test]
        fn every_port_round_trips(p in 0u16..=65535) {
            proptest::prop_assert_eq!(ports(&p.to_string()), (p, p, None));
        }
    }
}
