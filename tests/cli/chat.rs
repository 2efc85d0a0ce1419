//! `regl chat` driven through a pipe: the same transcript as the scenario it saved, which
//! `regl test` then passes.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::repo;

fn chat(input: &str) -> String {
    let dir = repo().join("examples/salon-ufa-omsk");
    let mut child = Command::new(env!("CARGO_BIN_EXE_regl"))
        .args(["chat", "--location", "ufa", "--now", "2027-03-01T10:00"])
        .current_dir(&dir)
        .env("REGL_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_piped_chat_saves_a_scenario_that_regl_test_replays_and_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let saved = tmp.path().join("chat-booking.toml");
    let script = format!(
        "хочу записаться\nАнна\n+7 913 000-00-01\n1\n2\n03.03 10:00\n1\n/why\n/crm\n/save {}\n/quit\n",
        saved.display()
    );
    let out = chat(&script);
    assert!(out.contains("[1] Женская стрижка"), "{out}");
    assert!(
        out.contains("[2027-03-01 10:00:00] client: хочу записаться"),
        "{out}"
    );
    assert!(out.contains("NAME = Анна"), "{out}");
    // The same inputs give the same transcript: the run is deterministic.
    assert_eq!(out, chat(&script));
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("user = \"Анна\""), "{text}");
    let dir = repo().join("examples/salon-ufa-omsk");
    let run = crate::common::regl(
        &dir,
        &[
            "test",
            "--location",
            "ufa",
            "--scenarios",
            saved.to_str().unwrap(),
            "--only",
            "chat-*",
        ],
    )
    .expect_code(0);
    assert!(
        run.stdout.ends_with("1 passed, 0 failed\n"),
        "{}",
        run.stdout
    );
}
