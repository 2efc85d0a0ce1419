//! P204: the bot asks for consent before it collects personal data.

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
        en: "the bot collects personal data before asking consent",
        ru: "бот собирает персональные данные раньше, чем запрашивает согласие",
    },
    explanation: StaticText {
        en: r#"**What it checks.** In the bot config, `consent.before` lists every personal-data slot the
bot asks for (`name`, `phone`, `email`, from `[bot].qualification` and from the branches'
`ask` steps), and within a branch no step asks for one of them before a consent step
(a step with `"ask": "consent"` or `"consent": true`).

**Why it matters.** Consent must come before processing (152-FZ art. 9), and since
1 September 2025 as a separate document the client agrees to, not implied by writing to the
bot. A name or phone taken before consent is processed without a legal basis; the fine
reaches 300–700 thousand rubles when written consent was needed.

**Example.**

```json
"consent": { "before": ["name"] },
"branches": [ { "id": "callback", "steps": [ { "ask": "phone" }, { "ask": "consent" } ] } ]
```

**How to fix.** List every personal-data slot in `consent.before` and move the consent step
first in each branch (or regenerate with `regl export`)."#,
        ru: r#"**Что проверяет.** В конфигурации бота `consent.before` перечисляет каждый слот
персональных данных, который запрашивает бот (`name`, `phone`, `email` — из
`[bot].qualification` и из шагов `ask` в ветках), и ни в одной ветке шаг не запрашивает
такой слот раньше шага согласия (шага с `"ask": "consent"` или `"consent": true`).

**Почему это важно.** Согласие нужно получить до начала обработки (ст. 9 152‑ФЗ), а с
1 сентября 2025 года — отдельным документом, который клиент принимает явно: то, что он
написал боту, согласием не считается. Имя или телефон, полученные до согласия,
обрабатываются без правового основания; если требовалось письменное согласие, штраф
доходит до 300–700 тысяч рублей.

**Пример.**

```json
"consent": { "before": ["name"] },
"branches": [ { "id": "callback", "steps": [ { "ask": "phone" }, { "ask": "consent" } ] } ]
```

**Как исправить.** Перечислите все слоты персональных данных в `consent.before` и поставьте
шаг согласия первым в каждой ветке (или пересоздайте конфигурацию через `regl export`)."#,
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
        for q in qual.iter() {
            let slot = q.value.as_str();
            if matches!(q.value, Slot::Name | Slot::Phone | Slot::Email) && !listed.contains(&slot)
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
                        "add \"{slot}\" to consent.before (or regenerate with `regl export`)",
                        "добавьте \"{slot}\" в consent.before (или пересоздайте конфигурацию через `regl export`)"
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
                let early = consent_at.is_some_and(|c| i < c);
                let unlisted = !listed.contains(&slot);
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
