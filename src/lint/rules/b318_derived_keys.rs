//! B318: the rest of what the bot config derives from `business.toml` — the survey's timing
//! and scale, the assistant's address and phone, each action's CRM effect, the
//! placeholders, the branch each greeting button starts, the confirm reply's action.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text};
use crate::lint::bot_derived::check_path;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B318",
    name: "bot-derived-keys",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's survey, assistant contacts, action effects, placeholders or button branches differ from business.toml",
        ru: "опрос, контакты ассистента, действия, подстановки или ветки кнопок бота расходятся с business.toml",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The keys of the bot config that follow from `business.toml` and that
no other B-rule compares: `nps` (after how long, the scale, the detractor and promoter
bounds), `assistant` (name, business, city, address, phone, website), `actions` (each
action's record, writes, stage, to-do, task), `placeholders`, the `branch` of each greeting
button and the action of `reminders.confirmed`. The texts are the team's and not compared
here (B315 and B316 check what is inside them).

**Why it matters.** A runtime acts on these values: it sends clients to `assistant.address`,
gives `assistant.phone` for calls, moves a lead to the stage `actions` names. An edit here
sends clients to the wrong place or records a booking as a cancellation.

**Example.**

```json
"assistant": { "address": "ул. Пушкина, д. 45", … }   // the location is at ул. Ленина, д. 10
```

**How to fix.** `regl lint --fix` puts the values back; change `business.toml` if the value
itself changed."#,
        ru: r#"**Что проверяет.** Ключи конфигурации бота, которые следуют из `business.toml` и которые
не сравнивает другое B-правило: `nps` (через сколько, шкала, границы критиков и
промоутеров), `assistant` (имя, бизнес, город, адрес, телефон, сайт), `actions` (запись,
поля, стадия, дело, задача каждого действия), `placeholders`, `branch` каждой кнопки
приветствия и действие `reminders.confirmed`. Тексты принадлежат команде и здесь не
сравниваются (что внутри них, проверяют B315 и B316).

**Почему это важно.** Среда выполнения действует по этим значениям: отправляет клиентов по
`assistant.address`, даёт для звонков `assistant.phone`, переводит лид на стадию из
`actions`. Правка здесь отправляет клиентов не туда или записывает запись как отмену.

**Пример.**

```json
"assistant": { "address": "ул. Пушкина, д. 45", … }   // а филиал — на ул. Ленина, д. 10
```

**Как исправить.** `regl lint --fix` вернёт значения; если изменилось само значение,
измените `business.toml`."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let what = Text::new("the derived keys", "Производные ключи");
    for doc in cx.bot_docs() {
        check_path(
            &doc,
            "B318",
            &["nps"],
            &["say", "detractor", "passive", "promoter"],
            &what,
            out,
        );
        check_path(&doc, "B318", &["assistant"], &[], &what, out);
        check_path(&doc, "B318", &["actions"], &[], &what, out);
        check_path(&doc, "B318", &["placeholders"], &[], &what, out);
        check_path(
            &doc,
            "B318",
            &["greeting", "buttons"],
            &["text", "words"],
            &what,
            out,
        );
        check_path(
            &doc,
            "B318",
            &["reminders", "confirmed"],
            &["say"],
            &what,
            out,
        );
    }
}
