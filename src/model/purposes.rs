//! The purposes of processing (`[[pd.purposes]]`), each with its legal basis, its data and
//! subjects, and how long its data are kept from which event (ст. 18.1, ст. 5 and ст. 6
//! 152-FZ). A purpose may also be written as a plain string, as the first release had them:
//! it then rests on consent and takes `[pd].categories` and `[pd].retention`.
//!
//! The basis decides what a refused consent ends (SPEC §4.1): a booking rests on the
//! contract the client asks for (п. 5 ч. 1 ст. 6), a complaint on the operator's duties under
//! consumer law (п. 2 ч. 1 ст. 6), a quality survey or marketing on consent, given separately
//! and optionally.

use schemars::JsonSchema;

use super::business::Business;
use super::duration::Duration;
use super::enums::Branch;
use super::read::{Cx, FromToml, Sp, Table, Val, string_enum};
use crate::i18n::Text;

string_enum! {
    /// Why the operator may process a purpose's data (ч. 1 ст. 6 152-FZ).
    pub enum LegalBasis {
        /// A contract the client is party to or asks for (п. 5): booking, the visit, reminders.
        Contract = "contract",
        /// A duty the law puts on the operator (п. 2): answering complaints and claims.
        LegalDuty = "legal_duty",
        /// The client's consent (п. 1): quality surveys, marketing. Given separately.
        Consent = "consent",
    }
}

string_enum! {
    /// The event a purpose's retention runs from.
    pub enum RetentionFrom {
        /// The client's last visit: a loyal client's card is not destroyed while they come.
        LastVisit = "last_visit",
        /// The request or complaint is closed.
        RequestClosed = "request_closed",
        /// Consent was given.
        ConsentGiven = "consent_given",
        /// The data were received.
        Collected = "collected",
    }
}

/// One purpose of processing.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Purpose {
    /// «запись на услуги и оказание услуг».
    pub name: Sp<String>,
    /// "consent" for a purpose written as a plain string.
    pub basis: Sp<LegalBasis>,
    /// The data this purpose needs; `[pd].categories` when left out.
    pub data: Option<Sp<Vec<Sp<String>>>>,
    /// Whose data: «клиенты», «законные представители клиентов»; the clients when left out.
    pub subjects: Option<Sp<Vec<Sp<String>>>>,
    /// How long its data are kept; `[pd].retention` when left out.
    pub retention: Option<Sp<Duration>>,
    /// From which event the retention runs; by the basis when left out (a contract: the last
    /// visit; a legal duty: the request closed; consent: consent given).
    pub retention_from: Option<Sp<RetentionFrom>>,
}

impl Purpose {
    pub fn retention_from(&self) -> RetentionFrom {
        self.retention_from.as_ref().map_or(
            match *self.basis {
                LegalBasis::Contract => RetentionFrom::LastVisit,
                LegalBasis::LegalDuty => RetentionFrom::RequestClosed,
                LegalBasis::Consent => RetentionFrom::ConsentGiven,
            },
            |r| r.value,
        )
    }
}

impl FromToml for Purpose {
    fn expected() -> Text {
        Text::new(
            "a purpose: a string, or a table { name, basis, data, subjects, retention, retention_from }",
            "цель: строка или таблица { name, basis, data, subjects, retention, retention_from }",
        )
    }

    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        if v.get_ref().as_str().is_some() {
            let name: Sp<String> = Sp::from_toml(v, cx)?;
            return Some(Self {
                basis: Sp::new(LegalBasis::Consent, name.span.clone()),
                name,
                data: None,
                subjects: None,
                retention: None,
                retention_from: None,
            });
        }
        if v.get_ref().as_table().is_none() {
            cx.wrong_type(v, &Self::expected());
            return None;
        }
        let mut tb = Table::open(v, cx, "[[pd.purposes]]")?;
        let name = tb.req("name");
        let basis = tb.req("basis");
        let data = tb.opt("data");
        let subjects = tb.opt("subjects");
        let retention = tb.opt("retention");
        let retention_from = tb.opt("retention_from");
        tb.finish();
        Some(Self {
            name: name?,
            basis: basis?,
            data,
            subjects,
            retention,
            retention_from,
        })
    }
}

impl Business {
    /// Whether a booking and what serves it rest on the contract the client asks for, not on
    /// consent: the business declares a contract purpose.
    pub fn booking_on_contract(&self) -> bool {
        self.pd
            .purposes
            .iter()
            .any(|p| *p.basis == LegalBasis::Contract)
    }

    /// The purposes that rest on consent, which the chat consent covers.
    pub fn consent_purposes(&self) -> impl Iterator<Item = &Purpose> {
        self.pd
            .purposes
            .iter()
            .map(|p| &p.value)
            .filter(|p| *p.basis == LegalBasis::Consent)
    }

    /// Whether a branch of the bot rests on consent rather than on the contract: every
    /// branch does while no contract purpose is declared, none does once one is (a client who
    /// asks to book, cancel, hear an offer or be called back asks for what the contract
    /// serves).
    pub fn branch_needs_consent(&self, _branch: Branch) -> bool {
        !self.booking_on_contract()
    }

    /// The data a purpose needs: its own list, or `[pd].categories`.
    pub fn purpose_data<'a>(&'a self, p: &'a Purpose) -> Vec<&'a str> {
        match &p.data {
            Some(d) => d.iter().map(|x| x.as_str()).collect(),
            None => self
                .pd
                .categories()
                .into_iter()
                .map(|x| x.as_str())
                .collect(),
        }
    }
}
