//! Render and lint together: the manifest render writes is what lint's D rules read.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{Run, regl_env, replace_once, repo};

fn run(dir: &Path, args: &[&str]) -> Run {
    regl_env(dir, args, &[("REGL_TODAY", "2026-12-10")])
}

/// (code, severity) of every finding, sorted.
fn codes(dir: &Path) -> Vec<(String, String)> {
    let r = run(dir, &["lint", "--format", "json"]);
    let found: Vec<Value> =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    let mut out: Vec<(String, String)> = found
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn pair(code: &str, severity: &str) -> (String, String) {
    (code.to_owned(), severity.to_owned())
}

#[test]
fn lint_follows_the_documents_from_render_to_edit_to_rerender() {
    let dir = tempfile::tempdir().unwrap();
    let src = repo().join("examples/salon-ufa-omsk");
    fs::copy(src.join("business.toml"), dir.path().join("business.toml")).unwrap();
    fs::create_dir(dir.path().join("bot")).unwrap();
    for name in ["ufa.json", "omsk.json"] {
        fs::copy(
            src.join("bot").join(name),
            dir.path().join("bot").join(name),
        )
        .unwrap();
    }
    // Nothing rendered yet: a to-do, not silence.
    assert_eq!(codes(dir.path()), vec![pair("T131", "warning")]);

    run(dir.path(), &["render"]).expect_code(0);
    assert_eq!(codes(dir.path()), vec![], "a fresh render lints clean");

    // A hand edit to a document is a warning: the next render would undo it.
    let policy = dir.path().join("out/pd-policy.docx");
    let mut bytes = fs::read(&policy).unwrap();
    bytes.push(0);
    fs::write(&policy, &bytes).unwrap();
    assert_eq!(codes(dir.path()), vec![pair("D403", "warning")]);

    // A missing document is an error.
    fs::remove_file(dir.path().join("out/omsk/cancellation-policy-omsk.docx")).unwrap();
    assert!(codes(dir.path()).contains(&pair("D401", "error")));

    // The content changes without a version bump: stale documents and an unbumped version.
    let toml = dir.path().join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    let changed = replace_once(&text, "reschedule_max = 2", "reschedule_max = 3");
    fs::write(&toml, &changed).unwrap();
    let found = codes(dir.path());
    assert!(found.contains(&pair("D401", "error")), "{found:?}");
    assert!(found.contains(&pair("D404", "warning")), "{found:?}");

    // Bumping the version (with its `changes` entry) answers D404; rendering again answers
    // the rest.
    let bumped = replace_once(&changed, "version = \"1.0\"", "version = \"1.1\"");
    let bumped = replace_once(
        &bumped,
        "changes = [\n",
        "changes = [\n  { version = \"1.1\", date = 2026-12-05, summary = \"Три переноса\" },\n",
    );
    fs::write(&toml, &bumped).unwrap();
    assert!(!codes(dir.path()).contains(&pair("D404", "warning")));
    run(dir.path(), &["render", "--check"]).expect_code(1);
    run(dir.path(), &["render"]).expect_code(0);
    run(dir.path(), &["render", "--check"]).expect_code(0);
    // The bot config follows the new terms too.
    run(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    assert_eq!(
        codes(dir.path()),
        vec![],
        "re-rendered documents lint clean"
    );
}

#[test]
fn render_and_export_refuse_a_config_with_error_findings() {
    let dir = tempfile::tempdir().unwrap();
    let src = repo().join("examples/salon-ufa-omsk/business.toml");
    let text = fs::read_to_string(src).unwrap();
    // A checksum that fails: the config loads but contradicts the law's identifiers (C101).
    let bad = replace_once(&text, "inn = \"0278097147\"", "inn = \"0278097148\"");
    fs::write(dir.path().join("business.toml"), bad).unwrap();
    for verb in ["render", "export"] {
        let r = run(dir.path(), &[verb]).expect_code(2);
        assert!(r.stderr.contains("error[C101]"), "{verb}: {}", r.stderr);
        assert!(r.stderr.contains("business.toml:"), "{verb}: {}", r.stderr);
        assert!(!dir.path().join("out").exists(), "{verb} wrote nothing");
    }
}
