//! P206: Russian citizens' data is first recorded in Russia.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::ProcessorRole;

pub const RULE: Rule = Rule {
    code: "P206",
    name: "data-location",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "`storage_country` outside Russia, or a processor abroad whose role means client data is first recorded there (crm, ai, hosting): Russian citizens' data must be first recorded in Russia",
        ru: "",
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
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let pd = &cx.business.pd;
    if !pd.storage_country.eq_ignore_ascii_case("RU") {
        out.push(
            Diagnostic::finding("P206", Severity::Error, format!("client data is first recorded in `{}`, not in Russia", pd.storage_country.value))
                .at(cx.file, pd.storage_country.span.clone(), "must be \"RU\"")
                .hint("set storage_country = \"RU\" and keep the first record in Russian databases (152-FZ art. 18 p. 5)"),
        );
    }
    for p in &pd.processors {
        let first_record = matches!(
            p.role.value,
            ProcessorRole::Crm | ProcessorRole::Ai | ProcessorRole::Hosting
        );
        if first_record && !p.country.eq_ignore_ascii_case("RU") {
            out.push(
                Diagnostic::finding(
                    "P206",
                    Severity::Error,
                    format!("«{}» ({}) is in `{}`: client data would be first recorded abroad", p.name.value, p.role.value.as_str(), p.country.value),
                )
                .at(cx.file, p.country.span.clone(), "outside Russia")
                .also(cx.file, p.role.span.clone(), "this role records client data first")
                .hint("use a service in Russia for the CRM, the AI and hosting; transfer abroad only after the first record in Russia"),
            );
        }
    }
}
