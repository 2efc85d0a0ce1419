//! Running one scenario through the interpreter: the clock set, the `given` state made,
//! each step played and checked, and the checks every scenario makes applied to every turn.

use chrono::{DateTime, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use super::expect::{Mismatch, Seen};
use super::{Act, Scenario, checks};
use crate::interp::{Bot, Dialogue, Given, Turn};

/// A step that did not go as expected.
#[derive(Debug, Clone)]
pub struct StepFailure {
    /// 1-based.
    pub step: usize,
    /// 1-based line in the scenario file (0 when generated).
    pub line: usize,
    /// The step as written: `user = "…"`, `button = 2`, `advance = "1h"`.
    pub act: String,
    pub mismatches: Vec<Mismatch>,
    /// What the client saw in answer.
    pub client_saw: String,
}

/// One scenario's result.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: String,
    pub location: String,
    pub family: String,
    pub failures: Vec<StepFailure>,
    /// The checks every scenario makes, broken: what and in which turn.
    pub breaches: Vec<crate::i18n::Text>,
    /// Every turn, with the step (1-based) that produced it.
    pub transcript: Vec<(usize, Turn)>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty() && self.breaches.is_empty()
    }
}

/// A local date-time at the bot's location (the earlier of a repeated one).
pub fn local(bot: &Bot, at: NaiveDateTime) -> DateTime<Tz> {
    bot.tz
        .from_local_datetime(&at)
        .earliest()
        .unwrap_or_else(|| bot.tz.from_utc_datetime(&at))
}

/// The step as the scenario file writes it.
pub fn act_label(act: &Act) -> String {
    match act {
        Act::User(u) => format!("user = {u:?}"),
        Act::Button(b) => format!("button = {b:?}"),
        Act::Advance(s) => format!("advance = \"{}\"", crate::model::Duration::from_secs(*s)),
        Act::Play(_) => "…the client answers each question".into(),
    }
}

pub fn run(s: &Scenario, bot: &Bot, default_now: NaiveDateTime) -> Outcome {
    let now = local(bot, s.now.unwrap_or(default_now));
    let channel = s
        .channel
        .clone()
        .or_else(|| bot.config.channels.first().cloned())
        .unwrap_or_default();
    let given = Given {
        consent: s.given.consent,
        name: s.given.name.clone(),
        phone: s.given.phone.clone(),
        visit: s
            .given
            .visit
            .as_ref()
            .map(|(svc, at)| (svc.clone(), local(bot, *at))),
        moves: s.given.moves,
    };
    let mut d = Dialogue::new(bot, now, &channel, &given);
    let mut out = Outcome {
        id: s.id.clone(),
        location: bot.config.location.clone(),
        family: s.family.clone(),
        failures: Vec::new(),
        breaches: Vec::new(),
        transcript: Vec::new(),
    };
    for (i, step) in s.steps.iter().enumerate() {
        let turns: Vec<Turn> = match &step.act {
            Act::User(u) => vec![d.user(u, step.confidence).clone()],
            Act::Button(b) => vec![d.button(b).clone()],
            Act::Advance(secs) => vec![d.advance(*secs).clone()],
            Act::Play(p) => {
                let mut turns = Vec::new();
                let mut last = d.history().last().cloned().unwrap_or_default();
                for _ in 0..p.max_answers {
                    let Some(next) = p.answer(&last, &d) else {
                        break;
                    };
                    last = match next {
                        Act::User(u) => d.user(&u, None).clone(),
                        Act::Button(b) => d.button(&b).clone(),
                        _ => break,
                    };
                    turns.push(last.clone());
                }
                turns
            }
        };
        let merged = merge(&turns);
        let slots = d.slot_values();
        let mismatches = step.expect.check(&Seen {
            turn: &merged,
            slots: &slots,
        });
        if !mismatches.is_empty() {
            out.failures.push(StepFailure {
                step: i + 1,
                line: step.line,
                act: act_label(&step.act),
                mismatches,
                client_saw: super::expect::said(&merged),
            });
        }
        for t in turns {
            out.breaches
                .extend(checks::check(bot, &t).into_iter().map(|b| {
                    let n = i + 1;
                    crate::i18n::t!("step {n}: {b}", "шаг {n}: {b}", n = n, b = b)
                }));
            out.transcript.push((i + 1, t));
        }
    }
    out
}

/// Several turns read as one: everything said and done, and where the last one rests.
pub fn merge(turns: &[Turn]) -> Turn {
    let Some(last) = turns.last() else {
        return Turn::default();
    };
    let mut m = last.clone();
    m.says.clear();
    m.actions.clear();
    m.crm_calls.clear();
    m.notify.clear();
    m.tags.clear();
    m.scheduled.clear();
    m.sent.clear();
    m.visited.clear();
    m.slots.clear();
    m.asked.clear();
    for t in turns {
        m.asked.extend(t.asked.iter().cloned());
        m.says.extend(t.says.iter().cloned());
        m.actions.extend(t.actions.iter().cloned());
        m.crm_calls.extend(t.crm_calls.iter().cloned());
        m.notify.extend(t.notify.iter().cloned());
        m.tags.extend(t.tags.iter().cloned());
        m.scheduled.extend(t.scheduled.iter().cloned());
        m.sent.extend(t.sent.iter().cloned());
        m.visited.extend(t.visited.iter().cloned());
        m.slots.extend(t.slots.iter().cloned());
        if t.handoff.is_some() {
            m.handoff.clone_from(&t.handoff);
        }
    }
    if m.when.is_none() {
        m.when = turns.iter().rev().find_map(|t| t.when.clone());
    }
    m
}
