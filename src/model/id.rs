//! Ids of locations, services and the like: `[a-z0-9-]+`, used in file names and tags, so
//! they can never escape the output folder.

use std::fmt;

use super::read::ParseStr;
use crate::i18n::{Text, t};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl ParseStr for Id {
    fn expected() -> Text {
        Text::new(
            "an id of lowercase Latin letters, digits and `-`",
            "идентификатор из строчных латинских букв, цифр и `-`",
        )
    }

    fn parse_str(s: &str) -> Result<Self, Text> {
        let ok = !s.is_empty()
            && s.len() <= 40
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if ok {
            return Ok(Self(s.to_owned()));
        }
        let rule = t!(
            "`{s}` is not a valid id: use 1–40 lowercase Latin letters, digits and `-` (not at the ends)",
            "`{s}` — недопустимый идентификатор: используйте от 1 до 40 строчных латинских букв, цифр и `-` (не в начале и не в конце)"
        );
        // The example is the owner's own word in Latin letters (`брови` → "brovi"), when
        // that makes an id; an unrelated sample id («omsk» for a service) only puzzles.
        let latin = super::city::location_id(s);
        let words = s.chars().all(|c| c.is_alphanumeric() || " -_".contains(c));
        if words && latin != s && !latin.is_empty() && latin.len() <= 40 {
            Err(rule.join(", ", &t!("e.g. \"{latin}\"", "например \"{latin}\"")))
        } else {
            Err(rule)
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$" })
    }
}

/// A path relative to `business.toml` that stays inside its folder (the bot config).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RelPath(String);

impl RelPath {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl ParseStr for RelPath {
    fn expected() -> Text {
        Text::new(
            "a relative path such as \"bot/ufa.json\"",
            "относительный путь, например \"bot/ufa.json\"",
        )
    }

    fn parse_str(s: &str) -> Result<Self, Text> {
        let p = std::path::Path::new(s);
        let escapes = p.components().any(|c| {
            !matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
        if s.is_empty() || escapes || s.contains('\\') || s.contains(':') {
            return Err(t!(
                "`{s}` must be a path inside the business folder, such as \"bot/ufa.json\" (no `..`, no absolute path)",
                "`{s}` должен быть путём внутри папки бизнеса, например \"bot/ufa.json\" (без `..` и без абсолютного пути)"
            ));
        }
        Ok(Self(s.to_owned()))
    }
}

impl schemars::JsonSchema for RelPath {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RelPath".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "description": "A path relative to business.toml, inside its folder" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cannot_escape() {
        assert!(Id::parse_str("omsk").is_ok());
        assert!(Id::parse_str("nsk-2").is_ok());
        for bad in [
            "", "../etc", "Omsk", "омск", "a/b", "-a", "a-", "a.b", "a b",
        ] {
            assert!(Id::parse_str(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn paths_stay_inside() {
        assert!(RelPath::parse_str("bot/ufa.json").is_ok());
        for bad in ["../x.json", "/etc/passwd", "bot/../../x", "C:\\x", ""] {
            assert!(RelPath::parse_str(bad).is_err(), "{bad:?}");
        }
    }
}
