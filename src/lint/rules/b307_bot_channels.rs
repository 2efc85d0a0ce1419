//! B307: the bot serves exactly the channels business.toml gives it.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::strings;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B307",
    name: "bot-channels",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot serves a channel not declared in `business.toml` (not covered by the PD policy)",
        ru: "бот работает в канале, которого нет в `business.toml` (его не покрывает политика обработки ПДн)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every id in the bot config's `channels` is a `[[channels]]` entry with
`bot = true`, and every such channel is in the bot's list.

**Why it matters.** The personal-data policy names the channels data is collected through,
their providers and cross-border transfers. A channel the bot answers on but the policy does
not name is processing without a legal basis in the documents; a channel with `bot = true`
the bot does not serve breaks the AI first-response SLA there.

**Example.**

```json
"channels": ["whatsapp", "telegram", "vk"]    // no [[channels]] with id = "vk"
```

**How to fix.** Declare the channel in `business.toml` (with `cross_border` and its
processor, so the policy covers it) and run `regl lint --fix`; or remove it from
the bot."#,
        ru: r#"**Что проверяет.** Каждый идентификатор в `channels` конфигурации бота — запись
`[[channels]]` с `bot = true`, и каждый такой канал есть в списке бота.

**Почему это важно.** Политика обработки персональных данных называет каналы, через которые
собираются данные, их провайдеров и трансграничную передачу. Канал, где отвечает бот, но
которого нет в политике, — это обработка без правового основания в документах; канал с
`bot = true`, где бот не работает, нарушает в нём SLA первого ответа ИИ.

**Пример.**

```json
"channels": ["whatsapp", "telegram", "vk"]    // нет [[channels]] с id = "vk"
```

**Как исправить.** Объявите канал в `business.toml` (с `cross_border` и его обработчиком,
чтобы политика его покрывала) и запустите `regl lint --fix` — или уберите
канал из бота."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    for doc in cx.bot_docs() {
        let v = match doc.need(
            "B307",
            &["channels"],
            Text::new("a list of channel ids", "список идентификаторов каналов"),
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
        for (id, span) in &have {
            match b.channels.iter().find(|c| c.id.value.as_str() == *id) {
                None => out.push(
                    Diagnostic::finding(
                        "B307",
                        Severity::Error,
                        t!(
                            "the bot of `{loc}` serves `{id}`, which business.toml does not declare",
                            "бот филиала `{loc}` работает в `{id}`, а в business.toml такого канала нет"
                        ),
                    )
                    .at(
                        doc.file,
                        span.clone(),
                        t!("undeclared channel", "необъявленный канал"),
                    )
                    .hint(t!(
                        "declare [[channels]] id = \"{id}\" (the PD policy then covers it) and regenerate, or remove it from the bot",
                        "объявите [[channels]] id = \"{id}\" (тогда его покроет политика ПДн) и пересоздайте конфигурацию или уберите канал из бота"
                    )),
                ),
                Some(c) if !c.bot() => out.push(doc.drift(
                    "B307",
                    t!(
                        "the bot of `{loc}` serves `{id}`, where business.toml says a person answers",
                        "бот филиала `{loc}` работает в `{id}`, где по business.toml отвечает сотрудник"
                    ),
                    span.clone(),
                    t!("the bot answers here", "здесь отвечает бот"),
                    (
                        cx.file,
                        c.bot.as_ref().map_or(c.id.span.clone(), |x| x.span.clone()),
                        t!("no bot on this channel", "в этом канале бота нет"),
                    ),
                    t!(
                        "set `bot = true` on `{id}`, or remove it from the bot's channels",
                        "задайте каналу `{id}` `bot = true` или уберите его из каналов бота"
                    ),
                )),
                Some(_) => {}
            }
        }
        for c in b.channels.iter().filter(|c| c.bot()) {
            let id = c.id.value.as_str();
            if !have.iter().any(|(h, _)| *h == id) {
                out.push(doc.drift(
                    "B307",
                    t!(
                        "the bot of `{loc}` does not serve `{id}`, where business.toml promises an AI answer",
                        "бот филиала `{loc}` не работает в `{id}`, где business.toml обещает ответ ИИ"
                    ),
                    v.span.clone(),
                    t!("`{id}` missing", "нет `{id}`"),
                    (
                        cx.file,
                        c.bot.as_ref().map_or(c.id.span.clone(), |x| x.span.clone()),
                        t!("the bot answers here", "здесь отвечает бот"),
                    ),
                    t!(
                        "add \"{id}\" to the bot's channels (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "добавьте \"{id}\" в каналы бота (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
        }
    }
}
