//! What happened in one turn of a dialogue — the client's input and everything the bot and
//! the runtime did in answer — as the scenarios check it and the transcript shows it.

use chrono::DateTime;
use chrono_tz::Tz;
use serde::Serialize;

/// What the client (or the clock) did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// A typed message, with the score a model would give it (`None`: the reference score).
    User {
        text: String,
        confidence: Option<f64>,
    },
    /// A button pressed by its text or its 1-based number.
    Button(String),
    /// The virtual clock moved on by this many seconds.
    Advance(u64),
}

/// One Bitrix24 REST call the runtime would make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrmCall {
    pub method: String,
    /// Field code → value as sent, in the order written.
    pub fields: Vec<(String, String)>,
}

/// A notification to staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notification {
    /// `bitrix_task`, `telegram`, `sms`, `email`.
    pub channel: String,
    /// Who receives it: the person on duty's name.
    pub to: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduledKind {
    /// A visit reminder at this offset before the start, in seconds.
    Reminder(u64),
    /// The satisfaction survey.
    Nps,
}

/// A message the bot will write first, at `at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scheduled {
    pub kind: ScheduledKind,
    #[serde(serialize_with = "local")]
    pub at: DateTime<Tz>,
    /// Why it will not go out, when it will not (before the booking, outside the window).
    pub skipped: Option<String>,
}

/// A message the bot wrote first while the clock moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sent {
    pub kind: ScheduledKind,
    #[serde(serialize_with = "local")]
    pub at: DateTime<Tz>,
    pub say: String,
    pub buttons: Vec<String>,
}

/// Everything one input led to.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Turn {
    pub input: Option<Input>,
    /// The virtual clock when the input arrived, local `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    /// What the bot said, in order.
    pub says: Vec<String>,
    /// The buttons of the step the dialogue now waits on.
    pub buttons: Vec<String>,
    /// The list rows (ids) of that step.
    pub options: Vec<String>,
    /// Their titles, as the client sees them.
    pub option_titles: Vec<String>,
    /// The slot (or `consent`) that step asks.
    pub ask: Option<String>,
    /// Every slot (or `consent`) asked in the turn, the one it waits on last.
    pub asked: Vec<String>,
    /// The branch the dialogue is in after the turn.
    pub branch: Option<String>,
    /// Every step said in this turn: branch id and 1-based step.
    pub visited: Vec<(String, usize)>,
    /// Consent after the turn: `unasked`, `given`, `refused`.
    pub consent: String,
    /// The 1-based step of that branch last said.
    pub step: Option<usize>,
    /// The branch's condition (`late_cancel`, `agreed`, …) after the turn.
    pub when: Option<String>,
    /// Actions that ran, in order.
    pub actions: Vec<String>,
    /// Slots filled in this turn, with their values as kept.
    pub slots: Vec<(String, String)>,
    /// Set when the dialogue went to a person in this turn.
    pub handoff: Option<String>,
    pub notify: Vec<Notification>,
    /// Tags put on the record.
    pub tags: Vec<String>,
    pub crm_calls: Vec<CrmCall>,
    /// Reminders and surveys planned in this turn.
    pub scheduled: Vec<Scheduled>,
    /// What fired while the clock moved.
    pub sent: Vec<Sent>,
    /// The score of what matched.
    pub confidence: f64,
    /// What matched and why, for `/why` and failure reports.
    pub why: Vec<String>,
}

impl Turn {
    /// Fields written to the record in this turn (add and update calls), last value wins.
    pub fn crm_fields(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for c in self.crm_calls.iter().filter(|c| {
            let verb = c.method.rsplit('.').next();
            c.method.starts_with("crm.") && verb == Some("add") || verb == Some("update")
        }) {
            for (k, v) in &c.fields {
                match out.iter_mut().find(|(f, _)| f == k) {
                    Some(e) => e.1.clone_from(v),
                    None => out.push((k.clone(), v.clone())),
                }
            }
        }
        out
    }

    /// Whether the bot wrote nothing back.
    pub fn no_reply(&self) -> bool {
        self.says.is_empty() && self.sent.is_empty()
    }
}

fn local<S: serde::Serializer>(at: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.format("%Y-%m-%dT%H:%M:%S").to_string())
}
