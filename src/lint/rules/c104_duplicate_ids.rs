//! C104: ids that must be unique are unique.

use std::ops::Range;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C104",
    name: "duplicate-id",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "duplicate id (location, channel, service, CRM field, stage)",
        ru: "повторяющийся id (филиала, канала, услуги, поля CRM, стадии)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Location ids, channel ids, service ids, `[crm].fields` codes and
`[crm].stages` ids each appear once.

**Why it matters.** Ids name output files (`pd-policy-<loc>.docx`), escalation tags, bot
branches and Bitrix24 objects. Two locations with one id write over each other's documents;
two CRM fields with one code make `crm.lead.userfield.add` fail half-way.

**Example.**

```toml
[[services]]
id = "haircut"
# …
[[services]]
id = "haircut"   # a second service with the same id
```

**How to fix.** Rename one of them; ids are `[a-z0-9-]+` and say what the thing is."#,
        ru: r#"**Что проверяет.** Каждый id филиала, канала и услуги, каждый код из `[crm].fields` и
каждый id из `[crm].stages` встречается один раз.

**Почему это важно.** По id называются файлы (`pd-policy-<loc>.docx`), теги эскалации,
ветки бота и объекты Битрикс24. Два филиала с одним id перезаписывают документы друг
друга; из-за двух полей CRM с одним кодом `crm.lead.userfield.add` обрывается на середине.

**Пример.**

```toml
[[services]]
id = "haircut"
# …
[[services]]
id = "haircut"   # вторая услуга с тем же id
```

**Как исправить.** Переименуйте одну из записей; id — это `[a-z0-9-]+`, и он говорит, что
это за объект."#,
    },
    scope: Scope::Config,
    check,
};

/// What kind of thing has the id, as each sentence needs it: Russian agrees the participle
/// with the noun's gender («филиал объявлен», «услуга объявлена») and gives «каждому» its case.
struct Kind {
    en: &'static str,
    /// «филиал `x` объявлен дважды».
    ru: &'static str,
    ru_defined: &'static str,
    /// «дайте каждому филиалу свой id».
    ru_each: &'static str,
}

const LOCATION: Kind = Kind {
    en: "location",
    ru: "филиал",
    ru_defined: "объявлен",
    ru_each: "каждому филиалу",
};
const CHANNEL: Kind = Kind {
    en: "channel",
    ru: "канал",
    ru_defined: "объявлен",
    ru_each: "каждому каналу",
};
const SERVICE: Kind = Kind {
    en: "service",
    ru: "услуга",
    ru_defined: "объявлена",
    ru_each: "каждой услуге",
};
const CRM_FIELD: Kind = Kind {
    en: "CRM field",
    ru: "поле CRM",
    ru_defined: "объявлено",
    ru_each: "каждому полю CRM",
};
const CRM_STAGE: Kind = Kind {
    en: "CRM stage",
    ru: "стадия CRM",
    ru_defined: "объявлена",
    ru_each: "каждой стадии CRM",
};

fn dupes<'a>(
    cx: &Context<'_>,
    what: &Kind,
    items: impl Iterator<Item = (&'a str, Range<usize>)>,
    out: &mut Vec<Diagnostic>,
) {
    let Kind {
        en,
        ru,
        ru_defined,
        ru_each,
    } = what;
    let mut seen: Vec<(&str, Range<usize>)> = Vec::new();
    for (id, span) in items {
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
            out.push(
                Diagnostic::finding(
                    "C104",
                    Severity::Error,
                    t!(
                        "{en} `{id}` is defined twice",
                        "{ru} `{id}` {ru_defined} дважды"
                    ),
                )
                .at(
                    cx.file,
                    span.clone(),
                    t!("defined again here", "здесь объявлен повторно"),
                )
                .also(
                    cx.file,
                    first.clone(),
                    t!("first defined here", "здесь объявлен впервые"),
                )
                .hint(t!(
                    "give each {en} its own id, or merge the two entries",
                    "дайте {ru_each} свой id или объедините две записи"
                )),
            );
        } else {
            seen.push((id, span));
        }
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    dupes(
        cx,
        &LOCATION,
        b.locations
            .iter()
            .map(|l| (l.id.as_str(), l.id.span.clone())),
        out,
    );
    dupes(
        cx,
        &CHANNEL,
        b.channels
            .iter()
            .map(|c| (c.id.as_str(), c.id.span.clone())),
        out,
    );
    dupes(
        cx,
        &SERVICE,
        b.services
            .iter()
            .map(|s| (s.id.as_str(), s.id.span.clone())),
        out,
    );
    dupes(
        cx,
        &CRM_FIELD,
        b.crm
            .fields
            .iter()
            .map(|f| (f.code.as_str(), f.code.span.clone())),
        out,
    );
    dupes(
        cx,
        &CRM_STAGE,
        b.crm
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.id.span.clone())),
        out,
    );
}
