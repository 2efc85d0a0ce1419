//! `regl lint`: the rule catalogue (SPEC §5) run over `business.toml`, the bot configs and
//! the rendered documents. Rules return diagnostics; nothing here prints (`report` does).
//!
//! Each rule lives in its own file under [`rules`] with its documentation; [`registry`] lists
//! them. [`config_findings`] is the subset `render` and `export` run to refuse a config that
//! contradicts itself or the law.

pub mod bot;
pub mod bot_derived;
pub mod bot_texts;
pub mod bot_v1;
pub mod documents;
pub mod fix;
pub mod json;
pub mod registry;
pub mod rules;
pub mod secrets;
pub mod waivers;
pub mod want;
pub mod working_copies;

use std::path::Path;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, FileId, Severity, Sources};
use crate::i18n::localized::Localized;
use crate::i18n::{StaticText, t};
use crate::model::{Business, Loaded};

pub use bot::{BotInput, BotState};
pub use registry::{RULES, rule};

/// What a rule needs to run: which inputs it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// `business.toml` alone: also run by `render` and `export` before they write anything.
    Config,
    /// A location's bot config compared with `business.toml`.
    Bot,
    /// The rendered documents and their manifest.
    Documents,
    /// The `[[lint.waive]]` entries themselves, judged after every other rule ran.
    Waivers,
}

/// A lint rule: its documentation and its check.
pub struct Rule {
    /// The code users write in waivers and search for: never reused, never renamed.
    pub code: &'static str,
    /// kebab-case name, e.g. `identifier-checksum`.
    pub name: &'static str,
    /// The severities it reports (B304 reports both).
    pub severities: &'static [Severity],
    /// One line: when it fires.
    pub summary: StaticText,
    /// Markdown: what it checks, why it matters, an example, how to fix.
    pub explanation: StaticText,
    pub scope: Scope,
    pub check: fn(&Context<'_>, &mut Vec<Diagnostic>),
}

impl Rule {
    /// "error", "warning" or "error / warning".
    pub fn severity_text(&self) -> String {
        self.severities
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// Everything the rules read.
pub struct Context<'a> {
    pub business: &'a Business,
    /// `business.toml` in [`Context::sources`].
    pub file: FileId,
    pub sources: &'a Sources,
    /// The folder of `business.toml`: relative paths in it start here.
    pub dir: &'a Path,
    /// The date expiry is judged by (C110, L901).
    pub today: NaiveDate,
    pub bots: &'a [BotInput],
    /// The rendered documents, when they are checked.
    pub documents: Option<&'a documents::Documents>,
}

impl<'a> Context<'a> {
    /// The context of `loaded`'s business, read into `sources`, with these bot configs and
    /// documents.
    pub fn of(
        loaded: &'a Loaded,
        sources: &'a Sources,
        today: NaiveDate,
        bots: &'a [BotInput],
        documents: Option<&'a documents::Documents>,
    ) -> Self {
        Context {
            business: &loaded.business,
            file: loaded.file,
            sources,
            dir: loaded.dir(),
            today,
            bots,
            documents,
        }
    }

    /// The bot configs that can be compared with `business.toml`: readable, schema 2 (or 1,
    /// upgraded) and naming a known location. The others are B301 and compared with nothing.
    pub fn bot_docs(&self) -> impl Iterator<Item = bot::BotDoc<'_>> {
        self.bots
            .iter()
            .filter_map(|b| b.usable(self.business, self.sources))
    }

    /// The text of `business.toml`.
    pub fn text(&self) -> &str {
        &self.sources.get(self.file).text
    }
}

/// Today's date: `REGL_TODAY` (YYYY-MM-DD, for tests and reproducible CI) or the calendar
/// date where the business's first location is (its documents speak that local date).
pub fn today(business: &Business) -> Result<NaiveDate, Localized> {
    if let Some(v) = std::env::var_os("REGL_TODAY").filter(|v| !v.is_empty()) {
        let s = v.to_string_lossy();
        return NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
            Localized::new(t!(
                "REGL_TODAY=`{s}` is not a date: write YYYY-MM-DD",
                "REGL_TODAY=`{s}` — не дата: пишите ГГГГ-ММ-ДД"
            ))
        });
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let utc =
        chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0).unwrap_or_default();
    let tz = business
        .locations
        .first()
        .and_then(|l| l.timezone.tz())
        .unwrap_or(chrono_tz::Europe::Moscow);
    Ok(utc.with_timezone(&tz).date_naive())
}

/// Runs every rule of the given scopes, adds the findings made `before` (the bot configs'
/// when they were checked as they were read), applies the waivers and sorts the findings.
fn run_scopes(
    cx: &Context<'_>,
    scopes: &[Scope],
    report_unused_waivers: bool,
    before: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    // The rules only read the context, so they run side by side on the cores; their
    // findings are joined in the registry's order and then sorted, as on one thread.
    let rules: Vec<&Rule> = RULES
        .iter()
        .copied()
        .filter(|r| scopes.contains(&r.scope))
        .collect();
    let mut out: Vec<Diagnostic> = crate::workers::map_in_order(&rules, |rule| {
        let mut found = Vec::new();
        (rule.check)(cx, &mut found);
        found
    })
    .into_iter()
    .flatten()
    .chain(before)
    .collect();
    if scopes.contains(&Scope::Documents) {
        // D405 judges what the other rules found, as the user sees it: waivers applied.
        let firing = waivers::apply(cx, out.clone(), false);
        rules::d405_checklist_step_failing::after(cx, &firing, &mut out);
    }
    let mut out = waivers::apply(cx, out, report_unused_waivers);
    sort(&mut out);
    out
}

/// Every finding of a full lint: config, bot configs, documents and waivers.
pub fn lint(cx: &Context<'_>) -> Vec<Diagnostic> {
    lint_with_bot_findings(cx, bot_findings(cx))
}

/// The findings of the bot-config rules (B codes, P204, P208, P210, and S501 in the
/// configs) for the configs of `cx`: one config, when [`bot::read_and_check`] calls it
/// per file.
pub fn bot_findings(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for rule in RULES.iter().filter(|r| r.scope == Scope::Bot) {
        (rule.check)(cx, &mut found);
    }
    // The secret scan is a rule of business.toml (render and export run it) that also
    // reads every bot config.
    rules::s501_secrets::check_bots(cx, &mut found);
    found
}

/// Every finding of a full lint, as [`lint`] makes them, the bot-config rules' findings
/// (`bot_findings`, made per file as the files were read) given.
pub fn lint_with_bot_findings(cx: &Context<'_>, bot_findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut scopes = vec![Scope::Config];
    if cx.documents.is_some() {
        scopes.push(Scope::Documents);
    }
    run_scopes(cx, &scopes, true, bot_findings)
}

/// The findings of the rules that need `business.toml` alone (C, P and S codes), waivers
/// applied. `render` and `export` refuse to write when any of these is an error.
pub fn config_findings(loaded: &Loaded, sources: &Sources, today: NaiveDate) -> Vec<Diagnostic> {
    let cx = Context::of(loaded, sources, today, &[], None);
    run_scopes(&cx, &[Scope::Config], false, Vec::new())
}

/// Stable order: file, line, column, code.
/// Byte order within a file is line-and-column order.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by_cached_key(|d| {
        let (file, start) = d.primary().map_or((0, 0), |l| (l.file.0, l.span.start));
        (file, start, d.code.unwrap_or(""), d.message.clone())
    });
}

/// True when any finding should fail the run.
pub fn fails(diags: &[Diagnostic], deny_warnings: bool) -> bool {
    diags
        .iter()
        .any(|d| d.severity == Severity::Error || deny_warnings)
}
