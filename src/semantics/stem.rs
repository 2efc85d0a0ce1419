//! Snowball stems, Russian or English by the bot config's `lang`: the first of the matcher's
//! three ways for two words to be the same word (docs/bot-runtime.md, "Matching").
//!
//! The stemmer is frostem's generated Snowball code, pinned to one algorithm date in
//! Cargo.toml, so the stems — and with them every match — stay the same from release to
//! release, and a runtime in another language gets the same stems from any Snowball build
//! of the same algorithms.

use frostem::{Algorithm, Stemmer as Snowball};

use crate::model::enums::Lang;

/// A stemmer for the bot's language. Cheap to copy; make one per config, not per word.
#[derive(Clone, Copy)]
pub struct Stemmer(Snowball);

impl Stemmer {
    pub fn new(lang: Lang) -> Self {
        Self(Snowball::new(match lang {
            Lang::Ru => Algorithm::Russian,
            Lang::En => Algorithm::English,
        }))
    }

    /// The stem of one normalised word (lower case, no punctuation).
    pub fn stem(self, word: &str) -> String {
        self.0.stem(word).into_owned()
    }
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Stemmer({:?})", self.0.algorithm())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_russian_words_share_a_stem() {
        let s = Stemmer::new(Lang::Ru);
        for w in ["жалоба", "жалобу", "жалобой", "жалобы"] {
            assert_eq!(s.stem(w), "жалоб", "{w}");
        }
        assert_eq!(s.stem("претензию"), s.stem("претензия"));
        // Not the same word: the stems differ, so stem equality alone never matches them.
        assert_ne!(s.stem("несрочно"), s.stem("срочно"));
        assert_ne!(s.stem("больше"), s.stem("боль"));
    }

    #[test]
    fn english_words_stem_with_the_english_algorithm() {
        let s = Stemmer::new(Lang::En);
        assert_eq!(s.stem("complaints"), "complaint");
        assert_eq!(s.stem("cancelled"), "cancel");
        assert_eq!(s.stem("urgently"), "urgent");
    }
}
