//! `regl lint --fix` (SPEC §4.2): mending the runtime's copy of each bot config in place,
//! value by value, toward what a fresh export would write.
//!
//! A [`Fix`] is data — which bytes of which file become what, and the JSON path it mends —
//! so that the plan can be shown, tested and applied apart from the rules that caused it,
//! and a rule could one day offer its own. [`plan`] turns the findings of one lint run into
//! fixes without knowing any rule or the config's shape: each finding's primary span names
//! a value of the file, and the fresh export says what that value should be. [`apply`]
//! writes them, every file or none.
//!
//! What is never touched: `business.toml` (the source of truth), bytes outside the mended
//! values, the team's texts that no finding is about, a file of another schema version than
//! the export writes (B301 says how to upgrade it), and anything the fresh export has no
//! value for (it stays a finding).

mod align;
mod apply;
mod compare;
mod layout;
mod mend;
mod target;
#[cfg(test)]
mod tests;

use std::ops::Range;
use std::path::PathBuf;

use serde_json::Value;

use super::bot::{BotInput, BotState};
use super::json::Json;
use crate::diag::{Diagnostic, FileId, Severity, Sources};

pub use apply::apply;

/// One change to one file: the bytes at `span` become `replacement` (an empty span is an
/// insertion), mending the value at `path`, which becomes `value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub file: FileId,
    pub span: Range<usize>,
    pub replacement: String,
    /// The JSON path of the mended value in the file, e.g. `branches[2].steps[0].say`.
    pub path: String,
    /// The value the file holds at `path` once the fix is applied.
    pub value: Value,
    /// Where, inside `replacement`, the value's own text begins (after a separator).
    pub value_offset: usize,
}

/// A fix as it was applied, for the report: where the value now stands in the written
/// file, what it was and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// 1-based line and column (in characters) of the value in the written file.
    pub line: usize,
    pub column: usize,
    pub path: String,
    /// The value before, or `None` when it was missing and has been added.
    pub before: Option<Value>,
    pub after: Value,
}

/// The fresh export of one bot config: what `regl export` would write for the location the
/// file is for, as JSON. `None` when the file is not one `--fix` may touch (missing,
/// unreadable, for an unknown location).
pub type Fresh = Option<Value>;

/// The fixes for the findings of one lint run. `fresh[i]` is the fresh export for
/// `bots[i]`. Only error and warning findings whose primary span lies in a bot config are
/// considered; each is mended only where the fresh export has another value.
pub fn plan(
    sources: &Sources,
    bots: &[BotInput],
    fresh: &[Fresh],
    diags: &[Diagnostic],
) -> Vec<Fix> {
    // The findings' spans by file, in the findings' order: one pass, not one per file.
    let mut by_file: std::collections::HashMap<_, Vec<&Range<usize>>> =
        std::collections::HashMap::new();
    for l in diags
        .iter()
        .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
        .filter_map(Diagnostic::primary)
    {
        by_file.entry(l.file).or_default().push(&l.span);
    }
    let mut out = Vec::new();
    for (bot, fresh) in bots.iter().zip(fresh) {
        let (BotState::Parsed { file, root, .. }, Some(fresh)) = (&bot.state, fresh) else {
            continue;
        };
        if !same_contract(root, fresh) {
            continue;
        }
        let Some(spans) = by_file.get(file) else {
            continue;
        };
        let text = &sources.get(*file).text;
        let layout = layout::Layout::of(text, root);
        for &span in spans {
            let edits = target::mend_finding(root, fresh, span, text, &layout);
            out.extend(edits.into_iter().map(|e| Fix {
                file: *file,
                span: e.span,
                replacement: e.replacement,
                path: e.path,
                value: e.value,
                value_offset: e.value_offset,
            }));
        }
    }
    out
}

/// The file is of the schema version the export writes and for the location the export is
/// made for: only then do the same paths mean the same things. A file of another version
/// is left for its B301 finding, whose hint upgrades it.
fn same_contract(root: &Json, fresh: &Value) -> bool {
    let schema = root.get("regl_bot_schema").and_then(Json::as_u64);
    let location = root.get("location").and_then(Json::as_str);
    schema.is_some()
        && schema == fresh.get("regl_bot_schema").and_then(Value::as_u64)
        && location.is_some()
        && location == fresh.get("location").and_then(Value::as_str)
}

/// `a.b[2].c`: keys that are plain words as they are, others quoted (`["a key"]`).
fn push_key(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match (path.is_empty(), plain) {
        (true, true) => key.to_owned(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!(
            "{path}[{}]",
            serde_json::to_string(key).expect("a string serialises")
        ),
    }
}

fn push_index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}
