//! C109: a location whose bot works at night has someone the bot can call at every minute of
//! the night, for each way it calls people; and no two shifts of the roster overlap, since
//! a runtime alerts only the first listed whose shift covers the moment.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::business::{Duty, Location};
use crate::model::duty::{Minutes, describe};
use crate::model::enums::Notify;
use crate::model::read::Sp;
use crate::semantics::hours::OpeningHours;

pub const RULE: Rule = Rule {
    code: "C109",
    name: "night-duty-contact",
    severities: &[Severity::Error, Severity::Warning],
    summary: StaticText {
        en: "a night-mode location lacks a duty contact for a notify channel it uses, at some time of the night (error), or two duty shifts overlap (warning)",
        ru: "у филиала с ночным режимом нет контакта дежурного для канала уведомлений, который он использует, в какое-то время ночи (ошибка), или две смены дежурных пересекаются (предупреждение)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** For each location with `night_mode = true`, every person-reaching entry
of `[escalation].notify` has a matching duty contact: `telegram` needs `duty.telegram`,
`sms` needs `duty.phone`, `email` needs `duty.email`. With a duty roster (`duty` as a list,
each line with its `when` shift), every minute outside working hours must be covered by
someone on the roster who has that contact; a line without `when` is always on duty. The
message names the uncovered time. Two shifts that overlap are a warning: a runtime alerts
the first line whose shift covers the moment, so the second is never called then.

**Why it matters.** At night the bot is alone. An escalation (a complaint, an urgent
cancellation, a large order) must reach the person on duty within the escalation SLA; a
notify channel without an address reaches no one, and the escalation rules would name a
procedure that cannot run.

**Example.**

```toml
[escalation]
notify = ["bitrix_task", "telegram", "sms"]
[[locations]]
night_mode = true
duty = { name = "Дежурный администратор", telegram = "@lada_duty" }   # no phone for the SMS
```

```toml
duty = [ { name = "Дневной администратор", phone = "+7 917 000-00-01", when = "mon-fri 09:00-21:00" },
         { name = "Ночной дежурный", phone = "+7 917 000-00-02", when = "mon-fri 21:00-07:00" } ]
# the nights end at 07:00 while the location opens at 09:00: mon-fri 07:00-09:00 uncovered,
# and the weekends are not covered at all
```

**How to fix.** Add the missing contact to the location's `duty`, extend a shift or add a
roster line for the uncovered time, or drop the notify channel."#,
        ru: r#"**Что проверяет.** Для каждого филиала с `night_mode = true` у каждого пункта
`[escalation].notify`, который должен дойти до человека, есть контакт дежурного: для
`telegram` нужен `duty.telegram`, для `sms` — `duty.phone`, для `email` — `duty.email`. Если
задан график дежурств (`duty` списком, у каждой строки своя смена `when`), каждая минута вне
рабочих часов должна приходиться на смену того, у кого этот контакт есть; строка без `when`
дежурит всегда. В сообщении названо непокрытое время. Пересечение двух смен — предупреждение:
среда выполнения оповещает первую строку, чья смена покрывает момент, и вторую тогда никто не
вызывает.

**Почему это важно.** Ночью бот работает один. Эскалация (жалоба, срочная отмена, крупный
заказ) должна дойти до дежурного в срок, заданный SLA эскалации; канал уведомлений без
адреса не доходит ни до кого, а правила эскалации описывали бы порядок, который невозможно
выполнить.

**Пример.**

```toml
[escalation]
notify = ["bitrix_task", "telegram", "sms"]
[[locations]]
night_mode = true
duty = { name = "Дежурный администратор", telegram = "@lada_duty" }   # нет телефона для SMS
```

```toml
duty = [ { name = "Дневной администратор", phone = "+7 917 000-00-01", when = "mon-fri 09:00-21:00" },
         { name = "Ночной дежурный", phone = "+7 917 000-00-02", when = "mon-fri 21:00-07:00" } ]
# ночная смена кончается в 07:00, а филиал открывается в 09:00: mon-fri 07:00-09:00 не
# покрыто, а выходные не покрыты совсем
```

**Как исправить.** Добавьте недостающий контакт в `duty` филиала, продлите смену или добавьте
строку графика на непокрытое время либо уберите этот канал уведомлений."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let notify = &cx.business.escalation.notify;
    for loc in cx.business.locations.iter().filter(|l| l.night_mode()) {
        let roster = loc.duty_roster();
        let night = night_minutes(loc);
        for n in notify.iter() {
            let (key, has): (&str, fn(&Duty) -> bool) = match n.value {
                Notify::BitrixTask => continue,
                Notify::Telegram => ("telegram", |d| d.telegram.is_some()),
                Notify::Sms => ("phone", |d| d.phone.is_some()),
                Notify::Email => ("email", |d| d.email.is_some()),
            };
            let reachable: Vec<&Duty> = roster.iter().copied().filter(|d| has(d)).collect();
            if reachable.is_empty() {
                out.push(no_contact(cx, loc, n, key));
                continue;
            }
            let uncovered = reachable
                .iter()
                .fold(night.clone(), |left, d| left.minus(&d.on_duty()));
            if !uncovered.is_empty() {
                out.push(gap(cx, loc, n, key, &describe(&uncovered)));
            }
        }
        overlaps(cx, loc, out);
    }
}

/// The minutes of the week outside working hours: before a day's first opening, after its
/// last closing, and closed days (a break is not night).
fn night_minutes(loc: &Location) -> Minutes {
    let lines: Vec<_> = loc.hours.iter().map(|h| h.value.clone()).collect();
    let hours = OpeningHours::from_working_hours(&lines);
    let open = (0..7)
        .filter_map(|d| {
            let day = hours.day(d);
            let (&(first, _), &(_, last)) = (day.first()?, day.last()?);
            Some((d * 1440 + usize::from(first), d * 1440 + usize::from(last)))
        })
        .collect();
    Minutes::all().minus(&Minutes::from_ranges(open))
}

fn no_contact(cx: &Context<'_>, loc: &Location, n: &Sp<Notify>, key: &str) -> Diagnostic {
    let span = loc.duty.first().name.span.clone();
    Diagnostic::finding(
        "C109",
        Severity::Error,
        t!(
            "location `{id}` works at night and escalates by {by}, but its duty has no {key}",
            "филиал `{id}` работает ночью и передаёт эскалации через {by}, но у его дежурного не указан {key}",
            id = loc.id.as_str(),
            by = n.value.as_str(),
        ),
    )
    .at(
        cx.file,
        span,
        t!("this duty has no `{key}`", "у этого дежурного нет `{key}`"),
    )
    .also(
        cx.file,
        n.span.clone(),
        t!("escalations go out this way", "эскалации уходят этим путём"),
    )
    .hint(t!(
        "add `{key} = …` to the duty of `{id}`, or remove \"{by}\" from `[escalation].notify`",
        "добавьте `{key} = …` дежурному филиала `{id}` или уберите \"{by}\" из `[escalation].notify`",
        id = loc.id.as_str(),
        by = n.value.as_str(),
    ))
}

fn gap(cx: &Context<'_>, loc: &Location, n: &Sp<Notify>, key: &str, when: &str) -> Diagnostic {
    Diagnostic::finding(
        "C109",
        Severity::Error,
        t!(
            "location `{id}` escalates by {by} at night, but no one on its duty roster with a {key} is on duty {when}",
            "филиал `{id}` ночью передаёт эскалации через {by}, но в {when} по графику не дежурит никто, у кого указан {key}",
            id = loc.id.as_str(),
            by = n.value.as_str(),
        ),
    )
    .at(
        cx.file,
        loc.duty.span.clone(),
        t!(
            "uncovered outside working hours: {when}",
            "вне рабочих часов не покрыто: {when}"
        ),
    )
    .also(
        cx.file,
        n.span.clone(),
        t!("escalations go out this way", "эскалации уходят этим путём"),
    )
    .hint(t!(
        "extend a shift (`when`) of someone with `{key}`, or add a roster line for {when}; a line without `when` is always on duty",
        "продлите смену (`when`) дежурного с `{key}` или добавьте строку графика на {when}; строка без `when` дежурит всегда"
    ))
}

/// Two shifts that cover the same minutes: only the first listed is alerted then.
fn overlaps(cx: &Context<'_>, loc: &Location, out: &mut Vec<Diagnostic>) {
    let shifts: Vec<(&Duty, Minutes)> = loc
        .duty_roster()
        .into_iter()
        .filter(|d| d.when.is_some())
        .map(|d| (d, d.on_duty()))
        .collect();
    for (i, (first, a)) in shifts.iter().enumerate() {
        for (second, b) in &shifts[i + 1..] {
            let both = a.and(b);
            if both.is_empty() {
                continue;
            }
            let (when, one, two) = (describe(&both), first.name.as_str(), second.name.as_str());
            let span = second
                .when
                .as_ref()
                .map_or(loc.duty.span.clone(), |w| w.span.clone());
            out.push(
                Diagnostic::finding(
                    "C109",
                    Severity::Warning,
                    t!(
                        "the duty shifts of «{one}» and «{two}» at `{id}` overlap {when}: only «{one}», listed first, is alerted then",
                        "смены дежурных «{one}» и «{two}» филиала `{id}` пересекаются {when}: в это время оповещают только «{one}», кто указан первым",
                        id = loc.id.as_str(),
                    ),
                )
                .at(
                    cx.file,
                    span,
                    t!("overlaps an earlier shift", "пересекается с предыдущей сменой"),
                )
                .hint(t!(
                    "end one shift where the other begins (a shift of \"mon-fri 21:00-09:00\" and one of \"mon-fri 09:00-21:00\" meet without overlapping)",
                    "закончите одну смену там, где начинается другая (смены \"mon-fri 21:00-09:00\" и \"mon-fri 09:00-21:00\" стыкуются без пересечения)"
                )),
            );
        }
    }
}
