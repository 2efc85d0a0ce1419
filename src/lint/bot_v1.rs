//! A version-1 bot config read as version 2: [`upgrade_v1`] maps it, and each value of the
//! result takes the span of the value it came from in the file — the same key path, or
//! its nearest ancestor there — so every finding still points into the file the team
//! edits, and B301 warns that the file needs upgrading.

use std::ops::Range;

use serde_json::Value;

use super::json::{Json, Kind, Member};
use crate::model::bot_v2::upgrade::{UpgradeError, upgrade_v1};

/// Why a version-1 file cannot be read as version 2: where, and the value at fault.
#[derive(Debug, Clone)]
pub struct UpgradeFailure {
    pub span: Range<usize>,
    /// The dotted path version 1 names it by, and the value.
    pub path: String,
    pub value: String,
}

/// A version-1 file read as version 2.
#[derive(Debug, Clone)]
pub struct Upgraded {
    pub root: Json,
    /// The keys the upgrade filled from defaults, as dotted prefixes (`crm.required`,
    /// `escalation.duty`): the file never held them, so they are `--fix`'s to fill, not
    /// drift to report.
    pub derived: Vec<String>,
}

/// The version-2 tree of a version-1 file, spans taken from `v1`.
pub fn upgrade(text: &str, v1: &Json) -> Option<Result<Upgraded, UpgradeFailure>> {
    let value: Value = serde_json::from_str(text).ok()?;
    match upgrade_v1(&value) {
        Ok(up) => {
            let v2 = serde_json::to_value(&up.config).ok()?;
            let derived = up
                .derived
                .iter()
                .map(|k| {
                    k.split('[')
                        .next()
                        .unwrap_or(k)
                        .trim_end_matches('.')
                        .to_owned()
                })
                .collect();
            Some(Ok(Upgraded {
                root: graft(&v2, Some(v1), &v1.span),
                derived,
            }))
        }
        Err(UpgradeError::Value { path, value }) => {
            let span = span_of(v1, &path).unwrap_or_else(|| v1.span.start..v1.span.start + 1);
            Some(Err(UpgradeFailure { span, path, value }))
        }
        // Not a version-1 shape at all: the rules report what they find in the file itself.
        Err(_) => None,
    }
}

/// The span of `branches.<id>.steps.<i>.when` and the like, a branch named by its id.
fn span_of(root: &Json, path: &str) -> Option<Range<usize>> {
    let mut at = root;
    let mut parts = path.split('.').peekable();
    while let Some(p) = parts.next() {
        at = match &at.kind {
            Kind::Object(_) => at.get(p)?,
            Kind::Array(items) => match p.parse::<usize>() {
                Ok(i) => items.get(i)?,
                Err(_) => items
                    .iter()
                    .find(|b| b.get("id").and_then(Json::as_str) == Some(p))?,
            },
            _ => return None,
        };
        let _ = parts.peek();
    }
    Some(at.span.clone())
}

/// `v2` as a [`Json`] whose spans are those of the matching values of `v1`.
fn graft(v2: &Value, v1: Option<&Json>, parent: &Range<usize>) -> Json {
    let span = v1.map_or_else(|| parent.clone(), |j| j.span.clone());
    let kind = match v2 {
        Value::Null => Kind::Null,
        Value::Bool(b) => Kind::Bool(*b),
        Value::Number(n) => Kind::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Kind::String(s.clone()),
        Value::Array(items) => Kind::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    // Version 1's one duty contact is version 2's roster of one.
                    let from = v1.and_then(|j| match &j.kind {
                        Kind::Array(a) => a.get(i),
                        Kind::Object(_) if i == 0 => Some(j),
                        _ => None,
                    });
                    graft(item, from, &span)
                })
                .collect(),
        ),
        Value::Object(members) => Kind::Object(
            members
                .iter()
                .map(|(k, v)| {
                    let from = v1.and_then(|j| j.member(k));
                    let key_span = from.map_or_else(|| span.clone(), |m| m.key_span.clone());
                    Member {
                        key: k.clone(),
                        key_span,
                        value: graft(v, from.map(|m| &m.value), &span),
                    }
                })
                .collect(),
        ),
    };
    Json { span, kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_the_spans_of_what_they_came_from() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/bot-v1/ufa.json"
        );
        let text = std::fs::read_to_string(path).unwrap();
        let v1 = super::super::json::parse(&text).unwrap();
        let v2 = upgrade(&text, &v1).unwrap().unwrap().root;
        let tz = v2.get("timezone").unwrap();
        assert_eq!(&text[tz.span.clone()], "\"Asia/Yekaterinburg\"");
        let hours = v2.get("hours").unwrap();
        assert!(text[hours.span.clone()].starts_with('['));
        let duty = &v2.get("escalation").unwrap().get("duty").unwrap();
        let phone = duty.as_array().unwrap()[0].get("phone").unwrap();
        assert!(text[phone.span.clone()].starts_with("\"+7"));
    }
}
