//! B310: the bot keeps the location's hours, night mode, time zone and language.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::strings;
use crate::lint::{Context, Rule, Scope};
use crate::model::hours::{DAYS, WorkingHours};
use crate::model::read::ParseStr;

pub const RULE: Rule = Rule {
    code: "B310",
    name: "bot-hours-timezone",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's hours, night mode or time zone differ from the location's",
        ru: "часы работы, ночной режим или часовой пояс бота расходятся с филиалом",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The bot config's `hours` cover the same days and times as the
location's `hours`, `night_mode` equals the location's, `timezone` is the location's
`timezone`, and `lang` is `[business].lang`.

**Why it matters.** The bot decides from these whether a person is on shift (and so whether
to promise a call back now or in the morning) and when a reminder goes out. Hours off by the
Omsk–Ufa hour, or a bot that thinks night mode is off, breaks the SOP's night-mode section
and the response SLA.

**Example.**

```json
"timezone": "Asia/Yekaterinburg"    // in bot/omsk.json; Omsk is Asia/Omsk
```

**How to fix.** Run `regl lint --fix` (it mends the values in place and keeps the team's texts; `regl export --bot-configs` rewrites the file when the team has no edits to keep), or change the location in
`business.toml` if its hours really changed."#,
        ru: r#"**Что проверяет.** `hours` в конфигурации бота покрывают те же дни и часы, что и
`hours` филиала; `night_mode` совпадает с филиалом, `timezone` — с `timezone` филиала, а
`lang` — с `[business].lang`.

**Почему это важно.** По этим значениям бот решает, есть ли сотрудник на смене (а значит,
обещать ли перезвонить сейчас или утром) и когда отправить напоминание. Часы, сдвинутые на
час разницы между Омском и Уфой, или бот, который считает ночной режим выключенным, ломают
раздел регламента о ночном режиме и SLA ответа.

**Пример.**

```json
"timezone": "Asia/Yekaterinburg"    // в bot/omsk.json; у Омска — Asia/Omsk
```

**Как исправить.** Запустите `regl lint --fix` (он исправит значения на месте и сохранит тексты команды; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно) или измените филиал
в `business.toml`, если его часы действительно изменились."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        let loc = doc.location;
        let id = loc.id.as_str();
        match doc.need(
            "B310",
            &["timezone"],
            Text::new("an IANA time zone", "часовой пояс IANA"),
            |v| v.as_str().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if v.as_str() != Some(loc.timezone.0.as_str()) => {
                let (bot, tz) = (v.as_str().unwrap_or_default(), &loc.timezone.0);
                out.push(doc.drift(
                    "B310",
                    t!(
                        "the bot of `{id}` keeps time in {bot}, the location in {tz}",
                        "бот филиала `{id}` считает время по {bot}, а филиал — по {tz}"
                    ),
                    v.span.clone(),
                    t!("the bot's time zone", "часовой пояс бота"),
                    (
                        cx.file,
                        loc.timezone.span.clone(),
                        t!("the location's", "часовой пояс филиала"),
                    ),
                    t!(
                        "set \"timezone\": \"{tz}\" (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "задайте \"timezone\": \"{tz}\" (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
            Ok(_) => {}
        }
        match doc.need(
            "B310",
            &["night_mode"],
            Text::new("true or false", "true или false"),
            |v| v.as_bool().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if v.as_bool() != Some(loc.night_mode()) => {
                let on = Text::new("on", "включён");
                let off = Text::new("off", "выключен");
                let (bot, location) = if loc.night_mode() {
                    (off, on)
                } else {
                    (on, off)
                };
                let want = loc.night_mode();
                out.push(doc.drift(
                    "B310",
                    t!(
                        "the bot of `{id}` has night mode {bot}, the location {location}",
                        "у бота филиала `{id}` ночной режим {bot}, а у филиала — {location}",
                        id = id,
                        bot = bot,
                        location = location,
                    ),
                    v.span.clone(),
                    t!("the bot's night mode", "ночной режим бота"),
                    (
                        cx.file,
                        loc.night_mode
                            .as_ref()
                            .map_or(loc.id.span.clone(), |n| n.span.clone()),
                        t!("the location's", "ночной режим филиала"),
                    ),
                    t!(
                        "set \"night_mode\": {want} (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "задайте \"night_mode\": {want} (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
            Ok(_) => {}
        }
        let lang = cx.business.lang().as_str();
        match doc.need(
            "B310",
            &["lang"],
            Text::new("\"ru\" or \"en\"", "\"ru\" или \"en\""),
            |v| v.as_str().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if v.as_str() != Some(lang) => {
                let bot = v.as_str().unwrap_or_default();
                let mut d = Diagnostic::finding(
                    "B310",
                    Severity::Error,
                    t!(
                        "the bot of `{id}` speaks `{bot}`, the documents `{lang}`",
                        "бот филиала `{id}` говорит на `{bot}`, а документы написаны на `{lang}`"
                    ),
                )
                .at(
                    doc.file,
                    v.span.clone(),
                    t!("the bot's language", "язык бота"),
                );
                if let Some(l) = &cx.business.business.lang {
                    d = d.also(
                        cx.file,
                        l.span.clone(),
                        t!("the documents' language", "язык документов"),
                    );
                }
                out.push(d.hint(t!(
                    "set \"lang\": \"{lang}\" (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                    "задайте \"lang\": \"{lang}\" (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                )));
            }
            Ok(_) => {}
        }
        hours(cx, &doc, out);
    }
}

/// Each weekday of `hours` holds the location's ranges for that day, a break as two ranges.
fn hours(cx: &Context<'_>, doc: &crate::lint::bot::BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let loc = doc.location;
    let id = loc.id.as_str();
    let want = coverage(
        &loc.hours
            .iter()
            .flat_map(|h| h.ranges.iter().map(|&(a, b)| (h.days, a, b)))
            .collect::<Vec<_>>(),
    );
    for (i, day) in DAYS.iter().enumerate() {
        let v = match doc.need(
            "B310",
            &["hours", day],
            Text::new(
                "a list of ranges such as [\"09:00-13:00\", \"14:00-21:00\"]",
                "список интервалов, например [\"09:00-13:00\", \"14:00-21:00\"]",
            ),
            |v| v.as_array().is_some(),
        ) {
            Err(d) => {
                out.push(d);
                return;
            }
            Ok(v) => v,
        };
        let mut have = Vec::new();
        for (s, span) in strings(v) {
            match WorkingHours::parse_str(&format!("{day} {s}")) {
                Ok(h) => have.extend(h.ranges),
                Err(e) => {
                    out.push(
                        Diagnostic::finding(
                            "B310",
                            Severity::Error,
                            t!(
                                "the bot of `{id}` has unreadable hours: {e}",
                                "у бота филиала `{id}` нечитаемые часы работы: {e}",
                                id = id,
                                e = e,
                            ),
                        )
                        .at(
                            doc.file,
                            span,
                            t!("not a range HH:MM-HH:MM", "это не интервал ЧЧ:ММ-ЧЧ:ММ"),
                        )
                        .hint(t!(
                            "write each range as \"HH:MM-HH:MM\", e.g. \"09:00-21:00\"",
                            "пишите каждый интервал как \"ЧЧ:ММ-ЧЧ:ММ\", например \"09:00-21:00\""
                        )),
                    );
                    return;
                }
            }
        }
        have.sort_unstable();
        if have != want[i] {
            let listed = want[i]
                .iter()
                .map(|(a, b)| {
                    format!(
                        "\"{}-{}\"",
                        WorkingHours::fmt_time(*a),
                        WorkingHours::fmt_time(*b)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            out.push(doc.drift(
                "B310",
                t!(
                    "the bot of `{id}` keeps other working hours on `{day}` than the location ([{listed}])",
                    "у бота филиала `{id}` в `{day}` другие часы работы, чем у филиала ([{listed}])"
                ),
                v.span.clone(),
                t!("the bot's hours", "часы работы бота"),
                (
                    cx.file,
                    loc.hours.span.clone(),
                    t!("the location's hours", "часы работы филиала"),
                ),
                t!(
                    "set \"{day}\": [{listed}] ({fix})",
                    "задайте \"{day}\": [{listed}] ({fix})",
                    day = *day,
                    listed = listed,
                    fix = crate::lint::bot::fix_hint(),
                ),
            ));
        }
    }
}

/// Per weekday, the sorted minute ranges: two lists that mean the same compare equal.
fn coverage(ranges: &[(u8, u16, u16)]) -> [Vec<(u16, u16)>; 7] {
    let mut out: [Vec<(u16, u16)>; 7] = Default::default();
    for &(days, start, end) in ranges {
        for (d, slot) in out.iter_mut().enumerate() {
            if days & (1 << d) != 0 {
                slot.push((start, end));
            }
        }
    }
    for slot in &mut out {
        slot.sort_unstable();
    }
    out
}
