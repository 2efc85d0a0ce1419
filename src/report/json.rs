//! `--format json`: one array of findings, each with code, severity, message, file, line,
//! column (1-based, columns in characters), the end of the span, a hint and the other
//! places involved.

use serde_json::{Value, json};

use crate::diag::{Diagnostic, Label, Sources};
use crate::i18n::Lang;

fn place(sources: &Sources, l: &Label, lang: Lang) -> Value {
    let src = sources.get(l.file);
    let (line, column) = src.line_col(l.span.start);
    let (end_line, end_column) = src.line_col(l.span.end);
    json!({
        "file": src.path.to_string_lossy(),
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "label": l.message.get(lang),
    })
}

/// The findings as a pretty JSON array with a trailing newline.
pub fn render(sources: &Sources, diags: &[Diagnostic], lang: Lang) -> String {
    let items: Vec<Value> = diags
        .iter()
        .map(|d| {
            let primary = d.primary();
            let at = primary.map(|l| place(sources, l, lang));
            let field = |k: &str| at.as_ref().map_or(Value::Null, |a| a[k].clone());
            json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message.get(lang),
                "file": field("file"),
                "line": field("line"),
                "column": field("column"),
                "end_line": field("end_line"),
                "end_column": field("end_column"),
                "hint": d.hint.as_ref().map(|h| h.get(lang)),
                "related": d.labels.iter()
                    .filter(|l| primary.is_none_or(|p| !std::ptr::eq(*l, p)))
                    .map(|l| place(sources, l, lang))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).expect("findings serialise");
    s.push('\n');
    s
}
