//! The stand-in's reading of a `batch` command's parameters: PHP's `parse_str`, which turns
//! `fields[LIST][0][VALUE]=a%20b` into nested arrays. Every value arrives as a string, and a
//! list as an object keyed `"0"`, `"1"`, … — as the real portal sees them.

use serde_json::{Map, Value};

/// `method?query` → (method, parameters).
pub fn split_command(line: &str) -> (String, Value) {
    match line.split_once('?') {
        Some((m, q)) => (m.to_owned(), parse(q)),
        None => (line.to_owned(), Value::Object(Map::new())),
    }
}

pub fn parse(query: &str) -> Value {
    let mut root = Map::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(k);
        let value = Value::String(decode(v));
        let (base, rest) = key.split_at(key.find('[').unwrap_or(key.len()));
        let mut path = vec![base.to_owned()];
        let mut rest = rest;
        while let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else { break };
            path.push(r[..end].to_owned());
            rest = &r[end + 1..];
        }
        insert(&mut root, &path, value);
    }
    Value::Object(root)
}

fn insert(map: &mut Map<String, Value>, path: &[String], value: Value) {
    let key = if path[0].is_empty() {
        map.len().to_string()
    } else {
        path[0].clone()
    };
    if path.len() == 1 {
        map.insert(key, value);
        return;
    }
    let child = map.entry(key).or_insert_with(|| Value::Object(Map::new()));
    if !child.is_object() {
        *child = Value::Object(Map::new());
    }
    insert(child.as_object_mut().unwrap(), &path[1..], value);
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(u8::try_from(h * 16 + l).unwrap());
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
