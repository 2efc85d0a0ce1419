//! The view of the consent to personal-data processing, a document of its own (152-FZ
//! art. 9): the operator, `[pd]`, the channels it covers and the CRM field that records
//! which version of the consent a client gave.

use serde::Serialize;

use super::Shared;
use super::common::{BotName, Common, Places};
use super::helpers::{channel_names, crm_system};
use super::pd::PdView;
use crate::model::business::Channel;
use crate::model::enums::Slot;

/// What `pd-consent.md` is rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct PdConsent<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub bot: BotName<'a>,
    pub channel_names: Vec<String>,
    pub cross_border_channels: Vec<String>,
    pub crm: ConsentRecord<'a>,
    pub pd: &'a PdView<'a>,
    /// Every location: the operator's document covers them all.
    pub places: Places<'a>,
}

/// Where the CRM keeps the consent.
#[derive(Debug, Clone, Serialize)]
pub struct ConsentRecord<'a> {
    pub system: &'static str,
    /// The label of the field holding the consent version; "" when there is none.
    pub consent_field: &'a str,
}

pub fn build<'s>(shared: &'s Shared<'_>) -> PdConsent<'s> {
    let b = shared.business;
    PdConsent {
        common: &shared.common,
        bot: BotName::new(b),
        channel_names: channel_names(b, |_| true),
        cross_border_channels: channel_names(b, Channel::cross_border),
        crm: ConsentRecord {
            system: crm_system(b.lang()),
            consent_field: b
                .crm
                .fields
                .iter()
                .find(|f| *f.slot == Slot::ConsentVersion)
                .map_or("", |f| f.label.as_str()),
        },
        pd: shared.pd(),
        places: Places::new(b),
    }
}
