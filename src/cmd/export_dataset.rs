//! `regl export --dataset PROVIDER`: each location's example dialogues in the provider's
//! format, written as one set like the rest of `export` (a failure leaves every previous
//! file as it was), or with `--check` only said.
//!
//! The datasets are not recorded in the manifest: nothing lints them against
//! `business.toml`, and they are remade from it whenever tuning starts.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::anyhow;

use super::{Failure, Outcome};
use crate::dataset::{self, Provider};
use crate::i18n::{Lang, Text, t};
use crate::model::business::{Business, Location};
use crate::output::write_all_atomic;

/// The fewest examples Yandex AI Studio and OpenAI accept (GigaChat names no minimum).
const MIN_EXAMPLES: usize = 10;

pub fn run(
    b: &Business,
    locations: &[&Location],
    provider: &str,
    out_dir: &Path,
    check: bool,
    lang: Lang,
) -> Outcome {
    let provider =
        Provider::parse(provider).map_err(|e| Failure::Other(anyhow!("{}", e.get(lang))))?;
    let prefix = Text::new("exporting", "экспорт");
    let progress = super::progress::bar(locations.len(), &prefix, lang);
    let mut files: Vec<(PathBuf, Vec<u8>, usize)> = Vec::with_capacity(locations.len());
    for loc in locations {
        let (bytes, n) = dataset::build(b, loc, provider);
        files.push((out_dir.join(dataset::path(provider, loc)), bytes, n));
        progress.inc(1);
    }
    progress.finish_and_clear();
    let changed: Vec<&(PathBuf, Vec<u8>, usize)> = files
        .iter()
        .filter(|(p, bytes, _)| std::fs::read(p).ok().as_deref() != Some(&bytes[..]))
        .collect();
    let name = provider.name();
    if check {
        if changed.is_empty() {
            let (n, out) = (files.len(), out_dir.display());
            let summary = t!(
                "the {name} datasets are up to date: {n} files in {out}\n",
                "датасеты {name} актуальны: файлов в {out}: {n}\n"
            );
            return super::print_stdout(summary.get(lang));
        }
        let mut err = String::new();
        for (p, _, _) in &changed {
            let _ = writeln!(err, "would change: {}", p.display());
        }
        let hint = t!(
            "run `regl export --dataset {name}` to update them",
            "запустите `regl export --dataset {name}`, чтобы обновить их"
        );
        eprintln!("{err}{}", hint.get(lang));
        return Err(Failure::Findings);
    }
    let writes: Vec<(PathBuf, &[u8])> = changed
        .iter()
        .map(|(p, bytes, _)| (p.clone(), &bytes[..]))
        .collect();
    write_all_atomic(&writes)?;
    let mut report = String::new();
    for (p, _, _) in &changed {
        let _ = writeln!(report, "wrote {}", p.display());
    }
    for ((p, _, n), loc) in files.iter().zip(locations) {
        let id = loc.id.as_str();
        let line = t!(
            "{id}: {n} examples in {file}",
            "{id}: примеров в {file}: {n}",
            file = p
                .file_name()
                .map(|f| f.to_string_lossy())
                .unwrap_or_default(),
        );
        let _ = writeln!(report, "{}", line.get(lang));
        if *n < MIN_EXAMPLES && provider != Provider::GigaChat {
            let few = t!(
                "{id}: {n} examples are fewer than the {MIN_EXAMPLES} {name} needs to start tuning",
                "{id}: примеров {n} — меньше {MIN_EXAMPLES}, с которых {name} начинает дообучение"
            );
            eprintln!("{}", few.get(lang));
        }
    }
    let (files, out, changed) = (files.len(), out_dir.display(), changed.len());
    let summary = t!(
        "exported {files} {name} datasets to {out} ({changed} changed)",
        "экспортировано датасетов {name}: {files}, в {out} (изменено: {changed})"
    );
    let _ = writeln!(report, "{}", summary.get(lang));
    super::print_stdout(&report)
}
