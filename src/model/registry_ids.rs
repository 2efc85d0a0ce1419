//! INN and OGRN/OGRNIP, the operator's identifiers printed in the personal-data policy.
//!
//! A wrong checksum is not a load error but finding C101: the file still loads, and lint
//! says which digit sequence is wrong. So these types keep the text and check on demand.

use super::read::ParseStr;
use crate::i18n::{Text, t};
use crate::words::plural_ru;

/// Taxpayer number: 10 digits for a company, 12 for a sole trader.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Inn(pub String);

/// State registration number: OGRN (13 digits, company) or OGRNIP (15, sole trader).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ogrn(pub String);

fn digits(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// «13 цифр», «1 цифра».
fn digits_ru(n: usize) -> String {
    format!("{n} {}", plural_ru(n as u64, "цифра", "цифры", "цифр"))
}

fn weighted(d: &[u32], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11 % 10
}

impl Inn {
    /// `Ok(true)` for a company, `Ok(false)` for a sole trader, or why it is invalid.
    pub fn check(&self) -> Result<bool, Text> {
        let s = &self.0;
        let wrong_check = || {
            t!(
                "INN `{s}` has a wrong check digit",
                "в ИНН `{s}` неверная контрольная цифра"
            )
        };
        let d = digits(s).ok_or_else(|| {
            t!(
                "INN `{s}` must contain digits only",
                "ИНН `{s}` должен состоять только из цифр"
            )
        })?;
        match d.len() {
            10 => {
                if weighted(&d[..9], &[2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9] {
                    Ok(true)
                } else {
                    Err(wrong_check())
                }
            }
            12 => {
                let c11 = weighted(&d[..10], &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
                let c12 = weighted(&d[..11], &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
                if c11 == d[10] && c12 == d[11] {
                    Ok(false)
                } else {
                    Err(wrong_check())
                }
            }
            n => Err(Text::new(
                format!("INN `{s}` has {n} digits: a company's has 10, a sole trader's 12"),
                format!(
                    "в ИНН `{s}` {}: у организации их 10, у ИП — 12",
                    digits_ru(n)
                ),
            )),
        }
    }
}

impl Ogrn {
    /// `Ok(true)` for OGRN (company), `Ok(false)` for OGRNIP, or why it is invalid.
    pub fn check(&self) -> Result<bool, Text> {
        let s = &self.0;
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(t!(
                "OGRN `{s}` must contain digits only",
                "ОГРН `{s}` должен состоять только из цифр"
            ));
        }
        let (body, modulus, company) = match s.len() {
            13 => (&s[..12], 11, true),
            15 => (&s[..14], 13, false),
            n => {
                return Err(Text::new(
                    format!("OGRN `{s}` has {n} digits: OGRN has 13, OGRNIP 15"),
                    format!("в ОГРН `{s}` {}: в ОГРН их 13, в ОГРНИП — 15", digits_ru(n)),
                ));
            }
        };
        let n: u64 = body
            .parse()
            .map_err(|_| t!("OGRN `{s}` is not a number", "ОГРН `{s}` — не число"))?;
        let check = u64::from(s.as_bytes()[s.len() - 1] - b'0');
        if n % modulus % 10 == check {
            Ok(company)
        } else {
            Err(t!(
                "OGRN `{s}` has a wrong check digit",
                "в ОГРН `{s}` неверная контрольная цифра"
            ))
        }
    }
}

impl ParseStr for Inn {
    fn expected() -> Text {
        Text::new(
            "an INN as a string of 10 or 12 digits",
            "ИНН строкой из 10 или 12 цифр",
        )
    }
    fn parse_str(s: &str) -> Result<Self, Text> {
        Ok(Self(s.trim().to_owned()))
    }
}

impl ParseStr for Ogrn {
    fn expected() -> Text {
        Text::new(
            "an OGRN (13 digits) or OGRNIP (15 digits) as a string",
            "ОГРН (13 цифр) или ОГРНИП (15 цифр) строкой",
        )
    }
    fn parse_str(s: &str) -> Result<Self, Text> {
        Ok(Self(s.trim().to_owned()))
    }
}

impl schemars::JsonSchema for Inn {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Inn".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^([0-9]{10}|[0-9]{12})$",
            "description": "INN: 10 digits (company) or 12 (sole trader), checksum verified" })
    }
}

impl schemars::JsonSchema for Ogrn {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Ogrn".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^([0-9]{13}|[0-9]{15})$",
            "description": "OGRN (13 digits) or OGRNIP (15 digits), checksum verified" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inn_vectors() {
        assert_eq!(Inn("7707083893".into()).check(), Ok(true));
        assert_eq!(Inn("500100732259".into()).check(), Ok(false));
        assert!(Inn("7707083894".into()).check().is_err());
        assert!(Inn("500100732258".into()).check().is_err());
        assert!(Inn("77070838".into()).check().is_err());
        assert!(Inn("770708389a".into()).check().is_err());
    }

    #[test]
    fn ogrn_vectors() {
        assert_eq!(Ogrn("1027700132195".into()).check(), Ok(true));
        assert_eq!(Ogrn("304500116000157".into()).check(), Ok(false));
        assert!(Ogrn("1027700132196".into()).check().is_err());
        assert!(Ogrn("304500116000158".into()).check().is_err());
        assert!(Ogrn("10277001321".into()).check().is_err());
    }
}
