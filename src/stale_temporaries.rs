//! The temporary files a killed run left behind (`.<name>.<pid>.regl-tmp`, staged by
//! [`crate::output`] and `render` beside their targets): the next run removes them. Only
//! regl's own are touched — the name regl gives, a file type regl writes, and a process id
//! that is no longer running, so a run going on beside this one keeps its staged files.

use std::path::{Path, PathBuf};

/// The extensions of what regl stages.
const STAGED: &[&str] = &["docx", "xlsx", "md", "json"];

/// The process id in a name regl gives its temporary files, when `name` is one.
fn staged_by(name: &str) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(".regl-tmp")?;
    let (target, pid) = inner.rsplit_once('.')?;
    let pid: u32 = pid.parse().ok()?;
    let ext = Path::new(target).extension()?.to_str()?;
    STAGED.contains(&ext).then_some(pid)
}

/// Whether process `pid` is still running. Where that cannot be asked (no `/proc`), only
/// this process counts as gone-or-not: another's files are left alone.
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Removes the stale temporaries directly inside each of `dirs`; returns what was removed.
pub fn remove(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(pid) = staged_by(&name) else {
                continue;
            };
            if running(pid) || !e.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            if std::fs::remove_file(e.path()).is_ok() {
                removed.push(e.path());
            }
        }
    }
    removed.sort();
    removed
}

/// The output folder and its location folders: where render and export stage.
pub fn output_folders(out_dir: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![out_dir.to_path_buf()];
    if let Ok(entries) = std::fs::read_dir(out_dir) {
        dirs.extend(
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path()),
        );
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regl_names_of_regl_files_are_its_own() {
        assert_eq!(staged_by(".pd-policy-ufa.docx.4242.regl-tmp"), Some(4242));
        assert_eq!(staged_by(".regl-manifest.json.7.regl-tmp"), Some(7));
        assert_eq!(staged_by(".notes.txt.7.regl-tmp"), None);
        assert_eq!(staged_by("pd-policy.docx.7.regl-tmp"), None);
        assert_eq!(staged_by(".pd-policy.docx.x.regl-tmp"), None);
    }
}
