//! The replies a client reads at the moments the documents describe — the greeting, the
//! consent request, the hand-off to a person, the reminders — each with its real buttons.
//! The bot scripts send them and the lead-handling SOP can quote them, from one builder.

use serde::Serialize;

use super::slots::consent_slots;
use super::texts::Texts;
use crate::model::business::{Business, Location};

/// What the bot says at the moments a document quotes.
#[derive(Debug, Clone, Serialize)]
pub struct Replies {
    pub greeting: Reply,
    pub consent: ConsentReply,
    /// When a dialogue goes to a person.
    pub handoff: String,
    /// When the bot cannot answer.
    pub fallback: String,
    /// One per `[sla].reminders` offset, in its order.
    pub reminders: Vec<ReminderReply>,
    /// When a booking is recorded.
    pub booking: String,
    /// When a callback is arranged.
    pub callback: String,
    /// Outside working hours.
    pub after_hours: String,
    /// The after-visit survey's question.
    pub nps: String,
}

/// A message with its reply buttons.
#[derive(Debug, Clone, Serialize)]
pub struct Reply {
    pub say: String,
    pub buttons: Vec<String>,
}

/// The consent request, its buttons and the answer to a refusal.
#[derive(Debug, Clone, Serialize)]
pub struct ConsentReply {
    /// The slots the request names, as the scripts ask them.
    pub before: Vec<String>,
    pub say: String,
    pub buttons: Vec<String>,
    pub declined: String,
}

/// A reminder sent `offset_s` seconds before the visit.
#[derive(Debug, Clone, Serialize)]
pub struct ReminderReply {
    pub offset_s: u64,
    pub say: String,
    pub buttons: Vec<String>,
}

impl Replies {
    /// The replies of `loc`, with the published policy and consent links.
    pub fn new(b: &Business, loc: &Location) -> Self {
        let (policy, consent) = b.published_urls();
        let t = Texts::new(
            b,
            loc,
            policy.unwrap_or_default(),
            consent.unwrap_or_default(),
        );
        Self::from_texts(&t)
    }

    /// The same replies with every text passed through `f` (a document quoting them names
    /// the placeholders in words); the buttons stay as the client sees them.
    #[must_use]
    pub fn map_texts(mut self, f: impl Fn(&str) -> String) -> Self {
        self.greeting.say = f(&self.greeting.say);
        self.consent.say = f(&self.consent.say);
        self.consent.declined = f(&self.consent.declined);
        self.handoff = f(&self.handoff);
        self.fallback = f(&self.fallback);
        for r in &mut self.reminders {
            r.say = f(&r.say);
        }
        self.booking = f(&self.booking);
        self.callback = f(&self.callback);
        self.after_hours = f(&self.after_hours);
        self.nps = f(&self.nps);
        self
    }

    /// The replies made with texts already resolved for a location.
    pub fn from_texts(t: &Texts<'_>) -> Self {
        let before = consent_slots(t.b);
        Self {
            greeting: Reply {
                say: t.greeting(),
                buttons: t.greeting_buttons(),
            },
            consent: ConsentReply {
                say: t.consent(&before),
                before,
                buttons: t.consent_buttons(),
                declined: t.consent_declined(),
            },
            handoff: t.handoff(),
            fallback: t.fallback(),
            reminders: t
                .b
                .sla
                .reminders
                .iter()
                .map(|d| {
                    let (say, buttons) = t.reminder(d.value);
                    ReminderReply {
                        offset_s: d.secs(),
                        say,
                        buttons,
                    }
                })
                .collect(),
            booking: t.booking_done(),
            callback: t.callback_done(),
            after_hours: t.after_hours(),
            nps: t.nps()[0].clone(),
        }
    }
}
