//! Problems found in user input, as data: a severity, an optional rule code, a message,
//! labelled places in source files and a hint. Nothing here prints; `report` does.

mod source;

pub use source::{FileId, SourceFile, Sources};

use std::ops::Range;

use crate::i18n::Text;

/// How bad a problem is. Load errors are always [`Severity::Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A place in a source file, with what it has to do with the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: Text,
    /// The primary label is the value at fault; others give context.
    pub primary: bool,
}

/// One problem: a load error (no code) or a lint finding (with a rule code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Option<&'static str>,
    pub severity: Severity,
    pub message: Text,
    pub labels: Vec<Label>,
    pub hint: Option<Text>,
}

impl Diagnostic {
    pub fn error(message: impl Into<Text>) -> Self {
        Self {
            code: None,
            severity: Severity::Error,
            message: message.into(),
            labels: Vec::new(),
            hint: None,
        }
    }

    pub fn finding(code: &'static str, severity: Severity, message: impl Into<Text>) -> Self {
        Self {
            code: Some(code),
            severity,
            message: message.into(),
            labels: Vec::new(),
            hint: None,
        }
    }

    /// The value at fault.
    #[must_use]
    pub fn at(mut self, file: FileId, span: Range<usize>, message: impl Into<Text>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    /// Another place that explains the problem (the other side of a disagreement).
    #[must_use]
    pub fn also(mut self, file: FileId, span: Range<usize>, message: impl Into<Text>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    #[must_use]
    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The primary label, or the first one.
    pub fn primary(&self) -> Option<&Label> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or_else(|| self.labels.first())
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|&(d, c)| d <= 2.max(c.chars().count() / 3))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["timezone", "city", "address"];
        assert_eq!(did_you_mean("timezon", keys), Some("timezone"));
        assert_eq!(did_you_mean("time_zone", keys), Some("timezone"));
        assert_eq!(did_you_mean("adress", keys), Some("address"));
        assert_eq!(did_you_mean("colour", keys), None);
    }
}
