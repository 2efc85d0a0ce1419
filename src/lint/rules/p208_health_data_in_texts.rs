//! P208: a business that processes health data keeps them out of what the bot sends and
//! asks: reminders and the after-visit survey do not name the service, notifications do not
//! quote the client, and the bot does not ask for a free-text comment.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::Slot;

pub const RULE: Rule = Rule {
    code: "P208",
    name: "health-data-in-bot-texts",
    severities: &[Severity::Error, Severity::Warning],
    summary: StaticText {
        en: "a business that processes health data has bot, reminder or notification texts that could carry them",
        ru: "у бизнеса, обрабатывающего сведения о здоровье, тексты бота, напоминаний или уведомлений могут их раскрыть",
    },
    explanation: StaticText {
        en: r#"**What it checks.** For a business with `[pd].special_categories` (health data): no reminder
text and no after-visit survey in the bot config names the service (`{service}`); no
escalation reason or duty notification quotes the client's words (`{keyword}`); and
`[bot].qualification` does not ask for a free-text `comment` (warning). The notification
check also applies when an escalation keyword itself names a symptom (`аллергия`, `травма`).

**Why it matters.** Health data are a special category (152-FZ art. 10) and the fact of
seeing a doctor, and for what, is medical secrecy. A reminder goes through WhatsApp,
Telegram or an SMS gateway; a duty alert goes to Telegram abroad. `Напоминаем о записи на «Удаление зуба»` or `клиент написал «кровотечение»` discloses both to a company that has no
written consent for them. A free-text comment invites a patient to describe symptoms.

**Example.**

```json
"reminders": { "texts": [ { "say": "{client_name}, ждём вас на «{service}»" } ] }
```

**How to fix.** Run `regl lint --fix`, which restores the built-in texts: for such a business its
reminders give only the date, time and address, and notifications carry the reason without
the client's text. Remove `"comment"` from `[bot].qualification`."#,
        ru: r#"**Что проверяет.** Для бизнеса с `[pd].special_categories` (сведения о здоровье): ни один
текст напоминания и опроса после визита в конфигурации бота не называет услугу
(`{service}`); ни одна причина эскалации и ни одно уведомление дежурного не цитирует слова
клиента (`{keyword}`); `[bot].qualification` не спрашивает свободный комментарий `comment`
(предупреждение). Проверка уведомлений действует и тогда, когда само ключевое слово
эскалации называет симптом («аллергия», «травма»).

**Почему это важно.** Сведения о здоровье — специальная категория (ст. 10 152-ФЗ), а факт
обращения к врачу и его повод — врачебная тайна. Напоминание уходит через WhatsApp,
Telegram или SMS-шлюз, уведомление дежурному — в Telegram за рубежом. «Напоминаем о записи на
„Удаление зуба“» или «клиент написал „кровотечение“» раскрывает и то и другое компании, у
которой нет письменного согласия пациента. Свободный комментарий подталкивает пациента
описать симптомы.

**Пример.**

```json
"reminders": { "texts": [ { "say": "{client_name}, ждём вас на «{service}»" } ] }
```

**Как исправить.** Запустите `regl lint --fix`, он вернёт встроенные тексты: у такого бизнеса
напоминания сообщают только дату, время и адрес, а уведомления — причину без текста
клиента. Уберите `"comment"` из `[bot].qualification`."#,
    },
    scope: Scope::Bot,
    check,
};

/// Every string under `v` that contains `{placeholder}`, with its span.
fn containing<'j>(v: &'j Json, placeholder: &str, out: &mut Vec<&'j Json>) {
    let mut all = Vec::new();
    v.strings(None, &mut all);
    let needle = format!("{{{placeholder}}}");
    out.extend(
        all.into_iter()
            .map(|(_, j)| j)
            .filter(|j| j.as_str().is_some_and(|s| s.contains(&needle))),
    );
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let special = b.special_regime();
    if special
        && let Some(q) = b
            .bot
            .qualification
            .iter()
            .find(|q| q.value == Slot::Comment)
    {
        out.push(
            Diagnostic::finding(
                "P208",
                Severity::Warning,
                t!(
                    "the bot asks patients for a free-text comment: they may describe symptoms in the chat",
                    "бот просит пациента написать комментарий в свободной форме: пациент может описать в чате симптомы"
                ),
            )
            .at(
                cx.file,
                q.span.clone(),
                t!("free text asked here", "здесь бот просит свободный текст"),
            )
            .hint(t!(
                "remove \"comment\" from [bot].qualification: the doctor asks about health at the appointment",
                "уберите \"comment\" из [bot].qualification: о здоровье спросит врач на приёме"
            )),
        );
    }
    let quotes_client = b.keywords_may_carry_health();
    if !special && !quotes_client {
        return;
    }
    for doc in cx.bot_docs() {
        let id = doc.location.id.as_str();
        let mut hits: Vec<(&Json, bool)> = Vec::new();
        if special {
            let mut found = Vec::new();
            for path in [&["reminders"][..], &["nps"][..]] {
                if let Ok(v) = doc.find(path) {
                    containing(v, "service", &mut found);
                }
            }
            hits.extend(found.into_iter().map(|j| (j, true)));
        }
        if let Ok(v) = doc.find(&["escalation"]) {
            let mut found = Vec::new();
            containing(v, "keyword", &mut found);
            hits.extend(found.into_iter().map(|j| (j, false)));
        }
        for (j, names_service) in hits {
            let (message, label, hint) = if names_service {
                (
                    t!(
                        "a reminder or survey of `{id}` names the service: for a business that processes health data that discloses medical secrecy to the messenger or SMS gateway",
                        "напоминание или опрос филиала `{id}` называет услугу: у бизнеса, обрабатывающего сведения о здоровье, это раскрывает врачебную тайну мессенджеру или SMS-шлюзу"
                    ),
                    t!("`{{service}}` here", "здесь `{{service}}`"),
                    t!(
                        "give only the date, time and address (`regl lint --fix` restores the built-in text)",
                        "оставьте только дату, время и адрес (`regl lint --fix` вернёт встроенный текст)"
                    ),
                )
            } else {
                (
                    t!(
                        "an escalation text of `{id}` quotes the client's keyword: it may be health data and would reach the task, Telegram and SMS",
                        "текст эскалации филиала `{id}` цитирует ключевое слово клиента: это могут быть сведения о здоровье, и они попадут в задачу, Telegram и SMS"
                    ),
                    t!("`{{keyword}}` here", "здесь `{{keyword}}`"),
                    t!(
                        "say that a keyword matched without quoting it (`regl lint --fix` restores the built-in text)",
                        "сообщайте, что сработало ключевое слово, не цитируя его (`regl lint --fix` вернёт встроенный текст)"
                    ),
                )
            };
            out.push(
                Diagnostic::finding("P208", Severity::Error, message)
                    .at(doc.file, j.span.clone(), label)
                    .hint(hint),
            );
        }
    }
}
