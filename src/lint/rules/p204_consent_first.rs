//! P204: the bot asks for consent before it collects personal data.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::strings;
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::Slot;

pub const RULE: Rule = Rule {
    code: "P204",
    name: "consent-before-collect",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot collects personal data before asking consent",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** In the bot config, `consent.before` lists every personal-data slot the
bot asks for (`name`, `phone`, `email`, from `[bot].qualification` and from the branches'
`ask` steps), and within a branch no step asks for one of them before a consent step
(a step with `"ask": "consent"` or `"consent": true`).

**Why it matters.** Consent must come before processing (152-FZ art. 9), and since
1 September 2025 as a separate document the client agrees to, not implied by writing to the
bot. A name or phone taken before consent is processed without a legal basis; the fine
reaches 300–700 thousand rubles when written consent was needed.

**Example.**

```json
"consent": { "before": ["name"] },
"branches": [ { "id": "callback", "steps": [ { "ask": "phone" }, { "ask": "consent" } ] } ]
```

**How to fix.** List every personal-data slot in `consent.before` and move the consent step
first in each branch (or regenerate with `regl export`)."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

const PERSONAL: &[&str] = &["name", "phone", "email"];

fn is_consent_step(step: &Json) -> bool {
    step.get("ask").and_then(Json::as_str) == Some("consent")
        || step.get("consent").and_then(Json::as_bool) == Some(true)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let qual = &cx.business.bot.qualification;
    for doc in cx.bot_docs() {
        let before = match doc.need("P204", &["consent", "before"], "a list of slots", |v| {
            v.as_array().is_some()
        }) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        let listed: Vec<&str> = strings(before).into_iter().map(|(s, _)| s).collect();
        for q in qual.iter() {
            let slot = q.value.as_str();
            if matches!(q.value, Slot::Name | Slot::Phone | Slot::Email) && !listed.contains(&slot)
            {
                out.push(doc.drift(
                    "P204",
                    format!(
                        "the bot of `{}` asks for `{slot}` without asking consent first",
                        doc.location.id.as_str()
                    ),
                    before.span.clone(),
                    format!("`{slot}` missing"),
                    (cx.file, q.span.clone(), "the bot collects this".into()),
                    format!("add \"{slot}\" to consent.before (or regenerate with `regl export`)"),
                ));
            }
        }
        let Ok(branches) = doc.find(&["branches"]) else {
            continue;
        };
        for branch in branches.as_array().unwrap_or_default() {
            let id = branch.get("id").and_then(Json::as_str).unwrap_or("?");
            let steps = branch
                .get("steps")
                .and_then(Json::as_array)
                .unwrap_or_default();
            let consent_at = steps.iter().position(is_consent_step);
            for (i, step) in steps.iter().enumerate() {
                let Some(ask) = step.get("ask") else { continue };
                let Some(slot) = ask.as_str() else { continue };
                if !PERSONAL.contains(&slot) {
                    continue;
                }
                let early = consent_at.is_some_and(|c| i < c);
                let unlisted = !listed.contains(&slot);
                if early || unlisted {
                    let why = if early {
                        "before the consent step"
                    } else {
                        "and consent.before does not list it"
                    };
                    let mut d = Diagnostic::finding(
                        "P204",
                        Severity::Error,
                        format!(
                            "branch `{id}` of the bot of `{}` asks for `{slot}` {why}",
                            doc.location.id.as_str()
                        ),
                    )
                    .at(
                        doc.file,
                        ask.span.clone(),
                        "personal data collected here",
                    );
                    if let Some(c) = consent_at.filter(|_| early) {
                        d = d.also(
                            doc.file,
                            steps[c].span.clone(),
                            "consent is asked only here",
                        );
                    }
                    out.push(d.hint("ask consent first: move the consent step up and list the slot in consent.before"));
                }
            }
        }
    }
}
