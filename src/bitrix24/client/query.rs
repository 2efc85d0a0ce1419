//! One `batch` command as the portal reads it: `method?fields[NAME]=value&…`, the parameters in
//! PHP's query-string form (PHP `http_build_query`), URL-encoded once because the batch itself
//! travels as a JSON body (b24restdocs `settings/how-to-call-rest-api/batch.md`,
//! `data-encoding.md`).
//!
//! PHP's rules: nested objects and arrays become `key[sub]` and `key[0]`; `true`/`false` become
//! `1`/`0`; `null` and empty arrays are left out.

use std::fmt::Write as _;

use serde_json::Value;

/// `method?query`, or `method` alone when there are no parameters.
pub(crate) fn command_line(method: &str, params: &Value) -> String {
    let query = query_string(params);
    if query.is_empty() {
        method.to_owned()
    } else {
        format!("{method}?{query}")
    }
}

/// The parameters (a JSON object) as a query string in PHP's nested form.
pub fn query_string(params: &Value) -> String {
    let mut pairs = Vec::new();
    if let Value::Object(map) = params {
        for (k, v) in map {
            push_pairs(&encode(k), v, &mut pairs);
        }
    }
    pairs.join("&")
}

fn push_pairs(key: &str, value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push(format!("{key}={}", u8::from(*b))),
        Value::Number(n) => out.push(format!("{key}={n}")),
        Value::String(s) => out.push(format!("{key}={}", encode(s))),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                push_pairs(&format!("{key}[{i}]"), v, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                push_pairs(&format!("{key}[{}]", encode(k)), v, out);
            }
        }
    }
}

/// Percent-encodes all but RFC 3986's unreserved characters, as PHP's `rawurlencode`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_fields_in_php_form() {
        let p = json!({
            "fields": {
                "FIELD_NAME": "REGL_CHANNEL",
                "EDIT_FORM_LABEL": {"ru": "Канал"},
                "LIST": [{"VALUE": "A & B", "SORT": 10}],
                "MULTIPLE": false,
                "XML_ID": null,
                "SETTINGS": {}
            }
        });
        assert_eq!(
            command_line("crm.lead.userfield.add", &p),
            "crm.lead.userfield.add?fields[FIELD_NAME]=REGL_CHANNEL\
             &fields[EDIT_FORM_LABEL][ru]=%D0%9A%D0%B0%D0%BD%D0%B0%D0%BB\
             &fields[LIST][0][VALUE]=A%20%26%20B&fields[LIST][0][SORT]=10\
             &fields[MULTIPLE]=0"
        );
    }

    #[test]
    fn no_parameters_no_question_mark() {
        assert_eq!(command_line("profile", &json!({})), "profile");
        assert_eq!(command_line("profile", &Value::Null), "profile");
    }
}
