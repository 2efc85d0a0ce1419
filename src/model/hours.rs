//! Working hours: "mon-fri 09:00-21:00", "sat,sun 10:00-18:00", "daily 10:00-22:00", and a
//! day with a break as several ranges: "mon-fri 09:00-13:00,14:00-21:00" (SPEC §3).
//!
//! A range that can't be read is a load error; one that reads but ends before it starts, or
//! two ranges of a day that overlap, is finding C103, so the parsed form keeps each range's
//! start and end as written. A break is closed for booking but is not night mode.

use std::fmt;

use super::read::{ParseStr, did_you_mean_text};
use crate::i18n::{Text, t};

pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// One line of `hours`: a set of weekdays and the day's time ranges, in minutes from
/// midnight.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WorkingHours {
    /// Bit `i` set = day `DAYS[i]` is covered.
    pub days: u8,
    /// `(start, end)` of each range, earliest start first; more than one when the day has a
    /// break. Never empty.
    pub ranges: Vec<(u16, u16)>,
    text: String,
}

/// The Russian short names of [`DAYS`], as owners write them («пн–пт»).
const DAYS_RU: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];

fn day(s: &str) -> Result<usize, Text> {
    let lower = s.to_lowercase();
    let lower = lower.trim_end_matches('.');
    DAYS.iter()
        .position(|d| *d == lower)
        .or_else(|| DAYS_RU.iter().position(|d| *d == lower))
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
    // «9:00» is how a sign on the door writes 09:00.
    if !(1..=2).contains(&h.len()) || m.len() != 2 {
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

    /// From the first opening to the last closing: the window a break sits inside.
    pub fn span(&self) -> (u16, u16) {
        let start = self.ranges.first().map_or(0, |r| r.0);
        let end = self.ranges.iter().map(|r| r.1).max().unwrap_or(start);
        (start, end)
    }

    /// The breaks: each gap between one range's end and the next one's start. Ranges that
    /// touch or overlap (C103 reports the overlap) leave no break.
    pub fn breaks(&self) -> Vec<(u16, u16)> {
        self.ranges
            .windows(2)
            .filter(|w| w[0].1 < w[1].0)
            .map(|w| (w[0].1, w[1].0))
            .collect()
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

    fn parse_str(written: &str) -> Result<Self, Text> {
        // En and em dashes and the minus sign read as the hyphen they stand for; the text
        // kept is the canonical form, so the bot config and the documents say it one way.
        let s: String = written
            .trim()
            .chars()
            .map(|c| {
                if matches!(c, '–' | '—' | '−') {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let s = s.as_str();
        let wrap = |e: Text| {
            t!(
                "cannot read working hours `{s}`: {e}",
                "не удаётся прочитать часы работы `{s}`: {e}",
                s = written,
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
        let mut canonical_days = Vec::new();
        if days_part == "daily" || days_part.to_lowercase() == "ежедневно" {
            days = 0x7f;
            canonical_days.push("daily".to_owned());
        } else {
            for item in days_part.split(',') {
                if let Some((a, b)) = item.split_once('-') {
                    let (a, b) = (day(a).map_err(wrap)?, day(b).map_err(wrap)?);
                    canonical_days.push(format!("{}-{}", DAYS[a], DAYS[b]));
                    let mut d = a;
                    loop {
                        days |= 1 << d;
                        if d == b {
                            break;
                        }
                        d = (d + 1) % 7;
                    }
                } else {
                    let d = day(item).map_err(wrap)?;
                    canonical_days.push(DAYS[d].to_owned());
                    days |= 1 << d;
                }
            }
        }
        // "09:00-13:00, 14:00-21:00": each range after a comma is the same days' next one.
        let mut ranges = Vec::new();
        for range in times.split(',') {
            let (a, b) = range.trim().split_once('-').ok_or_else(|| {
                wrap(Text::new(
                    "expected a time range, e.g. 09:00-21:00",
                    "нужен интервал времени, например 09:00-21:00",
                ))
            })?;
            ranges.push((time(a.trim()).map_err(wrap)?, time(b.trim()).map_err(wrap)?));
        }
        ranges.sort_by_key(|r| r.0);
        let times: Vec<String> = ranges
            .iter()
            .map(|&(a, b)| format!("{}-{}", Self::fmt_time(a), Self::fmt_time(b)))
            .collect();
        let text = format!("{} {}", canonical_days.join(","), times.join(","));
        Ok(Self { days, ranges, text })
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
            "pattern": "^(daily|(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*) [0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9](, ?[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])*$",
            "description": "Days and a time range, e.g. \"mon-fri 09:00-21:00\", or ranges around a break, e.g. \"mon-fri 09:00-13:00,14:00-21:00\" (a break is closed for booking but is not night mode); days not listed are closed",
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
        assert_eq!(h.ranges, [(540, 1260)]);
        assert!(h.breaks().is_empty());
        assert_eq!(
            WorkingHours::parse_str("sat,sun 10:00-18:00").unwrap().days,
            0b110_0000
        );
        assert_eq!(
            WorkingHours::parse_str("daily 00:00-24:00").unwrap().span(),
            (0, 1440)
        );
        assert_eq!(
            WorkingHours::parse_str("fri-mon 10:00-18:00").unwrap().days,
            0b111_0001
        );
    }

    #[test]
    fn keeps_a_backwards_range_for_lint() {
        let h = WorkingHours::parse_str("mon 21:00-09:00").unwrap();
        assert!(h.ranges[0].1 < h.ranges[0].0);
    }

    #[test]
    fn reads_a_break_as_two_ranges() {
        let h = WorkingHours::parse_str("mon-fri 09:00-13:00,14:00-21:00").unwrap();
        assert_eq!(h.ranges, [(540, 780), (840, 1260)]);
        assert_eq!(h.breaks(), [(780, 840)]);
        assert_eq!(h.span(), (540, 1260));
        assert_eq!(h.as_str(), "mon-fri 09:00-13:00,14:00-21:00");
        // Written backwards, kept earliest first.
        let h = WorkingHours::parse_str("sat 14:00-18:00,10:00-13:00").unwrap();
        assert_eq!(h.as_str(), "sat 10:00-13:00,14:00-18:00");
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
            "mon-fri 09:00-13:00,",
            "mon-fri 09:00-13:00,14:00",
            "mon-fri 09:00-13:00;14:00-21:00",
        ] {
            assert!(
                WorkingHours::parse_str(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn reads_owners_spellings_as_the_canonical_form() {
        for (spoken, canonical) in [
            ("пн-пт 09:00-21:00", "mon-fri 09:00-21:00"),
            ("пн–пт 9:00–21:00", "mon-fri 09:00-21:00"),
            ("mon-fri 9:00-21:00", "mon-fri 09:00-21:00"),
            ("Сб,Вс 10:00 — 18:00", "sat,sun 10:00-18:00"),
            ("ежедневно 10:00-22:00", "daily 10:00-22:00"),
            (
                "mon-fri 09:00-13:00, 14:00-21:00",
                "mon-fri 09:00-13:00,14:00-21:00",
            ),
            (
                "пн–пт 9:00–13:00, 14:00–21:00",
                "mon-fri 09:00-13:00,14:00-21:00",
            ),
            (
                "Пн-Пт 9:00 — 13:00 ,  14:00 — 21:00",
                "mon-fri 09:00-13:00,14:00-21:00",
            ),
            (
                "ежедневно 10:00-14:00,15:00-22:00",
                "daily 10:00-14:00,15:00-22:00",
            ),
        ] {
            let h =
                WorkingHours::parse_str(spoken).unwrap_or_else(|e| panic!("{spoken}: {}", e.en()));
            let c = WorkingHours::parse_str(canonical).unwrap();
            assert_eq!((h.days, &h.ranges), (c.days, &c.ranges), "{spoken}");
            assert_eq!(h.as_str(), canonical);
        }
    }
}
