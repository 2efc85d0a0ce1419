//! Keeping to the portal's request rate.
//!
//! Bitrix24 counts HTTP requests in a leaky bucket per portal and source IP: each request adds
//! one, the counter drains by `Y` a second, and past `X` a request is refused with HTTP 503
//! `QUERY_LIMIT_EXCEEDED` before it runs. `X`/`Y` are 50 and 2 a second on most plans, 250 and
//! 5 on Enterprise (b24restdocs `limits.md`). A `batch` is one request.
//!
//! The client keeps a bucket of its own in step with the portal's, so that it paces itself
//! rather than collecting refusals; on a refusal it takes the portal's bucket as full (someone
//! else on this IP — the bot runtime — may be using it) and backs off.

use std::time::{Duration, Instant};

/// A leaky bucket's size and drain rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateLimit {
    /// Requests that may go out at once.
    pub burst: u32,
    /// Requests a second the bucket drains by.
    pub per_second: f64,
}

impl RateLimit {
    /// The portal's bucket on every plan but Enterprise.
    pub const PORTAL: RateLimit = RateLimit {
        burst: 50,
        per_second: 2.0,
    };

    /// What push allows itself: the portal's drain rate, but a fifth of its bucket, because
    /// the bucket is shared by everything calling the portal from this IP (limits.md), the bot
    /// runtime included, and push needs only a few requests anyway.
    pub const PUSH: RateLimit = RateLimit {
        burst: 10,
        per_second: 2.0,
    };

    /// How long one request takes to drain.
    pub fn interval(&self) -> Duration {
        Duration::from_secs_f64(1.0 / self.per_second.max(f64::MIN_POSITIVE))
    }
}

impl Default for RateLimit {
    fn default() -> Self {
        Self::PUSH
    }
}

/// The client's copy of the bucket.
#[derive(Debug)]
pub(crate) struct Bucket {
    limit: RateLimit,
    level: f64,
    at: Instant,
}

impl Bucket {
    pub(crate) fn new(limit: RateLimit, now: Instant) -> Self {
        Self {
            limit,
            level: 0.0,
            at: now,
        }
    }

    /// How long to wait at `now` before one more request fits.
    pub(crate) fn wait(&mut self, now: Instant) -> Duration {
        self.drain(now);
        let over = self.level + 1.0 - f64::from(self.limit.burst.max(1));
        if over <= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(over / self.limit.per_second)
        }
    }

    /// One request went out at `now`.
    pub(crate) fn take(&mut self, now: Instant) {
        self.drain(now);
        self.level += 1.0;
    }

    /// The portal refused for its rate: treat its bucket as full, so that the following
    /// requests go out no faster than it drains.
    pub(crate) fn fill(&mut self, now: Instant) {
        self.drain(now);
        self.level = self.level.max(f64::from(self.limit.burst.max(1)));
    }

    fn drain(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.level = (self.level - elapsed * self.limit.per_second).max(0.0);
        self.at = now;
    }
}

/// The pause after the `attempt`-th refusal in a row (1-based): one drain interval, growing by
/// half each time (Bitrix24 asks to "retry with increasing delay"), at most `cap`.
pub(crate) fn backoff(limit: RateLimit, attempt: u32, cap: Duration) -> Duration {
    let growth = 1.5_f64.powi(i32::try_from(attempt.saturating_sub(1)).unwrap_or(i32::MAX));
    limit.interval().mul_f64(growth).min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_goes_out_at_once_then_paces_at_the_drain_rate() {
        let t0 = Instant::now();
        let mut b = Bucket::new(RateLimit::PUSH, t0);
        for _ in 0..10 {
            assert_eq!(b.wait(t0), Duration::ZERO);
            b.take(t0);
        }
        assert_eq!(b.wait(t0), Duration::from_millis(500));
        let t1 = t0 + Duration::from_millis(500);
        assert_eq!(b.wait(t1), Duration::ZERO);
        b.take(t1);
        assert_eq!(b.wait(t1), Duration::from_millis(500));
        // Idle for long enough, the whole burst is available again.
        let t2 = t1 + Duration::from_secs(5);
        b.take(t2);
        assert_eq!(b.wait(t2), Duration::ZERO);
    }

    #[test]
    fn a_refusal_fills_the_bucket() {
        let t0 = Instant::now();
        let mut b = Bucket::new(RateLimit::PUSH, t0);
        b.take(t0);
        b.fill(t0);
        assert_eq!(b.wait(t0), Duration::from_millis(500));
    }

    #[test]
    fn backoff_grows_by_half_up_to_the_cap() {
        let cap = Duration::from_secs(2);
        let l = RateLimit::PUSH;
        assert_eq!(backoff(l, 1, cap), Duration::from_millis(500));
        assert_eq!(backoff(l, 2, cap), Duration::from_millis(750));
        assert_eq!(backoff(l, 3, cap), Duration::from_millis(1125));
        assert_eq!(backoff(l, 9, cap), cap);
    }
}
