//! `regl render`: every document of every location (or of `--location`), written to
//! `OUT/<loc>/`, with `OUT/regl-manifest.json` recording what each file was made from.
//!
//! Locations render in parallel and stream: a worker builds one location's files in memory,
//! stages them beside their targets under temporary names and drops them, so memory stays
//! flat however many locations there are. Only when every location has rendered are the
//! staged files renamed over the old ones and the manifest written; a failure anywhere
//! removes what was staged and leaves the previous outputs as they were. `--check` does
//! the same work but compares instead of staging.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::{Context, anyhow};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{OutputFormat, RenderArgs};
use crate::manifest::{self, Entry, Manifest};
use crate::model::business::{Business, Location};
use crate::output::write_atomic;
use crate::render::engine::Engine;
use crate::render::kind::DocKind;
use crate::render::pipeline::{FileFormat, Formats, render_location};

use super::{Failure, Outcome};

/// Everything a worker needs, shared read-only between threads.
struct Job<'a> {
    business: &'a Business,
    engine: &'a Engine,
    formats: Formats,
    out_dir: &'a Path,
    check: bool,
    /// The config's part of every output's inputs digest, hashed once.
    digest: &'a manifest::InputsDigest,
    /// Template (name, text) pairs per document kind, in `DocKind::ALL` order.
    templates: &'a [Vec<(String, String)>],
}

/// What became of one output file.
struct Done {
    entry: Entry,
    /// The temporary file holding the new bytes; `None` when the file is already current.
    staged: Option<PathBuf>,
    /// Under `--check`: why the file would change.
    drift: Option<&'static str>,
}

pub fn run(args: &RenderArgs) -> Outcome {
    let (sources, loaded) = super::load_for_output(&args.config)?;
    let b = &loaded.business;
    let text = &sources.get(loaded.file).text;

    let locations = select_locations(b, &args.locations)?;
    let formats = formats_of(&args.format);
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    let user_templates = loaded.dir().join("templates");
    let engine = Engine::for_lang(
        user_templates.is_dir().then_some(user_templates.as_path()),
        b.lang(),
    )
    .map_err(|e| Failure::Other(anyhow::Error::new(e)))?;
    let canonical = manifest::canonical_config(text, false)?;
    let content_sha256 = manifest::content_digest(text)?;
    let templates: Vec<Vec<(String, String)>> = DocKind::ALL
        .iter()
        .map(|&k| {
            if k.is_docx() {
                engine.sources(k, b.lang())
            } else {
                Vec::new()
            }
        })
        .collect();

    let mut created_dirs = Vec::new();
    if !args.check && !out_dir.exists() {
        fs::create_dir_all(&out_dir)
            .with_context(|| format!("cannot create folder `{}`", out_dir.display()))?;
        created_dirs.push(out_dir.clone());
    }
    let job = Job {
        business: b,
        engine: &engine,
        formats,
        out_dir: &out_dir,
        check: args.check,
        digest: &manifest::InputsDigest::new(&canonical),
        templates: &templates,
    };
    let (done, new_dirs, failure) = render_all(&job, &locations);
    created_dirs.extend(new_dirs);
    if let Some(e) = failure {
        discard(&done, &created_dirs);
        return Err(Failure::Other(e));
    }

    let manifest_path = out_dir.join(manifest::FILE_NAME);
    let previous = Manifest::read(&manifest_path).ok();
    let manifest = Manifest {
        regl_manifest: manifest::MANIFEST_VERSION,
        generator: format!("regl {}", env!("CARGO_PKG_VERSION")),
        document_version: b.document.version.to_string(),
        content_sha256,
        outputs: merged_entries(b, &out_dir, previous.as_ref(), &done),
    };
    let manifest_json = manifest.to_json();

    if args.check {
        return report_drift(&out_dir, &done, &manifest_path, &manifest_json);
    }
    commit(&done, &created_dirs)?;
    write_atomic(&manifest_path, manifest_json.as_bytes())?;
    let written = done.iter().filter(|d| d.staged.is_some()).count();
    super::print_stdout(&format!(
        "rendered {} files for {} location{} into {} ({written} written, {} unchanged)\n",
        done.len(),
        locations.len(),
        if locations.len() == 1 { "" } else { "s" },
        out_dir.display(),
        done.len() - written,
    ))
}

/// The locations asked for, in the config's order; an unknown id is a usage error.
fn select_locations<'b>(b: &'b Business, ids: &[String]) -> Result<Vec<&'b Location>, Failure> {
    if ids.is_empty() {
        return Ok(b.locations.iter().map(|l| &**l).collect());
    }
    for id in ids {
        if b.location(id).is_none() {
            let known: Vec<&str> = b.locations.iter().map(|l| l.id.as_str()).collect();
            let hint = crate::diag::did_you_mean(id, known.iter().copied())
                .map(|near| format!(": did you mean `{near}`?"))
                .unwrap_or_default();
            return Err(Failure::Other(anyhow!(
                "business.toml has no location `{id}`{hint} (locations: {})",
                known.join(", ")
            )));
        }
    }
    Ok(b.locations
        .iter()
        .filter(|l| ids.iter().any(|id| id == l.id.as_str()))
        .map(|l| &**l)
        .collect())
}

/// `md` adds the Markdown to the documents (SPEC: "also writes"); `docx` and `xlsx` pick
/// which documents.
fn formats_of(list: &[OutputFormat]) -> Formats {
    let has = |f| list.contains(&f);
    let md = has(OutputFormat::Md);
    let only_md = list.iter().all(|f| *f == OutputFormat::Md);
    Formats {
        docx: has(OutputFormat::Docx) || only_md,
        xlsx: has(OutputFormat::Xlsx) || only_md,
        md,
    }
}

/// Renders every location on all cores, streaming each location's files to disk (or
/// comparing them) as it is done. Returns what was done, the folders created, and the
/// first failure in location order (every earlier location was taken before it, so the
/// choice does not depend on scheduling).
fn render_all(
    job: &Job<'_>,
    locations: &[&Location],
) -> (Vec<Done>, Vec<PathBuf>, Option<anyhow::Error>) {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(locations.len())
        .max(1);
    let progress = progress_bar(locations.len());
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut done = Vec::new();
    let mut dirs = Vec::new();
    let mut failure: Option<(usize, anyhow::Error)> = None;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel(workers * 2);
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= locations.len() || stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let result = location(job, locations[i]);
                    if result.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                    if tx.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            progress.inc(1);
            match result {
                Ok((files, new_dir)) => {
                    done.extend(files);
                    dirs.extend(new_dir);
                }
                Err(e) => {
                    if failure.as_ref().is_none_or(|(at, _)| i < *at) {
                        failure = Some((i, e));
                    }
                }
            }
        }
    });
    progress.finish_and_clear();
    (done, dirs, failure.map(|(_, e)| e))
}

/// An indicatif bar on a terminal; nothing when stderr is piped or captured.
fn progress_bar(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} locations") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("rendering");
    bar
}

/// One location: render in memory, then stage (or compare) each file. On failure, what
/// this location staged is removed before returning.
fn location(job: &Job<'_>, loc: &Location) -> anyhow::Result<(Vec<Done>, Option<PathBuf>)> {
    let id = loc.id.as_str();
    let outputs = render_location(job.engine, job.business, loc, job.formats)?;
    let dir = job.out_dir.join(id);
    let mut new_dir = None;
    if !job.check && !dir.exists() {
        fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create folder `{}`", dir.display()))?;
        new_dir = Some(dir.clone());
    }
    let mut done: Vec<Done> = Vec::with_capacity(outputs.len());
    for out in outputs {
        let target = dir.join(&out.file_name);
        let kind_index = DocKind::ALL
            .iter()
            .position(|k| *k == out.kind)
            .unwrap_or(0);
        let templates = if out.format == FileFormat::Xlsx {
            &[][..]
        } else {
            &job.templates[kind_index][..]
        };
        let refs: Vec<(&str, &str)> = templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let entry = Entry {
            path: format!("{id}/{}", out.file_name),
            location: id.to_owned(),
            document: out.kind.stem().to_owned(),
            templates: templates.iter().map(|(n, _)| n.clone()).collect(),
            inputs_sha256: job.digest.of(id, &refs),
            output_sha256: manifest::sha256_hex(&out.bytes),
        };
        let current = match fs::read(&target) {
            Ok(old) => old == out.bytes,
            Err(_) => false,
        };
        let drift = (!current).then(|| {
            if target.exists() {
                "changed"
            } else {
                "missing"
            }
        });
        let staged = if current || job.check {
            None
        } else {
            match stage(&target, &out.bytes) {
                Ok(tmp) => Some(tmp),
                Err(e) => {
                    discard(&done, &[]);
                    return Err(e);
                }
            }
        };
        done.push(Done {
            entry,
            staged,
            drift,
        });
    }
    Ok((done, new_dir))
}

/// Writes `bytes` to a hidden temporary sibling of `target` and returns its path.
fn stage(target: &Path, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    // Found now, before any file is renamed into place, rather than half-way through
    // `commit` with some documents already replaced.
    if target.is_dir() {
        anyhow::bail!("cannot write `{}`: it is a folder", target.display());
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.{}.regl-tmp", std::process::id()));
    // No fsync per file. What keeps a reader from ever seeing a half-written document is
    // the rename in `commit`, not the sync; a sync per file only bought durability against
    // a power cut within seconds of the run, at the cost of a journal flush per file (a
    // sixth of a 1,000-location run). Outputs are derived: after such a crash a damaged
    // file no longer matches its `output_sha256`, which `regl render --check` and
    // `regl lint` report, and rendering again restores it from business.toml. The
    // manifest itself is still written with a sync (`write_atomic`).
    let result = fs::write(&tmp, bytes);
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write `{}`", target.display()));
    }
    Ok(tmp)
}

/// Removes every staged file and the folders this run created (when left empty).
fn discard(done: &[Done], created_dirs: &[PathBuf]) {
    for d in done {
        if let Some(tmp) = &d.staged {
            let _ = fs::remove_file(tmp);
        }
    }
    // Deepest first, so a location folder goes before the output folder holding it.
    for dir in created_dirs.iter().rev() {
        let _ = fs::remove_dir(dir);
    }
}

/// Renames every staged file over its target.
fn commit(done: &[Done], created_dirs: &[PathBuf]) -> anyhow::Result<()> {
    for (i, d) in done.iter().enumerate() {
        let Some(tmp) = &d.staged else { continue };
        let target = tmp.with_file_name(
            d.entry
                .path
                .rsplit('/')
                .next()
                .unwrap_or(d.entry.path.as_str()),
        );
        if let Err(e) = fs::rename(tmp, &target) {
            discard(&done[i..], created_dirs);
            return Err(e).with_context(|| format!("cannot write `{}`", target.display()));
        }
    }
    Ok(())
}

/// The manifest's entries: this run's, plus earlier ones for files this run did not make
/// (other locations or formats) that still exist and still belong to a location.
fn merged_entries(
    b: &Business,
    out_dir: &Path,
    previous: Option<&Manifest>,
    done: &[Done],
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = done.iter().map(|d| d.entry.clone()).collect();
    let made: BTreeSet<&str> = done.iter().map(|d| d.entry.path.as_str()).collect();
    if let Some(prev) = previous {
        for e in &prev.outputs {
            if !made.contains(e.path.as_str())
                && b.location(&e.location).is_some()
                && out_dir.join(&e.path).is_file()
            {
                entries.push(e.clone());
            }
        }
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    entries
}

/// `--check`: lists every file that would change and fails when there is one.
fn report_drift(out_dir: &Path, done: &[Done], manifest_path: &Path, manifest: &str) -> Outcome {
    let mut drift: Vec<(String, &str)> = done
        .iter()
        .filter_map(|d| {
            d.drift
                .map(|why| (out_dir.join(&d.entry.path).display().to_string(), why))
        })
        .collect();
    drift.sort();
    match fs::read(manifest_path) {
        Ok(old) if old == manifest.as_bytes() => {}
        Ok(_) => drift.push((manifest_path.display().to_string(), "changed")),
        Err(_) => drift.push((manifest_path.display().to_string(), "missing")),
    }
    if drift.is_empty() {
        return super::print_stdout(&format!(
            "{} files in {} are up to date\n",
            done.len() + 1,
            out_dir.display()
        ));
    }
    let mut text = String::new();
    for (path, why) in &drift {
        let _ = writeln!(text, "{why}: {path}");
    }
    let _ = writeln!(
        text,
        "{} of {} files would change: run `regl render` and commit them",
        drift.len(),
        done.len() + 1
    );
    super::print_stdout(&text)?;
    Err(Failure::Findings)
}
