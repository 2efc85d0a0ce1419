//! C113: a zero or empty value that makes the rule it sets meaningless.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::send_window::NPS_SCALE_MAX;

pub const RULE: Rule = Rule {
    code: "C113",
    name: "empty-value",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a zero or empty value where it makes no sense (a `0s` SLA or review period, `max_bot_turns = 0`, `hours = []`, an empty send window, a detractor bound off the 0–10 scale)",
        ru: "нулевое или пустое значение там, где оно не имеет смысла (SLA или срок пересмотра `0s`, `max_bot_turns = 0`, `hours = []`, пустое окно отправки, граница критиков вне шкалы 0–10)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** No `[sla]` duration (first responses, lead to CRM, booking
confirmation, escalation response, the NPS survey delay, each reminder) and no channel
override of one is `0s`; `[document].review_every` is not `0s`; `[escalation].max_bot_turns`
is not 0; no location has `hours = []`; `[sla].reminders_send_between` holds at least one
minute (from before until, not past midnight); `[sla].nps_detractor_max` is on the survey's
0–10 scale.

**Why it matters.** These values load, but no one can keep them: a booking confirmed in zero
seconds, documents due for review the day they are issued, a bot that must hand over before
its first reply, a location that is never open. The documents would promise them, and
every other check would compare against them.

**Example.**

```toml
[sla]
booking_confirmation = "0s"
```

**How to fix.** Write the value meant (`"24h"`), or, for a location closed for now, leave it
out of `business.toml` until it opens."#,
        ru: r#"**Что проверяет.** Ни одна длительность `[sla]` (первые ответы, передача в CRM,
подтверждение записи, ответ на эскалацию, задержка опроса NPS, каждое напоминание) и ни
одно её переопределение в канале не равны `0s`; `[document].review_every` не `0s`;
`[escalation].max_bot_turns` не 0; ни у одного филиала нет `hours = []`;
`[sla].reminders_send_between` содержит хотя бы одну минуту (начало раньше конца, без
перехода через полночь); `[sla].nps_detractor_max` — на шкале опроса 0–10.

**Почему это важно.** Такие значения загружаются, но выполнить их нельзя: запись
подтверждена за ноль секунд, документы пора пересматривать в день выпуска, бот должен
передать диалог до первого ответа, филиал никогда не работает. Документы пообещали бы это,
а остальные проверки сравнивали бы с этим.

**Пример.**

```toml
[sla]
booking_confirmation = "0s"
```

**Как исправить.** Укажите то значение, которое имеется в виду (`"24h"`), а филиал, который
пока закрыт, не вносите в `business.toml`, пока он не откроется."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let s = &b.sla;
    let mut zero = |key: &str, span: std::ops::Range<usize>| {
        out.push(finding(
            cx,
            span,
            t!(
                "`{key}` is 0s: nobody can keep it",
                "`{key}` равно 0s: выполнить это невозможно"
            ),
            t!(
                "write the time meant, e.g. \"24h\"",
                "укажите нужное время, например \"24h\""
            ),
        ));
    };
    for (key, d) in [
        ("[sla].ai_first_response", &s.ai_first_response),
        ("[sla].human_first_response", &s.human_first_response),
        ("[sla].lead_to_crm", &s.lead_to_crm),
        ("[sla].booking_confirmation", &s.booking_confirmation),
        ("[sla].escalation_response", &s.escalation_response),
        ("[sla].nps_survey_after", &s.nps_survey_after),
        ("[document].review_every", &b.document.review_every),
    ] {
        if d.value.secs() == 0 {
            zero(key, d.span.clone());
        }
    }
    for r in s.reminders.value.iter().filter(|r| r.value.secs() == 0) {
        zero("[sla].reminders", r.span.clone());
    }
    for c in &b.channels {
        let o = &c.sla;
        for d in [
            &o.ai_first_response,
            &o.human_first_response,
            &o.lead_to_crm,
            &o.booking_confirmation,
            &o.escalation_response,
        ]
        .into_iter()
        .flatten()
        {
            if d.value.secs() == 0 {
                let id = c.id.as_str();
                zero(&format!("[[channels]] `{id}`"), d.span.clone());
            }
        }
    }
    let turns = &b.escalation.max_bot_turns;
    if turns.value == 0 {
        out.push(finding(
            cx,
            turns.span.clone(),
            t!(
                "`max_bot_turns = 0`: the bot would hand over before it answers",
                "`max_bot_turns = 0`: бот передавал бы диалог, не ответив"
            ),
            t!(
                "write how many bot replies without progress a person takes over after, e.g. 6",
                "укажите, после скольких ответов бота без продвижения подключается сотрудник, например 6"
            ),
        ));
    }
    if let Some(w) = s.reminders_send_between.as_ref().filter(|w| w.is_empty()) {
        let w = w.as_str();
        out.push(finding(
            cx,
            s.reminders_send_between.as_ref().map_or(0..0, |w| w.span.clone()),
            t!(
                "`[sla].reminders_send_between = \"{w}\"` holds no minute: no reminder or survey would ever go out",
                "в `[sla].reminders_send_between = \"{w}\"` нет ни минуты: ни одно напоминание и ни один опрос не ушли бы"
            ),
            t!(
                "write the daily window from its opening to its closing, e.g. \"08:00-22:00\"; it cannot run past midnight",
                "укажите ежедневный интервал от начала до конца, например \"08:00-22:00\"; через полночь он не переходит"
            ),
        ));
    }
    if let Some(n) = s
        .nps_detractor_max
        .as_ref()
        .filter(|n| n.value > NPS_SCALE_MAX)
    {
        let n = n.value;
        out.push(finding(
            cx,
            s.nps_detractor_max.as_ref().map_or(0..0, |n| n.span.clone()),
            t!(
                "`[sla].nps_detractor_max = {n}` is off the survey's 0–10 scale: every client would be a detractor",
                "`[sla].nps_detractor_max = {n}` — вне шкалы опроса 0–10: критиком оказался бы каждый клиент"
            ),
            t!(
                "write a score from 0 to 10; NPS counts 0–6 as detractors (6)",
                "укажите оценку от 0 до 10; в NPS критики — это 0–6 (6)"
            ),
        ));
    }
    for l in &b.locations {
        if l.hours.value.is_empty() {
            let id = l.id.as_str();
            out.push(finding(
                cx,
                l.hours.span.clone(),
                t!(
                    "location `{id}` has `hours = []`: it is never open",
                    "у филиала `{id}` `hours = []`: он никогда не работает"
                ),
                t!(
                    "list its working hours, e.g. [\"mon-fri 09:00-21:00\"]",
                    "перечислите часы работы, например [\"mon-fri 09:00-21:00\"]"
                ),
            ));
        }
    }
}

fn finding(
    cx: &Context<'_>,
    span: std::ops::Range<usize>,
    message: Text,
    hint: Text,
) -> Diagnostic {
    Diagnostic::finding("C113", Severity::Error, message)
        .at(cx.file, span, t!("here", "здесь"))
        .hint(hint)
}
