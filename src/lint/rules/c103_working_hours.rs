//! C103: a location's working hours neither overlap nor end before they start. Two ranges
//! of one day that do not overlap are a break, not a finding.

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
two ranges of one weekday overlap. A day may have several ranges that do not overlap:
`"mon-fri 09:00-13:00,14:00-21:00"` is a lunch break, closed for booking but not night
mode. (A range that cannot be read at all is a load error.)

**Why it matters.** The hours decide when a person must answer (the human first-response
SLA) and when the bot is alone (night mode). Two overlapping ranges for one day make the
schedule in the lead-handling SOP and the bot disagree about which one holds.

**Example.**

```toml
hours = ["mon-fri 09:00-21:00", "fri-sun 10:00-18:00"]   # Friday twice
```

**How to fix.** Give each day ranges that do not overlap:
`["mon-thu 09:00-21:00", "fri-sun 10:00-18:00"]`; a break as two ranges on one line,
`"mon-fri 09:00-13:00,14:00-21:00"`. A day that is not listed is closed."#,
        ru: r#"**Что проверяет.** В `hours` каждого филиала каждый интервал заканчивается позже, чем
начинается, и никакие два интервала одного дня недели не пересекаются. Несколько
непересекающихся интервалов в день допустимы: `"mon-fri 09:00-13:00,14:00-21:00"` — это
обеденный перерыв, в который запись закрыта, но ночной режим не включается. (Интервал,
который вообще не удаётся прочитать, — ошибка загрузки.)

**Почему это важно.** Часы работы определяют, когда должен ответить человек (SLA первого
ответа сотрудника), а когда бот работает один (ночной режим). Если на один день приходятся
два пересекающихся интервала, регламент обработки лидов и бот расходятся в том, какой из
них действует.

**Пример.**

```toml
hours = ["mon-fri 09:00-21:00", "fri-sun 10:00-18:00"]   # пятница дважды
```

**Как исправить.** Дайте каждому дню непересекающиеся интервалы:
`["mon-thu 09:00-21:00", "fri-sun 10:00-18:00"]`; перерыв — двумя интервалами в одной
строке, `"mon-fri 09:00-13:00,14:00-21:00"`. День, которого нет в списке, — выходной."#,
    },
    scope: Scope::Config,
    check,
};

/// Whether two ranges share a minute; a range that ends before it starts is reported on its
/// own and shares none.
fn overlap(a: (u16, u16), b: (u16, u16)) -> bool {
    a.0 < a.1 && b.0 < b.1 && a.0 < b.1 && b.0 < a.1
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for loc in &cx.business.locations {
        for h in loc.hours.iter() {
            for &(start, end) in h.ranges.iter().filter(|(a, b)| b <= a) {
                out.push(
                    Diagnostic::finding(
                        "C103",
                        Severity::Error,
                        t!(
                            "`{range}` ends at {end} but starts at {start} {of}",
                            "`{range}` заканчивается в {end}, а начинается в {start} {of}",
                            range = h.as_str(),
                            end = WorkingHours::fmt_time(end),
                            start = WorkingHours::fmt_time(start),
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
            // Ranges of one line are sorted by start: an overlap is a range starting before
            // the one before it ends.
            if let Some(w) = h.ranges.windows(2).find(|w| overlap(w[0], w[1])) {
                let shown = |r: (u16, u16)| {
                    format!(
                        "{}-{}",
                        WorkingHours::fmt_time(r.0),
                        WorkingHours::fmt_time(r.1)
                    )
                };
                out.push(
                    Diagnostic::finding(
                        "C103",
                        Severity::Error,
                        t!(
                            "`{range}` {of}: {a} and {b} overlap",
                            "`{range}` {of}: {a} и {b} пересекаются",
                            range = h.as_str(),
                            of = phrases::of_location(loc.id.as_str()),
                            a = shown(w[0]),
                            b = shown(w[1]),
                        ),
                    )
                    .at(
                        cx.file,
                        h.span.clone(),
                        t!("ranges overlap", "интервалы пересекаются"),
                    )
                    .hint(t!(
                        "a break ends one range and starts the next, e.g. \"mon-fri 09:00-13:00,14:00-21:00\"",
                        "перерыв заканчивает один интервал и начинает следующий, например \"mon-fri 09:00-13:00,14:00-21:00\""
                    )),
                );
            }
        }
        for (i, a) in loc.hours.iter().enumerate() {
            for b in loc.hours.iter().skip(i + 1) {
                let clash = |d: usize| {
                    a.covers(d)
                        && b.covers(d)
                        && a.ranges
                            .iter()
                            .any(|&x| b.ranges.iter().any(|&y| overlap(x, y)))
                };
                let days: Vec<&str> = (0..7).filter(|&d| clash(d)).map(|d| DAYS[d]).collect();
                if days.is_empty() {
                    continue;
                }
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
                        "give each weekday ranges that do not overlap; split the days, e.g. \"mon-thu …\" and \"fri-sun …\"",
                        "дайте каждому дню недели непересекающиеся интервалы; разделите дни, например \"mon-thu …\" и \"fri-sun …\""
                    )),
                );
            }
        }
    }
}
