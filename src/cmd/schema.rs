//! `regl schema`: the JSON Schema of business.toml, for taplo / Even Better TOML, and of
//! the bot config, for bot runtimes.

use crate::cli::{SchemaArgs, SchemaKind};
use crate::model::Business;

use super::{Outcome, print_stdout};

/// The JSON Schema of `business.toml`, pretty-printed with a trailing newline.
pub fn business_schema() -> String {
    let mut schema = schemars::schema_for!(Business);
    schema.insert("title".into(), "regl business.toml".into());
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    s.push('\n');
    s
}

/// The JSON Schema of the bot config, pretty-printed with a trailing newline.
pub fn bot_schema() -> String {
    let mut s =
        serde_json::to_string_pretty(&crate::model::bot_v2::schema()).expect("a schema serialises");
    s.push('\n');
    s
}

pub fn run(args: &SchemaArgs) -> Outcome {
    match args.kind {
        SchemaKind::Business => print_stdout(&business_schema()),
        SchemaKind::Bot => print_stdout(&bot_schema()),
    }
}
