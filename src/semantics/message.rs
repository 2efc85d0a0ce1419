//! One client message, normalised and stemmed once, so that every phrase, button and slot
//! of the step is compared against the same words without doing that work again.

use super::normalize::normalize;
use super::stem::Stemmer;
use super::word::Word;

#[derive(Debug, Clone)]
pub struct Message {
    raw: String,
    normalized: String,
    words: Vec<Word>,
}

impl Message {
    pub fn new(raw: &str, stemmer: Stemmer) -> Self {
        let normalized = normalize(raw);
        let words = normalized
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| Word::new(w, stemmer))
            .collect();
        Self {
            raw: raw.to_owned(),
            normalized,
            words,
        }
    }

    /// The text as the client wrote it: slot values (a phone, a time) are read from it.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// The number the whole message is, if it is one and nothing else: «2», «2.», « 2 ».
    pub fn number(&self) -> Option<usize> {
        match self.words.as_slice() {
            [only] if only.text().bytes().all(|b| b.is_ascii_digit()) => only.text().parse().ok(),
            _ => None,
        }
    }

    /// Whether the message says exactly `words`, word for word by stem: the test a button,
    /// its listed words or an option title pass. A longer message does not: «не согласен»
    /// is not «согласен».
    pub fn says_exactly(&self, words: &[Word]) -> bool {
        !words.is_empty()
            && self.words.len() == words.len()
            && self
                .words
                .iter()
                .zip(words)
                .all(|(a, b)| a.stem() == b.stem())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enums::Lang;

    #[test]
    fn a_message_is_a_number_only_when_it_is_nothing_else() {
        let s = Stemmer::new(Lang::Ru);
        assert_eq!(Message::new(" 2. ", s).number(), Some(2));
        assert_eq!(Message::new("2)", s).number(), Some(2));
        assert_eq!(Message::new("2 раза", s).number(), None);
        assert_eq!(Message::new("двa", s).number(), None);
    }
}
