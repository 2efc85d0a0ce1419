//! How a bot config writes its JSON — the indent unit, each line's indentation, what
//! follows a `:` and a `,` on one line — so that a mended value reads as if the file had
//! always held it, and a diff shows the value and nothing around it.

use serde_json::Value;

use super::super::json::{Json, Kind};

/// The file's writing habits, read once per file.
pub struct Layout<'t> {
    text: &'t str,
    /// One level of indentation (`"  "` in an exported file); `None` for a one-line file.
    unit: Option<String>,
    /// Between a key and its value: `": "` as exported.
    colon: String,
    /// Between two items on one line: `", "` or `","`.
    comma: String,
    /// The file's line ending: `"\r\n"` if it has any, else `"\n"`.
    newline: &'static str,
}

impl<'t> Layout<'t> {
    pub fn of(text: &'t str, root: &Json) -> Self {
        let unit = text
            .lines()
            .skip(1)
            .map(|l| &l[..l.len() - l.trim_start().len()])
            .find(|w| !w.is_empty())
            .map(str::to_owned);
        let mut colon = None;
        let mut comma = None;
        separators(text, root, &mut colon, &mut comma);
        Self {
            text,
            unit,
            colon: colon.unwrap_or_else(|| ": ".to_owned()),
            comma: comma.unwrap_or_else(|| ", ".to_owned()),
            newline: if text.contains("\r\n") { "\r\n" } else { "\n" },
        }
    }

    /// The leading whitespace of the line that holds `offset`.
    pub fn indent_at(&self, offset: usize) -> &'t str {
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = &self.text[start..];
        &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
    }

    /// Whether a value written at `span` is spread over lines: as the value it replaces
    /// was when that was an object or a list with something in it, else as the rest of the
    /// file is.
    pub fn pretty_for(&self, span: &std::ops::Range<usize>) -> bool {
        let old = &self.text[span.clone()];
        let filled_container = (old.starts_with('[') || old.starts_with('{')) && old.len() > 2;
        old.contains('\n') || (self.unit.is_some() && !filled_container)
    }

    /// A key and its value as the file writes a member.
    pub fn member(&self, key: &str, value: &Value, base: &str, pretty: bool) -> String {
        format!(
            "{}{}{}",
            serde_json::to_string(key).expect("a string serialises"),
            self.colon,
            self.value(value, base, pretty)
        )
    }

    /// The separator before an item that follows another inside a container: a new line
    /// at `indent`, or the file's one-line comma.
    pub fn between(&self, indent: &str, pretty: bool) -> String {
        if pretty {
            format!(",{}{indent}", self.newline)
        } else {
            self.comma.clone()
        }
    }

    /// `value` written as this file writes JSON, its continuation lines indented from
    /// `base` (the indentation of the line it starts on).
    pub fn value(&self, value: &Value, base: &str, pretty: bool) -> String {
        let mut out = String::new();
        self.write(value, base, pretty, &mut out);
        out
    }

    fn write(&self, value: &Value, base: &str, pretty: bool, out: &mut String) {
        let unit = self.unit.as_deref().unwrap_or("  ");
        let (open, close, items): (char, char, Vec<(Option<&str>, &Value)>) = match value {
            Value::Array(a) if !a.is_empty() => ('[', ']', a.iter().map(|v| (None, v)).collect()),
            Value::Object(o) if !o.is_empty() => (
                '{',
                '}',
                o.iter().map(|(k, v)| (Some(k.as_str()), v)).collect(),
            ),
            _ => {
                out.push_str(&serde_json::to_string(value).expect("a value serialises"));
                return;
            }
        };
        let inner = format!("{base}{unit}");
        out.push(open);
        for (i, (key, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
                if !pretty {
                    out.push_str(self.comma.trim_start_matches(','));
                }
            }
            if pretty {
                out.push_str(self.newline);
                out.push_str(&inner);
            }
            if let Some(k) = key {
                out.push_str(&serde_json::to_string(k).expect("a string serialises"));
                out.push_str(&self.colon);
            }
            self.write(v, &inner, pretty, out);
        }
        if pretty {
            out.push_str(self.newline);
            out.push_str(base);
        }
        out.push(close);
    }
}

/// The file's own `:` and one-line `,` separators, from the first places that show them.
fn separators(text: &str, v: &Json, colon: &mut Option<String>, comma: &mut Option<String>) {
    if colon.is_some() && comma.is_some() {
        return;
    }
    let starts: Vec<usize> = match &v.kind {
        Kind::Object(members) => {
            if colon.is_none()
                && let Some(m) = members.first()
            {
                *colon = Some(text[m.key_span.end..m.value.span.start].to_owned());
            }
            members.iter().map(|m| m.key_span.start).collect()
        }
        Kind::Array(items) => items.iter().map(|i| i.span.start).collect(),
        _ => return,
    };
    let ends: Vec<usize> = match &v.kind {
        Kind::Object(members) => members.iter().map(|m| m.value.span.end).collect(),
        Kind::Array(items) => items.iter().map(|i| i.span.end).collect(),
        _ => Vec::new(),
    };
    if comma.is_none()
        && let (Some(end), Some(start)) = (ends.first(), starts.get(1))
    {
        let sep = &text[*end..*start];
        if !sep.contains('\n') {
            *comma = Some(sep.to_owned());
        }
    }
    for child in children(v) {
        separators(text, child, colon, comma);
    }
}

fn children(v: &Json) -> Vec<&Json> {
    match &v.kind {
        Kind::Object(members) => members.iter().map(|m| &m.value).collect(),
        Kind::Array(items) => items.iter().collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::Layout;
    use crate::lint::json::parse;

    #[test]
    fn writes_as_the_file_does() {
        let text = "{\n    \"a\": [\n        1\n    ],\n    \"b\": {\"x\":1,\"y\":2}\n}\n";
        let root = parse(text).unwrap();
        let l = Layout::of(text, &root);
        let v = serde_json::json!({"k": [1, 2]});
        assert_eq!(
            l.value(&v, "    ", true),
            "{\n        \"k\": [\n            1,\n            2\n        ]\n    }"
        );
        assert_eq!(l.value(&v, "", false), "{\"k\": [1,2]}");
        assert_eq!(l.indent_at(text.find("\"b\"").unwrap()), "    ");

        let crlf = "{\r\n\t\"a\": []\r\n}\r\n";
        let l = Layout::of(crlf, &parse(crlf).unwrap());
        assert_eq!(
            l.value(&serde_json::json!([1]), "\t", true),
            "[\r\n\t\t1\r\n\t]"
        );
    }
}
