//! The bot config, version 2 (`regl_bot_schema: 2`): the shape designed once for everything
//! this release adds — per-purpose consent, the duty roster, hours with breaks, enumeration
//! keys, notification templates without client text, day and night hand-off times, buttons
//! that name their branch or condition and the words that press them, the send window, and
//! each action's CRM effect — so that a runtime needs nothing but this file and
//! docs/bot-runtime.md to behave as `regl test` does.
//!
//! What `export` writes and `lint` reads; [`upgrade`] maps a version-1 file
//! ([`super::bot`]) onto this shape, keeping the team's texts. Every struct refuses
//! unknown keys: a typo is an error, not a key the runtime silently ignores; the team's own
//! keys go under `x`.

// The doc comments below are the JSON Schema's descriptions, which the bot team reads as
// plain text, so they name values without Markdown.
#![allow(clippy::doc_markdown)]

pub mod defaults;
pub mod upgrade;

use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize};

use super::bot::OrderedMap;

/// The version of this shape.
pub const BOT_SCHEMA_VERSION_2: u32 = 2;

/// Placeholders a text shown to the client may contain, with their meaning.
pub const CLIENT_PLACEHOLDERS: &[(&str, &str)] = &[
    (
        "client_name",
        "the client's name as they gave it (the name slot)",
    ),
    ("client_phone", "the client's phone, E.164 (the phone slot)"),
    ("service", "the name of the booked or asked-about service"),
    (
        "visit_date",
        "the visit's local date, DD.MM, with .YYYY when it is not in the current year",
    ),
    ("visit_time", "the visit's local start time, HH:MM"),
    (
        "amount",
        "the order amount in rubles, written as the texts write prices",
    ),
];

/// Placeholders a notification to staff may contain. None of them carries what the client
/// wrote or who the client is: alerts go through messengers, and the card in Bitrix24 holds
/// the rest.
pub const NOTIFICATION_PLACEHOLDERS: &[(&str, &str)] = &[
    (
        "reason",
        "the hand-off reason's label, from escalation.reasons",
    ),
    ("city", "the location's city"),
    ("lead_url", "link to the client's card in Bitrix24"),
    ("task_url", "link to the escalation task in Bitrix24"),
    (
        "deadline",
        "when a person must answer: the hand-off moment plus the day or night response time, local HH:MM",
    ),
];

/// A location's bot config, version 2: scripts, thresholds, rules and CRM effects, in the
/// business's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BotConfigV2 {
    /// The version of this file's shape: 2. Check it before reading anything else.
    pub regl_bot_schema: u32,
    /// The location id this file is for.
    pub location: String,
    /// The language of every text and of the stemmer the matcher uses: "ru" or "en".
    pub lang: String,
    /// The location's IANA time zone. Every time in this file and every time the client
    /// writes is local to it.
    pub timezone: String,
    /// Working hours per weekday. A day with two ranges has a break between them: closed for
    /// booking, but not night.
    pub hours: Week,
    /// The bot answers outside working hours too (with greeting.after_hours, and hand-offs
    /// go to the person on duty). Without it the bot stays silent until the opening.
    pub night_mode: bool,
    /// Channel ids the bot answers in (whatsapp, telegram, vk, max, website, other, …).
    pub channels: Vec<String>,
    pub limits: Limits,
    pub consent: ConsentV2,
    pub greeting: GreetingV2,
    /// The five conversation branches: booking, cancel, price, promo, callback.
    pub branches: Vec<BranchV2>,
    pub fallback: FallbackV2,
    pub escalation: EscalationV2,
    pub reminders: RemindersV2,
    pub nps: NpsV2,
    pub cancellation: CancellationV2,
    pub upsell: UpsellV2,
    /// The services the bot can book and quote, with prices and durations.
    pub services: Vec<ServiceV2>,
    pub crm: CrmV2,
    /// Action id → what the action does in the CRM. Every action a step names is here.
    pub actions: OrderedMap<ActionEffect>,
    /// Who is speaking, for whom and where.
    pub assistant: AssistantV2,
    /// Placeholder → meaning: the only {…} a text may contain. Client texts take
    /// client_name, client_phone, service, visit_date, visit_time, amount; notifications to
    /// staff take reason, city, lead_url, task_url, deadline.
    pub placeholders: OrderedMap<String>,
    /// The bot team's own keys. regl never reads or writes what is inside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<serde_json::Map<String, serde_json::Value>>,
}

/// Time ranges per weekday, "HH:MM-HH:MM", local time, in order, not overlapping; a range
/// holds its start minute and not its end minute; "24:00" ends a day. A day with no ranges
/// is closed (or, for a duty shift, off).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Week {
    pub mon: Vec<String>,
    pub tue: Vec<String>,
    pub wed: Vec<String>,
    pub thu: Vec<String>,
    pub fri: Vec<String>,
    pub sat: Vec<String>,
    pub sun: Vec<String>,
}

impl Week {
    /// The days, Monday first.
    pub fn days(&self) -> [&[String]; 7] {
        [
            &self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun,
        ]
    }

    /// `business.toml`'s lines as a week: each line's ranges on each day it covers, in order;
    /// a break is the gap between two ranges of a day.
    pub fn from_hours<'a>(
        lines: impl IntoIterator<Item = &'a crate::model::hours::WorkingHours>,
    ) -> Self {
        use crate::model::hours::WorkingHours;
        let mut ranges: [Vec<(u16, u16)>; 7] = Default::default();
        for h in lines {
            for (i, day) in ranges.iter_mut().enumerate() {
                if h.covers(i) {
                    day.extend(h.ranges.iter().copied());
                }
            }
        }
        let mut w = Week::default();
        for (day, rs) in w.days_mut().into_iter().zip(ranges.iter_mut()) {
            rs.sort_unstable();
            *day = rs
                .iter()
                .map(|(a, b)| {
                    format!(
                        "{}-{}",
                        WorkingHours::fmt_time(*a),
                        WorkingHours::fmt_time(*b)
                    )
                })
                .collect();
        }
        w
    }

    /// Each weekday's `[start, end)` minutes, Monday first, as a week (a duty shift).
    pub fn from_ranges(ranges: &[Vec<(u16, u16)>; 7]) -> Self {
        use crate::model::hours::WorkingHours;
        let mut w = Week::default();
        for (day, rs) in w.days_mut().into_iter().zip(ranges) {
            *day = rs
                .iter()
                .map(|(a, b)| {
                    format!(
                        "{}-{}",
                        WorkingHours::fmt_time(*a),
                        WorkingHours::fmt_time(*b)
                    )
                })
                .collect();
        }
        w
    }

    pub fn days_mut(&mut self) -> [&mut Vec<String>; 7] {
        [
            &mut self.mon,
            &mut self.tue,
            &mut self.wed,
            &mut self.thu,
            &mut self.fri,
            &mut self.sat,
            &mut self.sun,
        ]
    }
}

/// Response and hand-off thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// The bot's first response, in seconds: the strictest SLA of the bot's channels.
    pub first_response_s: u64,
    /// A match scored below this does not apply; when nothing applies and no step waits, the
    /// bot says fallback.say and hands over (reason low_confidence). The reference scores: a
    /// button, option, number or slot value 1.0, a phrase 0.9, a phrase with a one-edit word
    /// 0.75.
    pub min_confidence: f64,
    /// The bot's reply that would be the max_bot_turns-th in a row without progress (a slot
    /// filled, a button or option chosen, a branch started, an action done) is the hand-off
    /// instead (reason max_bot_turns).
    pub max_bot_turns: u32,
}

/// A reply button. Pressed by its text, its 1-based number among the step's buttons and
/// list rows, or one of its words — always the whole message, so "не согласен" never
/// presses "Согласен".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Button {
    /// What the button shows: at most 20 characters (WhatsApp's limit).
    #[schemars(length(min = 1, max = 20))]
    pub text: String,
    /// Other whole messages that press it, e.g. "да", "согласна" for the consent button.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// The choice it makes: the steps that follow run by it (see Step.when). Never inferred
    /// from the button's position or wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<Choice>,
    /// The branch it starts (with its choice already made, if it has one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
}

/// What pressing a button chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Yes: consent given, an offer accepted.
    Agreed,
    /// No: consent refused, an offer declined.
    Declined,
    /// Cancel the visit: becomes exactly one of urgent_cancel, late_cancel, cancel by the
    /// time left before the visit.
    Cancel,
    /// Move the visit: becomes exactly one of urgent_reschedule, reschedule_limit,
    /// reschedule.
    Reschedule,
    /// The visit is confirmed (a reminder's button): runs reminders.confirmed.
    Confirm,
}

/// When a step runs, after the branch's last button step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// The choice was agreed.
    Agreed,
    /// The choice was declined (a refused consent: see consent.declined).
    Declined,
    /// Cancel, with t = visit start − now at or above cancellation.free_until_s: free.
    Cancel,
    /// Cancel, with escalation.urgent_cancel_within_s ≤ t < cancellation.free_until_s.
    LateCancel,
    /// Cancel, with t < escalation.urgent_cancel_within_s (or the visit has begun): hand
    /// over, reason urgent_cancel.
    UrgentCancel,
    /// Reschedule outside the urgent window, fewer than cancellation.reschedule_max moves
    /// made.
    Reschedule,
    /// Reschedule inside the urgent window: hand over, reason urgent_cancel.
    UrgentReschedule,
    /// Reschedule when the booking was moved reschedule_max times already: hand over,
    /// reason reschedule_limit.
    RescheduleLimit,
}

/// What a step waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    /// 1–60 letters, spaces, hyphens.
    Name,
    /// A Russian number in any spelling; kept as E.164.
    Phone,
    Email,
    /// A list row (id, title or number) or a phrase matching a service name.
    Service,
    /// DD.MM HH:MM, DD.MM.YYYY HH:MM, сегодня|завтра|послезавтра [в] HH[:MM], в <weekday>
    /// [в] HH[:MM] (en: today|tomorrow|on <weekday> [at] H[:MM][am|pm]): the next such
    /// local moment, starting and ending inside working hours.
    PreferredTime,
    /// Free text up to 500 characters.
    Comment,
    /// Consent to personal-data processing: answered by consent.buttons.
    Consent,
}

/// What a step does after it is said (and its slot, if any, is filled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Record the client's request (promo: a person gets in touch).
    SaveLead,
    /// Record the booking request; a person confirms it within the booking SLA.
    Book,
    /// Move the booking to the new preferred_time.
    Reschedule,
    /// Cancel the booking.
    Cancel,
    /// A call to the client at preferred_time, as a to-do for staff.
    ScheduleCallback,
    /// Offer upsell.offers of the chosen service; skipped when it has none.
    OfferUpsell,
    /// Hand the dialogue to a person.
    Handoff,
    /// Mark the visit confirmed (a reminder's confirm button).
    ConfirmVisit,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::SaveLead,
        Action::Book,
        Action::Reschedule,
        Action::Cancel,
        Action::ScheduleCallback,
        Action::OfferUpsell,
        Action::Handoff,
        Action::ConfirmVisit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::SaveLead => "save_lead",
            Action::Book => "book",
            Action::Reschedule => "reschedule",
            Action::Cancel => "cancel",
            Action::ScheduleCallback => "schedule_callback",
            Action::OfferUpsell => "offer_upsell",
            Action::Handoff => "handoff",
            Action::ConfirmVisit => "confirm_visit",
        }
    }
}

/// One step of a branch. Steps run in order; a step with `when` runs only when the choice of
/// the branch's last button step, refined by the rules of When, equals it — exactly one of a
/// group runs. A step whose `ask` slot is already filled (earlier in the dialogue, or in an
/// earlier dialogue for consent) is skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepV2 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// What the bot says; may contain the client placeholders. Empty in a consent step: the
    /// runtime says consent.text with consent.buttons, one text for every branch.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub say: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<Ask>,
    /// At most 3 (WhatsApp's limit).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 3))]
    pub buttons: Vec<Button>,
    /// List rows to pick from: at most 10, titles at most 24 characters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 10))]
    pub options: Vec<ListRowV2>,
    /// Run after the step is said and its slot filled: its CRM effect is actions[action].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// Continue in this branch after this step (slots and consent kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goto: Option<String>,
}

/// One conversation branch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BranchV2 {
    /// booking, cancel, price, promo or callback.
    pub id: String,
    /// A human title, for the runtime's menus and logs.
    pub title: String,
    /// Phrases that start this branch: one matches when each of its words matches a word
    /// of the message (equal Snowball stems; a phrase stem of 5+ letters beginning the
    /// message word; or, for words of 5+ letters, one edit apart, two from 9). A model-based
    /// runtime may use them as examples for its classifier.
    pub triggers: Vec<String>,
    pub steps: Vec<StepV2>,
}

/// The first message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GreetingV2 {
    /// Said first in working hours.
    pub say: String,
    /// Said first outside working hours (night mode).
    pub after_hours: String,
    /// Each names the branch it starts; at most 3.
    #[schemars(length(max = 3))]
    pub buttons: Vec<Button>,
}

/// What the bot does when nothing applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FallbackV2 {
    pub say: String,
    /// Always true: the dialogue goes to a person (reason low_confidence).
    pub handoff: bool,
}

/// Consent to personal-data processing (152-FZ), per purpose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentV2 {
    /// The consent text's own version, written to the CRM with the consent (proof of
    /// consent). Consent given to another version is asked again.
    pub version: String,
    /// When consent is asked: "before_collect" (before the first slot of `before`) or
    /// "first_message" (in the greeting).
    pub moment: String,
    /// The published personal-data policy.
    pub policy_url: String,
    /// The published consent document.
    pub consent_url: String,
    /// The consent request; names the buttons by their text.
    pub text: String,
    /// Two buttons: choice agreed, then choice declined, each with the words that press it.
    #[schemars(length(min = 2, max = 2))]
    pub buttons: Vec<Button>,
    /// Said when the client refuses: the bot goes on with what rests on another legal
    /// basis, and writes nothing the refusal covers.
    pub declined: String,
    /// The purposes of processing and their legal bases, as the PD policy lists them.
    pub purposes: Vec<Purpose>,
    /// Slots asked and written only after consent: those that only consent-based purposes
    /// cover. Derived from `purposes`.
    pub before: Vec<String>,
}

/// One purpose of processing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// As the PD policy names it.
    pub name: String,
    pub basis: Basis,
    /// The slots collected for it.
    pub slots: Vec<String>,
    /// What rests on it: action ids, "reminders", "nps". After a refusal of consent, what
    /// only consent-based purposes list does not happen.
    pub uses: Vec<String>,
}

/// A purpose's legal basis (ч. 1 ст. 6 152-FZ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The client's consent (п. 1): refused or withdrawn, it stops.
    Consent,
    /// A contract the client asks for (п. 5): a booking.
    Contract,
    /// A duty of law (п. 2).
    LegalDuty,
}

/// When and how a dialogue goes to a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationV2 {
    /// Phrases that hand over in any state, before consent too (reason keyword), matched as
    /// triggers are.
    pub keywords: Vec<String>,
    /// An order amount (price_from of the service plus accepted upsells) strictly above this
    /// many rubles is booked and confirmed by a person (reason amount_over).
    pub amount_over: u64,
    /// A cancellation or reschedule less than this many seconds before the visit goes to a
    /// person (reason urgent_cancel).
    pub urgent_cancel_within_s: u64,
    /// How staff are called: bitrix_task, telegram, sms, email.
    pub notify: Vec<String>,
    /// The Bitrix24 task tag of this location.
    pub tag: String,
    /// The duty roster: who is notified. The first whose `when` covers the moment, else the
    /// first without `when`.
    pub duty: Vec<Duty>,
    /// In working hours a person answers a hand-off within this many seconds.
    pub day_response_s: u64,
    /// Outside working hours the person on duty answers within this many seconds.
    pub night_response_s: u64,
    /// What the bot tells the client when it hands over, by time of day.
    pub say: DayNight,
    /// Reason id → its label in notifications ({reason}); no client text.
    pub reasons: OrderedMap<String>,
    /// Notifications to staff; only the notification placeholders.
    pub notifications: Notifications,
}

/// One text for working hours, one for the night.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayNight {
    pub day: String,
    pub night: String,
}

/// A person on duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// A role or a name, as business.toml writes it.
    pub name: String,
    /// E.164, for sms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// For telegram.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telegram: Option<String>,
    /// For email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// RESPONSIBLE_ID of the escalation task while on duty; without it the task goes to the
    /// webhook's user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bitrix_user_id: Option<u64>,
    /// The shift, local time; absent = always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Week>,
}

/// What staff receive when a dialogue is handed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notifications {
    /// tasks.task.add TITLE.
    pub task_title: String,
    /// tasks.task.add DESCRIPTION: the reason, the channel and the card; never the chat.
    pub task_description: String,
    pub telegram: String,
    pub sms: String,
    pub email: String,
}

/// Visit reminders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemindersV2 {
    /// Seconds before the visit start. A reminder is due at start − offset; skipped when
    /// that is not after the booking, or outside send_between (never moved).
    pub offsets_s: Vec<u64>,
    /// Channel ids reminders are sent in.
    pub channels: Vec<String>,
    /// Local "HH:MM-HH:MM" in which the bot may write first (reminders, NPS); the start
    /// minute is in, the end minute is not.
    pub send_between: String,
    /// One per offset, in the same order.
    pub texts: Vec<ReminderTextV2>,
    /// The reply to a confirm button: said, then its action (confirm_visit).
    pub confirmed: StepV2,
}

/// The reminder sent at one offset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderTextV2 {
    pub offset_s: u64,
    pub say: String,
    /// Each names its choice: confirm, or cancel / reschedule with branch "cancel"; at
    /// most 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 3))]
    pub buttons: Vec<Button>,
}

/// The satisfaction survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NpsV2 {
    /// Seconds after the visit ends (start + the booked services' durations); moved to the
    /// next opening of reminders.send_between; never after a cancellation or a no-show.
    pub after_s: u64,
    /// The question, on the scale from scale_min to scale_max.
    pub say: String,
    pub scale_min: u8,
    pub scale_max: u8,
    /// A score at or below this is a detractor's: the detractor reply, and a hand-off
    /// (reason nps_detractor).
    pub detractor_max: u8,
    /// A score at or above this is a promoter's.
    pub promoter_min: u8,
    pub detractor: String,
    pub passive: String,
    pub promoter: String,
}

/// Cancellation terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CancellationV2 {
    /// Free cancellation at least this many seconds before the visit.
    pub free_until_s: u64,
    /// How many times the bot may move one booking; the next request goes to a person.
    pub reschedule_max: u32,
    pub late_fee_percent: u8,
    pub no_show_fee_percent: u8,
}

/// Offers on top of a booked service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpsellV2 {
    pub enabled: bool,
    /// At the offer_upsell step the bot says the chosen service's offer; with none, the step
    /// is skipped.
    pub offers: Vec<UpsellOfferV2>,
}

/// What to offer with one service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpsellOfferV2 {
    /// The booked service's id.
    pub service: String,
    /// Ids of the services added when the client agrees.
    pub offer: Vec<String>,
    pub say: String,
    /// Choice agreed, then choice declined; at most 3.
    #[schemars(length(max = 3))]
    pub buttons: Vec<Button>,
}

/// What the bot writes to the CRM, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CrmV2 {
    /// "bitrix24".
    pub system: String,
    /// "leads", or "simple" (a portal without leads: deals and contacts).
    pub mode: String,
    /// The portal's domain; the webhook token comes from the runtime's environment only.
    pub portal: String,
    /// Slot → Bitrix24 field code, for every slot the bot collects or fills; source →
    /// SOURCE_ID.
    pub writes: OrderedMap<String>,
    /// Field codes a record must have when an action creates or updates it.
    pub required: Vec<String>,
    /// Enumeration slot → its values. The bot writes the key; the runtime sends the list
    /// item whose XML_ID is given (crm.lead.userfield.list, or bitrix24-portal.json).
    pub enums: OrderedMap<Vec<EnumValue>>,
    /// Channel id → SOURCE_ID, for the bot's channels.
    pub sources: OrderedMap<String>,
    /// The funnel stages the actions move a record to.
    pub stages: Stages,
    /// Tags put on a record, each with when.
    pub tags: Vec<Tag>,
    /// The REST methods the effects use, by mode.
    pub methods: Methods,
    /// Where the field payloads are: the file `export` writes next to the location folders.
    pub mapping: String,
}

/// One value of an enumeration field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnumValue {
    /// What the bot writes: whatsapp, ufa, …
    pub key: String,
    /// As staff see it.
    pub label: String,
    /// The list item's XML_ID: REGL_<FIELD>_<KEY>.
    pub xml_id: String,
}

/// Stage ids by what they mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stages {
    /// A new request (save_lead, schedule_callback).
    pub new: String,
    /// A booking requested, not yet confirmed (book, reschedule).
    pub booked: String,
    /// Confirmed by staff or by the client's reminder button (confirm_visit).
    pub confirmed: String,
    /// The visit happened (set by staff): the NPS survey follows.
    pub visited: String,
    /// The client did not come (set by staff): no NPS survey.
    pub no_show: String,
    /// Cancelled (cancel): no reminders, no NPS survey.
    pub cancelled: String,
}

/// A tag and when it is put on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub tag: String,
    pub when: TagWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TagWhen {
    /// On every record the bot creates.
    Always,
    /// On a record created outside working hours.
    Night,
    /// On a record whose dialogue was handed over.
    Handoff,
}

/// REST methods, by what they do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Methods {
    /// Find the client by phone first: crm.duplicate.findbycomm (LEAD, or CONTACT in simple
    /// mode); a hit is updated, never duplicated.
    pub find: String,
    /// crm.lead.add (simple mode: crm.deal.add, with a contact made by crm.contact.add).
    pub create: String,
    /// crm.lead.update (simple mode: crm.deal.update).
    pub update: String,
    /// A callback to-do on the record: crm.activity.todo.add.
    pub todo: String,
    /// The escalation task: tasks.task.add.
    pub task: String,
}

/// One action's effect in the CRM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionEffect {
    pub record: RecordEffect,
    /// Slots written (their fields from crm.writes), those filled, none a refused consent
    /// covers.
    pub writes: Vec<String>,
    /// The stage the record moves to (crm.stages), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// Extra tags, besides crm.tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// A to-do at preferred_time (methods.todo).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub todo: bool,
    /// An escalation task and the notify channels (methods.task).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub task: bool,
}

/// What an action does to the client's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordEffect {
    /// Find by phone; update the hit, else create. Needs every crm.required field.
    FindOrCreate,
    /// Find by phone and update; no hit: nothing written, the dialogue goes to a person.
    Update,
    /// Writes no record.
    None,
}

/// A row of a list message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListRowV2 {
    /// The value put into the slot (a service id); a client typing it picks the row.
    pub id: String,
    /// At most 24 characters; a client typing it picks the row.
    #[schemars(length(min = 1, max = 24))]
    pub title: String,
    /// At most 72 characters.
    #[schemars(length(max = 72))]
    pub description: String,
}

/// A service as the bot quotes and books it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceV2 {
    pub id: String,
    /// A client's phrase matching it picks the service.
    pub name: String,
    /// Rubles: the order amount adds these up.
    pub price_from: u64,
    /// The price as the bot writes it, e.g. «от 1 500 ₽».
    pub price_text: String,
    /// A visit must end (start + this) inside working hours.
    pub duration_s: u64,
    pub prepayment_percent: u8,
    /// Ids of services offered on top.
    pub upsell: Vec<String>,
}

/// Who is speaking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssistantV2 {
    /// The bot's name.
    pub name: String,
    pub business: String,
    pub city: String,
    pub address: String,
    /// The location's phone, E.164.
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The instruction a language model reads before every dialogue (`[bot].system_prompt`
    /// or the segment's built-in one): the same one the business's tuning dataset carries,
    /// so the model meets at run time the instruction it was tuned with. Empty in a file
    /// upgraded from version 1 until `regl lint --fix` writes it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub system_prompt: String,
}

/// The JSON Schema of version 2.
pub fn schema() -> Schema {
    let mut schema = schemars::schema_for!(BotConfigV2);
    schema.insert("title".into(), "regl bot config, version 2".into());
    schema.insert(
        "description".into(),
        "The bot runtime's config of one location, written by `regl export` and checked by \
         `regl lint`; docs/bot-runtime.md gives the reference semantics. Refuse a file whose \
         `regl_bot_schema` is not 2. Durations are whole seconds; times are local to \
         `timezone`."
            .into(),
    );
    if let Some(v) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut("regl_bot_schema"))
        .and_then(serde_json::Value::as_object_mut)
    {
        v.insert("const".into(), BOT_SCHEMA_VERSION_2.into());
    }
    if let Some(defs) = schema
        .get_mut("$defs")
        .and_then(serde_json::Value::as_object_mut)
    {
        for (def, props) in CLIENT_TEXTS {
            only_placeholders(defs, def, props, CLIENT_PLACEHOLDERS);
        }
        only_placeholders(
            defs,
            "Notifications",
            &["task_title", "task_description", "telegram", "sms", "email"],
            NOTIFICATION_PLACEHOLDERS,
        );
        // A step's `goto` and a button's `branch` name one of the five branches; that the
        // file has it, a schema cannot say (it cannot compare with sibling values), so
        // `regl lint` (B313) checks that.
        for (def, prop) in [("Button", "branch"), ("StepV2", "goto")] {
            if let Some(p) = defs
                .get_mut(def)
                .and_then(|d| d.get_mut("properties"))
                .and_then(|p| p.get_mut(prop))
                .and_then(serde_json::Value::as_object_mut)
            {
                let mut ids: Vec<serde_json::Value> = crate::model::enums::Branch::ALL
                    .iter()
                    .map(|b| b.as_str().into())
                    .collect();
                ids.push(serde_json::Value::Null);
                p.insert("enum".into(), ids.into());
            }
        }
    }
    schema
}

/// The texts a client reads, by type and key: each may hold the client placeholders only.
const CLIENT_TEXTS: &[(&str, &[&str])] = &[
    ("StepV2", &["say"]),
    ("GreetingV2", &["say", "after_hours"]),
    ("FallbackV2", &["say"]),
    ("ConsentV2", &["text", "declined"]),
    ("DayNight", &["day", "night"]),
    ("ReminderTextV2", &["say"]),
    ("NpsV2", &["say", "detractor", "passive", "promoter"]),
    ("UpsellOfferV2", &["say"]),
    ("Button", &["text"]),
];

/// A `pattern` on each text that lets `{…}` hold only the known placeholders.
fn only_placeholders(
    defs: &mut serde_json::Map<String, serde_json::Value>,
    def: &str,
    props: &[&str],
    known: &[(&str, &str)],
) {
    let names: Vec<&str> = known.iter().map(|(k, _)| *k).collect();
    let pattern = format!("^(?:[^{{}}]|\\{{(?:{})\\}})*$", names.join("|"));
    let list: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
    for prop in props {
        if let Some(p) = defs
            .get_mut(def)
            .and_then(|d| d.get_mut("properties"))
            .and_then(|p| p.get_mut(*prop))
            .and_then(serde_json::Value::as_object_mut)
        {
            p.insert("pattern".into(), pattern.clone().into());
            let said = p
                .get("description")
                .and_then(serde_json::Value::as_str)
                .map_or_else(String::new, |d| format!("{d} "));
            p.insert(
                "description".into(),
                format!("{said}Placeholders: {}.", list.join(", ")).into(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_pins_version_2_and_refuses_unknown_keys() {
        let s = serde_json::to_value(schema()).unwrap();
        assert_eq!(s["properties"]["regl_bot_schema"]["const"], 2);
        assert_eq!(s["additionalProperties"], false);
        let button = &s["$defs"]["Button"]["properties"]["text"];
        assert_eq!(button["maxLength"], 20);
        let step = &s["$defs"]["StepV2"]["properties"];
        assert_eq!(step["buttons"]["maxItems"], 3);
        assert_eq!(step["options"]["maxItems"], 10);
        let when = &s["$defs"]["When"];
        assert!(when.to_string().contains("late_cancel"), "{when}");
    }

    #[test]
    fn an_unknown_key_is_an_error_and_x_is_the_team_s() {
        let b: Result<Button, _> = serde_json::from_str(r#"{"text":"Да","choise":"agreed"}"#);
        assert!(
            b.unwrap_err()
                .to_string()
                .contains("unknown field `choise`")
        );
        let w: Result<When, _> = serde_json::from_str(r#""late-cancel""#);
        assert!(w.is_err());
    }
}

#[cfg(test)]
mod docs_example {
    use super::*;

    /// docs/bot-runtime.md's full example is a valid version-2 file: the page and the types
    /// cannot drift apart.
    #[test]
    fn the_documented_example_reads_as_version_2() {
        let doc =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/bot-runtime.md"))
                .unwrap();
        let start = doc.find("<!-- bot-v2-example -->\n```json\n").unwrap();
        let body = &doc[start..];
        let body = &body[body.find('{').unwrap()..];
        let body = &body[..body.find("\n```").unwrap()];
        let config: BotConfigV2 = serde_json::from_str(body).unwrap();
        assert_eq!(config.regl_bot_schema, BOT_SCHEMA_VERSION_2);
        assert_eq!(config.branches.len(), 5);
        for action in Action::ALL {
            assert!(
                config.actions.get(action.as_str()).is_some(),
                "{}",
                action.as_str()
            );
        }
    }
}
