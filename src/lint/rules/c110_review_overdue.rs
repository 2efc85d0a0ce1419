//! C110: the documents' review date has not passed.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C110",
    name: "review-overdue",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "the document's review date has passed",
        ru: "срок пересмотра документов прошёл",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The later of `[document].effective_date` and the last revision's date,
plus `review_every`, is not before today. Today is the system date where the first location
is, or `REGL_TODAY=YYYY-MM-DD` when set (for reproducible CI).

**Why it matters.** Controlled documents (ISO 9001 7.5) carry a next review date. Laws
change (152-FZ was tightened twice in 2025), prices and staff change: a document past its
review may describe a process that no longer runs.

**Example.**

```toml
[document]
effective_date = 2026-01-10
review_every = "90d"   # review was due on 2026-04-10
```

**How to fix.** Review the documents, then add an entry to `changes`, bump `version` and
move `effective_date`; or waive C110 with a reason and an `until` date while the review is
scheduled."#,
        ru: r#"**Что проверяет.** Более поздняя из дат — `[document].effective_date` или дата последней
редакции — плюс `review_every` не раньше сегодняшнего дня. Сегодня — это системная дата там,
где находится первый филиал, или `REGL_TODAY=YYYY-MM-DD`, если переменная задана (для
воспроизводимого CI).

**Почему это важно.** У управляемых документов (ISO 9001, п. 7.5) есть дата следующего
пересмотра. Законы меняются (152‑ФЗ в 2025 году ужесточали дважды), меняются цены и
сотрудники: документ с просроченным пересмотром может описывать процесс, которого уже нет.

**Пример.**

```toml
[document]
effective_date = 2026-01-10
review_every = "90d"   # пересмотр нужно было провести до 2026-04-10
```

**Как исправить.** Пересмотрите документы, затем добавьте запись в `changes`, увеличьте
`version` и перенесите `effective_date`; или, пока пересмотр запланирован, отключите C110
исключением с причиной и датой `until`."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = &cx.business.document;
    let last_change = doc.changes.iter().map(|c| c.date.value).max();
    let since = last_change.map_or(doc.effective_date.value, |c| {
        c.max(doc.effective_date.value)
    });
    let days = doc.review_every.secs().div_ceil(86_400);
    let Some(due) = since.checked_add_days(chrono::Days::new(days)) else {
        return;
    };
    if due < cx.today {
        out.push(
            Diagnostic::finding(
                "C110",
                Severity::Warning,
                t!(
                    "the documents were due for review on {due} (today is {today})",
                    "срок пересмотра документов истёк {due} (сегодня {today})",
                    today = cx.today,
                ),
            )
            .at(
                cx.file,
                doc.effective_date.span.clone(),
                t!("effective since {since}", "действуют с {since}"),
            )
            .also(
                cx.file,
                doc.review_every.span.clone(),
                t!("review period", "периодичность пересмотра"),
            )
            .hint(t!(
                "review the documents, add a `changes` entry, bump `version` and move `effective_date`",
                "пересмотрите документы, добавьте запись в `changes`, увеличьте `version` и перенесите `effective_date`"
            )),
        );
    }
}
