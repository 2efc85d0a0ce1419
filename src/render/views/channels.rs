//! The channels as the documents list them: each with its name, who answers there and its
//! service levels after the channel's own overrides. The lead-handling SOP, the escalation
//! rules and the SLA sheet all print this table, so it is built once per location.

use std::borrow::Cow;

use serde::Serialize;

use super::helpers::{DurationWords, channel_name};
use crate::model::business::{Business, Channel};

/// One channel and its service levels.
// Templates test each of these flags by name: they are the template contract.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Serialize)]
pub struct ChannelView<'a> {
    pub id: &'static str,
    /// As running text names it: «чат на сайте».
    pub name: String,
    pub bot: bool,
    pub reminders: bool,
    pub cross_border: bool,
    /// `WhatsApp` or Instagram: Meta's, whose status the documents state.
    pub meta: bool,
    /// The channel's `source_id`, or the natural one its leads are filed under.
    pub source_id: Cow<'a, str>,
    /// The channel overrides at least one of `[sla]`'s times.
    pub overridden: bool,
    pub sla: ChannelSla,
}

/// `[sla]` with the channel's overrides applied.
#[derive(Debug, Clone, Serialize)]
pub struct ChannelSla {
    pub ai_first_response: DurationWords,
    pub human_first_response: DurationWords,
    pub lead_to_crm: DurationWords,
    pub booking_confirmation: DurationWords,
    pub escalation_response: DurationWords,
}

impl<'a> ChannelView<'a> {
    pub fn new(b: &Business, c: &'a Channel) -> Self {
        let lang = b.lang();
        let d = |x| DurationWords::new(x, lang);
        let sla = b.channel_sla(c);
        let own = &c.sla;
        Self {
            id: c.id.as_str(),
            name: channel_name(c, lang).to_owned(),
            bot: c.bot(),
            reminders: c.reminders(),
            cross_border: c.cross_border(),
            meta: c.id.is_meta(),
            source_id: c.source_id.as_ref().map_or_else(
                || Cow::Owned(crate::model::bitrix24::channel_source(c)),
                |s| Cow::Borrowed(s.as_str()),
            ),
            overridden: own.ai_first_response.is_some()
                || own.human_first_response.is_some()
                || own.lead_to_crm.is_some()
                || own.booking_confirmation.is_some()
                || own.escalation_response.is_some(),
            sla: ChannelSla {
                ai_first_response: d(sla.ai_first_response),
                human_first_response: d(sla.human_first_response),
                lead_to_crm: d(sla.lead_to_crm),
                booking_confirmation: d(sla.booking_confirmation),
                escalation_response: d(sla.escalation_response),
            },
        }
    }

    /// Every channel of the business, in the config's order.
    pub fn all(b: &'a Business) -> Vec<Self> {
        b.channels.iter().map(|c| Self::new(b, c)).collect()
    }
}
