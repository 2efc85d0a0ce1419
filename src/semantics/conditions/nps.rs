//! The satisfaction survey (docs/bot-runtime.md, "NPS"): due `nps.after_s` after the visit
//! *ends* (start + the booked services' duration), moved to the next opening of the send
//! window, and never after a cancellation or a no-show. A score is the whole reply, a whole
//! number on the scale; at or below `detractor_max` it goes to a person (reason
//! `nps_detractor`).

use chrono::{DateTime, Duration};
use chrono_tz::Tz;

use super::send_window::SendWindow;
use crate::semantics::message::Message;

/// How the visit ended, as the CRM stage says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitOutcome {
    Visited,
    Cancelled,
    NoShow,
}

/// When the survey goes out, if it does.
pub fn due(
    visit_start: DateTime<Tz>,
    duration_s: u64,
    after_s: u64,
    window: SendWindow,
    outcome: VisitOutcome,
) -> Option<DateTime<Tz>> {
    if outcome != VisitOutcome::Visited {
        return None;
    }
    let secs = |s: u64| Duration::seconds(i64::try_from(s).unwrap_or(i64::MAX / 4));
    Some(window.next_open(visit_start + secs(duration_s) + secs(after_s)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpsGroup {
    /// At or below `detractor_max`: the `detractor` reply, and a hand-off.
    Detractor,
    Passive,
    /// At or above `promoter_min`.
    Promoter,
}

/// The score a reply gives, if it is one: the whole message a number on the scale.
pub fn score(message: &Message, scale_min: u8, scale_max: u8) -> Option<u8> {
    let n = u8::try_from(message.number()?).ok()?;
    (scale_min..=scale_max).contains(&n).then_some(n)
}

pub fn group(score: u8, detractor_max: u8, promoter_min: u8) -> NpsGroup {
    if score <= detractor_max {
        NpsGroup::Detractor
    } else if score >= promoter_min {
        NpsGroup::Promoter
    } else {
        NpsGroup::Passive
    }
}

pub fn hands_over(score: u8, detractor_max: u8) -> bool {
    score <= detractor_max
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::enums::Lang;
    use crate::semantics::conditions::send_window::DEFAULT;
    use crate::semantics::stem::Stemmer;

    fn local(d: u32, h: u32, m: u32) -> DateTime<Tz> {
        chrono_tz::Asia::Omsk
            .with_ymd_and_hms(2026, 12, d, h, m, 0)
            .unwrap()
    }

    #[test]
    fn due_after_the_visit_ends_not_after_it_starts() {
        let w = SendWindow::parse(DEFAULT).unwrap();
        // A 90-minute visit at 12:00 ends at 13:30; three days later, 13:30.
        assert_eq!(
            due(local(5, 12, 0), 5400, 259_200, w, VisitOutcome::Visited),
            Some(local(8, 13, 30))
        );
    }

    #[test]
    fn moved_to_the_next_opening_of_the_send_window() {
        let w = SendWindow::parse(DEFAULT).unwrap();
        // Ends 21:30, plus 1 h → 22:30: outside, so 08:00 the next day.
        assert_eq!(
            due(local(5, 20, 30), 3600, 3600, w, VisitOutcome::Visited),
            Some(local(6, 8, 0))
        );
    }

    #[test]
    fn never_after_a_cancellation_or_a_no_show() {
        let w = SendWindow::parse(DEFAULT).unwrap();
        assert_eq!(
            due(local(5, 12, 0), 3600, 60, w, VisitOutcome::Cancelled),
            None
        );
        assert_eq!(
            due(local(5, 12, 0), 3600, 60, w, VisitOutcome::NoShow),
            None
        );
    }

    #[test]
    fn six_hands_over_seven_does_not() {
        assert!(hands_over(6, 6));
        assert!(!hands_over(7, 6));
        assert_eq!(group(6, 6, 9), NpsGroup::Detractor);
        assert_eq!(group(7, 6, 9), NpsGroup::Passive);
        assert_eq!(group(9, 6, 9), NpsGroup::Promoter);
    }

    #[test]
    fn a_score_is_the_whole_reply_on_the_scale() {
        let s = Stemmer::new(Lang::Ru);
        assert_eq!(score(&Message::new("7", s), 0, 10), Some(7));
        assert_eq!(score(&Message::new("10!", s), 0, 10), Some(10));
        assert_eq!(score(&Message::new("11", s), 0, 10), None);
        assert_eq!(score(&Message::new("на 7", s), 0, 10), None);
    }
}
