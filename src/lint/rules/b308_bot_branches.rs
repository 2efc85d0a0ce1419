//! B308: the bot has every branch and a fallback that hands over to a person.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B308",
    name: "bot-branches-fallback",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a branch missing in the bot, or no fallback with hand-off",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The bot config's `branches` has an entry (by `id`) for every branch of
`[bot].branches`, and `fallback.handoff` is `true`.

**Why it matters.** The lead-handling SOP describes what the bot does for bookings,
cancellations, price questions, promotions and callbacks; the escalation rules promise that
a dialogue the bot does not understand goes to a person. A bot without the branch or the
hand-off leaves the client in a loop.

**Example.**

```json
"fallback": { "say": "Не понял вас", "handoff": false }
```

**How to fix.** Regenerate the bot config with `regl export` and re-apply your text edits;
keep `handoff: true`."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let want = &cx.business.bot.branches;
    for doc in cx.bot_docs() {
        match doc.need("B308", &["branches"], "a list of branches", |v| {
            v.as_array().is_some()
        }) {
            Err(d) => out.push(d),
            Ok(v) => {
                let ids: Vec<&str> = v
                    .as_array()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|b| b.get("id").and_then(Json::as_str))
                    .collect();
                for w in want.iter() {
                    if !ids.contains(&w.value.as_str()) {
                        out.push(doc.drift(
                            "B308",
                            format!("the bot of `{}` has no `{}` branch", doc.location.id.as_str(), w.value.as_str()),
                            v.span.start..v.span.start + 1,
                            format!("`{}` missing", w.value.as_str()),
                            (cx.file, w.span.clone(), "a required branch".into()),
                            "regenerate the bot config with `regl export` and re-apply your text edits".into(),
                        ));
                    }
                }
            }
        }
        match doc.need("B308", &["fallback", "handoff"], "true", |v| v.as_bool().is_some()) {
            Err(d) => out.push(d),
            Ok(v) if v.as_bool() == Some(false) => out.push(
                Diagnostic::finding("B308", Severity::Error, format!("the bot of `{}` does not hand a dialogue it cannot handle to a person", doc.location.id.as_str()))
                    .at(doc.file, v.span.clone(), "must be true")
                    .also(cx.file, cx.business.escalation.min_confidence.span.clone(), "below this confidence a person takes over")
                    .hint("set \"handoff\": true: the escalation rules promise a person when the bot is unsure"),
            ),
            Ok(_) => {}
        }
    }
}
