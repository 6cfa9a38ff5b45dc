//! Round-trip estimation in the spirit of nmap (and RFC 6298): a smoothed RTT and its
//! variance give the timeout, clamped to the timing preset's bounds.

use std::time::Duration;

/// Per-host RTT state.
#[derive(Debug, Clone)]
pub struct RttEstimator {
    srtt: Option<f64>,
    rttvar: f64,
    initial: Duration,
    min: Duration,
    max: Duration,
}

impl RttEstimator {
    /// A new estimator: `initial` until the first sample, then within `min..=max`.
    pub fn new(initial: Duration, min: Duration, max: Duration) -> Self {
        RttEstimator {
            srtt: None,
            rttvar: 0.0,
            initial,
            min,
            max,
        }
    }

    /// Feeds one measured round trip (a SYN answered by SYN-ACK or RST).
    pub fn sample(&mut self, rtt: Duration) {
        let r = rtt.as_secs_f64();
        match self.srtt {
            None => {
                self.srtt = Some(r);
                self.rttvar = r / 2.0;
            }
            Some(s) => {
                let delta = r - s;
                self.srtt = Some(s + delta / 8.0);
                self.rttvar += (delta.abs() - self.rttvar) / 4.0;
            }
        }
    }

    /// Whether any sample arrived.
    pub fn has_samples(&self) -> bool {
        self.srtt.is_some()
    }

    /// The smoothed RTT, once measured.
    pub fn srtt(&self) -> Option<Duration> {
        self.srtt.map(Duration::from_secs_f64)
    }

    /// How long to wait for an answer before calling a probe unanswered.
    pub fn timeout(&self) -> Duration {
        match self.srtt {
            None => self.initial,
            Some(s) => Duration::from_secs_f64(s + 4.0 * self.rttvar).clamp(self.min, self.max),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adapts_and_clamps() {
        let ms = Duration::from_millis;
        let mut e = RttEstimator::new(ms(1000), ms(100), ms(1250));
        assert_eq!(e.timeout(), ms(1000));
        for _ in 0..20 {
            e.sample(Duration::from_micros(50));
        }
        assert_eq!(e.timeout(), ms(100));
        for _ in 0..50 {
            e.sample(ms(400));
        }
        assert!(e.timeout() >= ms(400) && e.timeout() <= ms(1250));
        for _ in 0..50 {
            e.sample(ms(5000));
        }
        assert_eq!(e.timeout(), ms(1250));
    }
}
