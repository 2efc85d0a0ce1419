//! C110: the documents' review date has not passed.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C110",
    name: "review-overdue",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "the document's review date has passed",
        ru: "",
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
        ru: "",
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
                format!("the documents were due for review on {due} (today is {})", cx.today),
            )
            .at(cx.file, doc.effective_date.span.clone(), format!("effective since {since}"))
            .also(cx.file, doc.review_every.span.clone(), "review period")
            .hint("review the documents, add a `changes` entry, bump `version` and move `effective_date`"),
        );
    }
}
