//! `regl render`: every document of every location (or of `--location`), written to
//! `OUT/<loc>/`, with `OUT/regl-manifest.json` recording what each file was made from.
//!
//! Locations render in parallel and stream: a worker builds one location's files in memory,
//! stages them beside their targets under temporary names and drops them, so memory stays
//! flat however many locations there are. Only when every location has rendered are the
//! staged files renamed over the old ones and the manifest written; a failure anywhere
//! removes what was staged and leaves the previous outputs as they were. `--check` does
//! the same work but compares instead of staging.
//!
//! The manifest keeps what earlier runs recorded for what this run did not make: other
//! locations, other formats, the files `export` wrote, and the section digests of earlier
//! document versions.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::{Context, anyhow};

use crate::cli::{OutputFormat, RenderArgs};
use crate::i18n::{self, Lang, Text, t};
use crate::manifest::{
    self, ConfigDigests, Entry, Kind, LocationInputs, Manifest, SectionDigests, Verb,
};
use crate::model::business::{Business, Location};
use crate::output::write_atomic;
use crate::render::engine::Engine;
use crate::render::kind::DocKind;
use crate::render::pipeline::{FileFormat, Formats, Output, render_location, render_operator};

use super::{Failure, Outcome};

/// Everything a worker needs, shared read-only between threads.
struct Job<'a> {
    business: &'a Business,
    engine: &'a Engine,
    /// What the pipeline makes: the Markdown of every Word document too, for its section
    /// digests, even when it is not written.
    formats: Formats,
    /// Whether the Markdown is written (`--format md`).
    write_md: bool,
    out_dir: &'a Path,
    check: bool,
    /// The language of the messages.
    lang: Lang,
    /// The config's part of every output's inputs digest, hashed once.
    digest: &'a manifest::InputsDigest,
    /// Template (name, text) pairs per document kind, in `DocKind::ALL` order.
    templates: &'a [Vec<(String, String)>],
    /// The section digests earlier renders recorded: the acknowledgement's "what changed".
    earlier_sections: Option<&'a manifest::Sections>,
    /// What the last render wrote, path → digest: a document whose bytes differ from it
    /// was edited by hand, and the run says so before it replaces the edit.
    earlier_outputs: std::collections::HashMap<&'a str, &'a str>,
    /// The operator's documents (one policy and consent for every location), made before
    /// the locations so that each location's sections include theirs: the staff of every
    /// location read the policy, and the acknowledgement says which of its sections changed.
    operator: Vec<Output>,
    /// Per operator Word document (by stem), the digests of its Markdown's sections.
    operator_sections: Vec<(&'static str, SectionDigests)>,
}

/// What became of one output file.
struct Done {
    entry: Entry,
    /// The temporary file holding the new bytes; `None` when the file is already current.
    staged: Option<PathBuf>,
    /// Under `--check`: why the file would change.
    drift: Option<&'static str>,
    /// The file on disk is not what the last render wrote: someone edited it.
    edited: bool,
}

/// What became of one location.
struct LocationDone {
    id: String,
    files: Vec<Done>,
    /// The location's folder, when this run created it.
    new_dir: Option<PathBuf>,
    /// Per Word document (by stem), the digests of its Markdown's sections.
    sections: Vec<(&'static str, SectionDigests)>,
    /// Per Word document: its stem, the path of its Markdown and the digest of its text.
    texts: Vec<Text256>,
}

/// What a Word document says, as one digest: (stem, Markdown path, digest of the Markdown).
type Text256 = (&'static str, String, String);

/// The digest of a Markdown output, keyed as [`Manifest::published`] keys it.
fn text_digest(out: &Output, location: Option<&str>) -> Text256 {
    let path = match location {
        Some(id) => format!("{id}/{}", out.file_name),
        None => out.file_name.clone(),
    };
    (out.kind.stem(), path, manifest::sha256_hex(&out.bytes))
}

pub fn run(args: &RenderArgs) -> Outcome {
    let (sources, loaded, todos) = super::load_counting_todos(&args.business.config)?;
    let b = &loaded.business;
    let text = &sources.get(loaded.file).text;

    let lang = i18n::choose(Some(b.lang()));
    let locations = select_locations(b, &args.locations, lang)?;
    let formats = formats_of(&args.format);
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    let user_templates = loaded.dir().join("templates");
    let engine = Engine::for_lang(
        user_templates.is_dir().then_some(user_templates.as_path()),
        b.lang(),
    )
    .map_err(|e| Failure::Other(anyhow::Error::new(e)))?;
    let parsed = manifest::Canonical::of(text)?;
    let canonical = parsed.text()?;
    let (content_sha256, config_digests) = parsed.digests()?;
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

    if !args.check {
        super::remove_stale_temporaries(&crate::stale_temporaries::output_folders(&out_dir), lang);
    }
    let manifest_path = out_dir.join(manifest::FILE_NAME);
    let earlier = Manifest::read(&manifest_path).ok();
    let mut created_dirs = Vec::new();
    if !args.check && !out_dir.exists() {
        fs::create_dir_all(&out_dir).with_context(|| cannot_create(&out_dir, lang))?;
        created_dirs.push(out_dir.clone());
    }
    let mut job = Job {
        business: b,
        engine: &engine,
        formats: Formats {
            md: formats.md || formats.docx,
            ..formats
        },
        write_md: formats.md,
        out_dir: &out_dir,
        check: args.check,
        lang,
        digest: &manifest::InputsDigest::new(&canonical),
        templates: &templates,
        earlier_sections: earlier.as_ref().map(|m| &m.sections),
        earlier_outputs: earlier
            .iter()
            .flat_map(|m| &m.outputs)
            .map(|e| (e.path.as_str(), e.output_sha256.as_str()))
            .collect(),
        operator: Vec::new(),
        operator_sections: Vec::new(),
    };
    job.operator = render_operator(job.engine, job.business, job.formats)
        .map_err(|e| Failure::Other(e.into()))?;
    job.operator_sections = job
        .operator
        .iter()
        .filter(|out| out.format == FileFormat::Markdown)
        .map(|out| {
            (
                out.kind.stem(),
                manifest::digest_sections(&String::from_utf8_lossy(&out.bytes)),
            )
        })
        .collect();
    let (mut rendered, mut failure) = render_all(&job, &locations);
    created_dirs.extend(rendered.iter().filter_map(|l| l.new_dir.clone()));
    let mut done: Vec<Done> = rendered
        .iter_mut()
        .flat_map(|l| l.files.drain(..))
        .collect();
    let mut operator_texts = Vec::new();
    if failure.is_none() {
        match operator(&job) {
            Ok((files, texts)) => {
                done.extend(files);
                operator_texts = texts;
            }
            Err(e) => failure = Some(e),
        }
    }
    if let Some(e) = failure {
        discard(&done, &created_dirs);
        return Err(Failure::Other(e));
    }

    let mut manifest = Manifest::continuing(earlier.clone());
    let run = Run {
        business: b,
        out_dir: &out_dir,
        digests: &config_digests,
        version: b.document.version.to_string(),
    };
    let pruned = run.record(
        &mut manifest,
        &content_sha256,
        &done,
        rendered,
        operator_texts,
    );
    let manifest_json = manifest.to_json();

    if args.check {
        return report_drift(
            &out_dir,
            &done,
            &pruned,
            &manifest_path,
            &manifest_json,
            lang,
        );
    }
    commit(&done, &created_dirs, lang)?;
    write_atomic(&manifest_path, manifest_json.as_bytes())?;
    report_replaced_edits(&done, &out_dir, lang);
    super::prune::remove(&out_dir, &pruned, lang)?;
    let written = done.iter().filter(|d| d.staged.is_some()).count();
    let (files, places, unchanged) = (done.len(), locations.len(), done.len() - written);
    let s = if places == 1 { "" } else { "s" };
    let out = out_dir.display();
    let summary = t!(
        "rendered {files} files for {places} location{s} into {out} ({written} written, {unchanged} unchanged)\n",
        "сформировано файлов: {files}, филиалов: {places}, в {out} (записано: {written}, без изменений: {unchanged})\n"
    );
    super::print_stdout(summary.get(lang))?;
    super::print_todos(todos, lang);
    Ok(())
}

fn cannot_create(dir: &Path, lang: Lang) -> String {
    let dir = dir.display();
    t!(
        "cannot create folder `{dir}`",
        "не удаётся создать папку `{dir}`"
    )
    .get(lang)
    .to_owned()
}

fn cannot_write(target: &Path, lang: Lang) -> String {
    let target = target.display();
    t!("cannot write `{target}`", "не удаётся записать `{target}`")
        .get(lang)
        .to_owned()
}

/// The locations asked for, in the config's order; an unknown id is a usage error.
fn select_locations<'b>(
    b: &'b Business,
    ids: &[String],
    lang: Lang,
) -> Result<Vec<&'b Location>, Failure> {
    if ids.is_empty() {
        return Ok(b.locations.iter().map(|l| &**l).collect());
    }
    for id in ids {
        if b.location(id).is_none() {
            let known: Vec<&str> = b.locations.iter().map(|l| l.id.as_str()).collect();
            let hint = crate::diag::did_you_mean(id, known.iter().copied())
                .map_or_else(Text::default, |near| {
                    t!(": did you mean `{near}`?", ": может быть, `{near}`?")
                });
            let known = known.join(", ");
            let message = t!(
                "business.toml has no location `{id}`{hint} (locations: {known})",
                "в business.toml нет филиала `{id}`{hint} (филиалы: {known})",
                id = id,
                hint = hint,
                known = known,
            );
            return Err(Failure::Other(anyhow!("{}", message.get(lang))));
        }
    }
    Ok(b.locations
        .iter()
        .filter(|l| ids.iter().any(|id| id == l.id.as_str()))
        .map(|l| &**l)
        .collect())
}

/// Exactly the formats listed (SPEC §2): `docx` and `xlsx` pick the documents, `md` the
/// Markdown each Word document was made from, written only when listed.
fn formats_of(list: &[OutputFormat]) -> Formats {
    let has = |f| list.contains(&f);
    Formats {
        docx: has(OutputFormat::Docx),
        xlsx: has(OutputFormat::Xlsx),
        md: has(OutputFormat::Md),
    }
}

/// Renders every location on all cores, streaming each location's files to disk (or
/// comparing them) as it is done. Returns what was done, the folders created, and the
/// first failure in location order (every earlier location was taken before it, so the
/// choice does not depend on scheduling).
fn render_all(
    job: &Job<'_>,
    locations: &[&Location],
) -> (Vec<LocationDone>, Option<anyhow::Error>) {
    let workers = crate::workers::count(locations.len());
    let prefix = Text::new("rendering", "формирование");
    let progress = super::progress::bar(locations.len(), &prefix, job.lang);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut done = Vec::new();
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
                Ok(location) => done.push((i, location)),
                Err(e) => {
                    if failure.as_ref().is_none_or(|(at, _)| i < *at) {
                        failure = Some((i, e));
                    }
                }
            }
        }
    });
    progress.finish_and_clear();
    // In the config's order, whichever worker finished first.
    done.sort_by_key(|(i, _)| *i);
    (
        done.into_iter().map(|(_, l)| l).collect(),
        failure.map(|(_, e)| e),
    )
}

/// One location: render in memory, then stage (or compare) each file. On failure, what
/// this location staged is removed before returning.
fn location(job: &Job<'_>, loc: &Location) -> anyhow::Result<LocationDone> {
    let id = loc.id.as_str();
    let outputs = render_location(job.engine, job.business, loc, job.formats)?;
    let dir = job.out_dir.join(id);
    let mut new_dir = None;
    if !job.check && !dir.exists() {
        fs::create_dir_all(&dir).with_context(|| cannot_create(&dir, job.lang))?;
        new_dir = Some(dir.clone());
    }
    let mut done: Vec<Done> = Vec::with_capacity(outputs.len());
    let mut sections = Vec::new();
    let mut texts = Vec::new();
    for out in outputs {
        if out.format == FileFormat::Markdown {
            texts.push(text_digest(&out, Some(id)));
            sections.push((
                out.kind.stem(),
                manifest::digest_sections(&String::from_utf8_lossy(&out.bytes)),
            ));
            if !job.write_md {
                continue;
            }
        }
        match output_file(job, &out, &dir, Some(id)) {
            Ok(d) => done.push(d),
            Err(e) => {
                discard(&done, &[]);
                return Err(e);
            }
        }
    }
    sections.extend(job.operator_sections.iter().cloned());
    if job.formats.xlsx {
        for made in [
            test_plan_file(job, loc, &dir),
            checklist_file(job, loc, &dir),
            acknowledgement_file(job, loc, &dir, &sections),
        ] {
            match made {
                Ok(d) => done.push(d),
                Err(e) => {
                    discard(&done, &[]);
                    return Err(e);
                }
            }
        }
    }
    Ok(LocationDone {
        id: id.to_owned(),
        files: done,
        new_dir,
        sections,
        texts,
    })
}

/// One rendered file: its manifest entry, and the bytes staged beside the target unless
/// they are already there (or this is `--check`). `location` is `None` for the operator's
/// documents, which sit at the output folder's root.
fn output_file(
    job: &Job<'_>,
    out: &Output,
    dir: &Path,
    location: Option<&str>,
) -> anyhow::Result<Done> {
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
        path: match location {
            Some(id) => format!("{id}/{}", out.file_name),
            None => out.file_name.clone(),
        },
        verb: Verb::Render,
        kind: if out.format == FileFormat::Markdown {
            Kind::Markdown
        } else {
            Kind::Document
        },
        location: location.map(str::to_owned),
        document: out.kind.stem().to_owned(),
        templates: templates.iter().map(|(n, _)| n.clone()).collect(),
        inputs_sha256: job.digest.of(location.unwrap_or(""), &refs),
        output_sha256: manifest::sha256_hex(&out.bytes),
    };
    let (current, edited) = match fs::read(&target) {
        Ok(old) if old == out.bytes => (true, false),
        Ok(old) => (false, job.edited(&entry.path, &old)),
        Err(_) => (false, false),
    };
    let drift = (!current).then(|| {
        if edited {
            "edited by hand"
        } else if target.exists() {
            "changed"
        } else {
            "missing"
        }
    });
    let staged = if current || job.check {
        None
    } else {
        Some(stage(&target, &out.bytes, job.lang)?)
    };
    Ok(Done {
        entry,
        staged,
        drift,
        edited,
    })
}

impl Job<'_> {
    /// Whether `old`, the file at `path` before this run, differs from what the last render
    /// wrote there (D403's hand edit). Unknown to the manifest: not an edit of ours.
    fn edited(&self, path: &str, old: &[u8]) -> bool {
        self.earlier_outputs
            .get(path)
            .is_some_and(|sha| *sha != manifest::sha256_hex(old))
    }
}

/// Says which hand-edited documents this run replaced: the edit is gone from the file (git
/// still has it), and the way to keep it is in business.toml or a template.
fn report_replaced_edits(done: &[Done], out_dir: &Path, lang: Lang) {
    let edited: Vec<String> = done
        .iter()
        .filter(|d| d.edited && d.staged.is_some())
        .map(|d| out_dir.join(&d.entry.path).display().to_string())
        .collect();
    if edited.is_empty() {
        return;
    }
    let mut text = String::new();
    for path in &edited {
        let line = t!(
            "warning: `{path}` had been edited by hand since the last render: the edit is replaced (see it with `git diff`)\n",
            "предупреждение: `{path}` правили вручную после прошлого `regl render`: правка заменена (её видно в `git diff`)\n"
        );
        text.push_str(line.get(lang));
    }
    let hint = t!(
        "help: make the change in business.toml or in a template in templates/, so that every render keeps it\n",
        "подсказка: внесите изменение в business.toml или в шаблон в templates/, тогда его сохранит каждый `regl render`\n"
    );
    text.push_str(hint.get(lang));
    eprint!("{text}");
}

/// The location's pilot plan, a working copy (SPEC §7): what testers entered in an existing
/// one is kept, rows matched by id.
fn test_plan_file(job: &Job<'_>, loc: &Location, dir: &Path) -> anyhow::Result<Done> {
    use crate::render::xlsx::{test_plan, test_plan_rows};
    let name = format!("test-plan-{}.xlsx", loc.id.as_str());
    let old = fs::read(dir.join(&name)).ok();
    let rows = test_plan_rows::rows(job.business, loc);
    let kept = test_plan::kept(old.as_deref());
    let lang = job.business.lang();
    let city = loc.city.as_str();
    let title = match lang {
        Lang::Ru => format!("План пилота: {city}"),
        Lang::En => format!("Pilot plan: {city}"),
    };
    let created = *job.business.document.effective_date;
    let bytes = test_plan::write(&rows, &kept, lang, &title, created)?;
    let copy = WorkingCopy {
        name,
        document: "test-plan",
        layout: test_plan::LAYOUT,
        other_sheets: &[],
    };
    working_copy_file(job, loc, dir, &copy, old.as_deref(), &bytes)
}

/// The location's launch checklist, a working copy: the owners' status, date and comment
/// are kept, rows matched by the step's id.
fn checklist_file(job: &Job<'_>, loc: &Location, dir: &Path) -> anyhow::Result<Done> {
    use crate::render::xlsx::checklist;
    use crate::working_copy::checklist::LAYOUT;
    let name = checklist::file_name(loc.id.as_str());
    let old = fs::read(dir.join(&name)).ok();
    let blank = [crate::working_copy::status::StepStatus::NotStarted.word(job.business.lang())];
    let kept = LAYOUT.kept(old.as_deref(), &blank);
    let bytes = checklist::write(job.business, loc, &kept)?;
    let copy = WorkingCopy {
        name,
        document: "launch-checklist",
        layout: LAYOUT,
        other_sheets: &[],
    };
    working_copy_file(job, loc, dir, &copy, old.as_deref(), &bytes)
}

/// The location's staff acknowledgement, a working copy: every signed line is kept, those
/// of earlier versions too. `sections` are this render's, to compare with earlier ones.
fn acknowledgement_file(
    job: &Job<'_>,
    loc: &Location,
    dir: &Path,
    sections: &[(&'static str, manifest::SectionDigests)],
) -> anyhow::Result<Done> {
    use crate::render::xlsx::acknowledgement::{self, History};
    use crate::working_copy::acknowledgement::LAYOUT;
    let name = acknowledgement::file_name(loc.id.as_str());
    let old = fs::read(dir.join(&name)).ok();
    let kept = LAYOUT.kept(old.as_deref(), &[]);
    let history = History {
        current: sections,
        earlier: job.earlier_sections,
    };
    let bytes = acknowledgement::write(job.business, loc, &history, &kept)?;
    let copy = WorkingCopy {
        name,
        document: "acknowledgement",
        layout: LAYOUT,
        // "What changed" and "who reads what" are regl's alone.
        other_sheets: &[0, 1],
    };
    working_copy_file(job, loc, dir, &copy, old.as_deref(), &bytes)
}

/// A working copy of a location, as its builder describes it.
struct WorkingCopy {
    name: String,
    /// The manifest's name for it: `launch-checklist`.
    document: &'static str,
    layout: crate::working_copy::Layout,
    /// Sheets besides the working one that regl alone writes.
    other_sheets: &'static [usize],
}

/// Stages a working copy (SPEC §7) unless the existing file already says what regl would
/// write in its columns: then it is left as people saved it.
fn working_copy_file(
    job: &Job<'_>,
    loc: &Location,
    dir: &Path,
    copy: &WorkingCopy,
    old: Option<&[u8]>,
    bytes: &[u8],
) -> anyhow::Result<Done> {
    let id = loc.id.as_str();
    let current =
        old.is_some_and(|o| o == bytes || copy.layout.same_regl(o, bytes, copy.other_sheets));
    let written = match (old, current) {
        (Some(o), true) => o,
        _ => bytes,
    };
    let entry = Entry {
        path: format!("{id}/{}", copy.name),
        verb: Verb::Render,
        kind: Kind::WorkingCopy,
        location: Some(id.to_owned()),
        document: copy.document.to_owned(),
        templates: Vec::new(),
        inputs_sha256: job.digest.of(id, &[]),
        output_sha256: manifest::sha256_hex(written),
    };
    let drift = (!current).then(|| if old.is_some() { "changed" } else { "missing" });
    let staged = if current || job.check {
        None
    } else {
        Some(stage(&dir.join(&copy.name), bytes, job.lang)?)
    };
    Ok(Done {
        entry,
        staged,
        drift,
        // What testers enter is kept by the merge, not replaced: never a lost edit.
        edited: false,
    })
}

/// The operator's documents (one policy, consent and written consent for every location),
/// staged at the output folder's root.
fn operator(job: &Job<'_>) -> anyhow::Result<(Vec<Done>, Vec<Text256>)> {
    let mut done = Vec::new();
    let mut texts = Vec::new();
    for out in &job.operator {
        if out.format == FileFormat::Markdown {
            texts.push(text_digest(out, None));
            if !job.write_md {
                continue;
            }
        }
        match output_file(job, out, job.out_dir, None) {
            Ok(d) => done.push(d),
            Err(e) => {
                discard(&done, &[]);
                return Err(e);
            }
        }
    }
    Ok((done, texts))
}

/// Writes `bytes` to a hidden temporary sibling of `target` and returns its path.
fn stage(target: &Path, bytes: &[u8], lang: Lang) -> anyhow::Result<PathBuf> {
    // Found now, before any file is renamed into place, rather than half-way through
    // `commit` with some documents already replaced.
    if target.is_dir() {
        let shown = target.display();
        let message = t!(
            "cannot write `{shown}`: it is a folder",
            "не удаётся записать `{shown}`: это папка"
        );
        anyhow::bail!("{}", message.get(lang));
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
        return Err(e).with_context(|| cannot_write(target, lang));
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
fn commit(done: &[Done], created_dirs: &[PathBuf], lang: Lang) -> anyhow::Result<()> {
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
            return Err(e).with_context(|| cannot_write(&target, lang));
        }
    }
    Ok(())
}

/// What a render records in the manifest besides its files.
struct Run<'a> {
    business: &'a Business,
    out_dir: &'a Path,
    digests: &'a ConfigDigests,
    version: String,
}

impl Run<'_> {
    /// Records this run in `m`; returns the files of earlier runs to prune (of locations
    /// no longer in `business.toml`), which leave the manifest with this record.
    fn record(
        &self,
        m: &mut Manifest,
        content_sha256: &str,
        done: &[Done],
        rendered: Vec<LocationDone>,
        operator_texts: Vec<Text256>,
    ) -> Vec<String> {
        let b = self.business;
        let ids: BTreeSet<&str> = b.locations.iter().map(|l| l.id.as_str()).collect();
        let listed = |loc: &str| ids.contains(loc);
        let pruned = m.prunable(Verb::Render, listed);
        let earlier_content = m.content_sha256.replace(content_sha256.to_owned());
        let earlier_version = m.document_version.replace(self.version.clone());
        m.record_outputs(
            Verb::Render,
            done.iter().map(|d| d.entry.clone()).collect(),
            |e| e.location.as_deref().is_none_or(listed) && self.out_dir.join(&e.path).is_file(),
        );
        m.inputs.retain(|loc, _| listed(loc));
        m.sections.retain_locations(listed);
        // The locations with documents this run did not re-make, as the manifest lists them.
        // The Markdown is a reading aid beside the documents and does not count.
        let remade: BTreeSet<&str> = done.iter().map(|d| d.entry.path.as_str()).collect();
        let kept: BTreeSet<String> = m
            .outputs
            .iter()
            .filter(|e| {
                e.verb == Verb::Render && e.kind != Kind::Markdown && !remade.contains(&*e.path)
            })
            .filter_map(|e| e.location.clone())
            .collect();
        // A version 1 manifest recorded one digest of the whole config and none per
        // location. Its documents this run leaves were made from the current inputs when
        // that digest is the current one; otherwise from inputs no current digest matches,
        // which its own digest stands for, so lint keeps calling them stale.
        let earlier_current = earlier_content.as_deref() == Some(content_sha256)
            && earlier_version.as_deref() == Some(self.version.as_str());
        for id in &kept {
            if m.inputs.contains_key(id) || !listed(id) {
                continue;
            }
            let inputs = if earlier_current {
                self.inputs_of(id)
            } else {
                let digest = earlier_content.clone().unwrap_or_default();
                LocationInputs {
                    business_sha256: digest.clone(),
                    location_sha256: digest,
                    document_version: earlier_version.clone().unwrap_or_default(),
                }
            };
            m.inputs.insert(id.clone(), inputs);
        }
        for l in rendered {
            // A location's inputs are what *all* its documents were made from: when this run
            // re-made only some (`--format xlsx`), the rest still come from the earlier
            // inputs, and the earlier record stays.
            if !kept.contains(&l.id) {
                m.inputs.insert(l.id.clone(), self.inputs_of(&l.id));
            }
            for (document, sections) in l.sections {
                m.sections.record(document, &self.version, &l.id, sections);
            }
            for (document, path, sha) in l.texts {
                record_text(m, document, &self.version, &path, &sha);
            }
        }
        for (document, path, sha) in operator_texts {
            record_text(m, document, &self.version, &path, &sha);
        }
        // The tables of each business-level state some location's documents still rest on.
        m.business_tables.insert(
            self.digests.business_sha256.clone(),
            self.digests.tables.clone(),
        );
        let used: BTreeSet<&str> = m
            .inputs
            .values()
            .map(|i| i.business_sha256.as_str())
            .collect();
        m.business_tables
            .retain(|sha, _| used.contains(sha.as_str()));
        let of_listed = |path: &str| path.split_once('/').is_none_or(|(loc, _)| listed(loc));
        for p in m.published.values_mut() {
            p.retain(of_listed);
        }
        pruned
    }

    /// What `location`'s documents are made from now.
    fn inputs_of(&self, location: &str) -> LocationInputs {
        LocationInputs {
            business_sha256: self.digests.business_sha256.clone(),
            location_sha256: self
                .digests
                .locations
                .get(location)
                .cloned()
                .unwrap_or_default(),
            document_version: self.version.clone(),
        }
    }
}

fn record_text(m: &mut Manifest, document: &str, version: &str, path: &str, sha: &str) {
    m.published
        .entry(document.to_owned())
        .or_default()
        .record(version, path, sha);
}

/// `--check`: lists every file that would change and fails when there is one. Each file's
/// line (`changed: PATH`, `missing: PATH`) reads the same in every language: scripts and CI
/// read it; the sentence after it is the user's.
fn report_drift(
    out_dir: &Path,
    done: &[Done],
    pruned: &[String],
    manifest_path: &Path,
    manifest: &str,
    lang: Lang,
) -> Outcome {
    let mut drift: Vec<(String, &str)> = done
        .iter()
        .filter_map(|d| {
            d.drift
                .map(|why| (out_dir.join(&d.entry.path).display().to_string(), why))
        })
        .collect();
    drift.extend(
        pruned
            .iter()
            .filter(|p| out_dir.join(p).exists())
            .map(|p| (out_dir.join(p).display().to_string(), "removed")),
    );
    drift.sort();
    match fs::read(manifest_path) {
        Ok(old) if old == manifest.as_bytes() => {}
        Ok(_) => drift.push((manifest_path.display().to_string(), "changed")),
        Err(_) => drift.push((manifest_path.display().to_string(), "missing")),
    }
    let files = done.len() + 1;
    if drift.is_empty() {
        let out = out_dir.display();
        let summary = t!(
            "{files} files in {out} are up to date\n",
            "файлы в {out} актуальны: {files}\n"
        );
        return super::print_stdout(summary.get(lang));
    }
    let mut text = String::new();
    for (path, why) in &drift {
        let _ = writeln!(text, "{why}: {path}");
    }
    let changing = drift.len();
    let summary = t!(
        "{changing} of {files} files would change: run `regl render` and commit them",
        "изменятся файлы: {changing} из {files}; запустите `regl render` и закоммитьте их"
    );
    let _ = writeln!(text, "{}", summary.get(lang));
    super::print_stdout(&text)?;
    Err(Failure::Findings)
}
