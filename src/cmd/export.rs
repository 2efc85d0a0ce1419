//! `regl export`: loads and checks the business, then writes each location's bot scripts
//! and the Bitrix24 mapping atomically, or with `--check` only says what would change.
//!
//! The files are written as one set: a bot runtime that reads its config next to a mapping
//! from another run would create fields the bot never fills, so a failure on any file
//! leaves every previous file as it was.
//!
//! What was exported is recorded in `OUT/regl-manifest.json` beside what `render` recorded,
//! written in the same set as the files.
//!
//! Each file's line (`would change: PATH`, `wrote PATH`) reads the same in every language,
//! for the scripts and CI that read it; the sentences around it are in the user's.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Component, Path};

use anyhow::anyhow;

use crate::cli::ExportArgs;
use crate::diag::did_you_mean;
use crate::export;
use crate::i18n::{self, Lang, Text, t};
use crate::manifest::{self, Entry, InputsDigest, Kind, Manifest, Verb};
use crate::model::business::{Business, Location};
use crate::output::write_all_atomic;

use super::{Failure, Outcome};

/// The locations named by `--location`, or all of them; an unknown id is a usage error.
pub fn select<'a>(
    b: &'a Business,
    ids: &[String],
    lang: Lang,
) -> Result<Vec<&'a Location>, Failure> {
    if ids.is_empty() {
        return Ok(b.locations.iter().map(|l| &l.value).collect());
    }
    let known: Vec<&str> = b.locations.iter().map(|l| l.id.as_str()).collect();
    let mut picked: Vec<&Location> = Vec::new();
    for id in ids {
        let Some(loc) = b.location(id) else {
            let all = known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let near = did_you_mean(id, known.iter().copied()).map_or_else(Text::default, |n| {
                t!(" (did you mean `{n}`?)", " (может быть, `{n}`?)")
            });
            let message = t!(
                "unknown location `{id}`{near}: business.toml has {all}",
                "неизвестный филиал `{id}`{near}: в business.toml есть {all}",
                id = id,
                near = near,
                all = all,
            );
            return Err(Failure::Other(anyhow!("{}", message.get(lang))));
        };
        if !picked.iter().any(|p| p.id.as_str() == id) {
            picked.push(loc);
        }
    }
    Ok(picked)
}

pub fn run(args: &ExportArgs) -> Outcome {
    let (sources, loaded) = super::load_for_output(&args.business.config)?;
    let b = &loaded.business;
    let text = &sources.get(loaded.file).text;
    let lang = i18n::choose(Some(b.lang()));
    let locations = select(b, &args.locations, lang)?;
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    if let Some(provider) = &args.dataset {
        return super::export_dataset::run(b, &locations, provider, &out_dir, args.check, lang);
    }
    if !args.check {
        let mut dirs = crate::stale_temporaries::output_folders(&out_dir);
        if args.bot_configs {
            dirs.extend(locations.iter().filter_map(|l| {
                loaded
                    .dir()
                    .join(l.bot_config.as_str())
                    .parent()
                    .map(Path::to_path_buf)
            }));
            dirs.dedup();
        }
        super::remove_stale_temporaries(&dirs, lang);
    }
    let prefix = Text::new("exporting", "экспорт");
    let progress = super::progress::bar(locations.len(), &prefix, lang);
    let mut outputs: Vec<export::Output> = Vec::with_capacity(locations.len() + 1);
    for loc in &locations {
        outputs.push(export::location_output(b, loc));
        progress.inc(1);
    }
    outputs.push(export::mapping_output(b));
    progress.finish_and_clear();

    let changed: Vec<&export::Output> = outputs
        .iter()
        .filter(|o| std::fs::read(out_dir.join(&o.path)).ok().as_deref() != Some(&o.bytes[..]))
        .collect();
    let copies = if args.bot_configs {
        runtime_copies(b, &locations, loaded.dir())
    } else {
        Vec::new()
    };
    let copies: Vec<&RuntimeCopy> = copies.iter().filter(|c| c.changed).collect();

    let manifest_path = out_dir.join(manifest::FILE_NAME);
    let digest = InputsDigest::new(&manifest::canonical_config(text, false)?);
    let mut record = Manifest::continuing(Manifest::read(&manifest_path).ok());
    let pruned = record.prunable(Verb::Export, |l| b.location(l).is_some());
    record.record_outputs(
        Verb::Export,
        outputs.iter().map(|o| entry(&digest, o)).collect(),
        |e| {
            e.location
                .as_deref()
                .is_none_or(|l| b.location(l).is_some())
                && out_dir.join(&e.path).is_file()
        },
    );
    let manifest_json = record.to_json();
    let manifest_changed =
        std::fs::read(&manifest_path).ok().as_deref() != Some(manifest_json.as_bytes());

    if args.check {
        let pruning: Vec<&String> = pruned.iter().filter(|p| out_dir.join(p).exists()).collect();
        if changed.is_empty() && !manifest_changed && copies.is_empty() && pruning.is_empty() {
            let (files, out) = (outputs.len(), out_dir.display());
            let summary = t!(
                "export is up to date: {files} files in {out}\n",
                "экспорт актуален: файлов в {out}: {files}\n"
            );
            return super::print_stdout(summary.get(lang));
        }
        let mut err = std::io::stderr().lock();
        for o in &changed {
            let _ = writeln!(err, "would change: {}", shown(&out_dir, &o.path));
        }
        if manifest_changed {
            let _ = writeln!(err, "would change: {}", manifest_path.display());
        }
        for p in &pruning {
            let _ = writeln!(err, "would remove: {}", out_dir.join(p).display());
        }
        for c in &copies {
            let _ = writeln!(err, "would change: {}", c.path.display());
            list_discarded(&mut err, c, lang, false);
        }
        let hint = t!(
            "run `regl export` to update them",
            "запустите `regl export`, чтобы обновить их"
        );
        let _ = writeln!(err, "{}", hint.get(lang));
        return Err(Failure::Findings);
    }

    let mut files: Vec<_> = changed
        .iter()
        .map(|o| (out_dir.join(&o.path), &o.bytes[..]))
        .collect();
    if manifest_changed {
        files.push((manifest_path, manifest_json.as_bytes()));
    }
    files.extend(copies.iter().map(|c| (c.path.clone(), &c.bytes[..])));
    write_all_atomic(&files)?;
    super::prune::remove(&out_dir, &pruned, lang)?;
    let mut report = String::new();
    // One `wrote PATH` line per file while they are few (CI greps them); for hundreds of
    // locations the summary below says how many changed instead.
    if changed.len() <= MAX_LISTED {
        for o in &changed {
            let _ = writeln!(report, "wrote {}", shown(&out_dir, &o.path));
        }
    } else {
        let n = changed.len();
        let many = t!(
            "wrote {n} files (each is listed when there are at most {MAX_LISTED}; `regl export --check` lists what would change)",
            "записано файлов: {n} (по одному в строке — когда их не больше {MAX_LISTED}; что изменится, перечисляет `regl export --check`)"
        );
        let _ = writeln!(report, "{}", many.get(lang));
    }
    let mut report_bytes = Vec::new();
    for c in &copies {
        let _ = writeln!(report_bytes, "wrote {}", c.path.display());
        list_discarded(&mut report_bytes, c, lang, true);
    }
    report.push_str(&String::from_utf8_lossy(&report_bytes));
    let (files, out, changed) = (outputs.len(), out_dir.display(), changed.len());
    let summary = t!(
        "exported {files} files to {out} ({changed} changed)",
        "экспортировано файлов: {files}, в {out} (изменено: {changed})"
    );
    let _ = writeln!(report, "{}", summary.get(lang));
    super::print_stdout(&report)
}

/// The most `wrote PATH` lines an export prints; more changed files are counted instead.
const MAX_LISTED: usize = 20;

/// A location's `bot_config` as `--bot-configs` would write it, and what that overwrites.
struct RuntimeCopy {
    path: std::path::PathBuf,
    bytes: Vec<u8>,
    changed: bool,
    /// JSON paths of the team's edits the fresh file discards.
    discarded: Vec<String>,
}

fn runtime_copies(b: &Business, locations: &[&Location], dir: &Path) -> Vec<RuntimeCopy> {
    locations
        .iter()
        .map(|loc| {
            let fresh =
                serde_json::to_value(export::bot_config(b, loc)).expect("exports serialise");
            let bytes = export::to_json(&fresh);
            let path = dir.join(loc.bot_config.as_str());
            let old = std::fs::read(&path).ok();
            let discarded = old
                .as_deref()
                .map(|o| export::edits::discarded(o, &fresh))
                .unwrap_or_default();
            RuntimeCopy {
                changed: old.as_deref() != Some(&bytes[..]),
                path,
                bytes,
                discarded,
            }
        })
        .collect()
}

/// The edits of one runtime copy, one JSON path a line, under a sentence in the user's
/// language (the paths read the same in every language).
fn list_discarded(out: &mut impl std::io::Write, c: &RuntimeCopy, lang: Lang, done: bool) {
    if c.discarded.is_empty() {
        return;
    }
    let n = c.discarded.len();
    let head = if done {
        t!(
            "  discarded {n} edited values of the team:",
            "  отброшено правок команды: {n}:"
        )
    } else {
        t!(
            "  would discard {n} edited values of the team (keep them with `regl lint --fix`):",
            "  будет отброшено правок команды: {n} (сохранить их: `regl lint --fix`):"
        )
    };
    let _ = writeln!(out, "{}", head.get(lang));
    for p in &c.discarded {
        let _ = writeln!(out, "    {p}");
    }
}

fn shown(out_dir: &Path, rel: &Path) -> String {
    out_dir.join(rel).display().to_string()
}

/// How the manifest records an exported file: a location's bot scripts sit in its folder,
/// the Bitrix24 mapping (one for the whole business) at the top.
fn entry(digest: &InputsDigest, o: &export::Output) -> Entry {
    let parts: Vec<String> = o
        .path
        .components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let location = (parts.len() > 1).then(|| parts[0].clone());
    let (kind, document) = if o.path == Path::new(export::bitrix24::FILE_NAME) {
        (Kind::PortalFile, "bitrix24-mapping")
    } else {
        (Kind::BotScripts, "bot-scripts")
    };
    Entry {
        path: parts.join("/"),
        verb: Verb::Export,
        kind,
        inputs_sha256: digest.of(location.as_deref().unwrap_or(""), &[]),
        location,
        document: document.to_owned(),
        templates: Vec::new(),
        output_sha256: manifest::sha256_hex(&o.bytes),
    }
}
