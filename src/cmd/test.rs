//! `regl test` (SPEC §7): each location's bot config run through the generated scenarios
//! and the user's, on a virtual clock; the report, the coverage, and exit 0 / 1 / 2.

// The `--list` lines are built where they are printed.
#![allow(clippy::format_push_string)]

use std::path::{Path, PathBuf};

use super::{Failure, Outcome, load_for_output, print_stdout};
use crate::cli::{TestArgs, TestFormat};
use crate::i18n::{self, Text, t};
use crate::interp::Bot;
use crate::model::Business;
use crate::model::business::Location;
use crate::scenario::report::{self, LocationRun};
use crate::scenario::{Scenario, coverage, generate, load, run, workers};

/// One location ready to test: its bot and which file it came from.
pub(crate) struct Target {
    pub location: String,
    pub bot_file: PathBuf,
    pub bot: Bot,
}

/// The bot of `loc`: `explicit` or its `bot_config`.
pub(crate) fn bot_of(
    dir: &Path,
    loc: &Location,
    explicit: Option<&Path>,
) -> Result<Target, Failure> {
    let file = explicit.map_or_else(|| dir.join(loc.bot_config.as_str()), Path::to_path_buf);
    let config = crate::interp::source::read(&file).map_err(text_error)?;
    let bot = Bot::new(config).map_err(text_error)?;
    Ok(Target {
        location: loc.id.as_str().to_owned(),
        bot_file: file,
        bot,
    })
}

pub(crate) fn text_error(t: Text) -> Failure {
    Failure::Other(anyhow::anyhow!(crate::i18n::localized::Localized::new(t)))
}

/// The locations asked for, or every one.
pub(crate) fn locations<'b>(b: &'b Business, ids: &[String]) -> Result<Vec<&'b Location>, Failure> {
    for id in ids {
        if !b.locations.iter().any(|l| l.id.as_str() == id) {
            let known = b
                .locations
                .iter()
                .map(|l| l.id.as_str().to_owned())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(text_error(t!(
                "no location `{id}` in business.toml (known: {known})",
                "в business.toml нет филиала `{id}` (есть: {known})"
            )));
        }
    }
    Ok(b.locations
        .iter()
        .map(|l| &l.value)
        .filter(|l| ids.is_empty() || ids.iter().any(|i| i == l.id.as_str()))
        .collect())
}

/// `*` and `?` globbing, whole string.
pub fn glob(pattern: &str, s: &str) -> bool {
    fn go(p: &[char], s: &[char]) -> bool {
        match (p.first(), s.first()) {
            (None, None) => true,
            (Some('*'), _) => go(&p[1..], s) || (!s.is_empty() && go(p, &s[1..])),
            (Some('?'), Some(_)) => go(&p[1..], &s[1..]),
            (Some(a), Some(b)) if a == b => go(&p[1..], &s[1..]),
            _ => false,
        }
    }
    let (p, s): (Vec<char>, Vec<char>) = (pattern.chars().collect(), s.chars().collect());
    go(&p, &s)
}

fn selected(s: &Scenario, only: &[String]) -> bool {
    only.is_empty()
        || only
            .iter()
            .any(|g| glob(g, &s.id) || s.covers.iter().any(|c| glob(g, c)))
}

pub fn run(args: &TestArgs) -> Outcome {
    let (mut sources, loaded) = load_for_output(&args.business.config)?;
    let b = &loaded.business;
    let lang = i18n::choose(Some(b.lang()));
    let locs = locations(b, &args.locations)?;
    if args.bot.is_some() && locs.len() > 1 {
        return Err(text_error(t!(
            "`--bot` tests one location: add `--location ID`",
            "`--bot` проверяет один филиал: добавьте `--location ID`"
        )));
    }
    let dir = loaded.dir().to_path_buf();
    let user_path = args.scenarios.clone().or_else(|| {
        let p = dir.join("scenarios");
        p.is_dir().then_some(p)
    });
    let user: Vec<Scenario> = match &user_path {
        Some(p) => {
            let files = load::files(p).map_err(|e| Failure::Other(e.into()))?;
            load::load(&files, &mut sources).map_err(|d| Failure::Input(sources.clone(), d))?
        }
        None => Vec::new(),
    };
    // Each location's scenarios and bot, made side by side; the first failure in the
    // config's order is the one reported, as on one thread.
    let plan = workers::map_in_order(&locs, |loc| -> Result<(Target, Vec<Scenario>), Failure> {
        let mut list = generate::generate(b, loc);
        list.extend(
            user.iter()
                .filter(|s| s.location.as_deref().is_none_or(|l| l == loc.id.as_str()))
                .cloned(),
        );
        list.retain(|s| selected(s, &args.only));
        let mut target = bot_of(&dir, loc, args.bot.as_deref())?;
        if args.list {
            target.bot_file = PathBuf::new();
        }
        Ok((target, list))
    })
    .into_iter()
    .collect::<Result<Vec<_>, _>>()?;
    let total: usize = plan.iter().map(|(_, l)| l.len()).sum();
    if total == 0 {
        return Err(text_error(t!(
            "no scenario to run (check `--only` and `--location`)",
            "нет сценариев для запуска (проверьте `--only` и `--location`)"
        )));
    }
    if args.list {
        let mut out = String::new();
        for (target, list) in &plan {
            for s in list {
                let at = s
                    .origin
                    .as_ref()
                    .map_or_else(String::new, |(p, l)| format!("\t{}:{l}", p.display()));
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}{at}\n",
                    s.id,
                    target.location,
                    s.family,
                    s.covers.join(",")
                ));
            }
        }
        return print_stdout(&out);
    }
    let done = workers::map_in_order(&plan, |(target, list)| {
        let start = generate::first_opening(
            &target.bot.hours,
            chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default(),
            60,
        );
        let results: Vec<(&Scenario, run::Outcome)> = list
            .iter()
            .map(|s| (s, run::run(s, &target.bot, start)))
            .collect();
        let outcomes: Vec<&run::Outcome> = results.iter().map(|(_, o)| o).collect();
        let cov = coverage::measure(&target.bot, &outcomes);
        let short = args
            .min_coverage
            .is_some_and(|min| coverage::overall(&cov) < min);
        let run = LocationRun {
            location: target.location.clone(),
            bot_file: target.bot_file.display().to_string(),
            results,
            coverage: cov,
        };
        (run, short)
    });
    let short = done.iter().any(|(_, s)| *s);
    let runs: Vec<LocationRun<'_>> = done.into_iter().map(|(r, _)| r).collect();
    let text = match args.format {
        TestFormat::Human => report::human(&runs, lang),
        TestFormat::Json => report::json(&runs),
        TestFormat::Junit => report::junit(&runs),
        TestFormat::Github => report::github(&runs),
    };
    print_stdout(&text)?;
    let failed = runs
        .iter()
        .flat_map(|r| r.results.iter())
        .any(|(_, o)| !o.passed());
    if short && args.format == TestFormat::Human {
        let min = args.min_coverage.unwrap_or_default();
        eprintln!(
            "{}",
            t!(
                "coverage is below --min-coverage {min} %",
                "покрытие ниже --min-coverage {min} %"
            )
            .get(lang)
        );
    }
    if failed || short {
        Err(Failure::Findings)
    } else {
        Ok(())
    }
}
