//! Outside working hours (docs/bot-runtime.md, "Night mode"): before the day's first
//! opening, after its last closing, or on a closed day — a break is not night. With
//! `night_mode` the bot answers then, greets with `greeting.after_hours`, and a hand-off
//! notifies the person on duty, who answers within the night response time
//! (`escalation_response`); in working hours a hand-off is answered within the day time
//! (`human_first_response`). Without `night_mode` the bot does not answer at night: the
//! message waits for the opening.

use chrono::DateTime;
use chrono_tz::Tz;

use crate::semantics::hours::OpeningHours;

/// Who answers a message at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Working hours (a break included): the usual greeting, the day response time.
    Day,
    /// Night mode: `greeting.after_hours`, the duty person, the night response time.
    Night,
    /// Outside working hours without night mode: the bot stays silent until the opening.
    Closed,
}

pub fn presence(at: DateTime<Tz>, hours: &OpeningHours, night_mode: bool) -> Presence {
    match (hours.is_night(at.naive_local()), night_mode) {
        (false, _) => Presence::Day,
        (true, true) => Presence::Night,
        (true, false) => Presence::Closed,
    }
}

/// Seconds within which a person answers a hand-off made at `at`.
pub fn handoff_response_s(
    at: DateTime<Tz>,
    hours: &OpeningHours,
    day_response_s: u64,
    night_response_s: u64,
) -> u64 {
    if hours.is_night(at.naive_local()) {
        night_response_s
    } else {
        day_response_s
    }
}

/// The duty person to notify at `at`: the first whose shift covers it, else the first
/// listed without a shift (always on duty). `shifts[i]` is `None` for "always".
pub fn on_duty(at: DateTime<Tz>, shifts: &[Option<&OpeningHours>]) -> Option<usize> {
    let local = at.naive_local();
    shifts
        .iter()
        .position(|s| s.is_some_and(|h| h.is_open(local)))
        .or_else(|| shifts.iter().position(Option::is_none))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn local(h: u32, m: u32) -> DateTime<Tz> {
        // A Monday.
        chrono_tz::Asia::Omsk
            .with_ymd_and_hms(2026, 12, 7, h, m, 0)
            .unwrap()
    }

    fn hours() -> OpeningHours {
        OpeningHours::parse(&["mon-fri 09:00-13:00,14:00-21:00"]).unwrap()
    }

    #[test]
    fn night_is_outside_the_day_s_hours_a_break_is_day() {
        let h = hours();
        assert_eq!(presence(local(8, 59), &h, true), Presence::Night);
        assert_eq!(presence(local(9, 0), &h, true), Presence::Day);
        assert_eq!(presence(local(13, 30), &h, true), Presence::Day);
        assert_eq!(presence(local(21, 0), &h, true), Presence::Night);
        assert_eq!(presence(local(21, 0), &h, false), Presence::Closed);
    }

    #[test]
    fn a_hand_off_at_night_gets_the_night_response_time() {
        let h = hours();
        assert_eq!(handoff_response_s(local(12, 0), &h, 180, 900), 180);
        assert_eq!(handoff_response_s(local(22, 0), &h, 180, 900), 900);
    }

    #[test]
    fn the_duty_person_is_the_one_whose_shift_covers_the_moment() {
        let evening = OpeningHours::parse(&["mon-fri 21:00-24:00"]).unwrap();
        let morning = OpeningHours::parse(&["mon-fri 00:00-09:00"]).unwrap();
        let shifts = [Some(&evening), Some(&morning), None];
        assert_eq!(on_duty(local(22, 0), &shifts), Some(0));
        assert_eq!(on_duty(local(3, 0), &shifts), Some(1));
        assert_eq!(on_duty(local(12, 0), &shifts), Some(2));
        assert_eq!(on_duty(local(12, 0), &shifts[..2]), None);
    }
}
