//! P207: the policy and the consent document have an address where clients can read them.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "P207",
    name: "published-documents",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the personal-data policy or the consent document has no published address",
        ru: "у политики обработки персональных данных или у документа согласия нет опубликованного адреса",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The personal-data policy and the consent document each have a web
address: `[pd].policy_url` and `[pd].consent_url`, or `[business].website` (regl then uses
its `/privacy` and `/consent` pages).

**Why it matters.** An operator that collects data online must publish its policy online
(152-FZ art. 18.1 p. 2; up to 60,000 ₽ fine when it is not), and the bot's consent request
must link both documents so the client's consent is informed. Without an address the bot
cannot ask for consent lawfully, so regl exports no bot scripts.

**Example.**

```toml
[business]
# website = "https://lada.example"   # removed, and [pd] has no policy_url
```

**How to fix.** Set `[business].website`, or `policy_url` and `consent_url` in `[pd]`, to the
pages where the rendered policy and consent are published."#,
        ru: r#"**Что проверяет.** У политики обработки персональных данных и у документа согласия есть
адрес в интернете: `[pd].policy_url` и `[pd].consent_url` или `[business].website` (тогда
regl использует его страницы `/privacy` и `/consent`).

**Почему это важно.** Оператор, который собирает данные через интернет, обязан
опубликовать политику в интернете (ч. 2 ст. 18.1 152‑ФЗ; штраф до 60 000 ₽, если её нет), а
запрос согласия в боте должен ссылаться на оба документа, чтобы согласие клиента было
информированным. Без адреса бот не может законно запросить согласие, поэтому regl не
экспортирует сценарии бота.

**Пример.**

```toml
[business]
# website = "https://lada.example"   # удалён, а в [pd] нет policy_url
```

**Как исправить.** Укажите `[business].website` или `policy_url` и `consent_url` в `[pd]` —
адреса страниц, где опубликованы сформированные политика и согласие."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let (policy, consent) = b.published_urls();
    // Genitive in Russian: «у политики и документа согласия нет…».
    let missing: Vec<Text> = [
        (policy, Text::new("the policy", "политики")),
        (
            consent,
            Text::new("the consent document", "документа согласия"),
        ),
    ]
    .into_iter()
    .filter(|(url, _)| url.is_none())
    .map(|(_, what)| what)
    .collect();
    let Some(mut which) = missing.first().cloned() else {
        return;
    };
    for more in &missing[1..] {
        which = Text::new(
            format!("{} and {}", which.en(), more.en()),
            format!("{} и {}", which.ru(), more.ru()),
        );
    }
    out.push(
        Diagnostic::finding(
            "P207",
            Severity::Error,
            t!(
                "{which} has no published address",
                "у {which} нет опубликованного адреса",
                which = which,
            ),
        )
        .at(
            cx.file,
            b.business.name.span.clone(),
            t!(
                "no `website` for this business",
                "у этого бизнеса нет `website`"
            ),
        )
        .hint(t!(
            "set `[business].website`, or `policy_url` and `consent_url` in [pd]",
            "укажите `[business].website` или `policy_url` и `consent_url` в [pd]"
        )),
    );
}
