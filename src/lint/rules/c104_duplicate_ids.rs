//! C104: ids that must be unique are unique.

use std::ops::Range;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C104",
    name: "duplicate-id",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "duplicate id (location, channel, service, CRM field, stage)",
        ru: "",
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
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn dupes<'a>(
    cx: &Context<'_>,
    what: &str,
    items: impl Iterator<Item = (&'a str, Range<usize>)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<(&str, Range<usize>)> = Vec::new();
    for (id, span) in items {
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
            out.push(
                Diagnostic::finding(
                    "C104",
                    Severity::Error,
                    format!("{what} `{id}` is defined twice"),
                )
                .at(cx.file, span.clone(), "defined again here")
                .also(cx.file, first.clone(), "first defined here")
                .hint(format!(
                    "give each {what} its own id, or merge the two entries"
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
        "location",
        b.locations
            .iter()
            .map(|l| (l.id.as_str(), l.id.span.clone())),
        out,
    );
    dupes(
        cx,
        "channel",
        b.channels
            .iter()
            .map(|c| (c.id.as_str(), c.id.span.clone())),
        out,
    );
    dupes(
        cx,
        "service",
        b.services
            .iter()
            .map(|s| (s.id.as_str(), s.id.span.clone())),
        out,
    );
    dupes(
        cx,
        "CRM field",
        b.crm
            .fields
            .iter()
            .map(|f| (f.code.as_str(), f.code.span.clone())),
        out,
    );
    dupes(
        cx,
        "CRM stage",
        b.crm
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.id.span.clone())),
        out,
    );
}
