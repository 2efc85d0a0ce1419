//! The view of the personal-data processing policy (152-FZ art. 18.1): the operator, the
//! channels and which of them send data abroad, and all of `[pd]`.

use serde::Serialize;

use super::Shared;
use super::common::{BotName, Common, CrmName, Places};
use super::helpers::channel_names;
use super::pd::PdView;
use crate::model::business::Channel;

/// What `pd-policy.md` is rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct PdPolicy<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub bot: BotName<'a>,
    /// Every channel, by name: the policy covers them all.
    pub channel_names: Vec<String>,
    /// The channels whose provider transfers data abroad.
    pub cross_border_channels: Vec<String>,
    pub crm: CrmName,
    pub pd: &'a PdView<'a>,
    /// Every location: the operator's document covers them all.
    pub places: Places<'a>,
}

pub fn build<'s>(shared: &'s Shared<'_>) -> PdPolicy<'s> {
    let b = shared.business;
    PdPolicy {
        common: &shared.common,
        bot: BotName::new(b),
        channel_names: channel_names(b, |_| true),
        cross_border_channels: channel_names(b, Channel::cross_border),
        crm: CrmName::new(b),
        pd: shared.pd(),
        places: Places::new(b),
    }
}
