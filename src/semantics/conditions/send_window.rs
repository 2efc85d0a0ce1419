//! `reminders.send_between` (docs/bot-runtime.md, "Time"): the local hours in which the bot
//! may write first — reminders and the NPS survey — `[from, until)`: "08:00-22:00" lets a
//! message go at 08:00 and at 21:59, not at 22:00.

use chrono::{DateTime, Days, NaiveTime, TimeZone, Timelike};
use chrono_tz::Tz;

/// The default, and what `business.toml` writes when it says nothing (SPEC §3).
pub const DEFAULT: &str = "08:00-22:00";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendWindow {
    from: u32,
    until: u32,
}

impl SendWindow {
    /// "HH:MM-HH:MM", from before until.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a send window: write it as \"08:00-22:00\"");
        let minute = |t: &str| -> Option<u32> {
            let (h, m) = t.trim().split_once(':')?;
            let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
            (h < 24 && m < 60).then_some(h * 60 + m)
        };
        let (a, b) = s.split_once('-').ok_or_else(bad)?;
        let (from, until) = (minute(a).ok_or_else(bad)?, minute(b).ok_or_else(bad)?);
        if from >= until {
            return Err(bad());
        }
        Ok(Self { from, until })
    }

    /// Whether a message may go at `at` (local).
    pub fn contains(self, at: DateTime<Tz>) -> bool {
        let m = at.hour() * 60 + at.minute();
        self.from <= m && m < self.until
    }

    /// `at` if the window is open then, else the window's next opening.
    pub fn next_open(self, at: DateTime<Tz>) -> DateTime<Tz> {
        if self.contains(at) {
            return at;
        }
        let m = at.hour() * 60 + at.minute();
        let day = if m < self.from {
            at.date_naive()
        } else {
            at.date_naive() + Days::new(1)
        };
        let opening =
            NaiveTime::from_hms_opt(self.from / 60, self.from % 60, 0).unwrap_or(NaiveTime::MIN);
        at.timezone()
            .from_local_datetime(&day.and_time(opening))
            .earliest()
            .unwrap_or(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Tz> {
        chrono_tz::Asia::Omsk
            .with_ymd_and_hms(2026, 12, 7, h, m, 0)
            .unwrap()
    }

    #[test]
    fn open_from_the_first_minute_until_the_last() {
        let w = SendWindow::parse(DEFAULT).unwrap();
        assert!(!w.contains(at(7, 59)));
        assert!(w.contains(at(8, 0)));
        assert!(w.contains(at(21, 59)));
        assert!(!w.contains(at(22, 0)));
    }

    #[test]
    fn the_next_opening_is_this_morning_or_tomorrow_s() {
        let w = SendWindow::parse(DEFAULT).unwrap();
        assert_eq!(w.next_open(at(6, 30)), at(8, 0));
        assert_eq!(w.next_open(at(12, 0)), at(12, 0));
        assert_eq!(w.next_open(at(22, 0)), at(8, 0) + chrono::Duration::days(1));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for bad in ["", "08:00", "22:00-08:00", "8-22", "08:00-24:00"] {
            assert!(SendWindow::parse(bad).is_err(), "{bad}");
        }
    }
}
