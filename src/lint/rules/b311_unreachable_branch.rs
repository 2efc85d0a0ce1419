//! B311: every branch of the bot can be reached — by a trigger phrase, a greeting or
//! reminder button that names it, or a step that goes on in it.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::bot::fix_hint;
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B311",
    name: "bot-unreachable-branch",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a branch of the bot that no trigger, button or step reaches",
        ru: "ветка бота, в которую не ведут ни фразы-триггеры, ни кнопки, ни шаги",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Each branch of the bot config is reached somehow: it has at least one
trigger phrase, or a button (`greeting.buttons`, a step's or a reminder's `buttons`) names it
in `branch`, or a step names it in `goto`.

**Why it matters.** A branch nothing leads to is dead: a client asking for prices falls to
the fallback and is handed to a person, and the business pays staff for what the bot was set
up to answer. Emptying `triggers` by mistake is enough.

**Example.**

```json
{ "id": "price", "title": "Вопросы по цене", "triggers": [], "steps": [ … ] }
// and no button has "branch": "price"
```

**How to fix.** Restore the branch's triggers (`regl lint --fix` does), or add a button with
`"branch"` naming it."#,
        ru: r#"**Что проверяет.** В каждую ветку конфигурации бота можно попасть: у неё есть хотя бы одна
фраза-триггер, или кнопка (`greeting.buttons`, `buttons` шага или напоминания) называет её в
`branch`, или шаг называет её в `goto`.

**Почему это важно.** Ветка, в которую ничто не ведёт, мертва: клиент, спросивший о ценах,
попадает в запасной ответ и передаётся сотруднику, и бизнес платит людям за то, на что
настраивали бота. Достаточно по ошибке очистить `triggers`.

**Пример.**

```json
{ "id": "price", "title": "Вопросы по цене", "triggers": [], "steps": [ … ] }
// и ни одна кнопка не содержит "branch": "price"
```

**Как исправить.** Верните ветке фразы-триггеры (это делает `regl lint --fix`) или добавьте
кнопку с `"branch"`, называющим её."#,
    },
    scope: Scope::Bot,
    check,
};

/// Branch ids named by `branch` and `goto` anywhere in the tree.
fn named<'a>(v: &'a Json, out: &mut Vec<&'a str>) {
    match &v.kind {
        crate::lint::json::Kind::Object(members) => {
            for m in members {
                if matches!(m.key.as_str(), "branch" | "goto")
                    && let Some(s) = m.value.as_str()
                {
                    out.push(s);
                }
                named(&m.value, out);
            }
        }
        crate::lint::json::Kind::Array(items) => items.iter().for_each(|i| named(i, out)),
        _ => {}
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        let Ok(branches) = doc.find(&["branches"]) else {
            continue;
        };
        let mut reached = Vec::new();
        named(doc.root, &mut reached);
        for br in branches.as_array().unwrap_or_default() {
            let Some(id) = br.get("id").and_then(Json::as_str) else {
                continue;
            };
            let triggers = br.get("triggers");
            let has_trigger = triggers.and_then(Json::as_array).is_some_and(|t| {
                t.iter()
                    .any(|x| x.as_str().is_some_and(|s| !s.trim().is_empty()))
            });
            if has_trigger || reached.contains(&id) {
                continue;
            }
            let span = triggers.map_or(br.span.clone(), |t| t.span.clone());
            let loc = doc.location.id.as_str();
            out.push(
                Diagnostic::finding(
                    "B311",
                    Severity::Error,
                    t!(
                        "branch `{id}` of the bot of `{loc}` cannot be reached: no trigger, button or step leads to it",
                        "в ветку `{id}` бота филиала `{loc}` не попасть: к ней не ведут ни триггеры, ни кнопки, ни шаги"
                    ),
                )
                .at(doc.file, span, t!("no triggers", "нет триггеров"))
                .hint(t!(
                    "give the branch its trigger phrases back, or a button with \"branch\": \"{id}\" ({fix})",
                    "верните ветке фразы-триггеры или добавьте кнопку с \"branch\": \"{id}\" ({fix})",
                    id = id,
                    fix = fix_hint(),
                )),
            );
        }
    }
}
