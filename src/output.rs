//! Writing outputs so a failed or interrupted run never leaves a half-written file: each
//! file goes to a temporary sibling first and is renamed over the target. A set of files
//! ([`write_all_atomic`]) is staged whole before any is renamed, so a full disk or a folder
//! in the way of the third file leaves the first two as they were.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::i18n::localized::{Localized, TextContext};
use crate::i18n::{Text, t};

fn cannot_create(dir: &Path) -> Text {
    let shown = dir.display();
    t!(
        "cannot create folder `{shown}`",
        "не удаётся создать папку `{shown}`"
    )
}

fn cannot_write(path: &Path) -> Text {
    let shown = path.display();
    t!("cannot write `{shown}`", "не удаётся записать `{shown}`")
}

/// A folder stands where a file is to be written: it is left alone.
fn a_folder_in_the_way(path: &Path) -> anyhow::Error {
    let shown = path.display();
    Localized::new(t!(
        "cannot write `{shown}`: it is a folder",
        "не удаётся записать `{shown}`: это папка"
    ))
    .into()
}

/// Writes `bytes` to `path` atomically, creating parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_text(|| cannot_create(dir))?;
    if path.is_dir() {
        return Err(a_folder_in_the_way(path));
    }
    let tmp = temp_path(path);
    let result = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e).with_text(|| cannot_write(path));
    }
    Ok(())
}

/// Writes every `(path, bytes)` pair, or none of them: all are staged under temporary
/// names first (creating folders as needed), and only when every one is staged are they
/// renamed into place. On failure the staged files and the folders this call created are
/// removed, and the previous files are untouched.
pub fn write_all_atomic(files: &[(PathBuf, &[u8])]) -> Result<()> {
    let mut created: Vec<PathBuf> = Vec::new();
    let mut staged: Vec<(PathBuf, &Path)> = Vec::new();
    let result = (|| -> Result<()> {
        for (path, bytes) in files {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            create_dirs(dir, &mut created)?;
            if path.is_dir() {
                return Err(a_folder_in_the_way(path));
            }
            let tmp = temp_path(path);
            let written = (|| -> std::io::Result<()> {
                let mut f = fs::File::create(&tmp)?;
                f.write_all(bytes)?;
                f.sync_all()
            })();
            if let Err(e) = written {
                let _ = fs::remove_file(&tmp);
                return Err(e).with_text(|| cannot_write(path));
            }
            staged.push((tmp, path.as_path()));
        }
        Ok(())
    })();
    if let Err(e) = result {
        for (tmp, _) in &staged {
            let _ = fs::remove_file(tmp);
        }
        // Deepest first; a folder that is not empty stays.
        for dir in created.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
        return Err(e);
    }
    for (i, (tmp, path)) in staged.iter().enumerate() {
        if let Err(e) = fs::rename(tmp, path) {
            for (rest, _) in &staged[i..] {
                let _ = fs::remove_file(rest);
            }
            return Err(e).with_text(|| cannot_write(path));
        }
    }
    Ok(())
}

/// `create_dir_all` that remembers which folders it made, outermost first.
fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> Result<()> {
    let mut missing = Vec::new();
    let mut at = Some(dir);
    while let Some(d) = at.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        missing.push(d.to_path_buf());
        at = d.parent();
    }
    for d in missing.into_iter().rev() {
        fs::create_dir(&d).with_text(|| cannot_create(&d))?;
        created.push(d);
    }
    Ok(())
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.regl-tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_leaving_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(p.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("b.txt")]);
    }

    /// Every file under `dir`, with its bytes.
    fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(files(&p));
            } else {
                out.push((p.clone(), fs::read(&p).unwrap()));
            }
        }
        out.sort();
        out
    }

    /// A full disk, for real: the temporary file is made a link to `/dev/full`, whose
    /// writes fail with ENOSPC. The target keeps its old bytes and no temporary is left.
    #[test]
    fn a_full_disk_leaves_the_old_file_and_no_temporary() {
        if !Path::new("/dev/full").exists() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bot.json");
        fs::write(&p, b"old").unwrap();
        std::os::unix::fs::symlink("/dev/full", temp_path(&p)).unwrap();
        let err = write_atomic(&p, b"new bytes").unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains("cannot write") && text.contains("bot.json"),
            "{text}"
        );
        assert!(text.to_lowercase().contains("no space"), "{text}");
        assert_eq!(fs::read(&p).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// The set writer on a full disk at its second file: the first keeps its old bytes too.
    #[test]
    fn a_set_is_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.json"), dir.path().join("x/b.json"));
        fs::write(&a, b"old a").unwrap();
        write_all_atomic(&[(a.clone(), b"new a"), (b.clone(), b"new b")]).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"new a");
        assert_eq!(fs::read(&b).unwrap(), b"new b");
        let before = files(dir.path());

        // A folder in the way of the second file.
        let c = dir.path().join("c.json");
        fs::create_dir(&c).unwrap();
        let err = write_all_atomic(&[(a.clone(), b"newer a"), (c.clone(), b"c")]).unwrap_err();
        assert!(format!("{err:#}").contains("it is a folder"), "{err:#}");
        assert_eq!(files(dir.path()), before);
        fs::remove_dir(&c).unwrap();

        // A full disk at the second file.
        if Path::new("/dev/full").exists() {
            std::os::unix::fs::symlink("/dev/full", temp_path(&b)).unwrap();
            let err =
                write_all_atomic(&[(a.clone(), b"newer a"), (b.clone(), b"newer b")]).unwrap_err();
            assert!(format!("{err:#}").contains("b.json"), "{err:#}");
            assert_eq!(files(dir.path()), before);
        }

        // A file where a folder must be made: nothing made, nothing left.
        let d = dir.path().join("a.json/d.json");
        assert!(write_all_atomic(&[(dir.path().join("new/e.json"), b"e"), (d, b"d")]).is_err());
        assert_eq!(files(dir.path()), before);
        assert!(
            !dir.path().join("new").exists(),
            "a folder it made stays behind"
        );
    }

    #[test]
    fn a_folder_in_the_way_is_an_error_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.docx");
        fs::create_dir(&p).unwrap();
        assert!(write_atomic(&p, b"data").is_err());
        assert!(p.is_dir());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
