//! The view of the AI assistant's escalation rules: the triggers and alerts of
//! `[escalation]`, the channels with their response times, the person on duty (in the
//! common location) and how long the dialogues are kept.

use serde::Serialize;

use super::Shared;
use super::channels::ChannelView;
use super::common::{Common, CrmName};
use super::escalation::EscalationView;
use std::collections::BTreeMap;

use super::helpers::{DurationWords, placeholders_in_words};
use crate::bottext::Texts;
use crate::model::business::{Business, Location};

/// What `ai-escalation-rules.md` is rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct AiEscalation<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub bot: HandingOver<'a>,
    pub channels: &'a [ChannelView<'a>],
    pub crm: CrmName,
    pub escalation: EscalationView<'a>,
    pub sla: EscalationSla<'a>,
    pub pd: ChatRetention<'a>,
    /// What the person on duty receives: the bot's own notification texts.
    pub alert: Alert,
}

/// The notifications the bot sends when it hands a dialogue over, as the bot config has
/// them, placeholders in words: the document cannot promise other contents than the bot
/// sends.
#[derive(Debug, Clone, Serialize)]
pub struct Alert {
    pub task_title: String,
    pub task_description: String,
    pub telegram: String,
    pub sms: String,
    /// How each trigger reads in a notification, by reason id.
    pub reasons: BTreeMap<String, String>,
    /// A keyword may be a symptom: notifications never quote the client.
    pub health_keywords: bool,
    /// The business processes health data.
    pub special: bool,
}

/// The assistant and what it says when it hands a dialogue over.
#[derive(Debug, Clone, Serialize)]
pub struct HandingOver<'a> {
    pub name: &'a str,
    pub fallback: String,
}

/// How soon a person answers an escalated dialogue.
#[derive(Debug, Clone, Serialize)]
pub struct EscalationSla<'a> {
    /// Outside working hours.
    pub escalation_response: &'a DurationWords,
    /// In working hours a hand-off is answered as fast as any first message.
    pub human_first_response: &'a DurationWords,
}

/// How long dialogues (and so the escalation log) are kept.
#[derive(Debug, Clone, Serialize)]
pub struct ChatRetention<'a> {
    pub chat_retention: &'a DurationWords,
}

/// What the bot itself says when it cannot answer: the document quotes the bot.
fn fallback_of(b: &Business, loc: &Location) -> String {
    let (policy, consent) = b.published_urls();
    let t = Texts::new(
        b,
        loc,
        policy.unwrap_or_default(),
        consent.unwrap_or_default(),
    );
    placeholders_in_words(&t.fallback(), b.lang())
}

impl Alert {
    fn new(b: &Business, loc: &Location) -> Self {
        let lang = b.lang();
        let (policy, consent) = b.published_urls();
        let t = Texts::new(
            b,
            loc,
            policy.unwrap_or_default(),
            consent.unwrap_or_default(),
        );
        let [task_title, task_description, telegram, sms] = t
            .escalation_messages()
            .map(|m| placeholders_in_words(&m, lang));
        Self {
            task_title,
            task_description,
            telegram,
            sms,
            reasons: t
                .reasons()
                .into_iter()
                .map(|(k, v)| (k, placeholders_in_words(&v, lang)))
                .collect(),
            health_keywords: b.keywords_may_carry_health(),
            special: b.special_regime(),
        }
    }
}

pub fn build<'s>(shared: &'s Shared<'_>) -> AiEscalation<'s> {
    let b = shared.business;
    AiEscalation {
        common: &shared.common,
        bot: HandingOver {
            name: b.bot.name.as_str(),
            fallback: fallback_of(b, shared.location),
        },
        channels: shared.channels(),
        crm: CrmName::new(b),
        escalation: EscalationView::new(b),
        sla: EscalationSla {
            escalation_response: &shared.sla().escalation_response,
            human_first_response: &shared.sla().human_first_response,
        },
        pd: ChatRetention {
            chat_retention: &shared.pd().chat_retention,
        },
        alert: Alert::new(b, shared.location),
    }
}
