//! `[pd]` as the personal-data documents state it: purposes, categories, retention, where the
//! data is stored, the processors and which of them are abroad, and the Meta services the
//! business uses. The policy and the consent print all of it; the SOP and the escalation
//! rules borrow a part, so it is built once per location.

use serde::Serialize;

use super::helpers::{DurationWords, channel_name, country_name, is_meta_name, pick, role_name};
use crate::model::business::{Business, Processor};
use crate::model::enums::{ConsentMoment, Lang};
use crate::words::fmt_date;

/// Personal-data processing, in the business's language.
// Templates test each of these flags by name: they are the template contract.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Serialize)]
pub struct PdView<'a> {
    pub purposes: Vec<&'a str>,
    pub categories: Vec<&'a str>,
    pub special_categories: Vec<&'a str>,
    pub has_special: bool,
    pub written_consent: bool,
    pub retention: Option<DurationWords>,
    pub has_retention: bool,
    pub chat_retention: DurationWords,
    pub storage_country: &'a str,
    pub storage_country_name: String,
    pub breach_notice: DurationWords,
    pub consent_first_message: bool,
    pub policy_url: &'a str,
    pub consent_url: &'a str,
    pub processors: Vec<ProcessorView<'a>>,
    pub foreign_processors: Vec<ProcessorView<'a>>,
    /// Processors under the operator's instruction (ч. 3 ст. 6).
    pub instructed: Vec<ProcessorView<'a>>,
    /// Services the client chooses, operators in their own right: no instruction.
    pub independent: Vec<ProcessorView<'a>>,
    pub independent_names: Vec<&'a str>,
    /// Instructed processors abroad: the operator transfers data across the border.
    pub foreign_instructed: Vec<ProcessorView<'a>>,
    /// What Roskomnadzor has been told.
    pub notice: NoticeView,
    #[serde(flatten)]
    pub meta: MetaServices,
    /// «в Российской Федерации», «in the Russian Federation».
    pub storage_in: String,
    /// An escalation keyword names a symptom, or health data are processed: what a client
    /// volunteers may be health data, and no notification quotes it.
    pub health_keywords: bool,
    /// The processors that receive health data (the written consent names them).
    pub health_processors: Vec<&'a str>,
}

/// `[pd.notice]`, dates spelt out; "" for what is not given yet.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    pub register_number: String,
    pub filed_on: String,
    pub cross_border_filed_on: String,
}

/// The Meta services the business uses, named as the documents name them: the channels
/// that are Meta's, or else the processors named like one.
#[derive(Debug, Clone, Serialize)]
pub struct MetaServices {
    pub has_meta: bool,
    pub meta_services: Vec<String>,
    /// WhatsApp is among them: the court's ban does not extend to it, and the documents say
    /// so, or they would imply the business's main channel is banned.
    pub meta_whatsapp: bool,
}

/// A company that receives client data, as the PD documents name it.
// Templates test each of these flags by name: they are the template contract.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Serialize)]
pub struct ProcessorView<'a> {
    pub name: &'a str,
    /// The legal entity, or "" while `legal_name` is not given.
    pub legal_name: &'a str,
    /// How a list names it: «ООО «Яндекс.Облако» (Yandex Cloud), ИНН …», the product alone
    /// while the legal name is not given.
    pub entity: String,
    pub inn: &'a str,
    pub address: &'a str,
    /// Under the operator's instruction (ч. 3 ст. 6), not an operator in its own right.
    pub instructed: bool,
    pub role: &'static str,
    pub role_name: &'static str,
    pub purpose: &'a str,
    pub country: &'a str,
    pub country_name: String,
    pub abroad: bool,
    pub meta: bool,
}

impl<'a> PdView<'a> {
    pub fn new(b: &'a Business) -> Self {
        let lang = b.lang();
        let d = |x| DurationWords::new(x, lang);
        let pd = &b.pd;
        let processors: Vec<ProcessorView<'a>> = pd
            .processors
            .iter()
            .map(|p| ProcessorView::new(p, lang))
            .collect();
        let special: Vec<&str> = pd.special_categories().iter().map(|s| s.as_str()).collect();
        let storage_in = if pd.storage_country.eq_ignore_ascii_case("RU") {
            pick(lang, "в Российской Федерации", "in the Russian Federation")
        } else {
            let name = country_name(&pd.storage_country, lang);
            match lang {
                Lang::Ru => format!("в стране: {name}"),
                Lang::En => format!("in {name}"),
            }
        };
        Self {
            purposes: pd.purposes.iter().map(|p| p.as_str()).collect(),
            categories: pd.categories.iter().map(|p| p.as_str()).collect(),
            has_special: !special.is_empty(),
            special_categories: special,
            written_consent: pd.written_consent(),
            retention: pd.retention.as_ref().map(|r| d(**r)),
            has_retention: pd.retention.is_some(),
            chat_retention: d(*pd.chat_retention),
            storage_country: pd.storage_country.as_str(),
            storage_country_name: country_name(&pd.storage_country, lang),
            breach_notice: d(*pd.breach_notice),
            consent_first_message: *pd.consent == ConsentMoment::FirstMessage,
            policy_url: pd.policy_url.as_ref().map_or("", |u| u.0.as_str()),
            consent_url: pd.consent_url.as_ref().map_or("", |u| u.0.as_str()),
            foreign_processors: processors.iter().filter(|p| p.abroad).cloned().collect(),
            instructed: processors
                .iter()
                .filter(|p| p.instructed)
                .cloned()
                .collect(),
            independent: processors
                .iter()
                .filter(|p| !p.instructed)
                .cloned()
                .collect(),
            independent_names: processors
                .iter()
                .filter(|p| !p.instructed)
                .map(|p| p.name)
                .collect(),
            foreign_instructed: processors
                .iter()
                .filter(|p| p.instructed && p.abroad)
                .cloned()
                .collect(),
            processors,
            notice: NoticeView::new(b),
            meta: MetaServices::new(b),
            storage_in,
            health_keywords: b.keywords_may_carry_health(),
            health_processors: super::pd_consent_written::receives_health_data(b)
                .map(|p| p.name.as_str())
                .collect(),
        }
    }
}

/// «ООО «Яндекс.Облако» (Yandex Cloud), ИНН 7704458262»: the legal entity, the product in
/// brackets unless the name already says it, and the INN when given.
fn entity(p: &Processor, lang: Lang) -> String {
    let name = p.name.as_str();
    let mut out = match &p.legal_name {
        Some(l) if l.to_lowercase().contains(&name.to_lowercase()) => l.value.clone(),
        Some(l) => format!("{} ({name})", l.value),
        None => name.to_owned(),
    };
    if let Some(inn) = &p.inn {
        out.push_str(&pick(lang, ", ИНН ", ", INN "));
        out.push_str(&inn.0);
    }
    out
}

impl NoticeView {
    fn new(b: &Business) -> Self {
        let lang = b.lang();
        let n =
            b.pd.notice
                .as_ref()
                .map(|n| n.value.clone())
                .unwrap_or_default();
        let date = |d: &Option<crate::model::read::Sp<chrono::NaiveDate>>| {
            d.as_ref().map_or(String::new(), |d| fmt_date(**d, lang))
        };
        Self {
            register_number: n
                .register_number
                .as_ref()
                .map_or(String::new(), |r| r.value.clone()),
            filed_on: date(&n.filed_on),
            cross_border_filed_on: date(&n.cross_border_filed_on),
        }
    }
}

impl MetaServices {
    pub fn new(b: &Business) -> Self {
        let lang = b.lang();
        let mut meta_services: Vec<String> = b
            .channels
            .iter()
            .filter(|c| c.id.is_meta())
            .map(|c| channel_name(*c.id, lang).to_owned())
            .collect();
        if meta_services.is_empty() {
            meta_services =
                b.pd.processors
                    .iter()
                    .filter(|p| is_meta_name(&p.name))
                    .map(|p| p.name.value.clone())
                    .collect();
        }
        Self {
            has_meta: !meta_services.is_empty(),
            meta_whatsapp: meta_services
                .iter()
                .any(|s| s.to_lowercase().contains("whatsapp")),
            meta_services,
        }
    }
}

impl<'a> ProcessorView<'a> {
    pub fn new(p: &'a Processor, lang: Lang) -> Self {
        Self {
            name: p.name.as_str(),
            legal_name: p.legal_name.as_ref().map_or("", |n| n.as_str()),
            entity: entity(p, lang),
            inn: p.inn.as_ref().map_or("", |i| i.0.as_str()),
            address: p.address.as_ref().map_or("", |a| a.as_str()),
            instructed: p.is_instructed(),
            role: p.role.as_str(),
            role_name: role_name(*p.role, lang),
            purpose: p.purpose.as_str(),
            country: p.country.as_str(),
            country_name: country_name(&p.country, lang),
            abroad: !p.country.eq_ignore_ascii_case("RU"),
            meta: is_meta_name(&p.name),
        }
    }
}
