//! C107: the first reminder arrives while free cancellation is still possible.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C107",
    name: "reminder-after-free-window",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "the earliest reminder comes after the free-cancellation window has closed",
        ru: "самое раннее напоминание приходит, когда бесплатная отмена уже закончилась",
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
        ru: r#"**Что проверяет.** Самый большой срок в `[sla].reminders` (первое напоминание, которое
получает клиент) не меньше `[cancellation].free_until`.

**Почему это важно.** Напоминания сокращают неявки: клиент успевает отменить или перенести
визит вовремя. Если первое напоминание приходит, когда бесплатная отмена уже закончилась,
клиент вспоминает о визите, только когда отмена уже стоит денег: больше неявок и споров.

**Пример.**

```toml
[sla]
reminders = ["2h", "1h"]
[cancellation]
free_until = "24h"   # первое напоминание приходит на 22 часа позже
```

**Как исправить.** Добавьте напоминание не позже конца бесплатной отмены (например,
`"24h"`) или сократите `free_until`."#,
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
                t!(
                    "the first reminder ({first} before the visit) comes after free cancellation closed ({window} before)",
                    "первое напоминание (за {first} до визита) приходит уже после конца бесплатной отмены (за {window} до визита)",
                    first = first.value,
                    window = window.value,
                ),
            )
            .at(
                cx.file,
                first.span.clone(),
                t!("earliest reminder", "самое раннее напоминание"),
            )
            .also(
                cx.file,
                window.span.clone(),
                t!("free cancellation ends here", "здесь заканчивается бесплатная отмена"),
            )
            .hint(t!(
                "add a reminder of \"{window}\" or more, or shorten `free_until`",
                "добавьте напоминание за \"{window}\" или раньше либо сократите `free_until`",
                window = window.value,
            )),
        );
    }
}
