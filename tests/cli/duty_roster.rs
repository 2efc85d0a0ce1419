//! The duty roster (SPEC §3): a day and a night contact load, reach the documents, the bot
//! config, the Bitrix24 mapping and `regl test`; a gap in the night is C109 naming it. And
//! the keys that were export's defaults — the send window and the detractor bound — as
//! business.toml keys: drift caught, mended by `lint --fix`, nonsense refused (C113). And
//! the mapping fills every placeholder from a file and uses only declared sources.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{regl, replace_once, repo};
use crate::render::{docx_text, xlsx_text};

const UFA_DUTY: &str = r#"duty = { name = "Ахметова Гульнара Ринатовна, администратор", phone = "+7 917 452-30-19", telegram = "@lada_ufa_duty" }"#;

const DAY: &str = "Ахметова Гульнара Ринатовна, администратор";
const NIGHT: &str = "Галиев Тимур Ильдарович, ночной дежурный";

/// The Ufa location's roster: the day administrator in working hours, the night contact
/// the rest of the week; `night` is the night line's shift.
fn roster(night: &str) -> String {
    format!(
        r#"duty = [
  {{ name = "{DAY}", phone = "+7 917 452-30-19", telegram = "@lada_ufa_duty", bitrix_user_id = 17, when = ["mon-fri 09:00-21:00", "sat-sun 10:00-18:00"] }},
  {{ name = "{NIGHT}", phone = "+7 917 452-30-27", telegram = "@lada_ufa_night", bitrix_user_id = 23, when = {night} }},
]"#
    )
}

/// Covers every minute outside Ufa's hours (mon-fri 09:00-21:00, sat-sun 10:00-18:00).
const WHOLE_NIGHT: &str =
    r#"["mon-thu 21:00-09:00", "fri 21:00-10:00", "sat 18:00-10:00", "sun 18:00-09:00"]"#;

/// The salon example with `duty` of Ufa replaced by `duty`, its bot configs exported.
fn salon_with(duty: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("business.toml"), single_duty()).unwrap();
    replant(dir.path(), duty);
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    dir
}

/// Ufa's duty in business.toml replaced by `duty`, the bot configs left as they are.
fn replant(dir: &Path, duty: &str) {
    let path = dir.join("business.toml");
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find("\nduty = ").unwrap() + 1;
    let end = if text[start..].starts_with("duty = [") {
        start + text[start..].find("\n]").unwrap() + 2
    } else {
        start + text[start..].find('\n').unwrap()
    };
    fs::write(&path, format!("{}{duty}{}", &text[..start], &text[end..])).unwrap();
}

/// The salon example's business.toml with Ufa's roster as one duty table, as it was.
fn single_duty() -> String {
    let toml = fs::read_to_string(repo().join("examples/salon-ufa-omsk/business.toml")).unwrap();
    let start = toml.find("\nduty = [").unwrap() + 1;
    let end = start + toml[start..].find("\n]").unwrap() + 2;
    format!("{}{UFA_DUTY}{}", &toml[..start], &toml[end..])
}

fn lint_json(dir: &Path) -> Vec<Value> {
    let run = regl(dir, &["lint", "--format", "json"]);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// Document text with the typograph's joiners taken out: «пн–⁠пт» reads «пн–пт».
fn plain(s: &str) -> String {
    s.replace('\u{2060}', "")
}

#[test]
fn a_day_and_night_roster_reaches_every_output_and_the_night_complaint_goes_to_the_night() {
    let dir = salon_with(&roster(WHOLE_NIGHT));
    let d = dir.path();
    regl(d, &["render"]).expect_code(0);
    let lint = regl(d, &["lint"]).expect_code(0);
    assert!(!lint.stdout.contains("error"), "{}", lint.stdout);

    let rules = plain(&docx_text(&d.join("out/ufa/ai-escalation-rules-ufa.docx")));
    for needle in [
        DAY,
        NIGHT,
        "пн–пт 09:00–21:00",
        "пн–чт 21:00–09:00",
        "пт 21:00–10:00",
        "+7 917 452-30-27",
        "@lada_ufa_night",
        "Смена (местное время)",
    ] {
        assert!(rules.contains(needle), "escalation rules lack «{needle}»");
    }
    let sop = plain(&docx_text(&d.join("out/ufa/lead-handling-ufa.docx")));
    assert!(
        sop.contains("Ночью дежурный по графику ("),
        "the SOP's night section"
    );
    assert!(sop.contains(NIGHT) && sop.contains("вс 18:00–09:00"));
    let sheet = plain(&xlsx_text(&d.join("out/ufa/sla-response-times-ufa.xlsx")));
    assert!(
        sheet.contains(&format!("{NIGHT} — пн–чт 21:00–09:00")),
        "{sheet}"
    );

    // The bot config: each shift as a week, split at midnight, with the user id.
    let bot: Value =
        serde_json::from_str(&fs::read_to_string(d.join("bot/ufa.json")).unwrap()).unwrap();
    let duty = &bot["escalation"]["duty"];
    assert_eq!(duty[1]["name"], NIGHT);
    assert_eq!(duty[1]["bitrix_user_id"], 23);
    assert_eq!(
        duty[1]["when"]["tue"],
        serde_json::json!(["00:00-09:00", "21:00-24:00"])
    );
    assert_eq!(
        duty[1]["when"]["sat"],
        serde_json::json!(["00:00-10:00", "18:00-24:00"])
    );

    // The mapping: the task's responsible comes from the roster in the same file.
    let mapping: Value =
        serde_json::from_str(&fs::read_to_string(d.join("out/bitrix24-mapping.json")).unwrap())
            .unwrap();
    let ufa = &mapping["escalation_tasks"][0];
    assert_eq!(ufa["location"], "ufa");
    assert_eq!(ufa["responsible"][0]["bitrix_user_id"], 17);
    assert_eq!(ufa["responsible"][1]["bitrix_user_id"], 23);
    assert_eq!(ufa["responsible"][1]["when"], duty[1]["when"]);

    // regl test: a complaint at 02:30 on a Tuesday reaches the night line, at noon the day's.
    fs::create_dir_all(d.join("scenarios")).unwrap();
    fs::write(
        d.join("scenarios/duty.toml"),
        format!(
            r#"[[scenario]]
id = "ufa-night-complaint"
location = "ufa"
now = 2026-12-08T02:30:00
[[scenario.step]]
user = "хочу оставить жалобу"
expect = {{ handoff = true, reason = "keyword", duty = "{NIGHT}", notify = ["bitrix_task", "telegram", "sms"], not = {{ duty = "{DAY}" }} }}

[[scenario]]
id = "ufa-day-complaint"
location = "ufa"
now = 2026-12-08T12:30:00
[[scenario.step]]
user = "хочу оставить жалобу"
expect = {{ handoff = true, duty = "{DAY}" }}
"#
        ),
    )
    .unwrap();
    let run = regl(d, &["test", "--only", "ufa-*-complaint"]).expect_code(0);
    assert!(run.stdout.contains("2 passed, 0 failed"), "{}", run.stdout);
    // The generated scenarios try a hand-off in each shift too.
    let listed = regl(d, &["test", "--list"]).expect_code(0);
    assert!(listed.stdout.contains("ufa-duty-2"), "{}", listed.stdout);
    let all = regl(d, &["test"]).expect_code(0);
    assert!(all.stdout.contains(" 0 failed"), "{}", all.stdout);
}

#[test]
fn a_gap_in_the_night_is_c109_naming_the_uncovered_time() {
    // The night line stops at 07:00 on weekdays; Ufa opens at 09:00. (Export refuses a
    // roster with a gap, so the gap is planted after it.)
    let dir = salon_with(&roster(WHOLE_NIGHT));
    replant(
        dir.path(),
        &roster(
            r#"["mon-thu 21:00-07:00", "fri 21:00-10:00", "sat 18:00-10:00", "sun 18:00-07:00"]"#,
        ),
    );
    let found = lint_json(dir.path());
    let c109: Vec<&Value> = found.iter().filter(|d| d["code"] == "C109").collect();
    assert_eq!(c109.len(), 2, "one per notify channel: {c109:#?}");
    for d in &c109 {
        let m = d["message"].as_str().unwrap();
        assert!(m.contains("mon-fri 07:00-09:00"), "{m}");
        assert_eq!(d["severity"], "error");
        assert_eq!(d["file"], "business.toml");
    }
    let toml = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let line = toml[..toml.find("duty = [").unwrap()].matches('\n').count() + 1;
    assert_eq!(c109[0]["line"], line);

    // Two shifts over the same hour: a warning naming it, the first listed alerted.
    replant(
        dir.path(),
        &roster(
            r#"["mon-thu 20:00-09:00", "fri 21:00-10:00", "sat 18:00-10:00", "sun 18:00-09:00"]"#,
        ),
    );
    let found = lint_json(dir.path());
    assert!(
        !found
            .iter()
            .any(|d| d["code"] == "C109" && d["severity"] == "error")
    );
    let warn = found
        .iter()
        .find(|d| d["code"] == "C109")
        .expect("overlap warning");
    assert_eq!(warn["severity"], "warning");
    let m = warn["message"].as_str().unwrap();
    assert!(m.contains("mon-thu 20:00-21:00") && m.contains(DAY), "{m}");
}

#[test]
fn a_roster_is_read_with_one_error_per_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let toml = single_duty();
    let bad = replace_once(
        &toml,
        UFA_DUTY,
        r#"duty = [ { name = "Днём", phone = "+7 917 452-30-19", wen = "mon-fri 09:00-21:00" }, { name = "Ночью", phone = "+7 917 452-3", when = "mon 21:00-21:00" } ]"#,
    );
    fs::write(dir.path().join("business.toml"), &bad).unwrap();
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert!(
        run.stderr.contains("unknown key `wen` in duty"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `when`?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("+7 917 452-3"), "{}", run.stderr);
    assert!(
        run.stderr.contains("starts and ends at the same minute"),
        "{}",
        run.stderr
    );
    fs::write(
        dir.path().join("business.toml"),
        replace_once(&toml, UFA_DUTY, "duty = []"),
    )
    .unwrap();
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert!(
        run.stderr.contains("the duty roster is empty"),
        "{}",
        run.stderr
    );
}

/// Every `{placeholder}` of a JSON value.
fn placeholders(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            let mut rest = s.as_str();
            while let Some(i) = rest.find('{') {
                let Some(j) = rest[i..].find('}') else { break };
                out.push(rest[i + 1..i + j].to_owned());
                rest = &rest[i + j..];
            }
        }
        Value::Array(a) => a.iter().for_each(|x| placeholders(x, out)),
        Value::Object(m) => m
            .iter()
            .filter(|(k, _)| *k != "placeholders")
            .for_each(|(_, x)| placeholders(x, out)),
        _ => {}
    }
}

#[test]
fn the_mapping_fills_every_placeholder_from_a_file_and_uses_declared_sources_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    regl(
        d,
        &[
            "init",
            "--city",
            "Уфа",
            "--name",
            "Салон",
            "--segment",
            "salon",
        ],
    )
    .expect_code(0);
    regl(d, &["export"]).expect_code(0);
    let mapping: Value =
        serde_json::from_str(&fs::read_to_string(d.join("out/bitrix24-mapping.json")).unwrap())
            .unwrap();
    let mut used = Vec::new();
    placeholders(&mapping, &mut used);
    let known = mapping["placeholders"].as_object().unwrap();
    // A user field takes its slot's value: `<slot>` gives the meaning of those.
    let slots: Vec<&str> = mapping["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["slot"].as_str())
        .collect();
    for p in &used {
        assert!(
            known.contains_key(p) || slots.contains(&p.as_str()),
            "`{{{p}}}` has no meaning in the file"
        );
    }
    // The SMS channel's source is declared by the preset, so the mapping creates only
    // what business.toml names.
    let toml = fs::read_to_string(d.join("business.toml")).unwrap();
    for s in mapping["sources"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap();
        assert!(
            s["create"] == false || toml.contains(&format!("{{ id = \"{id}\"")),
            "source {id} created but never declared"
        );
    }
    assert_eq!(mapping["sources_by_channel"]["sms"], "SMS");

    // A single duty with a Bitrix24 user: the task names that user outright.
    let one = replace_once(
        &toml,
        r#"telegram = "@salon_ufa_duty" }"#,
        r#"telegram = "@salon_ufa_duty", bitrix_user_id = 41 }"#,
    );
    fs::write(d.join("business.toml"), &one).unwrap();
    regl(d, &["export"]).expect_code(0);
    let mapping: Value =
        serde_json::from_str(&fs::read_to_string(d.join("out/bitrix24-mapping.json")).unwrap())
            .unwrap();
    assert_eq!(
        mapping["escalation_tasks"][0]["task"]["params"]["fields"]["RESPONSIBLE_ID"],
        41
    );

    // Without the declaration, C105 points at the channel whose leads would use it.
    let undeclared = replace_once(&one, "  { id = \"SMS\", name = \"SMS\" },", "");
    fs::write(d.join("business.toml"), &undeclared).unwrap();
    let found = lint_json(d);
    let c105 = found
        .iter()
        .find(|f| f["code"] == "C105")
        .expect("C105 for the undeclared SMS source");
    assert!(c105["message"].as_str().unwrap().contains("`SMS`"));
    let sms_line = undeclared[..undeclared.find("id = \"sms\"").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert_eq!(c105["line"], sms_line);
    regl(d, &["export"]).expect_code(2);
}

#[test]
fn the_send_window_and_detractor_bound_drift_is_caught_and_mended() {
    let dir = salon_with(UFA_DUTY);
    let d = dir.path();
    let toml_path = d.join("business.toml");
    let toml = fs::read_to_string(&toml_path).unwrap();
    let before = fs::read_to_string(d.join("bot/ufa.json")).unwrap();
    let changed = replace_once(
        &toml,
        "nps_survey_after = \"3d\"",
        "nps_survey_after = \"3d\"\nreminders_send_between = \"09:00-21:00\"\nnps_detractor_max = 5",
    );
    fs::write(&toml_path, &changed).unwrap();
    let found = lint_json(d);
    let at = |code: &str, needle: &str| {
        found.iter().any(|f| {
            f["code"] == code
                && f["file"] == "bot/ufa.json"
                && f["message"].as_str().unwrap_or_default().contains(needle)
        })
    };
    assert!(at("B303", "reminders.send_between"), "{found:#?}");
    assert!(at("B318", "nps.detractor_max"), "{found:#?}");

    let fix = regl(d, &["lint", "--fix"]);
    assert!(
        fix.stdout.contains("send_between") || fix.stderr.contains("send_between"),
        "{}{}",
        fix.stdout,
        fix.stderr
    );
    let after = fs::read_to_string(d.join("bot/ufa.json")).unwrap();
    let bot: Value = serde_json::from_str(&after).unwrap();
    assert_eq!(bot["reminders"]["send_between"], "09:00-21:00");
    assert_eq!(bot["nps"]["detractor_max"], 5);
    // Only those two values changed.
    let diff: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(diff.len(), 2, "{diff:#?}");
    assert!(
        !lint_json(d)
            .iter()
            .any(|f| f["file"] == "bot/ufa.json" && f["severity"] == "error")
    );

    // The documents state the window and the bound.
    regl(d, &["render"]).expect_code(0);
    let sop = plain(&docx_text(&d.join("out/ufa/lead-handling-ufa.docx")));
    assert!(
        sop.contains("с 09:00 до 21:00"),
        "the SOP states the window"
    );
    assert!(sop.contains("оценка 5 и ниже"), "the SOP states the bound");
    let rules = plain(&docx_text(&d.join("out/ufa/ai-escalation-rules-ufa.docx")));
    assert!(rules.contains("ставит 5 или меньше"));

    // Nonsense values are C113, each at its line.
    let nonsense = replace_once(
        &replace_once(&changed, "\"09:00-21:00\"", "\"22:00-08:00\""),
        "nps_detractor_max = 5",
        "nps_detractor_max = 11",
    );
    fs::write(&toml_path, &nonsense).unwrap();
    let found = lint_json(d);
    let c113: Vec<&Value> = found.iter().filter(|f| f["code"] == "C113").collect();
    assert_eq!(c113.len(), 2, "{found:#?}");
    regl(d, &["export"]).expect_code(2);
}
