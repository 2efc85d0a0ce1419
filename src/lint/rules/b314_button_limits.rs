//! B314: buttons and list rows keep to what the messengers show: at most 3 buttons of at
//! most 20 characters, at most 10 rows with titles of 24 and descriptions of 72.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::fix_hint;
use crate::lint::json::{Json, Kind};
use crate::lint::{Context, Rule, Scope};
use crate::words::plural_ru;

pub const RULE: Rule = Rule {
    code: "B314",
    name: "bot-button-limits",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "more than 3 buttons, a button over 20 characters, or list rows over WhatsApp's limits",
        ru: "больше 3 кнопок, кнопка длиннее 20 символов или строки списка сверх ограничений WhatsApp",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every `buttons` list of the bot config has at most 3 buttons, each text
at most 20 characters; every `options` list at most 10 rows, each title at most 24 and each
description at most 72 characters.

**Why it matters.** These are WhatsApp's limits for reply buttons and list messages: the
Business API refuses a message beyond them, so the client gets nothing at all — at the
greeting, that is every client. They hold whatever the channels: one config serves them
all, and for MAX and an `other` channel, whose limits regl does not know, WhatsApp's are
the conservative default.

**Example.**

```json
"buttons": [ { "text": "Записаться прямо сейчас онлайн" }, … ]   // 30 characters
```

**How to fix.** Shorten the text or drop a button; keep the `choice` or `branch` it had."#,
        ru: r#"**Что проверяет.** В каждом списке `buttons` конфигурации бота не больше 3 кнопок, текст
каждой — не длиннее 20 символов; в каждом списке `options` не больше 10 строк, заголовок — не
длиннее 24 символов, описание — не длиннее 72.

**Почему это важно.** Это ограничения WhatsApp для кнопок ответа и сообщений со списком:
Business API отклоняет сообщение сверх них, и клиент не получает ничего — а на приветствии это
каждый клиент. Они действуют при любых каналах: одна конфигурация обслуживает все, а для MAX
и канала `other`, ограничения которых regl не известны, ограничения WhatsApp — осторожное
значение по умолчанию.

**Пример.**

```json
"buttons": [ { "text": "Записаться прямо сейчас онлайн" }, … ]   // 30 символов
```

**Как исправить.** Сократите текст или уберите кнопку; сохраните её `choice` или `branch`."#,
    },
    scope: Scope::Bot,
    check,
};

fn walk(v: &Json, found: &mut Vec<(std::ops::Range<usize>, Limit)>) {
    match &v.kind {
        Kind::Object(members) => {
            for m in members {
                match (m.key.as_str(), m.value.as_array()) {
                    ("buttons", Some(items)) => {
                        if items.len() > 3 {
                            found.push((items[3].span.clone(), Limit::Buttons(items.len())));
                        }
                        for b in items {
                            let text = b.get("text").or(Some(b).filter(|b| b.as_str().is_some()));
                            if let Some(t) = text
                                && let Some(s) = t.as_str()
                                && s.chars().count() > 20
                            {
                                found.push((t.span.clone(), Limit::Chars(s.chars().count(), 20)));
                            }
                        }
                    }
                    ("options", Some(items)) => {
                        if items.len() > 10 {
                            found.push((items[10].span.clone(), Limit::Rows(items.len())));
                        }
                        for r in items {
                            for (key, max) in [("title", 24), ("description", 72)] {
                                if let Some(t) = r.get(key)
                                    && let Some(s) = t.as_str()
                                    && s.chars().count() > max
                                {
                                    found.push((
                                        t.span.clone(),
                                        Limit::Chars(s.chars().count(), max),
                                    ));
                                }
                            }
                        }
                    }
                    _ => {}
                }
                if m.key != "x" {
                    walk(&m.value, found);
                }
            }
        }
        Kind::Array(items) => items.iter().for_each(|i| walk(i, found)),
        _ => {}
    }
}

enum Limit {
    Buttons(usize),
    Rows(usize),
    Chars(usize, usize),
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        let mut found = Vec::new();
        walk(doc.root, &mut found);
        let loc = doc.location.id.as_str();
        for (span, limit) in found {
            let (message, label) = match limit {
                Limit::Buttons(n) => (
                    Text::new(
                        format!(
                            "a message of the bot of `{loc}` has {n} buttons: WhatsApp shows at most 3"
                        ),
                        format!(
                            "у сообщения бота филиала `{loc}` {n} {}: WhatsApp показывает не больше 3",
                            plural_ru(u64::try_from(n).unwrap_or(0), "кнопка", "кнопки", "кнопок")
                        ),
                    ),
                    t!("the 4th button", "4-я кнопка"),
                ),
                Limit::Rows(n) => (
                    Text::new(
                        format!(
                            "a list of the bot of `{loc}` has {n} rows: WhatsApp shows at most 10"
                        ),
                        format!(
                            "в списке бота филиала `{loc}` {n} {}: WhatsApp показывает не больше 10",
                            plural_ru(u64::try_from(n).unwrap_or(0), "строка", "строки", "строк")
                        ),
                    ),
                    t!("the 11th row", "11-я строка"),
                ),
                Limit::Chars(n, max) => (
                    t!(
                        "a button or row text of the bot of `{loc}` has {n} characters: at most {max}",
                        "текст кнопки или строки списка бота филиала `{loc}` — {n} символов, а можно не больше {max}"
                    ),
                    t!("{n} characters", "символов: {n}"),
                ),
            };
            out.push(
                Diagnostic::finding("B314", Severity::Error, message)
                    .at(doc.file, span, label)
                    .hint(t!(
                        "shorten it or drop it, keeping its choice or branch ({fix})",
                        "сократите или уберите, сохранив её выбор или ветку ({fix})",
                        fix = fix_hint(),
                    )),
            );
        }
    }
}
