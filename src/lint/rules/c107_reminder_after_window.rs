//! C107: the first reminder arrives while free cancellation is still possible.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C107",
    name: "reminder-after-free-window",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "the earliest reminder comes after the free-cancellation window has closed",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The longest offset in `[sla].reminders` (the first reminder a client
gets) is at least `[cancellation].free_until`.

**Why it matters.** Reminders cut no-shows by letting a client cancel or move a visit in
time. If the first reminder arrives after free cancellation has closed, the client learns
about the visit only when cancelling already costs money: more no-shows, more disputes.

**Example.**

```toml
[sla]
reminders = ["2h", "1h"]
[cancellation]
free_until = "24h"   # the first reminder comes 22 hours too late
```

**How to fix.** Add a reminder at or before the window's end (e.g. `"24h"`), or shorten
`free_until`."#,
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let Some(first) = b.sla.reminders.iter().max_by_key(|r| r.value) else {
        return;
    };
    let window = &b.cancellation.free_until;
    if first.value < window.value {
        out.push(
            Diagnostic::finding(
                "C107",
                Severity::Warning,
                format!(
                    "the first reminder ({} before the visit) comes after free cancellation closed ({} before)",
                    first.value, window.value
                ),
            )
            .at(cx.file, first.span.clone(), "earliest reminder")
            .also(cx.file, window.span.clone(), "free cancellation ends here")
            .hint(format!("add a reminder of \"{}\" or more, or shorten `free_until`", window.value)),
        );
    }
}
