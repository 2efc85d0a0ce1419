//! The repository's generated files match what the code generates, and every example loads.
//! Regenerate with `REGL_UPDATE_ASSETS=1 cargo test --test cli repo_assets`.

use std::fs;
use std::path::Path;

use crate::common::{regl, regl_env, repo};

/// Compares a committed file with what `regl args…` prints now (or rewrites it on request).
fn fresh(rel: &str, args: &[&str]) {
    fresh_in(rel, args, "en");
}

/// [`fresh`] for a file generated in the language `lang` (`REGL_LANG`).
fn fresh_in(rel: &str, args: &[&str], lang: &str) {
    let run = regl_env(&repo(), args, &[("REGL_LANG", lang)]).expect_code(0);
    let path = repo().join(rel);
    if std::env::var_os("REGL_UPDATE_ASSETS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &run.stdout).unwrap();
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == run.stdout,
        "{rel} is stale: run `REGL_UPDATE_ASSETS=1 cargo test --test cli repo_assets` and commit it"
    );
}

#[test]
fn completions_are_fresh() {
    for (shell, file) in [
        ("bash", "completions/regl.bash"),
        ("zsh", "completions/_regl"),
        ("fish", "completions/regl.fish"),
        ("powershell", "completions/_regl.ps1"),
        ("elvish", "completions/regl.elv"),
    ] {
        fresh(file, &["completions", shell]);
    }
}

#[test]
fn docs_rules_md_is_fresh_in_both_languages() {
    fresh_in("docs/rules.md", &["explain", "all"], "en");
    fresh_in("docs/rules.ru.md", &["explain", "all"], "ru");
}

#[test]
fn json_schema_is_fresh() {
    fresh("schema/business.schema.json", &["schema", "business"]);
}

#[test]
fn bot_schema_is_fresh() {
    fresh("schema/bot.schema.json", &["schema", "bot"]);
}

#[test]
fn the_schema_describes_every_section() {
    let run = regl(&repo(), &["schema"]).expect_code(0);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let props = schema["properties"].as_object().unwrap();
    for key in [
        "schema_version",
        "business",
        "document",
        "channels",
        "sla",
        "locations",
        "services",
        "bot",
        "escalation",
        "cancellation",
        "pd",
        "crm",
        "lint",
    ] {
        assert!(props.contains_key(key), "schema lacks `{key}`");
    }
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
}

#[test]
fn every_example_loads() {
    let examples = repo().join("examples");
    let mut seen = 0;
    for entry in fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path().join("business.toml");
        if !path.exists() {
            continue;
        }
        seen += 1;
        let mut sources = regl::diag::Sources::default();
        if let Err(diags) = regl::model::load(&path, &mut sources) {
            panic!(
                "{}",
                regl::report::human::render(&sources, &diags, false, regl::i18n::Lang::En)
            );
        }
        let readme = path.parent().unwrap().join("README.md");
        assert!(
            Path::new(&readme).exists(),
            "{} has no README.md",
            path.display()
        );
    }
    assert!(seen >= 3, "expected the three examples, found {seen}");
}

/// No source file grows past what a reader takes in at once: the render, export and lint code
/// stay in pieces each later change can own.
#[test]
fn no_source_file_is_over_a_thousand_lines() {
    let mut long = Vec::new();
    let mut stack = vec![repo().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let lines = fs::read_to_string(&path).unwrap().lines().count();
                if lines > 1000 {
                    long.push(format!("{} ({lines} lines)", path.display()));
                }
            }
        }
    }
    long.sort();
    assert!(long.is_empty(), "split these files: {}", long.join(", "));
}
