//! `[pilot]`: the trial before a city opens (SPEC §7). Its phones are the testers' own
//! numbers, which the pilot plan (`test-plan-<loc>.xlsx`) puts on its test leads: any
//! Russian mobile number may belong to someone, and reminders are real SMS, so regl never
//! invents one.

use schemars::JsonSchema;

use super::phone::Phone;
use super::read::{Cx, FromToml, Sp, Table, Val, table_expected};
use crate::i18n::Text;

/// The pilot before launch.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Pilot {
    /// Business-owned test SIMs the testers write from; never invented numbers, no names.
    pub phones: Vec<Sp<Phone>>,
    /// Where `[pilot]` is written, for findings about it.
    #[schemars(skip)]
    pub span: std::ops::Range<usize>,
}

impl FromToml for Pilot {
    fn expected() -> Text {
        table_expected("[pilot]")
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let mut tb = Table::open(v, cx, "[pilot]")?;
        let span = tb.span();
        let phones: Option<Vec<Sp<Phone>>> = tb.opt("phones");
        tb.finish();
        Some(Pilot {
            phones: phones.unwrap_or_default(),
            span,
        })
    }
}
