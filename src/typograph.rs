//! The typograph that gives rendered Markdown Russian quotes, dashes and non-breaking
//! spaces, and the bot's messages the same quotes and dashes. It sits below both `render`
//! and `bottext`, so a name reads alike in a document and in a chat. The words it works
//! with (durations, money, dates, plurals) are in [`crate::words`], re-exported here for
//! the templates' filters.

pub use crate::words::{
    Case, NBSP, fmt_date, fmt_decimal, fmt_duration, fmt_duration_case, fmt_money, fmt_number,
    fmt_share, plural_ru,
};

use crate::model::enums::Lang;

// ---- the typograph -----------------------------------------------------------------------

/// Abbreviations and words glued to the word or number after them.
const RU_GLUE_AFTER: [&str; 18] = [
    "раздел",
    "раздела",
    "разделе",
    "разделах",
    "№",
    "ст.",
    "п.",
    "ч.",
    "пп.",
    "г.",
    "ул.",
    "д.",
    "гл.",
    "абз.",
    "пр.",
    "корп.",
    "стр.",
    "т.",
];

/// Abbreviations of a legal form or an identifier glued to the name or number after them:
/// «ООО «Лада»», «ИНН 0278097147».
const RU_GLUE_IDENTIFIER: [&str; 12] = [
    "ООО",
    "ОАО",
    "ЗАО",
    "АО",
    "ПАО",
    "НКО",
    "ИП",
    "ИНН",
    "КПП",
    "ОГРН",
    "ОГРНИП",
    "БИК",
];

/// Short words that must not hang at the end of a line.
const RU_SHORT: [&str; 18] = [
    "в", "во", "с", "со", "к", "ко", "о", "об", "у", "и", "а", "на", "по", "не", "до", "от", "за",
    "из",
];

/// Gives rendered Markdown proper typography: «ёлочки» with „лапки“ inside (Russian) or
/// “curly quotes” (English), an em dash for a spaced hyphen, non-breaking spaces between a
/// number and its unit, after «№», «ст.» and initials, and after short Russian words.
///
/// Markdown syntax, code spans, URLs, autolinks, link targets and HTML comments are left as
/// they are, and so are table delimiter rows and list markers. Applying it twice gives the
/// same text.
pub fn typograph(s: &str, lang: Lang) -> String {
    typograph_as(s, lang, Style::Document)
}

/// The typograph for a text a client reads in a messenger (the bot's replies, reminders,
/// notifications): the same quotes, nested «…„…“», dashes and single full stops as the
/// documents, so the bot and the documents print a name alike, but no non-breaking spaces
/// or joiners (a chat wraps its own lines, and a runtime compares what it sends) and the
/// apostrophes left as typed.
pub fn message(s: &str, lang: Lang) -> String {
    typograph_as(s, lang, Style::Message)
}

/// What the typograph typesets for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// A rendered document: everything [`typograph`] says.
    Document,
    /// A chat message: see [`message`].
    Message,
}

fn typograph_as(s: &str, lang: Lang, style: Style) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        typograph_line(line, lang, style, &mut out);
    }
    out
}

fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// A piece of a line: text to typeset, or something to copy verbatim.
enum Piece<'a> {
    Text(&'a str),
    Keep(&'a str),
}

/// Splits a line into text and the parts typography must not touch.
fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // The list or heading marker at the start of the line stays as it is.
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker_len = ["- ", "* ", "+ ", "> "]
        .iter()
        .find(|m| rest.starts_with(*m))
        .map(|m| m.len())
        .or_else(|| {
            let hashes = rest.len() - rest.trim_start_matches('#').len();
            (hashes > 0 && rest[hashes..].starts_with(' ')).then_some(hashes + 1)
        });
    if let Some(len) = marker_len {
        i = indent + len;
        out.push(Piece::Keep(&line[..i]));
        start = i;
    }
    while i < bytes.len() {
        let rest = &line[i..];
        let keep_len = if rest.starts_with('\\') {
            // An escaped character means itself: leave the pair alone.
            rest.chars().nth(1).map_or(1, |c| 1 + c.len_utf8())
        } else if rest.starts_with('`') {
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..ticks];
            rest[ticks..]
                .find(fence)
                .map_or(ticks, |end| ticks + end + ticks)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map_or(rest.len(), |end| end + 3)
        } else if rest.starts_with('<') {
            rest.find('>').map_or(1, |end| end + 1)
        } else if rest.starts_with("](") {
            rest.find(')').map_or(2, |end| end + 1)
        } else if rest.starts_with("http://")
            || rest.starts_with("https://")
            || rest.starts_with("www.")
        {
            rest.find(|c: char| c.is_whitespace() || c == '|' || c == ')' || c == '«' || c == '»')
                .unwrap_or(rest.len())
        } else {
            0
        };
        if keep_len > 0 {
            if start < i {
                out.push(Piece::Text(&line[start..i]));
            }
            out.push(Piece::Keep(&line[i..i + keep_len]));
            i += keep_len;
            start = i;
        } else {
            // Only these ASCII bytes can start a kept piece; UTF-8 never uses ASCII bytes
            // inside a multi-byte character, so the next candidate is a char boundary.
            i += 1 + bytes[i + 1..]
                .iter()
                .position(|b| matches!(b, b'\\' | b'`' | b'<' | b']' | b'h' | b'w'))
                .unwrap_or(bytes.len() - i - 1);
        }
    }
    if start < line.len() {
        out.push(Piece::Text(&line[start..]));
    }
    out
}

fn typograph_line(line: &str, lang: Lang, style: Style, out: &mut String) {
    if is_delimiter_row(line) || line.trim_start().starts_with("<!--") {
        out.push_str(line);
        return;
    }
    // Quotes nest across the pieces of one line, so the depth is shared by them; a table
    // cell starts afresh.
    let mut depth = 0usize;
    let mut prev: Option<char> = None;
    for piece in pieces(line) {
        match piece {
            Piece::Keep(k) => {
                out.push_str(k);
                prev = k.chars().next_back();
            }
            Piece::Text(t) => {
                let start = out.len();
                typeset(t, lang, style, &mut depth, prev, out);
                prev = out[start..].chars().next_back();
            }
        }
    }
}

fn opens_quote(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || "([{«„“-—–/|".contains(c))
}

/// Typesets one run of plain text onto the end of `out`, in one pass over its characters.
fn typeset(
    t: &str,
    lang: Lang,
    style: Style,
    depth: &mut usize,
    before: Option<char>,
    out: &mut String,
) {
    let document = style == Style::Document;
    let start = out.len();
    let mut i = 0;
    while i < t.len() {
        // Text up to the next character that may change is copied as it is.
        let plain = t[i..].find(may_change).unwrap_or(t.len() - i);
        if plain > 0 {
            out.push_str(&t[i..i + plain]);
            i += plain;
            continue;
        }
        let Some(c) = t[i..].chars().next() else {
            break;
        };
        let after = &t[i + c.len_utf8()..];
        let prev = out[start..].chars().next_back().or(before);
        let mut advance = c.len_utf8();
        match c {
            '|' => {
                *depth = 0;
                out.push(c);
            }
            '"' => {
                let open = opens_quote(prev);
                out.push(quote(lang, open, depth));
            }
            '\'' if lang == Lang::En && document => {
                // Apostrophes and single quotes: a closing single quote is an apostrophe too.
                out.push(if opens_quote(prev) { '‘' } else { '’' });
            }
            '«' if lang == Lang::Ru => {
                out.push(if *depth >= 1 { '„' } else { '«' });
                *depth += 1;
            }
            '»' if lang == Lang::Ru => {
                out.push(if *depth >= 2 { '“' } else { '»' });
                *depth = depth.saturating_sub(1);
            }
            '„' if lang == Lang::Ru => {
                out.push(c);
                *depth = (*depth).max(1) + 1;
            }
            '“' if lang == Lang::Ru && *depth >= 2 => {
                out.push(c);
                *depth -= 1;
            }
            '.' if after.starts_with("..") => {
                out.push('…');
                advance = 3;
            }
            // A sentence that ends with an abbreviation ends with its period: a date filled
            // in before the template's full stop («16 ноября 2026 г.») gets no second one.
            '.' if prev == Some('.') => {}
            '-' => {
                // A hyphen between spaces, or a double hyphen, is a dash.
                let run = t[i..].len() - t[i..].trim_start_matches('-').len();
                let spaced_before = prev.is_some_and(|p| p == ' ' || p == NBSP);
                let spaced_after = t[i + run..].starts_with(' ');
                if run <= 2 && spaced_before && spaced_after {
                    if lang == Lang::Ru {
                        // The dash stays on the line of the word before it.
                        if document && out[start..].ends_with(' ') {
                            out.pop();
                            out.push(NBSP);
                        }
                        out.push('—');
                    } else {
                        out.push('–');
                    }
                } else if document
                    && lang == Lang::Ru
                    && run == 1
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && t[i + 1..].starts_with("ФЗ")
                {
                    // «152‑ФЗ» never breaks at its hyphen.
                    out.push('\u{2011}');
                } else {
                    out.extend(std::iter::repeat_n('-', run));
                }
                advance = run;
            }
            '–' => {
                out.push(c);
                // «10:00–19:00», «пн–пт»: a range does not break after its dash.
                let next = after.chars().next();
                let joins = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                if document && joins(prev) && joins(next) {
                    out.push('\u{2060}');
                }
            }
            ' ' => {
                if document && glue_before_space(&out[start..], after, lang) {
                    out.push(NBSP);
                } else {
                    out.push(' ');
                }
            }
            _ => out.push(c),
        }
        i += advance;
    }
}

/// The characters [`typeset`] may replace or must track; every other one stays as it is.
fn may_change(c: char) -> bool {
    matches!(
        c,
        '|' | '"' | '\'' | '«' | '»' | '„' | '“' | '.' | '-' | '–' | ' '
    )
}

fn quote(lang: Lang, open: bool, depth: &mut usize) -> char {
    match (lang, open) {
        (Lang::Ru, true) => {
            *depth += 1;
            if *depth == 1 { '«' } else { '„' }
        }
        (Lang::Ru, false) => {
            let c = if *depth >= 2 { '“' } else { '»' };
            *depth = depth.saturating_sub(1);
            c
        }
        (Lang::En, true) => '“',
        (Lang::En, false) => '”',
    }
}

/// Whether `word`, lowercased, is one of the short Russian words that must not hang.
fn is_short_ru(word: &str) -> bool {
    // Lowercasing never makes a word shorter, and the short words have at most two letters.
    let mut chars = word.chars();
    let (Some(first), second, None) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    // Lowercased once (a letter may lowercase to more than one character), then compared.
    let mut lower = ['\0'; 4];
    let mut len = 0;
    for c in std::iter::once(first)
        .chain(second)
        .flat_map(char::to_lowercase)
    {
        if len == lower.len() {
            return false;
        }
        lower[len] = c;
        len += 1;
    }
    let lower = &lower[..len];
    RU_SHORT.iter().any(|s| s.chars().eq(lower.iter().copied()))
}

/// Whether `word` is a run of weekday abbreviations: «пн–пт», «сб», «ежедневно».
fn is_days(word: &str) -> bool {
    const DAYS: [&str; 8] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс", "ежедневно"];
    word.trim_end_matches([',', ';'])
        .split(['–', '\u{2060}', ','])
        .filter(|w| !w.is_empty())
        .all(|w| DAYS.contains(&w))
}

/// Whether the space between `before` (what this run has typeset so far) and `after` (the
/// rest of the run) should not break: a number before a word or unit, an abbreviation
/// such as «ст.» or «№» before what it names, an initial, a short word. No allocation: it
/// runs for every space of every document.
fn glue_before_space(before: &str, after: &str, lang: Lang) -> bool {
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    let Some(next) = after.chars().next() else {
        return false;
    };
    // The dash stays on the line of the word before it.
    if next == '—' {
        return lang == Lang::Ru;
    }
    if next == ' ' || next == '-' || next == '–' {
        return false;
    }
    // The word before the space, from the last space (or the start of the run).
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '«' || *c == '„')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    // A number before a word or a unit: «24 часа», «1 500 ₽», «60 %», "3 days".
    if last.is_ascii_digit()
        && (next.is_alphabetic() || next.is_ascii_digit() || "₽%$€".contains(next))
    {
        let next_word_len = after
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(after.len(), |(p, _)| p);
        let next_word = &after[..next_word_len];
        let conjunction = is_short_ru(next_word)
            || ["and", "or", "to", "of", "in", "at", "on", "by"].contains(&next_word);
        if !conjunction {
            // «1 500»: a group of three digits after the space belongs to the same number;
            // other number pairs (a year after a day) are glued by the date formatter itself.
            if next.is_ascii_digit() {
                let group = after.bytes().take_while(u8::is_ascii_digit).count();
                let ends = after[group..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                return group == 3
                    && ends
                    && word.chars().all(|c| c.is_ascii_digit())
                    && word.len() <= 3;
            }
            return true;
        }
    }
    if lang == Lang::Ru {
        if RU_GLUE_AFTER.contains(&word) || RU_GLUE_IDENTIFIER.contains(&word) {
            return true;
        }
        // A surname before its initials: «Иванова А. С.».
        let mut ac = after.chars();
        if let (Some(a), Some('.')) = (ac.next(), ac.next())
            && a.is_uppercase()
            && word.chars().all(char::is_alphabetic)
            && word.chars().count() > 1
        {
            return true;
        }
        // Days before their hours: «пн–пт 09:00–21:00».
        if next.is_ascii_digit() && !word.is_empty() && is_days(word) {
            return true;
        }
        // An initial: «А. С. Иванова», «Иванова А. С.».
        let mut wc = word.chars();
        if let (Some(a), Some('.'), None) = (wc.next(), wc.next(), wc.next())
            && a.is_uppercase()
        {
            return true;
        }
        if is_short_ru(word) && (next.is_alphanumeric() || "«„№".contains(next)) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const N: char = NBSP;

    #[test]
    fn russian_plural_forms() {
        let f = |n| plural_ru(n, "день", "дня", "дней");
        for (n, want) in [
            (0, "дней"),
            (1, "день"),
            (2, "дня"),
            (4, "дня"),
            (5, "дней"),
            (11, "дней"),
            (12, "дней"),
            (14, "дней"),
            (21, "день"),
            (22, "дня"),
            (25, "дней"),
            (101, "день"),
            (111, "дней"),
            (1001, "день"),
        ] {
            assert_eq!(f(n), want, "{n}");
        }
    }

    fn ru(secs: u64) -> String {
        fmt_duration(secs, Lang::Ru).replace(N, " ")
    }

    fn en(secs: u64) -> String {
        fmt_duration(secs, Lang::En).replace(N, " ")
    }

    #[test]
    fn durations_in_russian_words() {
        let units: [(u64, [&str; 7]); 5] = [
            (
                1,
                [
                    "1 секунда",
                    "2 секунды",
                    "5 секунд",
                    "11 секунд",
                    "21 секунда",
                    "22 секунды",
                    "25 секунд",
                ],
            ),
            (
                60,
                [
                    "1 минута",
                    "2 минуты",
                    "5 минут",
                    "11 минут",
                    "21 минута",
                    "22 минуты",
                    "25 минут",
                ],
            ),
            (
                3_600,
                [
                    "1 час",
                    "2 часа",
                    "5 часов",
                    "11 часов",
                    "21 час",
                    "22 часа",
                    "25 часов",
                ],
            ),
            (
                86_400 * 3,
                // Days are tested from 3 up, as 1 and 2 days read as 24 and 48 hours.
                [
                    "3 дня",
                    "6 дней",
                    "15 дней",
                    "33 дня",
                    "63 дня",
                    "66 дней",
                    "75 дней",
                ],
            ),
            (
                365 * 86_400,
                [
                    "1 год",
                    "2 года",
                    "5 лет",
                    "11 лет",
                    "21 год",
                    "22 года",
                    "25 лет",
                ],
            ),
        ];
        for (size, want) in units {
            for (n, w) in [1, 2, 5, 11, 21, 22, 25].iter().zip(want) {
                assert_eq!(ru(n * size), w, "{n} × {size}");
            }
        }
        // Minutes and seconds past 59, hours past 23 carry into the next unit.
        assert_eq!(ru(5_400), "1 час 30 минут");
        assert_eq!(ru(90), "1 минута 30 секунд");
        assert_eq!(ru(86_400), "24 часа");
        assert_eq!(ru(2 * 86_400), "48 часов");
        assert_eq!(ru(3 * 86_400), "3 дня");
        assert_eq!(ru(90 * 86_400), "90 дней");
        assert_eq!(ru(3 * 365 * 86_400), "3 года");
        assert_eq!(ru(0), "0 секунд");
        assert_eq!(fmt_duration(3, Lang::Ru), format!("3{N}секунды"));
    }

    #[test]
    fn durations_in_russian_cases() {
        let g = |s| fmt_duration_case(s, Lang::Ru, Case::Gen).replace(N, " ");
        let a = |s| fmt_duration_case(s, Lang::Ru, Case::Acc).replace(N, " ");
        assert_eq!(g(86_400), "24 часов");
        assert_eq!(g(60), "1 минуты");
        assert_eq!(g(21 * 60), "21 минуты");
        assert_eq!(g(3 * 86_400), "3 дней");
        assert_eq!(g(3 * 365 * 86_400), "3 лет");
        assert_eq!(g(365 * 86_400), "1 года");
        assert_eq!(a(60), "1 минуту");
        assert_eq!(a(21), "21 секунду");
        assert_eq!(a(3 * 60), "3 минуты");
        assert_eq!(a(86_400), "24 часа");
        assert_eq!(a(5_400), "1 час 30 минут");
    }

    #[test]
    fn durations_in_english_words() {
        for (size, unit) in [
            (1, "second"),
            (60, "minute"),
            (3_600, "hour"),
            (365 * 86_400, "year"),
        ] {
            for n in [1u64, 2, 5, 11, 21, 22, 25] {
                let s = if n == 1 { "" } else { "s" };
                assert_eq!(en(n * size), format!("{n} {unit}{s}"));
            }
        }
        assert_eq!(en(3 * 86_400), "3 days");
        assert_eq!(en(5_400), "1 hour 30 minutes");
        assert_eq!(en(86_400), "24 hours");
    }

    #[test]
    fn money() {
        assert_eq!(fmt_money(1_500, Lang::Ru), format!("1{N}500{N}₽"));
        assert_eq!(fmt_money(100, Lang::Ru), format!("100{N}₽"));
        assert_eq!(fmt_money(1_234_567, Lang::Ru), format!("1{N}234{N}567{N}₽"));
        assert_eq!(fmt_money(0, Lang::Ru), format!("0{N}₽"));
        assert_eq!(fmt_money(1_500, Lang::En), format!("RUB{N}1,500"));
        assert_eq!(fmt_money(40_000_000, Lang::En), format!("RUB{N}40,000,000"));
    }

    #[test]
    fn shares_and_decimals() {
        assert_eq!(fmt_share(0.6, Lang::Ru), format!("60{N}%"));
        assert_eq!(fmt_share(0.285, Lang::Ru), format!("28,5{N}%"));
        assert_eq!(fmt_share(0.1, Lang::En), "10%");
        assert_eq!(fmt_decimal(0.7, Lang::Ru), "0,7");
        assert_eq!(fmt_decimal(0.75, Lang::En), "0.75");
        assert_eq!(fmt_decimal(1.0, Lang::En), "1.0");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(fmt_date(d, Lang::Ru), format!("1{N}декабря{N}2026{N}г."));
        assert_eq!(fmt_date(d, Lang::En), format!("1{N}December 2026"));
        let d = NaiveDate::from_ymd_opt(2027, 3, 15).unwrap();
        assert_eq!(fmt_date(d, Lang::Ru).replace(N, " "), "15 марта 2027 г.");
    }

    fn t(s: &str) -> String {
        typograph(s, Lang::Ru)
    }

    #[test]
    fn quotes_become_guillemets_with_nested_lapki() {
        assert_eq!(t(r#"компания "Лада""#), "компания «Лада»");
        assert_eq!(
            t(r#"студия "Салон "Лада" на Ленина""#),
            format!("студия «Салон „Лада“ на{N}Ленина»")
        );
        // Guillemets already nested, as a legal name in the config often is.
        assert_eq!(t("«Студия красоты «Лада»»"), "«Студия красоты „Лада“»");
        assert_eq!(t("ООО «Лада»"), format!("ООО{N}«Лада»"));
        assert_eq!(
            typograph(r#"the "Lada" client's card"#, Lang::En),
            "the “Lada” client’s card"
        );
    }

    #[test]
    fn dashes_and_non_breaking_spaces() {
        assert_eq!(t("Уфа - столица"), format!("Уфа{N}— столица"));
        assert_eq!(t("Уфа -- столица"), format!("Уфа{N}— столица"));
        assert_eq!(t("эскалация-УФА, 152-ФЗ"), "эскалация-УФА, 152\u{2011}ФЗ");
        assert_eq!(t("за 24 часа"), format!("за{N}24{N}часа"));
        assert_eq!(t("цена 1 500 ₽"), format!("цена 1{N}500{N}₽"));
        assert_eq!(t("ст. 18 и № 5"), format!("ст.{N}18 и{N}№{N}5"));
        assert_eq!(t("Иванова А. С."), format!("Иванова{N}А.{N}С."));
        assert_eq!(
            t("ООО «Лада», ИНН 0278097147"),
            format!("ООО{N}«Лада», ИНН{N}0278097147")
        );
        assert_eq!(t("клиент — это"), format!("клиент{N}— это"));
        assert_eq!(t("сб 10:00–19:00"), format!("сб{N}10:00–\u{2060}19:00"));
        assert_eq!(t("пн–пт 09:00"), format!("пн–\u{2060}пт{N}09:00"));
        assert_eq!(t("10 рабочих дней"), format!("10{N}рабочих дней"));
        assert_eq!(t("Ну..."), "Ну…");
        // The template's full stop after a date that ends with «г.» is not doubled.
        assert_eq!(
            t("направил 16 ноября 2026 г.."),
            format!("направил 16{N}ноября 2026{N}г.")
        );
    }

    #[test]
    fn markdown_syntax_urls_and_code_are_left_alone() {
        let md = "- пункт - с тире\n\n| Шаг | Срок |\n| --- | --- |\n| 1 | 3 секунды |\n\n<!-- pagebreak -->\n\nСм. https://lada.example/a--b_\"x\" и `a - \"b\"` и [сайт](https://x.example/\"q\") и <https://y.example/a-b>.\n\\- не список";
        let out = t(md);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], format!("- пункт{N}— с{N}тире"));
        assert_eq!(lines[3], "| --- | --- |");
        assert_eq!(lines[4], format!("| 1 | 3{N}секунды |"));
        assert_eq!(lines[6], "<!-- pagebreak -->");
        assert!(
            lines[8].contains("https://lada.example/a--b_\"x\""),
            "{}",
            lines[8]
        );
        assert!(lines[8].contains("`a - \"b\"`"));
        assert!(lines[8].contains("(https://x.example/\"q\")"));
        assert!(lines[8].contains("<https://y.example/a-b>"));
        assert_eq!(lines[9], format!("\\- не{N}список"));
        assert!(out.starts_with("- "));
    }

    #[test]
    fn a_message_gets_the_quotes_and_dashes_but_no_glue() {
        assert_eq!(
            message(
                "ООО «Студия красоты «Лада»» - за 24 часа, 10:00–19:00",
                Lang::Ru
            ),
            "ООО «Студия красоты „Лада“» — за 24 часа, 10:00–19:00"
        );
        assert_eq!(
            message(
                r#"May LLC "Lada Beauty" call? We're at 45 Pushkina St.."#,
                Lang::En
            ),
            "May LLC “Lada Beauty” call? We're at 45 Pushkina St."
        );
        assert_eq!(
            message("см. https://lada.example/a--b и 152-ФЗ", Lang::Ru),
            "см. https://lada.example/a--b и 152-ФЗ"
        );
        let once = message("«Студия «Лада»» - \"да\"", Lang::Ru);
        assert_eq!(message(&once, Lang::Ru), once);
        assert_eq!(
            typograph(&once, Lang::Ru),
            typograph(&typograph(&once, Lang::Ru), Lang::Ru)
        );
    }

    #[test]
    fn typograph_is_idempotent() {
        let s = "Студия \"Лада\" - это 24 часа, ст. 18, «Студия «Лада»», 1 500 ₽.";
        let once = t(s);
        assert_eq!(t(&once), once);
    }
}
