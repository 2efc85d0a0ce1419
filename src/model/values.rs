//! Small value types of `business.toml`: money, percents, shares, time zones, e-mail.

use super::read::{Cx, FromToml, ParseStr, Val, read_number, read_uint};

/// Whole rubles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Money(pub u64);

impl FromToml for Money {
    fn expected() -> String {
        "a sum in whole rubles, e.g. 1500".into()
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        read_uint(v, cx, "a sum in whole rubles", 1_000_000_000).map(Money)
    }
}

/// A whole percent, 0 to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Percent(pub u8);

impl FromToml for Percent {
    fn expected() -> String {
        "a whole percent from 0 to 100".into()
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        read_uint(v, cx, "a whole percent", 100).and_then(|n| u8::try_from(n).ok().map(Percent))
    }
}

/// A share from 0 to 1 (a KPI target, a model confidence).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, serde::Serialize)]
#[serde(transparent)]
pub struct Share(pub f64);

impl FromToml for Share {
    fn expected() -> String {
        "a share from 0 to 1, e.g. 0.6".into()
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let n = read_number(v, cx, "a share from 0 to 1")?;
        if (0.0..=1.0).contains(&n) {
            Some(Share(n))
        } else {
            let hint = (1.0..=100.0)
                .contains(&n)
                .then(|| format!("a share is a fraction: write {} for {n} %", n / 100.0));
            cx.error(
                v.span(),
                format!("`{n}` is not a share from 0 to 1"),
                hint.map(Into::into),
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
    fn expected() -> String {
        "an IANA time zone such as \"Asia/Omsk\"".into()
    }
    fn parse_str(s: &str) -> Result<Self, String> {
        Ok(Self(s.to_owned()))
    }
}

/// An e-mail address (the shape only: something@domain.tld).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email(pub String);

impl ParseStr for Email {
    fn expected() -> String {
        "an e-mail address".into()
    }
    fn parse_str(s: &str) -> Result<Self, String> {
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
            Err(format!("`{s}` is not an e-mail address"))
        }
    }
}

/// An https:// or http:// address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Url(pub String);

impl ParseStr for Url {
    fn expected() -> String {
        "a web address starting with https://".into()
    }
    fn parse_str(s: &str) -> Result<Self, String> {
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"));
        match rest {
            Some(r) if !r.is_empty() && !s.chars().any(char::is_whitespace) => {
                Ok(Self(s.to_owned()))
            }
            _ => Err(format!("`{s}` is not a web address: write it as https://…")),
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
