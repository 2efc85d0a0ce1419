//! Removing what `render` or `export` wrote for a location that is no longer in
//! `business.toml` (removed, or renamed): only the files the manifest lists as that verb's,
//! never one it keeps ([`crate::manifest::NEVER_PRUNED`]: what people filled in, what the
//! portal gave back), never anything else in the folder.
//!
//! Each file's line (`removed: PATH`) reads the same in every language, for scripts; the
//! sentence after it is the user's.

use std::fmt::Write as _;
use std::path::Path;

use crate::i18n::{Lang, t};

/// Deletes `paths` (relative to `out_dir`) and each location folder they leave empty, and
/// prints what went. A file already gone is skipped; one that cannot be deleted is an error.
pub fn remove(out_dir: &Path, paths: &[String], lang: Lang) -> super::Outcome {
    let mut text = String::new();
    let mut folders = Vec::new();
    for rel in paths {
        let path = out_dir.join(rel);
        // Only a regular file: a folder or a device at that name is not what regl wrote.
        if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            continue;
        }
        if let Err(e) = std::fs::remove_file(&path) {
            let shown = path.display();
            let message = t!(
                "cannot remove `{shown}`: {e}",
                "не удаётся удалить `{shown}`: {e}"
            );
            return Err(super::Failure::Other(anyhow::anyhow!(
                "{}",
                message.get(lang)
            )));
        }
        let _ = writeln!(text, "removed: {}", path.display());
        if let Some(parent) = path.parent()
            && parent != out_dir
            && !folders.contains(&parent.to_path_buf())
        {
            folders.push(parent.to_path_buf());
        }
    }
    if text.is_empty() {
        return Ok(());
    }
    for folder in folders {
        // Left in place when anything else is in it: a working copy, the user's own file.
        let _ = std::fs::remove_dir(folder);
    }
    let n = text.lines().count();
    let files = if n == 1 { "file" } else { "files" };
    let sentence = t!(
        "removed {n} {files} of locations no longer in business.toml (the files regl keeps, such as working copies, stay)",
        "удалено файлов филиалов, которых больше нет в business.toml: {n} (файлы, которые regl не удаляет, например рабочие копии, остались)"
    );
    let _ = writeln!(text, "{}", sentence.get(lang));
    super::print_stdout(&text)
}
