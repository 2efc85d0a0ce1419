//! Conversation scenarios (SPEC §7): the user's `[[scenario]]` files and the families
//! generated from `business.toml`, run through the interpreter, checked step by step and
//! by the checks every scenario makes, with the coverage they reach.
//!
//! It sits above `crate::interp` and below the verbs `test` and `chat`; it never prints:
//! [`report`] turns results into text for the verb to write.

pub mod checks;
pub mod coverage;
pub mod expect;
pub mod generate;
pub mod load;
pub mod persona;
pub mod report;
pub mod run;
pub mod save;
pub use crate::workers;

use std::path::PathBuf;

use chrono::NaiveDateTime;

pub use expect::Expect;

/// One scenario, from a file or generated.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Unique, `[a-z0-9-]+`; generated ones are `<loc>-<family>-<n>`.
    pub id: String,
    pub location: Option<String>,
    pub channel: Option<String>,
    /// Local date-time at the location when the first step happens.
    pub now: Option<NaiveDateTime>,
    pub covers: Vec<String>,
    pub given: GivenSpec,
    pub steps: Vec<StepSpec>,
    /// Where it was written (file, 1-based line), or `None` for a generated one.
    pub origin: Option<(PathBuf, usize)>,
    /// The family of a generated scenario (`trigger`, `keyword`, …); `file` for the user's.
    pub family: String,
}

/// The state before the first message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GivenSpec {
    pub consent: Option<bool>,
    pub name: Option<String>,
    pub phone: Option<String>,
    /// Service id and local start.
    pub visit: Option<(String, NaiveDateTime)>,
    /// How many times that visit was already moved (`given.visit.moves`): the reschedule
    /// limit is reached without replaying the earlier moves.
    pub moves: u32,
}

/// What the client (or the clock) does in one step.
#[derive(Debug, Clone, PartialEq)]
pub enum Act {
    User(String),
    Button(String),
    /// Seconds.
    Advance(u64),
    /// Generated scenarios only: answer whatever the bot asks, as this client would, until
    /// the dialogue rests; the step's `expect` is checked against all those turns together.
    Play(persona::Persona),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepSpec {
    pub act: Act,
    /// A model's score for a typed message.
    pub confidence: Option<f64>,
    pub expect: Expect,
    /// 1-based line in the file (0 when generated).
    pub line: usize,
}

impl StepSpec {
    pub fn new(act: Act, expect: Expect) -> Self {
        Self {
            act,
            confidence: None,
            expect,
            line: 0,
        }
    }
}
