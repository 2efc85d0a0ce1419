//! C111: the CRM fields and stages are ones Bitrix24 will accept.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::bitrix24::{is_standard_field, stage_id_problem, user_field_problem};
use crate::model::enums::FieldType;

pub const RULE: Rule = Rule {
    code: "C111",
    name: "crm-field",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a required CRM field is undefined; a user field code is not `UF_CRM_` + `[A-Z0-9_]`, or longer than 20 characters in all; an enumeration has no values; a stage id is longer than 21 characters or not `[A-Za-z0-9_-]`",
        ru: "обязательное поле CRM не объявлено; код пользовательского поля — не `UF_CRM_` + `[A-Z0-9_]` или длиннее 20 символов вместе с префиксом; у поля-списка нет значений; id стадии длиннее 21 символа или не из `[A-Za-z0-9_-]`",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every `[crm].required` code is a standard lead field (`NAME`, `PHONE`,
`SOURCE_ID`, `UTM_*`, …) or a code in `[crm].fields`; every user field code is `UF_CRM_`
followed by Latin capitals, digits and `_`, 20 characters at most in all; an
`enumeration` field has `values`; stage ids are at most 21 characters of `[A-Za-z0-9_-]`.

**Why it matters.** These are Bitrix24's own limits: `crm.lead.userfield.add` and
`crm.status.add` refuse anything else, so the export's setup commands would fail on the
portal and the bot would write leads without the card the SOP describes.

**Example.**

```toml
fields = [ { code = "UF_CRM_PREFERRED_VISIT_TIME", label = "Время", type = "string", slot = "preferred_time" } ]
# 27 characters: Bitrix24 allows 20 including UF_CRM_
```

**How to fix.** Shorten the code (`UF_CRM_REGL_TIME`), declare the field the required list
names, give the enumeration its `values`, shorten the stage id."#,
        ru: r#"**Что проверяет.** Каждый код из `[crm].required` — стандартное поле лида (`NAME`, `PHONE`,
`SOURCE_ID`, `UTM_*`, …) или код из `[crm].fields`; каждый код пользовательского поля —
`UF_CRM_`, за которым идут заглавные латинские буквы, цифры и `_`, всего не больше 20
символов; у поля типа `enumeration` есть `values`; id стадий — не больше 21 символа из
`[A-Za-z0-9_-]`.

**Почему это важно.** Это ограничения самого Битрикс24: `crm.lead.userfield.add` и
`crm.status.add` отклоняют всё остальное, поэтому команды настройки из экспорта упали бы на
портале, а бот записывал бы лиды без карточки, которую описывает регламент.

**Пример.**

```toml
fields = [ { code = "UF_CRM_PREFERRED_VISIT_TIME", label = "Время", type = "string", slot = "preferred_time" } ]
# 27 символов: Битрикс24 допускает 20 вместе с UF_CRM_
```

**Как исправить.** Сократите код (`UF_CRM_REGL_TIME`), объявите поле, которое называет список
обязательных, задайте полю-списку его `values`, сократите id стадии."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let crm = &cx.business.crm;
    for r in crm.required.iter() {
        let code = r.as_str();
        if !is_standard_field(code) && !crm.fields.iter().any(|f| f.code.as_str() == code) {
            out.push(
                Diagnostic::finding(
                    "C111",
                    Severity::Error,
                    t!(
                        "required CRM field `{code}` is not defined",
                        "обязательное поле CRM `{code}` не объявлено"
                    ),
                )
                .at(
                    cx.file,
                    r.span.clone(),
                    t!(
                        "neither a standard lead field nor in `[crm].fields`",
                        "не стандартное поле лида и не из `[crm].fields`"
                    ),
                )
                .hint(t!(
                    "declare it in `[crm].fields` ({{ code = \"{code}\", label = …, type = …, slot = … }}), or remove it from `required`",
                    "объявите его в `[crm].fields` ({{ code = \"{code}\", label = …, type = …, slot = … }}) или уберите из `required`"
                )),
            );
        }
    }
    for f in &crm.fields {
        if let Some(problem) = user_field_problem(f.code.as_str()) {
            out.push(
                Diagnostic::finding(
                    "C111",
                    Severity::Error,
                    t!(
                        "Bitrix24 will refuse user field {problem}",
                        "Битрикс24 не примет пользовательское поле: {problem}",
                        problem = problem,
                    ),
                )
                .at(
                    cx.file,
                    f.code.span.clone(),
                    t!(
                        "not a valid user field code",
                        "недопустимый код пользовательского поля"
                    ),
                )
                .hint(t!(
                    "user field codes are `UF_CRM_` + Latin capitals, digits and `_`, 20 characters at most, e.g. UF_CRM_REGL_TIME",
                    "код пользовательского поля — `UF_CRM_` и заглавные латинские буквы, цифры и `_`, всего не больше 20 символов, например UF_CRM_REGL_TIME"
                )),
            );
        }
        if f.kind.value == FieldType::Enumeration && f.values.as_ref().is_none_or(|v| v.is_empty())
        {
            let span = f
                .values
                .as_ref()
                .map_or(f.kind.span.clone(), |v| v.span.clone());
            out.push(
                Diagnostic::finding(
                    "C111",
                    Severity::Error,
                    t!(
                        "enumeration field `{code}` has no values",
                        "у поля-списка `{code}` нет значений",
                        code = f.code.value,
                    ),
                )
                .at(
                    cx.file,
                    span,
                    t!(
                        "an enumeration needs its list items",
                        "полю-списку нужны пункты списка"
                    ),
                )
                .hint(t!(
                    "add `values = [\"…\", \"…\"]`, or make the field a `string`",
                    "добавьте `values = [\"…\", \"…\"]` или сделайте поле типа `string`"
                )),
            );
        }
    }
    for s in &crm.stages {
        if let Some(problem) = stage_id_problem(s.id.as_str()) {
            out.push(
                Diagnostic::finding("C111", Severity::Error, problem)
                    .at(
                        cx.file,
                        s.id.span.clone(),
                        t!(
                            "Bitrix24 will refuse this stage id",
                            "Битрикс24 не примет такой id стадии"
                        ),
                    )
                    .hint(t!(
                        "stage ids are up to 21 characters of Latin letters, digits, `_` and `-`, e.g. UC_NO_SHOW",
                        "id стадии — до 21 символа из латинских букв, цифр, `_` и `-`, например UC_NO_SHOW"
                    )),
            );
        }
    }
}
