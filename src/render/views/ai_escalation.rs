//! The view of the AI assistant's escalation rules: the triggers and alerts of
//! `[escalation]`, the channels with their response times, the person on duty (in the
//! common location) and how long the dialogues are kept.

use serde::Serialize;

use super::Shared;
use super::channels::ChannelView;
use super::common::{Common, CrmName};
use super::escalation::EscalationView;
use super::helpers::{DurationWords, fallback_text};

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
    pub escalation_response: &'a DurationWords,
}

/// How long dialogues (and so the escalation log) are kept.
#[derive(Debug, Clone, Serialize)]
pub struct ChatRetention<'a> {
    pub chat_retention: &'a DurationWords,
}

pub fn build<'s>(shared: &'s Shared<'_>) -> AiEscalation<'s> {
    let b = shared.business;
    AiEscalation {
        common: &shared.common,
        bot: HandingOver {
            name: b.bot.name.as_str(),
            fallback: fallback_text(b),
        },
        channels: shared.channels(),
        crm: CrmName::new(b),
        escalation: EscalationView::new(b),
        sla: EscalationSla {
            escalation_response: &shared.sla().escalation_response,
        },
        pd: ChatRetention {
            chat_retention: &shared.pd().chat_retention,
        },
    }
}
