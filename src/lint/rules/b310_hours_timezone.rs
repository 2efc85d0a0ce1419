//! B310: the bot keeps the location's hours, night mode, time zone and language.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::strings;
use crate::lint::{Context, Rule, Scope};
use crate::model::hours::WorkingHours;
use crate::model::read::ParseStr;

pub const RULE: Rule = Rule {
    code: "B310",
    name: "bot-hours-timezone",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's hours, night mode or time zone differ from the location's",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The bot config's `hours` cover the same days and times as the
location's `hours`, `night_mode` equals the location's, `timezone` is the location's
`timezone`, and `lang` is `[business].lang`.

**Why it matters.** The bot decides from these whether a person is on shift (and so whether
to promise a call back now or in the morning) and when a reminder goes out. Hours off by the
Omsk–Ufa hour, or a bot that thinks night mode is off, breaks the SOP's night-mode section
and the response SLA.

**Example.**

```json
"timezone": "Asia/Yekaterinburg"    // in bot/omsk.json; Omsk is Asia/Omsk
```

**How to fix.** Regenerate the bot config with `regl export`, or change the location in
`business.toml` if its hours really changed."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        let loc = doc.location;
        match doc.need("B310", &["timezone"], "an IANA time zone", |v| {
            v.as_str().is_some()
        }) {
            Err(d) => out.push(d),
            Ok(v) if v.as_str() != Some(loc.timezone.0.as_str()) => out.push(doc.drift(
                "B310",
                format!(
                    "the bot of `{}` keeps time in {}, the location in {}",
                    loc.id.as_str(),
                    v.as_str().unwrap_or_default(),
                    loc.timezone.0
                ),
                v.span.clone(),
                "the bot's time zone".into(),
                (cx.file, loc.timezone.span.clone(), "the location's".into()),
                format!(
                    "set \"timezone\": \"{}\" (or regenerate with `regl export`)",
                    loc.timezone.0
                ),
            )),
            Ok(_) => {}
        }
        match doc.need("B310", &["night_mode"], "true or false", |v| {
            v.as_bool().is_some()
        }) {
            Err(d) => out.push(d),
            Ok(v) if v.as_bool() != Some(loc.night_mode()) => out.push(
                doc.drift(
                    "B310",
                    format!(
                        "the bot of `{}` has night mode {}, the location {}",
                        loc.id.as_str(),
                        if loc.night_mode() { "off" } else { "on" },
                        if loc.night_mode() { "on" } else { "off" }
                    ),
                    v.span.clone(),
                    "the bot's night mode".into(),
                    (
                        cx.file,
                        loc.night_mode
                            .as_ref()
                            .map_or(loc.id.span.clone(), |n| n.span.clone()),
                        "the location's".into(),
                    ),
                    format!(
                        "set \"night_mode\": {} (or regenerate with `regl export`)",
                        loc.night_mode()
                    ),
                ),
            ),
            Ok(_) => {}
        }
        let lang = cx.business.lang();
        match doc.need("B310", &["lang"], "\"ru\" or \"en\"", |v| {
            v.as_str().is_some()
        }) {
            Err(d) => out.push(d),
            Ok(v) if v.as_str() != Some(lang.as_str()) => {
                let mut d = Diagnostic::finding(
                    "B310",
                    Severity::Error,
                    format!(
                        "the bot of `{}` speaks `{}`, the documents `{}`",
                        loc.id.as_str(),
                        v.as_str().unwrap_or_default(),
                        lang.as_str()
                    ),
                )
                .at(doc.file, v.span.clone(), "the bot's language");
                if let Some(l) = &cx.business.business.lang {
                    d = d.also(cx.file, l.span.clone(), "the documents' language");
                }
                out.push(d.hint(format!(
                    "set \"lang\": \"{}\" (or regenerate with `regl export`)",
                    lang.as_str()
                )));
            }
            Ok(_) => {}
        }
        match doc.need(
            "B310",
            &["hours"],
            "a list such as [\"mon-fri 09:00-21:00\"]",
            |v| v.as_array().is_some(),
        ) {
            Err(d) => out.push(d),
            Ok(v) => {
                let want: Vec<(u8, u16, u16)> =
                    loc.hours.iter().map(|h| (h.days, h.start, h.end)).collect();
                let mut differs = false;
                let mut have = Vec::new();
                for (s, span) in strings(v) {
                    match WorkingHours::parse_str(s) {
                        Ok(h) => have.push((h.days, h.start, h.end)),
                        Err(e) => {
                            out.push(
                                Diagnostic::finding("B310", Severity::Error, format!("the bot of `{}` has unreadable hours: {e}", loc.id.as_str()))
                                    .at(doc.file, span, "not a working-hours range")
                                    .hint("write ranges as in business.toml, e.g. \"mon-fri 09:00-21:00\""),
                            );
                            differs = true;
                        }
                    }
                }
                if !differs && coverage(&have) != coverage(&want) {
                    let want_text: Vec<&str> = loc.hours.iter().map(|h| h.as_str()).collect();
                    out.push(doc.drift(
                        "B310",
                        format!(
                            "the bot of `{}` keeps other working hours than the location ({})",
                            loc.id.as_str(),
                            want_text.join(", ")
                        ),
                        v.span.clone(),
                        "the bot's hours".into(),
                        (
                            cx.file,
                            loc.hours.span.clone(),
                            "the location's hours".into(),
                        ),
                        "copy the location's hours (or regenerate with `regl export`)".into(),
                    ));
                }
            }
        }
    }
}

/// Per weekday, the sorted minute ranges: two lists that mean the same compare equal.
fn coverage(ranges: &[(u8, u16, u16)]) -> [Vec<(u16, u16)>; 7] {
    let mut out: [Vec<(u16, u16)>; 7] = Default::default();
    for &(days, start, end) in ranges {
        for (d, slot) in out.iter_mut().enumerate() {
            if days & (1 << d) != 0 {
                slot.push((start, end));
            }
        }
    }
    for slot in &mut out {
        slot.sort_unstable();
    }
    out
}
