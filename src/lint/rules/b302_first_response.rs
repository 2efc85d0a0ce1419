//! B302: the bot answers at least as fast as the SLA promises.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::secs;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B302",
    name: "bot-first-response",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's first-response limit is slower than the SLA",
        ru: "предел первого ответа бота медленнее, чем обещает SLA",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `limits.first_response_s` of the bot config is not longer than the
AI first response of any channel the bot serves (`[sla].ai_first_response`, or the
channel's own override).

**Why it matters.** The SLA sheet promises clients an answer in seconds; the runtime's
limit is what actually happens. A runtime tuned slower than the promise breaks the KPI the
whole setup is measured by (first response time).

**Example.**

```json
"limits": { "first_response_s": 30 }    // [sla].ai_first_response = "3s"
```

**How to fix.** Set `first_response_s` to the SLA (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep); if the
bot really cannot answer that fast, change the SLA instead."#,
        ru: r#"**Что проверяет.** `limits.first_response_s` в конфигурации бота не дольше первого
ответа ИИ ни в одном канале, где работает бот (`[sla].ai_first_response` или собственное
переопределение канала).

**Почему это важно.** Лист SLA обещает клиентам ответ за секунды, а предел в среде
выполнения — это то, что происходит на самом деле. Среда, настроенная медленнее обещания,
нарушает KPI, по которому оценивается вся система, — время первого ответа.

**Пример.**

```json
"limits": { "first_response_s": 30 }    // [sla].ai_first_response = "3s"
```

**Как исправить.** Задайте `first_response_s` по SLA (или запустите
`regl lint --fix`); если бот действительно не может ответить так быстро, измените SLA."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    // The strictest promise among the channels the bot answers on.
    let strictest = b
        .channels
        .iter()
        .filter(|c| c.bot())
        .map(|c| {
            c.sla.ai_first_response.as_ref().map_or(
                (
                    b.sla.ai_first_response.value,
                    b.sla.ai_first_response.span.clone(),
                ),
                |o| (o.value, o.span.clone()),
            )
        })
        .min_by_key(|(d, _)| *d)
        .unwrap_or((
            b.sla.ai_first_response.value,
            b.sla.ai_first_response.span.clone(),
        ));
    for doc in cx.bot_docs() {
        let v = match doc.need(
            "B302",
            &["limits", "first_response_s"],
            Text::new("whole seconds", "целое число секунд"),
            |v| v.as_u64().is_some(),
        ) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        let bot = v.as_u64().unwrap_or_default();
        if bot > strictest.0.secs() {
            let (id, sla, n) = (doc.location.id.as_str(), strictest.0, strictest.0.secs());
            out.push(doc.drift(
                "B302",
                t!(
                    "the bot of `{id}` may take {bot} to answer, the SLA promises {sla}",
                    "бот филиала `{id}` может отвечать {bot}, а SLA обещает {sla}",
                    id = id,
                    bot = secs(bot, sla),
                    sla = sla,
                ),
                v.span.clone(),
                t!("the bot's limit", "предел бота"),
                (cx.file, strictest.1.clone(), Text::new("the SLA", "SLA")),
                t!(
                    "set \"first_response_s\": {n} (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                    "задайте \"first_response_s\": {n} (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                ),
            ));
        }
    }
}
