//! Messages in the user's language (SPEC §2): every diagnostic, label, hint, summary line,
//! load error and `explain` page exists in English and Russian.
//!
//! A message is a [`Text`]: both languages, made where the problem is found, so no code path
//! can produce a message in one language only — [`t!`] takes both or does not compile. The
//! reporting layer picks one with [`Lang`] chosen once per run by [`choose`]: `REGL_LANG`,
//! else the business's `lang`, else the locale. Identifiers (codes, keys, paths, values) are
//! the same in both; law is cited the Russian way in Russian ([`law`]).
//!
//! This module is the catalogue every verb adds to: the mechanism, the phrases several rules
//! share ([`phrases`]) and the citations of law ([`law`]); a rule's own messages live with the
//! rule, written through [`t!`].

pub mod law;
pub mod localized;
pub mod phrases;

use std::borrow::Cow;
use std::fmt::Display;

pub use crate::model::enums::Lang;

/// A text in English and Russian. Boxed: a diagnostic carries several, and stays small.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(Box<[String; 2]>);

impl Text {
    pub fn new(en: impl Into<String>, ru: impl Into<String>) -> Self {
        Self(Box::new([en.into(), ru.into()]))
    }

    /// A text that reads the same in both languages: a path, a code, a value quoted as it is.
    pub fn same(s: impl Into<String>) -> Self {
        let s = s.into();
        Self(Box::new([s.clone(), s]))
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.0[0],
            Lang::Ru => &self.0[1],
        }
    }

    pub fn en(&self) -> &str {
        &self.0[0]
    }

    pub fn ru(&self) -> &str {
        &self.0[1]
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(String::is_empty)
    }

    /// Both languages changed the same way (e.g. a prefix added to each).
    #[must_use]
    pub fn map(self, f: impl Fn(Lang, String) -> String) -> Self {
        let [en, ru] = *self.0;
        Self::new(f(Lang::En, en), f(Lang::Ru, ru))
    }

    /// `self` and `other` joined by `sep` (the same in both languages).
    #[must_use]
    pub fn join(&self, sep: &str, other: &Text) -> Self {
        Self::new(
            format!("{}{sep}{}", self.en(), other.en()),
            format!("{}{sep}{}", self.ru(), other.ru()),
        )
    }
}

/// A text in both languages fixed at compile time: a rule's summary and `explain` page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaticText {
    pub en: &'static str,
    pub ru: &'static str,
}

impl StaticText {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ru => self.ru,
        }
    }
}

/// A value placed into a message by [`t!`]: a [`Text`] gives the sentence of its language,
/// anything else that displays reads the same in both.
pub trait Arg {
    fn in_lang(&self, lang: Lang) -> Cow<'_, str>;
}

impl<T: Display + ?Sized> Arg for T {
    fn in_lang(&self, _: Lang) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl Arg for Text {
    fn in_lang(&self, lang: Lang) -> Cow<'_, str> {
        Cow::Borrowed(self.get(lang))
    }
}

/// A bilingual message: `t!("en {x}", "ru {x}")` with `x` captured from the scope as
/// `format!` does, or passed as `x = expr`. An argument that is a [`Text`] is put in each
/// language as that language's text; any other value as it displays.
#[macro_export]
macro_rules! t {
    ($en:literal, $ru:literal $(,)?) => {
        $crate::i18n::Text::new(format!($en), format!($ru))
    };
    ($en:literal, $ru:literal, $($name:ident = $val:expr),+ $(,)?) => {{
        $(let $name = &$val;)+
        $crate::i18n::Text::new(
            {
                $(let $name = $crate::i18n::Arg::in_lang($name, $crate::i18n::Lang::En);)+
                format!($en)
            },
            {
                $(let $name = $crate::i18n::Arg::in_lang($name, $crate::i18n::Lang::Ru);)+
                format!($ru)
            },
        )
    }};
}

pub use crate::t;

/// A language named by `REGL_LANG` or a locale (`ru`, `ru_RU.UTF-8`, `en-GB`…).
pub fn parse_lang(s: &str) -> Option<Lang> {
    let s = s.trim().to_ascii_lowercase();
    if s.starts_with("ru") {
        Some(Lang::Ru)
    } else if s.starts_with("en") {
        Some(Lang::En)
    } else {
        None
    }
}

/// The language messages are printed in: `REGL_LANG` if set, else the business's `lang`,
/// else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
pub fn choose(business: Option<Lang>) -> Lang {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let Some(l) = env("REGL_LANG").as_deref().and_then(parse_lang) {
        return l;
    }
    if let Some(l) = business {
        return l;
    }
    // The first locale variable that is set decides, as in POSIX.
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| env(k))
        .and_then(|v| parse_lang(&v))
        .unwrap_or(Lang::En)
}

/// The `lang` a `business.toml` declares, read from its text alone, so that a file that
/// does not load still gets its load errors in its own language.
pub fn sniff(toml_text: &str) -> Option<Lang> {
    let mut table = String::new();
    for line in toml_text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            table.clear();
            table.push_str(
                line.trim_start_matches('[')
                    .split(']')
                    .next()
                    .unwrap_or("")
                    .trim(),
            );
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        let in_business = (table == "business" && key == "lang") || key == "business.lang";
        if in_business {
            let value = value.split('#').next().unwrap_or("").trim();
            return parse_lang(value.trim_matches(|c| c == '"' || c == '\''));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_puts_each_language_in_its_place() {
        let whose = Text::new("channel `sms`", "канала `sms`");
        let n = 3;
        let m = t!("the {n} of {whose}", "{n} {whose}", whose = whose);
        assert_eq!(m.get(Lang::En), "the 3 of channel `sms`");
        assert_eq!(m.get(Lang::Ru), "3 канала `sms`");
        let plain = t!("{n} days", "{n} дня");
        assert_eq!(plain.get(Lang::Ru), "3 дня");
    }

    #[test]
    fn sniffs_the_business_language_from_text_that_may_not_load() {
        let text = "schema_version = 1\n[business]\nname = \"x\"\nlang = \"ru\"   # ru | en\n[sla]\nlang = 5";
        assert_eq!(sniff(text), Some(Lang::Ru));
        assert_eq!(sniff("[business]\nlang = 'en'\n"), Some(Lang::En));
        assert_eq!(sniff("[sla]\nlang = \"ru\"\n"), None);
        assert_eq!(sniff("business.lang = \"ru\"\n"), Some(Lang::Ru));
    }

    #[test]
    fn parses_locales() {
        assert_eq!(parse_lang("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(parse_lang("en-GB"), Some(Lang::En));
        assert_eq!(parse_lang("C.UTF-8"), None);
    }
}
