//! The view of the AI assistant's training procedure of one location: how often and how
//! many dialogues are reviewed (`[bot.training]`), the assistant's name, thresholds and
//! hand-off as the bot config has them (`[escalation]`), the AI service that answers, and
//! what the policy allows: dialogues leave the chat store only de-identified, and a
//! clinic's dialogues that mention health are never used.

use serde::Serialize;

use super::Shared;
use super::common::{Common, CrmName};
use super::escalation::EscalationView;
use super::helpers::{DurationWords, branch_name, count_words};
use super::pd::ProcessorView;
use crate::model::enums::{Lang, ProcessorRole, Segment};
use crate::model::training::Training;

/// What `ai-training-procedure.md` is rendered from.
// Templates test each flag by name.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Serialize)]
pub struct AiTraining<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub bot: TrainedBot<'a>,
    pub crm: CrmName,
    pub escalation: EscalationView<'a>,
    pub training: TrainingView,
    /// The AI services that answer for the assistant.
    pub ai: Vec<ProcessorView<'a>>,
    /// An AI service abroad: nothing from client dialogues goes there, even de-identified.
    pub ai_abroad: bool,
    /// Health data are processed: dialogues that touch health are never used.
    pub special: bool,
    pub clinic: bool,
    pub chat_retention: DurationWords,
}

/// The assistant as the training procedure names it.
#[derive(Debug, Clone, Serialize)]
pub struct TrainedBot<'a> {
    pub name: &'a str,
    /// «запись, отмена и перенос, …»: the branches the evaluation set covers.
    pub branches: Vec<&'static str>,
}

/// `[bot.training]`, defaults applied, in words.
#[derive(Debug, Clone, Serialize)]
pub struct TrainingView {
    pub review_every: DurationWords,
    pub sample_size: u32,
    /// «50 диалогов».
    pub sample_words: String,
    /// «95 %».
    pub min_correct: String,
}

pub fn build<'s>(shared: &'s Shared<'_>) -> AiTraining<'s> {
    let b = shared.business;
    let lang = b.lang();
    let default = Training::default();
    let t = b.bot.training.as_ref().unwrap_or(&default);
    let ai: Vec<ProcessorView<'s>> =
        b.pd.processors
            .iter()
            .filter(|p| *p.role == ProcessorRole::Ai)
            .map(|p| ProcessorView::new(p, lang))
            .collect();
    let percent = (t.min_correct_share() * 1000.0).round() / 10.0;
    let sample = u64::from(t.sample_size());
    AiTraining {
        common: &shared.common,
        bot: TrainedBot {
            name: b.bot.name.as_str(),
            branches: b
                .bot
                .branches
                .iter()
                .map(|x| branch_name(**x, lang))
                .collect(),
        },
        crm: CrmName::new(b),
        escalation: EscalationView::new(b),
        training: TrainingView {
            review_every: DurationWords::new(t.review_every(), lang),
            sample_size: t.sample_size(),
            sample_words: count_words(
                sample,
                ("диалог", "диалога", "диалогов"),
                ("dialogue", "dialogues"),
                lang,
            ),
            min_correct: match lang {
                Lang::Ru => format!("{}\u{a0}%", percent.to_string().replace('.', ",")),
                Lang::En => format!("{percent}%"),
            },
        },
        ai_abroad: ai.iter().any(|p| p.abroad),
        ai,
        special: b.special_regime(),
        clinic: *b.business.segment == Segment::Clinic,
        chat_retention: DurationWords::new(*b.pd.chat_retention, lang),
    }
}
