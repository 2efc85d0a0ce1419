//! B302: the bot answers at least as fast as the SLA promises.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::secs;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B302",
    name: "bot-first-response",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's first-response limit is slower than the SLA",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `limits.first_response_s` of the bot config is not longer than the
AI first response of any channel the bot serves (`[sla].ai_first_response`, or the
channel's own override).

**Why it matters.** The SLA sheet promises clients an answer in seconds; the runtime's
limit is what actually happens. A runtime tuned slower than the promise breaks the KPI the
whole setup is measured by (first response time).

**Example.**

```json
"limits": { "first_response_s": 30 }    // [sla].ai_first_response = "3s"
```

**How to fix.** Set `first_response_s` to the SLA (or regenerate with `regl export`); if the
bot really cannot answer that fast, change the SLA instead."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    // The strictest promise among the channels the bot answers on.
    let strictest = b
        .channels
        .iter()
        .filter(|c| c.bot())
        .map(|c| {
            c.sla.ai_first_response.as_ref().map_or(
                (
                    b.sla.ai_first_response.value,
                    b.sla.ai_first_response.span.clone(),
                ),
                |o| (o.value, o.span.clone()),
            )
        })
        .min_by_key(|(d, _)| *d)
        .unwrap_or((
            b.sla.ai_first_response.value,
            b.sla.ai_first_response.span.clone(),
        ));
    for doc in cx.bot_docs() {
        let v = match doc.need(
            "B302",
            &["limits", "first_response_s"],
            "whole seconds",
            |v| v.as_u64().is_some(),
        ) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        let bot = v.as_u64().unwrap_or_default();
        if bot > strictest.0.secs() {
            out.push(doc.drift(
                "B302",
                format!(
                    "the bot of `{}` may take {} to answer, the SLA promises {}",
                    doc.location.id.as_str(),
                    secs(bot),
                    strictest.0
                ),
                v.span.clone(),
                "the bot's limit".into(),
                (cx.file, strictest.1.clone(), "the SLA".into()),
                format!(
                    "set \"first_response_s\": {} (or regenerate with `regl export`)",
                    strictest.0.secs()
                ),
            ));
        }
    }
}
