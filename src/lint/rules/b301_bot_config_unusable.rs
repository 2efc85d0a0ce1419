//! B301: each location's bot config exists, reads, has the known schema and is its own.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::{BOT_SCHEMA, BotInput, BotState};
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B301",
    name: "bot-config-unusable",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "bot config missing, unreadable, wrong schema version, or for another location",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** For each location, the file named by `bot_config` (or each `--bot FILE`)
exists, is JSON, has `"regl_bot_schema": 1` and a `"location"` equal to the location's id.

**Why it matters.** The bot runtime answers clients from this file. If it is missing or is
another city's copy, the bot tells Omsk clients Ufa's hours and escalates to Ufa's duty
phone; every other bot check (B302–B310) depends on reading it.

**Example.**

```json
{ "regl_bot_schema": 1, "location": "ufa", … }   // in bot/omsk.json
```

**How to fix.** Run `regl export` and copy `OUT/<loc>/bot-scripts-<loc>.json` to the
`bot_config` path (or point `bot_config` at it); keep one file per location."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for input in cx.bots {
        if let Some(d) = problem(cx, input) {
            out.push(d);
        }
    }
}

fn problem(cx: &Context<'_>, input: &BotInput) -> Option<Diagnostic> {
    let shown = input.path.display();
    let owner = input.owner.map(|i| &cx.business.locations[i]);
    let at_owner = |d: Diagnostic, label: &str| match owner {
        Some(l) => d.at(cx.file, l.bot_config.span.clone(), label),
        None => d,
    };
    let finding = |msg: String| Diagnostic::finding("B301", Severity::Error, msg);
    let (file, root) = match &input.state {
        BotState::Missing => {
            let d = finding(format!("bot config `{shown}` does not exist"));
            return Some(at_owner(d, "this file is missing").hint(
                "run `regl export` and put the location's bot-scripts JSON here, or fix the path",
            ));
        }
        BotState::Unreadable(why) => {
            let d = finding(format!("bot config `{shown}` cannot be read: {why}"));
            return Some(at_owner(d, "unreadable").hint("regenerate it with `regl export`"));
        }
        BotState::Syntax {
            file,
            span,
            message,
        } => {
            return Some(
                finding(format!("bot config `{shown}` is not valid JSON: {message}"))
                    .at(*file, span.clone(), message.clone())
                    .hint("fix the JSON (no comments or trailing commas), or regenerate it with `regl export`"),
            );
        }
        BotState::Parsed { file, root } => (*file, root),
    };
    if !root.is_object() {
        return Some(
            finding(format!(
                "bot config `{shown}` is {}, not a JSON object",
                root.kind_name()
            ))
            .at(file, root.span.start..root.span.start + 1, "expected `{`")
            .hint("regenerate it with `regl export`"),
        );
    }
    let brace = root.span.start..root.span.start + 1;
    match root.member("regl_bot_schema") {
        None => {
            return Some(
                finding(format!("bot config `{shown}` has no `regl_bot_schema`"))
                    .at(file, brace, "not a regl bot config")
                    .hint(format!(
                        "add \"regl_bot_schema\": {BOT_SCHEMA}, or regenerate it with `regl export`"
                    )),
            );
        }
        Some(m) if m.value.as_u64() != Some(BOT_SCHEMA) => {
            return Some(
                finding(format!(
                    "bot config `{shown}` has schema version {}, this regl reads {BOT_SCHEMA}",
                    text(&m.value)
                ))
                .at(file, m.value.span.clone(), "unsupported schema version")
                .hint("regenerate it with this regl's `regl export`"),
            );
        }
        Some(_) => {}
    }
    let Some(loc) = root.member("location") else {
        return Some(
            at_owner(
                finding(format!(
                    "bot config `{shown}` does not say which location it is for"
                ))
                .at(file, brace, "no `location`"),
                "the location it should be for",
            )
            .hint("add \"location\": \"<id>\", or regenerate it with `regl export`"),
        );
    };
    let named = loc.value.as_str().unwrap_or_default();
    let known = cx
        .business
        .locations
        .iter()
        .position(|l| l.id.as_str() == named);
    match (known, owner) {
        (None, _) => {
            let ids: Vec<&str> = cx
                .business
                .locations
                .iter()
                .map(|l| l.id.as_str())
                .collect();
            Some(
                finding(format!("bot config `{shown}` is for location `{named}`, which business.toml does not have"))
                    .at(file, loc.value.span.clone(), "unknown location")
                    .hint(format!("the locations are: {}", ids.join(", "))),
            )
        }
        (Some(i), Some(o)) if cx.business.locations[i].id.as_str() != o.id.as_str() => Some(
            finding(format!(
                "bot config `{shown}` is for `{named}` but location `{}` uses it",
                o.id.as_str()
            ))
            .at(file, loc.value.span.clone(), format!("`{named}`'s config"))
            .also(
                cx.file,
                o.bot_config.span.clone(),
                format!("`{}` points here", o.id.as_str()),
            )
            .hint(format!(
                "give `{}` its own bot config (`regl export` writes one per location)",
                o.id.as_str()
            )),
        ),
        _ => None,
    }
}

fn text(v: &Json) -> String {
    v.as_f64()
        .map_or_else(|| v.kind_name().to_owned(), |n| n.to_string())
}
