//! What the `toml` parser's syntax errors say, in Russian.
//!
//! The parser writes its messages in English, as "<what is wrong>, expected <a>, <b>": a
//! description from a closed list (`toml_parser`, `toml_datetime`) and what would have been
//! valid there. Each part is translated from that list; a description the list does not
//! know keeps the parser's own words as a detail, so a newer parser never makes the message
//! wrong, only less Russian.

use crate::i18n::Text;

/// The message of a syntax error in both languages: the English as it always read, and a
/// Russian sentence saying the same.
pub fn message(raw: &str) -> Text {
    let raw = raw.trim();
    Text::new(
        format!("TOML syntax: {raw}"),
        format!("синтаксис TOML: {}", ru(raw)),
    )
}

fn ru(raw: &str) -> String {
    let (what, expected) = match raw.split_once(", expected ") {
        Some((w, e)) => (w, Some(e)),
        None => (raw, None),
    };
    let Some((what_ru, says_all)) = description(what) else {
        return format!("файл не читается как TOML (сообщение разборщика: {raw})");
    };
    match expected {
        // The description already says what to write.
        _ if says_all => what_ru,
        None | Some("nothing") => what_ru,
        Some(e) => format!("{what_ru} (ожидается: {})", alternatives(e)),
    }
}

/// «`=`, `#` или перевод строки» from "`=`, `#`, newline".
fn alternatives(listed: &str) -> String {
    let items: Vec<String> = listed.split(", ").map(expected_item).collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} или {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

fn expected_item(item: &str) -> String {
    if item.starts_with('`') || item.starts_with('\'') {
        return item.to_owned();
    }
    let ru = match item {
        "newline" => "перевод строки",
        "nothing" => "ничего",
        "etc" => "и т. п.",
        "value" => "значение",
        "key" => "ключ",
        "digits" | "numbers" => "цифры",
        "letters" => "буквы",
        "characters" => "символы",
        "printable characters" => "печатные символы",
        "literal string" => "строка в одинарных кавычках",
        "basic string" => "строка в двойных кавычках",
        "multi-line literal string" => "многострочная строка в одинарных кавычках",
        "multi-line basic string" => "многострочная строка в двойных кавычках",
        "unquoted string" => "ключ без кавычек",
        "non-single-quote characters" | "non-single-quote visible characters" => {
            "символы, кроме одинарной кавычки"
        }
        "non-double-quote visible characters" => "символы, кроме двойной кавычки",
        "unicode hexadecimal value" => "шестнадцатеричный код символа Юникода",
        // toml_datetime: what a date or time needs where it went wrong.
        "year or hour" => "год или час",
        "month" => "месяц",
        "day" => "день",
        "hour" => "час",
        "minute" => "минуты",
        "second" => "секунды",
        "nanosecond" => "доли секунды",
        "a four-digit year (YYYY)" => "год из четырёх цифр (ГГГГ)",
        "a two-digit month (MM)" => "месяц из двух цифр (ММ)",
        "a two-digit day (DD)" => "день из двух цифр (ДД)",
        "a two-digit hour (HH)" => "час из двух цифр (ЧЧ)",
        "a two-digit minute (MM)" => "минуты из двух цифр (ММ)",
        "a two-digit second (SS)" => "секунды из двух цифр (СС)",
        "month between 01 and 12" => "месяц от 01 до 12",
        "day between 01 and 28" => "день от 01 до 28",
        "day between 01 and 29" => "день от 01 до 29",
        "day between 01 and 30" => "день от 01 до 30",
        "day between 01 and 31" => "день от 01 до 31",
        "hour between 00 and 23" | "hours between 00 and 23" => "час от 00 до 23",
        "minute between 00 and 59" | "minutes between 00 and 59" => "минуты от 00 до 59",
        "second between 00 and 60" => "секунды от 00 до 60",
        "`-` (YYYY-MM) or `:` (HH:MM)" => "`-` (ГГГГ-ММ) или `:` (ЧЧ:ММ)",
        "`-` (MM-DD)" => "`-` (ММ-ДД)",
        "`:` (HH:MM)" => "`:` (ЧЧ:ММ)",
        "`T` between date and time" => "`T` между датой и временем",
        other => return other.to_owned(),
    };
    ru.to_owned()
}

/// The Russian of a description, and whether it says all there is to say (the parser's
/// "expected …" would only repeat it).
fn description(what: &str) -> Option<(String, bool)> {
    if let Some(kind) = what
        .strip_prefix("cannot extend value of type ")
        .and_then(|k| k.strip_suffix(" with a dotted key"))
    {
        return Some((
            format!(
                "ключ с точкой дополняет значение, которое уже задано ({})",
                value_type(kind)
            ),
            true,
        ));
    }
    let (ru, says_all) = match what {
        // Where a line or a header is not finished.
        "key with no value" => ("после ключа нет `=` и значения", true),
        "missing value for key" => ("у ключа нет значения", false),
        "missing value" => ("нет значения", false),
        "extra `=`" => ("лишний `=`", false),
        "unclosed table" => ("заголовок таблицы не закрыт: нет `]`", true),
        "unclosed array table" => ("заголовок массива таблиц не закрыт: нет `]]`", true),
        "missing table open" => ("нет `[` в начале заголовка таблицы", true),
        "unexpected key or value" => (
            "после значения на той же строке есть ещё что-то: каждая пара «ключ = значение» пишется на своей строке",
            true,
        ),
        "unexpected content" => ("лишний текст", false),
        "unexpected content between comment and newline" => {
            ("лишний текст между комментарием и концом строки", false)
        }
        "invalid key-value pair" => ("недопустимая пара «ключ = значение»", false),
        "duplicate key" => ("ключ задан повторно", true),
        // Keys.
        "invalid key" => ("недопустимый ключ", false),
        "invalid unquoted key" => ("недопустимый символ в ключе без кавычек", false),
        "unquoted keys cannot be empty" => ("пустой ключ", false),
        "keys cannot be multi-line literal strings" | "keys cannot be multi-line basic strings" => {
            ("ключ не может быть многострочной строкой", true)
        }
        // Strings.
        "string values must be quoted" => (
            "текстовое значение нужно взять в кавычки (а число или дату — написать без ошибок)",
            true,
        ),
        "invalid basic string" | "invalid string" => (
            "строка в двойных кавычках не закрыта или содержит недопустимый символ",
            false,
        ),
        "invalid literal string" => (
            "строка в одинарных кавычках не закрыта или содержит недопустимый символ",
            false,
        ),
        "invalid multi-line basic string" | "invalid multi-line literal string" => (
            "многострочная строка не закрыта или содержит недопустимый символ",
            false,
        ),
        "missing opening quote" => ("нет открывающей кавычки", false),
        "missing escaped value" => ("после `\\` нет допустимого экранированного символа", false),
        "too few unicode value digits" => ("в коде символа Юникода слишком мало цифр", false),
        "carriage return must be followed by newline" => (
            "за символом возврата каретки (CR) должен идти перевод строки",
            true,
        ),
        "could not allocate for string" => ("не хватило памяти для строки", true),
        // Numbers, booleans, dates.
        "invalid integer number" => ("недопустимое целое число", false),
        "invalid hexadecimal number" => ("недопустимое шестнадцатеричное число", false),
        "invalid octal number" => ("недопустимое восьмеричное число", false),
        "invalid binary number" => ("недопустимое двоичное число", false),
        "invalid float" => ("недопустимое дробное число", false),
        "invalid fraction" => ("после десятичной точки нет цифр", false),
        "invalid exponent" => ("недопустимая экспонента числа", false),
        "invalid mantissa" => ("недопустимая мантисса числа", false),
        "invalid boolean" => ("недопустимое логическое значение", false),
        "unexpected leading zero" => ("число не может начинаться с нуля", true),
        "redundant numeric sign" => ("лишний знак числа", true),
        "unexpected sign" => ("неожиданный знак числа", false),
        "`_` may only go between digits" => ("`_` допустим только между цифрами", true),
        "integers with a radix cannot be signed" => {
            ("у числа с префиксом 0x, 0o или 0b не бывает знака", true)
        }
        "radix must be lowercase" => ("префикс 0x, 0o или 0b пишется строчными буквами", false),
        "redundant integer number prefix" => ("лишний префикс числа", true),
        "invalid date" => ("недопустимая дата", false),
        "invalid time" => ("недопустимое время", false),
        "invalid date-time" | "invalid datetime" => ("недопустимые дата и время", false),
        "invalid value" => ("недопустимое значение", false),
        // Lists and inline tables.
        "missing array opening" => ("нет `[` в начале списка", true),
        "unclosed array" => ("список не закрыт: нет `]`", true),
        "extra comma in array" => ("лишняя запятая в списке", false),
        "unexpected `=` in array" => ("`=` внутри списка", false),
        "missing comma between array elements" => ("нет запятой между элементами списка", true),
        "missing inline table opening" => ("нет `{` в начале встроенной таблицы", true),
        "unclosed inline table" => ("встроенная таблица не закрыта: нет `}`", true),
        "extra comma in inline table" => ("лишняя запятая во встроенной таблице", false),
        "extra assignment between key-value pairs" => ("лишний `=` между парами", false),
        "missing key for inline table element" => {
            ("у элемента встроенной таблицы нет ключа", false)
        }
        "missing assignment between key-value pairs" => ("нет `=` между ключом и значением", true),
        "missing comma between key-value pairs" => {
            ("нет запятой между парами встроенной таблицы", true)
        }
        "invalid inline table element" => ("недопустимый элемент встроенной таблицы", false),
        // Comments and the rest.
        "invalid comment character" => ("недопустимый символ в комментарии", false),
        "missing comment start" => ("нет `#` в начале комментария", true),
        "invalid table" => ("недопустимая таблица", false),
        "cannot recurse further; max recursion depth met" | "recursion limit" => {
            ("слишком глубокая вложенность", true)
        }
        _ => return None,
    };
    Some((ru.to_owned(), says_all))
}

fn value_type(kind: &str) -> &str {
    match kind {
        "string" => "строка",
        "integer" => "целое число",
        "float" => "дробное число",
        "boolean" => "логическое значение",
        "datetime" => "дата",
        "array" => "список",
        "table" | "inline table" => "встроенная таблица",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_english_and_says_it_in_russian() {
        let m = message("unclosed table, expected `]`");
        assert_eq!(m.en(), "TOML syntax: unclosed table, expected `]`");
        assert_eq!(
            m.ru(),
            "синтаксис TOML: заголовок таблицы не закрыт: нет `]`"
        );
        assert_eq!(
            message("invalid basic string, expected `\"`").ru(),
            "синтаксис TOML: строка в двойных кавычках не закрыта или содержит недопустимый символ (ожидается: `\"`)"
        );
        assert_eq!(
            message("invalid date, expected month between 01 and 12").ru(),
            "синтаксис TOML: недопустимая дата (ожидается: месяц от 01 до 12)"
        );
        assert_eq!(
            message("unquoted keys cannot be empty, expected letters, numbers, `-`, `_`").ru(),
            "синтаксис TOML: пустой ключ (ожидается: буквы, цифры, `-` или `_`)"
        );
    }

    #[test]
    fn an_unknown_message_is_kept_as_a_detail() {
        assert_eq!(
            message("something new").ru(),
            "синтаксис TOML: файл не читается как TOML (сообщение разборщика: something new)"
        );
    }
}

/// A date written the Russian way, `01.12.2026`, as the value of `line` (`key = 01.12.2026`,
/// with or without a comment after it): its byte range in the line and the TOML date it
/// means, `2026-12-01`. TOML reads the unquoted form as two broken numbers, and the parser's
/// own two errors say nothing of dates.
pub fn russian_date(line: &str) -> Option<(std::ops::Range<usize>, String)> {
    let (_, value) = line.split_once('=')?;
    let start = line.len() - value.len() + (value.len() - value.trim_start().len());
    let word: String = line[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let iso = iso_of_russian_date(&word)?;
    Some((start..start + word.len(), iso))
}

/// `2026-12-01` for `01.12.2026` (or `1.12.2026`), when it is a real date.
pub fn iso_of_russian_date(s: &str) -> Option<String> {
    chrono::NaiveDate::parse_from_str(s, "%d.%m.%Y")
        .ok()
        .filter(|_| s.len() >= 8 && s.split('.').nth(2).is_some_and(|y| y.len() == 4))
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod russian_date_tests {
    use super::*;

    #[test]
    fn a_russian_date_is_found_with_its_toml_form() {
        let line = "effective_date = 01.12.2026   # дата";
        let (range, iso) = russian_date(line).unwrap();
        assert_eq!(&line[range], "01.12.2026");
        assert_eq!(iso, "2026-12-01");
        assert_eq!(russian_date("x = 1.5"), None);
        assert_eq!(russian_date("x = 31.02.2026"), None);
    }
}
