//! A small builder for running the `regl` binary in a temporary folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: &Output) -> Self {
        Self {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Panics with the whole output unless the exit code is `code`.
    #[track_caller]
    pub fn expect_code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Runs `regl args…` in `dir`, with colour off and no terminal.
pub fn regl(dir: &Path, args: &[&str]) -> Run {
    regl_env(dir, args, &[])
}

/// [`regl`] with extra environment variables (`REGL_TODAY`, planted secrets). Messages are
/// in English unless `env` sets `REGL_LANG` (an empty value lets the business and the locale
/// choose, as for a user who never set it).
pub fn regl_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_regl"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("REGL_LANG", "en")
        .envs(env.iter().copied())
        .output()
        .expect("regl runs");
    Run::from(&out)
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn preset(name: &str) -> String {
    std::fs::read_to_string(repo().join("presets").join(name)).expect("preset exists")
}

/// 1-based line of the first occurrence of `needle` in `text`, and its character column.
#[track_caller]
pub fn line_col_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    let line = text[..at].matches('\n').count() + 1;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..at].chars().count() + 1)
}

/// Replaces the first `from` with `to`, failing loudly if `from` is not there.
#[track_caller]
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` not in text");
    text.replacen(from, to, 1)
}
