//! JSON with byte spans: the bot config as lint reads it, so a drifted value is reported at
//! its own line and column. Parsing is strict JSON (no comments, no trailing commas): the
//! bot runtime reads it with an ordinary JSON parser and would refuse anything looser.

use std::ops::Range;

/// A JSON value and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in file order, each with the span of its key.
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Json,
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub span: Range<usize>,
    pub message: String,
}

/// Parses `text` as strict JSON.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed =
        parse_to_ast(text, &CollectOptions::default(), &strict).map_err(|e| SyntaxError {
            span: e.range().start..e.range().end,
            message: e.kind().to_string(),
        })?;
    parsed.value.as_ref().map(convert).ok_or(SyntaxError {
        span: 0..0,
        message: "the file is empty".into(),
    })
}

fn convert(v: &jsonc_parser::ast::Value<'_>) -> Json {
    use jsonc_parser::ast::{ObjectPropName, Value};
    let (span, kind) = match v {
        Value::StringLit(s) => (s.range, Kind::String(s.value.to_string())),
        Value::NumberLit(n) => (n.range, Kind::Number(n.value.parse().unwrap_or(f64::NAN))),
        Value::BooleanLit(b) => (b.range, Kind::Bool(b.value)),
        Value::NullKeyword(n) => (n.range, Kind::Null),
        Value::Array(a) => (
            a.range,
            Kind::Array(a.elements.iter().map(convert).collect()),
        ),
        Value::Object(o) => (
            o.range,
            Kind::Object(
                o.properties
                    .iter()
                    .map(|p| {
                        let (key, range) = match &p.name {
                            ObjectPropName::String(s) => (s.value.to_string(), s.range),
                            ObjectPropName::Word(w) => (w.value.to_owned(), w.range),
                        };
                        Member {
                            key,
                            key_span: range.start..range.end,
                            value: convert(&p.value),
                        }
                    })
                    .collect(),
            ),
        ),
    };
    Json {
        span: span.start..span.end,
        kind,
    }
}

impl Json {
    pub fn members(&self) -> &[Member] {
        match &self.kind {
            Kind::Object(m) => m,
            _ => &[],
        }
    }

    pub fn member(&self, key: &str) -> Option<&Member> {
        self.members().iter().find(|m| m.key == key)
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.member(key).map(|m| &m.value)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// A whole non-negative number.
    pub fn as_u64(&self) -> Option<u64> {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        self.as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n < 1e15)
            .map(|n| n as u64)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match &self.kind {
            Kind::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self.kind, Kind::Object(_))
    }

    /// What kind of value this is, for "expected …, found …" messages.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "true/false",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "a list",
            Kind::Object(_) => "an object",
        }
    }

    /// Every string in the tree with the key it is under (if any), for the secret scan.
    pub fn strings<'a>(&'a self, key: Option<&'a str>, out: &mut Vec<(Option<&'a str>, &'a Json)>) {
        match &self.kind {
            Kind::String(_) => out.push((key, self)),
            Kind::Array(items) => items.iter().for_each(|i| i.strings(key, out)),
            Kind::Object(members) => members
                .iter()
                .for_each(|m| m.value.strings(Some(&m.key), out)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_byte_spans_of_keys_and_values() {
        let text = "{\"a\": {\"город\": \"Уфа\", \"n\": 3}}";
        let v = parse(text).unwrap();
        let inner = v.get("a").unwrap();
        let m = inner.member("город").unwrap();
        assert_eq!(&text[m.key_span.clone()], "\"город\"");
        assert_eq!(&text[m.value.span.clone()], "\"Уфа\"");
        assert_eq!(inner.get("n").unwrap().as_u64(), Some(3));
    }

    #[test]
    fn refuses_what_a_strict_reader_refuses() {
        assert!(parse("{\"a\": 1,}").is_err());
        assert!(parse("{// c\n}").is_err());
        assert!(parse("").is_err());
    }
}
