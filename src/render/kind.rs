//! The documents regl writes for each location (SPEC §1), with their file names.

use crate::model::enums::Lang;

/// One of the six per-location outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    LeadHandling,
    SlaSheet,
    PdPolicy,
    AiEscalation,
    PdConsent,
    Cancellation,
}

impl DocKind {
    pub const ALL: [DocKind; 6] = [
        DocKind::LeadHandling,
        DocKind::SlaSheet,
        DocKind::PdPolicy,
        DocKind::AiEscalation,
        DocKind::PdConsent,
        DocKind::Cancellation,
    ];

    /// The file-name stem, also the built-in template's name: `pd-policy`.
    pub fn stem(self) -> &'static str {
        match self {
            DocKind::LeadHandling => "lead-handling",
            DocKind::SlaSheet => "sla-response-times",
            DocKind::PdPolicy => "pd-policy",
            DocKind::AiEscalation => "ai-escalation-rules",
            DocKind::PdConsent => "pd-consent",
            DocKind::Cancellation => "cancellation-policy",
        }
    }

    /// The SLA sheet is a spreadsheet; the rest are Word documents made from Markdown.
    pub fn is_docx(self) -> bool {
        self != DocKind::SlaSheet
    }

    pub fn extension(self) -> &'static str {
        if self.is_docx() { "docx" } else { "xlsx" }
    }

    /// `pd-policy-omsk.docx`.
    pub fn file_name(self, location: &str) -> String {
        format!("{}-{location}.{}", self.stem(), self.extension())
    }

    /// The document's title in the business's language.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DocKind::LeadHandling, Lang::Ru) => "Регламент обработки лидов",
            (DocKind::LeadHandling, Lang::En) => "Lead Handling Procedure",
            (DocKind::SlaSheet, Lang::Ru) => "Сроки ответа (SLA)",
            (DocKind::SlaSheet, Lang::En) => "Response Times (SLA)",
            (DocKind::PdPolicy, Lang::Ru) => "Политика обработки персональных данных",
            (DocKind::PdPolicy, Lang::En) => "Personal Data Processing Policy",
            (DocKind::AiEscalation, Lang::Ru) => "Правила эскалации диалогов ИИ-ассистента",
            (DocKind::AiEscalation, Lang::En) => "AI Assistant Escalation Rules",
            (DocKind::PdConsent, Lang::Ru) => "Согласие на обработку персональных данных",
            (DocKind::PdConsent, Lang::En) => "Consent to Personal Data Processing",
            (DocKind::Cancellation, Lang::Ru) => "Правила отмены и переноса записи",
            (DocKind::Cancellation, Lang::En) => "Cancellation and Rescheduling Policy",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_follow_the_spec() {
        assert_eq!(
            DocKind::LeadHandling.file_name("omsk"),
            "lead-handling-omsk.docx"
        );
        assert_eq!(
            DocKind::SlaSheet.file_name("omsk"),
            "sla-response-times-omsk.xlsx"
        );
        assert_eq!(
            DocKind::AiEscalation.file_name("ufa"),
            "ai-escalation-rules-ufa.docx"
        );
        assert_eq!(DocKind::PdConsent.file_name("ufa"), "pd-consent-ufa.docx");
        assert_eq!(
            DocKind::Cancellation.file_name("ufa"),
            "cancellation-policy-ufa.docx"
        );
    }
}
