//! `--rate`: a token bucket that caps new connection attempts per second.

use std::time::{Duration, Instant};

/// Paces attempts to at most `per_sec`, with a burst of a tenth of a second's worth.
#[derive(Debug)]
pub struct RateLimiter {
    per_sec: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl RateLimiter {
    /// A limiter for `per_sec` attempts per second (at least 1).
    pub fn new(per_sec: u32) -> Self {
        let per_sec = f64::from(per_sec.max(1));
        let burst = (per_sec / 10.0).max(1.0);
        RateLimiter {
            per_sec,
            burst,
            tokens: 1.0,
            last: Instant::now(),
        }
    }

    /// How long to wait before the next attempt; takes the token when it returns zero.
    pub fn delay(&mut self) -> Duration {
        let now = Instant::now();
        let elapsed = now.duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.per_sec).min(self.burst);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Duration::ZERO
        } else {
            Duration::from_secs_f64((1.0 - self.tokens) / self.per_sec)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn paces() {
        let mut r = super::RateLimiter::new(10);
        assert!(r.delay().is_zero());
        assert!(!r.delay().is_zero());
    }
}
