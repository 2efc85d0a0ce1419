//! A phrase of the config — a branch trigger, an escalation keyword, a service name — made
//! ready for matching once: normalised and stemmed when the config is read, never per
//! message.
//!
//! A phrase matches when each of its words matches some word of the message, in any order
//! (docs/bot-runtime.md, "Matching"). Its score is that of its weakest word: 0.9 when all
//! matched by stem or prefix, 0.75 when one needed an edit.

use super::confidence::How;
use super::message::Message;
use super::normalize::normalize;
use super::stem::Stemmer;
use super::word::Word;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    text: String,
    words: Vec<Word>,
}

/// A phrase found in a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhraseMatch {
    /// The weakest way one of its words matched.
    pub how: How,
    /// How many words the phrase has: among equal scores the longer phrase is the more
    /// specific one («отменить запись» over «запись»).
    pub words: usize,
}

impl PhraseMatch {
    pub fn confidence(self) -> f64 {
        self.how.score()
    }

    /// Better: a higher score, then more words.
    pub fn beats(self, other: PhraseMatch) -> bool {
        self.how < other.how || (self.how == other.how && self.words > other.words)
    }
}

impl Phrase {
    pub fn new(text: &str, stemmer: Stemmer) -> Self {
        Self {
            text: text.to_owned(),
            words: normalize(text)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| Word::new(w, stemmer))
                .collect(),
        }
    }

    /// The phrase as the config writes it.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// Whether every word of the phrase is in `message`, and how well. A phrase with no
    /// words («?!») matches nothing.
    pub fn find_in(&self, message: &Message) -> Option<PhraseMatch> {
        if self.words.is_empty() {
            return None;
        }
        let mut weakest = How::Stem;
        for w in &self.words {
            let best = message.words().iter().filter_map(|m| w.matches(m)).min()?;
            weakest = weakest.max(best);
        }
        Some(PhraseMatch {
            how: weakest,
            words: self.words.len(),
        })
    }
}

/// The best of `phrases` found in `message`: highest score, then most words, then the first
/// listed. Returns its index.
pub fn best<'p>(
    phrases: impl IntoIterator<Item = &'p Phrase>,
    message: &Message,
) -> Option<(usize, PhraseMatch)> {
    let mut found: Option<(usize, PhraseMatch)> = None;
    for (i, p) in phrases.into_iter().enumerate() {
        if let Some(m) = p.find_in(message)
            && found.is_none_or(|(_, f)| m.beats(f))
        {
            found = Some((i, m));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enums::Lang;
    use crate::semantics::confidence::{ONE_EDIT, PHRASE};

    fn score(lang: Lang, phrase: &str, message: &str) -> Option<f64> {
        let s = Stemmer::new(lang);
        Phrase::new(phrase, s)
            .find_in(&Message::new(message, s))
            .map(PhraseMatch::confidence)
    }

    fn ru(phrase: &str, message: &str) -> Option<f64> {
        score(Lang::Ru, phrase, message)
    }

    #[test]
    fn an_inflected_keyword_matches() {
        assert_eq!(ru("жалоба", "хочу оставить жалобу"), Some(PHRASE));
        assert_eq!(
            ru("жалоба", "Я недовольна, буду писать жалобой!"),
            Some(PHRASE)
        );
        assert_eq!(ru("претензия", "у меня претензию к мастеру"), Some(PHRASE));
        assert_eq!(ru("отёк", "сильный отек щеки"), Some(PHRASE));
    }

    #[test]
    fn a_word_inside_another_word_does_not_match() {
        assert_eq!(ru("срочно", "это несрочно, можно в пятницу"), None);
        assert_eq!(ru("боль", "хочу больше узнать про отбеливание"), None);
    }

    #[test]
    fn a_misspelt_keyword_matches_at_one_edit() {
        assert_eq!(ru("жалоба", "хочу оставить жалабу"), Some(ONE_EDIT));
        assert_eq!(ru("срочно", "СРОЧНА нужно"), Some(PHRASE));
    }

    #[test]
    fn every_word_of_the_phrase_must_be_there_in_any_order() {
        assert_eq!(ru("отменить запись", "запись хочу отменить"), Some(PHRASE));
        assert_eq!(ru("отменить запись", "хочу отменить"), None);
        assert_eq!(
            ru("есть свободное время?", "есть свободное время завтра"),
            Some(PHRASE)
        );
        assert_eq!(ru("выпала пломба", "у меня выпала пломба"), Some(PHRASE));
    }

    #[test]
    fn latin_look_alikes_do_not_hide_a_keyword() {
        assert_eq!(ru("жалоба", "хочу оставить жaлобу"), Some(PHRASE));
    }

    #[test]
    fn english_phrases_match_the_same_way() {
        let en = |p, m| score(Lang::En, p, m);
        assert_eq!(en("complaint", "I want to file a complaint"), Some(PHRASE));
        assert_eq!(en("complaint", "two complaints already"), Some(PHRASE));
        assert_eq!(
            en("cancel my booking", "please cancel the booking I made"),
            None
        );
        assert_eq!(en("cancel my booking", "cancel my bookings"), Some(PHRASE));
        assert_eq!(en("urgent", "it's urgently needed"), Some(PHRASE));
        assert_eq!(en("urgent", "not very urgnt"), Some(ONE_EDIT));
    }

    #[test]
    fn the_longer_phrase_wins_a_tie() {
        let s = Stemmer::new(Lang::Ru);
        let triggers = [Phrase::new("запись", s), Phrase::new("отменить запись", s)];
        let (i, m) = best(&triggers, &Message::new("хочу отменить запись", s)).unwrap();
        assert_eq!((i, m.words), (1, 2));
    }
}
