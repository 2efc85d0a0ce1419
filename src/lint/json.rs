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
/// A well-formed file is built in one pass over its bytes ([`Tree`]); only a file that is
/// not is parsed again by `jsonc-parser`, for its account of what is wrong and where. With
/// a thousand bot configs that scanner's tokens were a fifth of a lint.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    match Tree::new(text).document() {
        Some(root) => Ok(root),
        None => parse_to_report(text),
    }
}

/// Builds a [`Json`] straight from the bytes of strict JSON (RFC 8259), giving up (`None`)
/// at the first thing it does not allow, or at anything it does not handle itself (a BOM,
/// a lone surrogate escape, nesting deeper than [`TREE_DEPTH`]); [`parse_to_report`] then
/// decides and explains. So it may hand over a text that the full parse accepts, never
/// accepts one it refuses, and builds what that parse builds, span for span (a test holds
/// it to both).
struct Tree<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// Containers open around the current value.
    depth: usize,
    /// The items and members of the open containers, each container's above its parent's:
    /// a container's are moved off into a list of their exact length when it closes,
    /// rather than each list growing by doubling (lint's peak over a thousand configs went
    /// from 225 to 201 MB).
    items: Vec<Json>,
    members: Vec<Member>,
}

/// Deeper nesting than this is left to the full parse, whose own limit (512 open ranges,
/// an object counting twice: itself and its member) decides it.
const TREE_DEPTH: usize = 128;

impl<'a> Tree<'a> {
    fn new(text: &'a str) -> Self {
        Tree {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
            items: Vec::new(),
            members: Vec::new(),
        }
    }

    fn document(mut self) -> Option<Json> {
        self.blank();
        let root = self.value()?;
        self.blank();
        (self.at == self.bytes.len()).then_some(root)
    }

    /// Skips JSON's four whitespace bytes; after a line break, the indentation eight
    /// spaces at a time.
    fn blank(&mut self) {
        loop {
            match self.bytes.get(self.at) {
                Some(b' ' | b'\t' | b'\r') => self.at += 1,
                Some(b'\n') => {
                    self.at += 1;
                    while self.bytes.get(self.at..self.at + 8) == Some(b"        ") {
                        self.at += 8;
                    }
                }
                _ => return,
            }
        }
    }

    /// The next byte past whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.blank();
        self.bytes.get(self.at).copied()
    }

    fn value(&mut self) -> Option<Json> {
        let start = self.at;
        let kind = match *self.bytes.get(self.at)? {
            b'"' => Kind::String(self.string()?),
            b'[' | b'{' if self.depth >= TREE_DEPTH => return None,
            b'[' => {
                self.at += 1;
                self.depth += 1;
                let items = self.items()?;
                self.depth -= 1;
                Kind::Array(items)
            }
            b'{' => {
                self.at += 1;
                self.depth += 1;
                let members = self.members()?;
                self.depth -= 1;
                Kind::Object(members)
            }
            b't' => self.word(b"true", Kind::Bool(true))?,
            b'f' => self.word(b"false", Kind::Bool(false))?,
            b'n' => self.word(b"null", Kind::Null)?,
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return None,
        };
        Some(Json {
            span: start..self.at,
            kind,
        })
    }

    fn word(&mut self, word: &[u8], kind: Kind) -> Option<Kind> {
        self.bytes[self.at..].starts_with(word).then(|| {
            self.at += word.len();
            kind
        })
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; what follows it is the
    /// container's business (a digit after a leading zero is refused there).
    fn number(&mut self) -> Option<Kind> {
        let start = self.at;
        self.at += usize::from(self.bytes[self.at] == b'-');
        match self.bytes.get(self.at)? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            self.some_digits()?;
        }
        Some(Kind::Number(
            self.text[start..self.at].parse().unwrap_or(f64::NAN),
        ))
    }

    fn digits(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    /// A string, its opening quote at `at`; ends past its closing quote.
    fn string(&mut self) -> Option<String> {
        let mut run = self.at + 1;
        let mut out = String::new();
        loop {
            let stop = quote_or_escape(self.bytes, run)?;
            // A raw control character is kept, as the full parse keeps it.
            let piece = &self.text[run..stop];
            if self.bytes[stop] == b'"' {
                self.at = stop + 1;
                if out.is_empty() {
                    return Some(piece.to_owned());
                }
                out.push_str(piece);
                return Some(out);
            }
            out.push_str(piece);
            run = stop + 2;
            match *self.bytes.get(stop + 1)? {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'/' => out.push('/'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => {
                    let high = self.hex4(run)?;
                    run += 4;
                    let code = match high {
                        0xD800..=0xDBFF => {
                            if !self.bytes[run..].starts_with(b"\\u") {
                                return None;
                            }
                            let low = self.hex4(run + 2)?;
                            if !(0xDC00..=0xDFFF).contains(&low) {
                                return None;
                            }
                            run += 6;
                            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                        }
                        0xDC00..=0xDFFF => return None,
                        c => c,
                    };
                    out.push(char::from_u32(code)?);
                }
                _ => return None,
            }
        }
    }

    /// The four hex digits at `at`.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.bytes.get(at..at + 4)?;
        digits
            .iter()
            .try_fold(0, |n, d| char::from(*d).to_digit(16).map(|d| n * 16 + d))
    }

    /// A list's items, its `[` read; ends past its `]`.
    fn items(&mut self) -> Option<Vec<Json>> {
        let base = self.items.len();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(Vec::new());
        }
        loop {
            self.blank();
            let item = self.value()?;
            self.items.push(item);
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(self.items.split_off(base));
                }
                _ => return None,
            }
        }
    }

    /// An object's members, its `{` read; ends past its `}`.
    fn members(&mut self) -> Option<Vec<Member>> {
        let base = self.members.len();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(Vec::new());
        }
        loop {
            if self.peek()? != b'"' {
                return None;
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_span = key_start..self.at;
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            self.blank();
            let value = self.value()?;
            self.members.push(Member {
                key,
                key_span,
                value,
            });
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(self.members.split_off(base));
                }
                _ => return None,
            }
        }
    }
}

/// Where the first `"` or `\` at or after `from` is. Most keys and values are short: their
/// first 32 bytes are looked at eight at a time in a word, the rest with memchr's SIMD.
fn quote_or_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const ESCAPES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    let mut at = from;
    while at < from + 32
        && let Some(word) = bytes.get(at..at + 8)
    {
        let w = u64::from_le_bytes(word.try_into().ok()?);
        // A byte of `w ^ QUOTES` is zero where `w` holds a quote; the lowest flagged byte
        // is always a true one (a borrow only runs upwards).
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
        let found = zero(w ^ QUOTES) | zero(w ^ ESCAPES);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    memchr::memchr2(b'"', b'\\', bytes.get(at..)?).map(|i| at + i)
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

    /// The one-pass tree is the full parse's, span for span, and it gives up on every text
    /// the full parse refuses, so a broken file is always explained by it.
    #[test]
    fn the_token_tree_is_the_full_parse() {
        let good = [
            "{}",
            "[]",
            " 3 ",
            "\"x\"",
            "{\"a\": [1, -2.5e3, true, false, null, \"\\u0436\\n\"], \"b\": {\"c\": []}}",
            "[[[], {}], [{\"k\": \"«ёлка» — 10 000 ₽\"}]]",
            // Raw control characters: the full parse keeps them, and so does the tree.
            "[\"a\nb\u{1}\tc\"]",
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
        // Nesting the one-pass tree leaves to the full parse, which accepts it.
        let nested = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(Tree::new(&nested).document(), None);
        assert_eq!(parse(&nested).unwrap(), parse_to_report(&nested).unwrap());
        // What the one-pass tree hands over rather than decide.
        for text in ["\u{feff}{}", "[\"\\ud800\"]", "[\"\\udc00x\"]", "[01]"] {
            assert_eq!(Tree::new(text).document(), None, "{text}");
        }
    }

    /// The word-at-a-time search finds what a byte-by-byte one finds, wherever the quote
    /// or backslash stands: in the first word, past the words, or not at all.
    #[test]
    fn finds_the_first_quote_or_backslash() {
        for len in 0..80 {
            for at in 0..=len {
                for (c, other) in [(b'"', b'\\'), (b'\\', b'"')] {
                    let mut bytes = "ё".repeat(len).into_bytes();
                    bytes.truncate(len);
                    if at < len {
                        bytes[at] = c;
                        // A later match of the other kind never hides the first.
                        if at + 3 < len {
                            bytes[at + 3] = other;
                        }
                    }
                    for from in [0, at.min(3), at] {
                        let want = bytes[from.min(len)..]
                            .iter()
                            .position(|b| *b == b'"' || *b == b'\\')
                            .map(|i| i + from.min(len));
                        assert_eq!(
                            quote_or_escape(&bytes, from.min(len)),
                            want,
                            "{len} {at} {from}"
                        );
                    }
                }
            }
        }
    }

    /// Every bot config and schema the repository carries reads the same both ways.
    #[test]
    fn the_repositorys_json_reads_the_same_both_ways() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read = 0;
        for dir in [
            "examples/salon-ufa-omsk/bot",
            "examples/clinic-omsk/bot",
            "examples/fitness-novosibirsk/bot",
            "schema",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let tree = Tree::new(&text).document();
                    assert!(tree.is_some(), "{}", path.display());
                    assert_eq!(tree, parse_to_report(&text).ok(), "{}", path.display());
                    read += 1;
                }
            }
        }
        assert!(read >= 6, "{read} files");
    }

    /// Thousands of damaged copies of a text with every kind of value: whatever the
    /// one-pass tree accepts, the full parse accepts and builds the same.
    #[test]
    fn a_damaged_text_is_never_read_differently() {
        let base = "{\"a\": [1, -0.5, 2e+3, 10E-2, true, false, null],\n \"ключ\": \"«ёлка» \\u0436 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\\t\",\r\n\t\"b\": {\"c\": [], \"d\": {}, \"e\": [[0], {\"f\": \"\"}]}}";
        assert!(Tree::new(base).document().is_some());
        let inserts = [
            '"', '\\', ',', ':', '[', ']', '{', '}', '0', '1', '-', '+', 'e', '.', ' ', '\n', 'u',
            'd', 'x', 't', '/', '*', '\u{1}', 'ё',
        ];
        let chars: Vec<(usize, char)> = base.char_indices().collect();
        let mut rng = crate::mutate::Rng::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..4000 {
            let mut text = base.to_owned();
            for _ in 0..=next(2) {
                let (at, c) = chars[next(chars.len())];
                if at + c.len_utf8() > text.len()
                    || !text.is_char_boundary(at)
                    || !text.is_char_boundary(at + c.len_utf8())
                {
                    continue;
                }
                match next(3) {
                    0 => text.replace_range(at..at + c.len_utf8(), ""),
                    1 => text.insert(at, inserts[next(inserts.len())]),
                    _ => text.replace_range(
                        at..at + c.len_utf8(),
                        &inserts[next(inserts.len())].to_string(),
                    ),
                }
            }
            match Tree::new(&text).document() {
                Some(tree) => {
                    assert_eq!(Some(tree), parse_to_report(&text).ok(), "{text}");
                    accepted += 1;
                }
                None => refused += 1,
            }
        }
        // Both outcomes are exercised, not only one.
        assert!(
            accepted > 200 && refused > 200,
            "{accepted} accepted, {refused} refused"
        );
    }
}
