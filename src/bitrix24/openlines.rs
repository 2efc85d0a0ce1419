//! The `openlines` part of the plan (SPEC §8.1): one Open Line per location, found by its
//! `LINE_NAME`, carrying what the SLA asks where Open Lines can enforce it — working hours in
//! the location's time zone and the after-hours text, the first-answer KPI with its alert, the
//! welcome bot and how long it holds the dialogue, the no-answer text, auto-close, and how the
//! line meets the CRM. What they cannot enforce is [`super::enforcement`]'s list.
//!
//! Facts from `imopenlines.config.add/update/list.get` (b24restdocs @5988ed13, with the core's
//! `config.php` and `queue.php` as read in `reviews/bitrix24-openlines-research.md`):
//! `WORKTIME_FROM`/`TO` are `G.i` ("9", "18.30"), not "HH:MM", and taken only as a pair; one
//! window serves every working day; every time is in seconds; the welcome bot's settings are
//! read against `WELCOME_BOT_ENABLE` in the same call, so they always travel together, and
//! `WELCOME_BOT_TIME` 0 keeps the dialogue with the bot until the bot hands it over; every
//! value reads back as a string.

use serde_json::{Map, Value, json};

use super::client::Command;
use super::desired::{Desired, OpenLine};
use super::plan::{Action, Change, Part, PartPlan};
use super::scope::Scope;
use crate::model::hours::{DAYS, WorkingHours};

/// A line as the portal holds it: its `ID` and parameters as strings.
#[derive(Debug, Clone, PartialEq)]
pub struct PortalLine {
    pub id: String,
    pub params: Map<String, Value>,
}

impl PortalLine {
    pub fn name(&self) -> String {
        shown(self.params.get("LINE_NAME"))
    }

    /// The welcome bot the portal's line has, if one is chosen.
    fn bot_id(&self) -> Option<String> {
        let id = shown(self.params.get("WELCOME_BOT_ID"));
        (!id.is_empty() && id != "0").then_some(id)
    }
}

/// What `imopenlines.config.list.get` is asked for: the parameters push sets.
pub fn list_params() -> Value {
    let mut select = vec!["ID", "LINE_NAME"];
    select.extend(PARAMS);
    json!({ "PARAMS": { "select": select } })
}

const PARAMS: [&str; 23] = [
    "WORKTIME_ENABLE",
    "WORKTIME_FROM",
    "WORKTIME_TO",
    "WORKTIME_TIMEZONE",
    "WORKTIME_DAYOFF",
    "WORKTIME_DAYOFF_RULE",
    "WORKTIME_DAYOFF_TEXT",
    "KPI_FIRST_ANSWER_TIME",
    "KPI_FIRST_ANSWER_ALERT",
    "WELCOME_BOT_ENABLE",
    "WELCOME_BOT_ID",
    "WELCOME_BOT_JOIN",
    "WELCOME_BOT_TIME",
    "WELCOME_BOT_LEFT",
    "NO_ANSWER_RULE",
    "NO_ANSWER_TIME",
    "NO_ANSWER_TEXT",
    "AUTO_CLOSE_RULE",
    "AUTO_CLOSE_TIME",
    "CRM",
    "CRM_CREATE",
    "CRM_FORWARD",
    "ACTIVE",
];

/// The parameters a location's line should have; `portal` is the line as found, whose
/// welcome bot (chosen on the portal, where the bot runtime registered it) is kept.
pub fn wanted(line: &OpenLine, portal: Option<&PortalLine>) -> Map<String, Value> {
    // One window for all working days: the first line of the location's, from its first
    // opening to its last closing (a break is not night, so the line stays open through
    // it); the rest is the bot runtime's (listed by `enforcement`).
    let (from, to) = line
        .hours
        .first()
        .map_or((9 * 60, 18 * 60), WorkingHours::span);
    let covered = |i: usize| line.hours.iter().any(|h| h.covers(i));
    let dayoff: Vec<Value> = (0..DAYS.len())
        .filter(|&i| !covered(i))
        .map(|i| json!(DAYS[i][..2].to_uppercase()))
        .collect();
    let mut p = Map::new();
    let mut set = |k: &str, v: Value| {
        p.insert(k.into(), v);
    };
    set("LINE_NAME", json!(line.name));
    set("ACTIVE", json!("Y"));
    set("WORKTIME_ENABLE", json!("Y"));
    set("WORKTIME_FROM", json!(g_i(from)));
    set("WORKTIME_TO", json!(g_i(to)));
    set("WORKTIME_TIMEZONE", json!(line.timezone));
    set("WORKTIME_DAYOFF", Value::Array(dayoff));
    match &line.after_hours {
        Some(text) => {
            set("WORKTIME_DAYOFF_RULE", json!("text"));
            set("WORKTIME_DAYOFF_TEXT", json!(text));
        }
        None => set("WORKTIME_DAYOFF_RULE", json!("none")),
    }
    set(
        "KPI_FIRST_ANSWER_TIME",
        json!(line.first_answer_s.to_string()),
    );
    set("KPI_FIRST_ANSWER_ALERT", json!("Y"));
    // The client hears from the line once the first-answer time has passed unanswered.
    set("NO_ANSWER_RULE", json!("text"));
    set("NO_ANSWER_TIME", json!(line.first_answer_s.to_string()));
    set("NO_ANSWER_TEXT", json!(line.no_answer));
    // Closed quietly: a closing message would reach a client who simply has not answered yet.
    set("AUTO_CLOSE_RULE", json!("none"));
    set("AUTO_CLOSE_TIME", json!(line.auto_close_s.to_string()));
    set("CRM", json!("Y"));
    // The bot makes the card (with the channel's source, after looking the client up by
    // phone); a card made by the line would have no phone and become a twin.
    set("CRM_CREATE", json!("none"));
    set("CRM_FORWARD", json!("Y"));
    if !line.welcome_bot {
        set("WELCOME_BOT_ENABLE", json!("N"));
    } else if let Some(bot) = portal.and_then(PortalLine::bot_id) {
        // Joins every dialogue and keeps it (time 0) until it hands over by the escalation
        // rules, at night too; leaves when the dialogue goes to the queue.
        set("WELCOME_BOT_ENABLE", json!("Y"));
        set("WELCOME_BOT_ID", json!(bot));
        set("WELCOME_BOT_JOIN", json!("always"));
        set("WELCOME_BOT_TIME", json!("0"));
        set("WELCOME_BOT_LEFT", json!("queue"));
    }
    p
}

/// Minutes after midnight as the core's `G.i`: 540 → "9", 1110 → "18.30".
fn g_i(minutes: u16) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        h.to_string()
    } else {
        format!("{h}.{m:02}")
    }
}

/// A parameter as comparable text: lists joined with commas.
fn shown(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| shown(Some(x)))
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(","),
        Some(other) => other.to_string(),
    }
}

pub fn plan(d: &Desired, portal: &[PortalLine], scope: &Scope) -> PartPlan {
    let mut out = PartPlan::new(Part::Openlines);
    for (n, line) in d.open_lines.iter().enumerate() {
        if !scope.covers(&line.location) {
            continue;
        }
        let cid = format!("openlines_{n}");
        let found = portal.iter().find(|p| p.name() == line.name);
        let want = wanted(line, found);
        if line.welcome_bot && found.and_then(PortalLine::bot_id).is_none() {
            out.without_bot.push(line.location.clone());
        }
        let Some(p) = found else {
            out.actions.push(Action::Create {
                id: line.location.clone(),
                summary: line.name.clone(),
            });
            out.commands.push(Command::new(
                cid,
                "imopenlines.config.add",
                json!({ "PARAMS": Value::Object(want) }),
            ));
            continue;
        };
        let changes: Vec<Change> = want
            .iter()
            .filter_map(|(k, v)| {
                let (old, new) = (shown(p.params.get(k)), shown(Some(v)));
                (old != new).then(|| Change {
                    attribute: k.clone(),
                    old,
                    new,
                })
            })
            .collect();
        if changes.is_empty() {
            out.unchanged.push(line.location.clone());
        } else {
            out.actions.push(Action::Update {
                id: line.location.clone(),
                changes,
            });
            // Every parameter, so the working hours travel as a pair and the welcome bot's
            // settings with `WELCOME_BOT_ENABLE`.
            out.commands.push(Command::new(
                cid,
                "imopenlines.config.update",
                json!({ "CONFIG_ID": p.id, "PARAMS": Value::Object(want) }),
            ));
        }
    }
    for p in portal {
        let name = p.name();
        if !d.open_lines.iter().any(|l| l.name == name) {
            out.portal_only.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_the_cores_g_i() {
        assert_eq!(g_i(540), "9");
        assert_eq!(g_i(1110), "18.30");
        assert_eq!(g_i(0), "0");
    }

    fn salon_line(n: usize) -> OpenLine {
        let path = format!(
            "{}/examples/salon-ufa-omsk/business.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).unwrap();
        let b = crate::model::load::parse(&text, crate::diag::FileId(0)).unwrap();
        Desired::new(&b).open_lines.swap_remove(n)
    }

    #[test]
    fn the_welcome_bots_group_goes_only_with_a_chosen_bot() {
        let line = salon_line(0);
        let none = wanted(&line, None);
        assert!(
            none.keys().all(|k| !k.starts_with("WELCOME_BOT")),
            "{none:?}"
        );
        let mut params = Map::new();
        params.insert("WELCOME_BOT_ID".into(), json!("12"));
        let found = PortalLine {
            id: "5".into(),
            params,
        };
        let with = wanted(&line, Some(&found));
        for (k, v) in [
            ("WELCOME_BOT_ENABLE", "Y"),
            ("WELCOME_BOT_ID", "12"),
            ("WELCOME_BOT_JOIN", "always"),
            ("WELCOME_BOT_TIME", "0"),
            ("WELCOME_BOT_LEFT", "queue"),
        ] {
            assert_eq!(with[k], v, "{k}");
        }
        // Night mode: the bot says the after-hours text; the line stays quiet.
        assert_eq!(with["WORKTIME_DAYOFF_RULE"], "none");
        assert!(!with.contains_key("WORKTIME_DAYOFF_TEXT"));
        assert_eq!(with["NO_ANSWER_TIME"], with["KPI_FIRST_ANSWER_TIME"]);
    }

    #[test]
    fn an_empty_day_off_list_reads_as_the_portals_blank() {
        assert_eq!(shown(Some(&json!([""]))), "");
        assert_eq!(shown(Some(&json!(["SA", "SU"]))), "SA,SU");
    }
}
