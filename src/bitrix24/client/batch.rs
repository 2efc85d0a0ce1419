//! `batch`: up to 50 commands in one request, each answered on its own (b24restdocs
//! `settings/how-to-call-rest-api/batch.md`).
//!
//! The request is `{"halt": 0, "cmd": {id: "method?query"}}`; with `halt = 0` every command
//! runs and the answer is HTTP 200 even when some fail: successes under `result.result`, failures
//! under `result.result_error`, list totals and next pages under `result_total` and
//! `result_next`, times under `result_time`, each keyed by the command's id (PHP sends `[]` for
//! an empty one).

use std::fmt;

use serde_json::{Map, Value, json};

use super::codes::PortalError;
use super::envelope::{Reply, TimeBlock, count};
use super::error::Error;
use super::query::command_line;
use crate::i18n::{Text, t};

/// The most commands one `batch` takes; beyond it the portal refuses each extra one with
/// `ERROR_BATCH_LENGTH_EXCEEDED`.
pub const MAX_COMMANDS: usize = 50;

/// One method call inside a batch.
#[derive(Clone, Debug, PartialEq)]
pub struct Command {
    /// The key the answer comes back under: Latin letters, digits and `_`, not starting with a
    /// digit (a numeric key would turn PHP's keyed array into a JSON list).
    pub id: String,
    pub method: String,
    pub params: Value,
}

impl Command {
    pub fn new(id: impl Into<String>, method: impl Into<String>, params: Value) -> Self {
        Self {
            id: id.into(),
            method: method.into(),
            params,
        }
    }
}

/// Why one command of a batch has no result.
#[derive(Clone, Debug, PartialEq)]
pub struct CommandError {
    pub id: String,
    pub method: String,
    pub failure: CommandFailure,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CommandFailure {
    /// It did not take effect: the portal refused it, or the request never reached the portal.
    NotRun(Error),
    /// The request carrying it failed without an answer: it may or may not have run, so the
    /// portal is read again before anything is sent again.
    MaybeRun(Error),
    /// An earlier request of the same batch failed, so this one was never sent.
    NotSent(Error),
}

impl CommandError {
    pub fn error(&self) -> &Error {
        match &self.failure {
            CommandFailure::NotRun(e)
            | CommandFailure::MaybeRun(e)
            | CommandFailure::NotSent(e) => e,
        }
    }

    pub fn may_have_run(&self) -> bool {
        matches!(self.failure, CommandFailure::MaybeRun(_))
    }

    /// What became of the command and why, in English and Russian.
    pub fn text(&self) -> Text {
        let id = &self.id;
        match &self.failure {
            CommandFailure::NotRun(e) => e.text(),
            CommandFailure::MaybeRun(e) => t!(
                "`{id}` may or may not have run: {e}",
                "`{id}` мог выполниться, а мог и нет: {e}",
                id = id,
                e = e.text()
            ),
            CommandFailure::NotSent(e) => t!(
                "`{id}` was not sent: {e}",
                "`{id}` не отправлен: {e}",
                id = id,
                e = e.text()
            ),
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().en())
    }
}

impl std::error::Error for CommandError {}

/// Checks the ids of `commands` (programming errors, hence panics): well formed and unique,
/// because two equal keys would silently share one answer.
pub(crate) fn check_ids(commands: &[Command]) {
    let mut seen = std::collections::BTreeSet::new();
    for c in commands {
        let ok =
            c.id.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
                && c.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        assert!(
            ok,
            "batch command id `{}` is not [A-Za-z_][A-Za-z0-9_]*",
            c.id
        );
        assert!(
            seen.insert(&c.id),
            "batch command id `{}` is used twice",
            c.id
        );
        assert!(c.method != "batch", "a batch cannot hold a batch");
    }
}

/// The body of one `batch` request.
pub(crate) fn request(commands: &[Command]) -> Value {
    let cmd: Map<String, Value> = commands
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                Value::String(command_line(&c.method, &c.params)),
            )
        })
        .collect();
    json!({"halt": 0, "cmd": cmd})
}

/// One command's answer as the batch reported it.
#[derive(Debug)]
pub(crate) enum Item {
    Reply(Reply),
    Error(PortalError),
    /// Neither a result nor an error came back for it.
    Missing,
}

/// Splits a `batch` result into one item per command, in the order of `commands`.
pub(crate) fn items(commands: &[Command], result: &Value) -> Vec<Item> {
    let results = keyed(result.get("result"));
    let errors = keyed(result.get("result_error"));
    let totals = keyed(result.get("result_total"));
    let nexts = keyed(result.get("result_next"));
    let times = keyed(result.get("result_time"));
    commands
        .iter()
        .map(|c| {
            let id = c.id.as_str();
            if let Some(e) = errors.and_then(|m| m.get(id)) {
                return Item::Error(PortalError {
                    // Inside a batch there is no status of its own; 400 is the portal's default.
                    status: 400,
                    code: e
                        .get("error")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    description: e
                        .get("error_description")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                });
            }
            match results.and_then(|m| m.get(id)) {
                Some(v) => Item::Reply(Reply {
                    result: v.clone(),
                    total: totals.and_then(|m| m.get(id)).and_then(count),
                    next: nexts.and_then(|m| m.get(id)).and_then(count),
                    time: times.and_then(|m| m.get(id)).map(TimeBlock::read),
                }),
                None => Item::Missing,
            }
        })
        .collect()
}

/// A keyed part of the batch result; PHP's empty array `[]` reads as no keys.
fn keyed(v: Option<&Value>) -> Option<&Map<String, Value>> {
    v.and_then(Value::as_object)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmds() -> Vec<Command> {
        vec![
            Command::new(
                "a",
                "crm.status.list",
                json!({"filter": {"ENTITY_ID": "STATUS"}}),
            ),
            Command::new("b", "crm.status.add", json!({"fields": {"STATUS_ID": "X"}})),
            Command::new("c", "profile", json!({})),
        ]
    }

    #[test]
    fn the_request_is_keyed_command_lines_with_halt_off() {
        assert_eq!(
            request(&cmds()),
            json!({"halt": 0, "cmd": {
                "a": "crm.status.list?filter[ENTITY_ID]=STATUS",
                "b": "crm.status.add?fields[STATUS_ID]=X",
                "c": "profile",
            }})
        );
    }

    #[test]
    fn each_command_gets_its_own_item() {
        let result = json!({
            "result": {"a": [{"ID": "1"}]},
            "result_error": {"b": {"error": "ERROR_CORE", "error_description": "The specified status ID already exists."}},
            "result_total": {"a": 1},
            "result_next": [],
            "result_time": {"a": {"operating": 0.5, "operating_reset_at": 99}},
        });
        let items = items(&cmds(), &result);
        let Item::Reply(a) = &items[0] else { panic!() };
        assert_eq!(a.total, Some(1));
        assert_eq!(a.next, None);
        assert_eq!(a.time.unwrap().operating_reset_at, Some(99));
        assert!(matches!(&items[1], Item::Error(e) if e.code == "ERROR_CORE"));
        assert!(matches!(items[2], Item::Missing));
    }

    #[test]
    fn php_empty_arrays_are_empty_maps() {
        let result = json!({"result": [], "result_error": {"a": {"error": "insufficient_scope", "error_description": ""}},
                            "result_total": [], "result_next": [], "result_time": []});
        let items = items(&cmds()[..1], &result);
        assert!(matches!(&items[0], Item::Error(e) if e.code == "insufficient_scope"));
    }

    #[test]
    #[should_panic(expected = "used twice")]
    fn a_repeated_id_is_a_programming_error() {
        check_ids(&[
            Command::new("a", "x", json!({})),
            Command::new("a", "y", json!({})),
        ]);
    }
}
