//! Comparing the file's values with the fresh export's: the same JSON or not, and which
//! strings are texts a person reads (the team's wording) rather than identifiers, codes or
//! numbers the runtime acts on.

use serde_json::Value;

use super::super::json::{Json, Kind};

/// A text a person reads (and the team may have reworded), as opposed to an identifier, a
/// code or a number the runtime acts on.
pub fn is_prose(s: &str) -> bool {
    s.chars().any(|c| c.is_whitespace() || !c.is_ascii())
}

/// The file's value as plain JSON (numbers as the file wrote them, where they fit).
pub fn to_value(v: &Json) -> Value {
    match &v.kind {
        Kind::Null => Value::Null,
        Kind::Bool(b) => Value::Bool(*b),
        Kind::Number(n) => number(*n),
        Kind::String(s) => Value::String(s.clone()),
        Kind::Array(a) => Value::Array(a.iter().map(to_value).collect()),
        Kind::Object(m) => Value::Object(
            m.iter()
                .map(|m| (m.key.clone(), to_value(&m.value)))
                .collect(),
        ),
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        if n >= 0.0 {
            Value::from(n as u64)
        } else {
            Value::from(n as i64)
        }
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// The file's value and the fresh one are the same JSON (numbers compared as numbers,
/// members in any order).
pub fn same(file: &Json, fresh: &Value) -> bool {
    match (&file.kind, fresh) {
        (Kind::Null, Value::Null) => true,
        (Kind::Bool(a), Value::Bool(b)) => a == b,
        (Kind::Number(a), Value::Number(b)) => b.as_f64() == Some(*a),
        (Kind::String(a), Value::String(b)) => a == b,
        (Kind::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Kind::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|m| b.get(&m.key).is_some_and(|v| same(&m.value, v)))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_prose, same};
    use crate::lint::json::parse;

    #[test]
    fn texts_are_told_from_identifiers_and_values_compared_as_json() {
        assert!(is_prose("Даю согласие") && is_prose("see you") && is_prose("эскалация-УФА"));
        assert!(!is_prose("UF_CRM_REGL_CHANNEL") && !is_prose("Asia/Omsk") && !is_prose("1.0"));
        let file = parse(r#"{"b": [1.0, "x"], "a": null}"#).unwrap();
        assert!(same(&file, &serde_json::json!({"a": null, "b": [1, "x"]})));
        assert!(!same(&file, &serde_json::json!({"a": null, "b": [1, "y"]})));
    }
}
