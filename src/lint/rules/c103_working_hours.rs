//! C103: a location's working hours neither overlap nor end before they start.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, phrases, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::hours::{DAYS, WorkingHours};

pub const RULE: Rule = Rule {
    code: "C103",
    name: "working-hours",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "working hours that overlap, or end before they start",
        ru: "часы работы пересекаются или заканчиваются раньше, чем начинаются",
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
        ru: r#"**Что проверяет.** В `hours` каждого филиала каждый интервал заканчивается позже, чем
начинается, и ни один день недели не покрыт двумя интервалами. (Интервал, который вообще
не удаётся прочитать, — ошибка загрузки.)

**Почему это важно.** Часы работы определяют, когда должен ответить человек (SLA первого
ответа сотрудника), а когда бот работает один (ночной режим). Если на один день приходятся
два интервала, регламент обработки лидов и бот расходятся в том, какой из них действует.

**Пример.**

```toml
hours = ["mon-fri 09:00-21:00", "fri-sun 10:00-18:00"]   # пятница дважды
```

**Как исправить.** Дайте каждому дню один интервал:
`["mon-thu 09:00-21:00", "fri-sun 10:00-18:00"]`. День, которого нет в списке, — выходной."#,
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
                        t!(
                            "`{range}` ends at {end} but starts at {start} {of}",
                            "`{range}` заканчивается в {end}, а начинается в {start} {of}",
                            range = h.as_str(),
                            end = WorkingHours::fmt_time(h.end),
                            start = WorkingHours::fmt_time(h.start),
                            of = phrases::of_location(loc.id.as_str()),
                        ),
                    )
                    .at(
                        cx.file,
                        h.span.clone(),
                        t!("ends before it starts", "заканчивается раньше, чем начинается"),
                    )
                    .hint(t!(
                        "write the opening time first, e.g. \"mon-fri 09:00-21:00\"; a location open past midnight closes at 24:00",
                        "сначала укажите время открытия, например \"mon-fri 09:00-21:00\"; филиал, открытый после полуночи, закрывается в 24:00"
                    )),
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
                        t!(
                            "working hours of `{id}` cover {days} twice",
                            "у филиала `{id}` часы работы на {days} указаны дважды",
                            id = loc.id.as_str(),
                            days = days.join(", "),
                        ),
                    )
                    .at(
                        cx.file,
                        b.span.clone(),
                        t!("covers the same day again", "снова покрывает тот же день"),
                    )
                    .also(
                        cx.file,
                        a.span.clone(),
                        t!("first range for that day", "первый интервал на этот день"),
                    )
                    .hint(t!(
                        "give each weekday one range; split the days, e.g. \"mon-thu …\" and \"fri-sun …\"",
                        "дайте каждому дню недели один интервал; разделите дни, например \"mon-thu …\" и \"fri-sun …\""
                    )),
                );
            }
        }
    }
}
