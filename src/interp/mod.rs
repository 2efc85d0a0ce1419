//! The interpreter of `regl test` and `regl chat`: the dialogue state machine of SPEC §4.1
//! run over one location's bot config (version 2; a version-1 file is read through
//! `upgrade_v1`), on a virtual clock in the location's time zone.
//!
//! It records, turn by turn, what the bot says, asks and offers, which actions run, what
//! goes to the CRM, which notifications go out and which reminders and surveys are
//! scheduled and fire. Every rule it applies is one of `crate::semantics`: this module only
//! keeps the state between messages and says what happens next. Deterministic by
//! construction: the caller moves the clock, nothing reads the wall clock or the network.

pub mod bot;
pub mod dialogue;
pub mod effects;
pub mod fill;
pub mod source;
pub mod steps;
pub mod turn;

pub use bot::Bot;
pub use dialogue::{ConsentState, Dialogue, Given, Visit};
pub use turn::{CrmCall, Input, Notification, Scheduled, ScheduledKind, Sent, Turn};
