//! Planning fixes without any rule: synthetic findings pointing into a real bot config,
//! as the rules' three habits of pointing do (the value, a key, an opening brace), and the
//! text the fixes make.

use serde_json::Value;

use super::apply::mend_text;
use super::{Fix, plan};
use crate::diag::{Diagnostic, Severity, Sources};
use crate::i18n::Text;
use crate::lint::bot::{BotInput, BotState};
use crate::lint::json::parse;

/// The clinic example's committed config: what the export writes (a test keeps it so).
fn exported() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/clinic-omsk/bot/omsk.json"
    );
    std::fs::read_to_string(path).unwrap()
}

/// `text` as a bot config read by lint, with one finding at the first `needle` (narrowed
/// by `pick` to a part of it), the fixes planned against `fresh`, and the text they make.
fn mended(
    text: &str,
    fresh: &Value,
    needle: &str,
    pick: fn(&str) -> (usize, usize),
) -> (Vec<Fix>, String) {
    let mut sources = Sources::default();
    let file = sources.add("bot/omsk.json", text.to_owned());
    let root = parse(text).unwrap();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in the text"));
    let (from, to) = pick(needle);
    let finding = Diagnostic::finding("B399", Severity::Error, Text::same("planted")).at(
        file,
        at + from..at + to,
        Text::same("here"),
    );
    let bots = [BotInput {
        path: "bot/omsk.json".into(),
        owner: Some(0),
        state: BotState::Parsed { file, root },
        upgraded: None,
        memo: crate::lint::bot::BotMemo::default(),
    }];
    let fixes = plan(&sources, &bots, &[Some(fresh.clone())], &[finding]);
    let refs: Vec<&Fix> = fixes.iter().collect();
    let out = mend_text(sources.get(file), &refs)
        .unwrap()
        .map_or_else(|| text.to_owned(), |m| m.text);
    (fixes, out)
}

fn whole(n: &str) -> (usize, usize) {
    (0, n.len())
}

fn first_byte(_: &str) -> (usize, usize) {
    (0, 1)
}

fn without_consent_step(v: &mut Value) {
    let steps = v["branches"][0]["steps"].as_array_mut().unwrap();
    let i = steps.iter().position(|s| s["ask"] == "consent").unwrap();
    steps.remove(i);
}

fn written(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap();
    s.push('\n');
    s
}

#[test]
fn a_deleted_step_goes_back_where_the_export_has_it() {
    let export = exported();
    let fresh: Value = serde_json::from_str(&export).unwrap();
    let mut v = fresh.clone();
    without_consent_step(&mut v);
    let text = written(&v);
    // A finding at the step that now follows the missing one: the step itself is as
    // exported, so what is missing is in the list around it.
    let (fixes, out) = mended(
        &text,
        &fresh,
        "{\n          \"say\": \"Спасибо, {client_name}!",
        first_byte,
    );
    assert_eq!(fixes.len(), 1, "{fixes:?}");
    let i = fresh["branches"][0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["ask"] == "consent")
        .unwrap();
    assert_eq!(fixes[0].path, format!("branches[0].steps[{i}]"));
    assert_eq!(out, export);
    // The same from the opening bracket of the list.
    let (_, out) = mended(
        &text,
        &fresh,
        "\"steps\": [\n        {\n          \"say\": \"С удовольствием",
        |_| (9, 10),
    );
    assert_eq!(out, export);
}

#[test]
fn a_step_that_could_be_either_of_two_is_not_guessed() {
    let export = exported();
    let fresh: Value = serde_json::from_str(&export).unwrap();
    let mut v = fresh.clone();
    let steps = v["branches"][0]["steps"].as_array_mut().unwrap();
    assert!(steps[0].get("ask").is_none() && steps[1].get("ask").is_none());
    steps.remove(0);
    let text = written(&v);
    let (fixes, out) = mended(&text, &fresh, "[\n        {\n          \"say\"", first_byte);
    assert!(fixes.is_empty(), "{fixes:?}");
    assert_eq!(out, text);
}

#[test]
fn a_key_pointed_at_mends_its_value_and_keeps_the_texts_inside() {
    let export = exported();
    let fresh: Value = serde_json::from_str(&export).unwrap();
    let mut v = fresh.clone();
    v["consent"]["version"] = "0.9".into();
    v["consent"]["policy_url"] = "https://old.example/p".into();
    v["consent"]["declined"] = "Хорошо, поняли вас.".into();
    let text = written(&v);
    let (_, out) = mended(&text, &fresh, "\"consent\": {", |_| (0, 9));
    let mut want = fresh.clone();
    want["consent"]["declined"] = "Хорошо, поняли вас.".into();
    assert_eq!(
        out,
        written(&want),
        "identifiers mended, the team's text kept"
    );
    // Pointed at, the text itself is the value to mend.
    let (_, out) = mended(&out, &fresh, "\"Хорошо, поняли вас.\"", whole);
    assert_eq!(out, export);
}

#[test]
fn a_file_of_another_version_or_location_is_left_alone() {
    let export = exported();
    let fresh: Value = serde_json::from_str(&export).unwrap();
    for (key, value) in [
        ("regl_bot_schema", Value::from(1)),
        ("location", Value::from("ufa")),
    ] {
        let mut other = fresh.clone();
        other[key] = value;
        let mut v = fresh.clone();
        v["limits"]["first_response_s"] = 30.into();
        let text = written(&v);
        let (fixes, _) = mended(&text, &other, "30", whole);
        assert!(fixes.is_empty(), "{key}: {fixes:?}");
    }
}
