//! One normalised word with its stem, and the rule by which a phrase's word matches a
//! message's word (docs/bot-runtime.md, "Matching"): equal stems; or the phrase word's stem,
//! of 5+ letters, begins the message word; or, when both words have 5+ letters, the words or
//! their stems are one edit apart (two when both have 9+).

use super::confidence::How;
use super::edit;
use super::stem::Stemmer;

/// The prefix rule needs a phrase stem this long: «боль» (stem «бол») must not begin
/// «больше», but «запис…» may begin «записываю».
pub const PREFIX_MIN_LETTERS: usize = 5;
/// Words shorter than this match by stem or prefix only: a one-letter slip in a short word
/// makes another word.
pub const EDIT_MIN_LETTERS: usize = 5;
/// From this length two edits are allowed.
pub const TWO_EDITS_FROM_LETTERS: usize = 9;

/// A word as the matcher compares it: computed once, compared many times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    text: String,
    chars: Box<[char]>,
    stem: String,
    stem_chars: Box<[char]>,
}

impl Word {
    /// `text` is one word of [`super::normalize::normalize`]'s output.
    pub fn new(text: &str, stemmer: Stemmer) -> Self {
        let stem = stemmer.stem(text);
        Self {
            chars: text.chars().collect(),
            stem_chars: stem.chars().collect(),
            text: text.to_owned(),
            stem,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn stem(&self) -> &str {
        &self.stem
    }

    /// Letters (and digits) in the word, counted as characters.
    pub fn letters(&self) -> usize {
        self.chars.len()
    }

    /// How `self`, a word of a phrase, matches `other`, a word of the message, if at all.
    pub fn matches(&self, other: &Word) -> Option<How> {
        if self.stem == other.stem {
            return Some(How::Stem);
        }
        if self.stem_chars.len() >= PREFIX_MIN_LETTERS && other.text.starts_with(&self.stem) {
            return Some(How::Prefix);
        }
        let shorter = self.letters().min(other.letters());
        if shorter >= EDIT_MIN_LETTERS {
            let max = if shorter >= TWO_EDITS_FROM_LETTERS {
                2
            } else {
                1
            };
            if edit::within(&self.chars, &other.chars, max)
                || edit::within(&self.stem_chars, &other.stem_chars, max)
            {
                return Some(How::Edit);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enums::Lang;

    fn m(phrase_word: &str, message_word: &str) -> Option<How> {
        let s = Stemmer::new(Lang::Ru);
        Word::new(phrase_word, s).matches(&Word::new(message_word, s))
    }

    #[test]
    fn equal_stems_match() {
        assert_eq!(m("жалоба", "жалобу"), Some(How::Stem));
        assert_eq!(m("жалоба", "жалобой"), Some(How::Stem));
        assert_eq!(m("цена", "цены"), Some(How::Stem));
    }

    #[test]
    fn a_long_stem_may_begin_the_message_word() {
        // «отменить» → «отмен», which begins «отмена» (whose own stem is «отм»).
        assert_eq!(m("отменить", "отмена"), Some(How::Prefix));
        assert_eq!(m("отменить", "отмены"), Some(How::Prefix));
    }

    #[test]
    fn the_prefix_rule_needs_five_letters_of_stem() {
        // «боль» → «бол»: three letters, so «больше» is not «боль».
        assert_eq!(m("боль", "больше"), None);
    }

    #[test]
    fn a_prefix_is_only_at_the_start() {
        // «срочн» is inside «несрочно», not at its start; two edits at 8 letters are too many.
        assert_eq!(m("срочно", "несрочно"), None);
    }

    #[test]
    fn one_edit_from_five_letters_two_from_nine() {
        assert_eq!(m("жалоба", "жалабу"), Some(How::Edit));
        // Snowball stems these «зап» and «запис»; the words are one edit apart.
        assert_eq!(m("запись", "записи"), Some(How::Edit));
        assert_eq!(m("претензия", "притензея"), Some(How::Edit));
        // Four letters: no edits at all.
        assert_eq!(m("флюс", "флюз"), None);
        // Eight letters: one edit only.
        assert_eq!(m("кровоток", "крававок"), None);
    }

    #[test]
    fn snowball_conflations_are_matches_too() {
        // Snowball gives «более» the stem of «боль»: the reference matches them, as every
        // runtime using the same stemmer will. docs/bot-runtime.md says so.
        assert_eq!(m("боль", "более"), Some(How::Stem));
    }
}
