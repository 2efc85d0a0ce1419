//! C106: service levels that cannot all hold at once.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::Duration;

pub const RULE: Rule = Rule {
    code: "C106",
    name: "sla-contradiction",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "SLA values contradict each other (AI slower than a human, AI first response over 60 s, escalation response longer than booking confirmation)",
        ru: "значения SLA противоречат друг другу (ИИ медленнее сотрудника, первый ответ ИИ дольше 60 с, ответ на эскалацию дольше подтверждения записи)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** For `[sla]` and every channel's overrides: the AI first response is not
slower than the human first response, the AI first response is at most 60 seconds, and the
escalation response is not longer than the booking confirmation.

**Why it matters.** The AI assistant exists to answer first, in seconds; a client who waits
over a minute for a bot writes to a competitor. An escalated dialogue (a complaint, an
urgent cancellation) must reach a person before the booking it is about is confirmed or
lost. The SLA sheet would promise targets that contradict each other.

**Example.**

```toml
[sla]
ai_first_response = "5m"
human_first_response = "3m"   # the person would be faster than the bot
```

**How to fix.** Keep the AI first response in seconds (3 s is common, 60 s the ceiling), the
human one in minutes, and the escalation response shorter than the booking confirmation."#,
        ru: r#"**Что проверяет.** Для `[sla]` и переопределений каждого канала: первый ответ ИИ не
медленнее первого ответа сотрудника, первый ответ ИИ не дольше 60 секунд, а ответ на
эскалацию не дольше подтверждения записи.

**Почему это важно.** ИИ-ассистент нужен, чтобы ответить первым, за секунды: клиент, который
ждёт бота больше минуты, пишет конкуренту. Переданный сотруднику диалог (жалоба, срочная
отмена) должен дойти до человека раньше, чем запись, о которой он, подтверждена или потеряна.
Иначе лист SLA обещал бы несовместимые цели.

**Пример.**

```toml
[sla]
ai_first_response = "5m"
human_first_response = "3m"   # сотрудник ответил бы быстрее бота
```

**Как исправить.** Держите первый ответ ИИ в секундах (обычно 3 с, предел 60 с), ответ
сотрудника — в минутах, а ответ на эскалацию — короче подтверждения записи."#,
    },
    scope: Scope::Config,
    check,
};

const AI_CEILING: Duration = Duration::from_secs(60);

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let sla = &b.sla;
    // Checked for [sla] itself, then for each channel whose overrides change the picture.
    let mut cases = vec![(
        Text::new("[sla]", "в [sla]"),
        sla.ai_first_response.value,
        sla.ai_first_response.span.clone(),
        sla.human_first_response.value,
        sla.human_first_response.span.clone(),
        sla.escalation_response.value,
        sla.escalation_response.span.clone(),
        sla.booking_confirmation.value,
        sla.booking_confirmation.span.clone(),
    )];
    for c in &b.channels {
        let o = &c.sla;
        if o.ai_first_response.is_none()
            && o.human_first_response.is_none()
            && o.escalation_response.is_none()
            && o.booking_confirmation.is_none()
        {
            continue;
        }
        let pick = |ov: &Option<crate::model::read::Sp<Duration>>,
                    d: &crate::model::read::Sp<Duration>| {
            ov.as_ref()
                .map_or((d.value, d.span.clone()), |v| (v.value, v.span.clone()))
        };
        let (ai, ai_s) = pick(&o.ai_first_response, &sla.ai_first_response);
        let (hu, hu_s) = pick(&o.human_first_response, &sla.human_first_response);
        let (es, es_s) = pick(&o.escalation_response, &sla.escalation_response);
        let (bc, bc_s) = pick(&o.booking_confirmation, &sla.booking_confirmation);
        let id = &c.id.value;
        cases.push((
            t!("channel `{id}`", "у канала `{id}`"),
            ai,
            ai_s,
            hu,
            hu_s,
            es,
            es_s,
            bc,
            bc_s,
        ));
    }
    // A channel that overrides only some values repeats [sla]'s findings about the rest: the
    // same two lines, only "of channel `phone`" instead of "of [sla]". One finding per pair
    // of spans is the truth; the first, [sla]'s, names where the values are.
    let mut seen = Vec::new();
    for (whose, ai, ai_s, hu, hu_s, es, es_s, bc, bc_s) in cases {
        let mut push = |d: Diagnostic| {
            let spans: Vec<_> = d.labels.iter().map(|l| l.span.clone()).collect();
            if !seen.contains(&spans) {
                seen.push(spans);
                out.push(d);
            }
        };
        if ai > AI_CEILING {
            push(
                Diagnostic::finding(
                    "C106",
                    Severity::Error,
                    t!(
                        "the AI first response of {whose} is {ai}: over 60 s",
                        "первый ответ ИИ {whose} — {ai}: больше 60 с",
                        whose = whose,
                    ),
                )
                .at(
                    cx.file,
                    ai_s.clone(),
                    t!(
                        "slower than an AI assistant may be",
                        "медленнее, чем допустимо для ИИ-ассистента"
                    ),
                )
                .hint(t!(
                    "answer within seconds (3s is common); 60s is the ceiling",
                    "отвечайте за секунды (обычно 3s); 60s — предел"
                )),
            );
        }
        if ai > hu {
            push(
                Diagnostic::finding(
                    "C106",
                    Severity::Error,
                    t!(
                        "the AI first response of {whose} ({ai}) is slower than the human one ({hu})",
                        "первый ответ ИИ {whose} ({ai}) медленнее первого ответа сотрудника ({hu})",
                        whose = whose,
                    ),
                )
                .at(cx.file, ai_s.clone(), t!("AI first response", "первый ответ ИИ"))
                .also(
                    cx.file,
                    hu_s.clone(),
                    t!("human first response", "первый ответ сотрудника"),
                )
                .hint(t!(
                    "the bot answers first: make ai_first_response shorter than human_first_response",
                    "бот отвечает первым: сделайте ai_first_response короче human_first_response"
                )),
            );
        }
        if es > bc {
            push(
                Diagnostic::finding(
                    "C106",
                    Severity::Error,
                    t!(
                        "the escalation response of {whose} ({es}) is longer than the booking confirmation ({bc})",
                        "ответ на эскалацию {whose} ({es}) дольше подтверждения записи ({bc})",
                        whose = whose,
                    ),
                )
                .at(cx.file, es_s.clone(), t!("escalation response", "ответ на эскалацию"))
                .also(
                    cx.file,
                    bc_s.clone(),
                    t!("booking confirmation", "подтверждение записи"),
                )
                .hint(t!(
                    "an escalated dialogue must reach a person before the booking is confirmed: shorten escalation_response",
                    "переданный сотруднику диалог должен дойти до него раньше, чем подтверждается запись: сократите escalation_response"
                )),
            );
        }
    }
}
