//! The view of the retention, backup and destruction regulation of one location: what is
//! kept where for how long and from which event (each purpose, the chats, the escalation
//! log, the backups, the acts themselves), the operator's backups from `[pd.backup]`, and
//! who destroys data and how it is proven (Приказ Роскомнадзора № 179).
//!
//! Every term comes from the config or from a rule the other documents already state (the
//! escalation log's year, the acts' three years), so the regulation never promises a term
//! the policy does not.

use serde::Serialize;

use super::Shared;
use super::common::{BotName, Common, CrmName};
use super::helpers::{DurationWords, pick};
use super::pd::{PdView, ProcessorView};
use crate::model::backup::Backup;
use crate::model::enums::{Lang, ProcessorRole};

/// The destruction deadline of ст. 21 152-FZ, after the purpose is achieved or consent is
/// withdrawn: copies kept longer outlive a destroyed record.
const DESTRUCTION_DEADLINE_SECS: u64 = 30 * 86_400;

/// What `pd-retention.md` is rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct PdRetention<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub bot: BotName<'a>,
    pub crm: CrmName,
    pub pd: &'a PdView<'a>,
    /// Every store of client data with its term, in the order the document lists them.
    pub stores: Vec<Store>,
    pub backup: BackupView,
    /// The processors that hold client data for the operator: destruction there is asked
    /// of them and confirmed in writing.
    pub holders: Vec<ProcessorView<'a>>,
    /// The operator's chat server: a hosting processor, or the operator's own.
    pub hosting: String,
}

/// One row of the table of terms.
#[derive(Debug, Clone, Serialize)]
pub struct Store {
    pub what: String,
    pub place: String,
    pub term: String,
}

/// `[pd.backup]`, defaults applied, in words.
// Templates test each flag by name.
#[derive(Debug, Clone, Serialize)]
pub struct BackupView {
    pub what: Vec<String>,
    pub every: DurationWords,
    pub keep: DurationWords,
    pub stored_in: String,
    pub encrypted: bool,
    pub restore_test_every: DurationWords,
    /// Copies outlive the 30-day destruction deadline: a restored copy is purged again
    /// before use.
    pub outlives_deadline: bool,
}

pub fn build<'s>(shared: &'s Shared<'_>) -> PdRetention<'s> {
    let b = shared.business;
    let lang = b.lang();
    let pd = shared.pd();
    let crm = CrmName::new(b);
    let hosting =
        b.pd.processors
            .iter()
            .find(|p| *p.role == ProcessorRole::Hosting && p.is_instructed())
            .map_or_else(
                || pick(lang, "сервер Оператора", "the Operator's server"),
                |p| match lang {
                    Lang::Ru => format!("сервер чат-бота в {}", p.name.as_str()),
                    Lang::En => format!("the chat-bot server at {}", p.name.as_str()),
                },
            );
    let mut stores: Vec<Store> = pd
        .purposes
        .iter()
        .map(|p| Store {
            what: format!("{}: {}", p.title, p.data.join(", ")),
            place: crm.system.to_owned(),
            term: p.retention.clone(),
        })
        .collect();
    let chat = &pd.chat_retention.nominative;
    let (chat_what, chat_place, chat_term, log_what, log_term) = match lang {
        Lang::Ru => (
            "Переписка в каналах связи (тексты сообщений и вложения)".to_owned(),
            format!("{}, {hosting}", crm.system),
            format!("{chat} с даты последнего сообщения"),
            "Журнал эскалаций (без текста переписки)".to_owned(),
            "1 год с даты записи".to_owned(),
        ),
        Lang::En => (
            "Chats in the channels (message texts and attachments)".to_owned(),
            format!("{}, {hosting}", crm.system),
            format!("{chat} from the last message"),
            "The escalation log (no chat text)".to_owned(),
            "1 year from the entry".to_owned(),
        ),
    };
    stores.push(Store {
        what: chat_what,
        place: chat_place,
        term: chat_term,
    });
    stores.push(Store {
        what: log_what,
        place: hosting.clone(),
        term: log_term,
    });
    let backup = BackupView::new(b.pd.backup.as_ref(), pd, &hosting, lang);
    stores.push(Store {
        what: pick(lang, "Резервные копии", "Backups"),
        place: backup.stored_in.clone(),
        term: match lang {
            Lang::Ru => format!("{} с даты создания копии", backup.keep.nominative),
            Lang::En => format!("{} from when the copy is made", backup.keep.nominative),
        },
    });
    stores.push(Store {
        what: pick(
            lang,
            "Акты об уничтожении и выгрузки из журнала событий",
            "Destruction acts and event-log extracts",
        ),
        place: pick(
            lang,
            "у ответственного за обработку персональных данных",
            "with the person responsible for personal data",
        ),
        term: pick(
            lang,
            "3 года с даты уничтожения",
            "3 years from destruction",
        ),
    });
    PdRetention {
        common: &shared.common,
        bot: BotName::new(b),
        crm,
        pd,
        stores,
        backup,
        holders: pd.instructed.clone(),
        hosting,
    }
}

impl BackupView {
    fn new(backup: Option<&Backup>, pd: &PdView<'_>, hosting: &str, lang: Lang) -> Self {
        let default = Backup::default();
        let backup = backup.unwrap_or(&default);
        let what = backup.what.as_ref().map_or_else(
            || match lang {
                Lang::Ru => vec![
                    "база данных чат-бота и журнал переписки".to_owned(),
                    "настройки чат-бота (конфигурация и тексты)".to_owned(),
                    "журнал эскалаций".to_owned(),
                ],
                Lang::En => vec![
                    "the chat-bot's database and chat log".to_owned(),
                    "the chat-bot's settings (configuration and texts)".to_owned(),
                    "the escalation log".to_owned(),
                ],
            },
            |w| w.iter().map(|s| s.value.clone()).collect(),
        );
        let stored_in = backup.stored_in.as_ref().map_or_else(
            || format!("{hosting}, {}", pd.storage_in),
            |s| s.value.clone(),
        );
        Self {
            what,
            every: DurationWords::new(backup.every(), lang),
            keep: DurationWords::new(backup.keep(), lang),
            stored_in,
            encrypted: backup.encrypted(),
            restore_test_every: DurationWords::new(backup.restore_test_every(), lang),
            outlives_deadline: backup.keep().secs() > DESTRUCTION_DEADLINE_SECS,
        }
    }
}
