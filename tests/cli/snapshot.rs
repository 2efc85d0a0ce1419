//! Every output regl writes for the examples and for each preset × language, pinned by digest.
//!
//! A change meant to keep the output (a refactor) must leave this list as it is; a change
//! meant to alter it updates `tests/snapshots/outputs.sha256` in the same commit, so review
//! sees which files moved. `REGL_BLESS=1 cargo test snapshot` rewrites the list.
//!
//! The manifest is left out: it records digests of everything else and its own format.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::common::{regl, regl_env, repo};

const SNAPSHOT: &str = "tests/snapshots/outputs.sha256";

fn hex_digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Every file under `dir` (relative path → digest), the manifest aside.
fn digests(dir: &Path, prefix: &str, into: &mut BTreeMap<String, String>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if rel == "regl-manifest.json" {
                continue;
            }
            into.insert(
                format!("{prefix}/{rel}"),
                hex_digest(&fs::read(&path).unwrap()),
            );
        }
    }
}

/// Renders (all formats) and exports one business into `out`, then digests what was written.
fn outputs_of(config: &Path, name: &str, into: &mut BTreeMap<String, String>) {
    let dir = config.parent().unwrap();
    let out = tempfile::tempdir().unwrap();
    let out_s = out.path().to_str().unwrap();
    let config_s = config.to_str().unwrap();
    regl(
        dir,
        &[
            "render",
            "-c",
            config_s,
            "-o",
            out_s,
            "--format",
            "docx,xlsx,md",
        ],
    )
    .expect_code(0);
    regl(dir, &["export", "-c", config_s, "-o", out_s]).expect_code(0);
    digests(out.path(), name, into);
}

/// What lint finds in a business with many planted faults: code, severity, file, line, column.
fn lint_findings(config: &Path, name: &str, into: &mut BTreeMap<String, String>) {
    let dir = config.parent().unwrap();
    let run = regl_env(
        dir,
        &["lint", "-c", config.to_str().unwrap(), "--format", "json"],
        &[("REGL_TODAY", "2026-12-01"), ("REGL_LANG", "en")],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("lint json");
    let mut rows: Vec<String> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}:{}:{} {} | {}",
                f["code"].as_str().unwrap_or("-"),
                f["severity"].as_str().unwrap_or("-"),
                Path::new(f["file"].as_str().unwrap_or("-"))
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                f["line"],
                f["column"],
                f["message"].as_str().unwrap_or("-"),
                f["hint"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    rows.sort();
    for (i, row) in rows.iter().enumerate() {
        into.insert(format!("{name}/lint/{i:03}"), row.clone());
    }
    into.insert(format!("{name}/lint/exit"), run.code.to_string());
    let human = regl_env(
        dir,
        &["lint", "-c", config.to_str().unwrap()],
        &[("REGL_TODAY", "2026-12-01"), ("REGL_LANG", "en")],
    );
    let text = human.stdout + &human.stderr;
    let text = text.replace(dir.to_str().unwrap(), "DIR");
    into.insert(format!("{name}/lint/human"), hex_digest(text.as_bytes()));
}

/// An example's `business.toml` with faults planted for lint to point at.
fn planted(text: &str) -> String {
    let mut t = text.to_owned();
    for (from, to) in [
        ("max_bot_turns = 6", "max_bot_turns = 9"),
        ("free_until = \"", "free_until = \"1"),
        ("ai_first_response = \"3s\"", "ai_first_response = \"5m\""),
        ("timezone = \"Asia/", "timezone = \"Asia/X"),
        ("inn = \"", "inn = \"1"),
        ("late_fee_percent = 0", "late_fee_percent = 50"),
        ("retention = \"3y\"", "retention = \"30d\""),
    ] {
        t = t.replacen(from, to, 1);
    }
    t
}

fn current() -> BTreeMap<String, String> {
    let mut all = BTreeMap::new();
    let examples = repo().join("examples");
    let mut names: Vec<_> = fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        let src = examples.join(name);
        let work = tempfile::tempdir().unwrap();
        copy_dir(&src, work.path());
        let config = work.path().join("business.toml");
        outputs_of(&config, &format!("example-{name}"), &mut all);
        lint_findings(&config, &format!("example-{name}"), &mut all);
        let text = fs::read_to_string(&config).unwrap();
        fs::write(&config, planted(&text)).unwrap();
        lint_findings(&config, &format!("example-{name}-planted"), &mut all);
    }
    for segment in ["salon", "clinic", "fitness", "education", "other"] {
        for lang in ["ru", "en"] {
            let work = tempfile::tempdir().unwrap();
            regl(
                work.path(),
                &[
                    "init",
                    "biz",
                    "--name",
                    "Бизнес",
                    "--city",
                    "Уфа",
                    "--segment",
                    segment,
                    "--lang",
                    lang,
                ],
            )
            .expect_code(0);
            let biz = work.path().join("biz");
            regl(&biz, &["init", "--city", "Омск"]).expect_code(0);
            let name = format!("preset-{segment}-{lang}");
            digests(&biz, &format!("{name}/init"), &mut all);
            outputs_of(&biz.join("business.toml"), &name, &mut all);
            lint_findings(&biz.join("business.toml"), &name, &mut all);
        }
    }
    all
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            if entry.file_name() == "out" {
                continue;
            }
            fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn every_output_of_every_example_and_preset_matches_the_snapshot() {
    let now = current();
    let text: String = now.iter().fold(String::new(), |mut s, (k, v)| {
        let _ = writeln!(s, "{k} {v}");
        s
    });
    let path = repo().join(SNAPSHOT);
    if std::env::var_os("REGL_BLESS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &text).unwrap();
        return;
    }
    let pinned = fs::read_to_string(&path).expect("the snapshot exists");
    let pinned: BTreeMap<&str, &str> = pinned.lines().filter_map(|l| l.split_once(' ')).collect();
    let mut diff = Vec::new();
    for (k, v) in &now {
        match pinned.get(k.as_str()) {
            None => diff.push(format!("+ {k} {v}")),
            Some(p) if p != v => diff.push(format!("~ {k}: {p} → {v}")),
            Some(_) => {}
        }
    }
    for (k, v) in &pinned {
        if !now.contains_key(*k) {
            diff.push(format!("- {k} {v}"));
        }
    }
    assert!(
        diff.is_empty(),
        "outputs differ from {SNAPSHOT} (REGL_BLESS=1 rewrites it when the change is meant):\n{}",
        diff.join("\n")
    );
    assert!(now.len() > 100, "the snapshot covers every output");
}
