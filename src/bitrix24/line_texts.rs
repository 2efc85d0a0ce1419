//! What a location's Open Line itself says to a client (SPEC §8.1): the after-hours text is
//! the bot's own (`bottext`), so the line and the bot never word it twice; the no-answer text
//! is the line's, sent when no person has answered within `[sla].human_first_response`.
//!
//! No emoji: the portal stores these texts through its emoji encoder and a text with one may
//! read back otherwise and show as a change on every run.

use crate::bottext::Replies;
use crate::model::business::{Business, Location};
use crate::model::enums::Lang;

/// The after-hours text, or `None` with night mode: then the bot answers at night and greets
/// with this very text itself, and a second copy from the line would only repeat it.
pub fn after_hours(b: &Business, loc: &Location) -> Option<String> {
    (!loc.night_mode()).then(|| Replies::new(b, loc).after_hours)
}

/// Sent when the queue has not answered in time. It promises no new time: the time promised
/// has just passed, and the person on duty is already alerted by the line's KPI.
pub fn no_answer(b: &Business, loc: &Location) -> String {
    let phone = loc.phone.pretty();
    match b.lang() {
        Lang::Ru => format!(
            "Извините за ожидание: администраторы сейчас заняты. Мы ответим вам как можно скорее, а если удобнее, позвоните нам: {phone}."
        ),
        Lang::En => format!(
            "Sorry to keep you waiting: our administrators are busy right now. We'll answer as soon as we can; if you prefer, call us at {phone}."
        ),
    }
}
