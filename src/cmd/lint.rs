//! `regl lint`: loads `business.toml`, reads the bot configs and the rendered documents,
//! runs every rule and prints the findings in the chosen format on stdout.
//!
//! With `--fix` it first mends the bot configs (SPEC §4.2): the findings of a first run
//! are planned into fixes against a fresh export of each location, made here in memory
//! (`cmd` is where lint and export meet), the fixes are written, and a second run reports
//! what is left. The exit code follows what is left.

use std::io::IsTerminal;
use std::path::Path;

use super::{Failure, Outcome, print_stdout};
use crate::cli::{LintArgs, LintFormat};
use crate::diag::{Diagnostic, Sources};
use crate::i18n::{self, Lang};
use crate::lint::bot::{BotInput, BotState};
use crate::lint::fix::{self, Fixed, Fresh};
use crate::lint::json::Json;
use crate::lint::{self, Context, RULES};
use crate::model::{Business, Loaded};
use crate::report;

/// One lint run: what was read and what was found.
struct Checked {
    /// What a clean run on a terminal prints.
    clean_line: Option<String>,
    sources: Sources,
    loaded: Loaded,
    bots: Vec<BotInput>,
    diags: Vec<Diagnostic>,
}

fn check(args: &LintArgs) -> Result<Checked, Failure> {
    let mut sources = Sources::default();
    let loaded = match crate::model::load(&args.business.config, &mut sources) {
        Ok(l) => l,
        Err(diags) => {
            // The requested format carries the load errors too: a CI step reading JSON or
            // SARIF gets them there, not only on stderr.
            if args.format != LintFormat::Human {
                let lang = super::message_lang(&sources);
                print_stdout(&render(args, &sources, &[], &diags, &[], lang))?;
            }
            return Err(Failure::Input(sources, diags));
        }
    };
    let today = lint::today(&loaded.business).map_err(|e| Failure::Other(e.into()))?;
    // Each bot config is checked by the bot rules as soon as it is read, on the core that
    // read it; the rules that read business.toml or the documents run after.
    let (bots, bot_findings) =
        lint::bot::read_and_check(&loaded, &mut sources, &args.bot, |input, sources| {
            lint::bot_findings(&Context::of(
                &loaded,
                sources,
                today,
                std::slice::from_ref(input),
                None,
            ))
        });
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    let config_text = sources.get(loaded.file).text.clone();
    let mut documents = lint::documents::read(&out_dir, loaded.dir(), &config_text, &mut sources);
    documents.orphans =
        lint::documents::orphans(&loaded.business, loaded.dir(), &out_dir, &mut sources);
    let cx = Context::of(&loaded, &sources, today, &bots, Some(&documents));
    let diags = lint::lint_with_bot_findings(&cx, bot_findings);
    let lang = i18n::choose(Some(loaded.business.lang()));
    if !args.bot.is_empty() && !args.fix {
        unchecked_locations(&cx, lang);
    }
    // A clean lint on a terminal says what it checked: silence reads as "did it run?". Piped
    // and in hooks it stays silent, as tools there expect.
    let clean_line =
        (diags.is_empty() && args.format == LintFormat::Human && std::io::stdout().is_terminal())
            .then(|| checked_line(&cx, lang));
    Ok(Checked {
        clean_line,
        sources,
        loaded,
        bots,
        diags,
    })
}

pub fn run(args: &LintArgs) -> Outcome {
    let mut checked = check(args)?;
    let mut mended = Vec::new();
    if args.fix {
        // A version-1 file is first written as version 2 (the upgrade keeps the team's
        // texts); the value fixes below then work on the upgraded file.
        let upgrades = upgrades(&checked);
        if !upgrades.is_empty() {
            mended = fix::apply(&checked.sources, &upgrades)?;
            checked = check(args)?;
        }
        // An export only for the files a finding points into: with hundreds of locations
        // most are clean, and making their exports would be most of the run.
        let pointed: std::collections::BTreeSet<_> = checked
            .diags
            .iter()
            .filter_map(|d| d.primary().map(|l| l.file))
            .collect();
        let fresh: Vec<Fresh> = checked
            .bots
            .iter()
            .map(|b| match &b.state {
                BotState::Parsed { file, .. } if pointed.contains(file) => {
                    fresh_export(&checked.loaded.business, b)
                }
                _ => None,
            })
            .collect();
        let fixes = fix::plan(&checked.sources, &checked.bots, &fresh, &checked.diags);
        if !fixes.is_empty() {
            mended.extend(fix::apply(&checked.sources, &fixes)?);
            checked = check(args)?;
        }
    }
    let Checked {
        clean_line,
        sources,
        loaded,
        bots,
        diags,
    } = &checked;
    let lang = i18n::choose(Some(loaded.business.lang()));
    let mut text = render(args, sources, bots, diags, &mended, lang);
    if let Some(line) = clean_line {
        text.push_str(line);
    }
    print_stdout(&text)?;
    let failed = lint::fails(diags, args.deny_warnings);
    // The process ends with this verb: freeing every bot config's tree one by one was a
    // few per cent of a 1,000-location lint, for memory the exit returns at once. (Each
    // file's export and texts are dropped as soon as its rules ran: that memory is reused
    // by the next file, which is cheaper than fresh pages.)
    std::mem::forget(checked);
    if failed {
        Err(Failure::Findings)
    } else {
        Ok(())
    }
}

fn render(
    args: &LintArgs,
    sources: &Sources,
    bots: &[BotInput],
    diags: &[Diagnostic],
    fixed: &[Fixed],
    lang: Lang,
) -> String {
    match args.format {
        LintFormat::Human => {
            let colour = report::human::use_colour(std::io::stdout().is_terminal());
            let mut t = report::fixes::human(fixed, lang);
            if args.fix {
                t.push_str(&report::fixes::left(in_bot_configs(bots, diags), lang));
            }
            t.push_str(&report::human::render(sources, diags, colour, lang));
            t.push_str(&report::human::summary(diags, lang));
            t
        }
        LintFormat::Json => {
            let findings = report::json::render(sources, diags, lang);
            if !args.fix {
                return findings;
            }
            let findings: serde_json::Value =
                serde_json::from_str(&findings).expect("the report is JSON");
            let report = serde_json::json!({
                "fixes": report::fixes::json(fixed),
                "findings": findings,
            });
            let mut s = serde_json::to_string_pretty(&report).expect("the report serialises");
            s.push('\n');
            s
        }
        LintFormat::Github => {
            let mut t = report::fixes::github(fixed, lang);
            t.push_str(&report::github::render(sources, diags, lang));
            t
        }
        LintFormat::Sarif => {
            let dir = args
                .business
                .config
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let root = report::uri::repository_root(dir);
            report::sarif::render(sources, diags, &rule_infos(lang), lang, &root)
        }
    }
}

/// How many findings point into a bot config that was read.
fn in_bot_configs(bots: &[BotInput], diags: &[Diagnostic]) -> usize {
    let files: Vec<_> = bots
        .iter()
        .filter_map(|b| match &b.state {
            BotState::Parsed { file, .. } | BotState::Syntax { file, .. } => Some(*file),
            _ => None,
        })
        .collect();
    diags
        .iter()
        .filter(|d| d.primary().is_some_and(|l| files.contains(&l.file)))
        .count()
}

/// What `regl export` would write for the location a bot config is for: the location whose
/// `bot_config` it is, or for `--bot FILE` the one its `location` names. `None` for a file
/// `--fix` cannot mend (not read, not JSON, for a location business.toml does not have).
/// It is made by the function the rules' export was made by ([`BotInput::export_for`]),
/// so the fixes aim at the very values the findings named; the rules' own copy was
/// dropped when the file's rules had run.
fn fresh_export(business: &Business, bot: &BotInput) -> Fresh {
    let BotState::Parsed { root, .. } = &bot.state else {
        return None;
    };
    let loc = if let Some(i) = bot.owner {
        business.locations.get(i)?
    } else {
        let id = root.get("location").and_then(Json::as_str)?;
        business.locations.iter().find(|l| l.id.as_str() == id)?
    };
    Some(BotInput::export_for(business, loc))
}

/// "ok: 2 locations, 2 bot configs, 10 documents checked".
fn checked_line(cx: &Context<'_>, lang: Lang) -> String {
    let locations = cx.business.locations.len();
    let bots = cx.bot_docs().count();
    let documents = cx
        .documents
        .and_then(|d| d.manifest.as_ref().map(|r| (d, r)))
        .map_or(0, |(d, r)| {
            r.manifest
                .outputs
                .iter()
                .filter(|e| e.kind == crate::manifest::Kind::Document)
                .filter(|e| d.out_dir.join(&e.path).is_file())
                .count()
        });
    let line = crate::i18n::t!(
        "ok: {locations} locations, {bots} bot configs, {documents} documents checked\n",
        "всё в порядке: проверено филиалов — {locations}, конфигураций бота — {bots}, документов — {documents}\n"
    );
    line.get(lang).to_owned()
}

/// With `--bot FILE`, only the given files are compared: says on stderr which locations'
/// bot configs were left out, so a hook passing the changed files cannot read a pass as
/// "every bot is in step".
fn unchecked_locations(cx: &Context<'_>, lang: Lang) {
    let checked: Vec<&str> = cx.bot_docs().map(|d| d.location.id.as_str()).collect();
    let left: Vec<String> = cx
        .business
        .locations
        .iter()
        .filter(|l| !checked.contains(&l.id.as_str()))
        .map(|l| format!("`{}` ({})", l.id.as_str(), l.bot_config.as_str()))
        .collect();
    if left.is_empty() {
        return;
    }
    let list = left.join(", ");
    let note = crate::i18n::t!(
        "note: --bot checked only the files given; not checked: the bot configs of {list} (run `regl lint` without --bot to check them all)",
        "примечание: --bot проверил только указанные файлы; не проверены конфигурации бота филиалов {list} (запустите `regl lint` без --bot, чтобы проверить все)"
    );
    eprintln!("{}", note.get(lang));
}

/// The fix that upgrades each version-1 bot config to version 2: the whole file, written
/// as `regl export` writes a config, from `upgrade_v1` (the team's texts kept, the
/// version-2 keys filled from defaults for the value fixes to correct).
fn upgrades(checked: &Checked) -> Vec<fix::Fix> {
    checked
        .bots
        .iter()
        .filter_map(|b| {
            let BotState::Parsed { file, .. } = &b.state else {
                return None;
            };
            let text = &checked.sources.get(*file).text;
            let v1: serde_json::Value = serde_json::from_str(text).ok()?;
            if v1.get("regl_bot_schema")?.as_u64()? != 1 {
                return None;
            }
            let up = crate::model::bot_v2::upgrade::upgrade_v1(&v1).ok()?;
            let replacement = String::from_utf8(crate::export::to_json(&up.config)).ok()?;
            Some(fix::Fix {
                file: *file,
                span: 0..text.len(),
                replacement,
                path: "regl_bot_schema".to_owned(),
                value: serde_json::Value::from(2),
                value_offset: 0,
            })
        })
        .collect()
}

fn rule_infos(lang: Lang) -> Vec<report::sarif::RuleInfo> {
    RULES
        .iter()
        .map(|r| report::sarif::RuleInfo {
            code: r.code,
            name: r.name,
            summary: r.summary.get(lang),
            help_markdown: r.explanation.get(lang),
            default_level: r.severities[0],
        })
        .collect()
}
