//! P206: Russian citizens' data is first recorded in Russia.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::law::{self, Act};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::ProcessorRole;

pub const RULE: Rule = Rule {
    code: "P206",
    name: "data-location",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "`storage_country` outside Russia, or an instruction processor abroad whose role means client data is first recorded there (crm, ai, hosting): Russian citizens' data must be first recorded in Russia",
        ru: "`storage_country` за пределами России или обработчик по поручению за границей, чья роль означает, что данные клиентов впервые записываются там (crm, ai, hosting): данные граждан России должны впервые записываться в России",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[pd].storage_country` is `RU`, and no processor with role `crm`, `ai` or
`hosting` has a country other than `RU`.

**Why it matters.** 152-FZ art. 18 p. 5 (tightened 1 July 2025): Russian citizens' data must
be first recorded, stored and updated in databases in Russia. A bot that writes client data
straight into a foreign CRM or AI service breaks it; the fine is 1–6 million rubles (KoAP
13.11). Messengers are different: the client chose them, and the backend behind the bot is
what counts.

**Example.**

```toml
processors = [ { name = "OpenAI", role = "ai", purpose = "ответы ассистента", country = "US" } ]
```

**How to fix.** Use a CRM, AI service and hosting in Russia (Bitrix24 on a Russian portal,
YandexGPT or GigaChat, a Russian cloud); a foreign service may get data only after it was
first recorded in Russia, as a cross-border transfer."#,
        ru: r#"**Что проверяет.** `[pd].storage_country` — `RU`, и ни у одного обработчика с ролью `crm`,
`ai` или `hosting` страна не отличается от `RU`.

**Почему это важно.** Ч. 5 ст. 18 152‑ФЗ (ужесточена с 1 июля 2025 года): запись,
систематизация, накопление, хранение и уточнение персональных данных граждан России ведутся
в базах данных на территории России. Бот, который пишет данные клиентов сразу в
иностранную CRM или в иностранный ИИ-сервис, нарушает это требование; штраф — от 1 до 6
миллионов рублей (ст. 13.11 КоАП РФ). С мессенджерами иначе: их выбрал сам клиент, а
значение имеет то, что стоит за ботом.

**Пример.**

```toml
processors = [ { name = "OpenAI", role = "ai", purpose = "ответы ассистента", country = "US" } ]
```

**Как исправить.** Используйте CRM, ИИ-сервис и хостинг в России (Битрикс24 на российском
портале, YandexGPT или GigaChat, российское облако); иностранный сервис может получать
данные только после их первичной записи в России — как трансграничная передача."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let pd = &cx.business.pd;
    if !pd.storage_country.eq_ignore_ascii_case("RU") {
        out.push(
            Diagnostic::finding(
                "P206",
                Severity::Error,
                t!(
                    "client data is first recorded in `{country}`, not in Russia",
                    "данные клиентов впервые записываются в `{country}`, а не в России",
                    country = pd.storage_country.value,
                ),
            )
            .at(
                cx.file,
                pd.storage_country.span.clone(),
                t!("must be \"RU\"", "должно быть \"RU\""),
            )
            .hint(t!(
                "set storage_country = \"RU\" and keep the first record in Russian databases ({law})",
                "поставьте storage_country = \"RU\" и ведите первичную запись в базах данных в России ({law})",
                law = law::part(Act::PersonalData, "18", "5"),
            )),
        );
    }
    for p in &pd.processors {
        // A service the client chooses (a messenger) is an operator in its own right: the
        // operator records nothing there first. Its own processors must be in Russia.
        let first_record = p.is_instructed()
            && matches!(
                p.role.value,
                ProcessorRole::Crm | ProcessorRole::Ai | ProcessorRole::Hosting
            );
        if first_record && !p.country.eq_ignore_ascii_case("RU") {
            out.push(
                Diagnostic::finding(
                    "P206",
                    Severity::Error,
                    t!(
                        "«{name}» ({role}) is in `{country}`: client data would be first recorded abroad",
                        "«{name}» ({role}) находится в `{country}`: данные клиентов впервые записывались бы за границей",
                        name = p.name.value,
                        role = p.role.value.as_str(),
                        country = p.country.value,
                    ),
                )
                .at(
                    cx.file,
                    p.country.span.clone(),
                    t!("outside Russia", "за пределами России"),
                )
                .also(
                    cx.file,
                    p.role.span.clone(),
                    t!(
                        "this role records client data first",
                        "при этой роли данные клиентов впервые записываются здесь"
                    ),
                )
                .hint(t!(
                    "use a service in Russia for the CRM, the AI and hosting; transfer abroad only after the first record in Russia",
                    "используйте для CRM, ИИ и хостинга сервисы в России; передавайте данные за границу только после первичной записи в России"
                )),
            );
        }
    }
}
