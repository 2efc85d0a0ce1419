//! The order in which one client message is read (docs/bot-runtime.md, "Order of
//! evaluation"). The first that applies wins:
//!
//! 1. an escalation keyword, in any state — before consent too: hand over (`keyword`);
//! 2. a button or list option of the step the dialogue waits on;
//! 3. a value of the slot that step waits on;
//! 4. a branch trigger: start that branch, keeping the slots and consent already given;
//! 5. otherwise, while a step waits on a slot or on consent, that step is asked again (a
//!    reply without progress); with nothing to wait on, low confidence: the fallback.
//!
//! A match whose score is below `min_confidence` does not apply. This module decides which
//! rule applies; what the bot then says and does is the interpreter's, so the function
//! takes a small view of the step and the config, not the config's JSON.

use crate::model::enums::Slot;

use super::choice::{self, Choice};
use super::confidence::{CHOICE, NOTHING};
use super::message::Message;
use super::phrase::{self, Phrase, PhraseMatch};
use super::slots::{self, SlotContext, SlotError, SlotValue};

/// What the step the dialogue waits on asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Awaited {
    Slot(Slot),
    /// The consent step: answered by its buttons (or their words); anything else re-asks.
    Consent,
}

/// The step the dialogue waits on, as the order needs it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Waiting<'a> {
    /// Its buttons, then its list rows, in the order shown (numbers count from 1 over both).
    pub choices: &'a [Choice],
    pub awaited: Option<Awaited>,
    /// The branch the step belongs to: its own triggers do not start it again meanwhile.
    pub branch: Option<usize>,
}

/// One branch's triggers, in the config's order of branches.
#[derive(Debug, Clone)]
pub struct BranchTriggers {
    pub branch: String,
    pub phrases: Vec<Phrase>,
}

/// The phrases that apply in every state, and the threshold.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    pub keywords: &'a [Phrase],
    pub triggers: &'a [BranchTriggers],
    /// `limits.min_confidence`.
    pub min_confidence: f64,
}

/// Which rule applied to the message.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Escalation keyword `keyword` (index into `Rules::keywords`): hand over, reason
    /// `keyword`.
    Escalate { keyword: usize, confidence: f64 },
    /// Choice `index` of the step (buttons first, then rows).
    Chose { index: usize },
    /// The slot's value.
    Filled(SlotValue),
    /// Trigger `phrase` of branch `branch` (indexes into `Rules::triggers`).
    Trigger {
        branch: usize,
        phrase: usize,
        confidence: f64,
    },
    /// The waited step is asked again; `error` says why the value did not read, when the
    /// step waits on a slot.
    ReAsk { error: Option<SlotError> },
    /// Nothing applied while nothing was awaited: the fallback, hand over
    /// (`low_confidence`). `best` is the best score seen, under the threshold.
    LowConfidence { best: f64 },
}

impl Outcome {
    /// Progress (docs/bot-runtime.md, "Turns"): a slot filled, a button or option chosen, a
    /// branch started. A hand-off ends the bot's turns anyway; a re-ask is no progress.
    pub fn is_progress(&self) -> bool {
        matches!(
            self,
            Outcome::Chose { .. } | Outcome::Filled(_) | Outcome::Trigger { .. }
        )
    }

    /// The reference score of what applied.
    pub fn confidence(&self) -> f64 {
        match self {
            Outcome::Escalate { confidence, .. } | Outcome::Trigger { confidence, .. } => {
                *confidence
            }
            Outcome::Chose { .. } | Outcome::Filled(_) => CHOICE,
            Outcome::ReAsk { .. } => NOTHING,
            Outcome::LowConfidence { best } => *best,
        }
    }
}

/// The rule that applies to `message` at `waiting`. `slot_cx` is needed when the step
/// waits on a slot.
pub fn evaluate(
    message: &Message,
    waiting: &Waiting<'_>,
    rules: &Rules<'_>,
    slot_cx: Option<&SlotContext<'_>>,
) -> Outcome {
    let enough = |m: PhraseMatch| m.confidence() >= rules.min_confidence;
    let mut best_seen = NOTHING;

    if let Some((keyword, m)) = phrase::best(rules.keywords, message) {
        if enough(m) {
            return Outcome::Escalate {
                keyword,
                confidence: m.confidence(),
            };
        }
        best_seen = best_seen.max(m.confidence());
    }

    if let Some(index) = choice::pick(waiting.choices, message) {
        return Outcome::Chose { index };
    }

    let mut slot_error = None;
    if let (Some(Awaited::Slot(slot)), Some(cx)) = (waiting.awaited, slot_cx) {
        match slots::read(slot, message, cx) {
            Ok(v) => return Outcome::Filled(v),
            Err(e) => slot_error = Some(e),
        }
    }

    let mut trigger: Option<(usize, usize, PhraseMatch)> = None;
    for (b, t) in rules.triggers.iter().enumerate() {
        if waiting.awaited.is_some() && waiting.branch == Some(b) {
            continue;
        }
        if let Some((p, m)) = phrase::best(&t.phrases, message)
            && trigger.is_none_or(|(_, _, f)| m.beats(f))
        {
            trigger = Some((b, p, m));
        }
    }
    if let Some((branch, phrase, m)) = trigger {
        if enough(m) {
            return Outcome::Trigger {
                branch,
                phrase,
                confidence: m.confidence(),
            };
        }
        best_seen = best_seen.max(m.confidence());
    }

    if waiting.awaited.is_some() {
        Outcome::ReAsk { error: slot_error }
    } else {
        Outcome::LowConfidence { best: best_seen }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::enums::Lang;
    use crate::semantics::confidence::{ONE_EDIT, PHRASE};
    use crate::semantics::hours::OpeningHours;
    use crate::semantics::slots::Catalogue;
    use crate::semantics::stem::Stemmer;

    struct Fixture {
        s: Stemmer,
        keywords: Vec<Phrase>,
        triggers: Vec<BranchTriggers>,
        consent: Vec<Choice>,
        hours: OpeningHours,
        catalogue: Catalogue,
    }

    fn fixture() -> Fixture {
        let s = Stemmer::new(Lang::Ru);
        let phrases = |l: &[&str]| l.iter().map(|p| Phrase::new(p, s)).collect::<Vec<_>>();
        Fixture {
            s,
            keywords: phrases(&["жалоба", "претензия", "возврат", "срочно"]),
            triggers: vec![
                BranchTriggers {
                    branch: "booking".into(),
                    phrases: phrases(&["записаться", "хочу записаться", "запишите меня"]),
                },
                BranchTriggers {
                    branch: "cancel".into(),
                    phrases: phrases(&["отменить запись", "не смогу прийти"]),
                },
                BranchTriggers {
                    branch: "price".into(),
                    phrases: phrases(&["сколько стоит", "цена", "прайс", "стоимость"]),
                },
            ],
            consent: vec![
                Choice::button("Даю согласие", &["да".into(), "согласна".into()], s),
                Choice::button("Отказаться", &["нет".into()], s),
            ],
            hours: OpeningHours::parse(&["mon-fri 09:00-21:00"]).unwrap(),
            catalogue: Catalogue::new([("haircut", "Женская стрижка", 1800, 3600)], s),
        }
    }

    impl Fixture {
        fn run(&self, text: &str, waiting: Waiting<'_>) -> Outcome {
            let cx = SlotContext {
                now: chrono_tz::Asia::Omsk
                    .with_ymd_and_hms(2026, 12, 4, 15, 20, 0)
                    .unwrap(),
                hours: &self.hours,
                catalogue: &self.catalogue,
                offered: &[],
                visit_minutes: 60,
            };
            let rules = Rules {
                keywords: &self.keywords,
                triggers: &self.triggers,
                min_confidence: 0.7,
            };
            evaluate(&Message::new(text, self.s), &waiting, &rules, Some(&cx))
        }

        fn consent_step(&self) -> Waiting<'_> {
            Waiting {
                choices: &self.consent,
                awaited: Some(Awaited::Consent),
                branch: Some(0),
            }
        }
    }

    fn slot(s: Slot) -> Waiting<'static> {
        Waiting {
            choices: &[],
            awaited: Some(Awaited::Slot(s)),
            branch: Some(0),
        }
    }

    #[test]
    fn a_keyword_comes_first_even_before_consent() {
        let f = fixture();
        assert_eq!(
            f.run("хочу оставить жалобу", f.consent_step()),
            Outcome::Escalate {
                keyword: 0,
                confidence: PHRASE
            }
        );
        // Even when the message would also be a slot value.
        assert!(matches!(
            f.run("Срочно", slot(Slot::Name)),
            Outcome::Escalate { keyword: 3, .. }
        ));
        assert_eq!(
            f.run("жалаба", Waiting::default()),
            Outcome::Escalate {
                keyword: 0,
                confidence: ONE_EDIT
            }
        );
    }

    #[test]
    fn a_word_that_only_contains_a_keyword_is_no_escalation() {
        let f = fixture();
        assert!(matches!(
            f.run("это несрочно", Waiting::default()),
            Outcome::LowConfidence { .. }
        ));
    }

    #[test]
    fn a_button_of_the_waited_step_next() {
        let f = fixture();
        assert_eq!(f.run("да", f.consent_step()), Outcome::Chose { index: 0 });
        assert_eq!(f.run("2", f.consent_step()), Outcome::Chose { index: 1 });
    }

    #[test]
    fn consent_typed_another_way_is_asked_again() {
        let f = fixture();
        assert_eq!(
            f.run("ну ладно, давайте", f.consent_step()),
            Outcome::ReAsk { error: None }
        );
    }

    #[test]
    fn then_the_slot_value() {
        let f = fixture();
        assert!(matches!(
            f.run("+7 913 000-00-01", slot(Slot::Phone)),
            Outcome::Filled(SlotValue::Phone(_))
        ));
        assert!(matches!(
            f.run("в понедельник в 12:00", slot(Slot::PreferredTime)),
            Outcome::Filled(SlotValue::Time(_))
        ));
    }

    #[test]
    fn then_a_trigger_of_another_branch() {
        let f = fixture();
        assert!(matches!(
            f.run("а сколько стоит стрижка?", slot(Slot::Phone)),
            Outcome::Trigger { branch: 2, .. }
        ));
        // Only cancel matches: «запись» (stem «зап») is not «записаться» (stem «записа»).
        assert!(matches!(
            f.run("хочу отменить запись", Waiting::default()),
            Outcome::Trigger { branch: 1, .. }
        ));
    }

    #[test]
    fn the_waited_branch_does_not_start_again() {
        let f = fixture();
        assert!(matches!(
            f.run("хочу записаться", slot(Slot::Phone)),
            Outcome::ReAsk {
                error: Some(SlotError::Phone(_))
            }
        ));
        assert!(matches!(
            f.run("хочу записаться", Waiting::default()),
            Outcome::Trigger { branch: 0, .. }
        ));
    }

    #[test]
    fn otherwise_a_re_ask_or_low_confidence() {
        let f = fixture();
        assert!(matches!(
            f.run("в субботу после 12", slot(Slot::PreferredTime)),
            Outcome::ReAsk {
                error: Some(SlotError::Time(_))
            }
        ));
        assert_eq!(
            f.run("а вы работаете в воскресенье", Waiting::default()),
            Outcome::LowConfidence { best: 0.0 }
        );
    }

    #[test]
    fn a_match_under_the_threshold_does_not_apply() {
        let f = fixture();
        let rules = Rules {
            keywords: &f.keywords,
            triggers: &f.triggers,
            min_confidence: 0.8,
        };
        let m = Message::new("жалаба", f.s);
        assert_eq!(
            evaluate(&m, &Waiting::default(), &rules, None),
            Outcome::LowConfidence { best: ONE_EDIT }
        );
    }

    #[test]
    fn progress_is_a_choice_a_value_or_a_branch_started() {
        assert!(Outcome::Chose { index: 0 }.is_progress());
        assert!(!Outcome::ReAsk { error: None }.is_progress());
        assert!(!Outcome::LowConfidence { best: 0.0 }.is_progress());
    }
}
