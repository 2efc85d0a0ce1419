//! The `name` slot: 1–60 letters, spaces and hyphens, as the client wrote them («Анна»,
//! «Анна-Мария Петрова»). An opening «меня зовут» / "my name is" and a closing full stop or
//! exclamation mark are not part of it; a question mark, a digit or an `@` means the
//! message is something else, and the step is asked again.

/// The longest name the CRM card and the documents' examples allow.
pub const MAX_LETTERS: usize = 60;

/// Openings people put before their name, normalised; the longest first.
const OPENINGS: &[&str] = &[
    "меня зовут ",
    "моё имя ",
    "мое имя ",
    "зовут ",
    "это ",
    "my name is ",
    "call me ",
    "i am ",
    "i'm ",
    "im ",
];

pub fn read(raw: &str) -> Option<String> {
    let mut s = raw.trim().trim_end_matches(['.', '!']).trim();
    let lower = s.to_lowercase();
    for o in OPENINGS {
        if lower.starts_with(o) && lower.len() == s.len() {
            s = s[o.len()..].trim_start();
            break;
        }
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let letters = s.chars().count();
    let ok = (1..=MAX_LETTERS).contains(&letters)
        && s.chars().any(char::is_alphabetic)
        && s.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    ok.then_some(s)
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn letters_spaces_and_hyphens() {
        assert_eq!(read("Анна").as_deref(), Some("Анна"));
        assert_eq!(
            read("  анна-мария   петрова. ").as_deref(),
            Some("анна-мария петрова")
        );
        assert_eq!(read("Меня зовут Ольга").as_deref(), Some("Ольга"));
        assert_eq!(read("My name is Ann!").as_deref(), Some("Ann"));
    }

    #[test]
    fn one_to_sixty_letters() {
        assert_eq!(read(&"а".repeat(60)).map(|s| s.chars().count()), Some(60));
        assert_eq!(read(&"а".repeat(61)), None);
        assert_eq!(read(""), None);
        assert_eq!(read("-"), None);
    }

    #[test]
    fn a_question_a_number_or_an_address_is_not_a_name() {
        assert_eq!(read("сколько стоит?"), None);
        assert_eq!(read("+7 913 000-00-01"), None);
        assert_eq!(read("anna@example.ru"), None);
        assert_eq!(read("Анна 2"), None);
    }
}
