//! B315: texts use only the placeholders a runtime fills — the client placeholders in what
//! the client reads, the notification placeholders in what staff are sent.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::bot::fix_hint;
use crate::lint::bot_texts::{Reader, placeholders};
use crate::lint::{Context, Rule, Scope};
use crate::model::bot_v2::{CLIENT_PLACEHOLDERS, NOTIFICATION_PLACEHOLDERS};

pub const RULE: Rule = Rule {
    code: "B315",
    name: "bot-unknown-placeholder",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a bot text uses a placeholder the runtime does not fill, or one its readers may not see",
        ru: "текст бота использует подстановку, которую среда выполнения не заполняет, или недопустимую для его читателей",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every `{…}` in a text of the bot config is a known placeholder: in what
the client reads `{client_name}`, `{client_phone}`, `{service}`, `{visit_date}`,
`{visit_time}`, `{amount}`; in staff notifications (`escalation.notifications`) `{reason}`,
`{city}`, `{lead_url}`, `{task_url}`, `{deadline}` — never the client's name, phone or words.

**Why it matters.** A runtime sends an unknown placeholder as it stands: the client reads
`Здравствуйте, {client_nam}!`. A client placeholder in a notification sends the client's
data through a messenger or an SMS gateway, outside the CRM.

**Example.**

```json
"sms": "Эскалация: {keyword2}. {lead_url}"
```

**How to fix.** Use one of the listed placeholders, or write the text without it."#,
        ru: r#"**Что проверяет.** Каждая `{…}` в тексте конфигурации бота — известная подстановка: в том,
что читает клиент, — `{client_name}`, `{client_phone}`, `{service}`, `{visit_date}`,
`{visit_time}`, `{amount}`; в уведомлениях сотрудникам (`escalation.notifications`) —
`{reason}`, `{city}`, `{lead_url}`, `{task_url}`, `{deadline}`, но не имя, телефон или слова
клиента.

**Почему это важно.** Неизвестную подстановку среда выполнения отправляет как есть: клиент
читает «Здравствуйте, {client_nam}!». Клиентская подстановка в уведомлении отправляет данные
клиента через мессенджер или SMS-шлюз, за пределы CRM.

**Пример.**

```json
"sms": "Эскалация: {keyword2}. {lead_url}"
```

**Как исправить.** Используйте одну из перечисленных подстановок или напишите текст без неё."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        let loc = doc.location.id.as_str();
        for text in doc.texts().iter().filter(|t| !doc.is_derived(&t.path)) {
            let known = match text.reader {
                Reader::Client => CLIENT_PLACEHOLDERS,
                Reader::Staff => NOTIFICATION_PLACEHOLDERS,
            };
            for (name, _) in placeholders(&text.text) {
                if known.iter().any(|(k, _)| *k == name) {
                    continue;
                }
                let list = known
                    .iter()
                    .map(|(k, _)| format!("{{{k}}}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let path = &text.path;
                out.push(
                    Diagnostic::finding(
                        "B315",
                        Severity::Error,
                        t!(
                            "`{path}` of the bot of `{loc}` uses {{{name}}}, which no runtime fills there",
                            "`{path}` бота филиала `{loc}` использует {{{name}}}, которую среда выполнения здесь не заполняет"
                        ),
                    )
                    .at(
                        doc.file,
                        text.span.clone(),
                        t!("{{{name}}} here", "здесь {{{name}}}"),
                    )
                    .hint(t!(
                        "use one of {list}, or none ({fix})",
                        "используйте одну из подстановок {list} или обойдитесь без неё ({fix})",
                        list = list,
                        fix = fix_hint(),
                    )),
                );
            }
        }
    }
}
