//! What the templates see: the validated [`Business`] and one [`Location`], flattened and
//! pre-formatted in the business's language.
//!
//! Templates do no arithmetic and no grammar: every duration arrives in words in three
//! cases, money with its separators, dates spelt out, and every comparison a document
//! states (which reminders arrive inside the free-cancellation window, which processors are
//! abroad) is computed here, from the config alone, so no figure in a document is invented.
//!
//! A duration is an object `{ s, nom, gen, acc }`: `{{ sla.lead_to_crm.nom }}` prints
//! «30 минут», `.gen` «30 минут» after «в течение», `.acc` «1 минуту» after «за».

use chrono::{Offset, TimeZone};
use serde_json::{Value, json};
use tera::Context;

use super::typography::{
    Case, fmt_date, fmt_decimal, fmt_duration_case, fmt_money, fmt_number, fmt_share,
};
use crate::model::business::{Business, Location, Processor};
use crate::model::duration::Duration;
use crate::model::enums::{
    Branch, ChannelKind, ConsentMoment, CrmMode, Lang, Notify, ProcessorRole, Slot, StageSemantics,
};
use crate::model::hours::{DAYS, WorkingHours};

/// Everything the templates need for one location's documents.
// One-letter names here are the config's sections (`b`usiness, `e`scalation…), read once each.
#[allow(clippy::many_single_char_names)]
pub fn build(b: &Business, loc: &Location) -> Context {
    let lang = b.lang();
    let l = |ru: &str, en: &str| -> String {
        match lang {
            Lang::Ru => ru.to_owned(),
            Lang::En => en.to_owned(),
        }
    };
    let d = |x: Duration| dur(x, lang);
    let mut ctx = Context::new();
    ctx.insert("lang", lang.as_str());

    // ---- the business and its document control ----
    let info = &b.business;
    ctx.insert(
        "business",
        &json!({
            "name": info.name.as_str(),
            "legal_name": info.legal_name.as_str(),
            "inn": info.inn.0,
            "ogrn": info.ogrn.0,
            // OGRNIP has 15 digits: a sole trader, whose documents say so.
            "ogrn_label": if info.ogrn.0.len() == 15 { l("ОГРНИП", "OGRNIP") } else { l("ОГРН", "OGRN") },
            "sole_trader": info.ogrn.0.len() == 15,
            "kpp": info.kpp.as_ref().map_or("", |k| k.as_str()),
            "legal_address": info.legal_address.as_str(),
            "segment": info.segment.as_str(),
            "website": info.website.as_ref().map_or("", |w| w.0.as_str()),
            "pd_officer": {
                "name": info.pd_officer.name.as_str(),
                "email": info.pd_officer.email.0,
                "phone": info.pd_officer.phone.pretty(),
            },
        }),
    );
    let doc = &b.document;
    ctx.insert(
        "document",
        &json!({
            "version": doc.version.as_str(),
            "effective_date": fmt_date(*doc.effective_date, lang),
            "effective_date_iso": doc.effective_date.to_string(),
            "review_every": d(*doc.review_every),
            "owner": doc.owner.as_str(),
            "approved_by": doc.approved_by.as_str(),
        }),
    );

    // ---- the location ----
    let hours: Vec<String> = loc.hours.iter().map(|h| fmt_hours(h, lang)).collect();
    let closed = closed_days(&loc.hours, lang);
    let duty = &loc.duty;
    let (tz_offset, tz_msk) = utc_offset(loc, *doc.effective_date, lang);
    ctx.insert(
        "location",
        &json!({
            "id": loc.id.as_str(),
            "city": loc.city.as_str(),
            "address": loc.address.as_str(),
            "timezone": loc.timezone.0,
            "utc_offset": tz_offset,
            "msk_offset": tz_msk,
            "phone": loc.phone.pretty(),
            "hours": hours,
            "hours_text": hours.join("; "),
            "closed_days": closed,
            "night_mode": loc.night_mode(),
            "duty": {
                "name": duty.name.as_str(),
                "phone": duty.phone.as_ref().map_or(String::new(), |p| p.pretty()),
                "telegram": duty.telegram.as_ref().map_or("", |t| t.as_str()),
                "email": duty.email.as_ref().map_or("", |e| e.0.as_str()),
            },
            "escalation_tag": loc.escalation_tag.as_str(),
        }),
    );

    // ---- channels and service levels ----
    let channels: Vec<Value> = b
        .channels
        .iter()
        .map(|c| {
            let sla = b.channel_sla(c);
            let overridden = [
                c.sla.ai_first_response.is_some(),
                c.sla.human_first_response.is_some(),
                c.sla.lead_to_crm.is_some(),
                c.sla.booking_confirmation.is_some(),
                c.sla.escalation_response.is_some(),
            ]
            .contains(&true);
            json!({
                "id": c.id.as_str(),
                "name": channel_name(*c.id, lang),
                "bot": c.bot(),
                "reminders": c.reminders(),
                "cross_border": c.cross_border(),
                "meta": c.id.is_meta(),
                "source_id": c.source_id.as_ref().map_or("", |s| s.as_str()),
                "overridden": overridden,
                "sla": {
                    "ai_first_response": d(sla.ai_first_response),
                    "human_first_response": d(sla.human_first_response),
                    "lead_to_crm": d(sla.lead_to_crm),
                    "booking_confirmation": d(sla.booking_confirmation),
                    "escalation_response": d(sla.escalation_response),
                },
            })
        })
        .collect();
    let names = |pred: &dyn Fn(&Value) -> bool| -> Vec<Value> {
        channels
            .iter()
            .filter(|c| pred(c))
            .map(|c| c["name"].clone())
            .collect()
    };
    let flag = |key: &'static str| move |c: &Value| c[key].as_bool() == Some(true);
    ctx.insert("bot_channels", &names(&flag("bot")));
    ctx.insert("human_channels", &names(&|c: &Value| c["bot"] != true));
    ctx.insert("reminder_channels", &names(&flag("reminders")));
    ctx.insert("cross_border_channels", &names(&flag("cross_border")));
    ctx.insert("channel_names", &names(&|_| true));
    ctx.insert("channels", &channels);

    let sla = &b.sla;
    let reminders: Vec<Value> = sla.reminders.iter().map(|r| d(**r)).collect();
    let t = &sla.targets;
    ctx.insert(
        "sla",
        &json!({
            "ai_first_response": d(*sla.ai_first_response),
            "human_first_response": d(*sla.human_first_response),
            "lead_to_crm": d(*sla.lead_to_crm),
            "booking_confirmation": d(*sla.booking_confirmation),
            "escalation_response": d(*sla.escalation_response),
            "reminders": reminders,
            "nps_survey_after": d(*sla.nps_survey_after),
            "targets": {
                "bot_handled_share": fmt_share(t.bot_handled_share.0, lang),
                "lead_to_booking": fmt_share(t.lead_to_booking.0, lang),
                "confirmed_bookings": fmt_share(t.confirmed_bookings.0, lang),
                "no_show_max": fmt_share(t.no_show_max.0, lang),
            },
        }),
    );

    // ---- services ----
    let service_name = |id: &str| {
        b.services
            .iter()
            .find(|s| s.id.as_str() == id)
            .map_or_else(|| id.to_owned(), |s| s.name.value.clone())
    };
    let services: Vec<Value> = b
        .services
        .iter()
        .map(|s| {
            let pct = s.prepayment_percent.as_ref().map_or(0, |p| p.0);
            let prepay = s.price_from.0 * u64::from(pct) / 100;
            let upsell: Vec<String> = s
                .upsell
                .as_ref()
                .map(|u| u.iter().map(|id| service_name(id.as_str())).collect())
                .unwrap_or_default();
            json!({
                "id": s.id.as_str(),
                "name": s.name.as_str(),
                "price_from": fmt_money(s.price_from.0, lang),
                "duration": d(*s.duration),
                "prepayment_percent": pct,
                "prepayment_share": fmt_share(f64::from(pct) / 100.0, lang),
                "prepayment_from": fmt_money(prepay, lang),
                "upsell": upsell,
            })
        })
        .collect();
    let prepaid: Vec<Value> = services
        .iter()
        .filter(|s| s["prepayment_percent"].as_u64().is_some_and(|p| p > 0))
        .cloned()
        .collect();
    ctx.insert("services", &services);
    ctx.insert("prepaid_services", &prepaid);

    // ---- the bot ----
    let bot = &b.bot;
    let texts = bot.texts.clone().unwrap_or_default();
    let greeting = texts.greeting.map_or_else(
        || match lang {
            Lang::Ru => format!(
                "Здравствуйте! Это {}, на связи {} — виртуальный ассистент. Помогу записаться, подскажу цены и свободное время.",
                info.name.as_str(),
                bot.name.as_str()
            ),
            Lang::En => format!(
                "Hello! This is {}; I am {}, the virtual assistant. I can book you in and tell you about prices and free times.",
                info.name.as_str(),
                bot.name.as_str()
            ),
        },
        |g| g.value,
    );
    let fallback = texts.fallback.map_or_else(
        || {
            l(
                "Не хочу ошибиться с ответом — передаю ваш вопрос администратору, он скоро свяжется с вами.",
                "I don't want to get this wrong, so I am passing your question to an administrator, who will be in touch shortly.",
            )
        },
        |f| f.value,
    );
    ctx.insert(
        "bot",
        &json!({
            "name": bot.name.as_str(),
            "branches": bot.branches.iter().map(|br| branch_name(**br, lang)).collect::<Vec<_>>(),
            "qualification": bot.qualification.iter().map(|s| slot_name(**s, lang)).collect::<Vec<_>>(),
            "upsell": bot.upsell.as_ref().is_some_and(|u| u.value),
            "greeting": greeting,
            "fallback": fallback,
        }),
    );

    // ---- escalation ----
    let e = &b.escalation;
    let notify: Vec<&str> = e.notify.iter().map(|n| n.as_str()).collect();
    ctx.insert(
        "escalation",
        &json!({
            "keywords": e.keywords.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            "min_confidence": fmt_decimal(e.min_confidence.0, lang),
            "min_confidence_share": fmt_share(e.min_confidence.0, lang),
            "max_bot_turns": *e.max_bot_turns,
            "max_bot_turns_words": count_words(u64::from(*e.max_bot_turns), ("ход", "хода", "ходов"), ("turn", "turns"), lang),
            // After «более» Russian wants the genitive: «более 2 ходов», «более 1 хода».
            "max_bot_turns_gen": count_words(u64::from(*e.max_bot_turns), ("хода", "ходов", "ходов"), ("turn", "turns"), lang),
            "amount_over": fmt_money(e.amount_over.0, lang),
            "urgent_cancel_within": d(*e.urgent_cancel_within),
            "notify": notify,
            "notify_names": e.notify.iter().map(|n| notify_name(**n, lang)).collect::<Vec<_>>(),
            "bitrix_task": notify.contains(&Notify::BitrixTask.as_str()),
            "telegram": notify.contains(&Notify::Telegram.as_str()),
            "sms": notify.contains(&Notify::Sms.as_str()),
            "email": notify.contains(&Notify::Email.as_str()),
        }),
    );

    // ---- cancellation ----
    let c = &b.cancellation;
    let free = c.free_until.secs();
    let relation: Vec<Value> = sla
        .reminders
        .iter()
        .map(|r| {
            let r = r.secs();
            let (when, margin) = match r.cmp(&free) {
                std::cmp::Ordering::Greater => ("before", r - free),
                std::cmp::Ordering::Equal => ("at", 0),
                std::cmp::Ordering::Less => ("after", free - r),
            };
            json!({
                "offset": d(Duration::from_secs(r)),
                "when": when,
                "margin": d(Duration::from_secs(margin)),
                "urgent": r <= e.urgent_cancel_within.secs(),
            })
        })
        .collect();
    ctx.insert(
        "cancellation",
        &json!({
            "free_until": d(*c.free_until),
            "reschedule_max": *c.reschedule_max,
            "reschedule_max_words": count_words(u64::from(*c.reschedule_max), ("раз", "раза", "раз"), ("time", "times"), lang),
            "reschedule_max_gen": count_words(u64::from(*c.reschedule_max), ("раза", "раз", "раз"), ("time", "times"), lang),
            "late_fee_percent": c.late_fee_percent.as_ref().map_or(0, |p| p.0),
            "no_show_fee_percent": c.no_show_fee_percent.as_ref().map_or(0, |p| p.0),
            "reminders": relation,
        }),
    );

    // ---- personal data ----
    let pd = &b.pd;
    let processors: Vec<Value> = pd.processors.iter().map(|p| processor(p, lang)).collect();
    let special: Vec<&str> = pd.special_categories().iter().map(|s| s.as_str()).collect();
    // The Meta services the business actually uses, named as the documents name them.
    let mut meta_services: Vec<String> = b
        .channels
        .iter()
        .filter(|c| c.id.is_meta())
        .map(|c| channel_name(*c.id, lang).to_owned())
        .collect();
    if meta_services.is_empty() {
        meta_services = pd
            .processors
            .iter()
            .filter(|p| is_meta_name(&p.name))
            .map(|p| p.name.value.clone())
            .collect();
    }
    let has_meta = !meta_services.is_empty();
    let storage_in = if pd.storage_country.eq_ignore_ascii_case("RU") {
        l("в Российской Федерации", "in the Russian Federation")
    } else {
        let name = country_name(&pd.storage_country, lang);
        l(&format!("в стране: {name}"), &format!("in {name}"))
    };
    ctx.insert(
        "pd",
        &json!({
            "purposes": pd.purposes.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
            "categories": pd.categories.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
            "special_categories": special,
            "has_special": !special.is_empty(),
            "written_consent": pd.written_consent(),
            "retention": pd.retention.as_ref().map(|r| d(**r)),
            "has_retention": pd.retention.is_some(),
            "chat_retention": d(*pd.chat_retention),
            "storage_country": pd.storage_country.as_str(),
            "storage_country_name": country_name(&pd.storage_country, lang),
            "breach_notice": d(*pd.breach_notice),
            "consent_first_message": *pd.consent == ConsentMoment::FirstMessage,
            "policy_url": pd.policy_url.as_ref().map_or("", |u| u.0.as_str()),
            "consent_url": pd.consent_url.as_ref().map_or("", |u| u.0.as_str()),
            "processors": processors,
            "foreign_processors": processors.iter().filter(|p| p["abroad"] == true).cloned().collect::<Vec<_>>(),
            "has_meta": has_meta,
            "meta_services": meta_services,
            "storage_in": storage_in,
        }),
    );

    // ---- CRM ----
    let crm = &b.crm;
    let required: Vec<Value> = crm
        .required
        .iter()
        .map(|code| {
            let label = crm
                .fields
                .iter()
                .find(|f| f.code.as_str() == code.as_str())
                .map_or_else(|| standard_field(code, lang), |f| f.label.value.clone());
            json!({ "code": code.as_str(), "label": label })
        })
        .collect();
    let fields: Vec<Value> = crm
        .fields
        .iter()
        .map(|f| {
            json!({
                "code": f.code.as_str(),
                "label": f.label.as_str(),
                "type": f.kind.as_str(),
                "slot": slot_name(*f.slot, lang),
                "values": f.values.as_ref().map(|v| v.iter().map(|x| x.as_str()).collect::<Vec<_>>()).unwrap_or_default(),
                "required": crm.required.iter().any(|r| r.as_str() == f.code.as_str()),
            })
        })
        .collect();
    let stages: Vec<Value> = crm
        .stages
        .iter()
        .map(|s| {
            let sem = s.semantics.as_ref().map_or(StageSemantics::InProgress, |x| x.value);
            json!({ "id": s.id.as_str(), "name": s.name.as_str(), "semantics": stage_meaning(sem, lang) })
        })
        .collect();
    let consent_field = crm
        .fields
        .iter()
        .find(|f| *f.slot == Slot::ConsentVersion)
        .map_or("", |f| f.label.as_str());
    ctx.insert(
        "crm",
        &json!({
            "consent_field": consent_field,
            "system": l("Битрикс24", "Bitrix24"),
            "portal": crm.portal.as_str(),
            "simple_mode": *crm.mode == CrmMode::Simple,
            "card": if *crm.mode == CrmMode::Simple { l("сделка и контакт", "deal and contact") } else { l("лид", "lead") },
            "required": required,
            "fields": fields,
            "stages": stages,
            "tags": crm.tags.as_ref().map(|t| t.iter().map(|x| x.as_str()).collect::<Vec<_>>()).unwrap_or_default(),
            "sources": crm.sources.as_ref().map(|s| s.iter().map(|x| json!({"id": x.id.as_str(), "name": x.name.as_str()})).collect::<Vec<_>>()).unwrap_or_default(),
        }),
    );
    ctx
}

/// A duration in words in the three cases the documents need, with its seconds.
fn dur(x: Duration, lang: Lang) -> Value {
    json!({
        "s": x.secs(),
        "nom": fmt_duration_case(x.secs(), lang, Case::Nom),
        "gen": fmt_duration_case(x.secs(), lang, Case::Gen),
        "acc": fmt_duration_case(x.secs(), lang, Case::Acc),
    })
}

fn count_words(n: u64, ru: (&str, &str, &str), en: (&str, &str), lang: Lang) -> String {
    match lang {
        Lang::Ru => format!(
            "{}\u{a0}{}",
            fmt_number(n, lang),
            super::typography::plural_ru(n, ru.0, ru.1, ru.2)
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

/// «пн–пт 09:00–21:00».
fn fmt_hours(h: &WorkingHours, lang: Lang) -> String {
    if h.days == 0x7f {
        let all = match lang {
            Lang::Ru => "ежедневно",
            Lang::En => "daily",
        };
        return format!(
            "{all} {}–{}",
            WorkingHours::fmt_time(h.start),
            WorkingHours::fmt_time(h.end)
        );
    }
    format!(
        "{} {}–{}",
        fmt_days(h.days, lang),
        WorkingHours::fmt_time(h.start),
        WorkingHours::fmt_time(h.end)
    )
}

/// The days no line of `hours` covers: «вс», or "" when the location works every day.
fn closed_days(hours: &[crate::model::read::Sp<WorkingHours>], lang: Lang) -> String {
    let open = hours.iter().fold(0u8, |m, h| m | h.days);
    fmt_days(!open & 0x7f, lang)
}

/// ("UTC+5", "МСК+2") for the location's zone on the effective date.
fn utc_offset(loc: &Location, on: chrono::NaiveDate, lang: Lang) -> (String, String) {
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

/// A channel as the documents name it in running text.
pub(crate) fn channel_name(c: ChannelKind, lang: Lang) -> &'static str {
    match (c, lang) {
        (ChannelKind::Whatsapp, _) => "WhatsApp",
        (ChannelKind::Telegram, _) => "Telegram",
        (ChannelKind::Instagram, _) => "Instagram",
        (ChannelKind::Vk, Lang::Ru) => "ВКонтакте",
        (ChannelKind::Vk, Lang::En) => "VK",
        (ChannelKind::Website, Lang::Ru) => "чат на сайте",
        (ChannelKind::Website, Lang::En) => "website chat",
        (ChannelKind::Phone, Lang::Ru) => "телефон",
        (ChannelKind::Phone, Lang::En) => "phone",
        (ChannelKind::Sms, _) => "SMS",
        (ChannelKind::Email, Lang::Ru) => "электронная почта",
        (ChannelKind::Email, Lang::En) => "e-mail",
    }
}

fn is_meta_name(name: &str) -> bool {
    let n = name.to_lowercase();
    ["meta", "whatsapp", "instagram", "facebook"]
        .iter()
        .any(|m| n.contains(m))
}

fn processor(p: &Processor, lang: Lang) -> Value {
    let role = match (*p.role, lang) {
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
    };
    json!({
        "name": p.name.as_str(),
        "role": p.role.as_str(),
        "role_name": role,
        "purpose": p.purpose.as_str(),
        "country": p.country.as_str(),
        "country_name": country_name(&p.country, lang),
        "abroad": !p.country.eq_ignore_ascii_case("RU"),
        "meta": is_meta_name(&p.name),
    })
}

/// The country of an ISO 3166 alpha-2 code; the code itself for one not listed.
fn country_name(code: &str, lang: Lang) -> String {
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

fn branch_name(b: Branch, lang: Lang) -> &'static str {
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

fn slot_name(s: Slot, lang: Lang) -> &'static str {
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

fn notify_name(n: Notify, lang: Lang) -> &'static str {
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

fn stage_meaning(s: StageSemantics, lang: Lang) -> &'static str {
    match (s, lang) {
        (StageSemantics::InProgress, Lang::Ru) => "в работе",
        (StageSemantics::InProgress, Lang::En) => "in progress",
        (StageSemantics::Success, Lang::Ru) => "успешное завершение",
        (StageSemantics::Success, Lang::En) => "success",
        (StageSemantics::Failure, Lang::Ru) => "неуспешное завершение",
        (StageSemantics::Failure, Lang::En) => "failure",
    }
}

/// Labels of the standard Bitrix24 lead fields a config may require.
fn standard_field(code: &str, lang: Lang) -> String {
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
