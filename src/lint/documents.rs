//! What the D-rules read: the manifest `render` and `export` wrote
//! (`OUT/regl-manifest.json`, any version regl reads), the files it lists, the digests of
//! the current `business.toml` to judge them by, and the user's templates. No manifest means
//! nothing was rendered: the D-rules are then silent.

use std::path::{Component, Path, PathBuf};

use super::json::{self, Json};
use crate::diag::{FileId, Sources};
use crate::i18n::{Text, t};
use crate::manifest::{self, ConfigDigests, Manifest, ReadError};

/// A manifest of a thousand locations is about 4 MiB, and a little over 1 MiB more for each
/// document version whose section digests it keeps; a file this large is not one of ours.
const MAX_MANIFEST_BYTES: u64 = 64 * 1024 * 1024;

/// Whether a path from the manifest names a file inside the output folder. The manifest is
/// committed and merged like any file; an entry such as `/etc/passwd` or `../../dev/zero`
/// must not make lint read (or hang on) a file that is not an output.
fn inside_output(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Only regular files are read: a link to a device or a pipe would block a pre-commit hook.
pub fn regular_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// The folder of the business's own templates, which win over the built-in ones.
pub const USER_TEMPLATES: &str = "templates";

/// The rendered documents as lint finds them.
pub struct Documents {
    pub out_dir: PathBuf,
    pub manifest: Option<Rendered>,
    /// A manifest that exists but cannot be read: its path and why.
    pub unreadable: Option<(PathBuf, Text)>,
    /// Digest of `business.toml` without `[document]`, as `render` records it.
    pub content_sha256: Option<String>,
    /// The digests of `business.toml` per location, as `render` records them.
    pub inputs: Option<ConfigDigests>,
    /// The user's templates: file and text registered in the sources.
    pub templates: Vec<(String, FileId)>,
    /// Bot configs and output folders of locations no longer in `business.toml` (D410).
    pub orphans: Vec<Orphan>,
}

/// A readable manifest with its text (for pointing at entries).
pub struct Rendered {
    pub file: FileId,
    pub manifest: Manifest,
    pub json: Json,
}

impl Rendered {
    /// The span of entry `i`'s `path` value in the manifest, for findings about that file.
    pub fn entry_span(&self, i: usize) -> std::ops::Range<usize> {
        self.json
            .get("outputs")
            .and_then(Json::as_array)
            .and_then(|a| a.get(i))
            .and_then(|e| e.get("path"))
            .map_or(0..0, |p| p.span.clone())
    }

    pub fn span_of(&self, key: &str) -> std::ops::Range<usize> {
        self.json.get(key).map_or(0..0, |v| v.span.clone())
    }

    /// The span of `location`'s key in the manifest's `inputs`, for findings about what its
    /// documents were made from.
    pub fn inputs_span(&self, location: &str) -> std::ops::Range<usize> {
        self.json
            .get("inputs")
            .and_then(|i| i.member(location))
            .map_or(0..0, |m| m.key_span.clone())
    }
}

/// Reads the manifest and the user's templates. `config_text` is `business.toml`'s text.
pub fn read(
    out_dir: &Path,
    config_dir: &Path,
    config_text: &str,
    sources: &mut Sources,
) -> Documents {
    let path = out_dir.join(manifest::FILE_NAME);
    let mut docs = Documents {
        out_dir: out_dir.to_path_buf(),
        manifest: None,
        unreadable: None,
        content_sha256: None,
        inputs: None,
        templates: Vec::new(),
        orphans: Vec::new(),
    };
    let size = std::fs::metadata(&path).map(|m| (m.is_file(), m.len()));
    if let Ok((false, _)) = size {
        docs.unreadable = Some((
            path.clone(),
            t!("it is not a regular file", "это не обычный файл"),
        ));
    } else if let Ok((true, len)) = size
        && len > MAX_MANIFEST_BYTES
    {
        docs.unreadable = Some((
            path.clone(),
            t!(
                "{len} bytes: too large for a manifest",
                "{len} байт: слишком велик для манифеста"
            ),
        ));
    } else if path.exists() {
        match (Manifest::read(&path), std::fs::read_to_string(&path)) {
            (Ok(m), Ok(_)) if m.outputs.iter().any(|e| !inside_output(&e.path)) => {
                let bad = m.outputs.iter().find(|e| !inside_output(&e.path));
                let shown = bad.map_or("", |e| e.path.as_str());
                docs.unreadable = Some((
                    path,
                    t!(
                        "its entry `{shown}` points outside the output folder",
                        "его запись `{shown}` указывает за пределы папки с документами"
                    ),
                ));
            }
            (Ok(m), Ok(text)) => {
                let parsed = json::parse(&text).unwrap_or(Json {
                    span: 0..0,
                    kind: json::Kind::Null,
                });
                let file = sources.add(&path, text);
                docs.manifest = Some(Rendered {
                    file,
                    manifest: m,
                    json: parsed,
                });
            }
            (Err(e), _) => docs.unreadable = Some((path, why_unreadable(&e))),
            (_, Err(e)) => docs.unreadable = Some((path, why_unreadable(&ReadError::Io(e)))),
        }
    }
    // The digests are compared with a manifest's record only: without one, no parse.
    if docs.manifest.is_some()
        && let Ok((content, inputs)) = manifest::digests(config_text)
    {
        docs.content_sha256 = Some(content);
        docs.inputs = Some(inputs);
    }
    let tdir = config_dir.join(USER_TEMPLATES);
    let mut stack = vec![tdir.clone()];
    let mut found = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            // The entry's own type, not its target's: a link back to a parent folder would
            // otherwise be walked again and again.
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") && regular_file(&p) {
                found.push(p);
            }
        }
    }
    found.sort();
    for p in found {
        if let Ok(text) = std::fs::read_to_string(&p) {
            let name = p
                .strip_prefix(&tdir)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            let file = sources.add(&p, text);
            docs.templates.push((name, file));
        }
    }
    docs
}

/// Why the manifest cannot be read, for D401. The reader's own detail (an I/O error, where
/// the JSON broke) is quoted as it comes.
fn why_unreadable(e: &ReadError) -> Text {
    match e {
        ReadError::Io(e) => Text::same(e.to_string()),
        ReadError::NotAManifest(e) => t!(
            "it is not a regl manifest ({e})",
            "это не манифест regl ({e})"
        ),
        ReadError::Version(v) => {
            let (old, new) = (manifest::v1::VERSION, manifest::MANIFEST_VERSION);
            t!(
                "it has manifest version {v}: this regl reads versions {old} and {new}",
                "у него версия манифеста {v}, а эта версия regl читает версии {old} и {new}"
            )
        }
    }
}

/// A file regl wrote, or would write, for a location `business.toml` no longer has.
pub struct Orphan {
    /// A bot config: the file, registered in the sources. An output folder: `None`.
    pub file: Option<FileId>,
    /// As the user reaches it: `bot/omsk.json`, `out/omsk`.
    pub shown: String,
    /// The location id the file or folder is named after.
    pub location: String,
    /// The output files in the folder (a bot config: 1).
    pub files: usize,
}

/// The largest bot config read to point at; a larger one is named without its text.
const MAX_ORPHAN_BYTES: u64 = 4 * 1024 * 1024;

/// The bot configs in the folders the locations' `bot_config`s live in that no location
/// names, and the folders of the output folder named like a location that is not in
/// `business.toml` and holding files named as regl names them (`…-<id>.docx`). Nothing
/// here is deleted: `render` and `export` prune only what their manifest lists.
pub fn orphans(
    business: &crate::model::Business,
    config_dir: &Path,
    out_dir: &Path,
    sources: &mut Sources,
) -> Vec<Orphan> {
    let ids: std::collections::BTreeSet<&str> =
        business.locations.iter().map(|l| l.id.as_str()).collect();
    let configs: std::collections::BTreeSet<PathBuf> = business
        .locations
        .iter()
        .map(|l| config_dir.join(l.bot_config.as_str()))
        .collect();
    let mut folders: Vec<PathBuf> = configs
        .iter()
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .filter(|p| p != config_dir)
        .collect();
    folders.dedup();
    let mut out = Vec::new();
    for folder in folders {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json") && regular_file(p))
            .filter(|p| !configs.contains(p))
            .collect();
        found.sort();
        for path in found {
            let location = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let small = std::fs::metadata(&path).is_ok_and(|m| m.len() <= MAX_ORPHAN_BYTES);
            let text = if small {
                std::fs::read_to_string(&path).unwrap_or_default()
            } else {
                String::new()
            };
            let shown = path
                .strip_prefix(config_dir)
                .unwrap_or(&path)
                .display()
                .to_string();
            out.push(Orphan {
                file: Some(sources.add(&path, text)),
                shown,
                location,
                files: 1,
            });
        }
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(out_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let id = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if ids.contains(id.as_str()) {
            continue;
        }
        let suffixes = [".docx", ".xlsx", ".json", ".md"].map(|x| format!("-{id}{x}"));
        let files = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                suffixes.iter().any(|s| name.ends_with(s.as_str()))
            })
            .count();
        if files > 0 {
            let shown = dir
                .strip_prefix(config_dir)
                .unwrap_or(&dir)
                .display()
                .to_string();
            out.push(Orphan {
                file: None,
                shown,
                location: id,
                files,
            });
        }
    }
    out
}
