//! How the documents word what the config says in codes and seconds: durations in the three
//! cases, counts with their noun, days and hours, time-zone offsets, and the names of
//! channels, countries, branches, slots, notifications, stages and fields.
//!
//! Every document view builds its fields with these, so «30 минут», «пн–пт» or «чат на сайте»
//! read the same in every document of every location.

use chrono::{Offset, TimeZone};
use serde::Serialize;

use crate::model::audience::OrderWords;
use crate::model::business::{Business, Location};
use crate::model::duration::Duration;
use crate::model::enums::{Branch, ChannelKind, Lang, Notify, ProcessorRole, Slot, StageSemantics};
use crate::model::hours::{DAYS, WorkingHours};
use crate::model::read::Sp;
use crate::words::{Case, fmt_duration_case, fmt_number, plural_ru};

/// Picks the text of the business's language.
pub fn pick(lang: Lang, ru: &str, en: &str) -> String {
    match lang {
        Lang::Ru => ru.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// A duration in words in the three cases the documents need, with its seconds:
/// `{{ sla.lead_to_crm.nom }}` prints «30 минут», `.gen` «30 минут» after «в течение»,
/// `.acc` «1 минуту» after «за».
#[derive(Debug, Clone, Serialize)]
pub struct DurationWords {
    pub s: u64,
    #[serde(rename = "nom")]
    pub nominative: String,
    #[serde(rename = "gen")]
    pub genitive: String,
    #[serde(rename = "acc")]
    pub accusative: String,
}

impl DurationWords {
    pub fn new(x: Duration, lang: Lang) -> Self {
        let secs = x.secs();
        Self {
            s: secs,
            nominative: fmt_duration_case(secs, lang, Case::Nom),
            genitive: fmt_duration_case(secs, lang, Case::Gen),
            accusative: fmt_duration_case(secs, lang, Case::Acc),
        }
    }
}

/// «6 ходов», "6 turns": a count with its noun, the Russian forms given as (one, few, many).
pub fn count_words(n: u64, ru: (&str, &str, &str), en: (&str, &str), lang: Lang) -> String {
    match lang {
        Lang::Ru => format!(
            "{}\u{a0}{}",
            fmt_number(n, lang),
            plural_ru(n, ru.0, ru.1, ru.2)
        ),
        Lang::En => format!("{n}\u{a0}{}", if n == 1 { en.0 } else { en.1 }),
    }
}

const DAYS_RU: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];
const DAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn day_names(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Ru => DAYS_RU,
        Lang::En => DAYS_EN,
    }
}

/// Runs of consecutive days in a mask: «пн–пт», «сб, вс», «ср».
fn fmt_days(mask: u8, lang: Lang) -> String {
    let names = day_names(lang);
    let mut parts = Vec::new();
    let mut i = 0;
    while i < DAYS.len() {
        if mask & (1 << i) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < DAYS.len() && mask & (1 << (i + 1)) != 0 {
            i += 1;
        }
        match i - start {
            0 => parts.push(names[start].to_owned()),
            1 => {
                parts.push(names[start].to_owned());
                parts.push(names[i].to_owned());
            }
            _ => parts.push(format!("{}–{}", names[start], names[i])),
        }
        i += 1;
    }
    parts.join(", ")
}

/// «пн–пт 09:00–21:00»; a day with a break «пн–пт 09:00–13:00, 14:00–21:00 (перерыв
/// 13:00–14:00)», so the reader sees the break as one, not as two shifts.
pub fn fmt_hours(h: &WorkingHours, lang: Lang) -> String {
    let range = |(a, b): (u16, u16)| {
        format!(
            "{}–{}",
            WorkingHours::fmt_time(a),
            WorkingHours::fmt_time(b)
        )
    };
    let days = if h.days == 0x7f {
        match lang {
            Lang::Ru => "ежедневно".to_owned(),
            Lang::En => "daily".to_owned(),
        }
    } else {
        fmt_days(h.days, lang)
    };
    let ranges: Vec<String> = h.ranges.iter().copied().map(range).collect();
    let out = format!("{days} {}", ranges.join(", "));
    let breaks: Vec<String> = h.breaks().into_iter().map(range).collect();
    if breaks.is_empty() {
        out
    } else {
        let word = match (lang, breaks.len()) {
            (Lang::Ru, 1) => "перерыв",
            (Lang::Ru, _) => "перерывы",
            (Lang::En, 1) => "break",
            (Lang::En, _) => "breaks",
        };
        format!("{out} ({word} {})", breaks.join(", "))
    }
}

/// The days no line of `hours` covers: «вс», or "" when the location works every day.
pub fn closed_days(hours: &[Sp<WorkingHours>], lang: Lang) -> String {
    let open = hours.iter().fold(0u8, |m, h| m | h.days);
    fmt_days(!open & 0x7f, lang)
}

/// ("UTC+5", "МСК+2") for the location's zone on `on` (the effective date).
pub fn utc_offset(loc: &Location, on: chrono::NaiveDate, lang: Lang) -> (String, String) {
    let Some(tz) = loc.timezone.tz() else {
        return (String::new(), String::new());
    };
    let secs = tz.offset_from_utc_date(&on).fix().local_minus_utc();
    let fmt = |prefix: &str, s: i32| {
        let (h, m) = (s / 3600, (s % 3600).abs() / 60);
        match (s, m) {
            (0, _) => prefix.to_owned(),
            (_, 0) => format!("{prefix}{h:+}"),
            _ => format!("{prefix}{h:+}:{m:02}"),
        }
    };
    let msk = match lang {
        Lang::Ru => fmt("МСК", secs - 3 * 3600),
        Lang::En => fmt("MSK", secs - 3 * 3600),
    };
    (fmt("UTC", secs), msk)
}

/// A channel as the documents name it in running text; an `other` channel by the name
/// its owner gave it.
pub fn channel_name(c: &crate::model::business::Channel, lang: Lang) -> &str {
    match (c.id.value, lang) {
        (ChannelKind::Whatsapp, _) => "WhatsApp",
        (ChannelKind::Telegram, _) => "Telegram",
        (ChannelKind::Instagram, _) => "Instagram",
        (ChannelKind::Vk, Lang::Ru) => "ВКонтакте",
        (ChannelKind::Vk, Lang::En) => "VK",
        (ChannelKind::Max, _) => "MAX",
        (ChannelKind::Website, Lang::Ru) => "чат на сайте",
        (ChannelKind::Website, Lang::En) => "website chat",
        (ChannelKind::Phone, Lang::Ru) => "телефон",
        (ChannelKind::Phone, Lang::En) => "phone",
        (ChannelKind::Sms, _) => "SMS",
        (ChannelKind::Email, Lang::Ru) => "электронная почта",
        (ChannelKind::Email, Lang::En) => "e-mail",
        (ChannelKind::Other, _) => c.own_name().unwrap_or("other"),
    }
}

/// The names of the business's channels that `keep` selects, in the config's order.
pub fn channel_names(
    b: &Business,
    keep: impl Fn(&crate::model::business::Channel) -> bool,
) -> Vec<String> {
    let lang = b.lang();
    b.channels
        .iter()
        .filter(|c| keep(c))
        .map(|c| channel_name(c, lang).to_owned())
        .collect()
}

/// A processor named like one of Meta's services, whose status the documents must state.
pub fn is_meta_name(name: &str) -> bool {
    let n = name.to_lowercase();
    ["meta", "whatsapp", "instagram", "facebook"]
        .iter()
        .any(|m| n.contains(m))
}

/// What a processor does, as the PD documents name it.
pub fn role_name(role: ProcessorRole, lang: Lang) -> &'static str {
    match (role, lang) {
        (ProcessorRole::Crm, Lang::Ru) => "CRM-система",
        (ProcessorRole::Crm, Lang::En) => "CRM",
        (ProcessorRole::Ai, Lang::Ru) => "ИИ-сервис",
        (ProcessorRole::Ai, Lang::En) => "AI service",
        (ProcessorRole::Messenger, Lang::Ru) => "мессенджер",
        (ProcessorRole::Messenger, Lang::En) => "messenger",
        (ProcessorRole::Sms, Lang::Ru) => "SMS-рассылка",
        (ProcessorRole::Sms, Lang::En) => "SMS gateway",
        (ProcessorRole::Payments, Lang::Ru) => "приём платежей",
        (ProcessorRole::Payments, Lang::En) => "payments",
        (ProcessorRole::Hosting, Lang::Ru) => "хостинг",
        (ProcessorRole::Hosting, Lang::En) => "hosting",
        (ProcessorRole::Other, Lang::Ru) => "прочее",
        (ProcessorRole::Other, Lang::En) => "other",
    }
}

/// The country of an ISO 3166 alpha-2 code; the code itself for one not listed.
pub fn country_name(code: &str, lang: Lang) -> String {
    let names: &[(&str, &str, &str)] = &[
        ("RU", "Российская Федерация", "Russian Federation"),
        ("US", "США", "United States"),
        ("AE", "ОАЭ", "United Arab Emirates"),
        ("DE", "Германия", "Germany"),
        ("NL", "Нидерланды", "Netherlands"),
        ("IE", "Ирландия", "Ireland"),
        ("GB", "Великобритания", "United Kingdom"),
        ("FI", "Финляндия", "Finland"),
        ("KZ", "Казахстан", "Kazakhstan"),
        ("BY", "Беларусь", "Belarus"),
        ("AM", "Армения", "Armenia"),
        ("SG", "Сингапур", "Singapore"),
        ("CN", "Китай", "China"),
        ("TR", "Турция", "Turkey"),
    ];
    let upper = code.to_ascii_uppercase();
    names
        .iter()
        .find(|(c, _, _)| *c == upper)
        .map_or(upper.clone(), |(_, ru, en)| match lang {
            Lang::Ru => (*ru).to_owned(),
            Lang::En => (*en).to_owned(),
        })
}

pub fn branch_name(b: Branch, lang: Lang) -> &'static str {
    match (b, lang) {
        (Branch::Booking, Lang::Ru) => "запись",
        (Branch::Booking, Lang::En) => "booking",
        (Branch::Cancel, Lang::Ru) => "отмена и перенос",
        (Branch::Cancel, Lang::En) => "cancellation and rescheduling",
        (Branch::Price, Lang::Ru) => "вопросы о цене",
        (Branch::Price, Lang::En) => "price questions",
        (Branch::Promo, Lang::Ru) => "акции",
        (Branch::Promo, Lang::En) => "promotions",
        (Branch::Callback, Lang::Ru) => "обратный звонок",
        (Branch::Callback, Lang::En) => "callback",
    }
}

/// [`slot_name`] in the business's own words: the amount is that of what the business
/// sells (a clinic's treatment plan, a school's contract), as [`OrderWords`] name it.
pub fn business_slot_name(s: Slot, b: &Business) -> String {
    match (s, b.lang()) {
        (Slot::Amount, Lang::Ru) => format!("сумма {}", OrderWords::new(b).genitive),
        (Slot::Amount, Lang::En) => format!("{} amount", OrderWords::new(b).nom),
        (s, lang) => slot_name(s, lang).to_owned(),
    }
}

pub fn slot_name(s: Slot, lang: Lang) -> &'static str {
    match (s, lang) {
        (Slot::Name, Lang::Ru) => "имя",
        (Slot::Name, Lang::En) => "name",
        (Slot::Phone, Lang::Ru) => "телефон",
        (Slot::Phone, Lang::En) => "phone",
        (Slot::Email, _) => "e-mail",
        (Slot::Service, Lang::Ru) => "услуга",
        (Slot::Service, Lang::En) => "service",
        (Slot::PreferredTime, Lang::Ru) => "желаемое время",
        (Slot::PreferredTime, Lang::En) => "preferred time",
        (Slot::Comment, Lang::Ru) => "комментарий",
        (Slot::Comment, Lang::En) => "comment",
        (Slot::Channel, Lang::Ru) => "канал",
        (Slot::Channel, Lang::En) => "channel",
        (Slot::Location, Lang::Ru) => "филиал",
        (Slot::Location, Lang::En) => "location",
        (Slot::Amount, Lang::Ru) => "сумма заказа",
        (Slot::Amount, Lang::En) => "order amount",
        (Slot::ConsentVersion, Lang::Ru) => "версия согласия",
        (Slot::ConsentVersion, Lang::En) => "consent version",
    }
}

/// How a person on duty is called, as running text names it.
pub fn notify_name(n: Notify, lang: Lang) -> &'static str {
    match (n, lang) {
        (Notify::BitrixTask, Lang::Ru) => "задача в Битрикс24",
        (Notify::BitrixTask, Lang::En) => "a Bitrix24 task",
        (Notify::Telegram, Lang::Ru) => "сообщение в дежурный Telegram",
        (Notify::Telegram, Lang::En) => "a message to the duty Telegram",
        (Notify::Sms, Lang::Ru) => "SMS на телефон дежурного",
        (Notify::Sms, Lang::En) => "an SMS to the duty phone",
        (Notify::Email, Lang::Ru) => "письмо дежурному",
        (Notify::Email, Lang::En) => "an e-mail to the person on duty",
    }
}

pub fn stage_meaning(s: StageSemantics, lang: Lang) -> &'static str {
    match (s, lang) {
        (StageSemantics::InProgress, Lang::Ru) => "в работе",
        (StageSemantics::InProgress, Lang::En) => "in progress",
        (StageSemantics::Success, Lang::Ru) => "успешное завершение",
        (StageSemantics::Success, Lang::En) => "success",
        (StageSemantics::Failure, Lang::Ru) => "неуспешное завершение",
        (StageSemantics::Failure, Lang::En) => "failure",
    }
}

/// The CRM as the documents name it.
pub fn crm_system(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Битрикс24",
        Lang::En => "Bitrix24",
    }
}

/// What the bot says when it hands a dialogue to a person: `[bot].texts.fallback`, or the
/// built-in text.
pub fn fallback_text(b: &Business) -> String {
    b.bot
        .texts
        .as_ref()
        .and_then(|t| t.fallback.as_ref())
        .map_or_else(
            || {
                pick(
                    b.lang(),
                    "Не хочу ошибиться с ответом — передаю ваш вопрос администратору, он скоро свяжется с вами.",
                    "I don't want to get this wrong, so I am passing your question to an administrator, who will be in touch shortly.",
                )
            },
            |f| f.value.clone(),
        )
}

/// Labels of the standard Bitrix24 lead fields a config may require.
pub fn standard_field(code: &str, lang: Lang) -> String {
    let ru = match code {
        "NAME" => "Имя",
        "LAST_NAME" => "Фамилия",
        "SECOND_NAME" => "Отчество",
        "PHONE" => "Телефон",
        "EMAIL" => "E-mail",
        "IM" => "Мессенджер",
        "SOURCE_ID" => "Источник",
        "SOURCE_DESCRIPTION" => "Описание источника",
        "TITLE" => "Название",
        "COMMENTS" => "Комментарий",
        "ASSIGNED_BY_ID" => "Ответственный",
        "OPPORTUNITY" => "Сумма",
        "UTM_SOURCE" => "UTM-источник",
        "UTM_MEDIUM" => "UTM-канал",
        "UTM_CAMPAIGN" => "UTM-кампания",
        _ => return code.to_owned(),
    };
    if lang == Lang::Ru {
        return ru.to_owned();
    }
    match code {
        "NAME" => "First name",
        "LAST_NAME" => "Last name",
        "SECOND_NAME" => "Middle name",
        "PHONE" => "Phone",
        "EMAIL" => "E-mail",
        "IM" => "Messenger",
        "SOURCE_ID" => "Source",
        "SOURCE_DESCRIPTION" => "Source description",
        "TITLE" => "Title",
        "COMMENTS" => "Comment",
        "ASSIGNED_BY_ID" => "Responsible",
        "OPPORTUNITY" => "Amount",
        "UTM_SOURCE" => "UTM source",
        "UTM_MEDIUM" => "UTM medium",
        _ => "UTM campaign",
    }
    .to_owned()
}

/// A bot text as a document quotes it: each runtime placeholder (`{client_name}`) becomes
/// what staff see in its place, in curly brackets — «{имя}», "{name}".
pub fn placeholders_in_words(text: &str, lang: Lang) -> String {
    let names: &[(&str, &str, &str)] = &[
        ("client_name", "имя", "name"),
        ("client_phone", "телефон", "phone"),
        ("service", "услуга", "service"),
        ("visit_date", "дата", "date"),
        ("visit_time", "время", "time"),
        ("keyword", "ключевое слово", "keyword"),
        ("reason", "причина эскалации", "reason"),
        ("lead_url", "ссылка на карточку", "card link"),
    ];
    let mut out = text.to_owned();
    for (key, ru, en) in names {
        let word = match lang {
            Lang::Ru => ru,
            Lang::En => en,
        };
        out = out.replace(&format!("{{{key}}}"), &format!("{{{word}}}"));
    }
    out
}
