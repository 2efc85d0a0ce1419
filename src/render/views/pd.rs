//! `[pd]` as the personal-data documents state it: purposes, categories, retention, where the
//! data is stored, the processors and which of them are abroad, and the Meta services the
//! business uses. The policy and the consent print all of it; the SOP and the escalation
//! rules borrow a part, so it is built once per location.

use serde::Serialize;

use super::helpers::{DurationWords, channel_name, country_name, is_meta_name, pick, role_name};
use crate::model::business::{Business, Processor};
use crate::model::enums::{ConsentMoment, Lang, Segment};
use crate::model::purposes::{LegalBasis, Purpose, RetentionFrom};
use crate::words::fmt_date;

/// Personal-data processing, in the business's language.
// Templates test each of these flags by name: they are the template contract.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Serialize)]
pub struct PdView<'a> {
    /// Every purpose with its basis, data, subjects and retention.
    pub purposes: Vec<PurposeView<'a>>,
    /// The purposes that rest on consent: what the chat consent covers.
    pub consent_purposes: Vec<PurposeView<'a>>,
    /// A booking rests on the contract: refusing the chat consent refuses nothing it needs.
    pub booking_on_contract: bool,
    /// The data the consent-based purposes need.
    pub consent_data: Vec<&'a str>,
    pub categories: Vec<&'a str>,
    /// The version of the consent text: `[pd].consent_version`, or `[document].version`.
    pub consent_version: &'a str,
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
    /// A chat on the website: it also processes the visitor's IP address and cookies.
    pub website_chat: bool,
}

/// One purpose of processing, worded for the policy's table.
#[derive(Debug, Clone, Serialize)]
pub struct PurposeView<'a> {
    pub name: &'a str,
    /// The name with a capital letter, as a heading.
    pub title: String,
    /// `contract`, `legal_duty`, `consent`.
    pub basis: &'static str,
    /// The basis with its article: «исполнение договора … (п. 5 ч. 1 ст. 6 …)».
    pub basis_text: String,
    pub data: Vec<&'a str>,
    pub subjects: Vec<String>,
    /// «3 года после последнего визита», «до отзыва согласия».
    pub retention: String,
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
        let purposes: Vec<PurposeView<'a>> =
            pd.purposes.iter().map(|p| PurposeView::new(b, p)).collect();
        let consent_purposes: Vec<PurposeView<'a>> = purposes
            .iter()
            .filter(|p| p.basis == "consent")
            .cloned()
            .collect();
        let mut consent_data: Vec<&'a str> = Vec::new();
        for p in b.consent_purposes() {
            for d in b.purpose_data(p) {
                if !consent_data.contains(&d) {
                    consent_data.push(d);
                }
            }
        }
        Self {
            booking_on_contract: b.booking_on_contract(),
            consent_purposes,
            consent_data,
            purposes,
            categories: pd.categories().into_iter().map(|p| p.as_str()).collect(),
            consent_version: pd
                .consent_version
                .as_ref()
                .map_or(b.document.version.as_str(), |v| v.as_str()),
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
            website_chat: b
                .channels
                .iter()
                .any(|c| *c.id == crate::model::enums::ChannelKind::Website),
            health_processors: super::pd_consent_written::receives_health_data(b)
                .map(|p| p.name.as_str())
                .collect(),
        }
    }
}

impl<'a> PurposeView<'a> {
    fn new(b: &'a Business, p: &'a Purpose) -> Self {
        let lang = b.lang();
        let clinic = *b.business.segment == Segment::Clinic;
        let subjects = match &p.subjects {
            Some(s) => s.iter().map(|x| x.value.clone()).collect(),
            None => vec![match (lang, clinic) {
                (Lang::Ru, true) => {
                    "пациенты и лица, обратившиеся к Оператору через каналы связи".to_owned()
                }
                (Lang::Ru, false) => {
                    "клиенты и лица, обратившиеся к Оператору через каналы связи".to_owned()
                }
                (Lang::En, true) => {
                    "patients and people who contacted the Operator through its channels".to_owned()
                }
                (Lang::En, false) => {
                    "clients and people who contacted the Operator through its channels".to_owned()
                }
            }],
        };
        let act = match lang {
            Lang::Ru => "Федерального закона № 152-ФЗ",
            Lang::En => "152-FZ",
        };
        let basis_text = match (*p.basis, lang) {
            (LegalBasis::Contract, Lang::Ru) => format!(
                "исполнение договора, стороной которого является субъект, и заключение договора по его инициативе (п. 5 ч. 1 ст. 6 {act})"
            ),
            (LegalBasis::Contract, Lang::En) => format!(
                "performance of a contract the data subject is party to, or entering into one at their request ({act} art. 6 part 1 item 5)"
            ),
            (LegalBasis::LegalDuty, Lang::Ru) => format!(
                "исполнение обязанностей, возложенных на Оператора законодательством Российской Федерации (п. 2 ч. 1 ст. 6 {act})"
            ),
            (LegalBasis::LegalDuty, Lang::En) => format!(
                "duties the legislation of the Russian Federation places on the Operator ({act} art. 6 part 1 item 2)"
            ),
            (LegalBasis::Consent, Lang::Ru) => format!(
                "согласие субъекта, которое даётся отдельно и по желанию (п. 1 ч. 1 ст. 6 {act})"
            ),
            (LegalBasis::Consent, Lang::En) => format!(
                "the data subject's consent, given separately and optionally ({act} art. 6 part 1 item 1)"
            ),
        };
        let retention = p.retention.as_ref().or(b.pd.retention.as_ref());
        let from = retention_from_words(p.retention_from(), clinic, lang);
        let retention = match (retention, lang) {
            (Some(r), Lang::Ru) => {
                let r = DurationWords::new(**r, lang).nominative;
                if *p.basis == LegalBasis::Consent {
                    format!("{r} {from}, но не дольше, чем до отзыва согласия")
                } else {
                    format!("{r} {from}")
                }
            }
            (Some(r), Lang::En) => {
                let r = DurationWords::new(**r, lang).nominative;
                if *p.basis == LegalBasis::Consent {
                    format!("{r} {from}, or until consent is withdrawn")
                } else {
                    format!("{r} {from}")
                }
            }
            (None, Lang::Ru) => "до достижения цели обработки".to_owned(),
            (None, Lang::En) => "until the purpose is achieved".to_owned(),
        };
        let mut chars = p.name.chars();
        let title = chars.next().map_or(String::new(), |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        });
        Self {
            name: p.name.as_str(),
            title,
            basis: p.basis.as_str(),
            basis_text,
            data: b.purpose_data(p),
            subjects,
            retention,
        }
    }
}

/// «после последнего визита», "after the last visit".
fn retention_from_words(from: RetentionFrom, clinic: bool, lang: Lang) -> &'static str {
    match (from, lang, clinic) {
        (RetentionFrom::LastVisit, Lang::Ru, true) => "после последнего приёма",
        (RetentionFrom::LastVisit, Lang::Ru, false) => "после последнего визита",
        (RetentionFrom::LastVisit, Lang::En, true) => "after the last appointment",
        (RetentionFrom::LastVisit, Lang::En, false) => "after the last visit",
        (RetentionFrom::RequestClosed, Lang::Ru, _) => "после закрытия обращения",
        (RetentionFrom::RequestClosed, Lang::En, _) => "after the request is closed",
        (RetentionFrom::ConsentGiven, Lang::Ru, _) => "с момента получения согласия",
        (RetentionFrom::ConsentGiven, Lang::En, _) => "from when consent was given",
        (RetentionFrom::Collected, Lang::Ru, _) => "с момента получения данных",
        (RetentionFrom::Collected, Lang::En, _) => "from when the data were received",
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
            .map(|c| channel_name(c, lang).to_owned())
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
