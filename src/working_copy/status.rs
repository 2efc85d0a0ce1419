//! The words of the working copies' status drop-downs, in the document's language, and how
//! lint reads them back: in either language, since a business may switch `lang` after
//! people filled a sheet in, and whatever case a person typed.

use crate::model::enums::Lang;

/// A launch checklist step's state as people mark it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepStatus {
    NotStarted,
    InProgress,
    Done,
    Failed,
    /// Not applicable to this location.
    NotApplicable,
}

impl StepStatus {
    pub const ALL: [StepStatus; 5] = [
        StepStatus::NotStarted,
        StepStatus::InProgress,
        StepStatus::Done,
        StepStatus::Failed,
        StepStatus::NotApplicable,
    ];

    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (StepStatus::NotStarted, Lang::Ru) => "не начато",
            (StepStatus::InProgress, Lang::Ru) => "в работе",
            (StepStatus::Done, Lang::Ru) => "выполнено",
            (StepStatus::Failed, Lang::Ru) => "не выполнено",
            (StepStatus::NotApplicable, Lang::Ru) => "н/п",
            (StepStatus::NotStarted, Lang::En) => "not started",
            (StepStatus::InProgress, Lang::En) => "in progress",
            (StepStatus::Done, Lang::En) => "done",
            (StepStatus::Failed, Lang::En) => "failed",
            (StepStatus::NotApplicable, Lang::En) => "n/a",
        }
    }

    /// The drop-down's choices, the first being what regl writes in a fresh sheet.
    pub fn words(lang: Lang) -> [&'static str; 5] {
        Self::ALL.map(|s| s.word(lang))
    }

    /// What a person's cell says; an empty or unknown word reads as not started, so a step
    /// counts as closed only when someone said so.
    pub fn read(cell: &str) -> StepStatus {
        let cell = cell.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|s| [Lang::Ru, Lang::En].iter().any(|&l| s.word(l) == cell))
            .unwrap_or(StepStatus::NotStarted)
    }

    /// Done, or marked as not applying: nothing left to do.
    pub fn closed(self) -> bool {
        matches!(self, StepStatus::Done | StepStatus::NotApplicable)
    }
}

/// A pilot plan row's result as testers mark it (`test-plan-<loc>.xlsx`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PilotStatus {
    NotRun,
    Passed,
    Failed,
    Blocked,
}

impl PilotStatus {
    pub const ALL: [PilotStatus; 4] = [
        PilotStatus::NotRun,
        PilotStatus::Passed,
        PilotStatus::Failed,
        PilotStatus::Blocked,
    ];

    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PilotStatus::NotRun, Lang::Ru) => "не проверено",
            (PilotStatus::Passed, Lang::Ru) => "пройдено",
            (PilotStatus::Failed, Lang::Ru) => "не пройдено",
            (PilotStatus::Blocked, Lang::Ru) => "заблокировано",
            (PilotStatus::NotRun, Lang::En) => "not run",
            (PilotStatus::Passed, Lang::En) => "passed",
            (PilotStatus::Failed, Lang::En) => "failed",
            (PilotStatus::Blocked, Lang::En) => "blocked",
        }
    }

    pub fn words(lang: Lang) -> [&'static str; 4] {
        Self::ALL.map(|s| s.word(lang))
    }

    pub fn read(cell: &str) -> PilotStatus {
        let cell = cell.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|s| [Lang::Ru, Lang::En].iter().any(|&l| s.word(l) == cell))
            .unwrap_or(PilotStatus::NotRun)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_back_in_either_language_and_any_case() {
        assert_eq!(StepStatus::read(" Выполнено "), StepStatus::Done);
        assert_eq!(StepStatus::read("N/A"), StepStatus::NotApplicable);
        assert_eq!(StepStatus::read("готово?"), StepStatus::NotStarted);
        assert!(!StepStatus::read("в работе").closed());
        assert_eq!(PilotStatus::read("failed"), PilotStatus::Failed);
        assert_eq!(PilotStatus::read("не пройдено"), PilotStatus::Failed);
    }
}
