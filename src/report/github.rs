//! `--format github`: GitHub Actions workflow commands, one `::error`/`::warning` line per
//! finding, so findings show on the pull request's diff.

use std::fmt::Write;

use crate::diag::{Diagnostic, Severity, Sources};
use crate::i18n::Lang;

/// Escapes a message as the workflow-command parser expects.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`, which separate properties).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The word before a hint, as the human report prints it.
pub fn help_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "help",
        Lang::Ru => "подсказка",
    }
}

pub fn render(sources: &Sources, diags: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(l) = d.primary() {
            let src = sources.get(l.file);
            let (line, col) = src.line_col(l.span.start);
            let (end_line, end_col) = src.line_col(l.span.end);
            props.push(format!("file={}", property(&src.path.to_string_lossy())));
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            props.push(format!("endLine={end_line}"));
            if end_line == line {
                props.push(format!("endColumn={end_col}"));
            }
        }
        let title = d
            .code
            .map_or_else(|| "regl".to_owned(), |c| format!("regl {c}"));
        props.push(format!("title={}", property(&title)));
        let mut message = d.message.get(lang).to_owned();
        if let Some(h) = &d.hint {
            let _ = write!(message, "\n{}: {}", help_word(lang), h.get(lang));
        }
        let _ = writeln!(out, "::{level} {}::{}", props.join(","), data(&message));
    }
    out
}
