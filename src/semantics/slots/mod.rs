//! The values a slot accepts (docs/bot-runtime.md, "Slots"). A value read fills the slot
//! (score 1.0, progress); one that does not read is an error that says what the bot
//! accepts, and the step is asked again.

pub mod free_text;
pub mod name;
pub mod phone;
pub mod preferred_time;
pub mod service;

use chrono::DateTime;
use chrono_tz::Tz;

use crate::model::enums::{Lang, Slot};
use crate::model::phone::Phone;

use super::hours::OpeningHours;
use super::message::Message;
pub use preferred_time::TimeError;
pub use service::{Catalogue, Offered, ServiceError};

/// A slot's value as the runtime keeps it and writes it to the CRM.
#[derive(Debug, Clone, PartialEq)]
pub enum SlotValue {
    Name(String),
    /// E.164.
    Phone(Phone),
    Email(String),
    /// A service id of the config.
    Service(String),
    /// The visit's start, in the location's zone.
    Time(DateTime<Tz>),
    Comment(String),
}

/// Why a message is not a value of the slot the step waits on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlotError {
    /// Why the text is not a Russian phone number.
    Phone(crate::i18n::Text),
    Name,
    Email,
    Comment,
    Service(ServiceError),
    Time(TimeError),
    /// The runtime fills this slot itself (channel, location, amount, consent version):
    /// it is never asked.
    NotAsked(Slot),
}

impl SlotError {
    /// Examples of what the bot accepts, in the bot's language, for a re-ask to name.
    pub fn accepted(&self, lang: Lang) -> &'static [&'static str] {
        match (self, lang) {
            (SlotError::Phone(_), _) => &["+7 913 000-00-01", "8 913 000 00 01"],
            (SlotError::Name, Lang::Ru) => &["Анна", "Анна-Мария Петрова"],
            (SlotError::Name, Lang::En) => &["Anna", "Anna-Maria Petrova"],
            (SlotError::Email, _) => &["anna@example.ru"],
            (SlotError::Time(_), Lang::Ru) => &[
                "12.03 14:30",
                "12.03.2027 14:30",
                "завтра в 15:00",
                "в субботу в 12",
            ],
            (SlotError::Time(_), Lang::En) => &[
                "12.03 14:30",
                "12.03.2027 14:30",
                "tomorrow at 3pm",
                "on Saturday at 12",
            ],
            (SlotError::Comment | SlotError::Service(_) | SlotError::NotAsked(_), _) => &[],
        }
    }
}

/// What reading a slot needs besides the message.
#[derive(Debug, Clone, Copy)]
pub struct SlotContext<'a> {
    /// The virtual clock, in the location's zone.
    pub now: DateTime<Tz>,
    pub hours: &'a OpeningHours,
    pub catalogue: &'a Catalogue,
    /// The list rows of the step, in the order shown.
    pub offered: &'a [Offered],
    /// The chosen service's duration in minutes (with accepted upsells), 0 when none yet.
    pub visit_minutes: u32,
}

/// The value of `slot` in `message`.
pub fn read(slot: Slot, message: &Message, cx: &SlotContext<'_>) -> Result<SlotValue, SlotError> {
    let raw = message.raw();
    match slot {
        Slot::Name => name::read(raw).map(SlotValue::Name).ok_or(SlotError::Name),
        Slot::Phone => phone::read(raw)
            .map(SlotValue::Phone)
            .map_err(SlotError::Phone),
        Slot::Email => free_text::email(raw)
            .map(SlotValue::Email)
            .ok_or(SlotError::Email),
        Slot::Comment => free_text::comment(raw)
            .map(SlotValue::Comment)
            .ok_or(SlotError::Comment),
        Slot::Service => service::read(message, cx.offered, cx.catalogue)
            .map(SlotValue::Service)
            .map_err(SlotError::Service),
        Slot::PreferredTime => preferred_time::read(raw, cx.now, cx.hours, cx.visit_minutes)
            .map(SlotValue::Time)
            .map_err(SlotError::Time),
        Slot::Channel | Slot::Location | Slot::Amount | Slot::ConsentVersion => {
            Err(SlotError::NotAsked(slot))
        }
    }
}
