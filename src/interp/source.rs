//! Reading a bot config file into the version-2 model: version 2 as it is, version 1
//! through `upgrade_v1`, so the interpreter keeps working whichever version export writes.

use std::path::Path;

use crate::i18n::{Text, t};
use crate::model::bot_v2::upgrade::upgrade_v1;
use crate::model::bot_v2::{BOT_SCHEMA_VERSION_2, BotConfigV2};

/// The config in `path`, or why it cannot be run.
pub fn read(path: &Path) -> Result<BotConfigV2, Text> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| {
        let why = crate::model::load::io_reason(&e);
        t!(
            "cannot read the bot config `{shown}`: {why}",
            "не удаётся прочитать конфигурацию бота `{shown}`: {why}",
            shown = shown,
            why = why,
        )
    })?;
    parse(&text).map_err(|why| {
        t!(
            "`{shown}` is not a bot config regl can run: {why}",
            "`{shown}` — не конфигурация бота, которую regl может выполнить: {why}",
            shown = shown,
            why = why,
        )
    })
}

/// The config in `text`.
pub fn parse(text: &str) -> Result<BotConfigV2, Text> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let (line, col) = (e.line(), e.column());
        t!(
            "JSON does not read at line {line}, column {col}: {e}",
            "JSON не читается в строке {line}, столбце {col}: {e}"
        )
    })?;
    match value
        .get("regl_bot_schema")
        .and_then(serde_json::Value::as_u64)
    {
        Some(1) => upgrade_v1(&value)
            .map(|u| u.config)
            .map_err(|e| Text::same(e.to_string())),
        Some(v) if v == u64::from(BOT_SCHEMA_VERSION_2) => {
            serde_json::from_value(value).map_err(|e| Text::same(e.to_string()))
        }
        Some(v) => Err(t!(
            "regl_bot_schema is {v}: regl runs versions 1 and 2",
            "regl_bot_schema равен {v}: regl выполняет версии 1 и 2"
        )),
        None => Err(t!(
            "`regl_bot_schema` is missing",
            "нет ключа `regl_bot_schema`"
        )),
    }
}
