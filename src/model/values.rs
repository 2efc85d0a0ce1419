//! Small value types of `business.toml`: money, percents, shares, time zones, e-mail.

use super::read::{Cx, FromToml, ParseStr, Val, read_number, read_uint};
use crate::i18n::{Text, t};

/// Whole rubles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Money(pub u64);

impl FromToml for Money {
    fn expected() -> Text {
        Text::new(
            "a sum in whole rubles, e.g. 1500",
            "сумма в целых рублях, например 1500",
        )
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let what = Text::new("a sum in whole rubles", "сумма в целых рублях");
        read_uint(v, cx, &what, 1_000_000_000).map(Money)
    }
}

/// A whole percent, 0 to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Percent(pub u8);

impl FromToml for Percent {
    fn expected() -> Text {
        Text::new(
            "a whole percent from 0 to 100",
            "целое число процентов от 0 до 100",
        )
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let what = Text::new("a whole percent", "целое число процентов");
        read_uint(v, cx, &what, 100).and_then(|n| u8::try_from(n).ok().map(Percent))
    }
}

/// A share from 0 to 1 (a KPI target, a model confidence).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, serde::Serialize)]
#[serde(transparent)]
pub struct Share(pub f64);

impl FromToml for Share {
    fn expected() -> Text {
        Text::new(
            "a share from 0 to 1, e.g. 0.6",
            "доля от 0 до 1, например 0.6",
        )
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let n = read_number(v, cx, &Text::new("a share from 0 to 1", "доля от 0 до 1"))?;
        if (0.0..=1.0).contains(&n) {
            Some(Share(n))
        } else {
            let hint = (1.0..=100.0).contains(&n).then(|| {
                let share = n / 100.0;
                t!(
                    "a share is a fraction: write {share} for {n} %",
                    "доля — это дробь: для {n} % напишите {share}"
                )
            });
            cx.error(
                v.span(),
                t!(
                    "`{n}` is not a share from 0 to 1",
                    "`{n}` — не доля от 0 до 1"
                ),
                hint,
            );
            None
        }
    }
}

/// An IANA time zone name. An unknown one is finding C102, not a load error.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimeZoneName(pub String);

impl TimeZoneName {
    pub fn tz(&self) -> Option<chrono_tz::Tz> {
        self.0.parse().ok()
    }
}

impl ParseStr for TimeZoneName {
    fn expected() -> Text {
        Text::new(
            "an IANA time zone such as \"Asia/Omsk\"",
            "часовой пояс IANA, например \"Asia/Omsk\"",
        )
    }
    fn parse_str(s: &str) -> Result<Self, Text> {
        Ok(Self(s.to_owned()))
    }
}

/// An e-mail address (the shape only: something@domain.tld).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email(pub String);

impl ParseStr for Email {
    fn expected() -> Text {
        Text::new("an e-mail address", "адрес электронной почты")
    }
    fn parse_str(s: &str) -> Result<Self, Text> {
        let ok = s.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        });
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(t!(
                "`{s}` is not an e-mail address",
                "`{s}` — не адрес электронной почты"
            ))
        }
    }
}

/// An https:// or http:// address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Url(pub String);

impl ParseStr for Url {
    fn expected() -> Text {
        Text::new(
            "a web address starting with https://",
            "веб-адрес, начинающийся с https://",
        )
    }
    fn parse_str(s: &str) -> Result<Self, Text> {
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"));
        match rest {
            Some(r) if !r.is_empty() && !s.chars().any(char::is_whitespace) => {
                Ok(Self(s.to_owned()))
            }
            _ => Err(t!(
                "`{s}` is not a web address: write it as https://…",
                "`{s}` — не веб-адрес: напишите его в виде https://…"
            )),
        }
    }
}

macro_rules! string_schema {
    ($t:ty, $name:literal, $desc:literal) => {
        impl schemars::JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "description": $desc })
            }
        }
    };
}
string_schema!(TimeZoneName, "TimeZone", "IANA time zone, e.g. Asia/Omsk");
string_schema!(Email, "Email", "An e-mail address");
string_schema!(Url, "Url", "A web address starting with https://");

macro_rules! number_schema {
    ($t:ty, $name:literal, $schema:tt) => {
        impl schemars::JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!($schema)
            }
        }
    };
}
number_schema!(Money, "Money", { "type": "integer", "minimum": 0, "description": "Whole rubles" });
number_schema!(Percent, "Percent", { "type": "integer", "minimum": 0, "maximum": 100 });
number_schema!(Share, "Share", { "type": "number", "minimum": 0, "maximum": 1 });
