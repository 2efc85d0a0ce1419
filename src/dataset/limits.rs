//! The lengths the providers accept, and an example cut to fit them.
//!
//! Yandex AI Studio takes a request of at most 8,000 tokens, a response of at most 2,000
//! and 8,000 together; the same bounds are kept for every provider, since the files are
//! generated from one master. Tokens are not counted here: a UTF-8 byte is never less than a
//! token is long, so the bytes are a bound a tokenizer can only beat.

use super::exchange::Exchange;

/// Tokens a request (system prompt, context and the client's message) may hold.
pub const MAX_REQUEST_TOKENS: usize = 8_000;
/// Tokens the answer may hold.
pub const MAX_RESPONSE_TOKENS: usize = 2_000;
/// Tokens the request and the answer may hold together.
pub const MAX_TOTAL_TOKENS: usize = 8_000;

/// At most this many tokens.
pub fn tokens_at_most(text: &str) -> usize {
    text.len()
}

/// The exchange with its oldest context dropped, a client's message and the bot's answer at
/// a time, until it fits; `None` when even the bare exchange does not.
pub fn fit(prompt: &str, mut ex: Exchange) -> Option<Exchange> {
    let answer = tokens_at_most(&ex.answer);
    if answer > MAX_RESPONSE_TOKENS {
        return None;
    }
    loop {
        let request = tokens_at_most(prompt)
            + tokens_at_most(&ex.user)
            + ex.context
                .iter()
                .map(|m| tokens_at_most(&m.text))
                .sum::<usize>();
        if request <= MAX_REQUEST_TOKENS && request + answer <= MAX_TOTAL_TOKENS {
            return Some(ex);
        }
        if ex.context.is_empty() {
            return None;
        }
        // The context keeps starting with the client: a reply never opens it.
        ex.context.remove(0);
        while ex
            .context
            .first()
            .is_some_and(|m| m.role == super::Role::Assistant)
        {
            ex.context.remove(0);
        }
    }
}
