//! `[sla].reminders_send_between` and `[sla].nps_detractor_max` (SPEC §3): the local hours
//! in which the bot may write first (reminders, the survey), and the survey score at or
//! below which a client is a detractor and a person takes over. Both optional, with the
//! defaults the bot config has always carried.

use std::fmt;

use super::business::Sla;
use super::hours::WorkingHours;
use super::read::ParseStr;
use crate::i18n::{Text, t};

/// The window when `reminders_send_between` is left out.
pub const DEFAULT_SEND_BETWEEN: &str = "08:00-22:00";
/// The detractor bound when `nps_detractor_max` is left out: 0–6 on the 0–10 scale.
pub const DEFAULT_NPS_DETRACTOR_MAX: u8 = 6;
/// The survey's scale ends here.
pub const NPS_SCALE_MAX: u8 = 10;

/// A daily window, local time, `[from, until)` in minutes from midnight. One that is empty
/// or runs backwards loads (C113 reports it), so the written form is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendWindow {
    pub from: u16,
    pub until: u16,
    text: String,
}

impl SendWindow {
    /// "08:00-22:00".
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Holds at least one minute.
    pub fn is_empty(&self) -> bool {
        self.from >= self.until
    }
}

fn minute(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if !(1..=2).contains(&h.len()) || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

impl ParseStr for SendWindow {
    fn expected() -> Text {
        Text::new(
            "a daily window such as \"08:00-22:00\"",
            "ежедневный интервал, например \"08:00-22:00\"",
        )
    }

    fn parse_str(s: &str) -> Result<Self, Text> {
        let dashes: String = s
            .chars()
            .map(|c| {
                if matches!(c, '–' | '—' | '−') {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let read = dashes
            .split_once('-')
            .and_then(|(a, b)| Some((minute(a)?, minute(b)?)));
        let Some((from, until)) = read else {
            return Err(t!(
                "`{s}` is not a daily window: write HH:MM-HH:MM, e.g. \"08:00-22:00\"",
                "`{s}` — не ежедневный интервал: пишите ЧЧ:ММ-ЧЧ:ММ, например \"08:00-22:00\""
            ));
        };
        let text = format!(
            "{}-{}",
            WorkingHours::fmt_time(from),
            WorkingHours::fmt_time(until)
        );
        Ok(Self { from, until, text })
    }
}

impl fmt::Display for SendWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl schemars::JsonSchema for SendWindow {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SendWindow".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-2]?[0-9]:[0-5][0-9]-[0-2]?[0-9]:[0-5][0-9]$",
            "description": "Local hours in which the bot may write first (reminders, the survey), from (in) until (out), e.g. \"08:00-22:00\"",
        })
    }
}

impl Sla {
    /// The bot's send window as the bot config writes it: `reminders_send_between`, or the
    /// default.
    pub fn send_between(&self) -> String {
        self.reminders_send_between
            .as_ref()
            .map_or_else(|| DEFAULT_SEND_BETWEEN.to_owned(), |w| w.text.clone())
    }

    /// The send window's bounds in minutes: `(from, until)`.
    pub fn send_window(&self) -> (u16, u16) {
        self.reminders_send_between
            .as_ref()
            .map_or((8 * 60, 22 * 60), |w| (w.from, w.until))
    }

    /// A survey score at or below this hands the client to a person.
    pub fn nps_detractor_max(&self) -> u8 {
        self.nps_detractor_max
            .as_ref()
            .map_or(DEFAULT_NPS_DETRACTOR_MAX, |n| n.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_window_in_its_canonical_form() {
        let w = SendWindow::parse_str("8:00–22:00").unwrap();
        assert_eq!((w.from, w.until), (480, 1320));
        assert_eq!(w.as_str(), "08:00-22:00");
        assert!(!w.is_empty());
        assert!(SendWindow::parse_str("22:00-22:00").unwrap().is_empty());
        assert!(SendWindow::parse_str("8-22").is_err());
    }
}
