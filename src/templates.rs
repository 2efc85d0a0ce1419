//! The built-in document templates, compiled in from `templates/<lang>/<stem>.md`. Render
//! registers them (and their `builtin/…` names) in its engine; lint's D402 loads them too,
//! so a user's override that `{% extends "builtin/ru/pd-policy.md" %}` is judged as render
//! would judge it.

use crate::model::enums::Lang;

/// Lists the built-in templates, compiled in from `templates/<lang>/<stem>.md`.
macro_rules! builtins {
    ($(($lang:ident, $dir:literal, $stem:literal)),* $(,)?) => {
        &[$((
            Lang::$lang,
            $stem,
            include_str!(concat!("../templates/", $dir, "/", $stem, ".md")),
        )),*]
    };
}

/// The built-in templates: (language, stem, text).
pub const BUILTINS: &[(Lang, &str, &str)] = builtins![
    (Ru, "ru", "lead-handling"),
    (Ru, "ru", "pd-policy"),
    (Ru, "ru", "ai-escalation-rules"),
    (Ru, "ru", "pd-consent"),
    (Ru, "ru", "cancellation-policy"),
    (Ru, "ru", "pd-consent-written"),
    (Ru, "ru", "pd-retention"),
    (Ru, "ru", "ai-training-procedure"),
    (En, "en", "lead-handling"),
    (En, "en", "pd-policy"),
    (En, "en", "ai-escalation-rules"),
    (En, "en", "pd-consent"),
    (En, "en", "cancellation-policy"),
    (En, "en", "pd-consent-written"),
    (En, "en", "pd-retention"),
    (En, "en", "ai-training-procedure"),
];

/// The filters render's engine registers beside Tera's own: a template that uses one parses
/// only where it is registered, so D402 registers these names too. A test of the engine
/// keeps the list and the engine in step.
pub const FILTERS: &[&str] = &["and_join", "date", "dur", "money", "plural"];

/// Every built-in under both of its names, `ru/pd-policy.md` and `builtin/ru/pd-policy.md`.
pub fn named() -> impl Iterator<Item = (String, &'static str)> {
    BUILTINS.iter().flat_map(|(lang, stem, text)| {
        let name = format!("{}/{stem}.md", lang.as_str());
        [(format!("builtin/{name}"), *text), (name, *text)]
    })
}

/// Where Tera's pre-formatted report places an error. Tera checks references (unknown
/// filters, blocks no parent defines) after parsing and returns those findings as one text,
/// `error: MESSAGE` then ` --> TEMPLATE:LINE:COL` and a snippet; this reads the first one
/// back, so render and lint report it in the same `file:line:col: message` form as any other
/// template error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedAt {
    pub message: String,
    pub template: String,
    /// 1-based.
    pub line: usize,
    /// 1-based.
    pub column: usize,
}

/// The first error of a Tera report, or `None` when the text is not one.
pub fn reported_at(report: &str) -> Option<ReportedAt> {
    let mut lines = report.lines();
    let message = lines.next()?.strip_prefix("error: ")?.trim().to_owned();
    let at = lines.next()?.trim_start().strip_prefix("--> ")?;
    let mut parts = at.rsplitn(3, ':');
    let column = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.trim().parse().ok()?;
    let template = parts.next()?.to_owned();
    Some(ReportedAt {
        message,
        template,
        line,
        column,
    })
}

/// The byte offset of a 1-based line and column (in characters) in `text`.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tera_report_reads_back_to_its_place() {
        let report = "error: Block `generl` is not defined in any parent template\n --> ru/cancellation-policy.md:2:10\n  |\n2 | {% block generl %}\n  |          ^^^^^^\n";
        let at = reported_at(report).unwrap();
        assert_eq!(at.template, "ru/cancellation-policy.md");
        assert_eq!((at.line, at.column), (2, 10));
        assert!(at.message.starts_with("Block `generl`"));
        assert_eq!(reported_at("some other error"), None);
        let text = "a\nя {% block generl %}\n";
        assert_eq!(&text[offset_of(text, 2, 3)..offset_of(text, 2, 5)], "{%");
    }
}
