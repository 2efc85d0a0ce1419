//! The view of the lead-handling SOP: the assistant and its branches, every channel with
//! its service levels, `[sla]`, the CRM card (fields, stages, tags), the escalation
//! thresholds and the bot's own replies.

use serde::Serialize;

use super::Shared;
use super::cancellation::FreeCancellation;
use super::channels::ChannelView;
use super::common::Common;
use super::escalation::EscalationTriggers;
use super::helpers::{
    DurationWords, branch_name, business_slot_name, channel_names, crm_system, fallback_text, pick,
    placeholders_in_words, stage_meaning, standard_field,
};
use super::open_line::OpenLineView;
use super::pd::MetaServices;
use super::sla::SlaView;
use crate::bottext::Replies;
use crate::model::business::{Business, Channel};
use crate::model::enums::{ChannelKind, CrmMode, Lang, StageSemantics};

/// What `lead-handling.md` is rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct LeadHandling<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub bot: Assistant<'a>,
    /// The channels where a person answers first.
    pub human_channels: Vec<String>,
    pub reminder_channels: Vec<String>,
    pub channels: &'a [ChannelView<'a>],
    pub sla: &'a SlaView,
    pub crm: CrmCard<'a>,
    /// The location's Open Line, as `regl push` sets it.
    pub open_line: OpenLineView,
    pub escalation: EscalationTriggers,
    pub cancellation: FreeCancellation,
    pub pd: &'a MetaServices,
    /// What the bot itself says at the moments the SOP describes, with its buttons.
    pub replies: Replies,
    /// What staff need of `[pd]` to take a booking by phone or in a channel without the bot.
    pub consent: StaffConsent<'a>,
    /// SMS is among the reminder channels: clients without a messenger still get them.
    pub sms_reminders: bool,
    /// The business processes health data: patients pick their reminder channels in writing.
    pub special: bool,
    /// Within this of detecting a breach, Roskomnadzor is told.
    pub breach_notice: &'a DurationWords,
}

/// The consent as staff handle it.
#[derive(Debug, Clone, Serialize)]
pub struct StaffConsent<'a> {
    pub booking_on_contract: bool,
    /// The optional consent's purposes, by name.
    pub optional: Vec<&'a str>,
    pub policy_url: String,
    pub consent_url: String,
    /// The card field that records the consent version; "" when there is none.
    pub field: &'a str,
    pub version: &'a str,
}

/// The AI assistant as the SOP describes it.
#[derive(Debug, Clone, Serialize)]
pub struct Assistant<'a> {
    pub name: &'a str,
    pub branches: Vec<&'static str>,
    /// What it asks before booking, in order.
    pub qualification: Vec<String>,
    pub upsell: bool,
    pub greeting: String,
    pub fallback: String,
}

/// The CRM card a request becomes.
#[derive(Debug, Clone, Serialize)]
pub struct CrmCard<'a> {
    pub system: &'static str,
    pub portal: &'a str,
    pub simple_mode: bool,
    /// «лид», or «сделка и контакт» in simple mode.
    pub card: String,
    pub required: Vec<RequiredField<'a>>,
    pub fields: Vec<FieldView<'a>>,
    pub stages: Vec<StageView<'a>>,
    pub tags: Vec<&'a str>,
    pub sources: Vec<SourceView<'a>>,
}

/// A field every card must have, with its label.
#[derive(Debug, Clone, Serialize)]
pub struct RequiredField<'a> {
    pub code: &'a str,
    pub label: String,
}

/// A user field the bot writes.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView<'a> {
    pub code: &'a str,
    pub label: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// What the bot writes there, in words.
    pub slot: String,
    pub values: Vec<&'a str>,
    pub required: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct StageView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// «в работе», «успешное завершение», «неуспешное завершение».
    pub semantics: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

pub fn build<'s>(shared: &'s Shared<'_>) -> LeadHandling<'s> {
    let b = shared.business;
    LeadHandling {
        common: &shared.common,
        bot: Assistant::new(b),
        human_channels: channel_names(b, |c| !c.bot()),
        reminder_channels: channel_names(b, Channel::reminders),
        channels: shared.channels(),
        sla: shared.sla(),
        crm: CrmCard::new(b),
        open_line: OpenLineView::new(b, shared.location),
        escalation: EscalationTriggers::new(b),
        cancellation: FreeCancellation::new(b),
        pd: &shared.pd().meta,
        replies: Replies::new(b, shared.location).map_texts(|t| placeholders_in_words(t, b.lang())),
        consent: StaffConsent::new(b),
        sms_reminders: b
            .channels
            .iter()
            .any(|c| c.reminders() && *c.id == ChannelKind::Sms),
        special: b.special_regime(),
        breach_notice: &shared.pd().breach_notice,
    }
}

impl<'a> StaffConsent<'a> {
    fn new(b: &'a Business) -> Self {
        let (policy, consent) = b.published_urls();
        Self {
            booking_on_contract: b.booking_on_contract(),
            optional: b.consent_purposes().map(|p| p.name.as_str()).collect(),
            policy_url: policy.unwrap_or_default(),
            consent_url: consent.unwrap_or_default(),
            field: b
                .crm
                .fields
                .iter()
                .find(|f| *f.slot == crate::model::enums::Slot::ConsentVersion)
                .map_or("", |f| f.label.as_str()),
            version: b
                .pd
                .consent_version
                .as_ref()
                .map_or(b.document.version.as_str(), |v| v.as_str()),
        }
    }
}

impl<'a> Assistant<'a> {
    fn new(b: &'a Business) -> Self {
        let lang = b.lang();
        let bot = &b.bot;
        let (business, name) = (b.business.name.as_str(), bot.name.as_str());
        let greeting = bot
            .texts
            .as_ref()
            .and_then(|t| t.greeting.as_ref())
            .map_or_else(
                || match lang {
                    Lang::Ru => format!(
                        "Здравствуйте! Это {business}, на связи {name} — виртуальный ассистент. Помогу записаться, подскажу цены и свободное время."
                    ),
                    Lang::En => format!(
                        "Hello! This is {business}; I am {name}, the virtual assistant. I can book you in and tell you about prices and free times."
                    ),
                },
                |g| g.value.clone(),
            );
        Self {
            name,
            branches: bot
                .branches
                .iter()
                .map(|br| branch_name(**br, lang))
                .collect(),
            qualification: bot
                .qualification
                .iter()
                .map(|s| business_slot_name(**s, b))
                .collect(),
            upsell: bot.upsell.as_ref().is_some_and(|u| u.value),
            greeting,
            fallback: fallback_text(b),
        }
    }
}

impl<'a> CrmCard<'a> {
    fn new(b: &'a Business) -> Self {
        let lang = b.lang();
        let crm = &b.crm;
        let simple = *crm.mode == CrmMode::Simple;
        let is_required = |code: &str| crm.required.iter().any(|r| r.as_str() == code);
        Self {
            system: crm_system(lang),
            portal: crm.portal.as_str(),
            simple_mode: simple,
            card: if simple {
                pick(lang, "сделка и контакт", "deal and contact")
            } else {
                pick(lang, "лид", "lead")
            },
            required: crm
                .required
                .iter()
                .map(|code| RequiredField {
                    code: code.as_str(),
                    label: crm
                        .fields
                        .iter()
                        .find(|f| f.code.as_str() == code.as_str())
                        .map_or_else(|| standard_field(code, lang), |f| f.label.value.clone()),
                })
                .collect(),
            fields: crm
                .fields
                .iter()
                .map(|f| FieldView {
                    code: f.code.as_str(),
                    label: f.label.as_str(),
                    kind: f.kind.as_str(),
                    slot: business_slot_name(*f.slot, b),
                    values: f
                        .values
                        .iter()
                        .flat_map(|v| v.iter())
                        .map(|x| x.as_str())
                        .collect(),
                    required: is_required(f.code.as_str()),
                })
                .collect(),
            stages: crm
                .stages
                .iter()
                .map(|s| StageView {
                    id: s.id.as_str(),
                    name: s.name.as_str(),
                    semantics: stage_meaning(
                        s.semantics
                            .as_ref()
                            .map_or(StageSemantics::InProgress, |x| x.value),
                        lang,
                    ),
                })
                .collect(),
            tags: crm
                .tags
                .iter()
                .flat_map(|t| t.iter())
                .map(|t| t.as_str())
                .collect(),
            sources: crm
                .sources
                .iter()
                .flatten()
                .map(|s| SourceView {
                    id: s.id.as_str(),
                    name: s.name.as_str(),
                })
                .collect(),
        }
    }
}
