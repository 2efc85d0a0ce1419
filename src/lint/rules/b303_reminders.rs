//! B303: the bot sends the reminders the SLA lists, through the channels it names.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::{secs, strings};
use crate::lint::bot_derived::check_path;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B303",
    name: "bot-reminders",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's reminder offsets or channels differ from the SLA",
        ru: "сроки или каналы напоминаний бота расходятся с SLA",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `reminders.offsets_s` of the bot config holds exactly the offsets of
`[sla].reminders` (in seconds), and `reminders.channels` exactly the channels with
`reminders = true`.

**Why it matters.** Reminders cut no-shows by 15–30 %, and the cancellation policy relies on
them: the client is reminded while free cancellation is still open. A bot that reminds at
other times, or through another channel, makes the policy's promise untrue.

**Example.**

```json
"reminders": { "offsets_s": [86400, 3600], "channels": ["whatsapp"] }
// [sla].reminders = ["24h", "2h", "1h"]: the 2-hour reminder is gone
```

**How to fix.** Run `regl lint --fix` (it mends the values in place and keeps the team's texts; `regl export --bot-configs` rewrites the file when the team has no edits to keep), or change `[sla].reminders` if
the new schedule is what you want."#,
        ru: r#"**Что проверяет.** `reminders.offsets_s` в конфигурации бота содержит ровно сроки из
`[sla].reminders` (в секундах), а `reminders.channels` — ровно каналы с `reminders = true`.

**Почему это важно.** Напоминания сокращают неявки на 15–30 %, и на них опирается политика
отмены: клиенту напоминают, пока бесплатная отмена ещё возможна. Бот, который напоминает в
другое время или через другой канал, делает обещание политики неправдой.

**Пример.**

```json
"reminders": { "offsets_s": [86400, 3600], "channels": ["whatsapp"] }
// [sla].reminders = ["24h", "2h", "1h"]: напоминание за 2 часа пропало
```

**Как исправить.** Запустите `regl lint --fix` (он исправит значения на месте и сохранит тексты команды; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно) или измените
`[sla].reminders`, если новое расписание — то, что вам нужно."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    check_values(cx, out);
    let what = Text::new("the reminders", "Напоминания");
    for doc in cx.bot_docs() {
        check_path(
            &doc,
            "B303",
            &["reminders", "send_between"],
            &[],
            &what,
            out,
        );
        check_path(
            &doc,
            "B303",
            &["reminders", "texts"],
            &["say", "text", "words"],
            &what,
            out,
        );
    }
}

fn check_values(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let mut want: Vec<u64> = b.sla.reminders.iter().map(|r| r.secs()).collect();
    let written: Vec<crate::model::Duration> = b.sla.reminders.iter().map(|r| r.value).collect();
    want.sort_unstable_by(|a, c| c.cmp(a));
    let want_channels: Vec<&str> = b
        .channels
        .iter()
        .filter(|c| c.reminders())
        .map(|c| c.id.value.as_str())
        .collect();
    for doc in cx.bot_docs() {
        let loc = doc.location.id.as_str();
        match doc.need(
            "B303",
            &["reminders", "offsets_s"],
            Text::new("a list of whole seconds", "список целых чисел секунд"),
            |v| {
                v.as_array()
                    .is_some_and(|a| a.iter().all(|i| i.as_u64().is_some()))
            },
        ) {
            Err(d) => out.push(d),
            Ok(v) => {
                let items = v.as_array().unwrap_or_default();
                let mut have: Vec<u64> = items
                    .iter()
                    .filter_map(crate::lint::json::Json::as_u64)
                    .collect();
                have.sort_unstable_by(|a, c| c.cmp(a));
                if have != want {
                    // Point at the first offending item when there is one.
                    let span = items
                        .iter()
                        .find(|i| i.as_u64().is_some_and(|n| !want.contains(&n)))
                        .map_or(v.span.clone(), |i| i.span.clone());
                    let listed = want
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join(", ");
                    out.push(doc.drift(
                        "B303",
                        t!(
                            "the bot of `{loc}` reminds at other times than the SLA: it {what}",
                            "бот филиала `{loc}` напоминает не в те сроки, что указаны в SLA: {what}",
                            loc = loc,
                            what = difference(&written, &want, &have),
                        ),
                        span,
                        t!("the bot's reminder offsets", "сроки напоминаний бота"),
                        (
                            cx.file,
                            b.sla.reminders.span.clone(),
                            t!("the SLA's reminders", "напоминания по SLA"),
                        ),
                        t!(
                            "set \"offsets_s\": [{listed}] (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                            "задайте \"offsets_s\": [{listed}] (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                        ),
                    ));
                }
            }
        }
        match doc.need(
            "B303",
            &["reminders", "channels"],
            Text::new("a list of channel ids", "список идентификаторов каналов"),
            |v| v.as_array().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) => {
                let have = strings(v);
                for (id, span) in &have {
                    if !want_channels.contains(id) {
                        let decl = b.channels.iter().find(|c| c.id.value.as_str() == *id);
                        let toml = decl.map_or(
                            (
                                cx.file,
                                b.sla.reminders.span.clone(),
                                t!(
                                    "reminders are not sent there",
                                    "туда напоминания не отправляются"
                                ),
                            ),
                            |c| {
                                (
                                    cx.file,
                                    c.reminders
                                        .as_ref()
                                        .map_or(c.id.span.clone(), |r| r.span.clone()),
                                    t!(
                                        "no reminders on this channel",
                                        "в этом канале напоминаний нет"
                                    ),
                                )
                            },
                        );
                        out.push(doc.drift(
                            "B303",
                            t!(
                                "the bot of `{loc}` sends reminders through `{id}`, which business.toml does not",
                                "бот филиала `{loc}` отправляет напоминания через `{id}`, а по business.toml — нет"
                            ),
                            span.clone(),
                            t!("not a reminder channel", "не канал напоминаний"),
                            toml,
                            t!(
                                "remove \"{id}\" from reminders.channels, or set `reminders = true` on that channel",
                                "уберите \"{id}\" из reminders.channels или задайте этому каналу `reminders = true`"
                            ),
                        ));
                    }
                }
                for c in b.channels.iter().filter(|c| c.reminders()) {
                    let id = c.id.value.as_str();
                    if !have.iter().any(|(h, _)| *h == id) {
                        out.push(doc.drift(
                            "B303",
                            t!(
                                "the bot of `{loc}` does not send reminders through `{id}`",
                                "бот филиала `{loc}` не отправляет напоминания через `{id}`"
                            ),
                            v.span.clone(),
                            t!("`{id}` missing", "нет `{id}`"),
                            (
                                cx.file,
                                c.reminders
                                    .as_ref()
                                    .map_or(c.id.span.clone(), |r| r.span.clone()),
                                t!("reminders go out here", "напоминания отправляются сюда"),
                            ),
                            t!(
                                "add \"{id}\" to reminders.channels (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                                "добавьте \"{id}\" в reminders.channels (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// What the bot's offsets lack and add: "lacks 2h and adds 1m", each in the units the SLA's
/// reminders are written in.
fn difference(reminders: &[crate::model::Duration], want: &[u64], have: &[u64]) -> Text {
    let like = |n: u64| {
        reminders
            .iter()
            .find(|r| r.secs() == n)
            .or(reminders.first())
            .copied()
            .unwrap_or_default()
    };
    let listed = |xs: Vec<u64>| {
        let texts: Vec<Text> = xs.into_iter().map(|n| secs(n, like(n))).collect();
        Text::new(
            texts.iter().map(Text::en).collect::<Vec<_>>().join(", "),
            texts.iter().map(Text::ru).collect::<Vec<_>>().join(", "),
        )
    };
    let missing: Vec<u64> = want.iter().copied().filter(|w| !have.contains(w)).collect();
    let extra: Vec<u64> = have.iter().copied().filter(|h| !want.contains(h)).collect();
    let mut what = Vec::new();
    if !missing.is_empty() {
        what.push(t!(
            "lacks {list}",
            "не хватает {list}",
            list = listed(missing)
        ));
    }
    if !extra.is_empty() {
        what.push(t!(
            "adds {list}",
            "есть лишние {list}",
            list = listed(extra)
        ));
    }
    if what.is_empty() {
        what.push(Text::new("repeats an offset", "один из сроков повторяется"));
    }
    Text::new(
        what.iter().map(Text::en).collect::<Vec<_>>().join(" and "),
        what.iter().map(Text::ru).collect::<Vec<_>>().join(" и "),
    )
}
