//! How numbers read in bot texts: money, durations, working hours and lists, in Russian
//! (with its plural forms and non-breaking spaces) and English.

use crate::model::Duration;
use crate::model::enums::{Lang, Slot};
use crate::model::hours::WorkingHours;
use crate::words::{Case, NBSP};

/// "1 500 ₽" / "RUB 1,500", as the documents write it.
pub fn money(lang: Lang, rub: u64) -> String {
    crate::words::fmt_money(rub, lang)
}

/// «от 1 500 ₽» / "from RUB 1,500".
pub fn price_from(lang: Lang, rub: u64) -> String {
    match lang {
        Lang::Ru => format!("от{NBSP}{}", money(lang, rub)),
        Lang::En => format!("from {}", money(lang, rub)),
    }
}

/// "20 %" / "20%".
pub fn percent(lang: Lang, p: u8) -> String {
    match lang {
        Lang::Ru => format!("{p}{NBSP}%"),
        Lang::En => format!("{p}%"),
    }
}

/// A duration as it reads after «за» / «через» or "within": "12 часов", "30 минут",
/// "1 hour 30 minutes". Under three days whole hours stay hours: a salon says «за 24 часа».
pub fn duration(lang: Lang, d: Duration) -> String {
    crate::words::fmt_duration_case(d.secs(), lang, Case::Acc)
}

/// A duration as it reads after «в течение» / «меньше» (the genitive): «24 часов»,
/// «1 часа», «15 минут»; in English the same as [`duration`].
pub fn duration_gen(lang: Lang, d: Duration) -> String {
    crate::words::fmt_duration_case(d.secs(), lang, Case::Gen)
}

/// "mon-fri 09:00-21:00" → «пн–пт 09:00–21:00» / "Mon–Fri 09:00–21:00"; a break
/// "mon-fri 09:00-13:00,14:00-21:00" → «пн–пт 09:00–13:00, 14:00–21:00 (перерыв 13:00–14:00)».
pub fn hours_line(lang: Lang, h: &WorkingHours) -> String {
    let text = h.as_str().trim();
    let (days, times) = text.split_once(' ').unwrap_or((text, ""));
    let day = |d: &str| -> String {
        let (ru, en) = match d {
            "mon" => ("пн", "Mon"),
            "tue" => ("вт", "Tue"),
            "wed" => ("ср", "Wed"),
            "thu" => ("чт", "Thu"),
            "fri" => ("пт", "Fri"),
            "sat" => ("сб", "Sat"),
            "sun" => ("вс", "Sun"),
            "daily" => ("ежедневно", "daily"),
            other => (other, other),
        };
        match lang {
            Lang::Ru => ru.to_owned(),
            Lang::En => en.to_owned(),
        }
    };
    let days: Vec<String> = days
        .split(',')
        .map(|item| {
            item.split('-')
                .map(|d| day(d.trim()))
                .collect::<Vec<_>>()
                .join("–")
        })
        .collect();
    let times = times.trim().replace('-', "–").replace(',', ", ");
    let breaks: Vec<String> = h
        .breaks()
        .into_iter()
        .map(|(a, b)| {
            format!(
                "{}–{}",
                WorkingHours::fmt_time(a),
                WorkingHours::fmt_time(b)
            )
        })
        .collect();
    if breaks.is_empty() {
        return format!("{} {times}", days.join(", "));
    }
    let word = match lang {
        Lang::Ru => "перерыв",
        Lang::En => "break",
    };
    format!("{} {times} ({word} {})", days.join(", "), breaks.join(", "))
}

/// All of a location's hours in one phrase: lines apart by commas, or by semicolons once a
/// line with a break has commas of its own.
pub fn hours(lang: Lang, hours: &[crate::model::read::Sp<WorkingHours>]) -> String {
    let sep = if hours.iter().any(|h| h.ranges.len() > 1) {
        "; "
    } else {
        ", "
    };
    hours
        .iter()
        .map(|h| hours_line(lang, h))
        .collect::<Vec<_>>()
        .join(sep)
}

/// «имя, номер телефона и удобное время визита».
pub fn list(lang: Lang, items: &[String]) -> String {
    let and = match lang {
        Lang::Ru => " и ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// What a slot is called in a consent text.
pub fn slot_noun(lang: Lang, slot: &str) -> String {
    let (ru, en) = match slot {
        "name" => ("имя", "your name"),
        "phone" => ("номер телефона", "your phone number"),
        "email" => ("адрес электронной почты", "your e-mail address"),
        "service" => ("выбранная услуга", "the service you choose"),
        "preferred_time" => ("удобное время визита", "the time that suits you"),
        "comment" => ("ваши пожелания к визиту", "your wishes for the visit"),
        other => (other, other),
    };
    match lang {
        Lang::Ru => ru.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// The slots the bot asks for in a dialogue; the others (channel, location, amount,
/// consent version) the runtime knows without asking.
pub fn is_asked(slot: Slot) -> bool {
    matches!(
        slot,
        Slot::Name
            | Slot::Phone
            | Slot::Email
            | Slot::Service
            | Slot::PreferredTime
            | Slot::Comment
    )
}

/// Cuts `s` to at most `max` characters, ending with «…» when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_owned();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::read::ParseStr;

    #[test]
    fn money_reads_with_non_breaking_spaces() {
        assert_eq!(price_from(Lang::Ru, 1500), "от\u{a0}1\u{a0}500\u{a0}₽");
        assert_eq!(money(Lang::Ru, 100), "100\u{a0}₽");
        assert_eq!(money(Lang::Ru, 1_234_567), "1\u{a0}234\u{a0}567\u{a0}₽");
        assert_eq!(price_from(Lang::En, 34_900), "from RUB\u{a0}34,900");
    }

    #[test]
    fn durations_take_the_right_plural() {
        let d = |s: &str| Duration::parse_str(s).unwrap();
        assert_eq!(duration(Lang::Ru, d("24h")), "24\u{a0}часа");
        assert_eq!(duration(Lang::Ru, d("12h")), "12\u{a0}часов");
        assert_eq!(duration(Lang::Ru, d("1h")), "1\u{a0}час");
        assert_eq!(duration(Lang::Ru, d("21m")), "21\u{a0}минуту");
        assert_eq!(duration(Lang::Ru, d("15m")), "15\u{a0}минут");
        assert_eq!(duration(Lang::Ru, d("3d")), "3\u{a0}дня");
        assert_eq!(duration(Lang::Ru, d("1h30m")), "1\u{a0}час 30\u{a0}минут");
        assert_eq!(
            duration(Lang::En, d("1h30m")),
            "1\u{a0}hour 30\u{a0}minutes"
        );
        assert_eq!(duration(Lang::En, d("2h")), "2\u{a0}hours");
        assert_eq!(duration_gen(Lang::Ru, d("24h")), "24\u{a0}часов");
        assert_eq!(duration_gen(Lang::Ru, d("1h")), "1\u{a0}часа");
        assert_eq!(duration_gen(Lang::Ru, d("21m")), "21\u{a0}минуты");
        assert_eq!(duration_gen(Lang::Ru, d("15m")), "15\u{a0}минут");
    }

    #[test]
    fn hours_read_like_a_sign_on_the_door() {
        let h = WorkingHours::parse_str("mon-fri 09:00-21:00").unwrap();
        assert_eq!(hours_line(Lang::Ru, &h), "пн–пт 09:00–21:00");
        let h = WorkingHours::parse_str("sat,sun 10:00-18:00").unwrap();
        assert_eq!(hours_line(Lang::En, &h), "Sat, Sun 10:00–18:00");
        let h = WorkingHours::parse_str("mon-fri 09:00-13:00,14:00-21:00").unwrap();
        assert_eq!(
            hours_line(Lang::Ru, &h),
            "пн–пт 09:00–13:00, 14:00–21:00 (перерыв 13:00–14:00)"
        );
        assert_eq!(
            hours_line(Lang::En, &h),
            "Mon–Fri 09:00–13:00, 14:00–21:00 (break 13:00–14:00)"
        );
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("Укладка", 24), "Укладка");
        let t = truncate("Сложное окрашивание: балаяж, шатуш, airtouch", 24);
        assert_eq!(t.chars().count(), 24);
        assert!(t.ends_with('…'));
    }
}
