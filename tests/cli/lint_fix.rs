//! `regl lint --fix` (SPEC §4.2): drifts planted in the runtime's copy of a bot config are
//! mended value by value — the file then equals the export except for the team's edited
//! texts, lint is clean, a second run changes nothing — and what cannot be mended safely,
//! or cannot be written, is left as it was.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::common::{Run, line_col_of, regl_env, repo};

/// A date inside the example's review period, so C110 stays quiet.
const TODAY: &str = "2026-12-10";

fn lint(dir: &Path, extra: &[&str]) -> Run {
    lint_env(dir, extra, &[])
}

fn lint_env(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Run {
    let args: Vec<&str> = std::iter::once("lint")
        .chain(extra.iter().copied())
        .collect();
    let mut all = vec![("REGL_TODAY", TODAY)];
    all.extend_from_slice(env);
    regl_env(dir, &args, &all)
}

/// A copy of the salon example whose bot configs are what `regl export` makes, so that a
/// planted change is the only difference. Returns the folder and Omsk's config.
fn salon() -> (tempfile::TempDir, PathBuf) {
    let (dir, _) = example("salon-ufa-omsk");
    let omsk = dir.path().join("bot/omsk.json");
    (dir, omsk)
}

/// Lint here judges bot configs only: the documents are not rendered, so the to-do that
/// says so (T131) is waived as a CI job that renders elsewhere waives it.
fn waive_not_rendered(toml: &std::path::Path) {
    let mut text = std::fs::read_to_string(toml).unwrap();
    text.push_str("\n[[lint.waive]]\ncode = \"T131\"\nreason = \"the documents are rendered in another job\"\n");
    std::fs::write(toml, text).unwrap();
}

/// A copy of an example with the exported bot configs in place, and their paths.
fn example(name: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("business.toml");
    fs::copy(
        repo().join("examples").join(name).join("business.toml"),
        &toml,
    )
    .unwrap();
    waive_not_rendered(&toml);
    let mut sources = regl::diag::Sources::default();
    let loaded = regl::model::load(&toml, &mut sources).expect("loads");
    let mut paths = Vec::new();
    for l in &loaded.business.locations {
        let path = dir.path().join(l.bot_config.as_str());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let config = regl::export::bot_config(&loaded.business, l);
        fs::write(&path, regl::export::to_json(&config)).unwrap();
        paths.push(path);
    }
    (dir, paths)
}

/// The file's JSON with the value at each pointer set (or removed, for `None`), written as
/// the export writes: the bytes differ from the export only at those values.
fn planted(file: &Path, changes: &[(&str, Option<Value>)]) -> Vec<u8> {
    let mut v: Value = serde_json::from_slice(&fs::read(file).unwrap()).unwrap();
    for (pointer, value) in changes {
        if let Some(value) = value {
            *v.pointer_mut(pointer)
                .unwrap_or_else(|| panic!("{pointer} is in the config")) = value.clone();
            continue;
        }
        let (parent, last) = pointer.rsplit_once('/').unwrap();
        match v.pointer_mut(parent).unwrap() {
            Value::Object(m) => {
                m.shift_remove(last).unwrap();
            }
            Value::Array(a) => {
                a.remove(last.parse().unwrap());
            }
            _ => panic!("{pointer} is not in a container"),
        }
    }
    regl::export::to_json(&v)
}

/// The drifts today's B rules catch, with the code each fires: pointer, planted value.
fn drifts() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("B303", "/reminders/offsets_s", json!([86400, 3600])),
        ("B302", "/limits/first_response_s", json!(30)),
        ("B305", "/limits/min_confidence", json!(0.5)),
        ("B305", "/escalation/amount_over", json!(50000)),
        ("B309", "/cancellation/free_until_s", json!(3600)),
        ("B310", "/hours", json!(["mon-sun 09:00-18:00"])),
        ("B310", "/timezone", json!("Europe/Moscow")),
        (
            "B304",
            "/escalation/keywords",
            json!(["жалоба", "претензия", "возврат"]),
        ),
        ("B306", "/crm/writes/service", json!("UF_CRM_REGL_SERV")),
    ]
}

/// The file's text, for assertions that show a readable difference.
fn text(file: &Path) -> String {
    fs::read_to_string(file).unwrap()
}

fn utf8(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Lines of the human report that are findings about `file_name`.
fn findings_in(run: &Run, file_name: &str) -> Vec<String> {
    run.stdout
        .lines()
        .filter(|l| l.contains("-->") && l.contains(file_name))
        .map(str::to_owned)
        .collect()
}

#[test]
fn each_drift_is_caught_then_mended_back_to_the_export() {
    let (dir, omsk) = salon();
    let export = fs::read(&omsk).unwrap();
    for (code, pointer, value) in drifts() {
        fs::write(&omsk, planted(&omsk, &[(pointer, Some(value.clone()))])).unwrap();
        let before = lint(dir.path(), &[]).expect_code(1);
        assert!(
            before.stdout.contains(&format!("[{code}]")),
            "{pointer}: {}",
            before.stdout
        );
        let fixed = lint(dir.path(), &["--fix"]).expect_code(0);
        let path = pointer.trim_start_matches('/').replace('/', ".");
        assert!(
            fixed.stdout.contains("fixed: bot/omsk.json:")
                && fixed.stdout.contains(&format!(" {path}: ")),
            "{pointer}: {}",
            fixed.stdout
        );
        assert_eq!(
            text(&omsk),
            utf8(&export),
            "{pointer}: only the planted value changed, back to the export's"
        );
        assert!(
            findings_in(&fixed, "omsk.json").is_empty(),
            "{}",
            fixed.stdout
        );
    }
}

#[test]
fn every_location_of_every_example_is_mended_at_once() {
    for name in ["salon-ufa-omsk", "clinic-omsk", "fitness-novosibirsk"] {
        let (dir, paths) = example(name);
        let exports: Vec<String> = paths.iter().map(|p| text(p)).collect();
        for p in &paths {
            let drifted = planted(
                p,
                &[
                    ("/timezone", Some(json!("Europe/Kaliningrad"))),
                    ("/limits/max_bot_turns", Some(json!(60))),
                    ("/cancellation/free_until_s", None),
                ],
            );
            fs::write(p, drifted).unwrap();
        }
        lint(dir.path(), &[]).expect_code(1);
        let run = lint(dir.path(), &["--fix"]).expect_code(0);
        let n = 3 * paths.len();
        assert!(
            run.stdout
                .contains(&format!("{n} values mended in {} bot config", paths.len())),
            "{name}: {}",
            run.stdout
        );
        for (p, export) in paths.iter().zip(&exports) {
            assert_eq!(&text(p), export, "{name}: {}", p.display());
        }
    }
}

#[test]
fn many_drifts_in_one_file_are_mended_and_the_teams_texts_kept() {
    let (dir, omsk) = salon();
    let toml_before = fs::read(dir.path().join("business.toml")).unwrap();
    let greeting = "Добрый день! Вас приветствует Студия красоты «Лада» в Омске. Чем помочь?";
    let team = planted(&omsk, &[("/greeting/say", Some(json!(greeting)))]);
    fs::write(&omsk, &team).unwrap();
    lint(dir.path(), &["--deny-warnings"]).expect_code(0);

    let changes: Vec<(&str, Option<Value>)> =
        drifts().into_iter().map(|(_, p, v)| (p, Some(v))).collect();
    fs::write(&omsk, planted(&omsk, &changes)).unwrap();
    let before = lint(dir.path(), &[]).expect_code(1);
    for (code, ..) in drifts() {
        assert!(before.stdout.contains(&format!("[{code}]")), "{code}");
    }

    let fixed = lint(dir.path(), &["--fix"]).expect_code(0);
    let lines = fixed
        .stdout
        .lines()
        .filter(|l| l.starts_with("fixed: "))
        .count();
    assert_eq!(lines, drifts().len(), "{}", fixed.stdout);
    assert!(
        fixed
            .stdout
            .contains("9 values mended in 1 bot config; business.toml is unchanged"),
        "{}",
        fixed.stdout
    );
    assert_eq!(
        text(&omsk),
        utf8(&team),
        "the file is the team's again: drifts mended, the edited greeting kept"
    );
    assert_eq!(
        fs::read(dir.path().join("business.toml")).unwrap(),
        toml_before
    );
    assert!(
        findings_in(&fixed, "omsk.json").is_empty(),
        "{}",
        fixed.stdout
    );

    let again = lint(dir.path(), &["--fix"]).expect_code(0);
    assert!(!again.stdout.contains("fixed:"), "{}", again.stdout);
    assert_eq!(text(&omsk), utf8(&team), "a second --fix changes nothing");
}

#[test]
fn the_fix_line_points_at_the_mended_value_in_the_written_file() {
    let (dir, omsk) = salon();
    fs::write(
        &omsk,
        planted(
            &omsk,
            &[
                ("/limits/first_response_s", Some(json!(30))),
                ("/reminders/offsets_s", Some(json!([86400, 3600]))),
            ],
        ),
    )
    .unwrap();
    let run = lint(dir.path(), &["--fix"]).expect_code(0);
    let text = fs::read_to_string(&omsk).unwrap();
    let (line, col) = line_col_of(&text, "\"first_response_s\": 3");
    let col = col + "\"first_response_s\": ".len();
    assert!(
        run.stdout.contains(&format!(
            "fixed: bot/omsk.json:{line}:{col} limits.first_response_s: 30 → 3\n"
        )),
        "{}",
        run.stdout
    );
    let (line, col) = line_col_of(&text, "[\n      86400,\n      7200");
    assert!(
        run.stdout.contains(&format!(
            "fixed: bot/omsk.json:{line}:{col} reminders.offsets_s: [86400,3600] → [86400,7200,3600]\n"
        )),
        "{}",
        run.stdout
    );
}

#[test]
fn a_deleted_key_or_branch_is_put_back_where_the_export_has_it() {
    let (dir, omsk) = salon();
    let export = fs::read(&omsk).unwrap();
    let v: Value = serde_json::from_slice(&export).unwrap();
    let promo = v["branches"]
        .as_array()
        .unwrap()
        .iter()
        .position(|b| b["id"] == "promo")
        .unwrap();
    for pointer in [
        "/limits/first_response_s".to_owned(),
        "/cancellation/free_until_s".to_owned(),
        format!("/branches/{promo}"),
    ] {
        fs::write(&omsk, planted(&omsk, &[(pointer.as_str(), None)])).unwrap();
        lint(dir.path(), &[]).expect_code(1);
        let run = lint(dir.path(), &["--fix"]).expect_code(0);
        assert!(
            run.stdout.contains("(missing) → "),
            "{pointer}: {}",
            run.stdout
        );
        assert_eq!(
            text(&omsk),
            utf8(&export),
            "{pointer} is back, and nothing else moved"
        );
    }
}

#[test]
fn what_the_export_has_no_value_for_stays_a_finding() {
    let (dir, omsk) = salon();
    // A write of the team's own: the export has no `budget` slot to take a value from.
    let mut v: Value = serde_json::from_slice(&fs::read(&omsk).unwrap()).unwrap();
    v["crm"]["writes"]["budget"] = json!("UF_CRM_BUDGET");
    let team = regl::export::to_json(&v);
    fs::write(&omsk, &team).unwrap();
    let run = lint(dir.path(), &["--fix"]).expect_code(1);
    assert!(run.stdout.contains("[B306]"), "{}", run.stdout);
    assert!(!run.stdout.contains("fixed:"), "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("1 finding below in bot configs could not be mended safely by --fix"),
        "{}",
        run.stdout
    );
    assert_eq!(text(&omsk), utf8(&team));
    let ru = lint_env(dir.path(), &["--fix"], &[("REGL_LANG", "ru")]).expect_code(1);
    assert!(
        ru.stdout.starts_with(
            "замечаний ниже в конфигурациях бота, которые --fix не может безопасно исправить: 1;"
        ),
        "{}",
        ru.stdout
    );
}

#[test]
fn json_output_carries_the_fixes_as_data() {
    let (dir, omsk) = salon();
    fs::write(
        &omsk,
        planted(
            &omsk,
            &[
                ("/timezone", Some(json!("Europe/Moscow"))),
                ("/cancellation/free_until_s", None),
            ],
        ),
    )
    .unwrap();
    let run = lint(dir.path(), &["--fix", "--format", "json"]).expect_code(0);
    let out: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(out["findings"], json!([]), "{}", run.stdout);
    let fixes = out["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 2, "{}", run.stdout);
    let tz = &fixes[0];
    assert_eq!(tz["file"], "bot/omsk.json");
    assert_eq!(tz["path"], "timezone");
    assert_eq!(tz["before"], "Europe/Moscow");
    assert_eq!(tz["after"], "Asia/Omsk");
    assert!(tz["line"].as_u64().is_some() && tz["column"].as_u64().is_some());
    let window = &fixes[1];
    assert_eq!(window["path"], "cancellation.free_until_s");
    assert_eq!(window["before"], Value::Null, "it was missing");
    assert_eq!(window["after"], 43200);

    // Without --fix the format stays one array of findings.
    let plain = lint(dir.path(), &["--format", "json"]).expect_code(0);
    assert_eq!(
        serde_json::from_str::<Value>(&plain.stdout).unwrap(),
        json!([])
    );
}

#[test]
fn messages_in_russian() {
    let (dir, omsk) = salon();
    fs::write(
        &omsk,
        planted(&omsk, &[("/limits/first_response_s", Some(json!(30)))]),
    )
    .unwrap();
    let run = lint_env(dir.path(), &["--fix"], &[("REGL_LANG", "ru")]).expect_code(0);
    assert!(
        run.stdout
            .contains("исправлено: bot/omsk.json:36:25 limits.first_response_s: 30 → 3\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("исправлено значений: 1, конфигураций бота: 1; business.toml не изменён"),
        "{}",
        run.stdout
    );

    fs::write(&omsk, planted(&omsk, &[("/limits/max_bot_turns", None)])).unwrap();
    let run = lint_env(dir.path(), &["--fix"], &[("REGL_LANG", "ru")]).expect_code(0);
    assert!(
        run.stdout.contains("limits.max_bot_turns: (нет) → 6"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_file_named_with_bot_is_mended_too() {
    let (dir, omsk) = salon();
    let export = fs::read(&omsk).unwrap();
    let other = dir.path().join("omsk-copy.json");
    fs::write(
        &other,
        planted(&omsk, &[("/limits/first_response_s", Some(json!(30)))]),
    )
    .unwrap();
    let run = lint(dir.path(), &["--bot", "omsk-copy.json", "--fix"]).expect_code(0);
    assert!(
        run.stdout.contains("fixed: omsk-copy.json:"),
        "{}",
        run.stdout
    );
    assert_eq!(text(&other), utf8(&export));
}

#[cfg(unix)]
#[test]
fn a_symlinked_config_is_mended_behind_the_link() {
    let (dir, omsk) = salon();
    let export = fs::read(&omsk).unwrap();
    let shared = dir.path().join("shared-omsk.json");
    fs::write(
        &shared,
        planted(&omsk, &[("/timezone", Some(json!("Europe/Moscow")))]),
    )
    .unwrap();
    fs::remove_file(&omsk).unwrap();
    std::os::unix::fs::symlink(&shared, &omsk).unwrap();
    lint(dir.path(), &["--fix"]).expect_code(0);
    assert!(
        fs::symlink_metadata(&omsk)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(text(&shared), utf8(&export));
}

#[cfg(unix)]
#[test]
fn a_read_only_config_is_not_written_and_exits_2() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, omsk) = salon();
    let drifted = planted(&omsk, &[("/limits/first_response_s", Some(json!(30)))]);
    fs::write(&omsk, &drifted).unwrap();
    // The Ufa config drifts too: no file of the set is written when one cannot be.
    let ufa = dir.path().join("bot/ufa.json");
    let ufa_drifted = planted(&ufa, &[("/timezone", Some(json!("Europe/Moscow")))]);
    fs::write(&ufa, &ufa_drifted).unwrap();
    fs::set_permissions(&omsk, fs::Permissions::from_mode(0o444)).unwrap();

    let run = lint(dir.path(), &["--fix"]).expect_code(2);
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    assert!(run.stderr.contains("omsk.json"), "{}", run.stderr);
    assert_eq!(text(&omsk), utf8(&drifted));
    assert_eq!(text(&ufa), utf8(&ufa_drifted));
    let names: Vec<String> = fs::read_dir(dir.path().join("bot"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");

    let ru = lint_env(dir.path(), &["--fix"], &[("REGL_LANG", "ru")]).expect_code(2);
    assert!(ru.stderr.contains("только для чтения"), "{}", ru.stderr);
}

#[cfg(unix)]
#[test]
fn the_config_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, omsk) = salon();
    fs::write(
        &omsk,
        planted(&omsk, &[("/limits/first_response_s", Some(json!(30)))]),
    )
    .unwrap();
    fs::set_permissions(&omsk, fs::Permissions::from_mode(0o640)).unwrap();
    lint(dir.path(), &["--fix"]).expect_code(0);
    let mode = fs::metadata(&omsk).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn help_says_business_toml_is_never_modified() {
    let run = regl_env(Path::new("."), &["lint", "--help"], &[]).expect_code(0);
    assert!(run.stdout.contains("--fix"), "{}", run.stdout);
    assert!(
        run.stdout.contains("business.toml is never modified"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_value_of_the_wrong_type_is_replaced_whole() {
    let (dir, omsk) = salon();
    let export = fs::read(&omsk).unwrap();
    fs::write(
        &omsk,
        planted(&omsk, &[("/reminders/offsets_s", Some(json!("24h")))]),
    )
    .unwrap();
    let before = lint(dir.path(), &[]).expect_code(1);
    assert!(
        before.stdout.contains("regl lint --fix"),
        "{}",
        before.stdout
    );
    let run = lint(dir.path(), &["--fix"]).expect_code(0);
    assert!(
        run.stdout
            .contains("reminders.offsets_s: \"24h\" → [86400,7200,3600]"),
        "{}",
        run.stdout
    );
    assert_eq!(text(&omsk), utf8(&export));
}

#[test]
fn github_output_annotates_each_fix() {
    let (dir, omsk) = salon();
    fs::write(
        &omsk,
        planted(&omsk, &[("/limits/first_response_s", Some(json!(30)))]),
    )
    .unwrap();
    let run = lint(dir.path(), &["--fix", "--format", "github"]).expect_code(0);
    assert_eq!(
        run.stdout,
        "::notice file=bot/omsk.json,line=36,col=25::fixed limits.first_response_s: 30 → 3\n"
    );
}

/// `v` pretty-printed with a four-space indent, as a team's editor may have saved it.
fn four_spaces(v: &Value) -> String {
    use serde::Serialize;
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    v.serialize(&mut ser).unwrap();
    out.push(b'\n');
    String::from_utf8(out).unwrap()
}

#[test]
fn the_files_own_indentation_and_one_line_lists_are_kept() {
    let (dir, omsk) = salon();
    let export: Value = serde_json::from_slice(&fs::read(&omsk).unwrap()).unwrap();
    let mut v = export.clone();
    v["limits"]
        .as_object_mut()
        .unwrap()
        .shift_remove("first_response_s");
    v["reminders"]["offsets_s"] = json!("OFFSETS");
    let team = four_spaces(&v).replace("\"OFFSETS\"", "[86400, 3600]");
    fs::write(&omsk, &team).unwrap();
    lint(dir.path(), &[]).expect_code(1);
    lint(dir.path(), &["--fix"]).expect_code(0);
    let want = four_spaces(&export).replace(
        "\"offsets_s\": [\n            86400,\n            7200,\n            3600\n        ]",
        "\"offsets_s\": [86400, 7200, 3600]",
    );
    assert_ne!(
        want,
        four_spaces(&export),
        "the one-line list is in the file"
    );
    assert_eq!(text(&omsk), want);
}
