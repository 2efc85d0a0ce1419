//! C114: a declared channel has no item in the CRM's channel list.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::business::Channel;
use crate::model::enums::{ChannelKind, FieldType, Slot};

pub const RULE: Rule = Rule {
    code: "C114",
    name: "crm-channel-value-missing",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a declared channel has no item in the list of the CRM field the bot writes the channel to",
        ru: "для объявленного канала нет значения в списке поля CRM, куда бот пишет канал",
    },
    explanation: StaticText {
        en: r#"**What it checks.** When a `[crm].fields` entry of type `enumeration` takes the slot
`channel`, each `[[channels]]` id has an item in its `values` (by name: `WhatsApp`,
`Telegram`, `VK` or `ВКонтакте`, `MAX`, `Сайт` or `Website`, `Телефон` or `Phone`, `SMS`,
`Email` or `Почта`, `Instagram`; an `other` channel by its `name`).

**Why it matters.** A lead from a channel the list lacks cannot be written: the bot has no
item to choose, and the field the reports filter by stays empty for every such lead.

**Example.** `[[channels]] id = "vk"` was added, the field still has
`values = ["WhatsApp", "Telegram", "Сайт", "Телефон", "SMS"]`.

**How to fix.** Add the channel to the field's `values` (`"ВКонтакте"`), then `regl export`
and `regl push` to create the item on the portal."#,
        ru: r#"**Что проверяет.** Если у поля `[crm].fields` типа `enumeration` слот `channel`, для
каждого `[[channels]]` в его `values` есть значение (по названию: «WhatsApp», «Telegram»,
«VK» или «ВКонтакте», «MAX», «Сайт», «Телефон», «SMS», «Email» или «Почта», «Instagram»; для
канала `other` — по его `name`).

**Почему это важно.** Лид из канала, которого нет в списке, записать нельзя: боту нечего
выбрать, и поле, по которому фильтруют отчёты, у всех таких лидов пустое.

**Пример.** Добавили `[[channels]] id = "vk"`, а у поля всё ещё
`values = ["WhatsApp", "Telegram", "Сайт", "Телефон", "SMS"]`.

**Как исправить.** Добавьте канал в `values` поля (`"ВКонтакте"`), затем выполните
`regl export` и `regl push`, чтобы значение появилось на портале."#,
    },
    scope: Scope::Config,
    check,
};

/// The names a channel's list item goes by, lower case; an `other` channel's is the name
/// its owner gave it.
fn names(c: &Channel) -> Vec<String> {
    let fixed: &[&str] = match c.id.value {
        ChannelKind::Whatsapp => &["whatsapp", "ватсап", "вотсап"],
        ChannelKind::Telegram => &["telegram", "телеграм", "телеграмм"],
        ChannelKind::Instagram => &["instagram", "инстаграм"],
        ChannelKind::Vk => &["vk", "вк", "вконтакте", "vkontakte"],
        ChannelKind::Website => &["сайт", "website", "site", "web", "веб-сайт"],
        ChannelKind::Phone => &["телефон", "phone", "звонок", "call"],
        ChannelKind::Sms => &["sms", "смс"],
        ChannelKind::Email => &["email", "e-mail", "почта", "электронная почта", "mail"],
        ChannelKind::Max => &["max", "макс", "мессенджер max"],
        ChannelKind::Other => {
            return c.own_name().map(str::to_lowercase).into_iter().collect();
        }
    };
    fixed.iter().map(|s| (*s).to_owned()).collect()
}

/// The item to add, as the presets name their items.
fn display(c: &Channel) -> &str {
    match c.id.value {
        ChannelKind::Whatsapp => "WhatsApp",
        ChannelKind::Telegram => "Telegram",
        ChannelKind::Instagram => "Instagram",
        ChannelKind::Vk => "ВКонтакте",
        ChannelKind::Website => "Сайт",
        ChannelKind::Phone => "Телефон",
        ChannelKind::Sms => "SMS",
        ChannelKind::Email => "Email",
        ChannelKind::Max => "MAX",
        ChannelKind::Other => c.own_name().unwrap_or("other"),
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    for f in b
        .crm
        .fields
        .iter()
        .filter(|f| f.slot.value == Slot::Channel && f.kind.value == FieldType::Enumeration)
    {
        let Some(values) = &f.values else { continue };
        let listed: Vec<String> = values
            .value
            .iter()
            .map(|v| v.value.trim().to_lowercase())
            .collect();
        for c in &b.channels {
            if names(c).iter().any(|n| listed.iter().any(|l| l == n)) {
                continue;
            }
            let (id, code, name) = (c.id.value.as_str(), f.code.value.as_str(), display(c));
            out.push(
                Diagnostic::finding(
                    "C114",
                    Severity::Error,
                    t!(
                        "channel `{id}` has no item in the list of `{code}`",
                        "для канала `{id}` нет значения в списке `{code}`"
                    ),
                )
                .at(
                    cx.file,
                    values.span.clone(),
                    t!("no item for this channel", "нет значения для этого канала"),
                )
                .also(cx.file, c.id.span.clone(), t!("declared here", "объявлен здесь"))
                .hint(t!(
                    "add its name to `values` (e.g. \"{name}\"), then `regl export` and `regl push`",
                    "добавьте его название в `values` (например, \"{name}\"), затем `regl export` и `regl push`"
                )),
            );
        }
    }
}
