//! The bot's own words in Russian and English — greeting, consent, questions, hand-off,
//! reminders, buttons — made from the validated business alone.
//!
//! It sits below both `export` (which writes them into each location's bot scripts) and
//! `render` (whose SOP quotes them), so a document never promises a reply the bot does
//! not give.

pub mod alerts;
pub mod prompt;
pub mod replies;
pub mod slots;
pub mod texts;
pub mod words;

pub use prompt::system_prompt;
pub use replies::Replies;

pub use slots::consent_slots;
pub use texts::Texts;
