//! P202: a cross-border channel's provider is declared as a processor with its country.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::business::Channel;
use crate::model::enums::ChannelKind;

pub const RULE: Rule = Rule {
    code: "P202",
    name: "cross-border-processor",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a cross-border channel whose provider is not declared in `processors` (as an independent operator) with its country",
        ru: "трансграничный канал, провайдер которого не указан в `processors` (как самостоятельный оператор) вместе со своей страной",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Each channel with `cross_border = true` has its provider in
`[pd].processors` (WhatsApp, Telegram, Instagram, VK, …, matched by name) with a country,
and that provider is not declared a processor under the operator's instruction (`basis =
"instruction"`): a messenger the client chooses is an operator in its own right.

**Why it matters.** The personal-data policy must name every company that receives client
data and every cross-border transfer, and must not claim a contract that does not exist:
WhatsApp or Telegram take no instruction from the operator (152-FZ art. 6 part 3), and cross-border transfer needs its own notification to
Roskomnadzor before it starts (152-FZ art. 12). A channel the policy does not mention is
processing the policy does not cover.

**Example.**

```toml
[[channels]]
id = "telegram"
cross_border = true
# …but [pd].processors has no Telegram entry
```

**How to fix.** Add the provider: `{ name = "Telegram", role = "messenger", purpose =
"переписка с клиентами", country = "AE" }`."#,
        ru: r#"**Что проверяет.** Для каждого канала с `cross_border = true` его провайдер есть в
`[pd].processors` (WhatsApp, Telegram, Instagram, VK, …, сверяется по названию) вместе со
страной и не объявлен обработчиком по поручению оператора (`basis = "instruction"`):
мессенджер, который выбирает клиент, — самостоятельный оператор.

**Почему это важно.** Политика обработки персональных данных должна называть каждую
компанию, получающую данные клиентов, и каждую трансграничную передачу и не должна
утверждать договор, которого нет: WhatsApp и Telegram поручений оператора не получают
(ч. 3 ст. 6), а о трансграничной передаче нужно отдельно
уведомить Роскомнадзор до её начала (ст. 12 152‑ФЗ). Канал, которого нет в политике, — это
обработка, которую политика не покрывает.

**Пример.**

```toml
[[channels]]
id = "telegram"
cross_border = true
# …а в [pd].processors нет записи о Telegram
```

**Как исправить.** Добавьте провайдера: `{ name = "Telegram", role = "messenger", purpose =
"переписка с клиентами", country = "AE" }`."#,
    },
    scope: Scope::Config,
    check,
};

/// How a provider's name may be spelt in `[pd].processors`; an `other` channel's provider
/// goes by the channel's name.
fn provider_names(c: &Channel) -> Vec<String> {
    let fixed: &[&str] = match c.id.value {
        ChannelKind::Whatsapp => &["whatsapp", "ватсап", "вотсап"],
        ChannelKind::Telegram => &["telegram", "телеграм"],
        ChannelKind::Instagram => &["instagram", "инстаграм"],
        ChannelKind::Vk => &["vk", "вконтакте", "вк"],
        ChannelKind::Website => &["website", "site", "сайт", "хостинг", "hosting"],
        ChannelKind::Phone => &["phone", "телефон", "телефония", "ip-телефон"],
        ChannelKind::Sms => &["sms", "смс"],
        ChannelKind::Email => &["mail", "почта", "e-mail"],
        ChannelKind::Max => &["max", "макс"],
        ChannelKind::Other => {
            return c.own_name().map(str::to_lowercase).into_iter().collect();
        }
    };
    fixed.iter().map(|s| (*s).to_owned()).collect()
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let pd = &cx.business.pd;
    for c in cx.business.channels.iter().filter(|c| c.cross_border()) {
        let names = provider_names(c);
        let found = pd.processors.iter().find(|p| {
            let n = p.name.to_lowercase();
            names.iter().any(|w| n.contains(w))
        });
        let span = c
            .cross_border
            .as_ref()
            .map_or(c.id.span.clone(), |b| b.span.clone());
        match found {
            None => out.push(
                Diagnostic::finding(
                    "P202",
                    Severity::Error,
                    t!(
                        "channel `{id}` transfers data abroad, but its provider is not a declared processor",
                        "канал `{id}` передаёт данные за границу, но его провайдер не указан среди обработчиков",
                        id = c.id.value,
                    ),
                )
                .at(cx.file, span, t!("cross-border channel", "трансграничный канал"))
                .hint(t!(
                    "add it to [pd].processors: {{ name = \"{id}\", role = \"messenger\", purpose = \"…\", country = \"…\" }}",
                    "добавьте его в [pd].processors: {{ name = \"{id}\", role = \"messenger\", purpose = \"…\", country = \"…\" }}",
                    id = c.id.value,
                )),
            ),
            Some(p) if p.country.trim().is_empty() || p.country.eq_ignore_ascii_case("RU") => out.push(
                Diagnostic::finding(
                    "P202",
                    Severity::Error,
                    t!(
                        "channel `{id}` transfers data abroad, but processor «{name}» is declared in `{country}`",
                        "канал `{id}` передаёт данные за границу, но для обработчика «{name}» указана страна `{country}`",
                        id = c.id.value,
                        name = p.name.value,
                        country = p.country.value,
                    ),
                )
                .at(
                    cx.file,
                    p.country.span.clone(),
                    t!("the provider's country", "страна провайдера"),
                )
                .also(cx.file, span, t!("declared cross-border", "объявлен трансграничным"))
                .hint(t!(
                    "give the country the data goes to (e.g. \"US\" for Meta), or set `cross_border = false` if it stays in Russia",
                    "укажите страну, куда уходят данные (например, \"US\" для Meta), или поставьте `cross_border = false`, если данные остаются в России"
                )),
            ),
            Some(p) if p.basis.is_some() && p.is_instructed() => {
                let (channel, name) = (c.id.value, p.name.value.as_str());
                out.push(
                    Diagnostic::finding(
                        "P202",
                        Severity::Error,
                        t!(
                            "channel `{channel}` is a service the client chooses, but «{name}» is declared as a processor under the operator's instruction",
                            "канал `{channel}` клиент выбирает сам, а «{name}» объявлен обработчиком по поручению оператора"
                        ),
                    )
                    .at(
                        cx.file,
                        p.basis.as_ref().map_or(p.name.span.clone(), |b| b.span.clone()),
                        t!("no instruction is given to a messenger", "мессенджеру поручение не даётся"),
                    )
                    .hint(t!(
                        "set `basis = \"independent\"`: the messenger processes messages under its own terms (152-FZ art. 6 part 3)",
                        "укажите `basis = \"independent\"`: мессенджер обрабатывает сообщения по своим правилам (ч. 3 ст. 6 152-ФЗ)"
                    )),
                );
            }
            Some(_) => {}
        }
    }
}
