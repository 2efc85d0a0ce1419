//! The only code that prints diagnostics: human (rustc-like) output for now.

pub mod human;
