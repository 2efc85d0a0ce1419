//! A dialogue written back as a `[[scenario]]` file (`regl chat`'s `/save`): each input a
//! step, each step expecting what the bot did, so `regl test` replays it and passes.

use std::fmt::Write as _;

use crate::interp::{Dialogue, Input};

/// TOML for the dialogue so far.
pub fn scenario_toml(id: &str, start: &str, given_lines: &[String], d: &Dialogue<'_>) -> String {
    let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = String::new();
    let _ = writeln!(out, "[[scenario]]");
    let _ = writeln!(out, "id = {}", q(id));
    let _ = writeln!(out, "location = {}", q(&d.bot().config.location));
    let _ = writeln!(out, "channel = {}", q(d.channel()));
    let _ = writeln!(out, "now = {start}");
    for g in given_lines {
        let _ = writeln!(out, "{g}");
    }
    for turn in d.history() {
        out.push('\n');
        let _ = writeln!(out, "[[scenario.step]]");
        match &turn.input {
            Some(Input::User { text, .. }) => {
                let _ = writeln!(out, "user = {}", q(text));
            }
            Some(Input::Button(b)) => {
                let _ = writeln!(out, "button = {}", q(b));
            }
            Some(Input::Advance(s)) => {
                let _ = writeln!(
                    out,
                    "advance = {}",
                    q(&crate::model::Duration::from_secs(*s).to_string())
                );
            }
            None => continue,
        }
        let mut e: Vec<String> = Vec::new();
        if let Some(b) = &turn.branch {
            e.push(format!("branch = {}", q(b)));
        }
        if let Some(a) = &turn.ask {
            e.push(format!("ask = {}", q(a)));
        }
        if let Some(w) = &turn.when {
            e.push(format!("when = {}", q(w)));
        }
        if let Some(a) = turn.actions.last() {
            e.push(format!("action = {}", q(a)));
        }
        e.push(format!("handoff = {}", turn.handoff.is_some()));
        if let Some(r) = &turn.handoff {
            e.push(format!("reason = {}", q(r)));
        }
        if let Some(s) = turn.says.last() {
            e.push(format!("say = {}", q(s)));
        }
        if turn.no_reply() {
            e.push("no_reply = true".into());
        }
        let _ = writeln!(out, "expect = {{ {} }}", e.join(", "));
    }
    out
}
