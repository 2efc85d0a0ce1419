//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards, with every rule's metadata so
//! a dashboard can show what a code means.

use std::path::Path;

use serde_json::{Value, json};

use crate::diag::{Diagnostic, Severity, Sources};
use crate::i18n::Lang;

/// What SARIF shows about a rule.
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub help_markdown: &'static str,
    pub default_level: Severity,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The SARIF log of `diags`. File locations are relative to `root` (the repository, see
/// [`super::uri::repository_root`]) under `%SRCROOT%`, or `file://` URIs outside it.
pub fn render(
    sources: &Sources,
    diags: &[Diagnostic],
    rules: &[RuleInfo],
    lang: Lang,
    root: &Path,
) -> String {
    let rules_json: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.help_markdown, "markdown": r.help_markdown },
                "defaultConfiguration": { "level": level(r.default_level) },
            })
        })
        .collect();
    let location = |l: &crate::diag::Label| {
        let src = sources.get(l.file);
        let (line, col) = src.line_col(l.span.start);
        let (end_line, end_col) = src.line_col(l.span.end.max(l.span.start));
        // SARIF's endColumn is the column after the region's last character; a region that
        // ends on a later line keeps its own end column.
        let end_col = if end_line == line {
            end_col.max(col)
        } else {
            end_col
        };
        let (uri, base) = super::uri::artifact(&src.path, root);
        let mut artifact = json!({ "uri": uri });
        if let Some(base) = base {
            artifact["uriBaseId"] = json!(base);
        }
        json!({
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": { "startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col },
            },
            "message": { "text": if l.message.is_empty() { crate::i18n::phrases::here() } else { l.message.clone() }.get(lang) },
        })
    };
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut text = d.message.get(lang).to_owned();
            if let Some(h) = &d.hint {
                text.push('\n');
                text.push_str(super::github::help_word(lang));
                text.push_str(": ");
                text.push_str(h.get(lang));
            }
            let mut r = json!({
                "ruleId": d.code.unwrap_or("regl"),
                "level": level(d.severity),
                "message": { "text": text },
            });
            if let Some(i) = d.code.and_then(|c| rules.iter().position(|x| x.code == c)) {
                r["ruleIndex"] = json!(i);
            }
            if let Some(p) = d.primary() {
                r["locations"] = json!([location(p)]);
                let related: Vec<Value> = d
                    .labels
                    .iter()
                    .filter(|l| !std::ptr::eq(*l, p))
                    .map(location)
                    .collect();
                if !related.is_empty() {
                    r["relatedLocations"] = json!(related);
                }
            }
            r
        })
        .collect();
    let mut doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "regl",
                "version": env!("CARGO_PKG_VERSION"),
                // No `informationUri`: it is optional, and the project has no public address
                // to give; an invented one would send a dashboard user nowhere.
                "rules": rules_json,
            }},
            "originalUriBaseIds": {
                super::uri::SRCROOT: { "uri": super::uri::file_uri(&root.join("")) },
            },
            "results": results,
        }],
    });
    // SARIF's `language` says which language the messages are in; its default is en-US, so
    // it is written only when they are not.
    if lang == Lang::Ru {
        doc["runs"][0]["language"] = json!("ru-RU");
    }
    let mut s = serde_json::to_string_pretty(&doc).expect("SARIF serialises");
    s.push('\n');
    s
}
