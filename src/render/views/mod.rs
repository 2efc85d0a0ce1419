//! What each document is made from: one typed view per document, built from the validated
//! [`Business`] and one [`Location`], everything already worded in the business's language.
//!
//! A view is the [`Common`] part every document prints (language, business, document
//! control, location) flattened beside the document's own fields, so a template reads
//! `{{ location.city }}` and `{{ sla.lead_to_crm.nom }}` alike. The variable names are a
//! contract: users override templates with the same names, and the built-in template of
//! each document finds in its view every variable it uses, with the shape it had.
//!
//! Templates do no arithmetic and no grammar: every duration arrives in words in three
//! cases, money with its separators, dates spelt out, and every comparison a document
//! states (which reminders arrive inside the free-cancellation window, which processors are
//! abroad) is computed here, from the config alone, so no figure in a document is invented.
//!
//! [`Shared`] holds what several documents of a location print: the common part, built
//! at once, and the channel table, `[sla]` and `[pd]`, built the first time a document asks
//! and then lent to the others, so rendering six documents computes each part once.

pub mod ai_escalation;
pub mod ai_training;
pub mod cancellation;
pub mod channels;
pub mod common;
pub mod escalation;
pub mod helpers;
pub mod lead_handling;
pub mod open_line;
pub mod pd;
pub mod pd_consent;
pub mod pd_consent_written;
pub mod pd_notice;
pub mod pd_policy;
pub mod pd_register;
pub mod pd_retention;
pub mod sla;
pub mod sla_sheet;

use std::cell::OnceCell;

use tera::Context;

pub use channels::ChannelView;
pub use common::Common;
pub use pd::PdView;
pub use sla::SlaView;
pub use sla_sheet::SlaSheet;

use super::kind::DocKind;
use crate::model::business::{Business, Location};

/// What the documents of one location share, each part built once.
pub struct Shared<'a> {
    pub business: &'a Business,
    pub location: &'a Location,
    pub common: Common<'a>,
    channels: OnceCell<Vec<ChannelView<'a>>>,
    sla: OnceCell<SlaView>,
    pd: OnceCell<PdView<'a>>,
}

impl<'a> Shared<'a> {
    pub fn new(b: &'a Business, loc: &'a Location) -> Self {
        Self {
            business: b,
            location: loc,
            common: Common::new(b, loc),
            channels: OnceCell::new(),
            sla: OnceCell::new(),
            pd: OnceCell::new(),
        }
    }

    /// Every channel with its service levels.
    pub fn channels(&self) -> &[ChannelView<'a>] {
        self.channels
            .get_or_init(|| ChannelView::all(self.business))
    }

    pub fn sla(&self) -> &SlaView {
        self.sla.get_or_init(|| SlaView::new(self.business))
    }

    pub fn pd(&self) -> &PdView<'a> {
        self.pd.get_or_init(|| PdView::new(self.business))
    }
}

/// The template context of a document of the location: its view, as Tera reads it.
pub fn context(kind: DocKind, shared: &Shared<'_>) -> Context {
    let context = match kind {
        DocKind::LeadHandling => Context::from_serialize(&lead_handling::build(shared)),
        DocKind::SlaSheet => Context::from_serialize(&sla_sheet::build(shared)),
        DocKind::PdPolicy => Context::from_serialize(&pd_policy::build(shared)),
        DocKind::AiEscalation => Context::from_serialize(&ai_escalation::build(shared)),
        DocKind::PdConsent => Context::from_serialize(&pd_consent::build(shared)),
        DocKind::Cancellation => Context::from_serialize(&cancellation::build(shared)),
        DocKind::PdConsentWritten => Context::from_serialize(&pd_consent_written::build(shared)),
        DocKind::PdRetention => Context::from_serialize(&pd_retention::build(shared)),
        DocKind::AiTraining => Context::from_serialize(&ai_training::build(shared)),
        DocKind::PdRegister => Context::from_serialize(&pd_register::build(shared)),
    };
    // A view is a struct of strings, numbers, booleans and lists: always a map.
    context.expect("a document's view serialises to a map")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;
    use crate::model::load::parse;

    fn salon() -> Business {
        let text = include_str!("../../../examples/salon-ufa-omsk/business.toml");
        parse(text, FileId(0)).expect("the example loads")
    }

    fn json(ctx: &Context, key: &str) -> serde_json::Value {
        serde_json::to_value(ctx.get(key).unwrap_or_else(|| panic!("no `{key}`"))).unwrap()
    }

    #[test]
    fn every_document_sees_the_common_part() {
        let b = salon();
        let shared = Shared::new(&b, b.location("omsk").unwrap());
        for kind in DocKind::ALL {
            let ctx = context(kind, &shared);
            assert_eq!(json(&ctx, "lang"), "ru", "{kind:?}");
            assert_eq!(json(&ctx, "location")["city"], "Омск", "{kind:?}");
            assert_eq!(
                json(&ctx, "business")["legal_name"],
                "ООО «Лада»",
                "{kind:?}"
            );
            assert_eq!(json(&ctx, "document")["version"], "1.0", "{kind:?}");
            assert!(json(&ctx, "bot_channels").as_array().is_some(), "{kind:?}");
        }
    }

    #[test]
    fn a_document_gets_only_its_own_parts() {
        let b = salon();
        let shared = Shared::new(&b, &b.locations[0]);
        let policy = context(DocKind::PdPolicy, &shared);
        assert!(policy.get("pd").is_some());
        assert!(policy.get("channels").is_none() && policy.get("replies").is_none());
        let cancellation = context(DocKind::Cancellation, &shared);
        assert!(cancellation.get("pd").is_none());
        assert!(cancellation.get("prepaid_services").is_some());
    }

    #[test]
    fn the_sop_carries_the_bots_own_replies() {
        let b = salon();
        let ufa = b.location("ufa").unwrap();
        let ctx = context(DocKind::LeadHandling, &Shared::new(&b, ufa));
        let replies = json(&ctx, "replies");
        let greeting = replies["greeting"]["say"].as_str().unwrap();
        assert!(greeting.contains("Уфа"), "{greeting}");
        assert_eq!(replies["consent"]["buttons"][0], "Даю согласие");
        assert_eq!(
            replies["reminders"].as_array().unwrap().len(),
            b.sla.reminders.len()
        );
        assert!(!replies["handoff"].as_str().unwrap().is_empty());
    }

    #[test]
    fn the_sla_sheet_view_has_the_week_and_the_zone() {
        let b = salon();
        let shared = Shared::new(&b, b.location("ufa").unwrap());
        let view = sla_sheet::build(&shared);
        assert_eq!(view.week.len(), 7);
        assert_eq!(view.week[0][0].opens, "09:00");
        assert_eq!(view.timezone_shown, "Asia/Yekaterinburg (UTC+5)");
        assert_eq!(view.channels.len(), b.channels.len());
        // The channel table is built once and lent to every document that prints it.
        assert!(std::ptr::eq(view.channels, shared.channels()));
    }
}
