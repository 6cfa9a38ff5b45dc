//! `portlore scan`.

use std::path::PathBuf;
use std::str::FromStr;

use super::{FormatArg, ProgressArg, RegistryArg};
use crate::exit::status;

/// Most hosts a scan covers unless `--max-hosts` says otherwise (portlore-full checks that
/// this equals the scanner's own default).
pub const DEFAULT_MAX_HOSTS: usize = 256;

/// Arguments of `portlore scan`.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = status::SCAN)]
pub struct Args {
    /// Hosts: IPv4 or IPv6 addresses, hostnames, or CIDR blocks (10.0.0.0/24).
    #[arg(value_name = "TARGET", required = true)]
    pub targets: Vec<String>,
    /// Ports: 22,80,3000-3100, or - for all (-p-). Default: --top 1000.
    #[arg(
        short = 'p',
        long = "ports",
        value_name = "SPEC",
        allow_hyphen_values = true
    )]
    pub ports: Option<String>,
    /// The N most useful ports (the order is documented in portlore-scan's top module).
    #[arg(long, value_name = "N", conflicts_with = "ports")]
    pub top: Option<usize>,
    /// Also send one UDP probe per port (DNS, NTP and memcached payloads where known).
    #[arg(long)]
    pub udp_probes: bool,
    /// At most this many new connection attempts per second.
    #[arg(long, value_name = "PER_SEC", value_parser = clap::value_parser!(u32).range(1..))]
    pub rate: Option<u32>,
    /// Timing preset: 0-5 or paranoid, sneaky, polite, normal, aggressive, insane.
    #[arg(short = 'T', long, value_name = "PRESET", default_value = "normal")]
    pub timing: Timing,
    /// Seed of the probe order, for reproducible runs.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Refuse targets that cover more hosts than this.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_HOSTS)]
    pub max_hosts: usize,
    /// At most this many connection attempts in flight (default: from the timing preset
    /// and the open-file limit).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_in_flight: Option<u64>,
    /// Skip service identification (port states only).
    #[arg(long)]
    pub no_service: bool,
    /// Also read fingerprints from DIR: Rapid7 Recog XML files or portlore TOML files.
    #[arg(long, value_name = "DIR", env = "PORTLORE_FINGERPRINTS")]
    pub fingerprints: Option<PathBuf>,
    /// Compare with a previous scan (portlore JSON Lines or nmap XML) and report what
    /// changed, as ndiff does.
    #[arg(long, value_name = "PREVIOUS")]
    pub diff: Option<PathBuf>,
    /// Continue an interrupted scan: ports settled in FILE (portlore JSON Lines) are not
    /// scanned again.
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// Output format (JSON: JSON Lines, schema portlore.scan/2: one record per open port,
    /// per host, and a summary).
    #[command(flatten)]
    pub format: FormatArg,
    /// Write nmap-compatible XML to FILE (nmap's -oX FILE is accepted too).
    #[arg(long = "xml", value_name = "FILE")]
    pub xml: Option<PathBuf>,
    /// The progress bar.
    #[command(flatten)]
    pub progress: ProgressArg,
    /// The registry that explains the open ports.
    #[command(flatten)]
    pub registry: RegistryArg,
}

/// A timing preset, 0 (paranoid) to 5 (insane), as in nmap's -T.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// 0: one probe at a time, minutes apart.
    Paranoid,
    /// 1: one probe at a time, seconds apart.
    Sneaky,
    /// 2: gentle on fragile devices.
    Polite,
    /// 3: the default.
    Normal,
    /// 4: for reliable networks.
    Aggressive,
    /// 5: shortest timeouts.
    Insane,
}

impl Timing {
    /// Every preset, 0 to 5.
    pub const ALL: [Timing; 6] = [
        Timing::Paranoid,
        Timing::Sneaky,
        Timing::Polite,
        Timing::Normal,
        Timing::Aggressive,
        Timing::Insane,
    ];

    /// The preset's name.
    pub fn name(self) -> &'static str {
        match self {
            Timing::Paranoid => "paranoid",
            Timing::Sneaky => "sneaky",
            Timing::Polite => "polite",
            Timing::Normal => "normal",
            Timing::Aggressive => "aggressive",
            Timing::Insane => "insane",
        }
    }
}

impl FromStr for Timing {
    type Err = String;

    /// `0`-`5`, `T0`-`T5`, or a name (`aggressive`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        let digit = s.strip_prefix('t').unwrap_or(&s);
        if let Ok(n) = digit.parse::<usize>() {
            return Timing::ALL
                .get(n)
                .copied()
                .ok_or_else(|| format!("timing {s:?} is not 0-5"));
        }
        Timing::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| {
                format!(
                    "unknown timing {s:?}: use 0-5 or paranoid, sneaky, polite, normal, aggressive, insane"
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_parse_by_digit_and_name() {
        assert_eq!("4".parse(), Ok(Timing::Aggressive));
        assert_eq!("T0".parse(), Ok(Timing::Paranoid));
        assert_eq!("Insane".parse(), Ok(Timing::Insane));
        assert!("6".parse::<Timing>().is_err());
        assert!("fast".parse::<Timing>().is_err());
    }
}
