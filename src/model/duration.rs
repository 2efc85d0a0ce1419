//! Durations as people write them in `business.toml`: "3s", "90s", "1h30m", "24h", "3d", "3y".

use std::fmt;

use super::read::ParseStr;
use super::spoken_duration::Spoken;
use crate::i18n::{Text, t};

/// A span of time in whole seconds. A year is 365 days and a week 7, so "3y" means what a
/// retention clause means by three years.
///
/// It remembers the largest unit the owner wrote, so a message prints "48h" back as "48h",
/// not "2d": the one formatter of durations in messages is its `Display`. Two durations are
/// equal when their seconds are, however written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Duration {
    secs: u64,
    /// The index in [`UNITS`] of the largest unit written; `None` for a duration regl made.
    written: Option<u8>,
}

impl PartialEq for Duration {
    fn eq(&self, other: &Self) -> bool {
        self.secs == other.secs
    }
}

impl Eq for Duration {}

impl PartialOrd for Duration {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Duration {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.secs.cmp(&other.secs)
    }
}

impl std::hash::Hash for Duration {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.secs.hash(state);
    }
}

const UNITS: [(&str, u64); 6] = [
    ("y", 365 * 86_400),
    ("w", 7 * 86_400),
    ("d", 86_400),
    ("h", 3_600),
    ("m", 60),
    ("s", 1),
];

impl Duration {
    pub const fn from_secs(secs: u64) -> Self {
        Self {
            secs,
            written: None,
        }
    }

    /// `secs` in the units `like` was written in: a bot's 43200 s next to a policy of "48h"
    /// reads "12h", so one message never mixes "2d" with "43200 s".
    #[must_use]
    pub const fn from_secs_like(secs: u64, like: Self) -> Self {
        Self {
            secs,
            written: like.written,
        }
    }

    pub const fn secs(self) -> u64 {
        self.secs
    }

    /// The parts of this duration in the largest units first, e.g. 5400 s → [(1, "h"), (30, "m")].
    pub fn parts(self) -> Vec<(u64, &'static str)> {
        let mut rest = self.secs;
        let mut out = Vec::new();
        for (unit, size) in UNITS {
            // Weeks are not how a policy speaks of "14 days"; years only when exact.
            if unit == "w" {
                continue;
            }
            if rest >= size {
                out.push((rest / size, unit));
                rest %= size;
            }
        }
        out
    }
}

impl ParseStr for Duration {
    fn expected() -> Text {
        Text::new(
            "a duration such as \"3s\", \"3m\", \"1h30m\", \"24h\", \"90d\" or \"3y\"",
            "длительность, например \"3s\", \"3m\", \"1h30m\", \"24h\", \"90d\" или \"3y\"",
        )
    }

    fn parse_str(s: &str) -> Result<Self, Text> {
        let strict = Self::parse_canonical(s);
        if strict.is_ok() {
            return strict;
        }
        match super::spoken_duration::read(s) {
            Some(Spoken::Secs { secs, largest }) => Ok(Self {
                secs,
                written: UNITS
                    .iter()
                    .position(|&(_, size)| size == largest)
                    .and_then(|i| u8::try_from(i).ok()),
            }),
            Some(Spoken::Fraction(secs)) => {
                let canonical = Self::from_secs(secs);
                Err(t!(
                    "`{s}` is not a duration: write {canonical}, not {s}",
                    "`{s}` — не длительность: пишите {canonical}, а не {s}"
                ))
            }
            None => strict,
        }
    }
}

impl Duration {
    /// The form of the spec: numbers each with a unit letter, largest unit first.
    fn parse_canonical(s: &str) -> Result<Self, Text> {
        let bad = |why: Text| {
            Err(t!(
                "`{s}` is not a duration: {why} (write e.g. \"3s\", \"3m\", \"1h30m\", \"24h\", \"90d\", \"3y\")",
                "`{s}` — не длительность: {why} (пишите, например, \"3s\", \"3m\", \"1h30m\", \"24h\", \"90d\", \"3y\")",
                s = s,
                why = why,
            ))
        };
        if s.is_empty() {
            return bad(Text::new("it is empty", "значение пустое"));
        }
        let mut secs: u64 = 0;
        let mut last_unit = usize::MAX;
        let mut written = None;
        let mut rest = s;
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return bad(Text::new(
                    "a number must come before each unit",
                    "перед каждой единицей нужно число",
                ));
            }
            let (num, tail) = rest.split_at(digits);
            let letters = tail.bytes().take_while(u8::is_ascii_alphabetic).count();
            let (unit, tail) = tail.split_at(letters);
            let Some(idx) = UNITS.iter().position(|(u, _)| *u == unit) else {
                // The word after the number, in whatever script: «30 попугаев» has a unit,
                // just not one regl knows.
                let word: String = tail
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let unit = if unit.is_empty() { word.as_str() } else { unit };
                return if unit.is_empty() {
                    bad(Text::new("the unit is missing", "не указана единица"))
                } else {
                    bad(t!(
                        "unknown unit `{unit}`, use s, m, h, d, w or y",
                        "неизвестная единица `{unit}`, используйте s, m, h, d, w или y"
                    ))
                };
            };
            if last_unit != usize::MAX && idx <= last_unit {
                return bad(Text::new(
                    "units must go from the largest to the smallest, each once",
                    "единицы идут от большей к меньшей, каждая не больше одного раза",
                ));
            }
            last_unit = idx;
            written.get_or_insert(u8::try_from(idx).unwrap_or(u8::MAX));
            let n: u64 = num.parse().map_err(|_| {
                t!(
                    "`{s}` is too long a duration",
                    "`{s}` — слишком большая длительность"
                )
            })?;
            secs = n
                .checked_mul(UNITS[idx].1)
                .and_then(|x| x.checked_add(secs))
                .filter(|&x| x <= 100 * 365 * 86_400)
                .ok_or_else(|| {
                    t!(
                        "`{s}` is too long a duration (100 years at most)",
                        "`{s}` — слишком большая длительность (не больше 100 лет)"
                    )
                })?;
            rest = tail;
        }
        Ok(Self { secs, written })
    }
}

impl fmt::Display for Duration {
    /// The canonical form in the owner's largest unit ("48h", "90m", "1h30m", "2d"); a
    /// duration regl made itself in the largest units that fit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.secs == 0 {
            return f.write_str("0s");
        }
        let Some(first) = self.written else {
            for (n, unit) in self.parts() {
                write!(f, "{n}{unit}")?;
            }
            return Ok(());
        };
        let mut rest = self.secs;
        for (i, &(unit, size)) in UNITS.iter().enumerate().skip(usize::from(first)) {
            // Weeks only when the owner counted in weeks.
            if unit == "w" && i != usize::from(first) {
                continue;
            }
            if rest >= size {
                write!(f, "{}{unit}", rest / size)?;
                rest %= size;
            }
        }
        Ok(())
    }
}

impl schemars::JsonSchema for Duration {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$",
            "description": "A duration: \"3s\", \"3m\", \"1h30m\", \"24h\", \"90d\", \"3y\"",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: &str) -> u64 {
        Duration::parse_str(s).unwrap().secs()
    }

    #[test]
    fn parses_the_forms_of_the_spec() {
        assert_eq!(secs("3s"), 3);
        assert_eq!(secs("90s"), 90);
        assert_eq!(secs("3m"), 180);
        assert_eq!(secs("1h30m"), 5_400);
        assert_eq!(secs("24h"), 86_400);
        assert_eq!(secs("3d"), 259_200);
        assert_eq!(secs("3y"), 3 * 365 * 86_400);
        assert_eq!(secs("2w"), 14 * 86_400);
    }

    #[test]
    fn refuses_what_is_not_a_duration() {
        for bad in [
            "",
            "3",
            "m",
            "1m1h",
            "1h1h",
            "-3s",
            "3.5h",
            "999999999999y",
            "3 попугая",
            "24 часа 2 часа",
        ] {
            assert!(
                Duration::parse_str(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn reads_owners_spellings_as_their_canonical_form() {
        for (spoken, canonical) in [
            ("24ч", "24h"),
            ("24 часа", "24h"),
            ("3 дня", "3d"),
            ("90 мин", "90m"),
            ("1 day", "1d"),
            ("24H", "24h"),
            ("1 час 30 минут", "1h30m"),
            ("2 недели", "2w"),
            ("3 года", "3y"),
            ("15 сек", "15s"),
        ] {
            assert_eq!(secs(spoken), secs(canonical), "{spoken}");
        }
    }

    #[test]
    fn a_fraction_is_answered_with_the_form_to_write() {
        let e = Duration::parse_str("1.5h").unwrap_err();
        assert!(e.en().contains("write 1h30m, not 1.5h"), "{}", e.en());
        assert!(e.ru().contains("пишите 1h30m"), "{}", e.ru());
    }

    #[test]
    fn prints_canonically() {
        assert_eq!(Duration::from_secs(5_400).to_string(), "1h30m");
        assert_eq!(Duration::from_secs(90).to_string(), "1m30s");
        assert_eq!(Duration::from_secs(14 * 86_400).to_string(), "14d");
    }
}
