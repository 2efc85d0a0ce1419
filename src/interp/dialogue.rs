//! One client's dialogue with the bot: the state between messages (where it waits, the
//! slots, consent, the branch's condition, the turns without progress, the booking, the
//! record in the CRM, what is scheduled) and the entry points — a message, a button, the
//! clock moving on. Which rule applies to a message is `semantics::order`'s; what follows
//! from it is in [`super::steps`] and [`super::effects`].

use std::borrow::Cow;

use chrono::{DateTime, Duration};
use chrono_tz::Tz;

use super::bot::Bot;
use super::turn::{Input, Scheduled, ScheduledKind, Sent, Turn};
use crate::i18n::{Text, t};
use crate::model::bot_v2::{Ask, Button};
use crate::model::enums::Slot;
use crate::semantics::conditions::HandoffReason;
use crate::semantics::conditions::night::{Presence, presence};
use crate::semantics::conditions::nps::{self, NpsGroup};
use crate::semantics::conditions::turns::{Turn as TurnCount, Turns};
use crate::semantics::order::{self, Awaited, Outcome, Rules, Waiting};
use crate::semantics::slots::{Offered, SlotContext, SlotValue};
use crate::semantics::{Choice, Message};

/// Consent to the purposes that rest on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentState {
    Unasked,
    Given,
    Refused,
}

impl ConsentState {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentState::Unasked => "unasked",
            ConsentState::Given => "given",
            ConsentState::Refused => "refused",
        }
    }
}

/// A booked visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub service: String,
    pub at: DateTime<Tz>,
    /// Accepted upsells' service ids.
    pub upsells: Vec<String>,
    /// How many times it was moved.
    pub moves: u32,
    pub cancelled: bool,
}

/// The state before the first message (a scenario's `given`).
#[derive(Debug, Clone, Default)]
pub struct Given {
    /// Consent given (true) or refused (false) in an earlier dialogue.
    pub consent: Option<bool>,
    pub name: Option<String>,
    pub phone: Option<String>,
    /// A visit booked earlier: its record is in the CRM, found by the phone.
    pub visit: Option<(String, DateTime<Tz>)>,
    /// How many times that visit was already moved.
    pub moves: u32,
}

/// Where the dialogue waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wait {
    Nothing,
    Greeting,
    /// A step of a branch (its buttons, rows, slot or consent).
    Step {
        branch: usize,
        step: usize,
    },
    /// Consent asked with the greeting (`moment: first_message`).
    ConsentFirst,
    /// A reminder's buttons, by its offset.
    Reminder(u64),
    Nps,
}

/// Where the dialogue waits, as the matcher reads it: the buttons shown, every choice
/// (the buttons, then the rows), the rows as the `service` slot reads them, the value
/// awaited and the branch of the step.
struct Waits<'b> {
    buttons: &'b [Button],
    choices: Cow<'b, [Choice]>,
    offered: &'b [Offered],
    awaited: Option<Awaited>,
    branch: Option<usize>,
}

/// The client's record in the virtual CRM.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub id: u32,
    pub fields: Vec<(String, String)>,
    pub stage: String,
    pub tags: Vec<String>,
}

/// One dialogue on the virtual clock.
#[derive(Debug)]
pub struct Dialogue<'b> {
    pub(super) bot: &'b Bot,
    pub(super) now: DateTime<Tz>,
    pub(super) channel: String,
    pub(super) started: bool,
    pub(super) slots: Vec<(Slot, SlotValue)>,
    pub(super) consent: ConsentState,
    pub(super) wait: Wait,
    pub(super) branch: Option<usize>,
    /// The 0-based step last said.
    pub(super) step: Option<usize>,
    pub(super) condition: Option<String>,
    /// A branch a first message asked for while consent is asked with the greeting.
    pub(super) pending: Option<usize>,
    pub(super) turns: Turns,
    pub(super) handed_over: Option<HandoffReason>,
    pub(super) visit: Option<Visit>,
    pub(super) upsells: Vec<String>,
    pub(super) record: Option<Record>,
    pub(super) scheduled: Vec<(Scheduled, bool)>,
    pub(super) tasks: u32,
    pub(super) cur: Turn,
    pub(super) progress: bool,
    history: Vec<Turn>,
}

impl<'b> Dialogue<'b> {
    pub fn new(bot: &'b Bot, now: DateTime<Tz>, channel: &str, given: &Given) -> Self {
        let mut d = Self {
            bot,
            now,
            channel: channel.to_owned(),
            started: false,
            slots: Vec::new(),
            consent: match given.consent {
                Some(true) => ConsentState::Given,
                Some(false) => ConsentState::Refused,
                None => ConsentState::Unasked,
            },
            wait: Wait::Nothing,
            branch: None,
            step: None,
            condition: None,
            pending: None,
            turns: Turns::default(),
            handed_over: None,
            visit: None,
            upsells: Vec::new(),
            record: None,
            scheduled: Vec::new(),
            tasks: 0,
            cur: Turn::default(),
            progress: false,
            history: Vec::new(),
        };
        if let Some(n) = &given.name {
            d.slots.push((Slot::Name, SlotValue::Name(n.clone())));
        }
        if let Some(p) = &given.phone
            && let Ok(p) = crate::semantics::slots::phone::read(p)
        {
            d.slots.push((Slot::Phone, SlotValue::Phone(p)));
        }
        if let Some((service, at)) = &given.visit {
            d.slots
                .push((Slot::Service, SlotValue::Service(service.clone())));
            d.slots.push((Slot::PreferredTime, SlotValue::Time(*at)));
            d.visit = Some(Visit {
                service: service.clone(),
                at: *at,
                upsells: Vec::new(),
                moves: given.moves,
                cancelled: false,
            });
            let stage = bot.config.crm.stages.booked.clone();
            d.record = Some(Record {
                id: 1,
                stage,
                ..Record::default()
            });
            d.plan_visit();
            d.cur = Turn::default();
        }
        d
    }

    pub fn now(&self) -> DateTime<Tz> {
        self.now
    }

    pub fn bot(&self) -> &Bot {
        self.bot
    }

    pub fn channel(&self) -> &str {
        &self.channel
    }

    pub fn history(&self) -> &[Turn] {
        &self.history
    }

    pub fn consent(&self) -> ConsentState {
        self.consent
    }

    pub fn handed_over(&self) -> Option<HandoffReason> {
        self.handed_over
    }

    pub fn record(&self) -> Option<&Record> {
        self.record.as_ref()
    }

    pub fn visit(&self) -> Option<&Visit> {
        self.visit.as_ref()
    }

    /// Everything scheduled, with whether it went out.
    pub fn scheduled(&self) -> &[(Scheduled, bool)] {
        &self.scheduled
    }

    /// Filled slots, as kept.
    pub fn slot_values(&self) -> Vec<(String, String)> {
        self.slots
            .iter()
            .map(|(s, v)| (s.as_str().to_owned(), self.show(v)))
            .collect()
    }

    pub fn condition(&self) -> Option<&str> {
        self.condition.as_deref()
    }

    pub fn branch_id(&self) -> Option<&str> {
        self.branch.map(|b| self.bot.config.branches[b].id.as_str())
    }

    /// The buttons of where the dialogue waits, with what each chooses.
    pub fn waiting_buttons(&self) -> &'b [Button] {
        self.waiting_parts().buttons
    }

    /// Sets the clock without anything firing (`/time`, a scenario's `now`).
    pub fn set_time(&mut self, at: DateTime<Tz>) {
        self.now = at;
    }

    /// A typed message.
    pub fn user(&mut self, text: &str, confidence: Option<f64>) -> &Turn {
        self.begin(Input::User {
            text: text.to_owned(),
            confidence,
        });
        self.message(text, confidence);
        self.end()
    }

    /// A button pressed: by its text or its 1-based number, as the client's app sends it.
    pub fn button(&mut self, which: &str) -> &Turn {
        self.begin(Input::Button(which.to_owned()));
        self.message(which, None);
        self.end()
    }

    /// The clock moves on by `secs`; what is due in between goes out.
    pub fn advance(&mut self, secs: u64) -> &Turn {
        self.begin(Input::Advance(secs));
        let target = self.now + Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 4));
        loop {
            let next = self
                .scheduled
                .iter()
                .enumerate()
                .filter(|(_, (s, fired))| !fired && s.skipped.is_none() && s.at <= target)
                .min_by_key(|(i, (s, _))| (s.at, *i))
                .map(|(i, _)| i);
            let Some(i) = next else { break };
            self.scheduled[i].1 = true;
            let s = self.scheduled[i].0.clone();
            self.now = s.at;
            self.fire(&s);
        }
        self.now = target;
        self.end()
    }

    fn begin(&mut self, input: Input) {
        self.cur = Turn {
            input: Some(input),
            at: self.now.format("%Y-%m-%dT%H:%M:%S").to_string(),
            ..Turn::default()
        };
        self.progress = false;
    }

    fn end(&mut self) -> &Turn {
        let mut t = std::mem::take(&mut self.cur);
        if let Wait::Step { branch, step } = self.wait
            && let Some(s) = self.bot.step(branch, step)
        {
            t.ask = s.ask.map(|a| ask_name(a).to_owned());
        }
        if matches!(self.wait, Wait::ConsentFirst) {
            t.ask = Some("consent".into());
        }
        t.asked.extend(t.ask.iter().cloned());
        t.branch = self.branch_id().map(str::to_owned);
        t.step = self.step.map(|s| s + 1);
        t.when.clone_from(&self.condition);
        self.consent.as_str().clone_into(&mut t.consent);
        self.history.push(t);
        self.history.last().expect("just pushed")
    }

    /// A message goes out: said, with the buttons and rows of what it waits on.
    pub(super) fn say(&mut self, text: &str) {
        if !text.is_empty() {
            let filled = self.fill_client(text);
            self.cur.says.push(filled);
        }
    }

    pub(super) fn why(&mut self, line: Text) {
        self.cur.why.push(line);
    }

    /// Shows these buttons and rows as the ones the dialogue now waits on.
    pub(super) fn offer(&mut self, buttons: Vec<String>, rows: Vec<(String, String)>) {
        self.cur.buttons = buttons;
        self.cur.options = rows.iter().map(|(id, _)| id.clone()).collect();
        self.cur.option_titles = rows.into_iter().map(|(_, t)| t).collect();
    }

    fn message(&mut self, text: &str, confidence: Option<f64>) {
        if let Some(r) = self.handed_over {
            let r = r.as_str();
            self.why(t!(
                "the dialogue is with a person since the hand-off ({r}): the bot does not answer",
                "после передачи ({r}) диалог ведёт сотрудник: бот не отвечает"
            ));
            return;
        }
        let cfg = &self.bot.config;
        let at_night = presence(self.now, &self.bot.hours, cfg.night_mode);
        if at_night == Presence::Closed {
            self.why(t!(
                "outside working hours and night_mode is off: the message waits for the opening",
                "нерабочее время, а night_mode выключен: сообщение ждёт открытия"
            ));
            return;
        }
        let first = !self.started;
        if first {
            self.started = true;
            let greeting = if at_night == Presence::Night {
                cfg.greeting.after_hours.clone()
            } else {
                cfg.greeting.say.clone()
            };
            self.say(&greeting);
            self.wait = Wait::Greeting;
            let buttons = cfg
                .greeting
                .buttons
                .iter()
                .map(|b| b.text.clone())
                .collect();
            self.offer(buttons, Vec::new());
        }
        let m = Message::new(text, self.bot.stemmer);
        if self.wait == Wait::Nps {
            self.nps_reply(&m);
            return;
        }
        let outcome = self.evaluate(&m, confidence);
        self.cur.confidence = confidence.unwrap_or_else(|| outcome.confidence());
        if first && matches!(outcome, Outcome::LowConfidence { .. }) && self.cur.confidence == 0.0 {
            self.why(t!(
                "a first message that asks for nothing: the greeting answers it",
                "первое сообщение ни о чём не просит: на него отвечает приветствие"
            ));
            self.ask_consent_first();
            return;
        }
        if first && cfg.consent.moment == "first_message" && self.consent == ConsentState::Unasked {
            if let Outcome::Trigger { branch, .. } = outcome {
                self.pending = Some(branch);
            }
            if !matches!(outcome, Outcome::Escalate { .. }) {
                self.ask_consent_first();
                return;
            }
        }
        self.apply(outcome);
    }

    fn ask_consent_first(&mut self) {
        let cfg = &self.bot.config;
        if cfg.consent.moment == "first_message" && self.consent == ConsentState::Unasked {
            let text = cfg.consent.text.clone();
            let buttons = cfg.consent.buttons.iter().map(|b| b.text.clone()).collect();
            self.say(&text);
            self.offer(buttons, Vec::new());
            self.wait = Wait::ConsentFirst;
        }
    }

    /// The rule that applies, with a model's score standing in for the reference one.
    fn evaluate(&mut self, m: &Message, confidence: Option<f64>) -> Outcome {
        let bot = self.bot;
        let cfg = &bot.config;
        let w = self.waiting_parts();
        let (rows, awaited) = (w.offered, w.awaited);
        let waiting = Waiting {
            choices: &w.choices,
            awaited,
            branch: w.branch,
        };
        let rules = Rules {
            keywords: &bot.keywords,
            triggers: &bot.triggers,
            min_confidence: cfg.limits.min_confidence,
        };
        let visit_minutes = u32::try_from(self.visit_seconds() / 60).unwrap_or(u32::MAX);
        let cx = SlotContext {
            now: self.now,
            hours: &bot.hours,
            catalogue: &bot.catalogue,
            offered: rows,
            visit_minutes,
        };
        let outcome = order::evaluate(m, &waiting, &rules, Some(&cx));
        match (confidence, &outcome) {
            (
                Some(c),
                Outcome::Escalate { .. } | Outcome::Trigger { .. } | Outcome::Chose { .. },
            ) if c < cfg.limits.min_confidence => {
                let min = cfg.limits.min_confidence;
                self.why(t!(
                    "the score {c} is below min_confidence {min}: the match does not apply",
                    "оценка {c} ниже min_confidence {min}: совпадение не применяется"
                ));
                if awaited.is_some() {
                    Outcome::ReAsk { error: None }
                } else {
                    Outcome::LowConfidence { best: c }
                }
            }
            _ => outcome,
        }
    }

    /// Where the dialogue waits, as the matcher reads it, from what the bot made ready.
    fn waiting_parts(&self) -> Waits<'b> {
        let bot: &'b Bot = self.bot;
        let cfg = &bot.config;
        let nothing = Waits {
            buttons: &[],
            choices: Cow::Borrowed(&[]),
            offered: &[],
            awaited: None,
            branch: None,
        };
        match self.wait {
            Wait::Nothing | Wait::Nps => nothing,
            Wait::Greeting => Waits {
                buttons: &cfg.greeting.buttons,
                choices: Cow::Borrowed(&bot.greeting_choices),
                ..nothing
            },
            Wait::ConsentFirst => Waits {
                buttons: &cfg.consent.buttons,
                choices: Cow::Borrowed(&bot.consent_choices),
                awaited: Some(Awaited::Consent),
                ..nothing
            },
            Wait::Reminder(o) => match cfg.reminders.texts.iter().position(|t| t.offset_s == o) {
                Some(i) => Waits {
                    buttons: &cfg.reminders.texts[i].buttons,
                    choices: Cow::Borrowed(&bot.reminder_choices[i]),
                    ..nothing
                },
                None => nothing,
            },
            Wait::Step { branch, step } => {
                let (Some(s), Some(ready)) =
                    (bot.step(branch, step), bot.step_choices(branch, step))
                else {
                    return nothing;
                };
                match s.ask {
                    Some(Ask::Consent) => Waits {
                        buttons: &cfg.consent.buttons,
                        choices: Cow::Borrowed(&bot.consent_choices),
                        awaited: Some(Awaited::Consent),
                        branch: Some(branch),
                        ..nothing
                    },
                    ask => {
                        let awaited = ask.map(|a| Awaited::Slot(slot_of(a)));
                        let upsell = self
                            .upsell_offer_index(s)
                            .filter(|i| !cfg.upsell.offers[*i].buttons.is_empty());
                        let (buttons, choices) = match upsell {
                            // The offer's buttons stand in for the step's, before its rows.
                            Some(i) => {
                                let own = &bot.upsell_choices[i];
                                let choices = if ready.offered.is_empty() {
                                    Cow::Borrowed(own.as_slice())
                                } else {
                                    let rows = ready.offered.iter().map(|o| o.choice.clone());
                                    Cow::Owned(own.iter().cloned().chain(rows).collect())
                                };
                                (cfg.upsell.offers[i].buttons.as_slice(), choices)
                            }
                            None => (
                                s.buttons.as_slice(),
                                Cow::Borrowed(ready.choices.as_slice()),
                            ),
                        };
                        Waits {
                            buttons,
                            choices,
                            offered: &ready.offered,
                            awaited,
                            branch: Some(branch),
                        }
                    }
                }
            }
        }
    }

    fn apply(&mut self, outcome: Outcome) {
        let bot = self.bot;
        match outcome {
            Outcome::Escalate { keyword, .. } => {
                let k = bot.keywords[keyword].text().to_owned();
                self.why(t!(
                    "escalation keyword «{k}»: hand over (keyword)",
                    "ключевое слово эскалации «{k}»: передача сотруднику (keyword)"
                ));
                self.handoff(HandoffReason::Keyword, None);
            }
            Outcome::Trigger { branch, phrase, .. } => {
                let t = &bot.triggers[branch];
                let p = t.phrases[phrase].text().to_owned();
                let branch_id = &t.branch;
                self.why(t!(
                    "trigger «{p}» starts the branch {branch_id}",
                    "фраза «{p}» начинает ветку {branch_id}"
                ));
                self.turns.reply(true, bot.config.limits.max_bot_turns);
                self.progress = true;
                self.start_branch(branch, None);
            }
            Outcome::Chose { index } => {
                self.turns.reply(true, bot.config.limits.max_bot_turns);
                self.progress = true;
                self.chose(index);
            }
            Outcome::Filled(v) => {
                self.turns.reply(true, bot.config.limits.max_bot_turns);
                self.progress = true;
                self.filled(v);
            }
            Outcome::ReAsk { error } => {
                if self.turns.reply(false, bot.config.limits.max_bot_turns) == TurnCount::HandOver {
                    let max = bot.config.limits.max_bot_turns;
                    self.why(t!(
                        "reply {max} in a row without progress: a hand-off instead",
                        "{max}-й ответ подряд без продвижения: вместо него передача сотруднику"
                    ));
                    self.handoff(HandoffReason::MaxBotTurns, None);
                    return;
                }
                self.re_ask(error.as_ref());
            }
            Outcome::LowConfidence { best } => {
                let (best, min) = (format!("{best:.2}"), bot.config.limits.min_confidence);
                self.why(t!(
                    "nothing applies (best score {best} < {min}), and no step waits: the fallback",
                    "ничего не подходит (лучшая оценка {best} < {min}), и ни один шаг не ждёт ответа: fallback"
                ));
                let say = bot.config.fallback.say.clone();
                if bot.config.fallback.handoff {
                    self.handoff(HandoffReason::LowConfidence, None);
                } else {
                    if self.turns.reply(false, bot.config.limits.max_bot_turns)
                        == TurnCount::HandOver
                    {
                        self.handoff(HandoffReason::MaxBotTurns, None);
                        return;
                    }
                    self.say(&say);
                }
            }
        }
    }

    fn nps_reply(&mut self, m: &Message) {
        let bot = self.bot;
        let n = &bot.config.nps;
        let rules = Rules {
            keywords: &bot.keywords,
            triggers: &[],
            min_confidence: bot.config.limits.min_confidence,
        };
        if let Outcome::Escalate { keyword, .. } =
            order::evaluate(m, &Waiting::default(), &rules, None)
        {
            let k = bot.keywords[keyword].text().to_owned();
            self.why(t!(
                "escalation keyword «{k}»: hand over (keyword)",
                "ключевое слово эскалации «{k}»: передача сотруднику (keyword)"
            ));
            self.handoff(HandoffReason::Keyword, None);
            return;
        }
        let Some(score) = nps::score(m, n.scale_min, n.scale_max) else {
            let (lo, hi) = (n.scale_min, n.scale_max);
            self.why(t!(
                "not a whole score from {lo} to {hi}: the question again",
                "не целая оценка от {lo} до {hi}: вопрос ещё раз"
            ));
            if self.turns.reply(false, bot.config.limits.max_bot_turns) == TurnCount::HandOver {
                self.handoff(HandoffReason::MaxBotTurns, None);
                return;
            }
            let say = n.say.clone();
            self.say(&say);
            return;
        };
        self.progress = true;
        self.turns.reply(true, bot.config.limits.max_bot_turns);
        self.cur.confidence = 1.0;
        self.cur.slots.push(("nps".into(), score.to_string()));
        self.wait = Wait::Nothing;
        match nps::group(score, n.detractor_max, n.promoter_min) {
            NpsGroup::Detractor => {
                let max = n.detractor_max;
                self.why(t!(
                    "score {score} ≤ detractor_max {max}: hand over (nps_detractor)",
                    "оценка {score} ≤ detractor_max {max}: передача сотруднику (nps_detractor)"
                ));
                self.handoff(HandoffReason::NpsDetractor, None);
            }
            NpsGroup::Passive => {
                self.why(t!("score {score}: passive", "оценка {score}: нейтральная"));
                let say = n.passive.clone();
                self.say(&say);
            }
            NpsGroup::Promoter => {
                let min = n.promoter_min;
                self.why(t!(
                    "score {score} ≥ promoter_min {min}",
                    "оценка {score} ≥ promoter_min {min}"
                ));
                let say = n.promoter.clone();
                self.say(&say);
            }
        }
    }

    fn fire(&mut self, s: &Scheduled) {
        let bot = self.bot;
        if self.visit.as_ref().is_some_and(|v| v.cancelled) {
            return;
        }
        // A message the bot writes first opens a new exchange: the bot answers its buttons.
        self.handed_over = None;
        self.started = true;
        self.turns = Turns::default();
        let (say, buttons) = match s.kind {
            ScheduledKind::Reminder(o) => {
                let Some(t) = bot.config.reminders.texts.iter().find(|t| t.offset_s == o) else {
                    return;
                };
                self.wait = Wait::Reminder(o);
                (
                    t.say.clone(),
                    t.buttons.iter().map(|b| b.text.clone()).collect(),
                )
            }
            ScheduledKind::Nps => {
                self.wait = Wait::Nps;
                (bot.config.nps.say.clone(), Vec::new())
            }
        };
        let say = self.fill_client(&say);
        self.cur.buttons.clone_from(&buttons);
        self.cur.sent.push(Sent {
            kind: s.kind,
            at: s.at,
            say,
            buttons,
        });
    }

    /// Seconds the chosen service and the accepted upsells take.
    pub(super) fn visit_seconds(&self) -> u64 {
        let service = self.slot(Slot::Service).and_then(|v| match v {
            SlotValue::Service(s) => Some(s.clone()),
            _ => None,
        });
        let ids = service.iter().chain(self.upsells.iter());
        ids.filter_map(|id| self.bot.catalogue.get(id))
            .map(|s| s.duration_s)
            .sum()
    }

    pub(super) fn slot(&self, slot: Slot) -> Option<&SlotValue> {
        self.slots.iter().find(|(s, _)| *s == slot).map(|(_, v)| v)
    }

    pub(super) fn set_slot(&mut self, slot: Slot, v: SlotValue) {
        let shown = self.show(&v);
        self.cur.slots.push((slot.as_str().to_owned(), shown));
        match self.slots.iter_mut().find(|(s, _)| *s == slot) {
            Some(e) => e.1 = v,
            None => self.slots.push((slot, v)),
        }
    }

    /// A slot's value as a scenario writes it.
    #[allow(clippy::unused_self)] // a method, so every caller reads `self.show(v)`
    pub(super) fn show(&self, v: &SlotValue) -> String {
        match v {
            SlotValue::Name(s)
            | SlotValue::Email(s)
            | SlotValue::Service(s)
            | SlotValue::Comment(s) => s.clone(),
            SlotValue::Phone(p) => p.e164().to_owned(),
            SlotValue::Time(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }
}

pub(super) fn slot_of(a: Ask) -> Slot {
    match a {
        Ask::Name => Slot::Name,
        Ask::Phone => Slot::Phone,
        Ask::Email => Slot::Email,
        Ask::Service => Slot::Service,
        Ask::PreferredTime => Slot::PreferredTime,
        Ask::Comment => Slot::Comment,
        // Consent is answered by buttons, never read as a slot.
        Ask::Consent => Slot::ConsentVersion,
    }
}

pub fn ask_name(a: Ask) -> &'static str {
    match a {
        Ask::Consent => "consent",
        other => slot_of(other).as_str(),
    }
}
