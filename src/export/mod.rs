//! `export`: the bot-scripts JSON of each location and the Bitrix24 field mapping (SPEC §4),
//! made from the validated business and nothing else: no file is read, no environment
//! variable looked at, so no secret can reach an output.
//!
//! Outputs are pretty JSON with keys in a fixed order and a trailing newline: identical
//! input gives identical bytes.

pub mod bitrix24;
pub mod bot;
pub mod bot_alerts;
pub mod bot_crm;
pub mod edits;

use std::path::PathBuf;

use serde::Serialize;

pub use bitrix24::{Mapping, mapping};
pub use bot::bot_config;

use crate::model::business::{Business, Location};

/// One file to write, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Pretty JSON with a trailing newline.
pub fn to_json(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("exports serialise");
    bytes.push(b'\n');
    bytes
}

/// `<loc>/bot-scripts-<loc>.json`.
pub fn bot_scripts_path(loc: &Location) -> PathBuf {
    let id = loc.id.as_str();
    PathBuf::from(id).join(format!("bot-scripts-{id}.json"))
}

/// The files `export` writes: one bot script per location of `locations`, then the mapping.
pub fn outputs(b: &Business, locations: &[&Location]) -> Vec<Output> {
    let mut out: Vec<Output> = locations
        .iter()
        .map(|loc| location_output(b, loc))
        .collect();
    out.push(mapping_output(b));
    out
}

/// One location's bot scripts (`<loc>/bot-scripts-<loc>.json`).
pub fn location_output(b: &Business, loc: &Location) -> Output {
    Output {
        path: bot_scripts_path(loc),
        bytes: to_json(&bot_config(b, loc)),
    }
}

/// The Bitrix24 mapping of the whole business.
pub fn mapping_output(b: &Business) -> Output {
    Output {
        path: PathBuf::from(bitrix24::FILE_NAME),
        bytes: to_json(&mapping(b)),
    }
}
