//! B309: the bot's free-cancellation window is the policy's.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::secs;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B309",
    name: "bot-free-cancellation",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's free-cancellation window differs from the policy",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `cancellation.free_until_s` of the bot config equals
`[cancellation].free_until` in seconds.

**Why it matters.** The bot tells clients whether they may cancel for free. If it says 12
hours and the published cancellation policy says 24, the client relies on the bot and the
business must honour the more generous word — or argue with a client in a consumer dispute.

**Example.**

```json
"cancellation": { "free_until_s": 43200 }   // [cancellation].free_until = "24h"
```

**How to fix.** Regenerate the bot config with `regl export`, or change the policy in
`business.toml` and re-render the documents."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let want = &cx.business.cancellation.free_until;
    for doc in cx.bot_docs() {
        match doc.need(
            "B309",
            &["cancellation", "free_until_s"],
            "whole seconds",
            |v| v.as_u64().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) => {
                let have = v.as_u64().unwrap_or_default();
                if have != want.secs() {
                    out.push(doc.drift(
                        "B309",
                        format!("the bot of `{}` allows free cancellation up to {} before the visit, the policy {}", doc.location.id.as_str(), secs(have), want.value),
                        v.span.clone(),
                        "the bot's window".into(),
                        (cx.file, want.span.clone(), "the policy's window".into()),
                        format!("set \"free_until_s\": {} (or regenerate with `regl export`)", want.secs()),
                    ));
                }
            }
        }
    }
}
