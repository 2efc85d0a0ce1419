//! `regl lint`: loads `business.toml`, reads the bot configs and the rendered documents,
//! runs every rule and prints the findings in the chosen format on stdout.

use std::io::IsTerminal;

use super::{Failure, Outcome, print_stdout};
use crate::cli::{LintArgs, LintFormat};
use crate::diag::Sources;
use crate::i18n::{self, Lang};
use crate::lint::{self, Context, RULES};
use crate::report;

pub fn run(args: &LintArgs) -> Outcome {
    let mut sources = Sources::default();
    let loaded = match crate::model::load(&args.config, &mut sources) {
        Ok(l) => l,
        Err(diags) => return Err(Failure::Input(sources, diags)),
    };
    let today = lint::today(&loaded.business).map_err(|e| Failure::Other(e.into()))?;
    let bots = lint::bot::read_all(&loaded, &mut sources, &args.bot);
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    let config_text = sources.get(loaded.file).text.clone();
    let documents = lint::documents::read(&out_dir, loaded.dir(), &config_text, &mut sources);
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
    let text = match args.format {
        LintFormat::Human => {
            let colour = report::human::use_colour(std::io::stdout().is_terminal());
            let mut t = report::human::render(&sources, &diags, colour, lang);
            t.push_str(&report::human::summary(&diags, lang));
            t
        }
        LintFormat::Json => report::json::render(&sources, &diags, lang),
        LintFormat::Github => report::github::render(&sources, &diags, lang),
        LintFormat::Sarif => report::sarif::render(&sources, &diags, &rule_infos(lang), lang),
    };
    print_stdout(&text)?;
    if lint::fails(&diags, args.deny_warnings) {
        Err(Failure::Findings)
    } else {
        Ok(())
    }
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
