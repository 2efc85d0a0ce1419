//! The only code that prints diagnostics: human (rustc-like), JSON, GitHub annotations and
//! SARIF.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod uri;
