//! `regl lint`: one planted problem per rule, asserted by code, severity and line; every
//! SPEC §4 key of a bot config drifted one at a time; the output formats; waivers; explain.

#![allow(clippy::cast_possible_truncation)]

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::common::{Run, line_col_of, regl, regl_env, replace_once, repo};

/// A date inside every example's review period, so C110 stays quiet unless planted.
const TODAY: &str = "2026-12-10";

fn lint(dir: &Path, extra: &[&str]) -> Run {
    let args: Vec<&str> = std::iter::once("lint")
        .chain(extra.iter().copied())
        .collect();
    regl_env(dir, &args, &[("REGL_TODAY", TODAY)])
}

/// The findings of a run, without T131: these tests judge the config and the bot configs of
/// businesses nothing was rendered for, and that to-do has its own test (friction.rs).
fn findings(run: &Run) -> Vec<Value> {
    serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr))
        .into_iter()
        .filter(|d| d["code"] != "T131")
        .collect()
}

/// A copy of an example in a temp dir, with the bot configs `regl export` makes from it.
fn business(example: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = repo().join("examples").join(example).join("business.toml");
    let toml = dir.path().join("business.toml");
    fs::copy(&src, &toml).unwrap();
    write_bots(dir.path());
    dir
}

/// Writes each location's bot config as `export` does, so only a planted change can fire.
fn write_bots(dir: &Path) {
    let toml = dir.join("business.toml");
    let mut sources = regl::diag::Sources::default();
    let loaded = regl::model::load(&toml, &mut sources).expect("loads");
    for l in &loaded.business.locations {
        let path = dir.join(l.bot_config.as_str());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let config = regl::export::bot_config(&loaded.business, l);
        fs::write(path, regl::export::to_json(&config)).unwrap();
    }
}

#[test]
fn every_example_lints_clean_with_its_committed_bot_configs() {
    for example in ["salon-ufa-omsk", "clinic-omsk", "fitness-novosibirsk"] {
        let config = format!("examples/{example}/business.toml");
        // Rendered first, outside the repository: a lint of nothing rendered is a to-do.
        let out = tempfile::tempdir().unwrap();
        let out = out.path().to_str().unwrap();
        regl(&repo(), &["render", "-c", &config, "-o", out]).expect_code(0);
        let run = lint(
            &repo(),
            &[
                "-c",
                &config,
                "-o",
                out,
                "--format",
                "json",
                "--deny-warnings",
            ],
        );
        assert_eq!(findings(&run), Vec::<Value>::new(), "{example}");
        run.expect_code(0);
    }
}

#[test]
fn a_fresh_init_lints_clean_for_every_segment_and_language() {
    for segment in ["salon", "clinic", "fitness", "education", "other"] {
        for lang in ["ru", "en"] {
            let dir = tempfile::tempdir().unwrap();
            let init = [
                "init",
                "--name",
                "Лада",
                "--city",
                "Омск",
                "--segment",
                segment,
                "--lang",
                lang,
            ];
            regl(dir.path(), &init).expect_code(0);
            regl(dir.path(), &["init", "--city", "Новосибирск"]).expect_code(0);
            let run = lint(dir.path(), &["--format", "json"]);
            // What the owner still has to fill in is a to-do (a T warning), never an error.
            let other: Vec<Value> = findings(&run)
                .into_iter()
                .filter(|f| !f["code"].as_str().is_some_and(|c| c.starts_with('T')))
                .collect();
            assert_eq!(other, Vec::<Value>::new(), "{segment}.{lang}");
            run.expect_code(0);
        }
    }
}

#[test]
fn exported_bot_configs_copied_into_place_lint_clean() {
    for segment in ["salon", "clinic", "fitness", "education", "other"] {
        let dir = tempfile::tempdir().unwrap();
        let init = [
            "init",
            "--name",
            "Лада",
            "--city",
            "Уфа",
            "--segment",
            segment,
        ];
        regl(dir.path(), &init).expect_code(0);
        fs::remove_dir_all(dir.path().join("bot")).unwrap();
        regl(dir.path(), &["export"]).expect_code(0);
        fs::create_dir_all(dir.path().join("bot")).unwrap();
        fs::copy(
            dir.path().join("out/ufa/bot-scripts-ufa.json"),
            dir.path().join("bot/ufa.json"),
        )
        .unwrap();
        let run = lint(dir.path(), &["--format", "json"]);
        let bad: Vec<Value> = findings(&run)
            .into_iter()
            .filter(|d| {
                let code = d["code"].as_str().unwrap_or("");
                code.starts_with('B') || code == "P204"
            })
            .collect();
        assert!(bad.is_empty(), "{segment}: {bad:?}");
    }
}

#[test]
fn examples_without_bot_configs_report_only_b301() {
    let dir = tempfile::tempdir().unwrap();
    let src = repo().join("examples/salon-ufa-omsk/business.toml");
    fs::copy(src, dir.path().join("business.toml")).unwrap();
    let run = lint(dir.path(), &["--format", "json"]);
    let f = findings(&run);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f.iter().all(|d| d["code"] == "B301"));
    assert_eq!(run.code, 1);
}

/// Plants `from` → `to` in the salon's business.toml and expects `code` at the line of
/// `at` (a text that occurs after the change, first occurrence).
fn fires_in_toml(code: &str, severity: &str, from: &str, to: &str, at: &str) {
    fires_in_toml_all(code, severity, &[(from, to)], at);
}

/// [`fires_in_toml`] with several changes planted at once.
fn fires_in_toml_all(code: &str, severity: &str, changes: &[(&str, &str)], at: &str) {
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("business.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    for (from, to) in changes {
        assert!(text.contains(from), "`{from}` not in text");
        text = text.replace(from, to);
    }
    let to = changes.last().map_or("", |c| c.1);
    fs::write(&path, &text).unwrap();
    // The bot configs follow the change, as `regl export` would: only `code` is planted.
    write_bots(dir.path());
    let run = lint(dir.path(), &["--format", "json"]);
    let f = findings(&run);
    let (line, col) = line_col_of(&text, at);
    let hit = f
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("{code} did not fire for `{to}`; got:\n{}", run.stdout));
    assert_eq!(hit["severity"], severity, "{code}");
    assert_eq!(hit["file"], "business.toml", "{code}");
    assert_eq!(
        (
            hit["line"].as_u64().unwrap() as usize,
            hit["column"].as_u64().unwrap() as usize
        ),
        (line, col),
        "{code}: {}",
        run.stdout
    );
    assert!(
        hit["hint"].as_str().is_some_and(|h| !h.is_empty()),
        "{code} has no hint"
    );
    assert_eq!(run.code, i32::from(severity == "error"), "{code}");
}

#[test]
fn c101_identifiers() {
    fires_in_toml(
        "C101",
        "error",
        "inn = \"0278097147\"",
        "inn = \"0278097148\"",
        "\"0278097148\"",
    );
    fires_in_toml(
        "C101",
        "error",
        "ogrn = \"1180280043767\"",
        "ogrn = \"118028004376\"",
        "\"118028004376\"",
    );
}

#[test]
fn c102_time_zone() {
    fires_in_toml(
        "C102",
        "error",
        "timezone = \"Asia/Yekaterinburg\"",
        "timezone = \"Asia/Ufa\"",
        "\"Asia/Ufa\"",
    );
}

#[test]
fn c103_working_hours() {
    fires_in_toml(
        "C103",
        "error",
        "\"sat-sun 10:00-18:00\"]",
        "\"sat-sun 18:00-10:00\"]",
        "\"sat-sun 18:00-10:00\"",
    );
    fires_in_toml(
        "C103",
        "error",
        "\"sat-sun 10:00-18:00\"]",
        "\"fri-sun 10:00-18:00\"]",
        "\"fri-sun 10:00-18:00\"",
    );
}

#[test]
fn c104_duplicate_ids() {
    fires_in_toml(
        "C104",
        "error",
        "id = \"styling\"",
        "id = \"haircut\"",
        "\"haircut\"\nname = \"Укладка\"",
    );
}

#[test]
fn c105_references() {
    fires_in_toml(
        "C105",
        "error",
        "upsell = [\"styling\", \"hair-care\"]",
        "upsell = [\"styling\", \"hair-cure\"]",
        "\"hair-cure\"",
    );
}

#[test]
fn c106_sla_consistency() {
    fires_in_toml(
        "C106",
        "error",
        "ai_first_response = \"3s\"",
        "ai_first_response = \"5m\"",
        "\"5m\"",
    );
}

#[test]
fn c107_reminder_after_window() {
    fires_in_toml(
        "C107",
        "warning",
        "free_until = \"12h\"",
        "free_until = \"48h\"",
        "\"24h\", \"2h\", \"1h\"]\nnps",
    );
}

#[test]
fn c108_bot_branches() {
    fires_in_toml(
        "C108",
        "error",
        "branches = [\"booking\", \"cancel\",",
        "branches = [\"booking\",",
        "[\"booking\", \"price\"",
    );
}

#[test]
fn c109_duty_contact() {
    fires_in_toml(
        "C109",
        "error",
        ", phone = \"+7 913 645-20-71\"",
        "",
        "\"Сорокина Мария Андреевна, администратор филиала\"",
    );
}

#[test]
fn c110_review_overdue() {
    fires_in_toml("C110", "warning", "2026-12-01", "2026-01-01", "2026-01-01");
}

#[test]
fn c111_crm_fields() {
    fires_in_toml(
        "C111",
        "error",
        "code = \"UF_CRM_REGL_TIME\"",
        "code = \"UF_CRM_PREFERRED_VISIT_TIME\"",
        "\"UF_CRM_PREFERRED_VISIT_TIME\"",
    );
    fires_in_toml(
        "C111",
        "error",
        "{ id = \"UC_NO_SHOW\"",
        "{ id = \"UC_CLIENT_DID_NOT_COME_AT_ALL\"",
        "\"UC_CLIENT_DID_NOT_COME_AT_ALL\"",
    );
}

#[test]
fn p201_special_categories() {
    fires_in_toml(
        "P201",
        "error",
        "segment = \"salon\"",
        "segment = \"clinic\"",
        "[]\nwritten_consent",
    );
}

#[test]
fn p202_cross_border() {
    fires_in_toml(
        "P202",
        "error",
        "  { name = \"Telegram\", role = \"messenger\", purpose = \"переписка с клиентами\", country = \"AE\", basis = \"independent\" },\n",
        "",
        "true\nsource_id = \"TELEGRAM\"",
    );
}

#[test]
fn p203_retention() {
    fires_in_toml(
        "P203",
        "error",
        "chat_retention = \"90d\"",
        "chat_retention = \"5y\"",
        "\"5y\"",
    );
}

#[test]
fn p205_cancellation_fees() {
    fires_in_toml(
        "P205",
        "warning",
        "no_show_fee_percent = 0",
        "no_show_fee_percent = 50",
        "50\n",
    );
}

#[test]
fn p206_data_location() {
    fires_in_toml(
        "P206",
        "error",
        "role = \"ai\", purpose = \"ответы ИИ-ассистента\", country = \"RU\"",
        "role = \"ai\", purpose = \"ответы ИИ-ассистента\", country = \"US\"",
        "\"US\", legal_name = \"ООО «Яндекс.Облако»\"",
    );
    fires_in_toml(
        "P206",
        "error",
        "storage_country = \"RU\"",
        "storage_country = \"DE\"",
        "\"DE\"",
    );
}

#[test]
fn p207_unpublished_policy() {
    fires_in_toml_all(
        "P207",
        "error",
        &[
            ("website = \"https://lada-salon.example\"\n", ""),
            ("policy_url = \"https://lada-salon.example/privacy\"\n", ""),
        ],
        "\"Студия красоты «Лада»\"",
    );
}

#[test]
fn s501_secret_in_business_toml() {
    fires_in_toml(
        "S501",
        "error",
        "portal = \"lada-salon.bitrix24.ru\"",
        "portal = \"https://lada-salon.bitrix24.ru/rest/1/x8k2m9q4w7e1r5t3/\"",
        "https://lada-salon.bitrix24",
    );
}

#[test]
fn the_human_report_does_not_repeat_the_secret_it_found() {
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("business.toml");
    let text = fs::read_to_string(&path).unwrap();
    let secret = "x8k2m9q4w7e1r5t3";
    let planted = replace_once(
        &text,
        "portal = \"lada-salon.bitrix24.ru\"",
        &format!("portal = \"https://lada-salon.bitrix24.ru/rest/1/{secret}/\""),
    );
    fs::write(&path, planted).unwrap();
    let run = lint(dir.path(), &[]);
    assert!(run.stdout.contains("error[S501]"), "{}", run.stdout);
    assert!(
        run.stdout.contains("lada-salon.bitrix24.ru/rest/1/x8k2"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains(secret) && !run.stderr.contains(secret),
        "{}",
        run.stdout
    );
}

#[test]
fn l901_and_l902_waivers() {
    let waivers = "\n[[lint.waive]]\ncode = \"C107\"\nreason = \"reminders rework\"\nuntil = 2026-11-01\n\n[[lint.waive]]\ncode = \"P205\"\nreason = \"fees under review\"\n";
    let end = "{ id = \"INSTAGRAM\", name = \"Instagram\" },\n]\n";
    fires_in_toml(
        "L901",
        "warning",
        end,
        &format!("{end}{waivers}"),
        "2026-11-01",
    );
    fires_in_toml(
        "L902",
        "warning",
        end,
        &format!("{end}{waivers}"),
        "\"P205\"",
    );
}

#[test]
fn a_waiver_in_force_silences_its_code() {
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("business.toml");
    let mut text = replace_once(
        &fs::read_to_string(&path).unwrap(),
        "no_show_fee_percent = 0",
        "no_show_fee_percent = 50",
    );
    text.push_str("\n[[lint.waive]]\ncode = \"P205\"\nreason = \"agreed with the lawyer\"\nuntil = 2027-01-15\n");
    // CI that does not render: the to-do waived for good, as a user would.
    text.push_str("\n[[lint.waive]]\ncode = \"T131\"\nreason = \"the documents are rendered in another job\"\n");
    fs::write(&path, &text).unwrap();
    // The bot follows the new fee.
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    let run = lint(dir.path(), &["--format", "json", "--deny-warnings"]);
    assert_eq!(findings(&run), Vec::<Value>::new());
    run.expect_code(0);
}

/// Plants one change in the Ufa bot config and expects `code` on that value's line.
fn fires_in_bot(
    code: &str,
    severity: &str,
    change: impl FnOnce(&mut Value),
    at: &str,
) -> Vec<Value> {
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("bot/ufa.json");
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    change(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap();
    fs::write(&path, &text).unwrap();
    let run = lint(dir.path(), &["--format", "json"]);
    let f = findings(&run);
    let (line, _) = line_col_of(&text, at);
    let hit = f
        .iter()
        .find(|d| d["code"] == code && d["line"].as_u64() == Some(line as u64))
        .unwrap_or_else(|| {
            panic!(
                "{code} did not fire at bot/ufa.json:{line}; got:\n{}",
                run.stdout
            )
        });
    assert_eq!(hit["severity"], severity, "{code}");
    assert_eq!(hit["file"], "bot/ufa.json", "{code}: {}", run.stdout);
    assert!(
        hit["hint"].as_str().is_some_and(|h| !h.is_empty()),
        "{code} has no hint"
    );
    f
}

#[test]
fn every_spec_key_of_the_bot_config_is_checked() {
    type Plant = (
        &'static str,
        &'static str,
        &'static str,
        Value,
        &'static str,
    );
    // (code, severity, JSON pointer, planted value, text on the reported line)
    let plants: Vec<Plant> = vec![
        (
            "B301",
            "error",
            "/regl_bot_schema",
            json!(3),
            "\"regl_bot_schema\": 3",
        ),
        (
            "B301",
            "error",
            "/location",
            json!("omsk"),
            "\"location\": \"omsk\"",
        ),
        ("B310", "error", "/lang", json!("en"), "\"lang\": \"en\""),
        (
            "B310",
            "error",
            "/timezone",
            json!("Asia/Omsk"),
            "\"Asia/Omsk\"",
        ),
        (
            "B310",
            "error",
            "/hours/mon",
            json!(["09:00-20:00"]),
            "\"mon\"",
        ),
        (
            "B310",
            "error",
            "/night_mode",
            json!(false),
            "\"night_mode\": false",
        ),
        (
            "B307",
            "error",
            "/channels",
            json!(["whatsapp", "telegram", "website", "vk"]),
            "\"vk\"",
        ),
        (
            "B302",
            "error",
            "/limits/first_response_s",
            json!(30),
            "\"first_response_s\": 30",
        ),
        (
            "B305",
            "error",
            "/limits/min_confidence",
            json!(0.5),
            "\"min_confidence\": 0.5",
        ),
        (
            "B305",
            "error",
            "/limits/max_bot_turns",
            json!(12),
            "\"max_bot_turns\": 12",
        ),
        // The booking rests on the contract and asks for the optional consent last: a
        // slot listed as needing consent is then asked before it.
        (
            "P204",
            "error",
            "/consent/before",
            json!(["name"]),
            "\"ask\": \"name\"",
        ),
        (
            "P204",
            "error",
            "/consent/before",
            json!(["phone"]),
            "\"ask\": \"phone\"",
        ),
        (
            "B308",
            "error",
            "/branches",
            json!([{ "id": "booking", "steps": [] }]),
            "\"branches\"",
        ),
        (
            "B308",
            "error",
            "/fallback/handoff",
            json!(false),
            "\"handoff\": false",
        ),
        (
            "B304",
            "error",
            "/escalation/keywords",
            json!(["жалоба"]),
            "\"keywords\"",
        ),
        (
            "B305",
            "error",
            "/escalation/amount_over",
            json!(50000),
            "\"amount_over\": 50000",
        ),
        (
            "B305",
            "error",
            "/escalation/urgent_cancel_within_s",
            json!(600),
            "\"urgent_cancel_within_s\": 600",
        ),
        (
            "B305",
            "error",
            "/escalation/notify",
            json!(["bitrix_task"]),
            "\"notify\"",
        ),
        (
            "B305",
            "error",
            "/escalation/tag",
            json!("эскалация-ОМСК"),
            "\"эскалация-ОМСК\"",
        ),
        (
            "B305",
            "error",
            "/escalation/duty/0/phone",
            json!("+79130000000"),
            "\"+79130000000\"",
        ),
        (
            "B305",
            "error",
            "/escalation/duty/0/telegram",
            json!("@someone_else"),
            "\"@someone_else\"",
        ),
        (
            "B303",
            "error",
            "/reminders/offsets_s",
            json!([86400, 3600]),
            "\"offsets_s\"",
        ),
        (
            "B303",
            "error",
            "/reminders/channels",
            json!(["whatsapp"]),
            "\"channels\": [\n      \"whatsapp\"\n    ]",
        ),
        (
            "B309",
            "error",
            "/cancellation/free_until_s",
            json!(86400),
            "\"free_until_s\": 86400",
        ),
        (
            "B306",
            "error",
            "/crm/system",
            json!("amocrm"),
            "\"amocrm\"",
        ),
        (
            "B306",
            "error",
            "/crm/writes/service",
            json!("UF_CRM_SERVICE"),
            "\"UF_CRM_SERVICE\"",
        ),
    ];
    for (code, severity, pointer, value, at) in plants {
        let planted = value.clone();
        fires_in_bot(
            code,
            severity,
            |v| {
                *v.pointer_mut(pointer)
                    .unwrap_or_else(|| panic!("{pointer}")) = planted;
            },
            at,
        );
    }
    // A key removed is reported by the rule that reads it.
    fires_in_bot(
        "B309",
        "error",
        |v| {
            v["cancellation"]
                .as_object_mut()
                .unwrap()
                .remove("free_until_s");
        },
        "\"cancellation\"",
    );
    // A required field the bot never writes.
    fires_in_bot(
        "B306",
        "error",
        |v| {
            v["crm"]["writes"].as_object_mut().unwrap().remove("source");
        },
        "\"writes\"",
    );
    // An extra keyword is only a warning.
    fires_in_bot(
        "B304",
        "warning",
        |v| {
            v["escalation"]["keywords"]
                .as_array_mut()
                .unwrap()
                .push(json!("скидка"));
        },
        "\"скидка\"",
    );
    // A secret in the bot config.
    fires_in_bot(
        "S501",
        "error",
        |v| v["crm"]["webhook_token"] = json!("x8k2m9q4w7e1r5t3z6y0"),
        "\"x8k2m9q4w7e1r5t3z6y0\"",
    );
}

#[test]
fn a_missing_or_broken_bot_config_is_b301_not_a_load_error() {
    let dir = business("salon-ufa-omsk");
    fs::write(dir.path().join("bot/ufa.json"), "{\"regl_bot_schema\": 1,}").unwrap();
    fs::remove_file(dir.path().join("bot/omsk.json")).unwrap();
    let run = lint(dir.path(), &["--format", "json"]);
    let f = findings(&run);
    let codes: Vec<&str> = f.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["B301", "B301"], "{}", run.stdout);
    assert_eq!(f[0]["file"], "business.toml");
    assert_eq!(f[1]["file"], "bot/ufa.json");
    assert_eq!(run.code, 1);
}

#[test]
fn bot_flag_checks_the_given_file() {
    let dir = business("salon-ufa-omsk");
    let mut v: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("bot/omsk.json")).unwrap())
            .unwrap();
    v["cancellation"]["free_until_s"] = json!(3600);
    fs::write(
        dir.path().join("staging.json"),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    let run = lint(dir.path(), &["--bot", "staging.json", "--format", "json"]);
    let f = findings(&run);
    assert_eq!(f.len(), 1, "{}", run.stdout);
    assert_eq!(f[0]["code"], "B309");
    assert_eq!(f[0]["file"], "staging.json");
}

#[test]
fn human_output_labels_both_files_with_a_hint() {
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("bot/ufa.json");
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    v["reminders"]["offsets_s"] = json!([86_400, 3_600]);
    let text = serde_json::to_string_pretty(&v).unwrap();
    fs::write(&path, &text).unwrap();
    let run = lint(dir.path(), &[]);
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(out.contains("error[B303]"), "{out}");
    let (line, _) = line_col_of(&text, "\"offsets_s\"");
    assert!(out.contains(&format!("--> bot/ufa.json:{line}:")), "{out}");
    let toml = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let (tline, tcol) = line_col_of(&toml, "[\"24h\", \"2h\", \"1h\"]");
    assert!(
        out.contains(&format!("::: business.toml:{tline}:{tcol}")),
        "{out}"
    );
    assert!(
        out.contains("help: set \"offsets_s\": [86400, 7200, 3600]"),
        "{out}"
    );
    assert!(out.contains("1 error"), "{out}");
}

#[test]
fn github_and_sarif_formats() {
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("business.toml");
    let text = replace_once(
        &fs::read_to_string(&path).unwrap(),
        "no_show_fee_percent = 0",
        "no_show_fee_percent = 50",
    );
    fs::write(&path, &text).unwrap();
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    let (line, col) = line_col_of(&text, "50\n");
    let gh = lint(dir.path(), &["--format", "github"]);
    let p205 = gh.stdout.lines().find(|l| l.contains("P205")).unwrap_or("");
    assert!(
        p205.starts_with(&format!(
            "::warning file=business.toml,line={line},col={col},"
        )),
        "{}",
        gh.stdout
    );
    assert!(gh.stdout.contains("title=regl P205::"));
    assert_eq!(gh.code, 0);
    assert_eq!(
        lint(dir.path(), &["--format", "github", "--deny-warnings"]).code,
        1
    );
    let sarif: Value =
        serde_json::from_str(&lint(dir.path(), &["--format", "sarif"]).stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), regl::lint::RULES.len());
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "P205")
        .unwrap();
    assert_eq!(result["level"], "warning");
    assert_eq!(
        rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "P205"
    );
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], line);
    assert_eq!(region["startColumn"], col);
}

#[test]
fn a_config_that_does_not_load_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("business.toml"),
        "schema_version = 1\n[busines]\n",
    )
    .unwrap();
    let run = lint(dir.path(), &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("business.toml:"), "{}", run.stderr);
}

#[test]
fn config_findings_is_what_render_and_export_refuse_on() {
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("business.toml");
    let text = replace_once(
        &fs::read_to_string(&path).unwrap(),
        "inn = \"0278097147\"",
        "inn = \"0278097148\"",
    );
    fs::write(&path, &text).unwrap();
    fs::remove_dir_all(dir.path().join("bot")).unwrap();
    let mut sources = regl::diag::Sources::default();
    let loaded = regl::model::load(&path, &mut sources).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
    let f = regl::lint::config_findings(&loaded, &sources, today);
    let codes: Vec<_> = f.iter().map(|d| d.code.unwrap()).collect();
    assert_eq!(codes, ["C101"], "bot configs are not read here");
}

#[test]
fn explain_prints_the_rule_and_refuses_unknown_codes() {
    let run = regl(&repo(), &["explain", "b303"]).expect_code(0);
    assert!(
        run.stdout.starts_with("# B303 `bot-reminders` (error)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("**How to fix.**"));
    let run = regl(&repo(), &["explain", "C199"]).expect_code(2);
    assert!(run.stderr.contains("near: C109"), "{}", run.stderr);
}

#[test]
fn every_rule_is_documented_and_codes_are_unique() {
    let rules = regl::lint::RULES;
    let mut codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    let before = codes.len();
    codes.dedup();
    assert_eq!(before, codes.len(), "a rule code is reused");
    let mut names: Vec<&str> = rules.iter().map(|r| r.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(before, names.len(), "a rule name is reused");
    // The codes SPEC §5 names, the bot contract's B311–B319, the friction fixes' C112–C114 and
    // D410, the launch kit's D405–D409 and T141, and P207: a renamed or dropped code shows here in review.
    let spec = "B301 B302 B303 B304 B305 B306 B307 B308 B309 B310 B311 B312 B313 B314 B315 B316 B317 B318 B319 C101 C102 C103 C104 C105 C106 C107 C108 C109 C110 C111 C112 C113 C114 D401 D402 D403 D404 D405 D406 D407 D408 D409 D410 L901 L902 P201 P202 P203 P204 P205 P206 P207 P208 P209 P210 S501 T121 T122 T123 T124 T129 T131 T132 T141";
    assert_eq!(codes.join(" "), spec);
    for r in rules {
        for section in [
            "**What it checks.**",
            "**Why it matters.**",
            "**Example.**",
            "**How to fix.**",
        ] {
            assert!(
                r.explanation.en.contains(section),
                "{} lacks {section}",
                r.code
            );
        }
    }
}

/// A business with a manifest as `render` writes it: one file per location, all current.
fn rendered() -> tempfile::TempDir {
    use regl::manifest::v1::{Entry, Manifest, VERSION as MANIFEST_VERSION};
    use regl::manifest::{canonical_config, sha256_hex};
    let dir = business("salon-ufa-omsk");
    let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let mut outputs = Vec::new();
    for loc in ["omsk", "ufa"] {
        let path = format!("{loc}/pd-policy-{loc}.docx");
        let bytes = format!("policy of {loc}");
        fs::create_dir_all(dir.path().join("out").join(loc)).unwrap();
        fs::write(dir.path().join("out").join(&path), &bytes).unwrap();
        outputs.push(Entry {
            path,
            location: loc.into(),
            document: "pd-policy".into(),
            templates: vec!["ru/pd-policy.md".into()],
            inputs_sha256: "0".repeat(64),
            output_sha256: sha256_hex(bytes.as_bytes()),
        });
    }
    let m = Manifest {
        regl_manifest: MANIFEST_VERSION,
        generator: "regl test".into(),
        document_version: "1.0".into(),
        content_sha256: sha256_hex(canonical_config(&text, true).unwrap().as_bytes()),
        outputs,
    };
    fs::write(dir.path().join("out/regl-manifest.json"), m.to_json()).unwrap();
    dir
}

fn codes(dir: &Path) -> Vec<(String, String, u64)> {
    findings(&lint(dir, &["--format", "json"]))
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["file"].as_str().unwrap_or("").to_owned(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn documents_current_with_the_manifest_lint_clean() {
    assert_eq!(codes(rendered().path()), Vec::new());
}

#[test]
fn d401_missing_or_stale_document() {
    let dir = rendered();
    fs::remove_file(dir.path().join("out/ufa/pd-policy-ufa.docx")).unwrap();
    let manifest = fs::read_to_string(dir.path().join("out/regl-manifest.json")).unwrap();
    let (line, _) = line_col_of(&manifest, "\"ufa/pd-policy-ufa.docx\"");
    assert_eq!(
        codes(dir.path()),
        [("D401".into(), "out/regl-manifest.json".into(), line as u64)]
    );

    let dir = rendered();
    let path = dir.path().join("business.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("free_until = \"12h\"", "free_until = \"24h\""),
    )
    .unwrap();
    write_bots(dir.path());
    let found: Vec<String> = codes(dir.path()).into_iter().map(|c| c.0).collect();
    assert_eq!(
        found,
        ["D404", "D401"],
        "stale, and the version was not bumped"
    );
}

#[test]
fn d403_document_edited_after_render() {
    let dir = rendered();
    fs::write(
        dir.path().join("out/omsk/pd-policy-omsk.docx"),
        "edited by hand",
    )
    .unwrap();
    let manifest = fs::read_to_string(dir.path().join("out/regl-manifest.json")).unwrap();
    let (line, _) = line_col_of(&manifest, "\"omsk/pd-policy-omsk.docx\"");
    assert_eq!(
        codes(dir.path()),
        [("D403".into(), "out/regl-manifest.json".into(), line as u64)]
    );
}

#[test]
fn d404_content_changed_without_a_version_bump() {
    let dir = rendered();
    let path = dir.path().join("business.toml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("\"испортили\", ", "");
    fs::write(&path, &text).unwrap();
    write_bots(dir.path());
    let (line, _) = line_col_of(&text, "version = \"1.0\"");
    let found = codes(dir.path());
    assert!(
        found.contains(&("D404".into(), "business.toml".into(), line as u64)),
        "{found:?}"
    );
}

#[test]
fn d402_user_template_that_does_not_parse() {
    let dir = rendered();
    fs::create_dir_all(dir.path().join("templates/ru")).unwrap();
    fs::write(
        dir.path().join("templates/ru/pd-policy.md"),
        "# Политика\n\n{{ business.name }\n",
    )
    .unwrap();
    let found = codes(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "D402");
    assert_eq!(found[0].1, "templates/ru/pd-policy.md");
    assert_eq!(found[0].2, 3);
}

#[test]
fn c106_is_reported_once_for_a_pair_of_spans_a_channel_does_not_override() {
    // `phone` overrides only human_first_response: the escalation response and the booking
    // confirmation it checks are [sla]'s own two lines, so [sla]'s finding is the only one.
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("business.toml");
    let text = fs::read_to_string(&path).unwrap();
    let text = replace_once(
        &text,
        "booking_confirmation = \"24h\"",
        "booking_confirmation = \"10m\"",
    );
    fs::write(&path, &text).unwrap();
    write_bots(dir.path());
    let run = lint(dir.path(), &["--format", "json"]);
    let c106: Vec<_> = findings(&run)
        .into_iter()
        .filter(|d| d["code"] == "C106")
        .collect();
    assert_eq!(c106.len(), 1, "{}", run.stdout);
    assert_eq!(
        c106[0]["message"],
        "the escalation response of [sla] (15m) is longer than the booking confirmation (10m)"
    );
}

#[test]
fn messages_speak_the_owners_units() {
    // The owner wrote 48h and 24h; the bot config still has 12 hours in seconds. Every
    // message says hours, as written: not "43200 s (12h)" beside "2d".
    let dir = business("salon-ufa-omsk");
    let path = dir.path().join("business.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        replace_once(&text, "free_until = \"12h\"", "free_until = \"48h\""),
    )
    .unwrap();
    let run = lint(dir.path(), &["--format", "json"]);
    let messages: Vec<String> = findings(&run)
        .iter()
        .filter(|d| d["code"] == "B309" || d["code"] == "C107")
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        messages.contains(&"B309 the bot of `ufa` allows free cancellation up to 12h before the visit, the policy 48h".to_owned()),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&"C107 the first reminder (24h before the visit) comes after free cancellation closed (48h before)".to_owned()),
        "{messages:#?}"
    );
    assert!(!run.stdout.contains("43200 s"), "{}", run.stdout);
}
