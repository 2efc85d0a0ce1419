//! The `phone` slot: a Russian number in any spelling `business.toml` accepts, anywhere in
//! the message («мой номер 8 (913) 000-00-01»), kept as E.164 — Bitrix24 finds a client by
//! it, so one spelling per client.

use crate::model::phone::Phone;
use crate::model::read::ParseStr;

/// What a phone number may be written with: digits, `+`, spaces, hyphens, brackets.
fn phone_char(c: char) -> bool {
    c.is_ascii_digit() || " +-()\u{a0}".contains(c)
}

/// The phone number in `raw`: the first run of phone characters with at least ten digits,
/// read as `business.toml` reads one. `Err` says why the best candidate is not one.
pub fn read(raw: &str) -> Result<Phone, crate::i18n::Text> {
    let mut first_error = None;
    let mut rest = raw;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit() || c == '+' || c == '(') {
        let run_len = rest[start..]
            .find(|c: char| !phone_char(c))
            .unwrap_or(rest.len() - start);
        let run = rest[start..start + run_len].trim();
        if run.chars().filter(char::is_ascii_digit).count() >= 10 {
            match Phone::parse_str(run) {
                Ok(p) => return Ok(p),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        rest = &rest[start + run_len.max(1)..];
    }
    Err(first_error.unwrap_or_else(|| {
        let raw = raw.trim();
        crate::t!(
            "`{raw}` holds no phone number",
            "в `{raw}` нет номера телефона"
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::read;

    fn e164(s: &str) -> String {
        read(s).unwrap().e164().to_owned()
    }

    #[test]
    fn reads_every_spelling_business_toml_accepts() {
        assert_eq!(e164("+7 913 000-00-01"), "+79130000001");
        assert_eq!(e164("8 (913) 000-00-01"), "+79130000001");
        assert_eq!(e164("9130000001"), "+79130000001");
        assert_eq!(e164("+7(913)0000001"), "+79130000001");
    }

    #[test]
    fn finds_the_number_inside_a_sentence() {
        assert_eq!(
            e164("мой номер 8 913 000 00 01, звоните после 18"),
            "+79130000001"
        );
        assert_eq!(e164("Телефон: +79130000001."), "+79130000001");
    }

    #[test]
    fn refuses_what_is_not_a_russian_number() {
        assert!(read("12345").is_err());
        assert!(read("+1 212 555-01-23").is_err());
        assert!(read("+7 701 000-00-00").is_err(), "a Kazakhstan number");
        assert!(read("позвоните мне").is_err());
    }
}
