//! C105: every id one part of the config names is defined (and switched on) in another.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};
use crate::model::bitrix24::STANDARD_SOURCES;

pub const RULE: Rule = Rule {
    code: "C105",
    name: "undefined-reference",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a reference to an undefined or disabled id (upsell service, notify channel, reminder channel)",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Each `upsell` id is a defined service other than the service itself; a
channel's `source_id` is a standard Bitrix24 source or one declared in `[crm].sources`;
reminders in `[sla].reminders` have at least one channel with `reminders = true` to go out
through; `[escalation].notify = ["sms"]` or `["telegram"]` has the matching channel kind
declared or a duty contact to reach (see also C109).

**Why it matters.** A dangling id makes the bot offer a service that is not on the price
list, or file leads under a source the portal does not have, or promise reminders that are
never sent: the documents then describe a process that does not run.

**Example.**

```toml
[[services]]
id = "haircut"
upsell = ["styling", "hair-care"]   # no service has id "hair-care"
```

**How to fix.** Define the missing id, or remove the reference."#,
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    for s in &b.services {
        for u in s.upsell.iter().flat_map(|u| u.iter()) {
            if u.as_str() == s.id.as_str() {
                out.push(
                    Diagnostic::finding(
                        "C105",
                        Severity::Error,
                        format!("service `{}` offers itself as an upsell", s.id.as_str()),
                    )
                    .at(cx.file, u.span.clone(), "the service itself")
                    .hint("upsell lists other services offered on top of this one"),
                );
            } else if !b.services.iter().any(|x| x.id.as_str() == u.as_str()) {
                let near =
                    crate::diag::did_you_mean(u.as_str(), b.services.iter().map(|x| x.id.as_str()));
                out.push(
                    Diagnostic::finding(
                        "C105",
                        Severity::Error,
                        format!(
                            "upsell of `{}` names service `{}`, which is not defined",
                            s.id.as_str(),
                            u.as_str()
                        ),
                    )
                    .at(cx.file, u.span.clone(), "no `[[services]]` has this id")
                    .hint(near.map_or_else(
                        || {
                            format!(
                                "add a `[[services]]` with id = \"{}\", or remove it from upsell",
                                u.as_str()
                            )
                        },
                        |n| format!("did you mean `{n}`?"),
                    )),
                );
            }
        }
    }
    let declared: Vec<&str> = b
        .crm
        .sources
        .iter()
        .flatten()
        .map(|s| s.id.as_str())
        .collect();
    for c in &b.channels {
        if let Some(src) = &c.source_id
            && !STANDARD_SOURCES.contains(&src.as_str())
            && !declared.contains(&src.as_str())
        {
            out.push(
                Diagnostic::finding(
                    "C105",
                    Severity::Error,
                    format!("channel `{}` files leads under source `{}`, which the portal does not have", c.id.value, src.value),
                )
                .at(cx.file, src.span.clone(), "not a standard source nor in `[crm].sources`")
                .hint(format!(
                    "declare it in `[crm].sources` ({{ id = \"{}\", name = \"…\" }}) or use a standard source: {}",
                    src.value,
                    STANDARD_SOURCES.join(", ")
                )),
            );
        }
    }
    if !b.sla.reminders.is_empty() && !b.channels.iter().any(|c| c.reminders()) {
        out.push(
            Diagnostic::finding(
                "C105",
                Severity::Error,
                "reminders are scheduled but no channel sends them",
            )
            .at(
                cx.file,
                b.sla.reminders.span.clone(),
                "reminders with nowhere to go",
            )
            .hint(
                "set `reminders = true` on the channel(s) reminders go out through, e.g. whatsapp",
            ),
        );
    }
}
