//! Running a branch's steps (docs/bot-runtime.md, "Steps and conditions"): each step said
//! in order, skipped when its `when` is not the branch's condition or its slot is already
//! filled, waiting where it asks or offers; what a button, a row or a slot value does to the
//! step the dialogue waits on.

use super::dialogue::{ConsentState, Dialogue, Wait, slot_of};
use crate::i18n::t;
use crate::model::bot_v2::{Action, Ask, Choice, StepV2, UpsellOfferV2};
use crate::model::enums::Slot;
use crate::semantics::conditions::cancel;
use crate::semantics::consent::allowed_after_refusal;
use crate::semantics::slots::{SlotError, SlotValue};

impl Dialogue<'_> {
    /// Starts branch `b` from its first step, slots and consent kept, with a choice already
    /// made when a button carried one.
    pub(super) fn start_branch(&mut self, b: usize, choice: Option<Choice>) {
        self.branch = Some(b);
        self.step = None;
        self.condition = None;
        if let Some(c) = choice {
            self.set_condition(c);
        }
        self.run_from(b, 0);
    }

    /// The branch's condition from a choice, refined by time for cancel and reschedule.
    pub(super) fn set_condition(&mut self, c: Choice) {
        let cfg = &self.bot.config;
        let urgent = cfg.escalation.urgent_cancel_within_s;
        let when = match (c, &self.visit) {
            (Choice::Agreed, _) => "agreed".to_owned(),
            (Choice::Declined, _) => "declined".to_owned(),
            (Choice::Confirm, _) => "confirm".to_owned(),
            (Choice::Cancel, Some(v)) => {
                let w = cancel::cancel(v.at, self.now, urgent, cfg.cancellation.free_until_s);
                let t = (v.at - self.now).num_seconds();
                let (free, w_name) = (cfg.cancellation.free_until_s, w.as_str());
                self.why(t!(
                    "{t} s before the visit (urgent window {urgent} s, free until {free} s): {w_name}",
                    "до визита {t} с (срочное окно {urgent} с, бесплатно до {free} с): {w_name}"
                ));
                w.as_str().to_owned()
            }
            (Choice::Reschedule, Some(v)) => {
                let w = cancel::reschedule(
                    v.at,
                    self.now,
                    urgent,
                    v.moves,
                    cfg.cancellation.reschedule_max,
                );
                let (left, moves, w_name) = ((v.at - self.now).num_seconds(), v.moves, w.as_str());
                self.why(t!(
                    "{left} s before the visit, moved {moves} times: {w_name}",
                    "до визита {left} с, переносов: {moves}: {w_name}"
                ));
                w.as_str().to_owned()
            }
            (Choice::Cancel, None) => "cancel".to_owned(),
            (Choice::Reschedule, None) => "reschedule".to_owned(),
        };
        self.condition = Some(when);
    }

    /// Says steps from `i` on until one waits, the branch ends or the dialogue is handed over.
    pub(super) fn run_from(&mut self, b: usize, mut i: usize) {
        let bot = self.bot;
        loop {
            if self.handed_over.is_some() {
                return;
            }
            let Some(step) = bot.step(b, i) else {
                self.wait = Wait::Nothing;
                return;
            };
            if let Some(w) = step.when
                && Some(when_name(w)) != self.condition.as_deref()
            {
                i += 1;
                continue;
            }
            match step.ask {
                Some(Ask::Consent) if self.consent != ConsentState::Unasked => {
                    i += 1;
                    continue;
                }
                Some(Ask::Consent) => {
                    self.mark(b, i);
                    let c = &bot.config.consent;
                    self.say(&step.say);
                    self.say(&c.text);
                    self.offer(
                        c.buttons.iter().map(|b| b.text.clone()).collect(),
                        Vec::new(),
                    );
                    self.wait = Wait::Step { branch: b, step: i };
                    return;
                }
                // The reschedule step asks for the new time even though a time is known.
                Some(a)
                    if self.slot(slot_of(a)).is_some()
                        && step.action != Some(Action::Reschedule) =>
                {
                    let (n, slot) = (i + 1, slot_of(a).as_str());
                    self.why(t!(
                        "step {n} skipped: {slot} is known",
                        "шаг {n} пропущен: {slot} уже известен"
                    ));
                    if !self.after_step(b, i) {
                        return;
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // A choice step whose choice a button already made (a reminder's «Отменить»).
            let choosing = !step.buttons.is_empty()
                && step.ask.is_none()
                && step
                    .buttons
                    .iter()
                    .all(|b| b.choice.is_some() && b.branch.is_none())
                && step
                    .buttons
                    .iter()
                    .any(|b| matches!(b.choice, Some(Choice::Cancel | Choice::Reschedule)))
                && self.condition.is_some();
            if choosing {
                i += 1;
                continue;
            }
            if step.action == Some(Action::OfferUpsell) {
                let Some(offer) = self.upsell_offer(step).cloned() else {
                    let n = i + 1;
                    self.why(t!(
                        "step {n}: no upsell for this service, skipped",
                        "шаг {n}: для этой услуги нет допродажи, пропущен"
                    ));
                    i += 1;
                    continue;
                };
                self.mark(b, i);
                self.say(&offer.say);
                let buttons = if offer.buttons.is_empty() {
                    &step.buttons
                } else {
                    &offer.buttons
                };
                self.offer(buttons.iter().map(|b| b.text.clone()).collect(), Vec::new());
                self.wait = Wait::Step { branch: b, step: i };
                return;
            }
            self.mark(b, i);
            self.say(&step.say);
            if step.ask.is_some() || !step.buttons.is_empty() || !step.options.is_empty() {
                self.show_step(step);
                self.wait = Wait::Step { branch: b, step: i };
                return;
            }
            if !self.after_step(b, i) {
                return;
            }
            if step.goto.is_some() {
                return;
            }
            i += 1;
        }
    }

    fn mark(&mut self, b: usize, i: usize) {
        self.step = Some(i);
        let id = self.bot.config.branches[b].id.clone();
        self.cur.visited.push((id, i + 1));
    }

    fn show_step(&mut self, step: &StepV2) {
        let buttons = step.buttons.iter().map(|b| b.text.clone()).collect();
        let rows = step
            .options
            .iter()
            .map(|o| (o.id.clone(), o.title.clone()))
            .collect();
        self.offer(buttons, rows);
    }

    /// The step's action and `goto`, once it is said and answered. False when the dialogue
    /// stops here (a hand-off, or a branch that `goto` replaced).
    fn after_step(&mut self, b: usize, i: usize) -> bool {
        let Some(step) = self.bot.step(b, i) else {
            return false;
        };
        if let Some(a) = step.action
            && a != Action::OfferUpsell
            && !self.act(a)
        {
            return false;
        }
        if let Some(g) = &step.goto {
            match self.bot.branch_index(g) {
                Some(to) => {
                    self.why(t!("goto {g}", "переход в ветку {g}"));
                    self.start_branch(to, None);
                }
                None => self.why(t!("goto {g}: no such branch", "goto {g}: такой ветки нет")),
            }
            return false;
        }
        true
    }

    /// The upsell the step offers for the chosen service, if any.
    pub(super) fn upsell_offer(&self, step: &StepV2) -> Option<&UpsellOfferV2> {
        self.upsell_offer_index(step)
            .map(|i| &self.bot.config.upsell.offers[i])
    }

    /// Where in the config's offers [`Self::upsell_offer`]'s offer is.
    pub(super) fn upsell_offer_index(&self, step: &StepV2) -> Option<usize> {
        if step.action != Some(Action::OfferUpsell) || !self.bot.config.upsell.enabled {
            return None;
        }
        let Some(SlotValue::Service(id)) = self.slot(Slot::Service) else {
            return None;
        };
        self.bot
            .config
            .upsell
            .offers
            .iter()
            .position(|o| &o.service == id)
    }

    /// A button or row of where the dialogue waits was chosen.
    #[allow(clippy::single_match_else)]
    pub(super) fn chose(&mut self, index: usize) {
        let bot = self.bot;
        let cfg = &bot.config;
        match self.wait {
            Wait::Greeting => {
                let b = &cfg.greeting.buttons[index];
                let text = &b.text;
                self.why(t!(
                    "greeting button «{text}»",
                    "кнопка приветствия «{text}»"
                ));
                match b.branch.as_deref().and_then(|id| bot.branch_index(id)) {
                    Some(to) => self.start_branch(to, b.choice),
                    None => self.wait = Wait::Nothing,
                }
            }
            Wait::ConsentFirst => {
                self.consent_answer(index);
                match self.pending.take() {
                    Some(b) => self.start_branch(b, None),
                    None => {
                        self.wait = Wait::Greeting;
                        let buttons = cfg
                            .greeting
                            .buttons
                            .iter()
                            .map(|b| b.text.clone())
                            .collect();
                        self.offer(buttons, Vec::new());
                    }
                }
            }
            Wait::Reminder(o) => {
                let Some(t) = cfg.reminders.texts.iter().find(|t| t.offset_s == o) else {
                    return;
                };
                let b = t.buttons[index].clone();
                let text = &b.text;
                self.why(t!(
                    "reminder button «{text}»",
                    "кнопка напоминания «{text}»"
                ));
                match (
                    b.choice,
                    b.branch.as_deref().and_then(|id| bot.branch_index(id)),
                ) {
                    (_, Some(to)) => self.start_branch(to, b.choice),
                    (Some(Choice::Confirm), None) => {
                        let step = cfg.reminders.confirmed.clone();
                        self.wait = Wait::Nothing;
                        self.say(&step.say);
                        if let Some(a) = step.action {
                            self.act(a);
                        }
                    }
                    _ => self.wait = Wait::Nothing,
                }
            }
            Wait::Step { branch, step } => self.step_chose(branch, step, index),
            Wait::Nothing | Wait::Nps => {}
        }
    }

    fn step_chose(&mut self, b: usize, i: usize, index: usize) {
        let bot = self.bot;
        let Some(step) = bot.step(b, i) else { return };
        if step.ask == Some(Ask::Consent) {
            if self.consent_answer(index) {
                self.run_from(b, i + 1);
            } else {
                self.wait = Wait::Nothing;
            }
            return;
        }
        if let Some(offer) = self.upsell_offer(step).cloned() {
            let buttons = if offer.buttons.is_empty() {
                &step.buttons
            } else {
                &offer.buttons
            };
            let agreed = buttons.get(index).and_then(|b| b.choice) == Some(Choice::Agreed);
            self.why(if agreed {
                t!("upsell accepted", "допродажа принята")
            } else {
                t!("upsell declined", "от допродажи отказались")
            });
            if agreed {
                self.upsells.clone_from(&offer.offer);
            }
            self.cur.actions.push(Action::OfferUpsell.as_str().into());
            self.run_from(b, i + 1);
            return;
        }
        let nb = step.buttons.len();
        if index < nb {
            let button = step.buttons[index].clone();
            let (n, text) = (index + 1, &button.text);
            self.why(t!("button {n} «{text}»", "кнопка {n} «{text}»"));
            if let Some(to) = button.branch.as_deref().and_then(|id| bot.branch_index(id)) {
                self.start_branch(to, button.choice);
                return;
            }
            if let Some(c) = button.choice {
                self.set_condition(c);
            }
        } else if let Some(row) = step.options.get(index - nb) {
            let (n, title) = (index + 1, &row.title);
            self.why(t!("row {n} «{title}»", "строка списка {n} «{title}»"));
            let id = row.id.clone();
            self.set_slot(Slot::Service, SlotValue::Service(id));
        }
        if self.after_step(b, i) {
            self.run_from(b, i + 1);
        }
    }

    /// Consent given or refused by button `index` of `consent.buttons`. False when the
    /// refusal ends the branch.
    fn consent_answer(&mut self, index: usize) -> bool {
        let bot = self.bot;
        let c = &bot.config.consent;
        let agreed = c.buttons.get(index).and_then(|b| b.choice) != Some(Choice::Declined);
        if agreed {
            let version = &c.version;
            self.why(t!(
                "consent given (version {version})",
                "согласие дано (версия {version})"
            ));
            self.consent = ConsentState::Given;
            return true;
        }
        self.why(t!("consent refused", "в согласии отказано"));
        self.consent = ConsentState::Refused;
        let declined = c.declined.clone();
        self.say(&declined);
        let Some(b) = self.branch else { return true };
        let purposes = bot.purposes();
        let goes_on = bot.config.branches[b]
            .steps
            .iter()
            .filter_map(|s| s.action)
            .filter(|a| !matches!(a, Action::OfferUpsell | Action::Handoff))
            .any(|a| allowed_after_refusal(a.as_str(), &purposes));
        if !goes_on {
            let id = &bot.config.branches[b].id;
            self.why(t!(
                "the branch {id} rests on consent alone: it ends here",
                "ветка {id} основана только на согласии: здесь она заканчивается"
            ));
        }
        goes_on
    }

    /// A slot value for the waited step.
    pub(super) fn filled(&mut self, v: SlotValue) {
        let Wait::Step { branch, step } = self.wait else {
            return;
        };
        let Some(s) = self.bot.step(branch, step) else {
            return;
        };
        let Some(a) = s.ask else { return };
        let slot = slot_of(a);
        let shown = self.show(&v);
        let name = slot.as_str();
        self.why(t!("{name} = {shown}", "{name} = {shown}"));
        self.set_slot(slot, v);
        if self.after_step(branch, step) {
            self.run_from(branch, step + 1);
        }
    }

    /// The waited step again, naming what is accepted when a value did not read.
    pub(super) fn re_ask(&mut self, error: Option<&SlotError>) {
        let bot = self.bot;
        self.why(match error {
            Some(e) => {
                let e = format!("{e:?}");
                t!(
                    "the value did not read ({e}): the step again",
                    "значение не распознано ({e}): шаг ещё раз"
                )
            }
            None => t!(
                "no button, value or trigger: the step again",
                "ни кнопки, ни значения, ни фразы ветки: шаг ещё раз"
            ),
        });
        match self.wait {
            Wait::Step { branch, step } => {
                let Some(s) = bot.step(branch, step) else {
                    return;
                };
                if s.ask == Some(Ask::Consent) {
                    let c = &bot.config.consent;
                    self.say(&c.text);
                    self.offer(
                        c.buttons.iter().map(|b| b.text.clone()).collect(),
                        Vec::new(),
                    );
                    return;
                }
                self.say(&s.say);
                if let Some(e) = error {
                    let hint = self.hint(e);
                    if !hint.is_empty() {
                        self.cur.says.push(hint);
                    }
                }
                self.show_step(s);
            }
            Wait::ConsentFirst => {
                let c = &bot.config.consent;
                self.say(&c.text);
                self.offer(
                    c.buttons.iter().map(|b| b.text.clone()).collect(),
                    Vec::new(),
                );
            }
            _ => {}
        }
    }

    /// What the re-ask adds: the accepted forms, or the working hours.
    fn hint(&self, e: &SlotError) -> String {
        let ru = self.bot.lang == crate::model::enums::Lang::Ru;
        // A break is closed for booking, not night: say so and offer the time it ends.
        if let SlotError::Time(crate::semantics::slots::TimeError::InBreak { from, until }) = e {
            return if ru {
                format!("С {from} до {until} у нас перерыв. Ближайшее время для записи — {until}.")
            } else {
                format!(
                    "We have a break from {from} to {until}. The nearest time to book is {until}."
                )
            };
        }
        if let SlotError::Time(
            crate::semantics::slots::TimeError::Closed { .. }
            | crate::semantics::slots::TimeError::EndsAfterClosing { .. },
        ) = e
        {
            // In the client's language: the ids (`mon`) are the config's, not a reply's.
            let hours = self.bot.hours.describe_in(self.bot.lang);
            return if ru {
                format!("Мы работаем: {hours}.")
            } else {
                format!("Our hours: {hours}.")
            };
        }
        let forms = e.accepted(self.bot.lang);
        if forms.is_empty() {
            return String::new();
        }
        let list = forms
            .iter()
            .map(|f| {
                if ru {
                    format!("«{f}»")
                } else {
                    format!("\"{f}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        if ru {
            format!("Например: {list}.")
        } else {
            format!("For example: {list}.")
        }
    }
}

pub fn when_name(w: crate::model::bot_v2::When) -> &'static str {
    use crate::model::bot_v2::When;
    match w {
        When::Agreed => "agreed",
        When::Declined => "declined",
        When::Cancel => "cancel",
        When::LateCancel => "late_cancel",
        When::UrgentCancel => "urgent_cancel",
        When::Reschedule => "reschedule",
        When::UrgentReschedule => "urgent_reschedule",
        When::RescheduleLimit => "reschedule_limit",
    }
}
