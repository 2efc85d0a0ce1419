//! The SOP's view of a location's Open Line: what `regl push` sets on it (the same
//! [`OpenLine`] its desired state holds) and what Open Lines cannot enforce with where it
//! is enforced instead — the very list `regl push` prints, so the SOP and the portal never
//! disagree.

use serde::Serialize;

use super::helpers::DurationWords;
use crate::bitrix24::desired::OpenLine;
use crate::bitrix24::enforcement;
use crate::model::Duration;
use crate::model::business::{Business, Location};
use crate::model::hours::WorkingHours;

#[derive(Debug, Clone, Serialize)]
pub struct OpenLineView {
    pub name: String,
    /// «09:00–21:00»: the one window a line has for every working day.
    pub window: String,
    /// What the line says when nobody has answered in time, without its final full stop:
    /// the SOP quotes it inside a sentence of its own.
    pub no_answer: String,
    /// What the line says outside working hours, quoted the same way; "" with night mode,
    /// when the bot says it.
    pub after_hours: String,
    pub welcome_bot: bool,
    pub auto_close: DurationWords,
    /// What Open Lines cannot enforce, and where it is instead, in the business's language.
    pub not_enforced: Vec<String>,
}

impl OpenLineView {
    pub fn new(b: &Business, loc: &Location) -> Self {
        let lang = b.lang();
        // This location's line alone: the whole desired state would make every location's
        // line for each location's SOP, quadratic in the locations.
        let line = OpenLine::new(b, loc);
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        let window = line
            .hours
            .first()
            .map(WorkingHours::span)
            .map_or_else(String::new, |(a, b)| format!("{}–{}", hm(a), hm(b)));
        Self {
            name: line.name,
            window,
            no_answer: quoted(&line.no_answer),
            after_hours: line.after_hours.as_deref().map(quoted).unwrap_or_default(),
            welcome_bot: line.welcome_bot,
            auto_close: DurationWords::new(Duration::from_secs(line.auto_close_s), lang),
            not_enforced: enforcement::not_enforced(b)
                .into_iter()
                .map(|g| g.text.get(lang).to_owned())
                .collect(),
        }
    }
}

/// A sentence as quoted inside another: its final full stop goes, the quoting one's stays.
fn quoted(text: &str) -> String {
    text.trim_end().trim_end_matches('.').to_owned()
}
