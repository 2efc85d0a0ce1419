//! Client text as the matcher reads it (docs/bot-runtime.md, "Normalisation"): lower case,
//! `ё` read as `е`, Latin look-alike letters inside Cyrillic words read as Cyrillic, and
//! everything that is not a letter or a digit a space.
//!
//! People type Russian on phones whose keyboards switch layouts mid-word, and copy words from
//! sites that mix scripts; «жaлоба» with a Latin `a` must still be a complaint. A word with
//! no Cyrillic letter at all is left as it is: "cpoh" is not «срон», and English words stay
//! English.

/// The Latin letters that look like a Cyrillic one, after lower-casing (so `B`, `H`, `M`,
/// `T`, `K` are covered through `b`, `h`, `m`, `t`, `k`).
const LOOK_ALIKES: [(char, char); 12] = [
    ('a', 'а'),
    ('b', 'в'),
    ('c', 'с'),
    ('e', 'е'),
    ('h', 'н'),
    ('k', 'к'),
    ('m', 'м'),
    ('o', 'о'),
    ('p', 'р'),
    ('t', 'т'),
    ('x', 'х'),
    ('y', 'у'),
];

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

fn cyrillic_look_alike(c: char) -> char {
    LOOK_ALIKES
        .iter()
        .find(|(latin, _)| *latin == c)
        .map_or(c, |(_, cyr)| *cyr)
}

/// The normalised text: words of letters and digits separated by single spaces, with no
/// space at either end.
pub fn normalize(text: &str) -> String {
    // Phrases, buttons and a client's answers are short and come back for every location
    // and scenario: each thread keeps what it normalised (a pure function), short texts
    // only and a bounded number of them, so a long text scanned once costs nothing extra.
    if text.len() > MAX_KEPT_LEN {
        return normalized(text);
    }
    KEPT.with_borrow_mut(|kept| {
        if let Some(n) = kept.get(text) {
            return n.clone();
        }
        let n = normalized(text);
        if kept.len() < MAX_KEPT {
            kept.insert(text.to_owned(), n.clone());
        }
        n
    })
}

const MAX_KEPT_LEN: usize = 120;
const MAX_KEPT: usize = 1 << 15;

thread_local! {
    static KEPT: std::cell::RefCell<std::collections::HashMap<String, String>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let cyrillic = word.iter().any(|&c| is_cyrillic(c));
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.drain(..)
                .map(|c| if cyrillic { cyrillic_look_alike(c) } else { c }),
        );
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn lowers_case_and_reads_yo_as_ye() {
        assert_eq!(normalize("ЖАЛОБА"), "жалоба");
        assert_eq!(normalize("Отёк"), "отек");
        assert_eq!(normalize("ЁЛКА"), "елка");
    }

    #[test]
    fn everything_but_letters_and_digits_is_a_space() {
        assert_eq!(normalize("  Хочу, срочно!!! "), "хочу срочно");
        assert_eq!(normalize("Анна-Мария"), "анна мария");
        assert_eq!(normalize("«Узнать цены»"), "узнать цены");
        assert_eq!(normalize("+7 (913) 000-00-01"), "7 913 000 00 01");
        assert_eq!(normalize("2."), "2");
        assert_eq!(normalize("…?!"), "");
    }

    #[test]
    fn latin_look_alikes_inside_cyrillic_words_read_as_cyrillic() {
        // Latin a, o, c, p, e, x, y, k, m, t, b, h, each inside a Cyrillic word.
        assert_eq!(normalize("жaлoба"), "жалоба");
        assert_eq!(normalize("cpочно"), "срочно");
        assert_eq!(normalize("ПPETEНЗИЯ"), "претензия");
        assert_eq!(normalize("xочу kyпить"), "хочу купить");
        assert_eq!(normalize("BoзBрат"), "возврат");
        assert_eq!(normalize("HeМНОГО"), "немного");
        assert_eq!(normalize("Mама Tут"), "мама тут");
    }

    #[test]
    fn words_without_cyrillic_letters_stay_as_written() {
        assert_eq!(normalize("cancel my booking"), "cancel my booking");
        assert_eq!(normalize("cpoh"), "cpoh");
        assert_eq!(normalize("ok, жалоба"), "ok жалоба");
    }
}
