//! The cancel branch's exclusive conditions (docs/bot-runtime.md, "Cancel and reschedule").
//! With `t` = visit start − now: `urgent_cancel` when `t < urgent_cancel_within_s` (hand
//! over), else `late_cancel` when `t < free_until_s`, else `cancel`. A reschedule inside
//! the urgent window is handed over too, and one past `reschedule_max` as well. Exactly one
//! applies, so exactly one step of each group runs.

use chrono::DateTime;
use chrono_tz::Tz;

/// What a "cancel" choice becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelWhen {
    /// Less than the urgent window before the visit (or after its start): a person decides.
    UrgentCancel,
    /// Inside the urgent-free but past the free window: cancelled on the late terms.
    LateCancel,
    /// At or before the free window: cancelled free of charge.
    Cancel,
}

/// What a "reschedule" choice becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RescheduleWhen {
    /// Inside the urgent window: a person decides (reason `urgent_cancel`).
    UrgentReschedule,
    /// The booking was moved `reschedule_max` times already: a person decides (reason
    /// `reschedule_limit`).
    RescheduleLimit,
    /// Moved by the bot: it asks the new `preferred_time`.
    Reschedule,
}

impl CancelWhen {
    pub fn as_str(self) -> &'static str {
        match self {
            CancelWhen::UrgentCancel => "urgent_cancel",
            CancelWhen::LateCancel => "late_cancel",
            CancelWhen::Cancel => "cancel",
        }
    }
}

impl RescheduleWhen {
    pub fn as_str(self) -> &'static str {
        match self {
            RescheduleWhen::UrgentReschedule => "urgent_reschedule",
            RescheduleWhen::RescheduleLimit => "reschedule_limit",
            RescheduleWhen::Reschedule => "reschedule",
        }
    }
}

/// Seconds from `now` to the visit's start; negative once it has begun.
fn until(visit: DateTime<Tz>, now: DateTime<Tz>) -> i64 {
    (visit - now).num_seconds()
}

fn inside(window_s: u64, t: i64) -> bool {
    t < i64::try_from(window_s).unwrap_or(i64::MAX)
}

pub fn cancel(
    visit: DateTime<Tz>,
    now: DateTime<Tz>,
    urgent_cancel_within_s: u64,
    free_until_s: u64,
) -> CancelWhen {
    let t = until(visit, now);
    if inside(urgent_cancel_within_s, t) {
        CancelWhen::UrgentCancel
    } else if inside(free_until_s, t) {
        CancelWhen::LateCancel
    } else {
        CancelWhen::Cancel
    }
}

/// `done` is how many times this booking was moved already.
pub fn reschedule(
    visit: DateTime<Tz>,
    now: DateTime<Tz>,
    urgent_cancel_within_s: u64,
    done: u32,
    reschedule_max: u32,
) -> RescheduleWhen {
    if inside(urgent_cancel_within_s, until(visit, now)) {
        RescheduleWhen::UrgentReschedule
    } else if done >= reschedule_max {
        RescheduleWhen::RescheduleLimit
    } else {
        RescheduleWhen::Reschedule
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn visit() -> DateTime<Tz> {
        chrono_tz::Asia::Omsk
            .with_ymd_and_hms(2026, 12, 6, 8, 0, 0)
            .unwrap()
    }

    fn before(secs: i64) -> DateTime<Tz> {
        visit() - Duration::seconds(secs)
    }

    const URGENT: u64 = 1800;
    const FREE: u64 = 43_200;

    #[test]
    fn twenty_nine_fifty_nine_before_is_urgent_thirty_is_not() {
        assert_eq!(
            cancel(visit(), before(29 * 60 + 59), URGENT, FREE),
            CancelWhen::UrgentCancel
        );
        assert_eq!(
            cancel(visit(), before(30 * 60), URGENT, FREE),
            CancelWhen::LateCancel
        );
    }

    #[test]
    fn the_free_window_edge() {
        assert_eq!(
            cancel(visit(), before(43_199), URGENT, FREE),
            CancelWhen::LateCancel
        );
        assert_eq!(
            cancel(visit(), before(43_200), URGENT, FREE),
            CancelWhen::Cancel
        );
        assert_eq!(
            cancel(visit(), before(86_400), URGENT, FREE),
            CancelWhen::Cancel
        );
    }

    #[test]
    fn after_the_visit_began_it_is_a_person_s_call() {
        assert_eq!(
            cancel(visit(), before(-60), URGENT, FREE),
            CancelWhen::UrgentCancel
        );
    }

    #[test]
    fn no_late_terms_when_the_free_window_is_inside_the_urgent_one() {
        assert_eq!(
            cancel(visit(), before(1000), URGENT, 600),
            CancelWhen::UrgentCancel
        );
        assert_eq!(
            cancel(visit(), before(1800), URGENT, 600),
            CancelWhen::Cancel
        );
    }

    #[test]
    fn reschedules_urgent_then_over_the_limit_then_by_the_bot() {
        assert_eq!(
            reschedule(visit(), before(1799), URGENT, 0, 2),
            RescheduleWhen::UrgentReschedule
        );
        assert_eq!(
            reschedule(visit(), before(1800), URGENT, 2, 2),
            RescheduleWhen::RescheduleLimit
        );
        assert_eq!(
            reschedule(visit(), before(1800), URGENT, 1, 2),
            RescheduleWhen::Reschedule
        );
        assert_eq!(
            reschedule(visit(), before(90_000), URGENT, 0, 0),
            RescheduleWhen::RescheduleLimit
        );
    }
}
