//! `[bot.training]`: how often the AI assistant's dialogues are reviewed, how many, and what
//! a new model or new texts must score before they go live. Every key has a default, so the
//! training procedure renders for a business that says nothing.
//!
//! The sample is per location and per review: a location's staff know its prices and
//! rules, and a review of a few dozen dialogues a week is work a manager can do.

use schemars::JsonSchema;

use super::duration::Duration;
use super::read::{Cx, FromToml, Sp, Table, Val, read_uint, table_expected};
use super::values::Share;
use crate::i18n::Text;

/// The review of the assistant's dialogues and the release of its changes.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Training {
    /// How often dialogues are reviewed; "7d" when left out.
    pub review_every: Option<Sp<Duration>>,
    /// Dialogues reviewed per location each time, besides every escalated one; 50 when
    /// left out.
    pub sample_size: Option<Sp<u32>>,
    /// The share of the evaluation set a new model or new texts must answer correctly before
    /// going live; 0.95 when left out.
    pub min_correct_share: Option<Sp<Share>>,
}

impl Training {
    pub fn review_every(&self) -> Duration {
        self.review_every
            .as_ref()
            .map_or(Duration::from_secs(7 * 86_400), |d| d.value)
    }
    pub fn sample_size(&self) -> u32 {
        self.sample_size.as_ref().map_or(50, |n| n.value)
    }
    pub fn min_correct_share(&self) -> f64 {
        self.min_correct_share.as_ref().map_or(0.95, |s| s.value.0)
    }
}

impl FromToml for Training {
    fn expected() -> Text {
        table_expected("[bot.training]")
    }

    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let mut tb = Table::open(v, cx, "[bot.training]")?;
        let review_every = tb.opt("review_every");
        let sample_size = tb.with("sample_size", false, |v, cx| {
            let what = Text::new("a number of dialogues", "число диалогов");
            let n = read_uint(v, cx, &what, 10_000)?;
            if n == 0 {
                cx.error(
                    v.span(),
                    Text::new(
                        "`sample_size` is 0: a review of no dialogues checks nothing",
                        "`sample_size` = 0: проверка без диалогов ничего не проверяет",
                    ),
                    None,
                );
                return None;
            }
            u32::try_from(n).ok()
        });
        let min_correct_share = tb.opt("min_correct_share");
        tb.finish();
        Some(Self {
            review_every,
            sample_size,
            min_correct_share,
        })
    }
}
