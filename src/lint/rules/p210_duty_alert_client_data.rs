//! P210: the duty alerts that leave the CRM (Telegram, SMS, e-mail) carry the client's name,
//! phone or words.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "P210",
    name: "duty-alert-client-data",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a duty alert sent by Telegram or SMS carries the client's name, phone or words",
        ru: "уведомление дежурному в Telegram или SMS содержит имя, телефон или слова клиента",
    },
    explanation: StaticText {
        en: r#"**What it checks.** In each bot config, `escalation.notifications.telegram`, `.sms` and
`.email` contain none of `{client_name}`, `{client_phone}` and
`{keyword}`. The Bitrix24 task (`task_title`, `task_description`) may name the client: it
stays in Russia with the client's card.

**Why it matters.** The operator itself sends these alerts, for clients who wrote in any
channel or phoned. A name and phone in the duty Telegram are the operator's transfer of a
client's data abroad (Telegram's servers are outside Russia) that no client chose and the
policy does not describe; a keyword may be health data. The person on duty needs the
reason and the link to the card, nothing more.

**Example.**

```json
"messages": { "telegram": "Эскалация: {reason}. Клиент: {client_name}, {client_phone}. {lead_url}" }
```

**How to fix.** Keep the reason and `{lead_url}` only (`regl lint --fix` restores
the built-in text)."#,
        ru: r#"**Что проверяет.** В каждой конфигурации бота `escalation.notifications.telegram`, `.sms` и
`.email` не содержат `{client_name}`, `{client_phone}` и `{keyword}`.
Задача в Битрикс24 (`task_title`, `task_description`) может называть клиента: она хранится
в России вместе с карточкой.

**Почему это важно.** Эти уведомления отправляет сам оператор — по клиентам, написавшим в
любой канал или позвонившим. Имя и телефон в Telegram дежурного — это передача оператором
данных клиента за рубеж (серверы Telegram находятся за пределами России), которую клиент не
выбирал и которую политика не описывает; ключевое слово может оказаться сведениями о
здоровье. Дежурному нужны причина и ссылка на карточку, не больше.

**Пример.**

```json
"messages": { "telegram": "Эскалация: {reason}. Клиент: {client_name}, {client_phone}. {lead_url}" }
```

**Как исправить.** Оставьте причину и `{lead_url}` (`regl lint --fix` вернёт
встроенный текст)."#,
    },
    scope: Scope::Bot,
    check,
};

const CLIENT: [&str; 3] = ["{client_name}", "{client_phone}", "{keyword}"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        let id = doc.location.id.as_str();
        for key in ["telegram", "sms", "email"] {
            let Ok(v) = doc.find(&["escalation", "notifications", key]) else {
                continue;
            };
            let Some(text) = v.as_str() else { continue };
            let found: Vec<&str> = CLIENT
                .iter()
                .copied()
                .filter(|p| text.contains(p))
                .collect();
            if found.is_empty() {
                continue;
            }
            let found = found.join(", ");
            out.push(
                Diagnostic::finding(
                    "P210",
                    Severity::Error,
                    t!(
                        "the {key} alert of `{id}` carries the client's data ({found})",
                        "уведомление {key} филиала `{id}` содержит данные клиента ({found})"
                    ),
                )
                .at(
                    doc.file,
                    v.span.clone(),
                    t!(
                        "leaves the CRM for the duty {key}",
                        "уходит из CRM дежурному в {key}"
                    ),
                )
                .hint(t!(
                    "keep the reason and {{lead_url}} only (`regl lint --fix` restores the built-in text)",
                    "оставьте причину и {{lead_url}} (`regl lint --fix` вернёт встроенный текст)"
                )),
            );
        }
    }
}
