//! B306: the bot writes the CRM fields business.toml maps, and every required one.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::{BotDoc, fix_hint, regenerate};
use crate::lint::bot_derived::check_path;
use crate::lint::json::Json;
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

**How to fix.** Run `regl lint --fix` (or `regl export --bot-configs` when the team has no edits to keep); declare new user fields in
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

**Как исправить.** Запустите `regl lint --fix` (или `regl export --bot-configs`, если правки команды сохранять не нужно); новые
пользовательские поля сначала объявите в `[crm].fields`."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    check_values(cx, out);
    let what = Text::new("the CRM settings", "Настройки CRM");
    for doc in cx.bot_docs() {
        for key in [
            "mode", "portal", "required", "enums", "sources", "stages", "tags", "methods",
            "mapping",
        ] {
            check_path(&doc, "B306", &["crm", key], &[], &what, out);
        }
        deleted_writes(&doc, out);
        required_by_actions(cx, &doc, out);
    }
}

fn check_values(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
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
                        "declare `{code}` in [crm].fields, or write the slot to a mapped field (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "объявите `{code}` в [crm].fields или пишите этот слот в сопоставленное поле (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
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
                        "map a slot to `{field}` in crm.writes (or run `regl lint --fix`; `regl export --bot-configs` rewrites the file when the team has no edits to keep)",
                        "назначьте полю `{field}` слот в crm.writes (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
                    ),
                ));
            }
        }
    }
}

/// Slots the runtime fills itself: every record has them without a question.
const FILLED_BY_RUNTIME: &[&str] = &["channel", "location", "source", "consent_version", "amount"];

/// A slot whose write the export has and the file dropped: the bot still asks for it and
/// the value goes nowhere.
fn deleted_writes(doc: &BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let Some(want) = doc
        .expected_at(&["crm", "writes"])
        .and_then(|w| w.as_object())
    else {
        return;
    };
    let Ok(have) = doc.find(&["crm", "writes"]) else {
        return;
    };
    if !have.is_object() {
        return;
    }
    let loc = doc.location.id.as_str();
    for (slot, code) in want {
        if have.get(slot).is_some() {
            continue;
        }
        let code = code.as_str().unwrap_or_default();
        out.push(
            Diagnostic::finding(
                "B306",
                Severity::Error,
                t!(
                    "the bot of `{loc}` collects `{slot}` but no longer writes it to the CRM (`{code}`)",
                    "бот филиала `{loc}` собирает `{slot}`, но больше не пишет его в CRM (`{code}`)"
                ),
            )
            .at(
                doc.file,
                have.span.start..have.span.start + 1,
                t!("`{slot}` missing", "нет `{slot}`"),
            )
            .hint(t!(
                "add \"{slot}\": \"{code}\" to crm.writes ({fix})",
                "добавьте \"{slot}\": \"{code}\" в crm.writes ({fix})",
                slot = slot,
                code = code,
                fix = fix_hint(),
            )),
        );
    }
}

/// An action that creates a record has every `crm.required` field by then: each one's slot
/// asked earlier in the branch, or filled by the runtime.
fn required_by_actions(cx: &Context<'_>, doc: &BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let expected = doc.expected();
    let creates = |action: &str| expected["actions"][action]["record"] == "find_or_create";
    let writes = expected["crm"]["writes"].as_object();
    let slot_of = |code: &str| {
        writes.and_then(|w| {
            w.iter()
                .find(|(_, c)| c.as_str() == Some(code))
                .map(|(s, _)| s)
        })
    };
    let Ok(branches) = doc.find(&["branches"]) else {
        return;
    };
    let loc = doc.location.id.as_str();
    for br in branches.as_array().unwrap_or_default() {
        let id = br.get("id").and_then(Json::as_str).unwrap_or("?");
        let mut asked: Vec<&str> = Vec::new();
        for st in br.get("steps").and_then(Json::as_array).unwrap_or_default() {
            if let Some(a) = st.get("ask").and_then(Json::as_str) {
                asked.push(a);
            }
            let Some(action) = st.get("action") else {
                continue;
            };
            let Some(name) = action.as_str().filter(|a| creates(a)) else {
                continue;
            };
            for r in cx.business.crm.required.iter() {
                let code = r.as_str();
                let Some(slot) = slot_of(code) else { continue };
                if FILLED_BY_RUNTIME.contains(&slot) || asked.contains(&slot) {
                    continue;
                }
                out.push(
                    Diagnostic::finding(
                        "B306",
                        Severity::Error,
                        t!(
                            "branch `{id}` of the bot of `{loc}` runs `{name}` without the required `{code}`: it never asks for `{slot}`",
                            "ветка `{id}` бота филиала `{loc}` выполняет `{name}` без обязательного `{code}`: она не спрашивает `{slot}`"
                        ),
                    )
                    .at(
                        doc.file,
                        action.span.clone(),
                        t!("creates the record here", "здесь создаётся запись"),
                    )
                    .also(cx.file, r.span.clone(), t!("required", "обязательное поле"))
                    .hint(t!(
                        "ask for `{slot}` in the branch before this step ({fix})",
                        "спросите `{slot}` в ветке до этого шага ({fix})",
                        slot = slot,
                        fix = fix_hint(),
                    )),
                );
            }
        }
    }
}
