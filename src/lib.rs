//! regl: regulations as code for small service businesses.
//!
//! `business.toml` → [`model`] → (render | lint | export), with what two of them share
//! ([`bottext`], [`bitrix24`], [`manifest`], [`working_copy`]) below both. The verbs in
//! [`cmd`] are the only place that composes the parts; [`report`] is the only code that
//! prints findings.

pub mod bitrix24;
pub mod bottext;
pub mod cli;
pub mod cmd;
pub mod dataset;
pub mod diag;
pub mod export;
pub mod i18n;
pub mod interp;
pub mod lint;
pub mod manifest;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod scenario;
pub mod semantics;
pub mod stale_temporaries;
pub mod templates;
pub mod typograph;
pub mod words;
pub mod workers;
pub mod working_copy;

/// The property tests' fixed-seed generator, for the unit tests' seeded cases too.
#[cfg(test)]
#[path = "../tests/support/mutate.rs"]
mod mutate;

pub use cmd::run;
