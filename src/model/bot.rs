//! The bot runtime's config (SPEC §4): what `export` writes and `lint` reads, so it lives in
//! the model and neither verb imports the other.
//!
//! Field order here is key order in the written JSON, so the file diffs cleanly. The keys
//! SPEC §4 names come first, with exactly those names and meanings; the rest (texts,
//! services, placeholders) are what a runtime needs to speak. Unknown keys are accepted on
//! reading: the bot team may add their own.

// The doc comments below are the JSON Schema's descriptions, which the bot team reads as
// plain text, so they name values without Markdown.
#![allow(clippy::doc_markdown)]

use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The version of this file's shape; a runtime refuses a file whose `regl_bot_schema` it
/// does not know.
pub const BOT_SCHEMA_VERSION: u32 = 1;

/// The placeholders a runtime fills in the texts at send time, with their meaning. Any
/// other `{…}` in a text is a bug.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("client_name", "the client's name as they gave it"),
    ("client_phone", "the client's phone, E.164"),
    ("service", "the name of the booked or asked-about service"),
    (
        "visit_date",
        "the visit's date in the location's time zone, e.g. 12.03",
    ),
    ("visit_time", "the visit's local start time, e.g. 14:30"),
    (
        "keyword",
        "the escalation keyword the client wrote (escalation texts)",
    ),
    (
        "reason",
        "why the dialogue was escalated: one of `escalation.reasons` (escalation texts)",
    ),
    (
        "lead_url",
        "link to the client's card in Bitrix24 (escalation texts)",
    ),
];

/// A location's bot config: scripts, thresholds and CRM writes, in the business's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BotConfig {
    /// The version of this file's shape; check it before reading anything else.
    pub regl_bot_schema: u32,
    /// The location id this file is for.
    pub location: String,
    /// The language of every text: "ru" or "en".
    pub lang: String,
    /// The location's IANA time zone; visit times and working hours are local to it.
    pub timezone: String,
    /// Working hours, as in business.toml, e.g. "mon-fri 09:00-21:00"; days not listed are
    /// closed.
    pub hours: Vec<String>,
    /// The bot answers outside working hours too.
    pub night_mode: bool,
    /// Channel ids the bot answers in (whatsapp, telegram, vk, website, …).
    pub channels: Vec<String>,
    pub limits: Limits,
    pub consent: Consent,
    /// The five conversation branches: booking, cancel, price, promo, callback.
    pub branches: Vec<BranchScript>,
    pub fallback: Fallback,
    pub escalation: EscalationRules,
    pub reminders: Reminders,
    pub cancellation: CancellationTerms,
    pub crm: CrmWrites,
    /// Who is speaking, for whom and where.
    pub assistant: Assistant,
    pub greeting: Greeting,
    /// The questions asked before booking, in order, after consent.
    pub qualification: Vec<Step>,
    pub upsell: Upsell,
    pub nps: Nps,
    /// The services the bot can book and quote, with prices.
    pub services: Vec<ServiceInfo>,
    /// Placeholder name → meaning: the only `{…}` a text may contain.
    pub placeholders: OrderedMap<String>,
}

/// Response and hand-off thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Limits {
    /// The AI's first response, in seconds: the strictest SLA of the bot's channels.
    pub first_response_s: u64,
    /// Below this model confidence the dialogue goes to a person.
    pub min_confidence: f64,
    /// Bot turns without progress before a person takes over.
    pub max_bot_turns: u32,
}

/// Consent to personal-data processing, asked before any personal data (152-FZ).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Consent {
    /// Slots collected only after the client consents; ask `text` before the first of them.
    pub before: Vec<String>,
    /// The consent request, linking the policy and the separate consent document.
    pub text: String,
    /// The published personal-data policy.
    pub policy_url: String,
    /// The published consent document.
    pub consent_url: String,
    /// When consent is asked: "before_collect" or "first_message".
    pub moment: String,
    /// The consent text's version, written to the CRM with the consent (proof of consent).
    pub version: String,
    /// Reply buttons: agree, decline.
    pub buttons: Vec<String>,
    /// What the bot says when the client declines.
    pub declined: String,
}

/// One conversation branch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BranchScript {
    /// booking, cancel, price, promo or callback.
    pub id: String,
    /// A human title, for the runtime's menus and logs.
    pub title: String,
    /// Example phrases that start this branch, for the intent classifier.
    pub triggers: Vec<String>,
    pub steps: Vec<Step>,
}

/// One step of a script: say something, maybe ask for a slot, maybe act.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Step {
    /// When this step applies: agreed (the client took the first button), declined,
    /// reschedule, cancel, late_cancel (inside the free-cancellation window) or urgent_cancel
    /// (inside the urgent window). Steps without one always run, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    pub say: String,
    /// The slot this step fills (name, phone, service, preferred_time, …), or "consent".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<String>,
    /// Reply buttons: at most 3, each at most 20 characters (WhatsApp's limits).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<String>,
    /// List rows to pick from: at most 10, titles at most 24 characters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ListRow>,
    /// What the runtime does after this step: save_lead, book, reschedule, cancel,
    /// schedule_callback, offer_upsell, handoff, or branch:<id> to continue in another branch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// A row of a list message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListRow {
    /// The value put into the slot (a service id).
    pub id: String,
    /// At most 24 characters.
    pub title: String,
    /// At most 72 characters.
    pub description: String,
}

/// What the bot does when it cannot answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Fallback {
    pub say: String,
    /// Always true: the dialogue goes to a person.
    pub handoff: bool,
}

/// When and how a dialogue goes to a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EscalationRules {
    /// A client message containing any of these goes to a person.
    pub keywords: Vec<String>,
    /// Orders above this sum (rubles) go to a person.
    pub amount_over: u64,
    /// A cancellation this close to the visit (seconds) goes to a person.
    pub urgent_cancel_within_s: u64,
    /// How the person on duty is called: bitrix_task, telegram, sms, email.
    pub notify: Vec<String>,
    /// The Bitrix24 task tag of this location.
    pub tag: String,
    pub duty: DutyContacts,
    /// A person answers an escalation within this many seconds.
    pub response_s: u64,
    /// What the bot tells the client when it hands over.
    pub say: String,
    /// Reason id → how the reason reads in notifications (fills `{reason}`).
    pub reasons: OrderedMap<String>,
    /// Notification texts for the person on duty.
    pub messages: EscalationMessages,
}

/// The location's duty contacts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DutyContacts {
    pub name: String,
    /// E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telegram: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// What the person on duty receives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EscalationMessages {
    pub task_title: String,
    pub task_description: String,
    pub telegram: String,
    pub sms: String,
}

/// Visit reminders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reminders {
    /// Seconds before the visit, in the SLA's order.
    pub offsets_s: Vec<u64>,
    /// Channel ids reminders are sent in.
    pub channels: Vec<String>,
    /// Local time window reminders are sent in, e.g. "08:00-22:00".
    pub send_between: String,
    /// One text per offset, in the same order.
    pub texts: Vec<ReminderText>,
}

/// The reminder sent at one offset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReminderText {
    pub offset_s: u64,
    pub say: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<String>,
}

/// Cancellation terms the bot quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CancellationTerms {
    /// Free cancellation up to this many seconds before the visit.
    pub free_until_s: u64,
    /// How many times a booking may be moved.
    pub reschedule_max: u32,
    pub late_fee_percent: u8,
    pub no_show_fee_percent: u8,
}

/// What the bot writes to the CRM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CrmWrites {
    /// "bitrix24".
    pub system: String,
    /// "leads", or "simple" (a portal without leads: deals and contacts).
    pub mode: String,
    /// The portal's domain; the webhook token comes from the runtime's environment only.
    pub portal: String,
    /// Slot → Bitrix24 field code, for every slot the bot collects; `source` → SOURCE_ID.
    pub writes: OrderedMap<String>,
    /// Channel id → SOURCE_ID of the leads from it.
    pub sources: OrderedMap<String>,
    /// Tags put on every lead the bot creates.
    pub tags: Vec<String>,
    /// Where the field payloads are: the file `export` writes next to the location folders.
    pub mapping: String,
}

/// Who is speaking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assistant {
    /// The bot's name.
    pub name: String,
    pub business: String,
    pub city: String,
    pub address: String,
    /// The location's phone, E.164.
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// The first message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Greeting {
    pub say: String,
    pub buttons: Vec<String>,
    /// Said first outside working hours.
    pub after_hours: String,
}

/// Offers on top of a booked service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Upsell {
    pub enabled: bool,
    pub offers: Vec<UpsellOffer>,
}

/// What to offer with one service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpsellOffer {
    /// The booked service's id.
    pub service: String,
    /// Ids of the services offered on top, in order.
    pub offer: Vec<String>,
    pub say: String,
    pub buttons: Vec<String>,
}

/// The satisfaction survey after the visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Nps {
    /// Seconds after the visit.
    pub after_s: u64,
    /// The question, on a scale from `scale_min` to `scale_max`.
    pub say: String,
    pub scale_min: u8,
    pub scale_max: u8,
    /// Scores up to this are detractors: their answer goes to a person.
    pub detractor_max: u8,
    /// Scores from this are promoters.
    pub promoter_min: u8,
    pub detractor: String,
    pub passive: String,
    pub promoter: String,
}

/// A service as the bot quotes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ServiceInfo {
    pub id: String,
    pub name: String,
    /// Rubles.
    pub price_from: u64,
    /// The price as the bot writes it, e.g. «от 1 500 ₽».
    pub price_text: String,
    pub duration_s: u64,
    pub prepayment_percent: u8,
    /// Ids of services offered on top.
    pub upsell: Vec<String>,
}

/// A JSON object whose keys keep the order they were written in, so exports are stable and
/// read in the order a person would list them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> OrderedMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    /// Adds `key` unless it is already there: the first writer wins.
    pub fn insert_new(&mut self, key: impl Into<String>, value: V) {
        let key = key.into();
        if self.get(&key).is_none() {
            self.0.push((key, value));
        }
    }
}

impl<V: Serialize> Serialize for OrderedMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Visit<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    out.push((k, v));
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(Visit(PhantomData))
    }
}

impl<V: JsonSchema> JsonSchema for OrderedMap<V> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("OrderedMap_of_{}", V::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": generator.subschema_for::<V>(),
        })
    }
}

/// The JSON Schema of the bot config, with the version pinned and the placeholders listed.
pub fn schema() -> Schema {
    let mut schema = schemars::schema_for!(BotConfig);
    schema.insert("title".into(), "regl bot config".into());
    let list: Vec<String> = PLACEHOLDERS
        .iter()
        .map(|(name, meaning)| format!("{{{name}}} — {meaning}"))
        .collect();
    schema.insert(
        "description".into(),
        format!(
            "The bot runtime's config of one location, written by `regl export` and checked by \
             `regl lint`. Refuse a file whose `regl_bot_schema` is not {BOT_SCHEMA_VERSION}. \
             Durations are whole seconds. Texts may contain these placeholders, filled at send \
             time: {}.",
            list.join("; ")
        )
        .into(),
    );
    if let Some(v) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut("regl_bot_schema"))
        .and_then(serde_json::Value::as_object_mut)
    {
        v.insert("const".into(), BOT_SCHEMA_VERSION.into());
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_maps_keep_their_order_both_ways() {
        let m = OrderedMap(vec![("z".to_owned(), 1), ("a".to_owned(), 2)]);
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(text, r#"{"z":1,"a":2}"#);
        let back: OrderedMap<i32> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn the_schema_pins_the_version() {
        let s = serde_json::to_value(schema()).unwrap();
        assert_eq!(s["properties"]["regl_bot_schema"]["const"], 1);
        let required = s["required"].as_array().unwrap();
        for key in [
            "regl_bot_schema",
            "location",
            "channels",
            "limits",
            "consent",
            "branches",
            "fallback",
            "escalation",
            "reminders",
            "cancellation",
            "crm",
        ] {
            assert!(required.iter().any(|k| k == key), "`{key}` not required");
        }
    }
}
