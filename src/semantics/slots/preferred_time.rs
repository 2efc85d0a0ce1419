//! The `preferred_time` slot (docs/bot-runtime.md, "Slots"): a day and a time of
//! day, in the location's time zone, read as the next such moment after now, that starts
//! inside working hours and ends — start plus the service's duration — inside them too.
//!
//! The day: `DD.MM`, `DD.MM.YYYY`, «сегодня», «завтра», «послезавтра», a weekday («в
//! субботу», «в сб»), or in English "today", "tomorrow", "the day after tomorrow", "on
//! Saturday". The time: `HH:MM` or `HH`, after the day or before it, with «в» / "at"
//! between if the client likes, and "am"/"pm" if they write them. Anything else — «после
//! 12», «вечером» — does not read: the step is asked again with these forms.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

use crate::semantics::hours::{Misfit, OpeningHours};
use crate::semantics::normalize::normalize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// No day and time in a form the bot reads.
    Unreadable,
    /// A date that does not exist (31.02).
    NoSuchDate,
    /// The moment has passed: a date with a year, or «сегодня», earlier than now.
    Past,
    /// A local time the clock skips (a daylight-saving gap).
    NoSuchLocalTime,
    /// The location is closed then; `hours` is that day's hours ("" when closed all day).
    Closed { weekday: usize, hours: String },
    /// It starts in working hours but would end after closing, at `closes` ("21:00").
    EndsAfterClosing { closes: String },
    /// It starts in a break, or would run into one: closed for booking from `from` until
    /// `until` ("13:00", "14:00"), the next open time that day.
    InBreak { from: String, until: String },
}

/// What the day part of a message said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Day {
    /// Day, month, maybe a year.
    Date(u32, u32, Option<i32>),
    /// Today plus this many days.
    Relative(u64),
    /// Monday = 0.
    Weekday(u32),
}

const CONNECTORS: &[&str] = &["в", "во", "на", "at", "on", "for"];

fn weekday(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 7] = [
        &["понедельник", "пн", "monday", "mon"],
        &["вторник", "вт", "tuesday", "tue", "tues"],
        &["среда", "среду", "ср", "wednesday", "wed"],
        &["четверг", "чт", "thursday", "thu", "thur", "thurs"],
        &["пятница", "пятницу", "пт", "friday", "fri"],
        &["суббота", "субботу", "сб", "saturday", "sat"],
        &["воскресенье", "вс", "sunday", "sun"],
    ];
    NAMES
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| u32::try_from(i).unwrap_or(0))
}

/// Tokens: words normalised as the matcher does, numbers with their `.` and `:` kept.
fn tokens(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let lower = raw.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inside_number = (c == '.' || c == ':')
            && cur.chars().last().is_some_and(|p| p.is_ascii_digit())
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || inside_number {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter()
        .map(|t| {
            if t.contains(['.', ':']) {
                t
            } else {
                normalize(&t)
            }
        })
        .collect()
}

fn number(s: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn day_at(tokens: &[String], at: usize) -> Option<(Day, usize)> {
    let word = tokens[at].as_str();
    let parts: Vec<&str> = word.split('.').collect();
    match parts.as_slice() {
        [day, month] => {
            return Some((
                Day::Date(number(day, 1..=2)?, number(month, 1..=2)?, None),
                1,
            ));
        }
        [day, month, year] => {
            let year = i32::try_from(number(year, 4..=4)?).ok()?;
            return Some((
                Day::Date(number(day, 1..=2)?, number(month, 1..=2)?, Some(year)),
                1,
            ));
        }
        _ => {}
    }
    let rest = |k: usize| tokens.get(at + k).map(String::as_str);
    match word {
        "сегодня" | "today" => Some((Day::Relative(0), 1)),
        "завтра" | "tomorrow" => Some((Day::Relative(1), 1)),
        "послезавтра" => Some((Day::Relative(2), 1)),
        "day" if rest(1) == Some("after") && rest(2) == Some("tomorrow") => {
            Some((Day::Relative(2), 3))
        }
        w => weekday(w).map(|d| (Day::Weekday(d), 1)),
    }
}

/// A time of day at `tokens[i]`, with a following "am"/"pm": (hour, minute, tokens used).
fn time_at(tokens: &[String], i: usize) -> Option<(u32, u32, usize)> {
    let t = tokens.get(i)?.as_str();
    let (body, mut meridiem) = if let Some(b) = t.strip_suffix("am") {
        (b, Some(false))
    } else if let Some(b) = t.strip_suffix("pm") {
        (b, Some(true))
    } else {
        (t, None)
    };
    let mut used = 1;
    if meridiem.is_none() {
        match tokens.get(i + 1).map(String::as_str) {
            Some("am") => (meridiem, used) = (Some(false), 2),
            Some("pm") => (meridiem, used) = (Some(true), 2),
            _ => {}
        }
    }
    let (h, m) = match body.split_once(':') {
        Some((h, m)) => (number(h, 1..=2)?, number(m, 2..=2)?),
        None => (number(body, 1..=2)?, 0),
    };
    let h = match meridiem {
        Some(pm) if (1..=12).contains(&h) => h % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => h,
    };
    (h < 24 && m < 60).then_some((h, m, used))
}

fn skip_connector(tokens: &[String], i: usize) -> usize {
    if tokens
        .get(i)
        .is_some_and(|t| CONNECTORS.contains(&t.as_str()))
    {
        i + 1
    } else {
        i
    }
}

/// The day and the time the message names: the first day word with a time after it (or
/// just before it: «в 15:00 завтра»).
fn find(tokens: &[String]) -> Option<(Day, u32, u32)> {
    for i in 0..tokens.len() {
        let Some((day, used)) = day_at(tokens, i) else {
            continue;
        };
        if let Some((h, m, _)) = time_at(tokens, skip_connector(tokens, i + used)) {
            return Some((day, h, m));
        }
        // Before the day: «15:00 завтра», «в 15:00 завтра», «3 pm tomorrow», «11:30 в пн».
        let end = if i > 0 && CONNECTORS.contains(&tokens[i - 1].as_str()) {
            i - 1
        } else {
            i
        };
        for start in [end.checked_sub(1), end.checked_sub(2)]
            .into_iter()
            .flatten()
        {
            if let Some((h, m, n)) = time_at(tokens, start)
                && start + n == end
            {
                return Some((day, h, m));
            }
        }
    }
    None
}

/// The local moment a message names, checked against the hours. `now` is the virtual clock
/// in the location's zone; `minutes` the chosen service's duration (0 when none is chosen:
/// then only the start must be inside working hours).
pub fn read(
    raw: &str,
    now: DateTime<Tz>,
    hours: &OpeningHours,
    minutes: u32,
) -> Result<DateTime<Tz>, TimeError> {
    let tokens = tokens(raw);
    let (day, h, m) = find(&tokens).ok_or(TimeError::Unreadable)?;
    let time = NaiveTime::from_hms_opt(h, m, 0).ok_or(TimeError::Unreadable)?;
    let today = now.date_naive();
    let local = |date: NaiveDate| NaiveDateTime::new(date, time);
    let zone = now.timezone();
    let moment = |date: NaiveDate| -> Result<DateTime<Tz>, TimeError> {
        zone.from_local_datetime(&local(date))
            .earliest()
            .ok_or(TimeError::NoSuchLocalTime)
    };
    let at = match day {
        Day::Date(d, mo, Some(y)) => {
            let date = NaiveDate::from_ymd_opt(y, mo, d).ok_or(TimeError::NoSuchDate)?;
            let at = moment(date)?;
            if at <= now {
                return Err(TimeError::Past);
            }
            at
        }
        Day::Date(d, mo, None) => {
            // This year's, or next year's once this year's has passed (31.12 said in January
            // is this December; 05.01 said in December is next January).
            let this = NaiveDate::from_ymd_opt(today.year(), mo, d);
            let next = NaiveDate::from_ymd_opt(today.year() + 1, mo, d);
            match (this, next) {
                (Some(date), _) if moment(date)? > now => moment(date)?,
                (_, Some(date)) => moment(date)?,
                (Some(_), None) => return Err(TimeError::Past),
                (None, None) => return Err(TimeError::NoSuchDate),
            }
        }
        Day::Relative(n) => {
            let at = moment(today + Days::new(n))?;
            if at <= now {
                return Err(TimeError::Past);
            }
            at
        }
        Day::Weekday(w) => {
            let ahead = (7 + w - today.weekday().num_days_from_monday()) % 7;
            let mut date = today + Days::new(u64::from(ahead));
            if moment(date)? <= now {
                date = date + Days::new(7);
            }
            moment(date)?
        }
    };
    let naive = at.naive_local();
    let fmt = crate::model::hours::WorkingHours::fmt_time;
    let fits = hours.fits(naive, minutes);
    if fits.is_err()
        && let Some((from, until)) = hours.break_at(naive, minutes)
    {
        return Err(TimeError::InBreak {
            from: fmt(from),
            until: fmt(until),
        });
    }
    match fits {
        Ok(_) => Ok(at),
        Err(Misfit::Closed) => {
            let weekday = naive.weekday().num_days_from_monday() as usize;
            Err(TimeError::Closed {
                weekday,
                hours: hours.describe_day(weekday),
            })
        }
        Err(Misfit::EndsAfterClosing { closes }) => Err(TimeError::EndsAfterClosing {
            closes: fmt(closes),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours() -> OpeningHours {
        OpeningHours::parse(&["mon-fri 09:00-21:00", "sat 10:00-18:00"]).unwrap()
    }

    /// Friday 2026-12-04 15:20 in Omsk.
    fn now() -> DateTime<Tz> {
        chrono_tz::Asia::Omsk
            .with_ymd_and_hms(2026, 12, 4, 15, 20, 0)
            .unwrap()
    }

    fn read60(s: &str) -> Result<String, TimeError> {
        read(s, now(), &hours(), 60).map(|t| t.format("%Y-%m-%d %H:%M %a").to_string())
    }

    #[test]
    fn dates_with_and_without_a_year() {
        assert_eq!(read60("07.12 14:30").as_deref(), Ok("2026-12-07 14:30 Mon"));
        assert_eq!(read60("7.12 в 9").as_deref(), Ok("2026-12-07 09:00 Mon"));
        assert_eq!(
            read60("08.12.2026 10:00").as_deref(),
            Ok("2026-12-08 10:00 Tue")
        );
        // Already past this year: next year's.
        assert_eq!(read60("01.12 10:00").as_deref(), Ok("2027-12-01 10:00 Wed"));
        assert_eq!(read60("01.12.2026 10:00"), Err(TimeError::Past));
        assert_eq!(read60("31.02 10:00"), Err(TimeError::NoSuchDate));
    }

    #[test]
    fn today_tomorrow_and_the_day_after() {
        assert_eq!(
            read60("сегодня в 17:00").as_deref(),
            Ok("2026-12-04 17:00 Fri")
        );
        assert_eq!(read60("сегодня в 15:00"), Err(TimeError::Past));
        assert_eq!(read60("Завтра в 12").as_deref(), Ok("2026-12-05 12:00 Sat"));
        let sunday = Err(TimeError::Closed {
            weekday: 6,
            hours: String::new(),
        });
        assert_eq!(read60("послезавтра 10:00"), sunday);
        assert_eq!(
            read60("tomorrow at 3pm").as_deref(),
            Ok("2026-12-05 15:00 Sat")
        );
        assert_eq!(read60("the day after tomorrow at 10 am"), sunday);
    }

    #[test]
    fn a_weekday_is_the_next_one_ahead() {
        assert_eq!(
            read60("в субботу в 12:00").as_deref(),
            Ok("2026-12-05 12:00 Sat")
        );
        assert_eq!(read60("в пн в 10").as_deref(), Ok("2026-12-07 10:00 Mon"));
        // Friday 17:00 is still ahead today; Friday 10:00 is next week's.
        assert_eq!(
            read60("в пятницу в 17:00").as_deref(),
            Ok("2026-12-04 17:00 Fri")
        );
        assert_eq!(
            read60("в пятницу в 10:00").as_deref(),
            Ok("2026-12-11 10:00 Fri")
        );
        assert_eq!(
            read60("on Monday at 9:30").as_deref(),
            Ok("2026-12-07 09:30 Mon")
        );
    }

    #[test]
    fn the_time_may_come_first() {
        assert_eq!(
            read60("в 15:00 завтра").as_deref(),
            Ok("2026-12-05 15:00 Sat")
        );
        assert_eq!(
            read60("можно 11:30 в понедельник?").as_deref(),
            Ok("2026-12-07 11:30 Mon")
        );
    }

    #[test]
    fn what_does_not_read() {
        for s in [
            "в субботу после 12",
            "вечером",
            "в 15:00",
            "завтра",
            "завтра в 25:00",
            "7 декабря",
        ] {
            assert_eq!(read60(s), Err(TimeError::Unreadable), "{s}");
        }
    }

    #[test]
    fn the_visit_starts_and_ends_inside_working_hours() {
        assert_eq!(
            read60("в пн в 8:59"),
            Err(TimeError::Closed {
                weekday: 0,
                hours: "09:00–21:00".into()
            })
        );
        assert_eq!(
            read60("в пн в 20:00").as_deref(),
            Ok("2026-12-07 20:00 Mon")
        );
        assert_eq!(
            read60("в пн в 20:01"),
            Err(TimeError::EndsAfterClosing {
                closes: "21:00".into()
            })
        );
        assert_eq!(
            read60("в пн в 21:00"),
            Err(TimeError::Closed {
                weekday: 0,
                hours: "09:00–21:00".into()
            })
        );
        // No service chosen yet (a callback): only the start must be inside.
        assert!(read("в пн в 20:59", now(), &hours(), 0).is_ok());
    }

    #[test]
    fn a_break_is_closed_for_booking_and_names_its_end() {
        let lunch = OpeningHours::parse(&["mon-fri 09:00-13:00,14:00-21:00"]).unwrap();
        let at = |s: &str, m: u32| read(s, now(), &lunch, m);
        let break_ = Err(TimeError::InBreak {
            from: "13:00".into(),
            until: "14:00".into(),
        });
        assert_eq!(at("в пн в 13:00", 60), break_);
        assert_eq!(at("в пн в 13:59", 0), break_);
        // Would run into the break.
        assert_eq!(at("в пн в 12:30", 60), break_);
        assert!(at("в пн в 12:00", 60).is_ok());
        assert!(at("в пн в 14:00", 60).is_ok());
    }
}
