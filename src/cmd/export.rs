//! `regl export`: loads and checks the business, then writes each location's bot scripts
//! and the Bitrix24 mapping atomically, or with `--check` only says what would change.
//!
//! The files are written as one set: a bot runtime that reads its config next to a mapping
//! from another run would create fields the bot never fills, so a failure on any file
//! leaves every previous file as it was.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use anyhow::anyhow;

use crate::cli::ExportArgs;
use crate::diag::did_you_mean;
use crate::export;
use crate::model::business::{Business, Location};
use crate::output::write_all_atomic;

use super::{Failure, Outcome};

/// The locations named by `--location`, or all of them; an unknown id is a usage error.
pub fn select<'a>(b: &'a Business, ids: &[String]) -> Result<Vec<&'a Location>, Failure> {
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
            let near = did_you_mean(id, known.iter().copied())
                .map(|n| format!(" (did you mean `{n}`?)"))
                .unwrap_or_default();
            return Err(Failure::Other(anyhow!(
                "unknown location `{id}`{near}: business.toml has {all}"
            )));
        };
        if !picked.iter().any(|p| p.id.as_str() == id) {
            picked.push(loc);
        }
    }
    Ok(picked)
}

pub fn run(args: &ExportArgs) -> Outcome {
    let (_sources, loaded) = super::load_for_output(&args.config)?;
    let b = &loaded.business;
    let locations = select(b, &args.locations)?;
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    let outputs = export::outputs(b, &locations);

    let changed: Vec<&export::Output> = outputs
        .iter()
        .filter(|o| std::fs::read(out_dir.join(&o.path)).ok().as_deref() != Some(&o.bytes[..]))
        .collect();

    if args.check {
        if changed.is_empty() {
            return super::print_stdout(&format!(
                "export is up to date: {} files in {}\n",
                outputs.len(),
                out_dir.display()
            ));
        }
        let mut err = std::io::stderr().lock();
        for o in &changed {
            let _ = writeln!(err, "would change: {}", shown(&out_dir, &o.path));
        }
        let _ = writeln!(err, "run `regl export` to update them");
        return Err(Failure::Findings);
    }

    let files: Vec<_> = changed
        .iter()
        .map(|o| (out_dir.join(&o.path), &o.bytes[..]))
        .collect();
    write_all_atomic(&files)?;
    let mut report = String::new();
    for o in &changed {
        let _ = writeln!(report, "wrote {}", shown(&out_dir, &o.path));
    }
    let _ = writeln!(
        report,
        "exported {} files to {} ({} changed)",
        outputs.len(),
        out_dir.display(),
        changed.len()
    );
    super::print_stdout(&report)
}

fn shown(out_dir: &Path, rel: &Path) -> String {
    out_dir.join(rel).display().to_string()
}
