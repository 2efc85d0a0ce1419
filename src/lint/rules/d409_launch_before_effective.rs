//! D409: a location opens before its documents take effect.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "D409",
    name: "launch-before-effective-date",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "a location's `launch_date` is before `[document].effective_date`: it would open under documents not yet in force",
        ru: "`launch_date` филиала раньше `[document].effective_date`: филиал откроется до вступления документов в силу",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every location's `launch_date` is on or after
`[document].effective_date`.

**Why it matters.** The SOP, the escalation rules and the cancellation policy apply from
their effective date, and staff sign for that version before they work by it. A city that
opens earlier answers clients under rules that do not apply yet, and the checklist's due
dates (counted back from the opening) fall before the documents exist.

**Example.**

```toml
[document]
effective_date = 2027-02-01
[[locations]]
id = "omsk"
launch_date = 2027-01-20
```

**How to fix.** Move the opening after the effective date, or give the documents an earlier
`effective_date` (with a `[document].changes` entry)."#,
        ru: r#"**Что проверяет.** `launch_date` каждого филиала не раньше
`[document].effective_date`.

**Почему это важно.** Регламент, правила эскалации и правила отмены действуют с даты
вступления в силу, и сотрудники расписываются за эту версию до того, как работать по ней.
Филиал, открывшийся раньше, отвечает клиентам по правилам, которые ещё не действуют, а сроки
чек-листа (отсчитанные от открытия) приходятся на время, когда документов ещё нет.

**Пример.**

```toml
[document]
effective_date = 2027-02-01
[[locations]]
id = "omsk"
launch_date = 2027-01-20
```

**Как исправить.** Перенесите открытие на дату вступления документов в силу или позже либо
укажите более раннюю `effective_date` (с записью в `[document].changes`)."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let effective = &cx.business.document.effective_date;
    for loc in &cx.business.locations {
        let Some(date) = loc.launch_date.as_ref() else {
            continue;
        };
        if date.value >= effective.value {
            continue;
        }
        let (id, on, from) = (loc.id.as_str(), date.value, effective.value);
        out.push(
            Diagnostic::finding(
                "D409",
                Severity::Warning,
                t!(
                    "location `{id}` opens on {on}, before its documents take effect on {from}",
                    "филиал `{id}` открывается {on}, раньше вступления документов в силу {from}"
                ),
            )
            .at(cx.file, date.span.clone(), t!("the opening day", "день открытия"))
            .also(cx.file, effective.span.clone(), t!("documents in force from", "документы действуют с"))
            .hint(t!(
                "move `launch_date` on or after `[document].effective_date`, or make the documents effective earlier",
                "перенесите `launch_date` на `[document].effective_date` или позже либо сделайте документы действующими раньше"
            )),
        );
    }
}
