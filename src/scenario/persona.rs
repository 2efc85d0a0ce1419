//! The client a generated scenario plays: what it answers to each question the bot asks,
//! which consent answer it gives, whether it takes an upsell, which choice it makes — so
//! a generated scenario follows the bot wherever its steps put a question.

use super::Act;
use crate::interp::{Dialogue, Turn};
use crate::model::bot_v2::Choice;

/// How the client answers consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentAnswer {
    /// Presses the agree button.
    Agree,
    /// Types «да» (the button's word).
    TypesYes,
    /// Presses the refuse button.
    Refuse,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Persona {
    pub name: String,
    pub phone: String,
    /// What it types at the service question (an option's number by default).
    pub service: String,
    /// What it types at the time question.
    pub time: String,
    pub consent: ConsentAnswer,
    pub upsell: bool,
    /// The choice it makes at a step with choice buttons.
    pub choice: Option<Choice>,
    /// At most this many answers.
    pub max_answers: usize,
}

impl Persona {
    /// The client's next input, or `None` when the dialogue rests.
    pub fn answer(&self, turn: &Turn, dialogue: &Dialogue<'_>) -> Option<Act> {
        if dialogue.handed_over().is_some() {
            return None;
        }
        let buttons = dialogue.waiting_buttons();
        let pick = |c: Choice| {
            buttons
                .iter()
                .find(|b| b.choice == Some(c))
                .map(|b| b.text.clone())
        };
        match turn.ask.as_deref() {
            Some("consent") => Some(match self.consent {
                ConsentAnswer::Agree => Act::Button(pick(Choice::Agreed)?),
                ConsentAnswer::TypesYes => Act::User(
                    if dialogue.bot().lang == crate::model::enums::Lang::Ru {
                        "да"
                    } else {
                        "yes"
                    }
                    .into(),
                ),
                ConsentAnswer::Refuse => Act::Button(pick(Choice::Declined)?),
            }),
            Some("name") => Some(Act::User(self.name.clone())),
            Some("phone") => Some(Act::User(self.phone.clone())),
            Some("service") => Some(Act::User(self.service.clone())),
            Some("preferred_time") => Some(Act::User(self.time.clone())),
            Some("email") => Some(Act::User("anna@example.ru".into())),
            Some("comment") => Some(Act::User("—".into())),
            _ if turn.buttons.is_empty() || buttons.is_empty() => None,
            _ => {
                let want = self.choice.unwrap_or(if self.upsell {
                    Choice::Agreed
                } else {
                    Choice::Declined
                });
                let chosen = pick(want)
                    .or_else(|| pick(Choice::Declined))
                    .or_else(|| buttons.first().map(|b| b.text.clone()))?;
                Some(Act::Button(chosen))
            }
        }
    }
}
