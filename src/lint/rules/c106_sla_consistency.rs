//! C106: service levels that cannot all hold at once.

use crate::diag::{Diagnostic, Severity};
use crate::lint::{Context, Rule, Scope};
use crate::model::Duration;

pub const RULE: Rule = Rule {
    code: "C106",
    name: "sla-contradiction",
    severities: &[Severity::Error],
    summary: "SLA values contradict each other (AI slower than a human, AI first response over 60 s, escalation response longer than booking confirmation)",
    explanation: r#"**What it checks.** For `[sla]` and every channel's overrides: the AI first response is not
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
    scope: Scope::Config,
    check,
};

const AI_CEILING: Duration = Duration::from_secs(60);

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let sla = &b.sla;
    // Checked for [sla] itself, then for each channel whose overrides change the picture.
    let mut cases = vec![(
        "[sla]".to_owned(),
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
        cases.push((
            format!("channel `{}`", c.id.value),
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
    let mut seen = Vec::new();
    for (whose, ai, ai_s, hu, hu_s, es, es_s, bc, bc_s) in cases {
        let mut push = |d: Diagnostic| {
            if !seen.contains(&(d.message.clone(), d.labels[0].span.clone())) {
                seen.push((d.message.clone(), d.labels[0].span.clone()));
                out.push(d);
            }
        };
        if ai > AI_CEILING {
            push(
                Diagnostic::finding(
                    "C106",
                    Severity::Error,
                    format!("the AI first response of {whose} is {ai}: over 60 s"),
                )
                .at(cx.file, ai_s.clone(), "slower than an AI assistant may be")
                .hint("answer within seconds (3s is common); 60s is the ceiling"),
            );
        }
        if ai > hu {
            push(
                Diagnostic::finding("C106", Severity::Error, format!("the AI first response of {whose} ({ai}) is slower than the human one ({hu})"))
                    .at(cx.file, ai_s.clone(), "AI first response")
                    .also(cx.file, hu_s.clone(), "human first response")
                    .hint("the bot answers first: make ai_first_response shorter than human_first_response"),
            );
        }
        if es > bc {
            push(
                Diagnostic::finding("C106", Severity::Error, format!("the escalation response of {whose} ({es}) is longer than the booking confirmation ({bc})"))
                    .at(cx.file, es_s.clone(), "escalation response")
                    .also(cx.file, bc_s.clone(), "booking confirmation")
                    .hint("an escalated dialogue must reach a person before the booking is confirmed: shorten escalation_response"),
            );
        }
    }
}
