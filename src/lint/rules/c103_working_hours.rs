//! C103: a location's working hours neither overlap nor end before they start.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};
use crate::model::hours::{DAYS, WorkingHours};

pub const RULE: Rule = Rule {
    code: "C103",
    name: "working-hours",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "working hours that overlap, or end before they start",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** In each location's `hours`, every range ends after it starts, and no
weekday is covered by two ranges. (A range that cannot be read at all is a load error.)

**Why it matters.** The hours decide when a person must answer (the human first-response
SLA) and when the bot is alone (night mode). Two ranges for one day make the schedule in
the lead-handling SOP and the bot disagree about which one holds.

**Example.**

```toml
hours = ["mon-fri 09:00-21:00", "fri-sun 10:00-18:00"]   # Friday twice
```

**How to fix.** Give each day one range: `["mon-thu 09:00-21:00", "fri-sun 10:00-18:00"]`.
A day that is not listed is closed."#,
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for loc in &cx.business.locations {
        for h in loc.hours.iter() {
            if h.end <= h.start {
                out.push(
                    Diagnostic::finding(
                        "C103",
                        Severity::Error,
                        format!(
                            "`{}` ends at {} but starts at {} (location `{}`)",
                            h.as_str(),
                            WorkingHours::fmt_time(h.end),
                            WorkingHours::fmt_time(h.start),
                            loc.id.as_str()
                        ),
                    )
                    .at(cx.file, h.span.clone(), "ends before it starts")
                    .hint("write the opening time first, e.g. \"mon-fri 09:00-21:00\"; a location open past midnight closes at 24:00"),
                );
            }
        }
        for (i, a) in loc.hours.iter().enumerate() {
            for b in loc.hours.iter().skip(i + 1) {
                let both = a.days & b.days;
                if both == 0 {
                    continue;
                }
                let days: Vec<&str> = (0..7)
                    .filter(|d| both & (1 << d) != 0)
                    .map(|d| DAYS[d])
                    .collect();
                out.push(
                    Diagnostic::finding(
                        "C103",
                        Severity::Error,
                        format!(
                            "working hours of `{}` cover {} twice",
                            loc.id.as_str(),
                            days.join(", ")
                        ),
                    )
                    .at(cx.file, b.span.clone(), "covers the same day again")
                    .also(cx.file, a.span.clone(), "first range for that day")
                    .hint("give each weekday one range; split the days, e.g. \"mon-thu …\" and \"fri-sun …\""),
                );
            }
        }
    }
}
