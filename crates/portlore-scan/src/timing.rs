//! `--timing` presets, named and numbered like nmap's `-T0`..`-T5`.

use std::str::FromStr;
use std::time::Duration;

use serde::Serialize;

/// A timing preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Timing {
    /// 0: one probe at a time, five minutes apart (IDS evasion; rarely useful).
    Paranoid,
    /// 1: one probe at a time, 15 seconds apart.
    Sneaky,
    /// 2: one probe at a time, 0.4 seconds apart; gentle on fragile devices.
    Polite,
    /// 3: the default.
    #[default]
    Normal,
    /// 4: shorter timeouts and more parallelism, for reliable networks.
    Aggressive,
    /// 5: shortest timeouts; may miss ports on slow or lossy links.
    Insane,
}

/// What a preset sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimingParams {
    /// Timeout before the first RTT sample.
    pub initial_rtt_timeout: Duration,
    /// Lower bound of the adaptive timeout.
    pub min_rtt_timeout: Duration,
    /// Upper bound of the adaptive timeout.
    pub max_rtt_timeout: Duration,
    /// Most retries of an unanswered port (used only once drops are seen, as in nmap).
    pub max_retries: u8,
    /// Connection attempts in flight at first.
    pub initial_parallel: usize,
    /// Most attempts in flight (further bounded by the open-file budget).
    pub max_parallel: usize,
    /// Pause between attempts.
    pub scan_delay: Duration,
    /// How long to wait for a banner from a server that speaks first.
    pub banner_wait: Duration,
    /// How long to wait for an answer to one active probe.
    pub probe_wait: Duration,
    /// Time cap for identifying one open port.
    pub service_timeout: Duration,
    /// Probes sent to one silent port at once (1 for the gentle presets).
    pub service_parallel: usize,
    /// Deadline of the whole identification phase.
    pub identify_deadline: Duration,
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

    /// The preset's parameters.
    pub fn params(self) -> TimingParams {
        let ms = Duration::from_millis;
        let slow = |delay: u64| TimingParams {
            initial_rtt_timeout: ms(5000),
            min_rtt_timeout: ms(100),
            max_rtt_timeout: ms(10_000),
            max_retries: 10,
            initial_parallel: 1,
            max_parallel: 1,
            scan_delay: ms(delay),
            banner_wait: ms(5000),
            probe_wait: ms(5000),
            service_timeout: ms(30_000),
            service_parallel: 1,
            identify_deadline: ms(600_000),
        };
        match self {
            Timing::Paranoid => slow(300_000),
            Timing::Sneaky => slow(15_000),
            Timing::Polite => TimingParams {
                initial_rtt_timeout: ms(1000),
                ..slow(400)
            },
            Timing::Normal => TimingParams {
                initial_rtt_timeout: ms(1000),
                min_rtt_timeout: ms(100),
                max_rtt_timeout: ms(10_000),
                max_retries: 10,
                initial_parallel: 256,
                max_parallel: 5000,
                scan_delay: Duration::ZERO,
                banner_wait: ms(2000),
                probe_wait: ms(2000),
                service_timeout: ms(12_000),
                service_parallel: 8,
                identify_deadline: ms(60_000),
            },
            Timing::Aggressive => TimingParams {
                initial_rtt_timeout: ms(500),
                min_rtt_timeout: ms(100),
                max_rtt_timeout: ms(1250),
                max_retries: 6,
                initial_parallel: 1024,
                max_parallel: 10_000,
                scan_delay: Duration::ZERO,
                banner_wait: ms(1000),
                probe_wait: ms(1000),
                service_timeout: ms(6000),
                service_parallel: 16,
                identify_deadline: ms(20_000),
            },
            Timing::Insane => TimingParams {
                initial_rtt_timeout: ms(250),
                min_rtt_timeout: ms(50),
                max_rtt_timeout: ms(300),
                max_retries: 2,
                initial_parallel: 4096,
                max_parallel: 20_000,
                scan_delay: Duration::ZERO,
                banner_wait: ms(500),
                probe_wait: ms(500),
                service_timeout: ms(3000),
                service_parallel: 24,
                identify_deadline: ms(10_000),
            },
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
                format!("unknown timing {s:?}: use 0-5 or paranoid, sneaky, polite, normal, aggressive, insane")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_numbers() {
        assert_eq!("T4".parse::<Timing>().unwrap(), Timing::Aggressive);
        assert_eq!("3".parse::<Timing>().unwrap(), Timing::Normal);
        assert_eq!("insane".parse::<Timing>().unwrap(), Timing::Insane);
        assert!("6".parse::<Timing>().is_err());
        assert!("fast".parse::<Timing>().is_err());
        for t in Timing::ALL {
            let p = t.params();
            assert!(p.min_rtt_timeout <= p.initial_rtt_timeout);
            assert!(p.initial_rtt_timeout <= p.max_rtt_timeout);
            assert!(p.initial_parallel <= p.max_parallel);
        }
    }
}
