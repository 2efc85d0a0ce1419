//! Each method's time budget, as the `time` blocks report it.
//!
//! Besides the request rate, the cloud portal sums the seconds each method runs for a webhook
//! over ten one-minute baskets; past the portal's limit (480 s in the docs' example) the method
//! is refused with HTTP 429 `OPERATION_TIME_LIMIT` until baskets expire. Every answer's `time`
//! block carries `operating` (the sum) and `operating_reset_at` (when the oldest basket drops
//! out), and Bitrix24 asks to wait for the `operating_reset_at` of the last successful answer
//! before the first retry (b24restdocs `limits.md`, "How to Respond to Limit Errors"). Inside a
//! `batch`, each command is charged to its own method and reported in `result_time`.

use std::collections::BTreeMap;
use std::time::Duration;

use super::envelope::TimeBlock;

/// What the portal last said about one method's budget.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Operating {
    /// Seconds used over the last ten minutes.
    pub seconds: f64,
    /// Unix time at which the oldest minute stops counting.
    pub reset_at: Option<u64>,
}

#[derive(Debug, Default)]
pub(crate) struct Ledger {
    methods: BTreeMap<String, Operating>,
}

impl Ledger {
    pub(crate) fn record(&mut self, method: &str, time: &TimeBlock) {
        if time.operating.is_none() && time.operating_reset_at.is_none() {
            return;
        }
        let entry = self.methods.entry(method.to_owned()).or_default();
        if let Some(s) = time.operating {
            entry.seconds = s;
        }
        if time.operating_reset_at.is_some() {
            entry.reset_at = time.operating_reset_at;
        }
    }

    /// When `method` may be tried again after a refusal at unix time `now`: the reset the
    /// refusal itself names, else the last one recorded, else `fallback` from now.
    pub(crate) fn retry_at(
        &self,
        method: &str,
        refusal: Option<&TimeBlock>,
        now: u64,
        fallback: Duration,
    ) -> u64 {
        let known = refusal
            .and_then(|t| t.operating_reset_at)
            .or_else(|| self.methods.get(method).and_then(|o| o.reset_at))
            .filter(|&t| t > now);
        // One second past the reset, as the basket is dropped at that second, not before it.
        known.map_or(now + fallback.as_secs().max(1), |t| t + 1)
    }

    pub(crate) fn snapshot(&self) -> BTreeMap<String, Operating> {
        self.methods.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(operating: f64, reset: u64) -> TimeBlock {
        TimeBlock {
            duration: None,
            operating: Some(operating),
            operating_reset_at: Some(reset),
        }
    }

    #[test]
    fn waits_for_the_last_reported_reset() {
        let mut l = Ledger::default();
        l.record("crm.lead.list", &time(470.0, 1_000));
        let fallback = Duration::from_secs(10);
        assert_eq!(l.retry_at("crm.lead.list", None, 990, fallback), 1_001);
        // The refusal's own block wins; a reset already past is no guide.
        assert_eq!(
            l.retry_at("crm.lead.list", Some(&time(480.0, 995)), 990, fallback),
            996
        );
        assert_eq!(l.retry_at("crm.lead.list", None, 1_500, fallback), 1_510);
        assert_eq!(l.retry_at("crm.status.list", None, 990, fallback), 1_000);
    }
}
