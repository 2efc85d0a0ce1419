//! The team's edits a fresh bot config would discard: every JSON path whose value in the
//! runtime's copy differs from the fresh export, so `export --bot-configs` can say what it
//! overwrote instead of losing the team's texts silently.

use serde_json::Value;

/// The JSON paths (`branches[2].steps[0].say`) where `old` differs from `fresh`, in the
/// fresh file's order, then keys only the old file has. An unreadable old file is one
/// edit at the root (`$`).
pub fn discarded(old: &[u8], fresh: &Value) -> Vec<String> {
    let mut out = Vec::new();
    match serde_json::from_slice::<Value>(old) {
        Ok(old) => walk("", &old, fresh, &mut out),
        Err(_) => out.push("$".to_owned()),
    }
    out
}

fn walk(path: &str, old: &Value, fresh: &Value, out: &mut Vec<String>) {
    match (old, fresh) {
        (Value::Object(o), Value::Object(f)) => {
            for (k, fv) in f {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match o.get(k) {
                    Some(ov) => walk(&p, ov, fv, out),
                    None => out.push(p),
                }
            }
            let only_old = o.keys().filter(|k| !f.contains_key(*k));
            out.extend(only_old.map(|k| {
                if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                }
            }));
        }
        (Value::Array(o), Value::Array(f)) if o.len() == f.len() => {
            for (i, (ov, fv)) in o.iter().zip(f).enumerate() {
                walk(&format!("{path}[{i}]"), ov, fv, out);
            }
        }
        _ if old == fresh => {}
        _ => out.push(if path.is_empty() {
            "$".to_owned()
        } else {
            path.to_owned()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::discarded;

    #[test]
    fn names_each_edited_value_by_its_path() {
        let fresh = serde_json::json!({"a": {"b": [1, 2], "c": "x"}, "d": true});
        let old = br#"{"a": {"b": [1, 3], "c": "x"}, "e": 1}"#;
        assert_eq!(discarded(old, &fresh), ["a.b[1]", "d", "e"]);
        assert!(discarded(b"{\"a\":{\"b\":[1,2],\"c\":\"x\"},\"d\":true}", &fresh).is_empty());
        assert_eq!(discarded(b"not json", &fresh), ["$"]);
    }
}
