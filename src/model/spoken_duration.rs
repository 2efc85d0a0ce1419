//! Durations as owners write them when they do not write `24h`: «24ч», «24 часа», «3 дня»,
//! «90 мин», "1 day", "24H". Each reads to the same value as its canonical form; a fraction
//! ("1.5h") is answered with the canonical form to write instead.

/// What a spoken duration reads as.
pub enum Spoken {
    /// Whole units: the seconds, and the size of the largest unit written (3600 for «48 часов»),
    /// so messages say «48h» back, not «2d».
    Secs { secs: u64, largest: u64 },
    /// A fraction such as "1.5h": the seconds it means, for the canonical form to suggest.
    Fraction(u64),
}

/// The unit a word names, in seconds: Russian and English, full or short, any case.
fn unit(word: &str) -> Option<u64> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    let is = |forms: &[&str]| forms.contains(&w);
    Some(
        if is(&[
            "s",
            "sec",
            "secs",
            "second",
            "seconds",
            "с",
            "сек",
            "секунда",
            "секунды",
            "секунд",
        ]) {
            1
        } else if is(&[
            "m",
            "min",
            "mins",
            "minute",
            "minutes",
            "м",
            "мин",
            "минута",
            "минуты",
            "минут",
        ]) {
            60
        } else if is(&[
            "h",
            "hr",
            "hrs",
            "hour",
            "hours",
            "ч",
            "час",
            "часа",
            "часов",
        ]) {
            3_600
        } else if is(&[
            "d",
            "day",
            "days",
            "д",
            "дн",
            "день",
            "дня",
            "дней",
            "сут",
            "сутки",
            "суток",
        ]) {
            86_400
        } else if is(&[
            "w",
            "wk",
            "week",
            "weeks",
            "нед",
            "неделя",
            "недели",
            "недель",
        ]) {
            7 * 86_400
        } else if is(&["y", "yr", "year", "years", "г", "год", "года", "лет"]) {
            365 * 86_400
        } else {
            return None;
        },
    )
}

/// Reads `s` as numbers each followed by a unit word, spaces allowed between and around
/// them ("1 час 30 минут", "24ч", "1.5h"); `None` when it is not such a text. Units go from
/// the largest to the smallest, each once.
pub fn read(s: &str) -> Option<Spoken> {
    let mut rest = s.trim();
    let mut secs: f64 = 0.0;
    let mut fraction = false;
    let mut seen = Vec::new();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let num_len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
            .map_or(rest.len(), |(i, _)| i);
        if num_len == 0 {
            return None;
        }
        let number = rest[..num_len].replace(',', ".");
        let n: f64 = number.parse().ok()?;
        fraction |= number.contains('.');
        rest = rest[num_len..].trim_start();
        let word_len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphabetic() || *c == '.'))
            .map_or(rest.len(), |(i, _)| i);
        let size = unit(&rest[..word_len])?;
        // Largest first, each once, as in the canonical form.
        if seen.last().is_some_and(|&last| size >= last) {
            return None;
        }
        seen.push(size);
        #[allow(clippy::cast_precision_loss)]
        let add = n * size as f64;
        secs += add;
        rest = rest[word_len..].trim_start();
    }
    if !(0.0..=100.0 * 365.0 * 86_400.0).contains(&secs) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = secs.round() as u64;
    Some(if fraction {
        Spoken::Fraction(whole)
    } else {
        Spoken::Secs {
            secs: whole,
            largest: seen.first().copied().unwrap_or(1),
        }
    })
}
