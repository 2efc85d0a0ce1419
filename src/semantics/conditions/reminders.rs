//! Visit reminders (docs/bot-runtime.md, "Reminders"): each is due at visit start − offset,
//! local time. It is not sent when that moment is not after the booking (a visit booked
//! 90 minutes ahead gets no 24 h and no 2 h reminder), nor when it falls outside the send
//! window — it is skipped, not moved: a 2 h reminder for a 09:00 visit would go at 07:00,
//! and an early one would tell the client the wrong "in 2 hours". A reschedule plans them
//! again from the moment of the reschedule; a cancellation drops those not yet sent.

use chrono::{DateTime, Duration};
use chrono_tz::Tz;

use super::send_window::SendWindow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// Sent at this moment.
    Due(DateTime<Tz>),
    /// Its moment was not after the booking.
    AlreadyPast(DateTime<Tz>),
    /// Its moment falls outside the send window.
    OutsideWindow(DateTime<Tz>),
}

impl Reminder {
    pub fn due(self) -> Option<DateTime<Tz>> {
        match self {
            Reminder::Due(at) => Some(at),
            _ => None,
        }
    }
}

pub fn plan(
    visit: DateTime<Tz>,
    offset_s: u64,
    booked_at: DateTime<Tz>,
    window: SendWindow,
) -> Reminder {
    let at = visit - Duration::seconds(i64::try_from(offset_s).unwrap_or(i64::MAX / 2));
    if at <= booked_at {
        Reminder::AlreadyPast(at)
    } else if !window.contains(at) {
        Reminder::OutsideWindow(at)
    } else {
        Reminder::Due(at)
    }
}

/// Every offset's reminder, in the config's order.
pub fn plan_all(
    visit: DateTime<Tz>,
    offsets_s: &[u64],
    booked_at: DateTime<Tz>,
    window: SendWindow,
) -> Vec<(u64, Reminder)> {
    offsets_s
        .iter()
        .map(|&o| (o, plan(visit, o, booked_at, window)))
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::semantics::conditions::send_window::DEFAULT;

    fn local(d: u32, h: u32, m: u32) -> DateTime<Tz> {
        chrono_tz::Asia::Omsk
            .with_ymd_and_hms(2026, 12, d, h, m, 0)
            .unwrap()
    }

    #[test]
    fn a_2h_reminder_for_a_9_o_clock_visit_falls_at_7_and_is_skipped() {
        let w = SendWindow::parse(DEFAULT).unwrap();
        let visit = local(8, 9, 0);
        let plans = plan_all(visit, &[86_400, 7200, 3600], local(1, 12, 0), w);
        assert_eq!(plans[0].1, Reminder::Due(local(7, 9, 0)));
        assert_eq!(plans[1].1, Reminder::OutsideWindow(local(8, 7, 0)));
        // The 1 h one falls at 08:00, the window's first minute.
        assert_eq!(plans[2].1, Reminder::Due(local(8, 8, 0)));
    }

    #[test]
    fn the_window_edges() {
        let w = SendWindow::parse(DEFAULT).unwrap();
        assert_eq!(
            plan(local(8, 10, 0), 7200, local(1, 0, 0), w),
            Reminder::Due(local(8, 8, 0))
        );
        assert_eq!(
            plan(local(9, 0, 0), 7200, local(1, 0, 0), w),
            Reminder::OutsideWindow(local(8, 22, 0))
        );
    }

    #[test]
    fn a_visit_booked_less_than_an_offset_ahead_skips_that_reminder() {
        let w = SendWindow::parse(DEFAULT).unwrap();
        let visit = local(8, 15, 0);
        let booked = local(8, 13, 30);
        let plans = plan_all(visit, &[86_400, 7200, 3600], booked, w);
        assert!(matches!(plans[0].1, Reminder::AlreadyPast(_)));
        assert!(matches!(plans[1].1, Reminder::AlreadyPast(_)));
        assert_eq!(plans[2].1, Reminder::Due(local(8, 14, 0)));
        // Due exactly at the moment of booking: not after it, so not sent.
        assert!(matches!(
            plan(visit, 5400, booked, w),
            Reminder::AlreadyPast(_)
        ));
    }
}
