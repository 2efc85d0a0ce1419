//! `regl lint`: loads `business.toml`, reads the bot configs and the rendered documents,
//! runs every rule and prints the findings in the chosen format on stdout.

use std::io::IsTerminal;

use super::{Failure, Outcome, print_stdout};
use crate::cli::{LintArgs, LintFormat};
use std::path::Path;

use crate::diag::{Diagnostic, Sources};
use crate::i18n::{self, Lang};
use crate::lint::{self, Context, RULES};
use crate::report;

pub fn run(args: &LintArgs) -> Outcome {
    let mut sources = Sources::default();
    let loaded = match crate::model::load(&args.config, &mut sources) {
        Ok(l) => l,
        Err(diags) => {
            // The requested format carries the load errors too: a CI step reading JSON or
            // SARIF gets them there, not only on stderr.
            if args.format != LintFormat::Human {
                let lang = super::message_lang(&sources);
                print_stdout(&formatted(args, &sources, &diags, lang))?;
            }
            return Err(Failure::Input(sources, diags));
        }
    };
    let today = lint::today(&loaded.business).map_err(|e| Failure::Other(e.into()))?;
    let bots = lint::bot::read_all(&loaded, &mut sources, &args.bot);
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    let config_text = sources.get(loaded.file).text.clone();
    let mut documents = lint::documents::read(&out_dir, loaded.dir(), &config_text, &mut sources);
    documents.orphans =
        lint::documents::orphans(&loaded.business, loaded.dir(), &out_dir, &mut sources);
    let cx = Context {
        business: &loaded.business,
        file: loaded.file,
        sources: &sources,
        dir: loaded.dir(),
        today,
        bots: &bots,
        documents: Some(&documents),
    };
    let diags = lint::lint(&cx);
    let lang = i18n::choose(Some(loaded.business.lang()));
    if !args.bot.is_empty() {
        unchecked_locations(&cx, lang);
    }
    let mut text = formatted(args, &sources, &diags, lang);
    // A clean lint on a terminal says what it checked: silence reads as "did it run?". Piped
    // and in hooks it stays silent, as tools there expect.
    if diags.is_empty() && args.format == LintFormat::Human && std::io::stdout().is_terminal() {
        text.push_str(&checked(&cx, lang));
    }
    print_stdout(&text)?;
    if lint::fails(&diags, args.deny_warnings) {
        Err(Failure::Findings)
    } else {
        Ok(())
    }
}

/// "ok: 2 locations, 2 bot configs, 10 documents checked".
fn checked(cx: &Context<'_>, lang: Lang) -> String {
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

/// `diags` in the format asked for.
fn formatted(args: &LintArgs, sources: &Sources, diags: &[Diagnostic], lang: Lang) -> String {
    match args.format {
        LintFormat::Human => {
            let colour = report::human::use_colour(std::io::stdout().is_terminal());
            let mut t = report::human::render(sources, diags, colour, lang);
            t.push_str(&report::human::summary(diags, lang));
            t
        }
        LintFormat::Json => report::json::render(sources, diags, lang),
        LintFormat::Github => report::github::render(sources, diags, lang),
        LintFormat::Sarif => {
            let dir = args
                .config
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let root = report::uri::repository_root(dir);
            report::sarif::render(sources, diags, &rule_infos(lang), lang, &root)
        }
    }
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
