//! B309: the bot's free-cancellation window is the policy's.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::secs;
use crate::lint::bot_derived::check_path;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B309",
    name: "bot-free-cancellation",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's free-cancellation window differs from the policy",
        ru: "срок бесплатной отмены у бота расходится с политикой",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `cancellation.free_until_s` of the bot config equals
`[cancellation].free_until` in seconds.

**Why it matters.** The bot tells clients whether they may cancel for free. If it says 12
hours and the published cancellation policy says 24, the client relies on the bot and the
business must honour the more generous word — or argue with a client in a consumer dispute.

**Example.**

```json
"cancellation": { "free_until_s": 43200 }   // [cancellation].free_until = "24h"
```

**How to fix.** Run `regl lint --fix` (it mends the values in place and keeps the team's texts; `regl export --bot-configs` rewrites the file when the team has no edits to keep), or change the policy in
`business.toml` and re-render the documents."#,
        ru: r#"**Что проверяет.** `cancellation.free_until_s` в конфигурации бота равно
`[cancellation].free_until` в секундах.

**Почему это важно.** Бот говорит клиентам, можно ли отменить запись бесплатно. Если он
говорит «за 12 часов», а опубликованная политика отмены — «за 24», клиент полагается на бота,
и бизнесу приходится держать более щедрое слово — или спорить с клиентом в потребительском
споре.

**Пример.**

```json
"cancellation": { "free_until_s": 43200 }   // [cancellation].free_until = "24h"
```

**Как исправить.** Запустите `regl lint --fix` (он исправит значения на месте и сохранит тексты команды; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно) или измените
политику в `business.toml` и заново сформируйте документы."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    check_values(cx, out);
    let what = Text::new("the cancellation terms", "Условия отмены");
    for doc in cx.bot_docs() {
        for key in ["reschedule_max", "late_fee_percent", "no_show_fee_percent"] {
            check_path(&doc, "B309", &["cancellation", key], &[], &what, out);
        }
    }
}

fn check_values(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let want = &cx.business.cancellation.free_until;
    for doc in cx.bot_docs() {
        match doc.need(
            "B309",
            &["cancellation", "free_until_s"],
            Text::new("whole seconds", "целое число секунд"),
            |v| v.as_u64().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) => {
                let have = v.as_u64().unwrap_or_default();
                if have != want.secs() {
                    let (policy, n) = (want.value, want.secs());
                    out.push(doc.drift(
                        "B309",
                        t!(
                            "the bot of `{loc}` allows free cancellation up to {bot} before the visit, the policy {policy}",
                            "бот филиала `{loc}` разрешает бесплатную отмену не позже чем за {bot} до визита, а политика — за {policy}",
                            loc = doc.location.id.as_str(),
                            bot = secs(have, policy),
                            policy = policy,
                        ),
                        v.span.clone(),
                        t!("the bot's window", "срок у бота"),
                        (
                            cx.file,
                            want.span.clone(),
                            t!("the policy's window", "срок по политике"),
                        ),
                        t!(
                            "set \"free_until_s\": {n} (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                            "задайте \"free_until_s\": {n} (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                        ),
                    ));
                }
            }
        }
    }
}
