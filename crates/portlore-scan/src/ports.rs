//! Port specifications: `22,80,3000-3100`, `-` for all, `1024-`, `-1023`.

use crate::error::PortSpecError;

/// A set of TCP ports, ascending and without duplicates, never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortSpec {
    ports: Vec<u16>,
}

impl PortSpec {
    /// All ports, 1-65535.
    pub fn all() -> Self {
        PortSpec {
            ports: (1..=u16::MAX).collect(),
        }
    }

    /// The first `n` ports of the documented top list ([`crate::top`]).
    pub fn top(n: usize) -> Result<Self, PortSpecError> {
        if n == 0 || n > usize::from(u16::MAX) {
            return Err(PortSpecError::Top);
        }
        let mut ports = crate::top::ranked().take(n).collect::<Vec<_>>();
        ports.sort_unstable();
        Ok(PortSpec { ports })
    }

    /// From explicit ports (deduplicated); `None` when empty or containing 0.
    pub fn from_ports(mut ports: Vec<u16>) -> Option<Self> {
        ports.sort_unstable();
        ports.dedup();
        (!ports.is_empty() && ports[0] != 0).then_some(PortSpec { ports })
    }

    /// The ports, ascending.
    pub fn ports(&self) -> &[u16] {
        &self.ports
    }

    /// How many ports.
    pub fn len(&self) -> usize {
        self.ports.len()
    }

    /// Never true: a spec always holds a port. Here for clippy's sake.
    pub fn is_empty(&self) -> bool {
        self.ports.is_empty()
    }

    /// The spec in nmap's compact form (`22,80,3000-3100`), for XML `scaninfo`.
    pub fn compact(&self) -> String {
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < self.ports.len() {
            let start = self.ports[i];
            let mut end = start;
            while i + 1 < self.ports.len() && self.ports[i + 1] == end + 1 {
                i += 1;
                end = self.ports[i];
            }
            out.push(if start == end {
                start.to_string()
            } else {
                format!("{start}-{end}")
            });
            i += 1;
        }
        out.join(",")
    }
}

/// Parses `22,80,3000-3100`, `-` (all ports), `1024-` and `-1023`.
pub fn parse_ports(text: &str) -> Result<PortSpec, PortSpecError> {
    let mut ports: Vec<u16> = Vec::new();
    for item in text.split(',').map(str::trim) {
        if item.is_empty() {
            continue;
        }
        let (start, end) = match item.split_once('-') {
            None => {
                let p = port(item)?;
                (p, p)
            }
            Some((a, b)) => {
                let a = if a.is_empty() { 1 } else { port(a)? };
                let b = if b.is_empty() { u16::MAX } else { port(b)? };
                if a > b {
                    return Err(PortSpecError::Reversed(item.to_string()));
                }
                (a, b)
            }
        };
        ports.extend(start..=end);
    }
    PortSpec::from_ports(ports).ok_or(PortSpecError::Empty)
}

fn port(text: &str) -> Result<u16, PortSpecError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PortSpecError::Invalid(text.to_string()));
    }
    match text.parse::<u32>() {
        Ok(p @ 1..=65535) => Ok(p as u16),
        _ => Err(PortSpecError::OutOfRange(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_and_ranges() {
        let spec = parse_ports("80,22,3000-3002,22").unwrap();
        assert_eq!(spec.ports(), &[22, 80, 3000, 3001, 3002]);
        assert_eq!(spec.compact(), "22,80,3000-3002");
        assert_eq!(parse_ports("-").unwrap().len(), 65535);
        assert_eq!(parse_ports("65530-").unwrap().len(), 6);
        assert_eq!(parse_ports("-3").unwrap().ports(), &[1, 2, 3]);
    }

    #[test]
    fn rejects_bad_specs() {
        for bad in ["", ",", "0", "65536", "x", "5-3", "1-2-3", "+5", " - x"] {
            assert!(parse_ports(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn top_is_a_prefix_of_the_ranking() {
        let t10 = PortSpec::top(10).unwrap();
        assert_eq!(t10.len(), 10);
        assert!(t10.ports().contains(&22) && t10.ports().contains(&443));
        assert_eq!(PortSpec::top(65535).unwrap(), PortSpec::all());
        assert!(PortSpec::top(0).is_err());
    }
}
