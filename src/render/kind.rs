//! The documents regl writes (SPEC §1), with their file names: most for each location, and
//! those of the operator as a whole (one operator has one policy, ст. 18.1 152-FZ) once per
//! business.

use crate::model::business::Business;
use crate::model::enums::Lang;

/// One of the documents regl renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    LeadHandling,
    SlaSheet,
    PdPolicy,
    AiEscalation,
    PdConsent,
    Cancellation,
    /// The written consent to processing health data: a form a patient fills in by hand.
    PdConsentWritten,
    /// What is kept where for how long, the backups, and how destruction is proven.
    PdRetention,
    /// How the AI assistant's dialogues are reviewed, de-identified and used.
    AiTraining,
    /// The register of processing per purpose, the Roskomnadzor notice's items and the
    /// processors review: a workbook, once per operator.
    PdRegister,
}

impl DocKind {
    pub const ALL: [DocKind; 10] = [
        DocKind::LeadHandling,
        DocKind::SlaSheet,
        DocKind::PdPolicy,
        DocKind::AiEscalation,
        DocKind::PdConsent,
        DocKind::Cancellation,
        DocKind::PdConsentWritten,
        DocKind::PdRetention,
        DocKind::AiTraining,
        DocKind::PdRegister,
    ];

    /// Written once for the whole business at the output folder's root, naming every
    /// location, rather than once per location.
    pub fn per_operator(self) -> bool {
        matches!(
            self,
            DocKind::PdPolicy
                | DocKind::PdConsent
                | DocKind::PdConsentWritten
                | DocKind::PdRegister
        )
    }

    /// Whether the business needs this document at all: the written consent only where
    /// special categories are processed with written consent.
    pub fn applies_to(self, b: &Business) -> bool {
        match self {
            DocKind::PdConsentWritten => b.special_regime() && b.pd.written_consent(),
            _ => true,
        }
    }

    /// A document for consumers, which must exist in Russian (ст. 8 ЗоЗПП): a business that
    /// writes in English gets the Russian original under the usual name and its English
    /// translation beside it.
    pub fn for_consumers(self) -> bool {
        matches!(
            self,
            DocKind::PdPolicy
                | DocKind::PdConsent
                | DocKind::PdConsentWritten
                | DocKind::Cancellation
        )
    }

    /// A form people fill in and sign: printed without the document-control table and the
    /// revision history, which belong to the organisation's copy, not the signed page.
    pub fn is_form(self) -> bool {
        self == DocKind::PdConsentWritten
    }

    /// The file-name stem, also the built-in template's name: `pd-policy`.
    pub fn stem(self) -> &'static str {
        match self {
            DocKind::LeadHandling => "lead-handling",
            DocKind::SlaSheet => "sla-response-times",
            DocKind::PdPolicy => "pd-policy",
            DocKind::AiEscalation => "ai-escalation-rules",
            DocKind::PdConsent => "pd-consent",
            DocKind::Cancellation => "cancellation-policy",
            DocKind::PdConsentWritten => "pd-consent-written",
            DocKind::PdRetention => "pd-retention",
            DocKind::AiTraining => "ai-training-procedure",
            DocKind::PdRegister => "pd-register",
        }
    }

    /// The SLA sheet and the PD register are spreadsheets; the rest are Word documents made
    /// from Markdown.
    pub fn is_docx(self) -> bool {
        !matches!(self, DocKind::SlaSheet | DocKind::PdRegister)
    }

    pub fn extension(self) -> &'static str {
        if self.is_docx() { "docx" } else { "xlsx" }
    }

    /// `pd-policy-omsk.docx`; an operator's document has no location: `pd-consent-written.docx`.
    pub fn file_name(self, location: &str) -> String {
        if self.per_operator() {
            return format!("{}.{}", self.stem(), self.extension());
        }
        format!("{}-{location}.{}", self.stem(), self.extension())
    }

    /// The document's title for `b`: a clinic's policy is about its patients.
    pub fn title_of(self, b: &Business) -> &'static str {
        let clinic = *b.business.segment == crate::model::enums::Segment::Clinic;
        match (self, b.lang(), clinic) {
            (DocKind::PdPolicy, Lang::Ru, true) => {
                "Политика в отношении обработки персональных данных пациентов"
            }
            (DocKind::PdPolicy, Lang::En, true) => {
                "Policy on the Processing of Patients’ Personal Data"
            }
            (kind, lang, _) => kind.title(lang),
        }
    }

    /// The document's title in the business's language.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DocKind::LeadHandling, Lang::Ru) => "Регламент обработки лидов",
            (DocKind::LeadHandling, Lang::En) => "Lead Handling Procedure",
            (DocKind::SlaSheet, Lang::Ru) => "Сроки ответа (SLA)",
            (DocKind::SlaSheet, Lang::En) => "Response Times (SLA)",
            (DocKind::PdPolicy, Lang::Ru) => {
                "Политика в отношении обработки персональных данных клиентов"
            }
            (DocKind::PdPolicy, Lang::En) => "Policy on the Processing of Clients’ Personal Data",
            (DocKind::AiEscalation, Lang::Ru) => "Правила эскалации диалогов ИИ-ассистента",
            (DocKind::AiEscalation, Lang::En) => "AI Assistant Escalation Rules",
            (DocKind::PdConsent, Lang::Ru) => "Согласие на обработку персональных данных",
            (DocKind::PdConsent, Lang::En) => "Consent to Personal Data Processing",
            (DocKind::Cancellation, Lang::Ru) => "Правила отмены и переноса записи",
            (DocKind::Cancellation, Lang::En) => "Cancellation and Rescheduling Policy",
            (DocKind::PdConsentWritten, Lang::Ru) => {
                "Согласие на обработку персональных данных о состоянии здоровья"
            }
            (DocKind::PdConsentWritten, Lang::En) => "Consent to the Processing of Health Data",
            (DocKind::PdRetention, Lang::Ru) => {
                "Регламент хранения, резервного копирования и уничтожения персональных данных"
            }
            (DocKind::PdRetention, Lang::En) => {
                "Retention, Backup and Destruction of Personal Data"
            }
            (DocKind::AiTraining, Lang::Ru) => "Процедура обучения ИИ-ассистента",
            (DocKind::AiTraining, Lang::En) => "AI Assistant Training Procedure",
            (DocKind::PdRegister, Lang::Ru) => "Реестр обработки персональных данных",
            (DocKind::PdRegister, Lang::En) => "Register of Personal Data Processing",
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
        // One operator, one policy and consent (ст. 18.1): no location in the name.
        assert_eq!(DocKind::PdConsent.file_name("ufa"), "pd-consent.docx");
        assert_eq!(DocKind::PdPolicy.file_name("ufa"), "pd-policy.docx");
        assert_eq!(
            DocKind::PdConsentWritten.file_name("ufa"),
            "pd-consent-written.docx"
        );
        assert_eq!(
            DocKind::Cancellation.file_name("ufa"),
            "cancellation-policy-ufa.docx"
        );
        assert_eq!(
            DocKind::PdRetention.file_name("ufa"),
            "pd-retention-ufa.docx"
        );
        assert_eq!(
            DocKind::AiTraining.file_name("ufa"),
            "ai-training-procedure-ufa.docx"
        );
        assert_eq!(DocKind::PdRegister.file_name("ufa"), "pd-register.xlsx");
    }
}
