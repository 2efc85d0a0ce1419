//! B303: the bot sends the reminders the SLA lists, through the channels it names.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::{secs, strings};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B303",
    name: "bot-reminders",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's reminder offsets or channels differ from the SLA",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `reminders.offsets_s` of the bot config holds exactly the offsets of
`[sla].reminders` (in seconds), and `reminders.channels` exactly the channels with
`reminders = true`.

**Why it matters.** Reminders cut no-shows by 15–30 %, and the cancellation policy relies on
them: the client is reminded while free cancellation is still open. A bot that reminds at
other times, or through another channel, makes the policy's promise untrue.

**Example.**

```json
"reminders": { "offsets_s": [86400, 3600], "channels": ["whatsapp"] }
// [sla].reminders = ["24h", "2h", "1h"]: the 2-hour reminder is gone
```

**How to fix.** Regenerate the bot config with `regl export`, or change `[sla].reminders` if
the new schedule is what you want."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let mut want: Vec<u64> = b.sla.reminders.iter().map(|r| r.secs()).collect();
    want.sort_unstable_by(|a, c| c.cmp(a));
    let want_channels: Vec<&str> = b
        .channels
        .iter()
        .filter(|c| c.reminders())
        .map(|c| c.id.value.as_str())
        .collect();
    for doc in cx.bot_docs() {
        match doc.need(
            "B303",
            &["reminders", "offsets_s"],
            "a list of whole seconds",
            |v| {
                v.as_array()
                    .is_some_and(|a| a.iter().all(|i| i.as_u64().is_some()))
            },
        ) {
            Err(d) => out.push(d),
            Ok(v) => {
                let items = v.as_array().unwrap_or_default();
                let mut have: Vec<u64> = items
                    .iter()
                    .filter_map(crate::lint::json::Json::as_u64)
                    .collect();
                have.sort_unstable_by(|a, c| c.cmp(a));
                if have != want {
                    let missing: Vec<String> = want
                        .iter()
                        .filter(|w| !have.contains(w))
                        .map(|w| secs(*w))
                        .collect();
                    let extra: Vec<String> = have
                        .iter()
                        .filter(|h| !want.contains(h))
                        .map(|h| secs(*h))
                        .collect();
                    let mut what = Vec::new();
                    if !missing.is_empty() {
                        what.push(format!("lacks {}", missing.join(", ")));
                    }
                    if !extra.is_empty() {
                        what.push(format!("adds {}", extra.join(", ")));
                    }
                    if what.is_empty() {
                        what.push("repeats an offset".into());
                    }
                    // Point at the first offending item when there is one.
                    let span = items
                        .iter()
                        .find(|i| i.as_u64().is_some_and(|n| !want.contains(&n)))
                        .map_or(v.span.clone(), |i| i.span.clone());
                    out.push(doc.drift(
                        "B303",
                        format!(
                            "the bot of `{}` reminds at other times than the SLA: it {}",
                            doc.location.id.as_str(),
                            what.join(" and ")
                        ),
                        span,
                        "the bot's reminder offsets".into(),
                        (
                            cx.file,
                            b.sla.reminders.span.clone(),
                            "the SLA's reminders".into(),
                        ),
                        format!(
                            "set \"offsets_s\": [{}] (or regenerate with `regl export`)",
                            want.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
            }
        }
        match doc.need(
            "B303",
            &["reminders", "channels"],
            "a list of channel ids",
            |v| v.as_array().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) => {
                let have = strings(v);
                for (id, span) in &have {
                    if !want_channels.contains(id) {
                        let decl = b.channels.iter().find(|c| c.id.value.as_str() == *id);
                        let toml = decl.map_or(
                            (
                                cx.file,
                                b.sla.reminders.span.clone(),
                                "reminders are not sent there".to_owned(),
                            ),
                            |c| {
                                (
                                    cx.file,
                                    c.reminders
                                        .as_ref()
                                        .map_or(c.id.span.clone(), |r| r.span.clone()),
                                    "no reminders on this channel".to_owned(),
                                )
                            },
                        );
                        out.push(doc.drift(
                            "B303",
                            format!("the bot of `{}` sends reminders through `{id}`, which business.toml does not", doc.location.id.as_str()),
                            span.clone(),
                            "not a reminder channel".into(),
                            toml,
                            format!("remove \"{id}\" from reminders.channels, or set `reminders = true` on that channel"),
                        ));
                    }
                }
                for c in b.channels.iter().filter(|c| c.reminders()) {
                    let id = c.id.value.as_str();
                    if !have.iter().any(|(h, _)| *h == id) {
                        out.push(doc.drift(
                            "B303",
                            format!("the bot of `{}` does not send reminders through `{id}`", doc.location.id.as_str()),
                            v.span.clone(),
                            format!("`{id}` missing"),
                            (cx.file, c.reminders.as_ref().map_or(c.id.span.clone(), |r| r.span.clone()), "reminders go out here".into()),
                            format!("add \"{id}\" to reminders.channels (or regenerate with `regl export`)"),
                        ));
                    }
                }
            }
        }
    }
}
