//! What a new user tripped over (the trial of `reviews/new-user-trial.md`), each walked
//! through the binary: lint loopholes, CI formats, owners' spellings, small comforts and the
//! leftovers of a killed run.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{Run, regl, regl_env, replace_once, repo};

/// A date inside the examples' review period.
const TODAY: &str = "2026-12-10";

/// The salon example in a temporary folder with its bot configs as `regl export` writes
/// them, rendered and exported.
fn salon() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        repo().join("examples/salon-ufa-omsk/business.toml"),
        dir.path().join("business.toml"),
    )
    .unwrap();
    regl(dir.path(), &["render"]).expect_code(0);
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    dir
}

fn lint_json(dir: &Path, extra: &[&str]) -> (Run, Vec<Value>) {
    let mut args = vec!["lint", "--format", "json"];
    args.extend_from_slice(extra);
    let run = regl_env(dir, &args, &[("REGL_TODAY", TODAY)]);
    let found = serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    (run, found)
}

fn codes(found: &[Value]) -> Vec<String> {
    found
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_owned())
        .collect()
}

fn edit(dir: &Path, from: &str, to: &str) {
    let path = dir.join("business.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, replace_once(&text, from, to)).unwrap();
}

#[test]
fn a_fresh_salon_rendered_and_exported_lints_clean() {
    let dir = salon();
    let (run, found) = lint_json(dir.path(), &["--deny-warnings"]);
    assert_eq!(found, Vec::<Value>::new());
    run.expect_code(0);
}

#[test]
fn render_of_one_location_does_not_hide_the_other_stale_documents() {
    let dir = salon();
    edit(dir.path(), "free_until = \"12h\"", "free_until = \"10h\"");
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    regl(dir.path(), &["render", "--location", "omsk"]).expect_code(0);
    let (run, found) = lint_json(dir.path(), &[]);
    let stale: Vec<&Value> = found.iter().filter(|d| d["code"] == "D401").collect();
    assert_eq!(stale.len(), 1, "{}", run.stdout);
    assert!(
        stale[0]["message"].as_str().unwrap().contains("`ufa`"),
        "{}",
        run.stdout
    );
    run.expect_code(1);
}

#[test]
fn the_version_reminder_stays_after_render_until_the_version_is_bumped() {
    let dir = salon();
    edit(dir.path(), "free_until = \"12h\"", "free_until = \"10h\"");
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    regl(dir.path(), &["render"]).expect_code(0);
    regl(dir.path(), &["render"]).expect_code(0);
    let (run, found) = lint_json(dir.path(), &[]);
    let d404: Vec<&Value> = found.iter().filter(|d| d["code"] == "D404").collect();
    let documents: Vec<&str> = d404
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        documents
            .iter()
            .any(|m| m.starts_with("`cancellation-policy` reads differently")),
        "{}",
        run.stdout
    );
    assert!(d404.iter().all(|d| d["file"] == "business.toml"));
    // A bump without its `changes` entry is a finding of its own.
    edit(dir.path(), "version = \"1.0\"", "version = \"1.1\"");
    regl(dir.path(), &["render"]).expect_code(0);
    let (run, found) = lint_json(dir.path(), &[]);
    assert_eq!(codes(&found), ["C112"], "{}", run.stdout);
    let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let entry = "  { version = \"1.0\"";
    let at = text.find(entry).unwrap();
    let line_end = at + text[at..].find('\n').unwrap() + 1;
    let mut fixed = text.clone();
    fixed.insert_str(
        line_end,
        "  { version = \"1.1\", date = 2026-12-10, summary = \"Бесплатная отмена за 10 попугаев\" },\n",
    );
    fs::write(dir.path().join("business.toml"), fixed).unwrap();
    regl(dir.path(), &["render"]).expect_code(0);
    let (run, found) = lint_json(dir.path(), &["--deny-warnings"]);
    assert_eq!(found, Vec::<Value>::new());
    run.expect_code(0);
}

#[test]
fn a_removed_location_is_pruned_by_render_and_export_and_its_bot_config_reported() {
    let dir = salon();
    let d = dir.path();
    // A file of the user's own in the location's folder is not regl's to delete.
    fs::write(d.join("out/omsk/notes.txt"), "мои заметки").unwrap();
    let text = fs::read_to_string(d.join("business.toml")).unwrap();
    let renamed = text
        .replace("id = \"omsk\"", "id = \"omsk-center\"")
        .replace("bot/omsk.json", "bot/omsk-center.json");
    fs::write(d.join("business.toml"), renamed).unwrap();
    let render = regl(d, &["render"]).expect_code(0);
    assert!(
        render
            .stdout
            .contains("removed: out/omsk/cancellation-policy-omsk.docx"),
        "{}",
        render.stdout
    );
    assert!(!d.join("out/omsk/cancellation-policy-omsk.docx").exists());
    assert!(d.join("out/omsk/notes.txt").exists());
    let export = regl(d, &["export", "--bot-configs"]).expect_code(0);
    assert!(
        export
            .stdout
            .contains("removed: out/omsk/bot-scripts-omsk.json"),
        "{}",
        export.stdout
    );
    // The pilot plan is a working copy: testers' results are in it, so render never deletes
    // it; lint reports the folder it stays in, and the orphaned bot config.
    assert!(d.join("out/omsk/test-plan-omsk.xlsx").exists());
    let (run, found) = lint_json(d, &[]);
    let orphan: Vec<&Value> = found.iter().filter(|f| f["code"] == "D410").collect();
    assert_eq!(orphan.len(), 2, "{}", run.stdout);
    assert_eq!(orphan[0]["file"], "business.toml");
    assert!(
        orphan[0]["message"]
            .as_str()
            .unwrap()
            .contains("`out/omsk`"),
        "{}",
        run.stdout
    );
    let orphan = &orphan[1..];
    assert_eq!(orphan[0]["file"], "bot/omsk.json");
    assert!(
        orphan[0]["hint"]
            .as_str()
            .unwrap()
            .contains("regl export --bot-configs"),
        "{}",
        run.stdout
    );
    // An output folder regl's manifest does not list is reported, never deleted.
    fs::create_dir_all(d.join("out/kazan")).unwrap();
    fs::write(d.join("out/kazan/pd-policy-kazan.docx"), "old").unwrap();
    let (run, found) = lint_json(d, &[]);
    assert!(
        found
            .iter()
            .any(|f| f["code"] == "D410" && f["message"].as_str().unwrap().contains("out/kazan")),
        "{}",
        run.stdout
    );
    regl(d, &["render"]).expect_code(0);
    assert!(d.join("out/kazan/pd-policy-kazan.docx").exists());
}

#[test]
fn a_business_never_rendered_is_a_to_do() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        repo().join("examples/salon-ufa-omsk/business.toml"),
        dir.path().join("business.toml"),
    )
    .unwrap();
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    let (run, found) = lint_json(dir.path(), &[]);
    assert_eq!(codes(&found), ["T131"], "{}", run.stdout);
    assert_eq!(found[0]["severity"], "warning");
    run.expect_code(0);
    lint_json(dir.path(), &["--deny-warnings"]).0.expect_code(1);
}

#[test]
fn render_format_writes_exactly_the_formats_listed_and_lint_sees_what_is_missing() {
    let dir = salon();
    let d = dir.path();
    regl(d, &["render", "--format", "md", "-o", "md"]).expect_code(0);
    let mut names: Vec<String> = fs::read_dir(d.join("md/ufa"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names
            .iter()
            .all(|n| Path::new(n).extension().is_some_and(|x| x == "md")),
        "{names:?}"
    );
    regl(d, &["render", "--format", "xlsx", "-o", "x1"]).expect_code(0);
    let (run, found) = lint_json(d, &["-o", "x1"]);
    let missing: Vec<&str> = found
        .iter()
        .filter(|f| f["code"] == "D401")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        missing,
        [
            "location `ufa` has no rendered Word documents (.docx)",
            "location `omsk` has no rendered Word documents (.docx)"
        ],
        "{}",
        run.stdout
    );
}

#[test]
fn the_readme_override_example_renders_and_lints_clean() {
    // The override is there from the first render: the documents of version 1.0 are these.
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        repo().join("examples/salon-ufa-omsk/business.toml"),
        dir.path().join("business.toml"),
    )
    .unwrap();
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme
        .find("{% extends \"builtin/ru/cancellation-policy.md\" %}")
        .unwrap();
    let end = start + readme[start..].find("```").unwrap();
    let template: String = readme[start..end]
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n");
    fs::create_dir_all(dir.path().join("templates/ru")).unwrap();
    fs::write(
        dir.path().join("templates/ru/cancellation-policy.md"),
        template,
    )
    .unwrap();
    regl(dir.path(), &["render"]).expect_code(0);
    let (run, found) = lint_json(dir.path(), &["--deny-warnings"]);
    assert_eq!(found, Vec::<Value>::new());
    run.expect_code(0);
    // A block no parent defines reads the same from render and lint: file:line:col.
    fs::write(
        dir.path().join("templates/ru/cancellation-policy.md"),
        "{% extends \"builtin/ru/cancellation-policy.md\" %}\n{% block generl %}x{% endblock generl %}\n",
    )
    .unwrap();
    let render = regl(dir.path(), &["render"]).expect_code(2);
    assert!(
        render.stderr.contains(
            "templates/ru/cancellation-policy.md:2:10: block `generl` is not defined in any parent template"
        ),
        "{}",
        render.stderr
    );
    assert!(!render.stderr.contains("error: templates: error"));
    let (_, found) = lint_json(dir.path(), &[]);
    let d402 = found.iter().find(|f| f["code"] == "D402").unwrap();
    assert_eq!(
        (&d402["file"], &d402["line"], &d402["column"]),
        (
            &Value::from("templates/ru/cancellation-policy.md"),
            &Value::from(2),
            &Value::from(10)
        )
    );
}

#[test]
fn lint_with_bot_says_which_locations_it_did_not_check() {
    let dir = salon();
    let run = regl_env(
        dir.path(),
        &["lint", "--bot", "out/ufa/bot-scripts-ufa.json"],
        &[("REGL_TODAY", TODAY)],
    )
    .expect_code(0);
    assert!(
        run.stderr
            .contains("not checked: the bot configs of `omsk` (bot/omsk.json)"),
        "{}",
        run.stderr
    );
}

/// Microsoft's SARIF Multitool: `REGL_SARIF_MULTITOOL` (set by `.ci/run`, which installs it),
/// else `sarif-multitool` on the PATH. `None` only when neither: CI always has it.
fn sarif_multitool() -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os("REGL_SARIF_MULTITOOL").filter(|v| !v.is_empty()) {
        let path = std::path::PathBuf::from(path);
        assert!(
            path.is_file(),
            "REGL_SARIF_MULTITOOL={} is not a file",
            path.display()
        );
        return Some(path);
    }
    let on_path = std::process::Command::new("sarif-multitool")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    on_path.then(|| "sarif-multitool".into())
}

/// The validator's findings of level `error` for one SARIF log.
fn sarif_errors(tool: &Path, sarif: &str, scratch: &Path) -> Vec<String> {
    let input = scratch.join("in.sarif");
    let output = scratch.join("validation.sarif");
    fs::write(&input, sarif).unwrap();
    let _ = fs::remove_file(&output);
    let run = std::process::Command::new(tool)
        .arg("validate")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output()
        .expect("the SARIF Multitool runs");
    let log: Value = serde_json::from_str(&fs::read_to_string(&output).unwrap_or_else(|e| {
        panic!(
            "no validation log ({e}): {}",
            String::from_utf8_lossy(&run.stdout)
        )
    }))
    .unwrap();
    log["runs"][0]["results"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter(|x| x["level"] == "error")
                .map(|x| x["message"]["text"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn sarif_validates_with_0_errors_for_relative_absolute_and_sub_folder_paths() {
    let Some(tool) = sarif_multitool() else {
        eprintln!("skipped: no SARIF Multitool (REGL_SARIF_MULTITOOL unset, none on PATH)");
        return;
    };
    let dir = salon();
    let d = dir.path();
    // A repository around the business, findings in both files, one over several lines.
    fs::create_dir(d.join(".git")).unwrap();
    fs::create_dir(d.join("sub")).unwrap();
    edit(d, "free_until = \"12h\"", "free_until = \"10h\"");
    let scratch = tempfile::tempdir().unwrap();
    let absolute = d.join("business.toml");
    let cases: [(&Path, &str); 3] = [
        (d, "business.toml"),
        (d, absolute.to_str().unwrap()),
        (&d.join("sub"), "../business.toml"),
    ];
    for (cwd, config) in cases {
        let run = regl_env(
            cwd,
            &["lint", "--format", "sarif", "-c", config],
            &[("REGL_TODAY", TODAY)],
        )
        .expect_code(1);
        let log: Value = serde_json::from_str(&run.stdout).unwrap();
        let run0 = &log["runs"][0];
        // The project has no public address: no invented `informationUri`.
        assert!(run0["tool"]["driver"]["informationUri"].is_null());
        let location = &run0["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(location["uriBaseId"], "%SRCROOT%", "{config}");
        assert!(
            ["business.toml", "bot/omsk.json", "bot/ufa.json"]
                .contains(&location["uri"].as_str().unwrap()),
            "{config}: {location}"
        );
        let errors = sarif_errors(&tool, &run.stdout, scratch.path());
        assert_eq!(errors, Vec::<String>::new(), "{config}");
    }
    // A business that does not load: the SARIF log still carries the error, and validates.
    edit(d, "free_until = \"10h\"", "free_until = \"10 попугаев\"");
    let run = regl_env(d, &["lint", "--format", "sarif"], &[]).expect_code(2);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(log["runs"][0]["results"][0]["level"], "error");
    assert_eq!(
        sarif_errors(&tool, &run.stdout, scratch.path()),
        Vec::<String>::new()
    );
}

#[test]
fn every_format_carries_the_load_errors_on_exit_2() {
    let dir = salon();
    let d = dir.path();
    edit(d, "free_until = \"12h\"", "free_until = \"10 попугаев\"");
    let text = fs::read_to_string(d.join("business.toml")).unwrap();
    let (line, col) = crate::common::line_col_of(&text, "\"10 попугаев\"");
    let json = regl(d, &["lint", "--format", "json"]).expect_code(2);
    let found: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(found.len(), 1, "{}", json.stdout);
    assert_eq!(
        (
            &found[0]["line"],
            &found[0]["column"],
            &found[0]["severity"]
        ),
        (&Value::from(line), &Value::from(col), &Value::from("error"))
    );
    let github = regl(d, &["lint", "--format", "github"]).expect_code(2);
    assert!(
        github.stdout.starts_with(&format!(
            "::error file=business.toml,line={line},col={col},"
        )),
        "{}",
        github.stdout
    );
    let sarif = regl(d, &["lint", "--format", "sarif"]).expect_code(2);
    let log: Value = serde_json::from_str(&sarif.stdout).unwrap();
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], line);
    // The human report stays on stderr, as for every verb.
    assert!(json.stderr.contains("is not a duration"), "{}", json.stderr);
}

#[test]
fn colour_follows_term_dumb_and_clicolor_force() {
    let dir = salon();
    edit(dir.path(), "free_until = \"12h\"", "free_until = \"10h\"");
    let escapes = |env: &[(&str, &str)]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_regl"))
            .arg("lint")
            .current_dir(dir.path())
            .env_remove("NO_COLOR")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .matches('\u{1b}')
            .count()
    };
    assert_eq!(escapes(&[]), 0, "a pipe gets no colour");
    assert!(
        escapes(&[("CLICOLOR_FORCE", "1")]) > 0,
        "CLICOLOR_FORCE colours a pipe"
    );
    assert_eq!(escapes(&[("CLICOLOR_FORCE", "0")]), 0);
    assert_eq!(
        escapes(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        0,
        "NO_COLOR wins"
    );
    // On a terminal (util-linux `script` gives one): coloured, but not for `TERM=dumb`.
    let on_tty = |term: &str| {
        let regl = env!("CARGO_BIN_EXE_regl");
        std::process::Command::new("script")
            .args(["-qec", &format!("{regl} lint"), "/dev/null"])
            .current_dir(dir.path())
            .env_remove("NO_COLOR")
            .env("TERM", term)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).matches('\u{1b}').count())
    };
    if let (Some(xterm), Some(dumb)) = (on_tty("xterm"), on_tty("dumb")) {
        assert!(xterm > 0, "a terminal gets colour");
        assert_eq!(dumb, 0, "TERM=dumb gets none");
    }
}

#[test]
fn init_writes_the_schema_line_and_the_schema_it_points_at() {
    let dir = tempfile::tempdir().unwrap();
    regl(dir.path(), &["init", "--name", "Лада", "--city", "Уфа"]).expect_code(0);
    let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("#:schema ./schema/business.schema.json")
    );
    let schema = fs::read_to_string(dir.path().join("schema/business.schema.json")).unwrap();
    let printed = regl(dir.path(), &["schema", "business"]).expect_code(0);
    assert_eq!(schema, printed.stdout);
    // Adding a city keeps the line and leaves the schema alone.
    regl(dir.path(), &["init", "--city", "Омск"]).expect_code(0);
    let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    assert!(text.starts_with("#:schema ./schema/business.schema.json\n"));
}

/// Every file under `dir` by its path relative to it.
fn tree(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

/// The salon example with `from` → `to` in business.toml, linted as JSON.
fn planted_lint(changes: &[(&str, &str)]) -> (Run, Vec<Value>) {
    let dir = salon();
    for (from, to) in changes {
        edit(dir.path(), from, to);
    }
    let r = lint_json(dir.path(), &[]);
    drop(dir);
    r
}

#[test]
fn owners_spellings_of_durations_and_hours_read_as_their_canonical_form() {
    // Each spelling renders documents byte for byte like the canonical form.
    let dir = salon();
    let d = dir.path();
    let canonical = tree(&d.join("out"));
    for (from, to) in [
        (
            "booking_confirmation = \"24h\"",
            "booking_confirmation = \"24 часа\"",
        ),
        ("lead_to_crm = \"30m\"", "lead_to_crm = \"30 мин\""),
        ("nps_survey_after = \"3d\"", "nps_survey_after = \"3 дня\""),
        ("review_every = \"90d\"", "review_every = \"90 дней\""),
        (
            "escalation_response = \"15m\"",
            "escalation_response = \"15 минут\"",
        ),
        (
            "reminders = [\"24h\", \"2h\", \"1h\"]",
            "reminders = [\"24ч\", \"2 часа\", \"1 hour\"]",
        ),
        ("free_until = \"12h\"", "free_until = \"12H\""),
        (
            "hours = [\"mon-fri 09:00-21:00\", \"sat-sun 10:00-18:00\"]",
            "hours = [\"пн–пт 9:00–21:00\", \"сб-вс 10:00 — 18:00\"]",
        ),
    ] {
        edit(d, from, to);
    }
    regl(d, &["render", "-o", "spoken"]).expect_code(0);
    let spoken = tree(&d.join("spoken"));
    let documents: Vec<_> = spoken
        .keys()
        .filter(|p| p.extension().is_some_and(|x| x == "docx" || x == "xlsx"))
        .collect();
    // Every document and workbook of both locations, whatever the release adds to the set.
    let canonical_documents = canonical
        .keys()
        .filter(|p| p.extension().is_some_and(|x| x == "docx" || x == "xlsx"))
        .count();
    assert!(documents.len() >= 10, "{documents:?}");
    assert_eq!(documents.len(), canonical_documents, "{documents:?}");
    for path in documents {
        assert!(
            canonical.get(path) == spoken.get(path),
            "{} differs",
            path.display()
        );
    }
    let dir = salon();
    edit(
        dir.path(),
        "booking_confirmation = \"24h\"",
        "booking_confirmation = \"1.5h\"",
    );
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert!(
        run.stderr
            .contains("`1.5h` is not a duration: write 1h30m, not 1.5h"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_russian_date_is_answered_with_the_toml_form() {
    let dir = salon();
    edit(
        dir.path(),
        "effective_date = 2026-12-01",
        "effective_date = 01.12.2026",
    );
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert!(
        run.stderr.contains("`01.12.2026` is not a TOML date"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("help: write it year first, without quotes: 2026-12-01"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("error").count(),
        2,
        "one error and its count: {}",
        run.stderr
    );
    edit(
        dir.path(),
        "effective_date = 01.12.2026",
        "effective_date = \"01.12.2026\"",
    );
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert!(
        run.stderr
            .contains("help: write it year first, without quotes: 2026-12-01"),
        "{}",
        run.stderr
    );
}

#[test]
fn zero_and_empty_values_that_make_no_sense_are_findings() {
    for (from, to) in [
        (
            "booking_confirmation = \"24h\"",
            "booking_confirmation = \"0s\"",
        ),
        ("max_bot_turns = 6", "max_bot_turns = 0"),
        ("review_every = \"90d\"", "review_every = \"0s\""),
    ] {
        let (run, found) = planted_lint(&[(from, to)]);
        assert!(
            codes(&found).contains(&"C113".to_owned()),
            "{to}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_channel_missing_from_the_crm_channel_list_is_a_finding() {
    let (run, found) = planted_lint(&[(
        "[[channels]]\nid = \"phone\"",
        "[[channels]]\nid = \"vk\"\nbot = false\nreminders = false\ncross_border = false\n\n[[channels]]\nid = \"phone\"",
    )]);
    let c114 = found.iter().find(|f| f["code"] == "C114");
    let c114 = c114.unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(c114["hint"].as_str().unwrap().contains("\"ВКонтакте\""));
}

#[test]
fn a_location_with_another_ones_address_or_phone_is_a_to_do() {
    let dir = salon();
    let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let ufa_phone = text
        .lines()
        .find(|l| l.starts_with("phone = "))
        .unwrap()
        .to_owned();
    let omsk_phone = text
        .lines()
        .filter(|l| l.starts_with("phone = "))
        .nth(1)
        .unwrap()
        .to_owned();
    edit(dir.path(), &omsk_phone, &ufa_phone);
    let (run, found) = lint_json(dir.path(), &[]);
    let t132: Vec<&Value> = found.iter().filter(|f| f["code"] == "T132").collect();
    assert_eq!(t132.len(), 1, "{}", run.stdout);
    assert!(
        t132[0]["message"]
            .as_str()
            .unwrap()
            .contains("`omsk` has the phone of `ufa`")
    );
}

#[test]
fn explain_takes_a_rules_name_too() {
    let dir = tempfile::tempdir().unwrap();
    let by_code = regl(dir.path(), &["explain", "B303"]).expect_code(0);
    let by_name = regl(dir.path(), &["explain", "bot-reminders"]).expect_code(0);
    assert_eq!(by_code.stdout, by_name.stdout);
    let bad = regl(dir.path(), &["explain", "bot-remindrs"]).expect_code(2);
    assert!(
        bad.stderr.contains("is not a regl rule code or name"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_clean_lint_on_a_terminal_says_what_it_checked() {
    let dir = salon();
    let piped = regl_env(dir.path(), &["lint"], &[("REGL_TODAY", TODAY)]).expect_code(0);
    assert_eq!(piped.stdout, "", "piped, a clean lint stays silent");
    let regl = env!("CARGO_BIN_EXE_regl");
    let Ok(tty) = std::process::Command::new("script")
        .args(["-qec", &format!("{regl} lint"), "/dev/null"])
        .current_dir(dir.path())
        .env("REGL_TODAY", TODAY)
        .env("REGL_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
    else {
        eprintln!("skipped: no `script` to give a terminal");
        return;
    };
    let out = String::from_utf8_lossy(&tty.stdout);
    assert!(
        out.contains("ok: 2 locations, 2 bot configs, 15 documents checked"),
        "{out}"
    );
}

#[test]
fn export_lists_files_while_few_and_counts_them_when_many() {
    let dir = salon();
    let d = dir.path();
    edit(d, "free_until = \"12h\"", "free_until = \"10h\"");
    let few = regl(d, &["export"]).expect_code(0);
    assert!(
        few.stdout.contains("wrote out/ufa/bot-scripts-ufa.json"),
        "{}",
        few.stdout
    );
    for n in 0..25 {
        let id = format!("loc-{n}");
        regl(
            d,
            &[
                "init",
                "--city",
                "Тверь",
                "--location",
                &id,
                "--timezone",
                "Europe/Moscow",
            ],
        )
        .expect_code(0);
    }
    let many = regl(d, &["export"]).expect_code(0);
    assert!(!many.stdout.contains("wrote out/"), "{}", many.stdout);
    assert!(
        many.stdout
            .starts_with("wrote 26 files (each is listed when there are at most 20;"),
        "{}",
        many.stdout
    );
}

#[test]
fn a_killed_runs_temporaries_are_removed_by_the_next_run_and_only_they() {
    let dir = salon();
    let d = dir.path();
    // A process id above any Linux allows (pid_max is at most 2^22): never running.
    let stale = d.join("out/ufa/.cancellation-policy-ufa.docx.4194399.regl-tmp");
    let manifest = d.join("out/.regl-manifest.json.4194399.regl-tmp");
    let foreign = d.join("out/ufa/.notes.txt.4194399.regl-tmp");
    let own_now = d.join(format!(
        "out/.pd-policy.docx.{}.regl-tmp",
        std::process::id()
    ));
    for p in [&stale, &manifest, &foreign, &own_now] {
        fs::write(p, "half").unwrap();
    }
    let run = regl(d, &["render"]).expect_code(0);
    assert!(
        run.stderr
            .contains("removed 2 temporary files an interrupted regl run left behind"),
        "{}",
        run.stderr
    );
    assert!(!stale.exists() && !manifest.exists());
    assert!(foreign.exists(), "not a file regl writes");
    assert!(own_now.exists(), "the process that staged it is running");
}

#[test]
fn a_fifo_as_business_toml_or_bot_config_is_refused_at_once() {
    let dir = salon();
    let d = dir.path();
    let made = std::process::Command::new("mkfifo")
        .arg(d.join("pipe.toml"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: no mkfifo");
        return;
    }
    // Each run gets ten seconds; a run that waits on the pipe is killed and fails the test.
    let timed = |args: &[&str]| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_regl"))
            .args(args)
            .current_dir(d)
            .env("REGL_LANG", "en")
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                let out = child.wait_with_output().unwrap();
                return (
                    status.code(),
                    String::from_utf8_lossy(&out.stderr).into_owned(),
                );
            }
            if start.elapsed() > std::time::Duration::from_secs(10) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("regl {args:?} waited on the pipe");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    let (code, stderr) = timed(&["lint", "-c", "pipe.toml"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("named pipe or a device"), "{stderr}");
    let (code, stderr) = timed(&["render", "-c", "pipe.toml"]);
    assert_eq!(code, Some(2), "{stderr}");
    let (code, _) = timed(&["lint", "--bot", "pipe.toml", "--format", "json"]);
    assert_eq!(code, Some(1), "a bot config that cannot be read is B301");
}

/// Every string of a bot config, with where it is.
fn strings(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((at.to_owned(), s.clone())),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, &format!("{at}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                strings(x, &format!("{at}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// Every string of `bot/ufa.json` as `regl export --bot-configs` writes it for a business
/// made by `init` and then given the line `line` in place of its first `key = …`.
fn exported_strings_with(
    init: &[&str],
    key: &str,
    line: &str,
) -> (tempfile::TempDir, Vec<(String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["init"];
    args.extend_from_slice(init);
    regl(dir.path(), &args).expect_code(0);
    let toml = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let at = toml.find(&format!("\n{key} = ")).unwrap() + 1;
    let end = at + toml[at..].find('\n').unwrap();
    let toml = format!("{}{line}{}", &toml[..at], &toml[end..]);
    fs::write(dir.path().join("business.toml"), toml).unwrap();
    regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    let bot: Value =
        serde_json::from_slice(&fs::read(dir.path().join("bot/ufa.json")).unwrap()).unwrap();
    let mut all = Vec::new();
    strings(&bot, "", &mut all);
    (dir, all)
}

#[test]
fn the_bots_texts_print_names_quotes_and_full_stops_as_the_documents_do() {
    // Russian: a legal name with its own «» nests as „…“, as the documents print it.
    let (_, all) = exported_strings_with(
        &["--name", "Лада", "--city", "Уфа"],
        "legal_name",
        "legal_name = 'ООО «Студия красоты «Лада»»'",
    );
    assert!(
        all.iter()
            .any(|(_, s)| s.contains("ООО «Студия красоты „Лада“»")),
        "the legal name is in the consent text, nested"
    );
    for (at, s) in &all {
        assert!(!s.contains("»»") && !s.contains('"'), "{at}: {s}");
    }

    // English: curly quotes, one full stop after an address that ends in «St.».
    let (dir, all) = exported_strings_with(
        &["--name", "Lada Beauty", "--city", "Ufa", "--lang", "en"],
        "address",
        "address = \"45 Pushkina St.\"",
    );
    assert!(
        all.iter().any(|(_, s)| s.contains("LLC “Lada Beauty”")),
        "the legal name is quoted as the documents quote it"
    );
    assert!(all.iter().any(|(_, s)| s.contains("45 Pushkina St. ")));
    for (at, s) in &all {
        // The system prompt is read by the model, not the client: it may quote plainly.
        if at != ".assistant.system_prompt" {
            assert!(!s.contains('"'), "{at}: {s}");
        }
        assert!(!s.replace("...", "").contains(".."), "{at}: {s}");
    }
    // The team's copy, as exported, lints clean of bot findings.
    let (_, found) = lint_json(dir.path(), &[]);
    let bot_codes: Vec<String> = codes(&found)
        .into_iter()
        .filter(|c| c.starts_with('B'))
        .collect();
    assert!(bot_codes.is_empty(), "{bot_codes:?}");
}

/// `path`'s .docx with `from` replaced by `to` in its document part, as a hand edit in
/// Word would leave it.
fn edit_docx(path: &Path, from: &str, to: &str) {
    use std::io::{Read as _, Write as _};
    let bytes = fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if f.name() == "word/document.xml" {
            let text = String::from_utf8(data).unwrap();
            assert!(text.contains(from), "{from} is in the document");
            data = text.replacen(from, to, 1).into_bytes();
        }
        let name = f.name().to_owned();
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn a_hand_edit_is_named_by_lint_and_by_the_render_that_replaces_it() {
    let dir = salon();
    let doc = dir.path().join("out/ufa/cancellation-policy-ufa.docx");
    edit_docx(&doc, "12", "24");
    let (run, found) = lint_json(dir.path(), &[]);
    let d403: Vec<&Value> = found.iter().filter(|d| d["code"] == "D403").collect();
    assert_eq!(d403.len(), 1, "{}", run.stdout);
    assert_eq!(
        d403[0]["message"],
        "`ufa/cancellation-policy-ufa.docx` was changed after render: the next render will undo the edit"
    );
    assert!(d403[0]["hint"].as_str().unwrap().contains("business.toml"));

    let check = regl(dir.path(), &["render", "--check"]).expect_code(1);
    assert!(
        check.stdout.contains("edited by hand: ")
            && check.stdout.contains("ufa/cancellation-policy-ufa.docx"),
        "{}",
        check.stdout
    );
    let render = regl(dir.path(), &["render"]).expect_code(0);
    assert!(
        render.stderr.contains("warning: `")
            && render.stderr.contains(
                "ufa/cancellation-policy-ufa.docx` had been edited by hand since the last render: the edit is replaced"
            )
            && render
                .stderr
                .contains("help: make the change in business.toml or in a template in templates/"),
        "{}",
        render.stderr
    );
    // Replaced once: the next render finds the file as it wrote it and says nothing.
    let again = regl(dir.path(), &["render"]).expect_code(0);
    assert!(!again.stderr.contains("edited by hand"), "{}", again.stderr);
}

#[test]
fn d401_points_at_the_table_that_changed_not_at_a_digest() {
    let dir = salon();
    edit(dir.path(), "free_until = \"12h\"", "free_until = \"10h\"");
    let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let (line, _) = crate::common::line_col_of(&text, "\n[cancellation]");
    let line = line + 1;
    let (run, found) = lint_json(dir.path(), &[]);
    let d401: Vec<&Value> = found.iter().filter(|d| d["code"] == "D401").collect();
    assert_eq!(d401.len(), 1, "{}", run.stdout);
    assert_eq!(d401[0]["file"], "business.toml", "{}", d401[0]);
    assert_eq!(d401[0]["line"], line, "{}", d401[0]);
    assert!(
        d401[0]["message"]
            .as_str()
            .unwrap()
            .contains("(`[cancellation]`)"),
        "{}",
        d401[0]
    );

    // One location re-rendered: the other's finding names the same table beside its own
    // record in the manifest.
    regl(dir.path(), &["render", "--location", "omsk"]).expect_code(0);
    let (run, found) = lint_json(dir.path(), &[]);
    let d401: Vec<&Value> = found.iter().filter(|d| d["code"] == "D401").collect();
    assert_eq!(d401.len(), 1, "{}", run.stdout);
    let related = d401[0]["related"].to_string();
    assert!(
        related.contains("business.toml") && related.contains("`[cancellation]` changed"),
        "{}",
        d401[0]
    );
}

/// What bash completes for `words` (the last one being completed), with the script
/// `regl completions bash` prints sourced.
fn bash_completes(dir: &Path, words: &[&str]) -> Vec<String> {
    let script = regl(dir, &["completions", "bash"]).expect_code(0).stdout;
    fs::write(dir.join("regl.bash"), script).unwrap();
    let n = words.len() - 1;
    let line = format!(
        "source ./regl.bash; COMP_WORDS=({}); COMP_CWORD={n}; _regl regl '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words.join(" "),
        words[n],
        words[n - 1]
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(line)
        .current_dir(dir)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_rule_codes_and_names_and_no_file_names_for_a_location() {
    let dir = salon();
    assert_eq!(
        bash_completes(dir.path(), &["regl", "explain", "B30"]),
        [
            "B301", "B302", "B303", "B304", "B305", "B306", "B307", "B308", "B309"
        ]
    );
    assert_eq!(
        bash_completes(dir.path(), &["regl", "explain", "bot-rem"]),
        ["bot-reminders"]
    );
    // `business.toml` and `out` are in the folder: a location id is not a file name.
    for verb in ["render", "export", "test"] {
        let got = bash_completes(dir.path(), &["regl", verb, "--location", "b"]);
        assert!(!got.iter().any(|w| w == "business.toml"), "{verb}: {got:?}");
    }
}

#[test]
fn lint_on_all_cores_reports_byte_for_byte_what_one_thread_reports() {
    let dir = salon();
    // Findings of several rules and both bot configs: drifted texts, a config rule, a stale
    // document.
    edit(dir.path(), "free_until = \"12h\"", "free_until = \"10h\"");
    for id in ["ufa", "omsk"] {
        let path = dir.path().join(format!("bot/{id}.json"));
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replacen("12 часов", "13 часов", 2)).unwrap();
    }
    for format in ["human", "json", "sarif"] {
        let one = regl_env(
            dir.path(),
            &["lint", "--format", format],
            &[("REGL_TODAY", TODAY), ("REGL_THREADS", "1")],
        );
        let all = regl_env(
            dir.path(),
            &["lint", "--format", format],
            &[("REGL_TODAY", TODAY), ("REGL_THREADS", "2")],
        );
        assert_eq!(one.code, 1, "{}", one.stdout);
        assert_eq!(
            (one.stdout.as_str(), one.stderr.as_str()),
            (all.stdout.as_str(), all.stderr.as_str())
        );
    }
    let (_, found) = lint_json(dir.path(), &[]);
    let codes = codes(&found);
    assert!(
        codes.iter().any(|c| c.starts_with('B')) && codes.iter().any(|c| c == "D401"),
        "{codes:?}"
    );
}
