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
        // The same few hundred words (a config's phrases and buttons, a client's answers)
        // are stemmed again and again, for every location and scenario: each thread keeps
        // the stems it made. Snowball is a pure function, so a kept stem is the stem.
        let algorithm = self.0.algorithm();
        STEMS.with_borrow_mut(|kept| {
            if let Some(stem) = kept.get(&(algorithm, word)) {
                return stem.clone();
            }
            let stem = self.0.stem(word).into_owned();
            if kept.len() < MAX_KEPT {
                kept.insert((algorithm, word.to_owned()), stem.clone());
            }
            stem
        })
    }
}

/// At most this many stems kept per thread: far more than a business's vocabulary, and a
/// bound on the memory whatever the input.
const MAX_KEPT: usize = 1 << 16;

thread_local! {
    static STEMS: std::cell::RefCell<Kept> = std::cell::RefCell::new(Kept::default());
}

/// Stems by algorithm and word, looked up by `&str` without allocating.
#[derive(Default)]
struct Kept(std::collections::HashMap<Algorithm, std::collections::HashMap<String, String>>);

impl Kept {
    fn get(&self, (algorithm, word): &(Algorithm, &str)) -> Option<&String> {
        self.0.get(algorithm)?.get(*word)
    }

    fn len(&self) -> usize {
        self.0.values().map(std::collections::HashMap::len).sum()
    }

    fn insert(&mut self, (algorithm, word): (Algorithm, String), stem: String) {
        self.0.entry(algorithm).or_default().insert(word, stem);
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
