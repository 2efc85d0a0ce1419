//! Reading a parsed TOML tree into typed values while collecting *every* problem.
//!
//! serde stops at the first error; a salon owner fixing a config wants all of them at once,
//! each pointing at its line. So the tree from `toml`'s parser is walked by hand: each
//! [`FromToml`] impl reads one value, records what is wrong with it in [`Cx`] and carries on.

use std::ops::{Deref, Range};

use schemars::{JsonSchema, Schema, SchemaGenerator};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, FileId, did_you_mean};
use crate::i18n::{Text, t};

/// A value of the parsed tree, with its byte span in the file.
pub type Val<'i> = Spanned<DeValue<'i>>;

/// A value together with where it was written, so findings can point at it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Self { value, span }
    }
}

impl<T> Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// The reading context: which file, and the load errors found so far.
pub struct Cx {
    pub file: FileId,
    pub errors: Vec<Diagnostic>,
}

impl Cx {
    pub fn new(file: FileId) -> Self {
        Self {
            file,
            errors: Vec::new(),
        }
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<Text>, hint: Option<Text>) {
        let mut d = Diagnostic::error(message).at(self.file, span, Text::default());
        d.hint = hint;
        self.errors.push(d);
    }

    /// "expected X, found Y" at the value.
    pub fn wrong_type(&mut self, v: &Val<'_>, expected: &Text) {
        let found = match v.get_ref() {
            DeValue::String(_) => Text::new("a string", "строка"),
            DeValue::Integer(_) => Text::new("an integer", "целое число"),
            DeValue::Float(_) => Text::new("a number with a fraction", "дробное число"),
            DeValue::Boolean(_) => Text::new("true/false", "true/false"),
            DeValue::Datetime(_) => Text::new("a date", "дата"),
            DeValue::Array(_) => Text::new("a list", "список"),
            DeValue::Table(_) => Text::new("a table", "таблица"),
        };
        self.error(v.span(), expected_found(expected, &found), None);
    }
}

/// "expected X, found Y": «ожидается X, а здесь Y», both in the nominative.
pub fn expected_found(expected: &Text, found: &Text) -> Text {
    t!(
        "expected {expected}, found {found}",
        "ожидается {expected}, а здесь {found}",
        expected = *expected,
        found = *found,
    )
}

/// "did you mean `x`?", after an unknown key, value or day.
pub fn did_you_mean_text(near: &str) -> Text {
    t!(
        "did you mean `{near}`?",
        "возможно, имелось в виду `{near}`?"
    )
}

/// A type that can be read from one TOML value.
pub trait FromToml: Sized {
    /// What the user should have written, for "expected …" messages (in the nominative).
    fn expected() -> Text;
    /// Reads `v`; on failure records the reason in `cx` and returns `None`.
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self>;
}

/// A type read from a TOML string by a parser that explains its refusals.
pub trait ParseStr: Sized {
    fn expected() -> Text;
    fn parse_str(s: &str) -> Result<Self, Text>;
}

impl<T: ParseStr> FromToml for T {
    fn expected() -> Text {
        <T as ParseStr>::expected()
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let Some(s) = v.get_ref().as_str() else {
            cx.wrong_type(v, &<T as ParseStr>::expected());
            return None;
        };
        match T::parse_str(s) {
            Ok(t) => Some(t),
            Err(e) => {
                cx.error(v.span(), e, None);
                None
            }
        }
    }
}

impl ParseStr for String {
    fn expected() -> Text {
        Text::new("a string", "строка")
    }
    fn parse_str(s: &str) -> Result<Self, Text> {
        if s.trim().is_empty() {
            return Err(Text::new(
                "this text must not be empty",
                "этот текст не может быть пустым",
            ));
        }
        Ok(s.to_owned())
    }
}

impl<T: FromToml> FromToml for Sp<T> {
    fn expected() -> Text {
        T::expected()
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        T::from_toml(v, cx).map(|t| Sp::new(t, v.span()))
    }
}

/// Lists this long are read on all cores: a thousand `[[locations]]` were the one part of
/// a lint left on a single core.
const READ_SIDE_BY_SIDE: usize = 64;

impl<T: FromToml + Send> FromToml for Vec<T> {
    fn expected() -> Text {
        t!(
            "a list of {item}",
            "список, каждый элемент которого — {item}",
            item = T::expected(),
        )
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let Some(items) = v.get_ref().as_array() else {
            cx.wrong_type(v, &Self::expected());
            return None;
        };
        let read: Vec<Option<T>> = if items.len() >= READ_SIDE_BY_SIDE {
            // Each item into errors of its own, joined in the items' order: what one
            // thread reports, in its order.
            let file = cx.file;
            crate::workers::map_in_order(items, |item| {
                let mut own = Cx::new(file);
                let t = T::from_toml(item, &mut own);
                (t, own.errors)
            })
            .into_iter()
            .map(|(t, errors)| {
                cx.errors.extend(errors);
                t
            })
            .collect()
        } else {
            items.iter().map(|item| T::from_toml(item, cx)).collect()
        };
        let mut out = Vec::with_capacity(read.len());
        let mut ok = true;
        for t in read {
            match t {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
}

impl FromToml for bool {
    fn expected() -> Text {
        Text::new("true or false", "true или false")
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let b = v.get_ref().as_bool();
        if b.is_none() {
            cx.wrong_type(v, &Self::expected());
        }
        b
    }
}

/// Reads a whole non-negative number within `max`; `what` names it in the nominative.
pub fn read_uint(v: &Val<'_>, cx: &mut Cx, what: &Text, max: u64) -> Option<u64> {
    let Some(i) = v.get_ref().as_integer() else {
        cx.wrong_type(v, what);
        return None;
    };
    let parsed = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix());
    match parsed.ok().and_then(|n| u64::try_from(n).ok()) {
        Some(n) if n <= max => Some(n),
        _ => {
            let n = i.as_str();
            cx.error(
                v.span(),
                t!(
                    "`{n}` is out of range: expected {what} from 0 to {max}",
                    "`{n}` вне допустимого диапазона: ожидается {what} от 0 до {max}",
                    n = n,
                    what = *what,
                    max = max,
                ),
                None,
            );
            None
        }
    }
}

impl FromToml for u32 {
    fn expected() -> Text {
        Text::new("a whole number", "целое число")
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        read_uint(v, cx, &Self::expected(), 1_000_000).and_then(|n| u32::try_from(n).ok())
    }
}

/// Reads a number (integer or float) as f64; `what` names it in the nominative.
pub fn read_number(v: &Val<'_>, cx: &mut Cx, what: &Text) -> Option<f64> {
    let n = match v.get_ref() {
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
        DeValue::Integer(i) if i.radix() == 10 => i.as_str().replace('_', "").parse::<f64>().ok(),
        _ => {
            cx.wrong_type(v, what);
            return None;
        }
    };
    if n.is_none_or(|n| !n.is_finite()) {
        cx.error(
            v.span(),
            t!("expected {what}", "ожидается {what}", what = *what),
            None,
        );
        return None;
    }
    n
}

impl FromToml for chrono::NaiveDate {
    fn expected() -> Text {
        Text::new("a date such as 2026-12-01", "дата, например 2026-12-01")
    }
    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let expected = Self::expected();
        let Some(dt) = v.get_ref().as_datetime() else {
            if let Some(s) = v.get_ref().as_str() {
                let hint = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .ok()
                    .map(|_| {
                        t!(
                            "write it without quotes: {s}",
                            "напишите её без кавычек: {s}"
                        )
                    })
                    .or_else(|| {
                        super::toml_syntax::iso_of_russian_date(s).map(|iso| {
                            t!(
                                "write it year first, without quotes: {iso}",
                                "пишите сначала год, без кавычек: {iso}"
                            )
                        })
                    });
                cx.error(
                    v.span(),
                    expected_found(&expected, &Text::new("a string", "строка")),
                    hint,
                );
            } else {
                cx.wrong_type(v, &expected);
            }
            return None;
        };
        if let (Some(d), None) = (dt.date, dt.time) {
            let date = chrono::NaiveDate::from_ymd_opt(
                i32::from(d.year),
                u32::from(d.month),
                u32::from(d.day),
            );
            if date.is_none() {
                cx.error(
                    v.span(),
                    t!(
                        "`{dt}` is not a calendar date",
                        "`{dt}` — несуществующая дата"
                    ),
                    None,
                );
            }
            date
        } else {
            cx.error(
                v.span(),
                t!(
                    "expected {expected} (a date only, without a time), found `{dt}`",
                    "ожидается {expected} (только дата, без времени), а здесь `{dt}`",
                    expected = expected,
                    dt = dt,
                ),
                None,
            );
            None
        }
    }
}

/// "a table ([business])": what a table key should hold.
pub fn table_expected(name: &str) -> Text {
    t!("a table ({name})", "таблица ({name})")
}

/// A TOML table being read: tracks which keys were asked for, so the rest are unknown.
pub struct Table<'a, 'i> {
    cx: &'a mut Cx,
    entries: &'a DeTable<'i>,
    span: Range<usize>,
    name: String,
    known: Vec<&'static str>,
    /// Required keys found missing, with the index of their error in `cx.errors`.
    missing: Vec<(&'static str, usize)>,
}

impl<'a, 'i> Table<'a, 'i> {
    /// Opens `v` as a table named `name` (as the user wrote it: `[business]`, `[[locations]]`).
    pub fn open(v: &'a Val<'i>, cx: &'a mut Cx, name: &str) -> Option<Self> {
        let Some(table) = v.get_ref().as_table() else {
            cx.wrong_type(v, &table_expected(name));
            return None;
        };
        Some(Self {
            cx,
            entries: table,
            span: v.span(),
            name: name.to_owned(),
            known: Vec::new(),
            missing: Vec::new(),
        })
    }

    pub fn cx(&mut self) -> &mut Cx {
        self.cx
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    fn raw(&mut self, key: &'static str) -> Option<&'a Val<'i>> {
        self.known.push(key);
        self.entries.get(key)
    }

    /// A key that must be present.
    pub fn req<T: FromToml>(&mut self, key: &'static str) -> Option<T> {
        if let Some(v) = self.raw(key) {
            return T::from_toml(v, self.cx);
        }
        let hint = t!(
            "add `{key} = …` ({expected})",
            "добавьте `{key} = …` ({expected})",
            key = key,
            expected = T::expected(),
        );
        self.report_missing(key, Some(hint));
        None
    }

    fn report_missing(&mut self, key: &'static str, hint: Option<Text>) {
        let span = self.span.start..self.span.start;
        let name = &self.name;
        let msg = t!(
            "missing key `{key}` in {name}",
            "нет ключа `{key}` в {name}"
        );
        self.missing.push((key, self.cx.errors.len()));
        self.cx.error(span, msg, hint);
    }

    /// A key that may be left out.
    pub fn opt<T: FromToml>(&mut self, key: &'static str) -> Option<T> {
        let v = self.raw(key)?;
        T::from_toml(v, self.cx)
    }

    /// A key read by a custom function (numbers with a range, for instance).
    pub fn with<T>(
        &mut self,
        key: &'static str,
        required: bool,
        read: impl FnOnce(&Val<'i>, &mut Cx) -> Option<T>,
    ) -> Option<Sp<T>> {
        match self.raw(key) {
            Some(v) => read(v, self.cx).map(|t| Sp::new(t, v.span())),
            None if required => {
                self.report_missing(key, None);
                None
            }
            None => None,
        }
    }

    /// Reports every key that was never asked for, with a did-you-mean. A misspelt key is
    /// one mistake, not two: its "missing key" error is withdrawn.
    pub fn finish(self) {
        let mut withdrawn = Vec::new();
        for (key, _) in self.entries {
            let k: &str = key.get_ref();
            if self.known.contains(&k) {
                continue;
            }
            let near = did_you_mean(k, self.known.iter().copied());
            if let Some(&(_, idx)) = self.missing.iter().find(|(m, _)| Some(*m) == near) {
                withdrawn.push(idx);
            }
            let known = self.known.join(", ");
            let hint = near.map_or_else(
                || {
                    t!(
                        "known keys here: {known}",
                        "допустимые ключи здесь: {known}"
                    )
                },
                did_you_mean_text,
            );
            let name = &self.name;
            self.cx.error(
                key.span(),
                t!(
                    "unknown key `{k}` in {name}",
                    "неизвестный ключ `{k}` в {name}"
                ),
                Some(hint),
            );
        }
        withdrawn.sort_unstable();
        for idx in withdrawn.into_iter().rev() {
            self.cx.errors.remove(idx);
        }
    }
}

/// Defines a string enum read from TOML, with did-you-mean on a misspelling.
macro_rules! string_enum {
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($(#[$vm:meta])* $var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vm])* $var),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl $crate::model::read::ParseStr for $name {
            fn expected() -> $crate::i18n::Text {
                let all: Vec<String> = Self::ALL.iter().map(|v| format!("\"{}\"", v.as_str())).collect();
                let all = all.join(", ");
                $crate::i18n::t!("one of {all}", "одно из значений {all}")
            }
            fn parse_str(s: &str) -> Result<Self, $crate::i18n::Text> {
                if let Some(v) = Self::ALL.iter().find(|v| v.as_str() == s) {
                    return Ok(*v);
                }
                let names = Self::ALL.iter().map(|v| v.as_str());
                let all = names.clone().collect::<Vec<&str>>().join(", ");
                Err(match $crate::diag::did_you_mean(s, names) {
                    Some(near) => $crate::i18n::t!(
                        "unknown value \"{s}\": did you mean \"{near}\"? (one of {all})",
                        "неизвестное значение \"{s}\": возможно, имелось в виду \"{near}\"? (допустимы: {all})"
                    ),
                    None => $crate::i18n::t!(
                        "unknown value \"{s}\": expected one of {all}",
                        "неизвестное значение \"{s}\": ожидается одно из значений {all}"
                    ),
                })
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($s),+] })
            }
        }
    };
}
pub(crate) use string_enum;
