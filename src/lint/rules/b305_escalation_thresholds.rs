//! B305: the bot hands dialogues over at the thresholds, and to the people, the escalation
//! rules name.

use crate::lint::bot_derived::check_path;
use std::ops::Range;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::{BotDoc, secs, strings};
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};
use crate::model::business::Duty;
use crate::model::phone::Phone;
use crate::model::read::ParseStr;

pub const RULE: Rule = Rule {
    code: "B305",
    name: "bot-escalation-thresholds",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "bot thresholds differ (min confidence, max bot turns, amount, urgent-cancel window)",
        ru: "пороги бота расходятся с правилами (минимальная уверенность, предел реплик, сумма, окно срочной отмены)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The bot config's `limits.min_confidence`, `limits.max_bot_turns`,
`escalation.amount_over` and `escalation.urgent_cancel_within_s` equal `[escalation]`'s
`min_confidence`, `max_bot_turns`, `amount_over` and `urgent_cancel_within`. It also checks
who is called: `escalation.notify` (the same set as `[escalation].notify`),
`escalation.tag` (the location's `escalation_tag`) and `escalation.duty` (the location's
duty phone and Telegram).

**Why it matters.** The AI escalation rules promise when a person takes over and how they
are reached. A bot with a lower confidence bar keeps guessing; one with a higher order
threshold handles large orders alone; a wrong tag or duty phone sends the night's
escalation to nobody.

**Example.**

```json
"escalation": { "amount_over": 50000, "tag": "эскалация-УФА" }
// [escalation].amount_over = 20000
```

**How to fix.** Run `regl lint --fix` (it mends the values in place and keeps the team's texts; `regl export --bot-configs` rewrites the file when the team has no edits to keep), or change `[escalation]` (and
so the documents) if the new threshold is intended."#,
        ru: r#"**Что проверяет.** `limits.min_confidence`, `limits.max_bot_turns`,
`escalation.amount_over` и `escalation.urgent_cancel_within_s` в конфигурации бота равны
`min_confidence`, `max_bot_turns`, `amount_over` и `urgent_cancel_within` из `[escalation]`.
Проверяется и то, кого вызывают: `escalation.notify` (тот же набор, что в
`[escalation].notify`), `escalation.tag` (`escalation_tag` филиала) и `escalation.duty`
(дежурный телефон и Telegram филиала).

**Почему это важно.** Правила эскалации ИИ обещают, когда диалог переходит к человеку и как
с ним связаться. Бот с более низким порогом уверенности продолжает гадать; бот с более
высоким порогом суммы сам ведёт крупные заказы; неверный тег или дежурный телефон отправляют
ночную эскалацию в никуда.

**Пример.**

```json
"escalation": { "amount_over": 50000, "tag": "эскалация-УФА" }
// [escalation].amount_over = 20000
```

**Как исправить.** Запустите `regl lint --fix` (он исправит значения на месте и сохранит тексты команды; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно) или измените
`[escalation]` (а с ним и документы), если новый порог задуман."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    check_values(cx, out);
    let what = Text::new("the escalation terms", "Условия эскалации");
    for doc in cx.bot_docs() {
        check_path(
            &doc,
            "B305",
            &["escalation", "day_response_s"],
            &[],
            &what,
            out,
        );
        check_path(
            &doc,
            "B305",
            &["escalation", "night_response_s"],
            &[],
            &what,
            out,
        );
        check_path(
            &doc,
            "B305",
            &["escalation", "duty"],
            &["phone", "telegram"],
            &what,
            out,
        );
        check_path(&doc, "B305", &["escalation", "reasons"], &[], &what, out);
    }
}

#[allow(clippy::struct_field_names)]
struct Want {
    path: &'static [&'static str],
    label: Text,
    expected: Text,
    want: f64,
    shown: Text,
    /// For a value in seconds, the duration of `business.toml` whose units the bot's value
    /// is shown in.
    like: Option<crate::model::Duration>,
    toml_span: Range<usize>,
}

fn compare(cx: &Context<'_>, doc: &BotDoc<'_>, w: &Want, out: &mut Vec<Diagnostic>) {
    match doc.need("B305", w.path, w.expected.clone(), |v| v.as_f64().is_some()) {
        Err(d) => out.push(d),
        Ok(v) => {
            let have = v.as_f64().unwrap_or_default();
            if (have - w.want).abs() > 1e-9 {
                let dotted = w.path.join(".");
                let have_shown = if let Some(like) = w.like {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    secs(have as u64, like)
                } else {
                    Text::same(have.to_string())
                };
                let (key, want) = (w.path.last().unwrap_or(&""), w.want);
                out.push(doc.drift(
                    "B305",
                    t!(
                        "the bot of `{loc}` has {label} {have}, the escalation rules {shown}",
                        "у бота филиала `{loc}` {label} — {have}, а в правилах эскалации — {shown}",
                        loc = doc.location.id.as_str(),
                        label = w.label,
                        have = have_shown,
                        shown = w.shown,
                    ),
                    v.span.clone(),
                    Text::same(format!("`{dotted}`")),
                    (
                        cx.file,
                        w.toml_span.clone(),
                        t!("the escalation rules", "правила эскалации"),
                    ),
                    t!(
                        "set \"{key}\": {want} (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "задайте \"{key}\": {want} (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn check_values(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let e = &cx.business.escalation;
    let wants = [
        Want {
            path: &["limits", "min_confidence"],
            label: Text::new("minimum confidence", "минимальная уверенность"),
            expected: Text::new("a number from 0 to 1", "число от 0 до 1"),
            want: e.min_confidence.0,
            shown: Text::same(e.min_confidence.0.to_string()),
            like: None,
            toml_span: e.min_confidence.span.clone(),
        },
        Want {
            path: &["limits", "max_bot_turns"],
            label: Text::new("max bot turns", "предел реплик"),
            expected: Text::new("a whole number", "целое число"),
            want: f64::from(e.max_bot_turns.value),
            shown: Text::same(e.max_bot_turns.value.to_string()),
            like: None,
            toml_span: e.max_bot_turns.span.clone(),
        },
        Want {
            path: &["escalation", "amount_over"],
            label: Text::new("order threshold", "порог суммы заказа"),
            expected: Text::new("rubles", "сумма в рублях"),
            want: e.amount_over.0 as f64,
            shown: Text::same(e.amount_over.0.to_string()),
            like: None,
            toml_span: e.amount_over.span.clone(),
        },
        Want {
            path: &["escalation", "urgent_cancel_within_s"],
            label: Text::new("urgent-cancel window", "окно срочной отмены"),
            expected: Text::new("whole seconds", "целое число секунд"),
            want: e.urgent_cancel_within.secs() as f64,
            shown: Text::same(e.urgent_cancel_within.value.to_string()),
            like: Some(e.urgent_cancel_within.value),
            toml_span: e.urgent_cancel_within.span.clone(),
        },
    ];
    for doc in cx.bot_docs() {
        for w in &wants {
            compare(cx, &doc, w, out);
        }
        notify(cx, &doc, out);
        tag_and_duty(cx, &doc, out);
    }
}

fn notify(cx: &Context<'_>, doc: &BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let want = &cx.business.escalation.notify;
    match doc.need(
        "B305",
        &["escalation", "notify"],
        Text::new(
            "a list such as [\"bitrix_task\", \"telegram\"]",
            "список, например [\"bitrix_task\", \"telegram\"]",
        ),
        |v| v.as_array().is_some(),
    ) {
        Err(d) => out.push(d),
        Ok(v) => {
            let have = strings(v);
            let mut have_ids: Vec<&str> = have.iter().map(|(s, _)| *s).collect();
            let mut want_ids: Vec<&str> = want.iter().map(|n| n.value.as_str()).collect();
            have_ids.sort_unstable();
            want_ids.sort_unstable();
            have_ids.dedup();
            want_ids.dedup();
            if have_ids != want_ids {
                let (loc, have, rules) = (
                    doc.location.id.as_str(),
                    have_ids.join(", "),
                    want_ids.join(", "),
                );
                out.push(doc.drift(
                    "B305",
                    t!(
                        "the bot of `{loc}` notifies [{have}], the escalation rules [{rules}]",
                        "бот филиала `{loc}` оповещает [{have}], а правила эскалации — [{rules}]"
                    ),
                    v.span.clone(),
                    t!("the bot's notify list", "список оповещений бота"),
                    (
                        cx.file,
                        want.span.clone(),
                        t!("the escalation rules", "правила эскалации"),
                    ),
                    t!(
                        "make escalation.notify the same as [escalation].notify (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "сделайте escalation.notify таким же, как [escalation].notify (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
        }
    }
}

fn tag_and_duty(cx: &Context<'_>, doc: &BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let loc = doc.location;
    let id = loc.id.as_str();
    match doc.need(
        "B305",
        &["escalation", "tag"],
        Text::new("the location's escalation tag", "тег эскалации филиала"),
        |v| v.as_str().is_some(),
    ) {
        Err(d) => out.push(d),
        Ok(v) if v.as_str() != Some(loc.escalation_tag.as_str()) => {
            let (bot, tag) = (v.as_str().unwrap_or_default(), &loc.escalation_tag.value);
            out.push(doc.drift(
                "B305",
                t!(
                    "the bot of `{id}` tags escalations «{bot}», the location's tag is «{tag}»",
                    "бот филиала `{id}` помечает эскалации тегом «{bot}», а тег филиала — «{tag}»"
                ),
                v.span.clone(),
                t!("the bot's tag", "тег бота"),
                (
                    cx.file,
                    loc.escalation_tag.span.clone(),
                    t!("the location's tag", "тег филиала"),
                ),
                t!(
                    "set \"tag\": \"{tag}\" (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                    "задайте \"tag\": \"{tag}\" (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                ),
            ));
        }
        Ok(_) => {}
    }
    let roster = loc.duty_roster();
    // A roster of another length is one finding of the whole list (check_path's).
    let listed = doc
        .find(&["escalation", "duty"])
        .ok()
        .and_then(|d| d.as_array().map(<[Json]>::len));
    if listed != Some(roster.len()) {
        return;
    }
    for (i, duty) in roster.into_iter().enumerate() {
        duty_contacts(cx, doc, i, duty, out);
    }
}

/// The phone and Telegram of roster line `i`, each with its own message.
fn duty_contacts(
    cx: &Context<'_>,
    doc: &BotDoc<'_>,
    i: usize,
    duty: &Duty,
    out: &mut Vec<Diagnostic>,
) {
    let id = doc.location.id.as_str();
    let index = i.to_string();
    if let Some(phone) = &duty.phone {
        let same = |v: &Json| {
            v.as_str()
                .and_then(|s| Phone::parse_str(s).ok())
                .is_some_and(|p| p.e164() == phone.e164())
        };
        match doc.need(
            "B305",
            &["escalation", "duty", &index, "phone"],
            Text::new("the duty phone", "дежурный телефон"),
            |v| v.as_str().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if !same(v) => {
                let (bot, duty, e164) =
                    (v.as_str().unwrap_or_default(), &phone.value, phone.e164());
                out.push(doc.drift(
                    "B305",
                    t!(
                        "the bot of `{id}` calls {bot} on escalation, the duty phone is {duty}",
                        "при эскалации бот филиала `{id}` звонит на {bot}, а дежурный телефон — {duty}"
                    ),
                    v.span.clone(),
                    t!("the bot's duty phone", "дежурный телефон у бота"),
                    (
                        cx.file,
                        phone.span.clone(),
                        t!("the duty phone", "дежурный телефон"),
                    ),
                    t!(
                        "set \"phone\": \"{e164}\" (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "задайте \"phone\": \"{e164}\" (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
            Ok(_) => {}
        }
    }
    if let Some(tg) = &duty.telegram {
        match doc.need(
            "B305",
            &["escalation", "duty", &index, "telegram"],
            Text::new("the duty Telegram", "Telegram дежурного"),
            |v| v.as_str().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if v.as_str().map(str::trim) != Some(tg.trim()) => {
                let (bot, duty) = (v.as_str().unwrap_or_default(), &tg.value);
                out.push(doc.drift(
                    "B305",
                    t!(
                        "the bot of `{id}` escalates to Telegram {bot}, the duty's is {duty}",
                        "бот филиала `{id}` передаёт эскалации в Telegram {bot}, а у дежурного — {duty}"
                    ),
                    v.span.clone(),
                    t!("the bot's duty Telegram", "Telegram дежурного у бота"),
                    (
                        cx.file,
                        tg.span.clone(),
                        t!("the duty's Telegram", "Telegram дежурного"),
                    ),
                    t!(
                        "set \"telegram\": \"{duty}\" (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "задайте \"telegram\": \"{duty}\" (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
            Ok(_) => {}
        }
    }
}
