//! The checks every scenario makes, whatever it expects (SPEC §7): nothing in
//! `consent.before` asked or written before consent; nothing a refusal covers written after
//! it; no unfilled placeholder in what the client sees; buttons and list rows within the
//! channel's limits; every reply in the business's language.

use crate::interp::fill::unfilled;
use crate::interp::{Bot, Turn};
use crate::model::enums::Lang;
use crate::semantics::consent::writable_after_refusal;

/// WhatsApp's limits, the strictest of the channels (docs/bot-runtime.md).
const MAX_BUTTONS: usize = 3;
const MAX_BUTTON_CHARS: usize = 20;
const MAX_ROWS: usize = 10;
const MAX_ROW_CHARS: usize = 24;

/// What this turn broke, one line each.
pub fn check(bot: &Bot, t: &Turn) -> Vec<String> {
    let cfg = &bot.config;
    let mut out = Vec::new();
    let before = &cfg.consent.before;
    if t.consent != "given" {
        for a in &t.asked {
            if before.contains(a) {
                out.push(format!(
                    "`{a}` asked before consent (consent.before lists it)"
                ));
            }
        }
    }
    let slot_of = |field: &str| {
        cfg.crm
            .writes
            .0
            .iter()
            .find(|(_, f)| f == field)
            .map(|(s, _)| s.clone())
    };
    let purposes = bot.purposes();
    for (field, _) in t.crm_fields() {
        let Some(slot) = slot_of(&field) else {
            continue;
        };
        if t.consent != "given" && before.contains(&slot) {
            out.push(format!(
                "`{slot}` ({field}) written to the CRM before consent"
            ));
        }
        if t.consent == "refused"
            && !t.actions.is_empty()
            && t.actions
                .iter()
                .all(|a| writable_after_refusal(a, [slot.as_str()], &purposes).is_empty())
        {
            out.push(format!(
                "`{slot}` ({field}) written to the CRM after the client refused consent"
            ));
        }
    }
    let seen = t
        .says
        .iter()
        .chain(t.sent.iter().map(|s| &s.say))
        .chain(t.buttons.iter())
        .chain(t.option_titles.iter());
    for text in seen {
        for p in unfilled(text) {
            out.push(format!(
                "the client sees an unfilled placeholder {p}: «{}»",
                short(text)
            ));
        }
        let cyrillic = text.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'));
        let letters = text.chars().any(char::is_alphabetic);
        match bot.lang {
            Lang::Ru if letters && !cyrillic => {
                out.push(format!("a reply not in Russian: «{}»", short(text)));
            }
            Lang::En if cyrillic => out.push(format!("a reply not in English: «{}»", short(text))),
            _ => {}
        }
    }
    if t.buttons.len() > MAX_BUTTONS {
        out.push(format!(
            "{} buttons (at most {MAX_BUTTONS})",
            t.buttons.len()
        ));
    }
    for b in t
        .buttons
        .iter()
        .filter(|b| b.chars().count() > MAX_BUTTON_CHARS)
    {
        out.push(format!(
            "button «{b}» is longer than {MAX_BUTTON_CHARS} characters"
        ));
    }
    if t.options.len() > MAX_ROWS {
        out.push(format!(
            "{} list rows (at most {MAX_ROWS})",
            t.options.len()
        ));
    }
    for r in t
        .option_titles
        .iter()
        .filter(|r| r.chars().count() > MAX_ROW_CHARS)
    {
        out.push(format!(
            "list row «{r}» is longer than {MAX_ROW_CHARS} characters"
        ));
    }
    out
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if s.chars().count() > 80 {
        out.push('…');
    }
    out
}
