//! The view of the operator's register of processing (`OUT/pd-register.xlsx`): one row per
//! purpose with everything ст. 18.1 ч. 1 п. 2 152-FZ asks to define for it, the items of the
//! Roskomnadzor notice (ч. 3 ст. 22) filled from `business.toml`, what changes in the notice
//! when a city opens (ч. 7 ст. 22), and the processors to review against ч. 3 ст. 6.
//!
//! What the config cannot know (the region of each city, the start date, the vendor's
//! document) is a to-do in the cell, worded as one, never an invented value.

use serde::Serialize;

use super::Shared;
use super::common::{Common, CrmName};
use super::helpers::pick;
use super::pd::{PdView, ProcessorView};
use crate::model::enums::{Lang, ProcessorRole};

/// What the register workbook is written from.
#[derive(Debug, Clone, Serialize)]
pub struct PdRegister<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub title: &'static str,
    pub pd: &'a PdView<'a>,
    /// One row per purpose.
    pub purposes: Vec<PurposeRow>,
    /// The notice's items: (item, what it asks, the text to file, where it comes from).
    pub notice: Vec<NoticeItem>,
    /// What a new city changes, and what to do.
    pub new_city: Vec<(String, String)>,
    /// One row per company that receives client data.
    pub processors: Vec<ProcessorRow>,
}

/// One purpose as the register records it.
#[derive(Debug, Clone, Serialize)]
pub struct PurposeRow {
    pub purpose: String,
    pub data: String,
    pub special: String,
    pub subjects: String,
    pub basis: String,
    pub actions: String,
    pub means: String,
    pub retention: String,
    pub destruction: String,
    pub processors: String,
    pub storage: String,
}

/// One item of the notice.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeItem {
    pub item: &'static str,
    pub asks: String,
    pub value: String,
    pub source: &'static str,
    /// The value is a to-do, not a fact from the config.
    pub todo: bool,
}

/// One company to review.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessorRow {
    pub name: String,
    pub legal_name: String,
    pub inn: String,
    pub address: String,
    pub role: String,
    pub data: String,
    pub country: String,
    pub basis: String,
    /// Under the operator's instruction: the ч. 3 ст. 6 items apply.
    pub instructed: bool,
}

/// The items ч. 3 ст. 6 152-FZ requires of an instruction, to tick against the offer.
pub fn instruction_items(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Ru => [
            "1. Перечень персональных данных",
            "2. Перечень действий (операций)",
            "3. Цели обработки",
            "4. Обязанность соблюдать конфиденциальность",
            "5. Требования ч. 5 ст. 18 и ст. 18.1 (базы данных в РФ, меры)",
            "6. Документы о выполнении требований по запросу Оператора",
            "7. Обеспечение безопасности, требования ст. 19",
            "8. Уведомление Оператора об инцидентах (ч. 3.1 ст. 21)",
        ],
        Lang::En => [
            "1. The list of personal data",
            "2. The list of actions (operations)",
            "3. The purposes of processing",
            "4. The duty of confidentiality",
            "5. Art. 18 part 5 and art. 18.1 (databases in Russia, measures)",
            "6. Documents proving compliance on the Operator's request",
            "7. Security and the requirements of art. 19",
            "8. Notifying the Operator of incidents (art. 21 part 3.1)",
        ],
    }
}

pub fn build<'s>(shared: &'s Shared<'_>) -> PdRegister<'s> {
    let b = shared.business;
    let lang = b.lang();
    let pd = shared.pd();
    let crm = CrmName::new(b);
    let none = || pick(lang, "—", "—");
    let instructed: Vec<&ProcessorView<'_>> = pd.instructed.iter().collect();
    let processors_cell = {
        let mut parts: Vec<String> = instructed.iter().map(|p| p.entity.clone()).collect();
        if !pd.independent_names.is_empty() {
            parts.push(match lang {
                Lang::Ru => format!(
                    "самостоятельные операторы (без поручения): {}",
                    pd.independent_names.join(", ")
                ),
                Lang::En => format!(
                    "operators in their own right (no instruction): {}",
                    pd.independent_names.join(", ")
                ),
            });
        }
        if parts.is_empty() {
            none()
        } else {
            parts.join("; ")
        }
    };
    let storage = storage_cell(pd, lang);
    let actions = actions_text(lang);
    let means = pick(
        lang,
        "смешанная обработка: с использованием средств автоматизации и без них, с передачей по сети Интернет",
        "mixed: with and without automation, with transfer over the Internet",
    );
    let destruction = match lang {
        Lang::Ru => format!(
            "удаление из {} и с сервера чат-бота в течение 30 дней после истечения срока или отзыва согласия; резервные копии устаревают по сроку хранения копий; акт и выгрузка из журнала событий",
            crm.system
        ),
        Lang::En => format!(
            "deletion from {} and the chat-bot server within 30 days of the term's end or the consent's withdrawal; backups age out with their own term; an act and an event-log extract",
            crm.system
        ),
    };
    let special = if pd.special_categories.is_empty() {
        none()
    } else {
        pd.special_categories.join(", ")
    };
    let purposes = pd
        .purposes
        .iter()
        .map(|p| PurposeRow {
            purpose: p.title.clone(),
            data: p.data.join(", "),
            special: if p.basis == "contract" {
                special.clone()
            } else {
                none()
            },
            subjects: p.subjects.join("; "),
            basis: p.basis_text.clone(),
            actions: actions.clone(),
            means: means.clone(),
            retention: p.retention.clone(),
            destruction: destruction.clone(),
            processors: processors_cell.clone(),
            storage: storage.clone(),
        })
        .collect();
    PdRegister {
        common: &shared.common,
        title: crate::render::kind::DocKind::PdRegister.title(lang),
        pd,
        purposes,
        notice: super::pd_notice::items(b, pd, &storage, lang),
        new_city: super::pd_notice::new_city(lang),
        processors: b
            .pd
            .processors
            .iter()
            .map(|p| ProcessorRow::new(p, lang))
            .collect(),
    }
}

/// The actions the operator performs, as the policy lists them.
pub fn actions_text(lang: Lang) -> String {
    pick(
        lang,
        "сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) обработчикам, блокирование, удаление, уничтожение",
        "collection, recording, systematisation, accumulation, storage, correction (updating, changing), retrieval, use, transfer (provision, access) to processors, blocking, deletion, destruction",
    )
}

/// Where the databases are: the storage country and the processors that keep the data.
pub fn storage_cell(pd: &PdView<'_>, lang: Lang) -> String {
    let keepers: Vec<String> = pd
        .instructed
        .iter()
        .filter(|p| matches!(p.role, "crm" | "hosting"))
        .map(|p| {
            if p.address.is_empty() {
                p.entity.clone()
            } else {
                format!("{} — {}", p.entity, p.address)
            }
        })
        .collect();
    let mut out = match lang {
        Lang::Ru => format!("базы данных {}", pd.storage_in),
        Lang::En => format!("databases {}", pd.storage_in),
    };
    if !keepers.is_empty() {
        out.push_str(": ");
        out.push_str(&keepers.join("; "));
    }
    out
}

impl ProcessorRow {
    fn new(p: &crate::model::business::Processor, lang: Lang) -> Self {
        let v = ProcessorView::new(p, lang);
        let dash = "—".to_owned();
        let or_todo = |s: &str| {
            if s.is_empty() {
                pick(lang, "заполнить", "to fill in")
            } else {
                s.to_owned()
            }
        };
        let (legal_name, inn, address) = if v.instructed {
            (
                or_todo(v.legal_name),
                if v.abroad {
                    dash.clone()
                } else {
                    or_todo(v.inn)
                },
                or_todo(v.address),
            )
        } else {
            (
                if v.legal_name.is_empty() {
                    dash.clone()
                } else {
                    v.legal_name.to_owned()
                },
                if v.inn.is_empty() {
                    dash.clone()
                } else {
                    v.inn.to_owned()
                },
                if v.address.is_empty() {
                    dash
                } else {
                    v.address.to_owned()
                },
            )
        };
        Self {
            name: v.name.to_owned(),
            legal_name,
            inn,
            address,
            role: v.role_name.to_owned(),
            data: role_data(*p.role, v.purpose, lang),
            country: v.country_name.clone(),
            basis: if v.instructed {
                pick(
                    lang,
                    "обработчик по поручению Оператора (ч. 3 ст. 6)",
                    "processor under the Operator's instruction (art. 6 part 3)",
                )
            } else {
                pick(
                    lang,
                    "самостоятельный оператор: сервис, выбранный клиентом; поручения нет",
                    "an operator in its own right: a service the client chose; no instruction",
                )
            },
            instructed: v.instructed,
        }
    }
}

/// What a company of `role` receives and does, for the review's «data and actions».
fn role_data(role: ProcessorRole, purpose: &str, lang: Lang) -> String {
    let (data, actions) = match (role, lang) {
        (ProcessorRole::Crm, Lang::Ru) => (
            "карточки клиентов: контакты, записи, переписка",
            "запись, хранение, систематизация, извлечение, удаление",
        ),
        (ProcessorRole::Crm, Lang::En) => (
            "client cards: contacts, bookings, chats",
            "recording, storage, systematisation, retrieval, deletion",
        ),
        (ProcessorRole::Ai, Lang::Ru) => (
            "текст сообщений в диалоге",
            "обработка для ответа ассистента; проверьте, что журналирование запросов сервисом отключено",
        ),
        (ProcessorRole::Ai, Lang::En) => (
            "the text of messages in a dialogue",
            "processing to answer; check that the service's logging of requests is off",
        ),
        (ProcessorRole::Messenger, Lang::Ru) => (
            "переписка, имя пользователя, номер телефона",
            "передача сообщений по правилам сервиса",
        ),
        (ProcessorRole::Messenger, Lang::En) => (
            "chats, user name, phone number",
            "delivery of messages under its own terms",
        ),
        (ProcessorRole::Sms, Lang::Ru) => {
            ("номер телефона, текст напоминания", "передача сообщений")
        }
        (ProcessorRole::Sms, Lang::En) => {
            ("phone number, the reminder's text", "delivery of messages")
        }
        (ProcessorRole::Payments, Lang::Ru) => (
            "имя, сумма и дата оплаты, данные чека",
            "приём и возврат платежей",
        ),
        (ProcessorRole::Payments, Lang::En) => (
            "name, amount and date of payment, receipt data",
            "taking and refunding payments",
        ),
        (ProcessorRole::Hosting, Lang::Ru) => (
            "база данных чат-бота, журнал переписки, резервные копии",
            "хранение, резервное копирование",
        ),
        (ProcessorRole::Hosting, Lang::En) => (
            "the chat-bot's database, chat log, backups",
            "storage, backups",
        ),
        (ProcessorRole::Other, Lang::Ru) => ("по договору", "по договору"),
        (ProcessorRole::Other, Lang::En) => ("as the contract says", "as the contract says"),
    };
    match lang {
        Lang::Ru => format!("{purpose}. Данные: {data}. Действия: {actions}"),
        Lang::En => format!("{purpose}. Data: {data}. Actions: {actions}"),
    }
}
