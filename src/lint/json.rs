//! JSON with byte spans: the bot config as lint reads it, so a drifted value is reported at
//! its own line and column. Parsing is strict JSON (no comments, no trailing commas): the
//! bot runtime reads it with an ordinary JSON parser and would refuse anything looser.

use std::ops::Range;

use crate::i18n::Text;

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
    pub message: Text,
}

/// Parses `text` as strict JSON.
///
/// A well-formed file is built straight from the parser's tokens ([`Tree`]); only a file
/// that is not is parsed again in full, for the parser's own account of what is wrong and
/// where. With a thousand bot configs the syntax tree built and then copied was a fifth
/// of a lint.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    match Tree::new(text).document() {
        Some(root) => Ok(root),
        None => parse_to_report(text),
    }
}

/// Builds a [`Json`] from the scanner's tokens, giving up (`None`) at the first thing
/// strict JSON does not allow, which [`parse_to_report`] then explains. It accepts
/// exactly what that full parse accepts, since both read the same tokens: a value, and
/// in a container values parted by single commas, each key a double-quoted string followed
/// by a colon; comments, bare words and anything else end it.
struct Tree<'a> {
    scanner: jsonc_parser::Scanner<'a>,
    /// Containers open around the current token.
    depth: usize,
}

/// Deeper nesting than this is left to the full parse, whose own limit (512 open ranges,
/// an object counting twice: itself and its member) decides it.
const TREE_DEPTH: usize = 128;

impl<'a> Tree<'a> {
    fn new(text: &'a str) -> Self {
        let strict = jsonc_parser::ScannerOptions {
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        Tree {
            scanner: jsonc_parser::Scanner::new(text, &strict),
            depth: 0,
        }
    }

    /// The next token; `None` at the end of the text or at a token that is not one.
    fn token(&mut self) -> Option<jsonc_parser::tokens::Token<'a>> {
        self.scanner.scan().ok().flatten()
    }

    fn document(mut self) -> Option<Json> {
        let first = self.token()?;
        let root = self.value(first)?;
        matches!(self.scanner.scan(), Ok(None)).then_some(root)
    }

    fn value(&mut self, token: jsonc_parser::tokens::Token<'a>) -> Option<Json> {
        use jsonc_parser::tokens::Token;
        let start = self.scanner.token_start();
        let kind = match token {
            Token::String(s) => Kind::String(s.into_owned()),
            Token::Number(n) => Kind::Number(n.parse().unwrap_or(f64::NAN)),
            Token::Boolean(b) => Kind::Bool(b),
            Token::Null => Kind::Null,
            Token::OpenBracket | Token::OpenBrace if self.depth >= TREE_DEPTH => return None,
            Token::OpenBracket => {
                self.depth += 1;
                let items = self.items()?;
                self.depth -= 1;
                Kind::Array(items)
            }
            Token::OpenBrace => {
                self.depth += 1;
                let members = self.members()?;
                self.depth -= 1;
                Kind::Object(members)
            }
            _ => return None,
        };
        Some(Json {
            span: start..self.scanner.token_end(),
            kind,
        })
    }

    /// A list's items, its `[` read; ends on its `]`.
    fn items(&mut self) -> Option<Vec<Json>> {
        use jsonc_parser::tokens::Token;
        let mut items = Vec::new();
        let mut token = self.token()?;
        if token == Token::CloseBracket {
            return Some(items);
        }
        loop {
            items.push(self.value(token)?);
            match self.token()? {
                Token::Comma => token = self.token()?,
                Token::CloseBracket => return Some(items),
                _ => return None,
            }
        }
    }

    /// An object's members, its `{` read; ends on its `}`.
    fn members(&mut self) -> Option<Vec<Member>> {
        use jsonc_parser::tokens::Token;
        let mut members = Vec::new();
        let mut token = self.token()?;
        if token == Token::CloseBrace {
            return Some(members);
        }
        loop {
            let Token::String(key) = token else {
                return None;
            };
            let key_span = self.scanner.token_start()..self.scanner.token_end();
            if self.token()? != Token::Colon {
                return None;
            }
            let token_of_value = self.token()?;
            let value = self.value(token_of_value)?;
            members.push(Member {
                key: key.into_owned(),
                key_span,
                value,
            });
            match self.token()? {
                Token::Comma => token = self.token()?,
                Token::CloseBrace => return Some(members),
                _ => return None,
            }
        }
    }
}

/// Parses `text` into the parser's own syntax tree: slower than [`Tree`], but it says why
/// a text is not JSON.
fn parse_to_report(text: &str) -> Result<Json, SyntaxError> {
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
            message: Text::new(e.kind().to_string(), kind_ru(e.kind())),
        })?;
    parsed
        .value
        .as_ref()
        .map(convert)
        .ok_or_else(|| SyntaxError {
            span: 0..0,
            message: Text::new("the file is empty", "файл пуст"),
        })
}

/// The parser's reason in Russian (its own English is kept as the English message).
fn kind_ru(kind: &jsonc_parser::errors::ParseErrorKind) -> String {
    use jsonc_parser::ParseStringErrorKind as S;
    use jsonc_parser::errors::ParseErrorKind as K;
    let ru = match kind {
        K::BareDecimalPointNumbersNotAllowed => "у числа не может быть точки в начале или в конце",
        K::CommentsNotAllowed => "комментарии в JSON недопустимы",
        K::ExpectedColonAfterObjectKey => "после ключа объекта нужно двоеточие",
        K::ExpectedObjectValue => "после двоеточия нужно значение",
        K::ExpectedDigit => "ожидается цифра",
        K::ExpectedDigitFollowingNegativeSign => "после знака минус нужна цифра",
        K::ExpectedPlusMinusOrDigitInNumberLiteral => "в числе ожидается плюс, минус или цифра",
        K::ExpectedStringObjectProperty => "ключ объекта должен быть строкой в двойных кавычках",
        K::HexadecimalNumbersNotAllowed => "шестнадцатеричные числа в JSON недопустимы",
        K::ExpectedComma => "ожидается запятая",
        K::MultipleRootJsonValues => "в файле больше одного значения JSON",
        K::NonFiniteNumbersNotAllowed => "Infinity и NaN в JSON недопустимы",
        K::SingleQuotedStringsNotAllowed => "строки в одинарных кавычках в JSON недопустимы",
        K::TrailingCommasNotAllowed => "висячие запятые в JSON недопустимы",
        K::UnaryPlusNumbersNotAllowed => "знак плюс перед числом в JSON недопустим",
        K::UnexpectedCloseBrace => "лишняя закрывающая фигурная скобка",
        K::UnexpectedCloseBracket => "лишняя закрывающая квадратная скобка",
        K::UnexpectedColon => "лишнее двоеточие",
        K::UnexpectedComma => "лишняя запятая",
        K::UnexpectedToken => "неожиданный символ",
        K::UnexpectedTokenInObject => "неожиданный символ в объекте",
        K::UnexpectedWord => "неожиданное слово (строки берутся в двойные кавычки)",
        K::UnterminatedArray => "массив не закрыт: нет `]`",
        K::UnterminatedCommentBlock => "блочный комментарий не закрыт",
        K::UnterminatedObject => "объект не закрыт: нет `}`",
        K::NestingDepthExceeded => "слишком глубокая вложенность",
        K::String(S::UnterminatedStringLiteral) => "строка не закрыта: нет `\"`",
        K::String(S::InvalidEscape) => "недопустимая escape-последовательность",
        K::String(S::InvalidEscapeInSingleQuoteString | S::InvalidEscapeInDoubleQuoteString) => {
            "недопустимая escape-последовательность в строке"
        }
        K::String(S::ExpectedFourHexDigits) => "после `\\u` нужны четыре шестнадцатеричные цифры",
        K::String(S::ExpectedTwoHexDigits) => "нужны две шестнадцатеричные цифры",
        K::String(S::InvalidUnicodeEscapeSequence(value)) => {
            return format!("недопустимый код символа Юникода: «{value}»");
        }
    };
    ru.to_owned()
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

/// Where a walk of a [`Json`] tree stands: the keys and indices from its start. A walk
/// pushes and pops a step per node and writes the dotted path out only for what it
/// reports; formatting one at every node of a thousand configs was most of such a walk.
#[derive(Default)]
pub struct Steps<'a>(Vec<Step<'a>>);

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> Steps<'a> {
    pub fn push_key(&mut self, key: &'a str) {
        self.0.push(Step::Key(key));
    }

    pub fn push_index(&mut self, index: usize) {
        self.0.push(Step::Index(index));
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    /// `base` and the steps, dotted: `limits.hours.0` (no leading dot without a base).
    pub fn dotted(&self, base: &str) -> String {
        let mut s = base.to_owned();
        for step in &self.0 {
            if !s.is_empty() {
                s.push('.');
            }
            match step {
                Step::Key(k) => s.push_str(k),
                Step::Index(i) => s.push_str(&i.to_string()),
            }
        }
        s
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

    /// What kind of value this is, for "expected …, found …" messages (in the nominative).
    pub fn kind_name(&self) -> Text {
        match self.kind {
            Kind::Null => Text::same("null"),
            Kind::Bool(_) => Text::same("true/false"),
            Kind::Number(_) => Text::new("a number", "число"),
            Kind::String(_) => Text::new("a string", "строка"),
            Kind::Array(_) => Text::new("a list", "список"),
            Kind::Object(_) => Text::new("an object", "объект"),
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

    /// The tree built from tokens is the full parse's, span for span, and it gives up on
    /// every text the full parse refuses, so a broken file is always explained by it.
    #[test]
    fn the_token_tree_is_the_full_parse() {
        let good = [
            "{}",
            "[]",
            " 3 ",
            "\"x\"",
            "{\"a\": [1, -2.5e3, true, false, null, \"\\u0436\\n\"], \"b\": {\"c\": []}}",
            "[[[], {}], [{\"k\": \"«ёлка» — 10 000 ₽\"}]]",
        ];
        for text in good {
            assert_eq!(
                Tree::new(text).document(),
                Some(parse_to_report(text).unwrap()),
                "{text}"
            );
        }
        let deep = format!("{}{}", "[".repeat(600), "]".repeat(600));
        let bad = [
            "",
            "   ",
            "{\"a\": 1,}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\": 1 \"b\": 2}",
            "{a: 1}",
            "{\"a\": }",
            "[,1]",
            "[1,,2]",
            "{\"a\": 1}}",
            "[1] [2]",
            "{// c\n}",
            "[/* c */ 1]",
            "['a']",
            "[0x1F]",
            "[+1]",
            "[.5]",
            "[NaN]",
            "[\"\\x41\"]",
            "[undefined]",
            "{\"a\": [}",
            "{\"a\": 1",
            "[1, {\"b\": 2]",
            "{:}",
            "{1: 2}",
            &deep,
        ];
        for text in bad {
            assert_eq!(Tree::new(text).document(), None, "{text}");
            assert!(parse_to_report(text).is_err(), "{text}");
        }
        // Nesting the token tree leaves to the full parse, which accepts it.
        let nested = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(Tree::new(&nested).document(), None);
        assert_eq!(parse(&nested).unwrap(), parse_to_report(&nested).unwrap());
    }
}
