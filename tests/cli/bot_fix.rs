//! Mending the runtime's copy of the bot config (SPEC §4.2): `regl export --bot-configs`
//! writes each location's `bot_config` from scratch and names the team's edits it drops.

use std::fs;
use std::path::PathBuf;

use crate::common::{regl, repo};

/// A copy of an example (business.toml and its bot configs) in a temporary folder.
fn example_copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let from = repo().join("examples").join(name);
    fs::copy(from.join("business.toml"), dir.path().join("business.toml")).unwrap();
    fs::create_dir_all(dir.path().join("bot")).unwrap();
    for e in fs::read_dir(from.join("bot")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), dir.path().join("bot").join(e.file_name())).unwrap();
    }
    let bot = dir.path().join("bot");
    (dir, bot)
}

#[test]
fn export_bot_configs_rewrites_the_runtime_copy_and_names_the_dropped_edits() {
    let (dir, bot) = example_copy("clinic-omsk");
    let file = bot.join("omsk.json");
    let original = fs::read(&file).unwrap();
    regl(dir.path(), &["export", "--bot-configs", "--check"]).expect_code(1);

    let edited = String::from_utf8(original.clone()).unwrap().replacen(
        "\"first_response_s\": 3",
        "\"first_response_s\": 30",
        1,
    );
    fs::write(&file, &edited).unwrap();
    let check = regl(dir.path(), &["export", "--bot-configs", "--check"]).expect_code(1);
    assert!(check.stderr.contains("omsk.json"), "{}", check.stderr);
    assert!(
        check.stderr.contains("limits.first_response_s"),
        "{}",
        check.stderr
    );
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        edited,
        "--check writes nothing"
    );

    let run = regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    assert!(
        run.stdout.contains("limits.first_response_s"),
        "{}",
        run.stdout
    );
    assert_eq!(
        fs::read(&file).unwrap(),
        original,
        "the committed config is the export"
    );
    regl(dir.path(), &["export", "--bot-configs", "--check"]).expect_code(0);
    regl(dir.path(), &["lint"]).expect_code(0);
}
