//! The two slots a business may add to the qualification: `email` (an address of the usual
//! shape, anywhere in the message) and `comment` (any text up to 500 characters, kept as
//! written — the CRM's comment field).

/// The longest comment kept.
pub const COMMENT_MAX_CHARS: usize = 500;

/// The first word that looks like `name@domain.tld`.
pub fn email(raw: &str) -> Option<String> {
    raw.split(|c: char| c.is_whitespace() || ",;<>()«»\"'".contains(c))
        .map(|w| w.trim_end_matches(['.', '!', '?']))
        .find(|w| {
            let Some((user, domain)) = w.split_once('@') else {
                return false;
            };
            !user.is_empty()
                && !domain.contains('@')
                && domain
                    .rsplit_once('.')
                    .is_some_and(|(host, tld)| !host.is_empty() && tld.chars().count() >= 2)
        })
        .map(str::to_lowercase)
}

pub fn comment(raw: &str) -> Option<String> {
    let s = raw.trim();
    (!s.is_empty() && s.chars().count() <= COMMENT_MAX_CHARS).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_anywhere_in_the_message() {
        assert_eq!(
            email("пишите на Anna@Example.ru.").as_deref(),
            Some("anna@example.ru")
        );
        assert_eq!(email("anna@example"), None);
        assert_eq!(email("@example.ru"), None);
    }

    #[test]
    fn a_comment_is_any_text_up_to_500_characters() {
        assert_eq!(comment(" без укладки "), Some("без укладки".to_owned()));
        assert_eq!(comment(&"а".repeat(501)), None);
        assert_eq!(comment("  "), None);
    }
}
