//! C105: every id one part of the config names is defined (and switched on) in another.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, phrases, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::bitrix24::{STANDARD_SOURCES, channel_source};

pub const RULE: Rule = Rule {
    code: "C105",
    name: "undefined-reference",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a reference to an undefined or disabled id (upsell service, notify channel, reminder channel)",
        ru: "ссылка на необъявленный или выключенный id (услуга в upsell, канал уведомлений, канал напоминаний)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Each `upsell` id is a defined service other than the service itself; a
channel's source (its `source_id`, or without one the channel id in capitals — `SMS`,
`WHATSAPP`; `WEB`, `CALL` and `EMAIL` for the site, the phone and e-mail) is a standard
Bitrix24 source or one declared in `[crm].sources`;
reminders in `[sla].reminders` have at least one channel with `reminders = true` to go out
through; `[escalation].notify = ["sms"]` or `["telegram"]` has the matching channel kind
declared or a duty contact to reach (see also C109).

**Why it matters.** A dangling id makes the bot offer a service that is not on the price
list, or file leads under a source the portal does not have, or promise reminders that are
never sent: the documents then describe a process that does not run.

**Example.**

```toml
[[services]]
id = "haircut"
upsell = ["styling", "hair-care"]   # no service has id "hair-care"
```

**How to fix.** Define the missing id, or remove the reference."#,
        ru: r#"**Что проверяет.** Каждый id в `upsell` — объявленная услуга, и не та же самая; `source_id`
источник канала (его `source_id`, а без него — id канала заглавными буквами: `SMS`,
`WHATSAPP`; для сайта, телефона и почты — `WEB`, `CALL` и `EMAIL`) — стандартный источник
Битрикс24 или объявленный в `[crm].sources`; для напоминаний
из `[sla].reminders` есть хотя бы один канал с `reminders = true`, через который они
уходят; для `[escalation].notify = ["sms"]` или `["telegram"]` объявлен канал этого вида
или есть контакт дежурного, до которого можно дойти (см. также C109).

**Почему это важно.** Из-за висячего id бот предлагает услугу, которой нет в прайсе, или
заводит лиды под источником, которого нет на портале, или обещает напоминания, которые
никогда не уходят: документы описывают процесс, который не работает.

**Пример.**

```toml
[[services]]
id = "haircut"
upsell = ["styling", "hair-care"]   # нет услуги с id "hair-care"
```

**Как исправить.** Объявите недостающий id или уберите ссылку на него."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    for s in &b.services {
        for u in s.upsell.iter().flat_map(|u| u.iter()) {
            if u.as_str() == s.id.as_str() {
                out.push(
                    Diagnostic::finding(
                        "C105",
                        Severity::Error,
                        t!(
                            "service `{id}` offers itself as an upsell",
                            "услуга `{id}` предлагает в допродажу саму себя",
                            id = s.id.as_str(),
                        ),
                    )
                    .at(
                        cx.file,
                        u.span.clone(),
                        t!("the service itself", "та же самая услуга"),
                    )
                    .hint(t!(
                        "upsell lists other services offered on top of this one",
                        "в upsell перечисляют другие услуги, которые предлагают в дополнение к этой"
                    )),
                );
            } else if !b.services.iter().any(|x| x.id.as_str() == u.as_str()) {
                let near =
                    crate::diag::did_you_mean(u.as_str(), b.services.iter().map(|x| x.id.as_str()));
                out.push(
                    Diagnostic::finding(
                        "C105",
                        Severity::Error,
                        t!(
                            "upsell of `{id}` names service `{upsell}`, which is not defined",
                            "в upsell услуги `{id}` указана услуга `{upsell}`, которая не объявлена",
                            id = s.id.as_str(),
                            upsell = u.as_str(),
                        ),
                    )
                    .at(
                        cx.file,
                        u.span.clone(),
                        t!(
                            "no `[[services]]` has this id",
                            "ни у одной `[[services]]` нет такого id"
                        ),
                    )
                    .hint(near.map_or_else(
                        || {
                            t!(
                                "add a `[[services]]` with id = \"{upsell}\", or remove it from upsell",
                                "добавьте `[[services]]` с id = \"{upsell}\" или уберите её из upsell",
                                upsell = u.as_str(),
                            )
                        },
                        |n| phrases::did_you_mean(&format!("`{n}`")),
                    )),
                );
            }
        }
    }
    let declared: Vec<&str> = b
        .crm
        .sources
        .iter()
        .flatten()
        .map(|s| s.id.as_str())
        .collect();
    for c in &b.channels {
        let src = channel_source(c);
        if STANDARD_SOURCES.contains(&src.as_str()) || declared.contains(&src.as_str()) {
            continue;
        }
        let id = c.id.value;
        let (span, label) = match &c.source_id {
            Some(given) => (
                given.span.clone(),
                t!(
                    "not a standard source nor in `[crm].sources`",
                    "не стандартный источник и не из `[crm].sources`"
                ),
            ),
            None => (
                c.id.span.clone(),
                t!(
                    "no `source_id`: its leads are filed under `{src}`, which `[crm].sources` does not declare",
                    "нет `source_id`: лиды канала заводятся с источником `{src}`, которого нет в `[crm].sources`"
                ),
            ),
        };
        out.push(
            Diagnostic::finding(
                "C105",
                Severity::Error,
                t!(
                    "channel `{id}` files leads under source `{src}`, which the portal does not have",
                    "канал `{id}` заводит лиды с источником `{src}`, которого нет на портале"
                ),
            )
            .at(cx.file, span, label)
            .hint(t!(
                "declare it in `[crm].sources` ({{ id = \"{src}\", name = \"…\" }}) or give the channel a standard `source_id`: {standard}",
                "объявите его в `[crm].sources` ({{ id = \"{src}\", name = \"…\" }}) или задайте каналу стандартный `source_id`: {standard}",
                standard = STANDARD_SOURCES.join(", "),
            )),
        );
    }
    if !b.sla.reminders.is_empty() && !b.channels.iter().any(|c| c.reminders()) {
        out.push(
            Diagnostic::finding(
                "C105",
                Severity::Error,
                t!(
                    "reminders are scheduled but no channel sends them",
                    "напоминания запланированы, но ни один канал их не отправляет"
                ),
            )
            .at(
                cx.file,
                b.sla.reminders.span.clone(),
                t!(
                    "reminders with nowhere to go",
                    "напоминаниям некуда уходить"
                ),
            )
            .hint(t!(
                "set `reminders = true` on the channel(s) reminders go out through, e.g. whatsapp",
                "поставьте `reminders = true` каналам, через которые уходят напоминания, например whatsapp"
            )),
        );
    }
}
