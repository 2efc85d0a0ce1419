//! P204: the bot asks for consent before it collects personal data.

use crate::bottext::consent_slots;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::strings;
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::Slot;

pub const RULE: Rule = Rule {
    code: "P204",
    name: "consent-before-collect",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot collects data of a consent-based purpose before that consent, or asks a `consent.before` slot with no consent step before it",
        ru: "бот собирает данные для цели, основанной на согласии, раньше этого согласия или спрашивает слот из `consent.before` без шага согласия перед ним",
    },
    explanation: StaticText {
        en: r#"**What it checks.** In the bot config, `consent.before` lists every personal-data slot
(`name`, `phone`, `email`) the bot asks for a purpose that rests on consent — every slot,
while `[pd].purposes` declares no purpose on the contract; none, once the booking rests on
the contract (`basis = "contract"`) — and within a branch no step asks for a slot of
`consent.before` before a consent step (a step with `"ask": "consent"` or `"consent": true`).

**Why it matters.** Where processing rests on consent, consent must come first (152-FZ
art. 9), and since 1 September 2025 as a separate document the client agrees to, not
implied by writing to the bot. A name or phone taken before it is processed without a legal
basis; the fine reaches 300–700 thousand rubles when written consent was needed. A booking
the client asks for rests on the contract (152-FZ art. 6 part 1 item 5) and waits on no consent.

**Example.**

```json
"consent": { "before": ["name"] },
"branches": [ { "id": "callback", "steps": [ { "ask": "phone" }, { "ask": "consent" } ] } ]
```

**How to fix.** List every personal-data slot in `consent.before` and move the consent step
first in each branch (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)."#,
        ru: r#"**Что проверяет.** В конфигурации бота `consent.before` перечисляет каждый слот
персональных данных (`name`, `phone`, `email`), который бот запрашивает для цели, основанной
на согласии, — все такие слоты, пока в `[pd].purposes` нет цели на основании договора, и ни
одного, когда запись основана на договоре (`basis = "contract"`), — и ни в одной ветке шаг не
запрашивает слот из `consent.before` раньше шага согласия (шага с `"ask": "consent"` или
`"consent": true`).

**Почему это важно.** Там, где обработка основана на согласии, согласие нужно получить до
её начала (ст. 9 152‑ФЗ), а с 1 сентября 2025 года — отдельным документом, который клиент
принимает явно: то, что он написал боту, согласием не считается. Имя или телефон,
полученные до согласия, обрабатываются без правового основания; если требовалось
письменное согласие, штраф доходит до 300–700 тысяч рублей. Запись, о которой просит сам
клиент, основана на договоре (п. 5 ч. 1 ст. 6) и согласия не ждёт.

**Пример.**

```json
"consent": { "before": ["name"] },
"branches": [ { "id": "callback", "steps": [ { "ask": "phone" }, { "ask": "consent" } ] } ]
```

**Как исправить.** Перечислите все слоты персональных данных в `consent.before` и поставьте
шаг согласия первым в каждой ветке (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)."#,
    },
    scope: Scope::Bot,
    check,
};

const PERSONAL: &[&str] = &["name", "phone", "email"];

fn is_consent_step(step: &Json) -> bool {
    step.get("ask").and_then(Json::as_str) == Some("consent")
        || step.get("consent").and_then(Json::as_bool) == Some(true)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let qual = &cx.business.bot.qualification;
    for doc in cx.bot_docs() {
        let before = match doc.need(
            "P204",
            &["consent", "before"],
            Text::new("a list of slots", "список слотов"),
            |v| v.as_array().is_some(),
        ) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        let listed: Vec<&str> = strings(before).into_iter().map(|(s, _)| s).collect();
        // What rests on consent, by the purposes' legal bases: nothing, where the booking
        // rests on the contract.
        let required = consent_slots(cx.business);
        let required: Vec<&str> = required.iter().map(String::as_str).collect();
        for q in qual.iter() {
            let slot = q.value.as_str();
            if matches!(q.value, Slot::Name | Slot::Phone | Slot::Email)
                && required.contains(&slot)
                && !listed.contains(&slot)
            {
                out.push(doc.drift(
                    "P204",
                    t!(
                        "the bot of `{loc}` asks for `{slot}` without asking consent first",
                        "бот филиала `{loc}` запрашивает `{slot}`, не спросив сначала согласия",
                        loc = doc.location.id.as_str(),
                    ),
                    before.span.clone(),
                    t!("`{slot}` missing", "нет `{slot}`"),
                    (
                        cx.file,
                        q.span.clone(),
                        t!("the bot collects this", "это собирает бот"),
                    ),
                    t!(
                        "add \"{slot}\" to consent.before (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "добавьте \"{slot}\" в consent.before (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
        }
        let Ok(branches) = doc.find(&["branches"]) else {
            continue;
        };
        for branch in branches.as_array().unwrap_or_default() {
            let id = branch.get("id").and_then(Json::as_str).unwrap_or("?");
            let steps = branch
                .get("steps")
                .and_then(Json::as_array)
                .unwrap_or_default();
            let consent_at = steps.iter().position(is_consent_step);
            for (i, step) in steps.iter().enumerate() {
                let Some(ask) = step.get("ask") else { continue };
                let Some(slot) = ask.as_str() else { continue };
                if !PERSONAL.contains(&slot) {
                    continue;
                }
                // A slot consent must come before, asked with no consent step before it; or
                // one that rests on consent, not listed.
                let early = listed.contains(&slot) && consent_at.is_none_or(|c| i < c);
                let unlisted = required.contains(&slot) && !listed.contains(&slot);
                if early || unlisted {
                    // The Russian clause brings its own comma: «…`name`, а в consent.before…».
                    let why = if early {
                        Text::new(" before the consent step", " до шага согласия")
                    } else {
                        Text::new(
                            " and consent.before does not list it",
                            ", а в consent.before его нет",
                        )
                    };
                    let mut d = Diagnostic::finding(
                        "P204",
                        Severity::Error,
                        t!(
                            "branch `{id}` of the bot of `{loc}` asks for `{slot}`{why}",
                            "ветка `{id}` бота филиала `{loc}` запрашивает `{slot}`{why}",
                            id = id,
                            slot = slot,
                            loc = doc.location.id.as_str(),
                            why = why,
                        ),
                    )
                    .at(
                        doc.file,
                        ask.span.clone(),
                        t!(
                            "personal data collected here",
                            "здесь собираются персональные данные"
                        ),
                    );
                    if let Some(c) = consent_at.filter(|_| early) {
                        d = d.also(
                            doc.file,
                            steps[c].span.clone(),
                            t!(
                                "consent is asked only here",
                                "согласие запрашивается только здесь"
                            ),
                        );
                    }
                    out.push(d.hint(t!(
                        "ask consent first: move the consent step up and list the slot in consent.before",
                        "сначала запросите согласие: поднимите шаг согласия выше и перечислите слот в consent.before"
                    )));
                }
            }
        }
    }
}
