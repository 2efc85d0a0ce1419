//! B304: the bot escalates on the keywords the escalation rules list, and says so if it
//! escalates on more.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::strings;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B304",
    name: "bot-escalation-keywords",
    severities: &[Severity::Error, Severity::Warning],
    summary: StaticText {
        en: "an escalation keyword missing from the bot (error) or one the rules don't list (warning)",
        ru: "у бота нет ключевого слова эскалации (ошибка) или есть слово, которого нет в правилах (предупреждение)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every keyword of `[escalation].keywords` is in `escalation.keywords` of
the bot config (an error when one is missing), and the bot has no keyword the rules do not
list (a warning). Comparison ignores case.

**Why it matters.** A complaint (`жалоба`, `претензия`) must reach a person: the escalation
rules promise it. A keyword lost from the bot leaves an angry client talking to the bot. An
extra keyword is harmless to the client but undocumented: the escalation rules no longer
describe what the bot does.

**Example.**

```json
"escalation": { "keywords": ["жалоба", "возврат"] }
// [escalation].keywords also lists «претензия» and «срочно»
```

**How to fix.** Add the keyword to `business.toml` and run `regl lint --fix`, which
adds it to the bot config: the rules and the bot then say the same."#,
        ru: r#"**Что проверяет.** Каждое ключевое слово из `[escalation].keywords` есть в
`escalation.keywords` конфигурации бота (ошибка, если какого-то нет), и у бота нет ключевых
слов, которых нет в правилах (предупреждение). Регистр букв не учитывается.

**Почему это важно.** Жалоба («жалоба», «претензия») должна дойти до человека — это обещают
правила эскалации. Если ключевое слово пропало у бота, рассерженный клиент остаётся
разговаривать с ботом. Лишнее ключевое слово клиенту не вредит, но нигде не описано: правила
эскалации больше не говорят, что делает бот.

**Пример.**

```json
"escalation": { "keywords": ["жалоба", "возврат"] }
// в [escalation].keywords есть ещё «претензия» и «срочно»
```

**Как исправить.** Добавьте ключевое слово в `business.toml` и запустите `regl lint --fix` — он
добавит его в конфигурацию бота: тогда правила и бот говорят одно и то же."#,
    },
    scope: Scope::Bot,
    check,
};

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let rules = &cx.business.escalation.keywords;
    // Each side normalised once, not once per comparison: every bot config is compared.
    let rules_norm: Vec<String> = rules.iter().map(|k| norm(k)).collect();
    for doc in cx.bot_docs() {
        let v = match doc.need(
            "B304",
            &["escalation", "keywords"],
            Text::new("a list of keywords", "список ключевых слов"),
            |v| v.as_array().is_some(),
        ) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        let loc = doc.location.id.as_str();
        let have = strings(v);
        let have_norm: Vec<String> = have.iter().map(|(h, _)| norm(h)).collect();
        for (k, k_norm) in rules.iter().zip(&rules_norm) {
            if !have_norm.contains(k_norm) {
                let (k, span) = (&k.value, &k.span);
                out.push(doc.drift(
                    "B304",
                    t!(
                        "the bot of `{loc}` does not escalate on «{k}»",
                        "бот филиала `{loc}` не передаёт диалог сотруднику по слову «{k}»"
                    ),
                    v.span.clone(),
                    t!("«{k}» missing", "нет «{k}»"),
                    (
                        cx.file,
                        span.clone(),
                        t!("an escalation keyword", "ключевое слово эскалации"),
                    ),
                    t!(
                        "add \"{k}\" to escalation.keywords (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "добавьте \"{k}\" в escalation.keywords (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
        }
        for ((h, span), h_norm) in have.iter().zip(&have_norm) {
            if !rules_norm.contains(h_norm) {
                out.push(
                    Diagnostic::finding(
                        "B304",
                        Severity::Warning,
                        t!(
                            "the bot of `{loc}` escalates on «{h}», which the escalation rules do not list",
                            "бот филиала `{loc}` передаёт диалог сотруднику по слову «{h}», которого нет в правилах эскалации"
                        ),
                    )
                    .at(
                        doc.file,
                        span.clone(),
                        t!("not in [escalation].keywords", "нет в [escalation].keywords"),
                    )
                    .also(
                        cx.file,
                        rules.span.clone(),
                        t!("the documented keywords", "ключевые слова из документов"),
                    )
                    .hint(t!(
                        "add \"{h}\" to [escalation].keywords so the documents say so, or remove it from the bot",
                        "добавьте \"{h}\" в [escalation].keywords, чтобы это было в документах, или уберите его из бота"
                    )),
                );
            }
        }
    }
}
