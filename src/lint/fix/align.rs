//! Which item of a list in the file is which item of the fresh export's list, so a value
//! inside `branches[2]` is compared with the same branch even when the team reordered the
//! branches or a step is missing — and so a missing item goes where the fresh file has it.
//!
//! Items with an `id` pair by id. Lists of the same length pair by position. Otherwise the
//! shorter list must sit inside the longer one in exactly one way, items compared by their
//! skeleton (the texts blanked, identifiers and numbers kept): if it fits in two ways the
//! pairing is ambiguous and nothing is paired, so nothing is mended by guesswork.

use serde_json::Value;

use super::super::json::Json;
use super::compare::{is_prose, to_value};

/// For each fresh item, the index of its file counterpart (`None`: missing in the file),
/// or `None` when the lists cannot be paired unambiguously. File items no fresh item pairs
/// with are the team's own and are left alone.
pub fn align(file: &[Json], fresh: &[Value]) -> Option<Vec<Option<usize>>> {
    if let (Some(f), Some(n)) = (file_ids(file), fresh_ids(fresh)) {
        return Some(n.iter().map(|id| f.iter().position(|x| x == id)).collect());
    }
    if file.len() == fresh.len() {
        return Some((0..file.len()).map(Some).collect());
    }
    let a: Vec<Value> = file.iter().map(skeleton_of_json).collect();
    let b: Vec<Value> = fresh.iter().map(skeleton).collect();
    if a.len() < b.len() {
        let at = embed(&a, &b)?;
        let mut out = vec![None; b.len()];
        for (i, j) in at.into_iter().enumerate() {
            out[j] = Some(i);
        }
        Some(out)
    } else {
        embed(&b, &a).map(|at| at.into_iter().map(Some).collect())
    }
}

/// The one way `short` sits inside `long` in order, as indices into `long`; `None` when it
/// does not fit or fits in more than one way (the leftmost and rightmost fits differ).
fn embed(short: &[Value], long: &[Value]) -> Option<Vec<usize>> {
    let mut left = Vec::with_capacity(short.len());
    let mut j = 0;
    for s in short {
        while j < long.len() && long[j] != *s {
            j += 1;
        }
        if j == long.len() {
            return None;
        }
        left.push(j);
        j += 1;
    }
    let mut right = vec![0; short.len()];
    let mut j = long.len();
    for (i, s) in short.iter().enumerate().rev() {
        loop {
            j = j.checked_sub(1)?;
            if long[j] == *s {
                break;
            }
        }
        right[i] = j;
    }
    (left == right).then_some(left)
}

fn file_ids(items: &[Json]) -> Option<Vec<&str>> {
    let ids: Vec<&str> = items
        .iter()
        .map(|i| i.get("id").and_then(Json::as_str))
        .collect::<Option<_>>()?;
    unique(&ids).then_some(ids)
}

fn fresh_ids(items: &[Value]) -> Option<Vec<&str>> {
    let ids: Vec<&str> = items
        .iter()
        .map(|i| i.get("id").and_then(Value::as_str))
        .collect::<Option<_>>()?;
    unique(&ids).then_some(ids)
}

fn unique(ids: &[&str]) -> bool {
    !ids.is_empty() && ids.iter().enumerate().all(|(i, a)| !ids[..i].contains(a))
}

fn skeleton(v: &Value) -> Value {
    match v {
        Value::String(s) if is_prose(s) => Value::String(String::new()),
        Value::Array(a) => Value::Array(a.iter().map(skeleton).collect()),
        Value::Object(o) => {
            Value::Object(o.iter().map(|(k, v)| (k.clone(), skeleton(v))).collect())
        }
        other => other.clone(),
    }
}

fn skeleton_of_json(v: &Json) -> Value {
    skeleton(&to_value(v))
}

#[cfg(test)]
mod tests {
    use super::align;
    use crate::lint::json::parse;
    use serde_json::json;

    fn arr(text: &str) -> Vec<crate::lint::json::Json> {
        parse(text).unwrap().as_array().unwrap().to_vec()
    }

    #[test]
    fn pairs_by_id_then_position_then_one_unambiguous_fit() {
        let fresh = json!([{"id": "a"}, {"id": "b"}, {"id": "c"}]);
        let fresh = fresh.as_array().unwrap();
        let file = arr(r#"[{"id": "c"}, {"id": "a"}, {"id": "x"}]"#);
        assert_eq!(align(&file, fresh), Some(vec![Some(1), None, Some(0)]));

        let fresh = json!([{"say": "Согласны?", "ask": "consent"}, {"say": "Имя?", "ask": "name"}]);
        let fresh = fresh.as_array().unwrap();
        let file = arr(r#"[{"say": "Как вас зовут?", "ask": "name"}]"#);
        assert_eq!(align(&file, fresh), Some(vec![None, Some(0)]));

        let fresh = json!([{"say": "Один"}, {"say": "Два"}]);
        let fresh = fresh.as_array().unwrap();
        let file = arr(r#"[{"say": "Три"}]"#);
        assert_eq!(align(&file, fresh), None, "either could be the one kept");
    }
}
