//! `[escalation]` as the documents state it: the triggers that hand a dialogue to a person,
//! with their thresholds in words, and how the person on duty is called.

use serde::Serialize;

use super::helpers::{DurationWords, count_words, notify_name};
use crate::model::business::Business;
use crate::model::enums::Notify;
use crate::words::{fmt_decimal, fmt_money, fmt_share};

/// The thresholds past which the assistant hands over: what the SOP and the escalation
/// rules both list.
#[derive(Debug, Clone, Serialize)]
pub struct EscalationTriggers {
    pub max_bot_turns: u32,
    /// «6 ходов».
    pub max_bot_turns_words: String,
    /// After «более» Russian wants the genitive: «более 2 ходов», «более 1 хода».
    pub max_bot_turns_gen: String,
    pub amount_over: String,
    pub urgent_cancel_within: DurationWords,
    /// Survey scores up to this hand over (0–6).
    pub nps_detractor_max: u8,
}

/// Everything the escalation rules print: the triggers, the keywords and the alerts.
// Templates test each of these flags by name: they are the template contract.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Serialize)]
pub struct EscalationView<'a> {
    pub keywords: Vec<&'a str>,
    pub min_confidence: String,
    pub min_confidence_share: String,
    #[serde(flatten)]
    pub triggers: EscalationTriggers,
    pub notify: Vec<&'static str>,
    pub notify_names: Vec<&'static str>,
    pub bitrix_task: bool,
    pub telegram: bool,
    pub sms: bool,
    pub email: bool,
}

impl EscalationTriggers {
    pub fn new(b: &Business) -> Self {
        let lang = b.lang();
        let e = &b.escalation;
        let turns = u64::from(*e.max_bot_turns);
        Self {
            max_bot_turns: *e.max_bot_turns,
            // «ответов», as the bot's own notice says («6 ответов ассистента без результата»).
            max_bot_turns_words: count_words(
                turns,
                ("ответ", "ответа", "ответов"),
                ("reply", "replies"),
                lang,
            ),
            max_bot_turns_gen: count_words(
                turns,
                ("ответа", "ответов", "ответов"),
                ("reply", "replies"),
                lang,
            ),
            amount_over: fmt_money(e.amount_over.0, lang),
            urgent_cancel_within: DurationWords::new(*e.urgent_cancel_within, lang),
            nps_detractor_max: b.sla.nps_detractor_max(),
        }
    }
}

impl<'a> EscalationView<'a> {
    pub fn new(b: &'a Business) -> Self {
        let lang = b.lang();
        let e = &b.escalation;
        let has = |n: Notify| e.notify.iter().any(|x| **x == n);
        Self {
            keywords: e.keywords.iter().map(|k| k.as_str()).collect(),
            min_confidence: fmt_decimal(e.min_confidence.0, lang),
            min_confidence_share: fmt_share(e.min_confidence.0, lang),
            triggers: EscalationTriggers::new(b),
            notify: e.notify.iter().map(|n| n.as_str()).collect(),
            notify_names: e.notify.iter().map(|n| notify_name(**n, lang)).collect(),
            bitrix_task: has(Notify::BitrixTask),
            telegram: has(Notify::Telegram),
            sms: has(Notify::Sms),
            email: has(Notify::Email),
        }
    }
}
