//! B306: the bot writes the CRM fields business.toml maps, and every required one.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};
use crate::model::bitrix24::is_standard_field;

pub const RULE: Rule = Rule {
    code: "B306",
    name: "bot-crm-writes",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot writes a CRM field that is not mapped, or skips a required one",
        ru: "",
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
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let crm = &cx.business.crm;
    for doc in cx.bot_docs() {
        match doc.need("B306", &["crm", "system"], "\"bitrix24\"", |v| {
            v.as_str().is_some()
        }) {
            Err(d) => out.push(d),
            Ok(v) if v.as_str() != Some(crm.system.value.as_str()) => out.push(doc.drift(
                "B306",
                format!(
                    "the bot of `{}` writes to `{}`, business.toml's CRM is `{}`",
                    doc.location.id.as_str(),
                    v.as_str().unwrap_or_default(),
                    crm.system.value.as_str()
                ),
                v.span.clone(),
                "the bot's CRM".into(),
                (cx.file, crm.system.span.clone(), "the CRM".into()),
                "regenerate the bot config with `regl export`".into(),
            )),
            Ok(_) => {}
        }
        let writes = match doc.need(
            "B306",
            &["crm", "writes"],
            "an object of slot → field code",
            crate::lint::json::Json::is_object,
        ) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        for m in writes.members() {
            let Some(code) = m.value.as_str() else {
                out.push(
                    Diagnostic::finding(
                        "B306",
                        Severity::Error,
                        format!(
                            "crm.writes.{} is {}, expected a field code",
                            m.key,
                            m.value.kind_name()
                        ),
                    )
                    .at(
                        doc.file,
                        m.value.span.clone(),
                        "expected a string such as \"NAME\"",
                    )
                    .hint("regenerate the bot config with `regl export`"),
                );
                continue;
            };
            if is_standard_field(code) {
                continue;
            }
            match crm.fields.iter().find(|f| f.code.as_str() == code) {
                None => out.push(doc.drift(
                    "B306",
                    format!("the bot of `{}` writes slot `{}` to `{code}`, which is not mapped in [crm]", doc.location.id.as_str(), m.key),
                    m.value.span.clone(),
                    "not a standard field nor in [crm].fields".into(),
                    (cx.file, crm.required.span.clone(), "the CRM mapping".into()),
                    format!("declare `{code}` in [crm].fields, or write the slot to a mapped field (regenerate with `regl export`)"),
                )),
                Some(f) if f.slot.value.as_str() != m.key => out.push(doc.drift(
                    "B306",
                    format!("the bot of `{}` writes slot `{}` to `{code}`, which [crm] maps to slot `{}`", doc.location.id.as_str(), m.key, f.slot.value.as_str()),
                    m.key_span.clone(),
                    "this slot".into(),
                    (cx.file, f.slot.span.clone(), "the field's slot".into()),
                    "regenerate the bot config with `regl export`".into(),
                )),
                Some(_) => {}
            }
        }
        for r in crm.required.iter() {
            if !writes
                .members()
                .iter()
                .any(|m| m.value.as_str() == Some(r.as_str()))
            {
                out.push(doc.drift(
                    "B306",
                    format!(
                        "the bot of `{}` never writes the required field `{}`",
                        doc.location.id.as_str(),
                        r.value
                    ),
                    writes.span.start..writes.span.start + 1,
                    format!("no slot writes `{}`", r.value),
                    (cx.file, r.span.clone(), "required on every lead".into()),
                    format!(
                        "map a slot to `{}` in crm.writes (or regenerate with `regl export`)",
                        r.value
                    ),
                ));
            }
        }
    }
}
