//! B312: the bot asks the consent the documents describe — its version, links, moment,
//! text, buttons' meaning and purposes — and keeps every consent step the export has.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::fix_hint;
use crate::lint::bot_derived::check_path;
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B312",
    name: "bot-consent-terms",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's consent (version, links, moment, text, purposes, consent steps) differs from business.toml",
        ru: "согласие в боте (версия, ссылки, момент, текст, цели, шаги согласия) расходится с business.toml",
    },
    explanation: StaticText {
        en: r#"**What it checks.** In the bot config's `consent`: `version` is `[pd].consent_version` (or
`[document].version`), `policy_url` and `consent_url` are the published documents, `moment`
is `[pd].consent`, `text` is the consent request regl writes, `before` and `purposes` follow
the purposes' legal bases, and the buttons keep their choices (agreed, declined). Every
branch keeps the consent step the export puts in it.

**Why it matters.** The version the bot writes to the client's card is the proof of
consent: a wrong one proves consent to a text nobody published. A replaced request or link
asks for a consent the policy does not describe, and a removed consent step collects data
with no consent at all (art. 9 of 152-FZ).

**Example.**

```json
"consent": { "version": "0.9", "text": "Продолжая, вы соглашаетесь со всем.", … }
// [pd].consent_version = "1.1"
```

**How to fix.** `regl lint --fix` puts the values back; change `[pd]` if the consent itself
changed, and re-render the documents."#,
        ru: r#"**Что проверяет.** В `consent` конфигурации бота: `version` — это `[pd].consent_version`
(или `[document].version`), `policy_url` и `consent_url` — опубликованные документы, `moment`
— `[pd].consent`, `text` — запрос согласия, который пишет regl, `before` и `purposes` следуют
из правовых оснований целей, а кнопки сохраняют свой выбор (agreed, declined). В каждой ветке
остаётся шаг согласия, который в неё ставит экспорт.

**Почему это важно.** Версия, которую бот записывает в карточку клиента, — доказательство
согласия: неверная доказывает согласие на текст, который никто не публиковал. Подменённый
запрос или ссылка просят согласия, которого нет в политике, а удалённый шаг согласия собирает
данные вовсе без согласия (ст. 9 152-ФЗ).

**Пример.**

```json
"consent": { "version": "0.9", "text": "Продолжая, вы соглашаетесь со всем.", … }
// [pd].consent_version = "1.1"
```

**Как исправить.** `regl lint --fix` вернёт значения; если изменилось само согласие,
измените `[pd]` и заново сформируйте документы."#,
    },
    scope: Scope::Bot,
    check,
};

fn is_consent(step: &Json) -> bool {
    step.get("ask").and_then(Json::as_str) == Some("consent")
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let what = Text::new("the consent terms", "Условия согласия");
    for doc in cx.bot_docs() {
        for key in [
            "version",
            "moment",
            "policy_url",
            "consent_url",
            "text",
            "before",
            "purposes",
        ] {
            check_path(&doc, "B312", &["consent", key], &[], &what, out);
        }
        check_path(
            &doc,
            "B312",
            &["consent", "buttons"],
            &["text", "words"],
            &what,
            out,
        );
        consent_steps(&doc, out);
    }
}

/// A branch that lost the consent step the export has.
fn consent_steps(doc: &crate::lint::bot::BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let Some(want) = doc.expected_at(&["branches"]).and_then(|v| v.as_array()) else {
        return;
    };
    let Ok(have) = doc.find(&["branches"]) else {
        return;
    };
    let loc = doc.location.id.as_str();
    for br in have.as_array().unwrap_or_default() {
        let Some(id) = br.get("id").and_then(Json::as_str) else {
            continue;
        };
        let Some(w) = want.iter().find(|w| w["id"] == id) else {
            continue;
        };
        let wants_consent = w["steps"]
            .as_array()
            .is_some_and(|s| s.iter().any(|s| s["ask"] == "consent"));
        let Some(steps) = br.get("steps") else {
            continue;
        };
        let has = steps.as_array().is_some_and(|s| s.iter().any(is_consent));
        if wants_consent && !has {
            out.push(
                Diagnostic::finding(
                    "B312",
                    Severity::Error,
                    t!(
                        "branch `{id}` of the bot of `{loc}` has no consent step",
                        "в ветке `{id}` бота филиала `{loc}` нет шага согласия"
                    ),
                )
                .at(
                    doc.file,
                    steps.span.start..steps.span.start + 1,
                    t!("the consent step is missing", "нет шага согласия"),
                )
                .hint(t!(
                    "put back the step {{\"ask\": \"consent\"}} where the export has it ({fix})",
                    "верните шаг {{\"ask\": \"consent\"}} туда, где он стоит в экспорте ({fix})",
                    fix = fix_hint(),
                )),
            );
        }
    }
}
