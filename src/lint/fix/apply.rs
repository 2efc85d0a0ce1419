//! Writing the fixes: per file, the edits that do not overlap (the first of two that do
//! wins; the other's finding stays for the next lint), applied to the text lint read, the
//! result checked to still be JSON, and every file written in one set (temporary file,
//! then rename) or none at all.
//!
//! A file that changed, vanished or became read-only since lint read it is not written:
//! the run stops with that reason (exit 2) before anything is written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Fix, Fixed};
use crate::diag::{FileId, SourceFile, Sources};
use crate::i18n::localized::Localized;
use crate::i18n::t;
use crate::output::write_all_atomic;

/// One file's text once its fixes are applied.
pub(super) struct Mended {
    path: PathBuf,
    /// The text lint read: the file must still hold it when it is written.
    read: String,
    pub(super) text: String,
    fixed: Vec<Fixed>,
}

/// Applies `fixes` and writes the files they change. Returns what was fixed, in file
/// order, then position order.
pub fn apply(sources: &Sources, fixes: &[Fix]) -> Result<Vec<Fixed>> {
    let mut by_file: BTreeMap<FileId, Vec<&Fix>> = BTreeMap::new();
    for f in fixes {
        by_file.entry(f.file).or_default().push(f);
    }
    let mut mended = Vec::new();
    for (file, fixes) in by_file {
        let src = sources.get(file);
        if let Some(m) = mend_text(src, &fixes)? {
            mended.push(m);
        }
    }
    let mut writes: Vec<(Target, &Mended)> = Vec::new();
    for m in &mended {
        let t = target(&m.path, &m.read)?;
        // Two locations naming one file (C104 reports it): its first reading is mended,
        // the other's findings stay for the next run.
        if !writes.iter().any(|(w, _)| w.path == t.path) {
            writes.push((t, m));
        }
    }
    let staged: Vec<(PathBuf, &[u8])> = writes
        .iter()
        .map(|(t, m)| (t.path.clone(), m.text.as_bytes()))
        .collect();
    write_all_atomic(&staged)?;
    for (t, _) in &writes {
        // A fresh temporary file has the default mode; the bot config keeps its own.
        let _ = std::fs::set_permissions(&t.path, t.permissions.clone());
    }
    Ok(writes
        .into_iter()
        .flat_map(|(_, m)| m.fixed.iter().cloned())
        .collect())
}

/// The edits of one file, in order, without overlaps, applied.
pub(super) fn mend_text(src: &SourceFile, fixes: &[&Fix]) -> Result<Option<Mended>> {
    let mut order: Vec<(usize, &Fix)> = fixes.iter().copied().enumerate().collect();
    // By position; at one position an insertion goes before the value that starts there.
    order.sort_by_key(|(seq, f)| (f.span.start, !f.span.is_empty(), *seq));
    let mut kept: Vec<&Fix> = Vec::new();
    for (_, f) in order {
        if kept
            .iter()
            .any(|k| k.span == f.span && k.replacement == f.replacement)
        {
            continue;
        }
        if kept.last().is_some_and(|k| f.span.start < k.span.end) {
            continue;
        }
        kept.push(f);
    }
    if kept.is_empty() {
        return Ok(None);
    }
    let old = &src.text;
    let mut text = String::with_capacity(old.len());
    let mut starts = Vec::with_capacity(kept.len());
    let mut cursor = 0;
    for f in &kept {
        text.push_str(&old[cursor..f.span.start]);
        starts.push(text.len() + f.value_offset);
        text.push_str(&f.replacement);
        cursor = f.span.end;
    }
    text.push_str(&old[cursor..]);
    if super::super::json::parse(&text).is_err() {
        let shown = src.path.display();
        return Err(Localized::new(t!(
            "cannot fix `{shown}`: the mended file would not be JSON; nothing was written",
            "не удаётся исправить `{shown}`: исправленный файл не был бы JSON; ничего не записано"
        ))
        .into());
    }
    let written = SourceFile::new(&src.path, text);
    let report = kept
        .iter()
        .zip(starts)
        .map(|(f, at)| {
            let (line, column) = written.line_col(at);
            Fixed {
                file: src.path.clone(),
                line,
                column,
                path: f.path.clone(),
                before: (!f.span.is_empty())
                    .then(|| serde_json::from_str(&old[f.span.clone()]).ok())
                    .flatten(),
                after: f.value.clone(),
            }
        })
        .collect();
    Ok(Some(Mended {
        path: src.path.clone(),
        read: old.clone(),
        fixed: report,
        text: written.text,
    }))
}

/// Where a file is written: the file itself behind any symlink, with its permissions.
struct Target {
    path: PathBuf,
    permissions: std::fs::Permissions,
}

/// The file as lint read it, still there, still the same and writable; else why not.
fn target(path: &Path, as_read: &str) -> Result<Target> {
    let shown = path.display();
    let vanished = || -> anyhow::Error {
        Localized::new(t!(
            "cannot fix `{shown}`: it is gone since lint read it; nothing was written",
            "не удаётся исправить `{shown}`: файл исчез после того, как lint его прочитал; ничего не записано"
        ))
        .into()
    };
    let resolved = std::fs::canonicalize(path).map_err(|_| vanished())?;
    let meta = std::fs::metadata(&resolved).map_err(|_| vanished())?;
    if meta.permissions().readonly() {
        return Err(Localized::new(t!(
            "cannot fix `{shown}`: the file is read-only; nothing was written",
            "не удаётся исправить `{shown}`: файл только для чтения; ничего не записано"
        ))
        .into());
    }
    let now = std::fs::read(&resolved).map_err(|_| vanished())?;
    if now != as_read.as_bytes() {
        return Err(Localized::new(t!(
            "cannot fix `{shown}`: it changed since lint read it; nothing was written (run `regl lint --fix` again)",
            "не удаётся исправить `{shown}`: файл изменился после того, как lint его прочитал; ничего не записано (запустите `regl lint --fix` ещё раз)"
        ))
        .into());
    }
    Ok(Target {
        path: resolved,
        permissions: meta.permissions(),
    })
}

#[cfg(test)]
mod tests {
    use super::apply;
    use crate::diag::Sources;
    use crate::lint::fix::Fix;

    fn one_fix(dir: &std::path::Path) -> (Sources, Vec<Fix>, std::path::PathBuf) {
        let path = dir.join("bot.json");
        let text = "{\n  \"n\": 30\n}\n".to_owned();
        std::fs::write(&path, &text).unwrap();
        let mut sources = Sources::default();
        let file = sources.add(&path, text.clone());
        let at = text.find("30").unwrap();
        let fix = Fix {
            file,
            span: at..at + 2,
            replacement: "3".to_owned(),
            path: "n".to_owned(),
            value: serde_json::json!(3),
            value_offset: 0,
        };
        (sources, vec![fix], path)
    }

    #[test]
    fn writes_the_mended_text() {
        let dir = tempfile::tempdir().unwrap();
        let (sources, fixes, path) = one_fix(dir.path());
        let report = apply(&sources, &fixes).unwrap();
        assert_eq!((report[0].line, report[0].column), (2, 8));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\n  \"n\": 3\n}\n"
        );
    }

    #[test]
    fn a_file_gone_or_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let (sources, fixes, path) = one_fix(dir.path());
        std::fs::remove_file(&path).unwrap();
        let e = apply(&sources, &fixes).unwrap_err();
        assert!(format!("{e:#}").contains("gone"), "{e:#}");
        assert!(!path.exists(), "nothing written in its place");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

        std::fs::write(&path, "{\n  \"n\": 31\n}\n").unwrap();
        let e = apply(&sources, &fixes).unwrap_err();
        assert!(format!("{e:#}").contains("changed"), "{e:#}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\n  \"n\": 31\n}\n"
        );
    }
}
