//! The reference semantics of the bot config (SPEC §4.1, docs/bot-runtime.md): how a client
//! message is read, matched and scored, which rule applies to it, which values a slot
//! accepts, and the conditions on time, money and turns. Pure and deterministic: no clock,
//! no I/O, no randomness — the caller passes `now`.
//!
//! It sits below `lint` (which checks a config against these rules) and the interpreter of
//! `regl test`/`regl chat` (which runs them), so both read a config the same way. Its unit
//! tests are the executable form of docs/bot-runtime.md: each rule's boundary is a test.

pub mod choice;
pub mod conditions;
pub mod confidence;
pub mod consent;
pub mod edit;
pub mod hours;
pub mod message;
pub mod normalize;
pub mod order;
pub mod phrase;
pub mod slots;
pub mod stem;
pub mod word;

pub use choice::Choice;
pub use hours::OpeningHours;
pub use message::Message;
pub use phrase::Phrase;
pub use stem::Stemmer;
