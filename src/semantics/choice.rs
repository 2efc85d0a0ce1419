//! Buttons and list options (docs/bot-runtime.md, "Buttons and options"): a choice matches
//! when the whole message is its text, one of the words the config lists for it, an option's
//! id, or its 1-based number — never when it only appears inside a longer message, so
//! «не согласен» never presses «Согласен». Scored 1.0.

use super::message::Message;
use super::normalize::normalize;
use super::stem::Stemmer;
use super::word::Word;

/// One button or list row, ready for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its text, then each listed alternative, each as words.
    says: Vec<Vec<Word>>,
}

impl Choice {
    /// A button: its text and the words the config lists for it (`buttons[].words`).
    pub fn button(text: &str, words: &[String], stemmer: Stemmer) -> Self {
        let says = std::iter::once(text)
            .chain(words.iter().map(String::as_str))
            .map(|t| to_words(t, stemmer))
            .filter(|w| !w.is_empty())
            .collect();
        Self { says }
    }

    /// A list row: its id (the value it puts into the slot) and its title. A title cut to
    /// the channel's limit («Консультация стоматолог…») matches as shown.
    pub fn option(id: &str, title: &str, stemmer: Stemmer) -> Self {
        Self::button(title, &[id.to_owned()], stemmer)
    }

    fn said_by(&self, message: &Message) -> bool {
        self.says.iter().any(|w| message.says_exactly(w))
    }
}

fn to_words(text: &str, stemmer: Stemmer) -> Vec<Word> {
    normalize(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| Word::new(w, stemmer))
        .collect()
}

/// The choice `message` picks among `choices`, numbered from 1 in the order shown (a step's
/// buttons first, then its list rows). Two choices said by the same message pick neither:
/// the bot cannot tell which was meant.
pub fn pick(choices: &[Choice], message: &Message) -> Option<usize> {
    pick_among(choices.iter(), message)
}

/// [`pick`] over choices held elsewhere (a step's rows inside their slot entries), without
/// copying them.
pub fn pick_among<'c>(
    choices: impl ExactSizeIterator<Item = &'c Choice>,
    message: &Message,
) -> Option<usize> {
    if let Some(n) = message.number() {
        return (1..=choices.len()).contains(&n).then(|| n - 1);
    }
    let mut said = choices.enumerate().filter(|(_, c)| c.said_by(message));
    match (said.next(), said.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::enums::Lang;

    fn consent(s: Stemmer) -> Vec<Choice> {
        let agree: Vec<String> = ["да", "согласен", "согласна", "я согласен"]
            .map(String::from)
            .to_vec();
        let decline: Vec<String> = ["нет", "не согласен", "отказываюсь"]
            .map(String::from)
            .to_vec();
        vec![
            Choice::button("Даю согласие", &agree, s),
            Choice::button("Отказаться", &decline, s),
        ]
    }

    #[test]
    fn a_button_answers_to_its_text_its_number_and_its_words() {
        let s = Stemmer::new(Lang::Ru);
        let c = consent(s);
        let pick = |m: &str| pick(&c, &Message::new(m, s));
        assert_eq!(pick("Даю согласие"), Some(0));
        assert_eq!(pick("даю согласие!"), Some(0));
        assert_eq!(pick("1"), Some(0));
        assert_eq!(pick("2."), Some(1));
        assert_eq!(pick("Да"), Some(0));
        assert_eq!(pick("Согласна"), Some(0));
        assert_eq!(pick("нет"), Some(1));
        assert_eq!(pick("Не согласен"), Some(1));
    }

    #[test]
    fn a_button_is_never_pressed_from_inside_a_longer_message() {
        let s = Stemmer::new(Lang::Ru);
        let c = consent(s);
        let pick = |m: &str| pick(&c, &Message::new(m, s));
        assert_eq!(pick("да, но сначала вопрос"), None);
        assert_eq!(pick("3"), None);
        assert_eq!(pick("0"), None);
    }

    #[test]
    fn an_option_answers_to_its_id_and_its_cut_title() {
        let s = Stemmer::new(Lang::Ru);
        let rows = vec![
            Choice::option("consultation", "Консультация стоматолог…", s),
            Choice::option("implant-consultation", "Консультация имплантоло…", s),
        ];
        let pick = |m: &str| pick(&rows, &Message::new(m, s));
        assert_eq!(pick("консультация стоматолога"), Some(0));
        assert_eq!(pick("implant-consultation"), Some(1));
        assert_eq!(pick("2"), Some(1));
        assert_eq!(pick("консультация"), None);
    }

    #[test]
    fn the_same_words_on_two_buttons_pick_neither() {
        let s = Stemmer::new(Lang::Ru);
        let c = vec![
            Choice::button("Да", &[], s),
            Choice::button("Да, свяжитесь", &["да".to_owned()], s),
        ];
        assert_eq!(pick(&c, &Message::new("да", s)), None);
        assert_eq!(pick(&c, &Message::new("да свяжитесь", s)), Some(1));
    }
}
