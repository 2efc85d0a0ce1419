//! The view of the written consent to processing health data (п. 1 ч. 2 ст. 10 and ч. 4
//! ст. 9 152-FZ): a form complete in itself, since it is the page a patient signs. It names
//! the operator with its identifiers, every address where patients are seen, the health
//! data, the purpose, the processors that receive those data (names and addresses), the
//! actions, the term and the way to withdraw, and the channels a patient may tick for
//! reminders.

use serde::Serialize;

use super::Shared;
use super::common::{Common, LocationView, Places};
use super::helpers::{DurationWords, channel_name};
use super::pd::ProcessorView;
use crate::model::business::{Business, Channel};
use crate::model::enums::ProcessorRole;
use crate::model::purposes::LegalBasis;

/// What `pd-consent-written.md` is rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct PdConsentWritten<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    /// Every location, where the operator sees patients.
    pub locations: Vec<LocationView<'a>>,
    pub places: Places<'a>,
    pub special_categories: Vec<&'a str>,
    /// The purpose the health data serve: the first that rests on the contract (the
    /// treatment), or else the first purpose.
    pub purpose: &'a str,
    /// The processors that receive health data: instructed, in Russia, keeping the card
    /// (CRM) or the servers (hosting). Messengers, SMS gateways and the AI service never do.
    pub processors: Vec<ProcessorView<'a>>,
    /// The channels a patient may choose for reminders, by name.
    pub reminder_channels: Vec<String>,
    pub retention: Option<DurationWords>,
}

/// Which processors receive health data: those a card or its storage lives with.
pub fn receives_health_data(
    b: &Business,
) -> impl Iterator<Item = &crate::model::business::Processor> {
    b.pd.processors.iter().map(|p| &p.value).filter(|p| {
        p.is_instructed()
            && p.in_russia()
            && matches!(*p.role, ProcessorRole::Crm | ProcessorRole::Hosting)
    })
}

pub fn build<'s>(shared: &'s Shared<'_>) -> PdConsentWritten<'s> {
    let b = shared.business;
    let lang = b.lang();
    PdConsentWritten {
        common: &shared.common,
        locations: b
            .locations
            .iter()
            .map(|l| LocationView::new(b, l))
            .collect(),
        places: Places::new(b),
        special_categories: b
            .pd
            .special_categories()
            .iter()
            .map(|s| s.as_str())
            .collect(),
        purpose: b
            .pd
            .purposes
            .iter()
            .find(|p| *p.basis == LegalBasis::Contract)
            .or_else(|| b.pd.purposes.first())
            .map_or("", |p| p.name.as_str()),
        processors: receives_health_data(b)
            .map(|p| ProcessorView::new(p, lang))
            .collect(),
        reminder_channels: b
            .channels
            .iter()
            .filter(|c| Channel::reminders(c))
            .map(|c| channel_name(c, lang).to_owned())
            .collect(),
        retention: b
            .pd
            .retention
            .as_ref()
            .map(|r| DurationWords::new(**r, lang)),
    }
}
