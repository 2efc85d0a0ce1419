//! B305: the bot hands dialogues over at the thresholds, and to the people, the escalation
//! rules name.

use std::ops::Range;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::{BotDoc, secs, strings};
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};
use crate::model::phone::Phone;
use crate::model::read::ParseStr;

pub const RULE: Rule = Rule {
    code: "B305",
    name: "bot-escalation-thresholds",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "bot thresholds differ (min confidence, max bot turns, amount, urgent-cancel window)",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The bot config's `limits.min_confidence`, `limits.max_bot_turns`,
`escalation.amount_over` and `escalation.urgent_cancel_within_s` equal `[escalation]`'s
`min_confidence`, `max_bot_turns`, `amount_over` and `urgent_cancel_within`. It also checks
who is called: `escalation.notify` (the same set as `[escalation].notify`),
`escalation.tag` (the location's `escalation_tag`) and `escalation.duty` (the location's
duty phone and Telegram).

**Why it matters.** The AI escalation rules promise when a person takes over and how they
are reached. A bot with a lower confidence bar keeps guessing; one with a higher order
threshold handles large orders alone; a wrong tag or duty phone sends the night's
escalation to nobody.

**Example.**

```json
"escalation": { "amount_over": 50000, "tag": "эскалация-УФА" }
// [escalation].amount_over = 20000
```

**How to fix.** Regenerate the bot config with `regl export`, or change `[escalation]` (and
so the documents) if the new threshold is intended."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

#[allow(clippy::struct_field_names)]
struct Want {
    path: &'static [&'static str],
    label: &'static str,
    expected: &'static str,
    want: f64,
    shown: String,
    toml_span: Range<usize>,
}

fn compare(cx: &Context<'_>, doc: &BotDoc<'_>, w: &Want, out: &mut Vec<Diagnostic>) {
    match doc.need("B305", w.path, w.expected, |v| v.as_f64().is_some()) {
        Err(d) => out.push(d),
        Ok(v) => {
            let have = v.as_f64().unwrap_or_default();
            if (have - w.want).abs() > 1e-9 {
                let dotted = w.path.join(".");
                let have_shown = if dotted.ends_with("_s") {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    secs(have as u64)
                } else {
                    have.to_string()
                };
                out.push(doc.drift(
                    "B305",
                    format!(
                        "the bot of `{}` has {} {have_shown}, the escalation rules {}",
                        doc.location.id.as_str(),
                        w.label,
                        w.shown
                    ),
                    v.span.clone(),
                    format!("`{dotted}`"),
                    (cx.file, w.toml_span.clone(), "the escalation rules".into()),
                    format!(
                        "set \"{}\": {} (or regenerate with `regl export`)",
                        w.path.last().unwrap_or(&""),
                        w.want
                    ),
                ));
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let e = &cx.business.escalation;
    let wants = [
        Want {
            path: &["limits", "min_confidence"],
            label: "minimum confidence",
            expected: "a number from 0 to 1",
            want: e.min_confidence.0,
            shown: e.min_confidence.0.to_string(),
            toml_span: e.min_confidence.span.clone(),
        },
        Want {
            path: &["limits", "max_bot_turns"],
            label: "max bot turns",
            expected: "a whole number",
            want: f64::from(e.max_bot_turns.value),
            shown: e.max_bot_turns.value.to_string(),
            toml_span: e.max_bot_turns.span.clone(),
        },
        Want {
            path: &["escalation", "amount_over"],
            label: "order threshold",
            expected: "rubles",
            want: e.amount_over.0 as f64,
            shown: e.amount_over.0.to_string(),
            toml_span: e.amount_over.span.clone(),
        },
        Want {
            path: &["escalation", "urgent_cancel_within_s"],
            label: "urgent-cancel window",
            expected: "whole seconds",
            want: e.urgent_cancel_within.secs() as f64,
            shown: secs(e.urgent_cancel_within.secs()),
            toml_span: e.urgent_cancel_within.span.clone(),
        },
    ];
    for doc in cx.bot_docs() {
        for w in &wants {
            compare(cx, &doc, w, out);
        }
        notify(cx, &doc, out);
        tag_and_duty(cx, &doc, out);
    }
}

fn notify(cx: &Context<'_>, doc: &BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let want = &cx.business.escalation.notify;
    match doc.need(
        "B305",
        &["escalation", "notify"],
        "a list such as [\"bitrix_task\", \"telegram\"]",
        |v| v.as_array().is_some(),
    ) {
        Err(d) => out.push(d),
        Ok(v) => {
            let have = strings(v);
            let mut have_ids: Vec<&str> = have.iter().map(|(s, _)| *s).collect();
            let mut want_ids: Vec<&str> = want.iter().map(|n| n.value.as_str()).collect();
            have_ids.sort_unstable();
            want_ids.sort_unstable();
            have_ids.dedup();
            want_ids.dedup();
            if have_ids != want_ids {
                out.push(doc.drift(
                    "B305",
                    format!("the bot of `{}` notifies [{}], the escalation rules [{}]", doc.location.id.as_str(), have_ids.join(", "), want_ids.join(", ")),
                    v.span.clone(),
                    "the bot's notify list".into(),
                    (cx.file, want.span.clone(), "the escalation rules".into()),
                    "make escalation.notify the same as [escalation].notify (or regenerate with `regl export`)".into(),
                ));
            }
        }
    }
}

fn tag_and_duty(cx: &Context<'_>, doc: &BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let loc = doc.location;
    match doc.need(
        "B305",
        &["escalation", "tag"],
        "the location's escalation tag",
        |v| v.as_str().is_some(),
    ) {
        Err(d) => out.push(d),
        Ok(v) if v.as_str() != Some(loc.escalation_tag.as_str()) => out.push(doc.drift(
            "B305",
            format!(
                "the bot of `{}` tags escalations «{}», the location's tag is «{}»",
                loc.id.as_str(),
                v.as_str().unwrap_or_default(),
                loc.escalation_tag.value
            ),
            v.span.clone(),
            "the bot's tag".into(),
            (
                cx.file,
                loc.escalation_tag.span.clone(),
                "the location's tag".into(),
            ),
            format!(
                "set \"tag\": \"{}\" (or regenerate with `regl export`)",
                loc.escalation_tag.value
            ),
        )),
        Ok(_) => {}
    }
    let duty = &loc.duty;
    if let Some(phone) = &duty.phone {
        let same = |v: &Json| {
            v.as_str()
                .and_then(|s| Phone::parse_str(s).ok())
                .is_some_and(|p| p.e164() == phone.e164())
        };
        match doc.need(
            "B305",
            &["escalation", "duty", "phone"],
            "the duty phone",
            |v| v.as_str().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if !same(v) => out.push(doc.drift(
                "B305",
                format!(
                    "the bot of `{}` calls {} on escalation, the duty phone is {}",
                    loc.id.as_str(),
                    v.as_str().unwrap_or_default(),
                    phone.value
                ),
                v.span.clone(),
                "the bot's duty phone".into(),
                (cx.file, phone.span.clone(), "the duty phone".into()),
                format!(
                    "set \"phone\": \"{}\" (or regenerate with `regl export`)",
                    phone.e164()
                ),
            )),
            Ok(_) => {}
        }
    }
    if let Some(tg) = &duty.telegram {
        match doc.need(
            "B305",
            &["escalation", "duty", "telegram"],
            "the duty Telegram",
            |v| v.as_str().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) if v.as_str().map(str::trim) != Some(tg.trim()) => out.push(doc.drift(
                "B305",
                format!(
                    "the bot of `{}` escalates to Telegram {}, the duty's is {}",
                    loc.id.as_str(),
                    v.as_str().unwrap_or_default(),
                    tg.value
                ),
                v.span.clone(),
                "the bot's duty Telegram".into(),
                (cx.file, tg.span.clone(), "the duty's Telegram".into()),
                format!(
                    "set \"telegram\": \"{}\" (or regenerate with `regl export`)",
                    tg.value
                ),
            )),
            Ok(_) => {}
        }
    }
}
