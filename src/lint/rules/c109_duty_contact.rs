//! C109: a location whose bot works at night has someone the bot can call.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::Notify;

pub const RULE: Rule = Rule {
    code: "C109",
    name: "night-duty-contact",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a night-mode location lacks a duty contact for a notify channel it uses",
        ru: "у филиала с ночным режимом нет контакта дежурного для канала уведомлений, который он использует",
    },
    explanation: StaticText {
        en: r#"**What it checks.** For each location with `night_mode = true`, every person-reaching entry
of `[escalation].notify` has a matching duty contact: `telegram` needs `duty.telegram`,
`sms` needs `duty.phone`, `email` needs `duty.email`.

**Why it matters.** At night the bot is alone. An escalation (a complaint, an urgent
cancellation, a large order) must reach the person on duty within the escalation SLA; a
notify channel without an address reaches no one, and the escalation rules would name a
procedure that cannot run.

**Example.**

```toml
[escalation]
notify = ["bitrix_task", "telegram", "sms"]
[[locations]]
night_mode = true
duty = { name = "Дежурный администратор", telegram = "@lada_duty" }   # no phone for the SMS
```

**How to fix.** Add the missing contact to the location's `duty`, or drop the notify
channel."#,
        ru: r#"**Что проверяет.** Для каждого филиала с `night_mode = true` у каждого пункта
`[escalation].notify`, который должен дойти до человека, есть контакт дежурного: для
`telegram` нужен `duty.telegram`, для `sms` — `duty.phone`, для `email` — `duty.email`.

**Почему это важно.** Ночью бот работает один. Эскалация (жалоба, срочная отмена, крупный
заказ) должна дойти до дежурного в срок, заданный SLA эскалации; канал уведомлений без
адреса не доходит ни до кого, а правила эскалации описывали бы порядок, который невозможно
выполнить.

**Пример.**

```toml
[escalation]
notify = ["bitrix_task", "telegram", "sms"]
[[locations]]
night_mode = true
duty = { name = "Дежурный администратор", telegram = "@lada_duty" }   # нет телефона для SMS
```

**Как исправить.** Добавьте недостающий контакт в `duty` филиала или уберите этот канал
уведомлений."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let notify = &cx.business.escalation.notify;
    for loc in cx.business.locations.iter().filter(|l| l.night_mode()) {
        for n in notify.iter() {
            let (has, key) = match n.value {
                Notify::BitrixTask => continue,
                Notify::Telegram => (loc.duty.telegram.is_some(), "telegram"),
                Notify::Sms => (loc.duty.phone.is_some(), "phone"),
                Notify::Email => (loc.duty.email.is_some(), "email"),
            };
            if has {
                continue;
            }
            out.push(
                Diagnostic::finding(
                    "C109",
                    Severity::Error,
                    t!(
                        "location `{id}` works at night and escalates by {by}, but its duty has no {key}",
                        "филиал `{id}` работает ночью и передаёт эскалации через {by}, но у его дежурного не указан {key}",
                        id = loc.id.as_str(),
                        by = n.value.as_str(),
                    ),
                )
                .at(
                    cx.file,
                    loc.duty.name.span.clone(),
                    t!("this duty has no `{key}`", "у этого дежурного нет `{key}`"),
                )
                .also(
                    cx.file,
                    n.span.clone(),
                    t!("escalations go out this way", "эскалации уходят этим путём"),
                )
                .hint(t!(
                    "add `{key} = …` to the duty of `{id}`, or remove \"{by}\" from `[escalation].notify`",
                    "добавьте `{key} = …` дежурному филиала `{id}` или уберите \"{by}\" из `[escalation].notify`",
                    id = loc.id.as_str(),
                    by = n.value.as_str(),
                )),
            );
        }
    }
}
