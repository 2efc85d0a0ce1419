//! Working hours: "mon-fri 09:00-21:00", "sat,sun 10:00-18:00", "daily 10:00-22:00".
//!
//! A range that can't be read is a load error; one that reads but ends before it starts is
//! finding C103, so the parsed form keeps start and end as written.

use std::fmt;

use super::read::{ParseStr, did_you_mean_text};
use crate::i18n::{Text, t};

pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// One line of `hours`: a set of weekdays and a daily time range, in minutes from midnight.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WorkingHours {
    /// Bit `i` set = day `DAYS[i]` is covered.
    pub days: u8,
    pub start: u16,
    pub end: u16,
    text: String,
}

fn day(s: &str) -> Result<usize, Text> {
    DAYS.iter()
        .position(|d| *d == s)
        .ok_or_else(|| match crate::diag::did_you_mean(s, DAYS) {
            Some(near) => t!(
                "unknown day `{s}`: {mean}",
                "неизвестный день `{s}`: {mean}",
                s = s,
                mean = did_you_mean_text(near),
            ),
            None => t!(
                "unknown day `{s}`: use mon, tue, wed, thu, fri, sat, sun",
                "неизвестный день `{s}`: используйте mon, tue, wed, thu, fri, sat, sun"
            ),
        })
}

fn time(s: &str) -> Result<u16, Text> {
    let bad = || {
        t!(
            "`{s}` is not a time of day: write HH:MM, e.g. 09:00",
            "`{s}` — не время суток: пишите ЧЧ:ММ, например 09:00"
        )
    };
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: u16 = h.parse().map_err(|_| bad())?;
    let m: u16 = m.parse().map_err(|_| bad())?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

impl WorkingHours {
    pub fn covers(&self, day_index: usize) -> bool {
        self.days & (1 << day_index) != 0
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// "09:00".
    pub fn fmt_time(minutes: u16) -> String {
        format!("{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

impl ParseStr for WorkingHours {
    fn expected() -> Text {
        Text::new(
            "working hours such as \"mon-fri 09:00-21:00\"",
            "часы работы, например \"mon-fri 09:00-21:00\"",
        )
    }

    fn parse_str(s: &str) -> Result<Self, Text> {
        let wrap = |e: Text| {
            t!(
                "cannot read working hours `{s}`: {e}",
                "не удаётся прочитать часы работы `{s}`: {e}",
                s = s,
                e = e,
            )
        };
        let (days_part, times) = s.trim().split_once(' ').ok_or_else(|| {
            wrap(Text::new(
                "expected days and times, e.g. \"mon-fri 09:00-21:00\"",
                "нужны дни и время, например \"mon-fri 09:00-21:00\"",
            ))
        })?;
        let mut days = 0u8;
        if days_part == "daily" {
            days = 0x7f;
        } else {
            for item in days_part.split(',') {
                match item.split_once('-') {
                    Some((a, b)) => {
                        let (a, b) = (day(a).map_err(wrap)?, day(b).map_err(wrap)?);
                        let mut d = a;
                        loop {
                            days |= 1 << d;
                            if d == b {
                                break;
                            }
                            d = (d + 1) % 7;
                        }
                    }
                    None => days |= 1 << day(item).map_err(wrap)?,
                }
            }
        }
        let (a, b) = times.trim().split_once('-').ok_or_else(|| {
            wrap(Text::new(
                "expected a time range, e.g. 09:00-21:00",
                "нужен интервал времени, например 09:00-21:00",
            ))
        })?;
        Ok(Self {
            days,
            start: time(a.trim()).map_err(wrap)?,
            end: time(b.trim()).map_err(wrap)?,
            text: s.to_owned(),
        })
    }
}

impl fmt::Display for WorkingHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl schemars::JsonSchema for WorkingHours {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WorkingHours".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^(daily|(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*) [0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]$",
            "description": "Days and a time range, e.g. \"mon-fri 09:00-21:00\"; days not listed are closed",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ranges_lists_and_daily() {
        let h = WorkingHours::parse_str("mon-fri 09:00-21:00").unwrap();
        assert_eq!(h.days, 0b001_1111);
        assert_eq!((h.start, h.end), (540, 1260));
        assert_eq!(
            WorkingHours::parse_str("sat,sun 10:00-18:00").unwrap().days,
            0b110_0000
        );
        assert_eq!(
            WorkingHours::parse_str("daily 00:00-24:00").unwrap().end,
            1440
        );
        assert_eq!(
            WorkingHours::parse_str("fri-mon 10:00-18:00").unwrap().days,
            0b111_0001
        );
    }

    #[test]
    fn keeps_a_backwards_range_for_lint() {
        let h = WorkingHours::parse_str("mon 21:00-09:00").unwrap();
        assert!(h.end < h.start);
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for bad in [
            "",
            "mon-fri",
            "mon-fri 9-21",
            "mon-fry 09:00-21:00",
            "mon 09:00-25:00",
            "mon 09:60-10:00",
            "09:00-21:00",
        ] {
            assert!(
                WorkingHours::parse_str(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }
}
