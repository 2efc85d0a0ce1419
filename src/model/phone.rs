//! Russian phone numbers, normalised to E.164 (`+7XXXXXXXXXX`) as Bitrix24 dedup wants them.

use std::fmt;

use super::read::ParseStr;
use crate::i18n::{Text, t};

/// A number is the same number however it was grouped: equality and hashing look at the
/// E.164 form only.
#[derive(Clone, Debug)]
pub struct Phone {
    e164: String,
    /// As the owner grouped it, with «+7» in front: «+7 3812 21-48-60». Омск's code is four
    /// digits, and regrouping it as «+7 381 221-48-60» would suggest the wrong one.
    shown: Option<String>,
}

impl PartialEq for Phone {
    fn eq(&self, other: &Self) -> bool {
        self.e164 == other.e164
    }
}

impl Eq for Phone {}

impl std::hash::Hash for Phone {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.e164.hash(state);
    }
}

impl Phone {
    /// `+79170000000`.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// A Russian mobile number (+7 9…): a person's own, unless the business says otherwise.
    pub fn is_mobile(&self) -> bool {
        self.e164.as_bytes().get(2) == Some(&b'9')
    }

    /// `+7 917 000-00-00`, as the documents print it: the owner's own grouping when they
    /// gave one, else the mobile pattern.
    pub fn pretty(&self) -> String {
        if let Some(shown) = &self.shown {
            return shown.clone();
        }
        let d = &self.e164[2..];
        format!("+7 {} {}-{}-{}", &d[0..3], &d[3..6], &d[6..8], &d[8..10])
    }
}

impl ParseStr for Phone {
    fn expected() -> Text {
        Text::new(
            "a Russian phone number such as \"+7 917 000-00-00\"",
            "российский номер телефона, например \"+7 917 000-00-00\"",
        )
    }

    fn parse_str(s: &str) -> Result<Self, Text> {
        let allowed = |c: char| c.is_ascii_digit() || " +-()\u{a0}".contains(c);
        // «доб. 12», "ext. 12", "x12", "#12": an extension, which no messenger or SMS can dial.
        let lower = s.to_lowercase();
        let extension = ["доб", "ext", "x", "#"].iter().find_map(|w| {
            lower
                .find(w)
                .filter(|&at| at > 0 && lower[..at].chars().any(|c| c.is_ascii_digit()))
                .map(|at| s[..at].trim_end().trim_end_matches([',', ';']).to_owned())
        });
        if let Some(number) = extension {
            return Err(t!(
                "`{s}` is not a phone number: extensions are not supported; put the extension in a comment after the value (`\"{number}\"  # …`) and give the number alone",
                "`{s}` — не номер телефона: добавочные номера не поддерживаются; укажите добавочный в комментарии после значения (`\"{number}\"  # …`), а в значении — только номер"
            ));
        }
        if let Some(c) = s.chars().find(|&c| !allowed(c)) {
            return Err(t!(
                "`{s}` is not a phone number: unexpected `{c}`",
                "`{s}` — не номер телефона: лишний символ `{c}`"
            ));
        }
        if s.chars().skip(1).any(|c| c == '+') {
            return Err(t!(
                "`{s}` is not a phone number: `+` only at the start",
                "`{s}` — не номер телефона: `+` допустим только в начале"
            ));
        }
        let mut digits: String = s.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 11 && digits.starts_with('8') && !s.starts_with('+') {
            digits.replace_range(0..1, "7");
        } else if digits.len() == 10 && !s.starts_with('+') {
            digits.insert(0, '7');
        }
        if digits.len() != 11 || !digits.starts_with('7') {
            // Ten digits alone are read as +7 (the number as Russians dictate it), so the
            // message names both forms and counts what it found.
            let n = s.chars().filter(char::is_ascii_digit).count() as u64;
            let (digits_en, digits_ru) = (
                if n == 1 { "digit" } else { "digits" },
                crate::words::plural_ru(n, "цифра", "цифры", "цифр"),
            );
            return Err(t!(
                "`{s}` is not a Russian phone number: it has {n} {digits_en}; write +7 or 8 and 10 digits (\"+7 917 000-00-00\"), or the 10 digits alone, read as +7",
                "`{s}` — не российский номер телефона: в нём {n} {digits_ru}; пишите +7 или 8 и 10 цифр (\"+7 917 000-00-00\") или только 10 цифр — они читаются как +7"
            ));
        }
        if matches!(digits.as_bytes()[1], b'6' | b'7') {
            return Err(t!(
                "`{s}` is a Kazakhstan number (+7 6xx / +7 7xx): regl serves Russian businesses",
                "`{s}` — казахстанский номер (+7 6xx / +7 7xx): regl работает с российским бизнесом"
            ));
        }
        // The owner's grouping, when it groups: «+7 3812 21-48-60», «8 (3812) 21-48-60».
        let written: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = if written.starts_with("+7") && written.len() > 2 {
            Some(written)
        } else if written.starts_with('8')
            && written.len() > 1
            && !written[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            Some(format!("+7{}", &written[1..]))
        } else {
            None
        };
        let shown = shown.filter(|w| w.contains([' ', '-', '(']));
        Ok(Self {
            e164: format!("+{digits}"),
            shown,
        })
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e164)
    }
}

impl schemars::JsonSchema for Phone {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Phone".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9+() \\-]+$",
            "description": "A Russian phone number, e.g. \"+7 917 000-00-00\" or \"8 (347) 200-00-00\"",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(s: &str) -> String {
        Phone::parse_str(s).unwrap().e164().to_owned()
    }

    #[test]
    fn normalises_to_e164() {
        assert_eq!(e164("+7 917 000-00-00"), "+79170000000");
        assert_eq!(e164("8 (347) 200-00-00"), "+73472000000");
        assert_eq!(e164("9170000000"), "+79170000000");
        assert_eq!(e164("+7(917)000 00 00"), "+79170000000");
        assert_eq!(
            Phone::parse_str("8 917 123-45-67").unwrap().pretty(),
            "+7 917 123-45-67"
        );
        // The owner's grouping stays: Омск's area code has four digits.
        assert_eq!(
            Phone::parse_str("+7 3812 21-48-60").unwrap().pretty(),
            "+7 3812 21-48-60"
        );
        assert_eq!(
            Phone::parse_str("8 (3812) 21-48-60").unwrap().pretty(),
            "+7 (3812) 21-48-60"
        );
        assert_eq!(
            Phone::parse_str("+73812214860").unwrap().pretty(),
            "+7 381 221-48-60"
        );
        assert_eq!(
            Phone::parse_str("+7 3812 21-48-60").unwrap(),
            Phone::parse_str("83812214860").unwrap()
        );
    }

    #[test]
    fn refuses_what_is_not_a_russian_number() {
        for bad in [
            "",
            "12345",
            "+1 212 555-01-23",
            "+7 917 000-00-0",
            "+7 701 000-00-00",
            "+7 917 ext 5",
            "7+9170000000",
        ] {
            assert!(Phone::parse_str(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
