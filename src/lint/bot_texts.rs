//! The texts of a bot config as people read them — what the client is told, what staff are
//! notified — each with its path, and the figures inside them (an amount in ₽, a duration
//! with its unit, a time of day, a percentage, a phone number).
//!
//! One pass over the tree per config, and one scan per text: lint runs in pre-commit, so
//! nothing here grows with the number of locations.

use super::json::{Json, Kind};
use super::want::Want;

/// Who reads a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Client,
    /// A staff notification (`escalation.notifications`) or a reason's label.
    Staff,
}

/// A text and where it is. Owned, so a file's texts are found once and kept with it
/// ([`super::bot::BotDoc::texts`]) for every rule that reads them.
#[derive(Debug)]
pub struct TextAt {
    pub path: String,
    /// The string value in the file, quotes included.
    pub span: std::ops::Range<usize>,
    pub text: String,
    pub reader: Reader,
    /// The text is, word for word, the string the export writes at its path (most texts
    /// of a kept config are). `false` also when that was not told on the way: a key with a
    /// dot in it makes the path ambiguous, and the rules then look the twin up by path.
    pub verbatim: bool,
}

/// Keys whose strings are not texts anyone reads as words: ids, values, links, what a
/// runtime matches on, and the team's own `x`.
pub const NOT_TEXT: &[&str] = &[
    "regl_bot_schema",
    "location",
    "lang",
    "timezone",
    "hours",
    "channels",
    "id",
    "triggers",
    "words",
    "keywords",
    "when",
    "ask",
    "action",
    "goto",
    "choice",
    "branch",
    "policy_url",
    "consent_url",
    "moment",
    "version",
    "before",
    "purposes",
    "crm",
    "actions",
    "placeholders",
    "x",
    "tag",
    "duty",
    "notify",
    "send_between",
    "services",
    "offer",
    "service",
    "phone",
    "website",
    "email",
];

/// Every text of the config, in file order, each told against `export`, what `regl export`
/// writes for the file's location, walked beside it.
pub fn texts(root: &Json, export: &Want) -> Vec<TextAt> {
    let mut out = Vec::new();
    walk(
        root,
        Some(export),
        &mut String::new(),
        Reader::Client,
        &mut out,
    );
    out
}

/// One node: `path` is its path (a list item's is `<list>.<index>`), extended in place for
/// the children and restored after each; `twin` is the export's value at the same path.
fn walk(v: &Json, twin: Option<&Want>, path: &mut String, reader: Reader, out: &mut Vec<TextAt>) {
    use std::fmt::Write as _;
    match &v.kind {
        Kind::String(s) => out.push(TextAt {
            path: path.clone(),
            span: v.span.clone(),
            text: s.clone(),
            reader,
            verbatim: twin.and_then(Want::as_str) == Some(s.as_str()),
        }),
        Kind::Array(items) => {
            let twins = twin.and_then(Want::as_array);
            let len = path.len();
            for (i, item) in items.iter().enumerate() {
                write!(path, ".{i}").expect("a String takes any text");
                walk(item, twins.and_then(|t| t.get(i)), path, reader, out);
                path.truncate(len);
            }
        }
        Kind::Object(members) => {
            let twins = twin.and_then(Want::as_object);
            // The export's members come in the file's order when the file is kept: each is
            // found by stepping along, and by its key only when the orders part.
            let mut along = twins.map(super::want::Members::iter);
            let len = path.len();
            for m in members {
                let next = along.as_mut().and_then(Iterator::next);
                if NOT_TEXT.contains(&m.key.as_str()) {
                    continue;
                }
                let twin = if m.key.contains('.') {
                    None
                } else {
                    match next {
                        Some((k, t)) if k == m.key => Some(t),
                        _ => twins.and_then(|o| o.get(&m.key)),
                    }
                };
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&m.key);
                let r = if m.key == "notifications" || m.key == "reasons" {
                    Reader::Staff
                } else {
                    reader
                };
                walk(&m.value, twin, path, r, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// The `{…}` placeholders of a text, each with its byte range inside the text.
pub fn placeholders(text: &str) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('{') {
        let start = from + i;
        let Some(j) = text[start..].find('}') else {
            break;
        };
        let end = start + j + 1;
        out.push((&text[start + 1..end - 1], start..end));
        from = end;
    }
    out
}

/// A figure as business.toml could give it: compared by kind and value, not by wording.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    Rubles(u64),
    Seconds(u64),
    /// Minutes from midnight.
    TimeOfDay(u16),
    /// Two times of day joined as a span («10:00–19:00», «с 21:00 до 09:00»): a statement of
    /// hours, where each time alone may be an example. Follows its two `TimeOfDay`.
    Span(u16, u16),
    Percent(u64),
    /// Digits only, a leading 8 read as 7.
    Phone(String),
}

/// The figures of a text, each with the words that state it.
#[allow(clippy::many_single_char_names)]
pub fn figures(text: &str) -> Vec<(Figure, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    // The last time of day read: its value, its first char and the char after it.
    let mut last_time: Option<(u16, usize, usize)> = None;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let phone_start = c == '+' && chars.get(i + 1).is_some_and(|(_, d)| d.is_ascii_digit());
        if !(c.is_ascii_digit() || phone_start) || (i > 0 && chars[i - 1].1.is_alphanumeric()) {
            i += 1;
            continue;
        }
        // A phone: + or 8, then 10 more digits with spaces, dashes and brackets between.
        if let Some((digits, end)) = phone_at(&chars, i) {
            out.push((Figure::Phone(digits), slice(text, &chars, start, end)));
            i = end;
            continue;
        }
        if phone_start {
            i += 1;
            continue;
        }
        // A time of day HH:MM.
        let mut j = i;
        let mut n: u64 = 0;
        // Digits grouped by spaces as prices are written: «1 500», «20 000».
        while j < chars.len() {
            let (_, d) = chars[j];
            if let Some(v) = d.to_digit(10) {
                n = n.saturating_mul(10).saturating_add(u64::from(v));
                j += 1;
            } else if matches!(d, ' ' | '\u{a0}' | '\u{202f}' | ',')
                && chars.get(j + 1).is_some_and(|(_, x)| x.is_ascii_digit())
                && chars.get(j + 4).is_none_or(|(_, x)| !x.is_ascii_digit())
                && (j + 3 < chars.len())
                && chars[j + 1..j + 4].iter().all(|(_, x)| x.is_ascii_digit())
            {
                j += 1;
            } else {
                break;
            }
        }
        if chars.get(j).is_some_and(|(_, d)| *d == ':')
            && chars.get(j + 1).is_some_and(|(_, d)| d.is_ascii_digit())
            && chars.get(j + 2).is_some_and(|(_, d)| d.is_ascii_digit())
            && n <= 24
        {
            let m = chars[j + 1].1.to_digit(10).unwrap_or(0) * 10
                + chars[j + 2].1.to_digit(10).unwrap_or(0);
            #[allow(clippy::cast_possible_truncation)]
            let minutes = (n as u16) * 60 + m as u16;
            out.push((
                Figure::TimeOfDay(minutes),
                slice(text, &chars, start, j + 3),
            ));
            if let Some((from, first, after)) = last_time
                && joins_a_span(&chars[after..i])
            {
                out.push((
                    Figure::Span(from, minutes),
                    slice(text, &chars, chars[first].0, j + 3),
                ));
            }
            last_time = Some((minutes, i, j + 3));
            i = j + 3;
            continue;
        }
        let rest: String = chars[j..chars.len().min(j + 12)]
            .iter()
            .map(|(_, c)| c.to_lowercase().next().unwrap_or(*c))
            .collect();
        let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        let after_rub = text[..start]
            .trim_end_matches([' ', '\u{a0}'])
            .ends_with("RUB");
        let unit = if after_rub {
            Some(Unit::Rubles)
        } else {
            unit_of(rest)
        };
        // The words shown are the number with its unit: «12 часов», «1 500 ₽».
        let end = if after_rub { j } else { unit_end(&chars, j) };
        let words = slice(text, &chars, start, end);
        match unit {
            Some(Unit::Rubles) => out.push((Figure::Rubles(n), words)),
            Some(Unit::Percent) => out.push((Figure::Percent(n), words)),
            Some(Unit::Seconds(k)) => out.push((Figure::Seconds(n.saturating_mul(k)), words)),
            None => {}
        }
        i = j.max(i + 1);
    }
    out.extend(wordless(text));
    out
}

/// Whether the characters between two times join them as a span: a dash, or «до»/«to».
fn joins_a_span(between: &[(usize, char)]) -> bool {
    let word: String = between.iter().map(|&(_, c)| c).collect();
    matches!(
        word.trim_matches([' ', '\u{a0}', '\u{202f}']),
        "-" | "–" | "—" | "до" | "to" | "until" | "till"
    )
}

/// Where the unit after a number ends: spaces, then a word, `₽` or `%`.
fn unit_end(chars: &[(usize, char)], from: usize) -> usize {
    let mut k = from;
    while chars
        .get(k)
        .is_some_and(|(_, c)| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
    {
        k += 1;
    }
    if chars.get(k).is_some_and(|(_, c)| matches!(c, '₽' | '%')) {
        return k + 1;
    }
    while chars.get(k).is_some_and(|(_, c)| c.is_alphabetic()) {
        k += 1;
    }
    k
}

fn slice(text: &str, chars: &[(usize, char)], from: usize, to: usize) -> String {
    let end = chars.get(to).map_or(text.len(), |(b, _)| *b);
    text[from..end].to_owned()
}

fn phone_at(chars: &[(usize, char)], i: usize) -> Option<(String, usize)> {
    let first = chars[i].1;
    if first != '+' && first != '8' {
        return None;
    }
    let mut digits = String::new();
    let mut j = i;
    while j < chars.len() {
        let c = chars[j].1;
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !matches!(c, '+' | ' ' | '-' | '(' | ')' | '\u{a0}') || digits.len() >= 11 {
            break;
        }
        j += 1;
        if digits.len() == 11 {
            break;
        }
    }
    if digits.len() != 11 {
        return None;
    }
    if chars.get(j).is_some_and(|(_, c)| c.is_ascii_digit()) {
        return None;
    }
    if let Some(rest) = digits.strip_prefix('8') {
        digits = format!("7{rest}");
    }
    digits.starts_with('7').then_some((digits, j))
}

enum Unit {
    Rubles,
    Percent,
    Seconds(u64),
}

fn unit_of(rest: &str) -> Option<Unit> {
    let starts = |ws: &[&str]| ws.iter().any(|w| rest.starts_with(w));
    let word_end = |w: &str| {
        rest.strip_prefix(w)
            .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphabetic()))
    };
    if starts(&["₽", "руб", "rub"]) {
        Some(Unit::Rubles)
    } else if rest.starts_with('%') {
        Some(Unit::Percent)
    } else if starts(&["сек", "second"]) {
        Some(Unit::Seconds(1))
    } else if starts(&["мин", "minute"]) || word_end("min") {
        Some(Unit::Seconds(60))
    } else if starts(&["час", "hour"]) || word_end("ч") || word_end("h") {
        Some(Unit::Seconds(3600))
    } else if starts(&["сут", "дн", "день", "day"]) {
        Some(Unit::Seconds(86_400))
    } else if starts(&["недел", "week"]) {
        Some(Unit::Seconds(7 * 86_400))
    } else {
        None
    }
}

/// Durations written without a number: «в течение часа» is one hour.
fn wordless(text: &str) -> Vec<(Figure, String)> {
    let lower = crate::words::lowercase(text);
    let mut out = Vec::new();
    for (phrase, secs) in [
        ("в течение часа", 3600),
        ("в течение минуты", 60),
        ("в течение суток", 86_400),
        ("в течение дня", 86_400),
        ("within an hour", 3600),
        ("within a minute", 60),
        ("within a day", 86_400),
    ] {
        if lower.contains(phrase) {
            out.push((Figure::Seconds(secs), phrase.to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_by_kind_and_value() {
        let f: Vec<Figure> = figures(
            "Стрижка от 1 500 ₽, отмена за 12 часов, 09:00–21:00, предоплата 30 %, звоните +7 347 200-00-00 или 8 (917) 000-00-01; в течение часа.",
        )
        .into_iter()
        .map(|(f, _)| f)
        .collect();
        assert_eq!(
            f,
            [
                Figure::Rubles(1500),
                Figure::Seconds(43_200),
                Figure::TimeOfDay(540),
                Figure::TimeOfDay(1260),
                Figure::Span(540, 1260),
                Figure::Percent(30),
                Figure::Phone("73472000000".into()),
                Figure::Phone("79170000001".into()),
                Figure::Seconds(3600),
            ]
        );
        assert!(figures("152-ФЗ, ст. 6, п. 5, версия 1.1").is_empty());
        // A duration without a number, in any case.
        for (text, phrase) in [
            ("ОТВЕТИМ В ТЕЧЕНИЕ ЧАСА", "в течение часа"),
            ("ответим в течение часа", "в течение часа"),
            ("Within An Hour we call", "within an hour"),
        ] {
            assert_eq!(
                figures(text),
                [(Figure::Seconds(3600), phrase.to_owned())],
                "{text}"
            );
        }
        let spans = |text: &str| -> Vec<(Figure, String)> {
            figures(text)
                .into_iter()
                .filter(|(f, _)| matches!(f, Figure::Span(..)))
                .collect()
        };
        assert_eq!(
            spans("ночью, с 21:00 до 09:00, отвечает бот"),
            [(Figure::Span(1260, 540), "21:00 до 09:00".to_owned())]
        );
        assert_eq!(
            spans("сб–вс 10:00 - 19:00; from 8:00 to 22:00"),
            [
                (Figure::Span(600, 1140), "10:00 - 19:00".to_owned()),
                (Figure::Span(480, 1320), "8:00 to 22:00".to_owned()),
            ]
        );
        // Two times that are not joined are two examples, not hours.
        assert!(spans("например, в 10:00 или в 19:00").is_empty());
        assert!(spans("в 10:00, 14:00").is_empty());
        assert_eq!(
            figures("within 15 minutes, from RUB 1,500")
                .into_iter()
                .map(|(f, _)| f)
                .collect::<Vec<_>>(),
            [Figure::Seconds(900), Figure::Rubles(1500)]
        );
    }
}
