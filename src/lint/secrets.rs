//! Finding secrets in config text (S501): Bitrix24 inbound-webhook URLs, OpenAI-style and
//! Yandex Cloud keys and Telegram bot tokens by their shape, and long random values under a key that says
//! token/secret/key. Shapes are narrow on purpose: a portal domain or an ordinary URL must
//! never fire, or people learn to waive the rule.

use std::ops::Range;

use crate::i18n::StaticText;

/// A secret-looking stretch of text and what it looks like, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub span: Range<usize>,
    pub what: StaticText,
}

fn token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Length of the run of token characters starting at `from`.
fn run_len(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().take_while(|&&b| token_char(b)).count()
}

/// Secrets recognisable by their shape anywhere in `text`.
pub fn scan(text: &str) -> Vec<Hit> {
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    // memchr's searchers rather than `str::match_indices`: a lint scans megabytes of bot
    // configs for these needles, and theirs is the vectorised search.
    for at in memchr::memmem::find_iter(bytes, "/rest/") {
        // [https://]<portal>/rest/<user id>/<secret>/ — with or without the scheme, since a
        // pasted webhook often loses it.
        let url_start = text[..at]
            .rfind(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '=' | '(' | '<'))
            .map_or(0, |i| i + 1);
        let url = &text[url_start..at];
        let host = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .unwrap_or(url);
        if !host.contains('.') || host.contains('/') || host.starts_with('.') {
            continue;
        }
        let user = at + "/rest/".len();
        let digits = bytes[user..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || bytes.get(user + digits) != Some(&b'/') {
            continue;
        }
        let secret = user + digits + 1;
        let len = run_len(bytes, secret);
        if len >= 8 {
            hits.push(Hit {
                span: url_start..secret + len,
                what: StaticText {
                    en: "a Bitrix24 inbound-webhook URL with its secret",
                    ru: "URL входящего вебхука Битрикс24 вместе с секретом",
                },
            });
        }
    }
    for (prefix, min, what) in [
        (
            "sk-",
            20,
            StaticText {
                en: "an OpenAI-style API key",
                ru: "API-ключ в формате OpenAI",
            },
        ),
        (
            "AQVN",
            20,
            StaticText {
                en: "a Yandex Cloud API key",
                ru: "API-ключ Yandex Cloud",
            },
        ),
        (
            "y0_",
            20,
            StaticText {
                en: "a Yandex OAuth token",
                ru: "OAuth-токен Яндекса",
            },
        ),
    ] {
        for at in memchr::memmem::find_iter(bytes, prefix) {
            if at > 0 && token_char(bytes[at - 1]) {
                continue;
            }
            let body = at + prefix.len();
            let len = run_len(bytes, body);
            let value = &text[body..body + len];
            let mixed = value.chars().any(|c| c.is_ascii_digit())
                && value.chars().any(|c| c.is_ascii_alphabetic());
            if len >= min && mixed {
                hits.push(Hit {
                    span: at..body + len,
                    what,
                });
            }
        }
    }
    telegram_bot_tokens(text, &mut hits);
    hits.sort_by_key(|h| h.span.start);
    hits
}

/// `<bot id>:<35 characters>`, as `@BotFather` issues them: a salon's Telegram channel runs
/// on one, and it is the bot's whole identity. A bot id is 8–10 digits, so a time of day
/// ("09:00") or a ratio never matches.
fn telegram_bot_tokens(text: &str, hits: &mut Vec<Hit>) {
    let bytes = text.as_bytes();
    for colon in memchr::memchr_iter(b':', bytes) {
        let digits = bytes[..colon]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let start = colon - digits;
        if !(8..=10).contains(&digits) || (start > 0 && token_char(bytes[start - 1])) {
            continue;
        }
        let len = run_len(bytes, colon + 1);
        let tail = &text[colon + 1..colon + 1 + len];
        if len == 35 && tail.bytes().any(|b| b.is_ascii_alphabetic()) {
            hits.push(Hit {
                span: start..colon + 1 + len,
                what: StaticText {
                    en: "a Telegram bot token",
                    ru: "токен Telegram-бота",
                },
            });
        }
    }
}

/// Whether a key's name says its value is a credential.
pub fn secret_key(key: &str) -> bool {
    // Asked of every key of every bot config: compared in place, not lowercased into a copy.
    let k = key.as_bytes();
    [
        "token",
        "secret",
        "api_key",
        "apikey",
        "password",
        "passwd",
        "private_key",
    ]
    .iter()
    .any(|w| {
        k.windows(w.len())
            .any(|at| at.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// Whether a value under a secret-sounding key looks like a real credential rather than a
/// placeholder such as `"${BITRIX_TOKEN}"` or "from the environment".
pub fn random_value(v: &str) -> bool {
    v.len() >= 16
        && !v.contains(char::is_whitespace)
        && !v.contains('$')
        && v.chars().any(|c| c.is_ascii_digit())
        && v.chars().any(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_webhook_and_keys() {
        let t = r#"portal = "https://lada.bitrix24.ru/rest/1/abcd1234efgh5678/""#;
        let h = scan(t);
        assert_eq!(h.len(), 1);
        assert_eq!(
            &t[h[0].span.clone()],
            "https://lada.bitrix24.ru/rest/1/abcd1234efgh5678"
        );
        assert_eq!(scan("k = \"sk-proj-a1b2c3d4e5f6g7h8i9j0k1\"").len(), 1);
        assert_eq!(scan("AQVN1a2b3c4d5e6f7g8h9i0jklmnopq").len(), 1);
        let tg = "token = \"7012345678:AAH4kX9vZq2Lm8Np3Rt6Yw1Bc5Df7Gh9JkE\"";
        let h = scan(tg);
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(
            &tg[h[0].span.clone()],
            "7012345678:AAH4kX9vZq2Lm8Np3Rt6Yw1Bc5Df7Gh9JkE"
        );
    }

    #[test]
    fn times_and_ids_with_colons_are_not_tokens() {
        assert!(scan(r#"hours = ["mon-fri 09:00-21:00"]"#).is_empty());
        assert!(scan("ref 12345678:short, 1234567:AAH4kX9vZq2Lm8Np3Rt6Yw1Bc5Df7Gh9JkE").is_empty());
        assert!(scan("x12345678:AAH4kX9vZq2Lm8Np3Rt6Yw1Bc5Df7Gh9JkE").is_empty());
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        assert!(scan(r#"portal = "lada.bitrix24.ru""#).is_empty());
        assert!(scan("https://lada.example/rest/menu").is_empty());
        assert_eq!(
            scan(r#"portal = "lada.bitrix24.ru/rest/12/abcdef123456""#).len(),
            1,
            "a webhook that lost its scheme is still a webhook"
        );
        assert!(scan(r#"portal = "lada.bitrix24.ru""#).is_empty());
        assert!(scan("task-sk-reminder, desk-top").is_empty());
        assert!(!random_value("${BITRIX_WEBHOOK}"));
        assert!(!random_value("short"));
    }

    #[test]
    fn secret_keys_are_told_in_any_case() {
        for key in [
            "token",
            "BOT_TOKEN",
            "ApiKey",
            "client_Secret",
            "db_password",
            "passwd",
        ] {
            assert!(secret_key(key), "{key}");
        }
        for key in ["", "tok", "say", "api", "keys", "passage", "ключ"] {
            assert!(!secret_key(key), "{key}");
        }
    }
}
