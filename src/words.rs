//! How regl writes numbers, money, durations, dates and plurals in the business's language:
//! shared by the documents and the bot texts, so both say «24 часа» and «1 500 ₽» alike.
//!
//! Formatting lives in code rather than in templates because Tera has no date filter and no
//! notion of Russian plural or case, and a document that says «24 часов» reads as careless.

use chrono::{Datelike, NaiveDate};

use crate::model::enums::Lang;

/// Non-breaking space: between a number and its unit, inside «1 500 ₽», after «№» and «ст.».
pub const NBSP: char = '\u{a0}';

/// The grammatical case a duration is put in. Russian needs three: «срок — 3 дня»
/// (nominative), «в течение 3 дней» (genitive), «за 1 минуту» (accusative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Case {
    #[default]
    Nom,
    Gen,
    Acc,
}

impl Case {
    pub fn parse(s: &str) -> Option<Case> {
        match s {
            "nom" => Some(Case::Nom),
            "gen" => Some(Case::Gen),
            "acc" => Some(Case::Acc),
            _ => None,
        }
    }
}

/// The Russian plural form for `n`: «1 день», «2 дня», «5 дней», «11 дней», «21 день».
pub fn plural_ru<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (d10, d100) = (n % 10, n % 100);
    if d10 == 1 && d100 != 11 {
        one
    } else if (2..=4).contains(&d10) && !(12..=14).contains(&d100) {
        few
    } else {
        many
    }
}

/// Forms of one Russian unit: nominative one/few/many, genitive singular/plural,
/// accusative singular (the only accusative form that differs from the nominative).
struct RuUnit {
    one: &'static str,
    few: &'static str,
    many: &'static str,
    gen_one: &'static str,
    gen_many: &'static str,
    acc_one: &'static str,
}

const RU_UNITS: [RuUnit; 5] = [
    RuUnit {
        one: "год",
        few: "года",
        many: "лет",
        gen_one: "года",
        gen_many: "лет",
        acc_one: "год",
    },
    RuUnit {
        one: "день",
        few: "дня",
        many: "дней",
        gen_one: "дня",
        gen_many: "дней",
        acc_one: "день",
    },
    RuUnit {
        one: "час",
        few: "часа",
        many: "часов",
        gen_one: "часа",
        gen_many: "часов",
        acc_one: "час",
    },
    RuUnit {
        one: "минута",
        few: "минуты",
        many: "минут",
        gen_one: "минуты",
        gen_many: "минут",
        acc_one: "минуту",
    },
    RuUnit {
        one: "секунда",
        few: "секунды",
        many: "секунд",
        gen_one: "секунды",
        gen_many: "секунд",
        acc_one: "секунду",
    },
];

const EN_UNITS: [(&str, &str); 5] = [
    ("year", "years"),
    ("day", "days"),
    ("hour", "hours"),
    ("minute", "minutes"),
    ("second", "seconds"),
];

/// Seconds per unit, in the order of the unit tables. A year is 365 days, as in the model.
const UNIT_SECS: [u64; 5] = [365 * 86_400, 86_400, 3_600, 60, 1];

fn ru_unit(n: u64, unit: &RuUnit, case: Case) -> &'static str {
    let one = n % 10 == 1 && n % 100 != 11;
    match case {
        Case::Acc if one => unit.acc_one,
        Case::Nom | Case::Acc => plural_ru(n, unit.one, unit.few, unit.many),
        Case::Gen if one => unit.gen_one,
        Case::Gen => unit.gen_many,
    }
}

/// A duration in words, nominative: «3 секунды», «1 час 30 минут», «24 часа», «3 года»;
/// "3 seconds", "1 hour 30 minutes".
pub fn fmt_duration(secs: u64, lang: Lang) -> String {
    fmt_duration_case(secs, lang, Case::Nom)
}

/// A duration in words in a grammatical case (English ignores the case).
///
/// Under three days the largest unit is the hour («24 часа», «25 часов»): a reminder or a
/// cancellation window reads more easily in hours. From three days on, days and years.
pub fn fmt_duration_case(secs: u64, lang: Lang, case: Case) -> String {
    let mut parts: Vec<(u64, usize)> = Vec::new();
    let mut rest = secs;
    // «24 часа» and «48 часов» read better than «1 день» for service levels and reminders;
    // from three days on, days are the natural unit.
    let keep_hours = secs < 3 * 86_400;
    for (i, size) in UNIT_SECS.iter().enumerate() {
        if keep_hours && i == 1 {
            continue;
        }
        if rest >= *size {
            parts.push((rest / size, i));
            rest %= size;
        }
    }
    if parts.is_empty() {
        parts.push((0, 4));
    }
    let words: Vec<String> = parts
        .into_iter()
        .map(|(n, i)| match lang {
            Lang::Ru => format!("{n}{NBSP}{}", ru_unit(n, &RU_UNITS[i], case)),
            Lang::En => {
                let (one, many) = EN_UNITS[i];
                format!("{n}{NBSP}{}", if n == 1 { one } else { many })
            }
        })
        .collect();
    words.join(" ")
}

/// Digits grouped by thousands with `sep`: 1500 → «1 500».
fn group_thousands(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// Whole rubles: «1 500 ₽» (non-breaking spaces), "RUB 1,500".
pub fn fmt_money(rub: u64, lang: Lang) -> String {
    match lang {
        Lang::Ru => format!("{}{NBSP}₽", group_thousands(rub, "\u{a0}")),
        Lang::En => format!("RUB{NBSP}{}", group_thousands(rub, ",")),
    }
}

/// A plain number with thousands grouped: «40 000», "40,000".
pub fn fmt_number(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Ru => group_thousands(n, "\u{a0}"),
        Lang::En => group_thousands(n, ","),
    }
}

/// A share from 0 to 1 as a percent: «60 %», "60%". Rounded to a tenth, trailing zero dropped.
pub fn fmt_share(share: f64, lang: Lang) -> String {
    let tenths = (share * 1000.0).round() / 10.0;
    let mut s = format!("{tenths:.1}");
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    match lang {
        Lang::Ru => format!("{}{NBSP}%", s.replace('.', ",")),
        Lang::En => format!("{s}%"),
    }
}

/// A decimal such as a confidence threshold: «0,7», "0.7".
pub fn fmt_decimal(x: f64, lang: Lang) -> String {
    let mut s = format!("{x:.3}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.push('0');
    }
    match lang {
        Lang::Ru => s.replace('.', ","),
        Lang::En => s,
    }
}

const RU_MONTHS_GEN: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// «1 декабря 2026 г.», "1 December 2026".
pub fn fmt_date(d: NaiveDate, lang: Lang) -> String {
    let month = d.month0() as usize;
    match lang {
        Lang::Ru => format!(
            "{}{NBSP}{}{NBSP}{}{NBSP}г.",
            d.day(),
            RU_MONTHS_GEN[month],
            d.year()
        ),
        Lang::En => format!("{}{NBSP}{} {}", d.day(), EN_MONTHS[month], d.year()),
    }
}

/// `text` in lower case, as `str::to_lowercase` makes it, with one difference a search for
/// Russian or English words cannot see: a capital sigma is always «σ» (std writes «ς» at a
/// word's end). ASCII and the Russian alphabet are lowered by arithmetic; std looks every
/// Cyrillic letter up in its table: 7 % of a 3-location lint's instructions (callgrind).
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let shift = match c {
            'A'..='Z' | 'А'..='Я' => 0x20,
            'Ѐ'..='Џ' => 0x50,
            _ if c.is_ascii() || ('а'..='џ').contains(&c) => 0,
            _ => {
                out.extend(c.to_lowercase());
                continue;
            }
        };
        out.push(char::from_u32(u32::from(c) + shift).unwrap_or(c));
    }
    out
}

#[cfg(test)]
mod lowercase_tests {
    /// Every character is lowered as std lowers it, but for the capital sigma, and a text of
    /// them as its characters are.
    #[test]
    fn every_character_is_lowered_as_std_lowers_it() {
        for c in (0..=0x0010_FFFF_u32).filter_map(char::from_u32) {
            let s = c.to_string();
            if c != 'Σ' {
                assert_eq!(super::lowercase(&s), s.to_lowercase(), "{c:?}");
            }
        }
        let text = "ОТВЕТИМ В ТЕЧЕНИЕ ЧАСА, Ёлка, Ѓ, İstanbul, Within An Hour, ΣΑΣ";
        assert_eq!(
            super::lowercase(text),
            "ответим в течение часа, ёлка, ѓ, i̇stanbul, within an hour, σασ"
        );
        assert_eq!(
            text.to_lowercase(),
            "ответим в течение часа, ёлка, ѓ, i̇stanbul, within an hour, σας"
        );
    }
}
