//! Where a file is, as SARIF's `artifactLocation` says it: relative to the repository root
//! under the `%SRCROOT%` base id (what code-scanning dashboards resolve against their
//! checkout), or an absolute `file://` URI for a file outside it. A path as the user typed
//! it (`../business.toml`, `/home/…/business.toml`) is neither, and dashboards cannot place
//! the finding.

use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

/// The base id the relative URIs are given against.
pub const SRCROOT: &str = "%SRCROOT%";

/// The repository the files are judged in: the nearest folder holding `.git` above
/// `start` (the folder of `business.toml`), else the current folder when `start` is inside
/// it, else `start` itself.
pub fn repository_root(start: &Path) -> PathBuf {
    let start = absolute(start);
    if let Some(root) = start.ancestors().find(|a| a.join(".git").exists()) {
        return root.to_path_buf();
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| start.clone());
    if start.starts_with(&cwd) { cwd } else { start }
}

/// `path` made absolute against the current folder, `.` and `..` resolved by name (the file
/// may not exist: a missing bot config is still reported where it should be).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Through symlinked folders as the file system resolves them, when it can.
    let joined = joined.canonicalize().unwrap_or(joined);
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The artifact location of `path`: `(uri, Some(SRCROOT))` inside `root`, `(file URI,
/// None)` outside.
pub fn artifact(path: &Path, root: &Path) -> (String, Option<&'static str>) {
    let abs = absolute(path);
    match abs.strip_prefix(root) {
        Ok(rel) => (encode(&slashed(rel)), Some(SRCROOT)),
        Err(_) => (file_uri(&abs), None),
    }
}

/// The `file://` URI of an absolute folder or file; a folder's ends with `/`.
pub fn file_uri(abs: &Path) -> String {
    let s = slashed(abs);
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    format!("file://{}", encode(&s))
}

fn slashed(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Percent-encodes everything but RFC 3986's unreserved characters and `/` (a Cyrillic
/// folder name included: URIs are ASCII).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_the_root_relative_outside_a_file_uri() {
        let root = Path::new("/srv/repo");
        let (uri, base) = artifact(Path::new("/srv/repo/салон/business.toml"), root);
        assert_eq!(base, Some(SRCROOT));
        assert_eq!(uri, "%D1%81%D0%B0%D0%BB%D0%BE%D0%BD/business.toml");
        let (uri, base) = artifact(Path::new("/tmp/my biz/business.toml"), root);
        assert_eq!(base, None);
        assert_eq!(uri, "file:///tmp/my%20biz/business.toml");
        assert_eq!(file_uri(Path::new("/srv/repo/")), "file:///srv/repo/");
    }
}
