//! B308: the bot has every branch and a fallback that hands over to a person.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B308",
    name: "bot-branches-fallback",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a branch missing in the bot, or no fallback with hand-off",
        ru: "у бота нет одной из веток или нет запасного ответа с передачей сотруднику",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The bot config's `branches` has an entry (by `id`) for every branch of
`[bot].branches`, and `fallback.handoff` is `true`.

**Why it matters.** The lead-handling SOP describes what the bot does for bookings,
cancellations, price questions, promotions and callbacks; the escalation rules promise that
a dialogue the bot does not understand goes to a person. A bot without the branch or the
hand-off leaves the client in a loop.

**Example.**

```json
"fallback": { "say": "Не понял вас", "handoff": false }
```

**How to fix.** Run `regl lint --fix`: it puts the branch back and keeps your text edits;
keep `handoff: true`."#,
        ru: r#"**Что проверяет.** В `branches` конфигурации бота есть запись (по `id`) для каждой
ветки из `[bot].branches`, а `fallback.handoff` равен `true`.

**Почему это важно.** Регламент обработки заявок описывает, что делает бот при записи,
отмене, вопросах о цене, акциях и обратных звонках; правила эскалации обещают, что диалог,
который бот не понимает, переходит к человеку. Бот без ветки или без передачи оставляет
клиента ходить по кругу.

**Пример.**

```json
"fallback": { "say": "Не понял вас", "handoff": false }
```

**Как исправить.** Запустите `regl lint --fix`: он вернёт ветку и сохранит ваши правки; заново внесите
свои правки текстов; оставьте `handoff: true`."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let want = &cx.business.bot.branches;
    for doc in cx.bot_docs() {
        let loc = doc.location.id.as_str();
        match doc.need(
            "B308",
            &["branches"],
            Text::new("a list of branches", "список веток"),
            |v| v.as_array().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) => {
                let ids: Vec<&str> = v
                    .as_array()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|b| b.get("id").and_then(Json::as_str))
                    .collect();
                for w in want.iter() {
                    let branch = w.value.as_str();
                    if !ids.contains(&branch) {
                        out.push(doc.drift(
                            "B308",
                            t!(
                                "the bot of `{loc}` has no `{branch}` branch",
                                "у бота филиала `{loc}` нет ветки `{branch}`"
                            ),
                            v.span.start..v.span.start + 1,
                            t!("`{branch}` missing", "нет `{branch}`"),
                            (
                                cx.file,
                                w.span.clone(),
                                t!("a required branch", "обязательная ветка"),
                            ),
                            t!(
                                "run `regl lint --fix`: it restores the branch and keeps your text edits",
                                "запустите `regl lint --fix`: он вернёт ветку и сохранит ваши правки текстов"
                            ),
                        ));
                    }
                }
            }
        }
        match doc.need(
            "B308",
            &["fallback", "handoff"],
            Text::same("true"),
            |v| v.as_bool().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if v.as_bool() == Some(false) => out.push(
                Diagnostic::finding(
                    "B308",
                    Severity::Error,
                    t!(
                        "the bot of `{loc}` does not hand a dialogue it cannot handle to a person",
                        "бот филиала `{loc}` не передаёт сотруднику диалог, с которым не справляется"
                    ),
                )
                .at(doc.file, v.span.clone(), t!("must be true", "должно быть true"))
                .also(
                    cx.file,
                    cx.business.escalation.min_confidence.span.clone(),
                    t!(
                        "below this confidence a person takes over",
                        "ниже этой уверенности диалог переходит к сотруднику"
                    ),
                )
                .hint(t!(
                    "set \"handoff\": true: the escalation rules promise a person when the bot is unsure",
                    "задайте \"handoff\": true: правила эскалации обещают сотрудника, когда бот не уверен"
                )),
            ),
            Ok(_) => {}
        }
    }
}
