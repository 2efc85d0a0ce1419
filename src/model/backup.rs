//! `[pd.backup]`: how the operator's own copies of personal data are made, kept and tried
//! (ст. 19 ч. 2 п. 7 152-FZ: data destroyed or altered by unauthorised access must be
//! restorable). Every key has a default, so a business that says nothing still gets a
//! retention document with a daily copy kept thirty days and a quarterly restore test.
//!
//! The copies are kept no longer than the 30-day destruction deadline of ст. 21 by
//! default: a record destroyed on request then ages out of every copy in time, without
//! restoring and purging old copies by hand.

use schemars::JsonSchema;

use super::duration::Duration;
use super::read::{Cx, FromToml, Sp, Table, Val, table_expected};
use crate::i18n::Text;

/// The operator's backups of client data.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Backup {
    /// What is copied, e.g. `["база чат-бота и журнал переписки", "выгрузка CRM"]`; the bot's
    /// server, its logs and a CRM export when left out.
    pub what: Option<Sp<Vec<Sp<String>>>>,
    /// How often a copy is made; "1d" when left out.
    pub every: Option<Sp<Duration>>,
    /// How long each copy is kept; "30d" when left out (the destruction deadline of ст. 21).
    pub keep: Option<Sp<Duration>>,
    /// Where the copies are kept, e.g. «Yandex Cloud Object Storage, Москва»; the storage
    /// country's data centres of the hosting processor when left out.
    pub stored_in: Option<Sp<String>>,
    /// The copies are encrypted; true when left out.
    pub encrypted: Option<Sp<bool>>,
    /// How often a copy is restored on a test system to prove it works; "90d" when left out.
    pub restore_test_every: Option<Sp<Duration>>,
}

const DAY: u64 = 86_400;

impl Backup {
    pub fn every(&self) -> Duration {
        self.every
            .as_ref()
            .map_or(Duration::from_secs(DAY), |d| d.value)
    }
    pub fn keep(&self) -> Duration {
        self.keep
            .as_ref()
            .map_or(Duration::from_secs(30 * DAY), |d| d.value)
    }
    pub fn encrypted(&self) -> bool {
        self.encrypted.as_ref().is_none_or(|e| e.value)
    }
    pub fn restore_test_every(&self) -> Duration {
        self.restore_test_every
            .as_ref()
            .map_or(Duration::from_secs(90 * DAY), |d| d.value)
    }
}

impl FromToml for Backup {
    fn expected() -> Text {
        table_expected("[pd.backup]")
    }

    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let mut tb = Table::open(v, cx, "[pd.backup]")?;
        let out = Self {
            what: tb.opt("what"),
            every: tb.opt("every"),
            keep: tb.opt("keep"),
            stored_in: tb.opt("stored_in"),
            encrypted: tb.opt("encrypted"),
            restore_test_every: tb.opt("restore_test_every"),
        };
        tb.finish();
        Some(out)
    }
}
