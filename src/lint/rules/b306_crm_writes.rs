//! B306: the bot writes the CRM fields business.toml maps, and every required one.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::regenerate;
use crate::lint::{Context, Rule, Scope};
use crate::model::bitrix24::is_standard_field;

pub const RULE: Rule = Rule {
    code: "B306",
    name: "bot-crm-writes",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot writes a CRM field that is not mapped, or skips a required one",
        ru: "бот пишет в поле CRM, которого нет в сопоставлении, или пропускает обязательное",
    },
    explanation: StaticText {
        en: r#"**What it checks.** In the bot config's `crm.writes` (slot → field code): every field is a
standard lead field (`NAME`, `PHONE`, `SOURCE_ID`, …) or a `[crm].fields` code, a user
field is written from the slot `[crm].fields` gives it, every `[crm].required` field is
written, and `crm.system` is `[crm].system`.

**Why it matters.** The lead card in the SOP lists its required fields; a bot that skips one
creates cards a manager cannot work with, and one that writes an unmapped `UF_CRM_…` field
gets an error from Bitrix24 and may lose the lead.

**Example.**

```json
"crm": { "writes": { "name": "NAME", "phone": "PHONE", "service": "UF_CRM_SERVICE" } }
// [crm].fields defines UF_CRM_REGL_SERVICE, and SOURCE_ID is required but never written
```

**How to fix.** Regenerate the bot config with `regl export`; declare new user fields in
`[crm].fields` first."#,
        ru: r#"**Что проверяет.** В `crm.writes` конфигурации бота (слот → код поля): каждое поле —
стандартное поле лида (`NAME`, `PHONE`, `SOURCE_ID`, …) или код из `[crm].fields`;
пользовательское поле заполняется из того слота, который ему назначен в `[crm].fields`;
каждое поле из `[crm].required` заполняется; `crm.system` совпадает с `[crm].system`.

**Почему это важно.** Карточка лида в регламенте перечисляет обязательные поля. Бот, который
пропускает одно из них, создаёт карточки, с которыми менеджер не может работать, а бот,
который пишет в несопоставленное поле `UF_CRM_…`, получает ошибку от Bitrix24 и может
потерять лид.

**Пример.**

```json
"crm": { "writes": { "name": "NAME", "phone": "PHONE", "service": "UF_CRM_SERVICE" } }
// в [crm].fields определено UF_CRM_REGL_SERVICE, а обязательное SOURCE_ID не пишется никогда
```

**Как исправить.** Пересоздайте конфигурацию бота командой `regl export`; новые
пользовательские поля сначала объявите в `[crm].fields`."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let crm = &cx.business.crm;
    for doc in cx.bot_docs() {
        let loc = doc.location.id.as_str();
        match doc.need(
            "B306",
            &["crm", "system"],
            Text::same("\"bitrix24\""),
            |v| v.as_str().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if v.as_str() != Some(crm.system.value.as_str()) => {
                let (bot, system) = (v.as_str().unwrap_or_default(), crm.system.value.as_str());
                out.push(doc.drift(
                    "B306",
                    t!(
                        "the bot of `{loc}` writes to `{bot}`, business.toml's CRM is `{system}`",
                        "бот филиала `{loc}` пишет в `{bot}`, а CRM в business.toml — `{system}`"
                    ),
                    v.span.clone(),
                    t!("the bot's CRM", "CRM бота"),
                    (
                        cx.file,
                        crm.system.span.clone(),
                        Text::new("the CRM", "CRM"),
                    ),
                    regenerate(),
                ));
            }
            Ok(_) => {}
        }
        let writes = match doc.need(
            "B306",
            &["crm", "writes"],
            Text::new("an object of slot → field code", "объект «слот → код поля»"),
            crate::lint::json::Json::is_object,
        ) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        for m in writes.members() {
            let slot = &m.key;
            let Some(code) = m.value.as_str() else {
                out.push(
                    Diagnostic::finding(
                        "B306",
                        Severity::Error,
                        t!(
                            "crm.writes.{slot} is {kind}, expected a field code",
                            "crm.writes.{slot} — {kind}, а ожидается код поля",
                            slot = slot,
                            kind = m.value.kind_name(),
                        ),
                    )
                    .at(
                        doc.file,
                        m.value.span.clone(),
                        t!(
                            "expected a string such as \"NAME\"",
                            "ожидается строка, например \"NAME\""
                        ),
                    )
                    .hint(regenerate()),
                );
                continue;
            };
            if is_standard_field(code) {
                continue;
            }
            match crm.fields.iter().find(|f| f.code.as_str() == code) {
                None => out.push(doc.drift(
                    "B306",
                    t!(
                        "the bot of `{loc}` writes slot `{slot}` to `{code}`, which is not mapped in [crm]",
                        "бот филиала `{loc}` пишет слот `{slot}` в `{code}`, которого нет в сопоставлении [crm]"
                    ),
                    m.value.span.clone(),
                    t!(
                        "not a standard field nor in [crm].fields",
                        "не стандартное поле и не из [crm].fields"
                    ),
                    (
                        cx.file,
                        crm.required.span.clone(),
                        t!("the CRM mapping", "сопоставление полей CRM"),
                    ),
                    t!(
                        "declare `{code}` in [crm].fields, or write the slot to a mapped field (regenerate with `regl export`)",
                        "объявите `{code}` в [crm].fields или пишите этот слот в сопоставленное поле (пересоздайте конфигурацию командой `regl export`)"
                    ),
                )),
                Some(f) if f.slot.value.as_str() != m.key => {
                    let mapped = f.slot.value.as_str();
                    out.push(doc.drift(
                        "B306",
                        t!(
                            "the bot of `{loc}` writes slot `{slot}` to `{code}`, which [crm] maps to slot `{mapped}`",
                            "бот филиала `{loc}` пишет слот `{slot}` в `{code}`, а [crm] сопоставляет этому полю слот `{mapped}`"
                        ),
                        m.key_span.clone(),
                        t!("this slot", "этот слот"),
                        (
                            cx.file,
                            f.slot.span.clone(),
                            t!("the field's slot", "слот поля"),
                        ),
                        regenerate(),
                    ));
                }
                Some(_) => {}
            }
        }
        for r in crm.required.iter() {
            if !writes
                .members()
                .iter()
                .any(|m| m.value.as_str() == Some(r.as_str()))
            {
                let field = &r.value;
                out.push(doc.drift(
                    "B306",
                    t!(
                        "the bot of `{loc}` never writes the required field `{field}`",
                        "бот филиала `{loc}` никогда не заполняет обязательное поле `{field}`"
                    ),
                    writes.span.start..writes.span.start + 1,
                    t!("no slot writes `{field}`", "ни один слот не пишет в `{field}`"),
                    (
                        cx.file,
                        r.span.clone(),
                        t!("required on every lead", "обязательно для каждого лида"),
                    ),
                    t!(
                        "map a slot to `{field}` in crm.writes (or regenerate with `regl export`)",
                        "назначьте полю `{field}` слот в crm.writes (или пересоздайте конфигурацию командой `regl export`)"
                    ),
                ));
            }
        }
    }
}
