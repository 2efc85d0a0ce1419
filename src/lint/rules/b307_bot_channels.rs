//! B307: the bot serves exactly the channels business.toml gives it.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::strings;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B307",
    name: "bot-channels",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot serves a channel not declared in `business.toml` (not covered by the PD policy)",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every id in the bot config's `channels` is a `[[channels]]` entry with
`bot = true`, and every such channel is in the bot's list.

**Why it matters.** The personal-data policy names the channels data is collected through,
their providers and cross-border transfers. A channel the bot answers on but the policy does
not name is processing without a legal basis in the documents; a channel with `bot = true`
the bot does not serve breaks the AI first-response SLA there.

**Example.**

```json
"channels": ["whatsapp", "telegram", "vk"]    // no [[channels]] with id = "vk"
```

**How to fix.** Declare the channel in `business.toml` (with `cross_border` and its
processor, so the policy covers it) and regenerate with `regl export`; or remove it from
the bot."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    for doc in cx.bot_docs() {
        let v = match doc.need("B307", &["channels"], "a list of channel ids", |v| {
            v.as_array().is_some()
        }) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        let have = strings(v);
        for (id, span) in &have {
            match b.channels.iter().find(|c| c.id.value.as_str() == *id) {
                None => out.push(
                    Diagnostic::finding("B307", Severity::Error, format!("the bot of `{}` serves `{id}`, which business.toml does not declare", doc.location.id.as_str()))
                        .at(doc.file, span.clone(), "undeclared channel")
                        .hint(format!("declare [[channels]] id = \"{id}\" (the PD policy then covers it) and regenerate, or remove it from the bot")),
                ),
                Some(c) if !c.bot() => out.push(doc.drift(
                    "B307",
                    format!("the bot of `{}` serves `{id}`, where business.toml says a person answers", doc.location.id.as_str()),
                    span.clone(),
                    "the bot answers here".into(),
                    (cx.file, c.bot.as_ref().map_or(c.id.span.clone(), |x| x.span.clone()), "no bot on this channel".into()),
                    format!("set `bot = true` on `{id}`, or remove it from the bot's channels"),
                )),
                Some(_) => {}
            }
        }
        for c in b.channels.iter().filter(|c| c.bot()) {
            let id = c.id.value.as_str();
            if !have.iter().any(|(h, _)| *h == id) {
                out.push(doc.drift(
                    "B307",
                    format!("the bot of `{}` does not serve `{id}`, where business.toml promises an AI answer", doc.location.id.as_str()),
                    v.span.clone(),
                    format!("`{id}` missing"),
                    (cx.file, c.bot.as_ref().map_or(c.id.span.clone(), |x| x.span.clone()), "the bot answers here".into()),
                    format!("add \"{id}\" to the bot's channels (or regenerate with `regl export`)"),
                ));
            }
        }
    }
}
