//! Opening hours as the rules use them: for each weekday, the ranges a visit may sit in
//! (docs/bot-runtime.md, "Working hours"). A day may have several ranges — a lunch break is
//! closed for booking but is not night: night is before the day's first opening or after its
//! last closing, or a closed day.
//!
//! Built from `business.toml`'s [`WorkingHours`] lines (or the bot config's copy of them),
//! where `"mon-fri 09:00-13:00,14:00-21:00"` gives two ranges a day.

use chrono::{Datelike, NaiveDateTime, NaiveTime, Timelike};

use crate::model::hours::{DAYS, WorkingHours};
use crate::model::read::ParseStr;

/// Minutes from midnight, `[start, end)`; `end` may be 1440 (24:00).
pub type Range = (u16, u16);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpeningHours {
    /// Monday first; each day's ranges sorted by start.
    days: [Vec<Range>; 7],
}

impl OpeningHours {
    /// From each weekday's ranges, Monday first. Ranges that end before they start (lint
    /// reports them, C103) are left out: they open nothing.
    pub fn from_days(days: [Vec<Range>; 7]) -> Self {
        let mut days = days;
        for d in &mut days {
            d.retain(|(a, b)| a < b);
            d.sort_unstable();
        }
        Self { days }
    }

    /// From `business.toml`'s parsed lines.
    pub fn from_working_hours(lines: &[WorkingHours]) -> Self {
        let mut days: [Vec<Range>; 7] = Default::default();
        for h in lines {
            for (i, d) in days.iter_mut().enumerate() {
                if h.covers(i) {
                    d.extend(h.ranges.iter().copied());
                }
            }
        }
        Self::from_days(days)
    }

    /// From lines as written (`"mon-fri 09:00-13:00,14:00-21:00"`, `"sat 10:00-18:00"`):
    /// several ranges after the days are a break between them.
    pub fn parse(lines: &[&str]) -> Result<Self, crate::i18n::Text> {
        let parsed = lines
            .iter()
            .map(|line| WorkingHours::parse_str(line))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::from_working_hours(&parsed))
    }

    /// The ranges of a weekday, Monday = 0.
    pub fn day(&self, weekday: usize) -> &[Range] {
        &self.days[weekday % 7]
    }

    /// The ranges of the day `at` falls on.
    pub fn on(&self, at: NaiveDateTime) -> &[Range] {
        self.day(at.weekday().num_days_from_monday() as usize)
    }

    /// Whether the location is open at `at` (local): inside one of the day's ranges.
    pub fn is_open(&self, at: NaiveDateTime) -> bool {
        let m = minute(at.time());
        self.on(at).iter().any(|&(a, b)| a <= m && m < b)
    }

    /// Night mode: before the day's first opening, at or after its last closing, or a day
    /// with no hours. A break between two ranges is not night.
    pub fn is_night(&self, at: NaiveDateTime) -> bool {
        let m = minute(at.time());
        match (self.on(at).first(), self.on(at).last()) {
            (Some(&(first, _)), Some(&(_, last))) => m < first || m >= last,
            _ => true,
        }
    }

    /// The range a visit from `start` lasting `minutes` fits in whole, if any: it starts
    /// inside the range and ends (start + duration) no later than the range's end.
    pub fn fits(&self, start: NaiveDateTime, minutes: u32) -> Result<Range, Misfit> {
        let m = minute(start.time());
        let Some(&range) = self.on(start).iter().find(|&&(a, b)| a <= m && m < b) else {
            return Err(Misfit::Closed);
        };
        if u32::from(m) + minutes <= u32::from(range.1) {
            Ok(range)
        } else {
            Err(Misfit::EndsAfterClosing { closes: range.1 })
        }
    }

    /// The break a visit from `start` lasting `minutes` starts in or runs into, as `(from,
    /// until)`: the gap between two ranges of that day. `None` when no break is in the way
    /// (the visit fits, or misses the hours for another reason).
    pub fn break_at(&self, start: NaiveDateTime, minutes: u32) -> Option<Range> {
        let m = u32::from(minute(start.time()));
        let end = m + minutes.max(1);
        self.on(start)
            .windows(2)
            .map(|w| (w[0].1, w[1].0))
            .filter(|&(from, until)| from < until)
            .find(|&(from, until)| {
                let (from, until) = (u32::from(from), u32::from(until));
                // Starts inside the break, or starts before it and ends after it begins.
                (from <= m && m < until) || (m < from && end > from)
            })
    }

    /// The day's hours as people read them: "09:00–13:00, 14:00–21:00", or "" when closed.
    pub fn describe_day(&self, weekday: usize) -> String {
        self.day(weekday)
            .iter()
            .map(|&(a, b)| {
                format!(
                    "{}–{}",
                    WorkingHours::fmt_time(a),
                    WorkingHours::fmt_time(b)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The day ids with their ranges, for messages: `mon 09:00–21:00; …`.
    pub fn describe(&self) -> String {
        (0..7)
            .filter(|&d| !self.days[d].is_empty())
            .map(|d| format!("{} {}", DAYS[d], self.describe_day(d)))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The days with their ranges in the client's language, for the bot's re-ask:
    /// «пн 09:00–21:00; вт …», "Mon 09:00–21:00; Tue …".
    pub fn describe_in(&self, lang: crate::model::enums::Lang) -> String {
        const RU: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let names = match lang {
            crate::model::enums::Lang::Ru => RU,
            crate::model::enums::Lang::En => EN,
        };
        (0..7)
            .filter(|&d| !self.days[d].is_empty())
            .map(|d| format!("{} {}", names[d], self.describe_day(d)))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Why a visit does not fit the hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// It starts when the location is closed (a closed day, before opening, after closing,
    /// in a break).
    Closed,
    /// It starts inside a range but would end after the range closes, at `closes`.
    EndsAfterClosing { closes: u16 },
}

fn minute(t: NaiveTime) -> u16 {
    u16::try_from(t.hour() * 60 + t.minute()).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    // 2026-12-07 is a Monday.
    fn hours() -> OpeningHours {
        OpeningHours::parse(&["mon-fri 09:00-13:00,14:00-21:00", "sat 10:00-18:00"]).unwrap()
    }

    #[test]
    fn reads_breaks_as_two_ranges() {
        let h = hours();
        assert_eq!(h.day(0), &[(540, 780), (840, 1260)]);
        assert_eq!(h.day(5), &[(600, 1080)]);
        assert!(h.day(6).is_empty());
        assert_eq!(h.describe_day(0), "09:00–13:00, 14:00–21:00");
    }

    #[test]
    fn open_from_the_opening_minute_closed_from_the_closing_one() {
        let h = hours();
        assert!(!h.is_open(at("2026-12-07 08:59")));
        assert!(h.is_open(at("2026-12-07 09:00")));
        assert!(h.is_open(at("2026-12-07 20:59")));
        assert!(!h.is_open(at("2026-12-07 21:00")));
    }

    #[test]
    fn a_break_is_closed_but_not_night() {
        let h = hours();
        let lunch = at("2026-12-07 13:30");
        assert!(!h.is_open(lunch));
        assert!(!h.is_night(lunch));
        assert!(h.is_night(at("2026-12-07 21:00")));
        assert!(h.is_night(at("2026-12-07 08:59")));
        assert!(h.is_night(at("2026-12-13 12:00")), "Sunday is closed");
    }

    #[test]
    fn names_the_break_a_visit_meets() {
        let h = hours();
        assert_eq!(h.break_at(at("2026-12-07 13:30"), 30), Some((780, 840)));
        assert_eq!(h.break_at(at("2026-12-07 12:30"), 60), Some((780, 840)));
        assert_eq!(h.break_at(at("2026-12-07 12:00"), 60), None);
        assert_eq!(h.break_at(at("2026-12-07 14:00"), 60), None);
        assert_eq!(
            h.break_at(at("2026-12-07 08:00"), 60),
            None,
            "before opening"
        );
        assert_eq!(
            h.break_at(at("2026-12-12 13:30"), 60),
            None,
            "no break on Saturday"
        );
    }

    #[test]
    fn a_visit_must_end_inside_the_range_it_starts_in() {
        let h = hours();
        assert_eq!(h.fits(at("2026-12-07 12:00"), 60), Ok((540, 780)));
        assert_eq!(
            h.fits(at("2026-12-07 12:30"), 60),
            Err(Misfit::EndsAfterClosing { closes: 780 })
        );
        assert_eq!(h.fits(at("2026-12-07 13:15"), 30), Err(Misfit::Closed));
        assert_eq!(h.fits(at("2026-12-07 20:00"), 60), Ok((840, 1260)));
        assert_eq!(
            h.fits(at("2026-12-07 20:01"), 60),
            Err(Misfit::EndsAfterClosing { closes: 1260 })
        );
    }
}
