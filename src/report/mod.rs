//! The only code that prints diagnostics: human (rustc-like), JSON, GitHub annotations and
//! SARIF, and what `lint --fix` changed.

pub mod fixes;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod uri;
