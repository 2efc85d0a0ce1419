//! The verbs. Each composes model, render, lint and export; `run` maps outcomes to exit codes.

mod chat;
mod completions;
pub mod explain;
mod export;
mod export_dataset;
pub mod init;
mod lint;
mod progress;
mod prune;
mod push;
mod push_pilot;
mod push_report;
mod render;
mod schema;
mod test;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::diag::{Diagnostic, Sources};
use crate::i18n::{self, Lang, localized};
use crate::model::Loaded;

/// How a verb ended, beyond plain success.
#[derive(Debug)]
pub enum Failure {
    /// Lint errors, or `--check` found drift: exit 1.
    Findings,
    /// The input could not be used: these diagnostics, exit 2.
    Input(Sources, Vec<Diagnostic>),
    /// A usage or I/O problem: one message, exit 2.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Other(e.into())
    }
}

pub type Outcome = Result<(), Failure>;

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let business = Whose::of(&cli.command);
    let result = match cli.command {
        Command::Init(args) => init::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Lint(args) => lint::run(&args),
        Command::Push(args) => push::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Test(args) => test::run(&args),
        Command::Chat(args) => chat::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Completions(args) => completions::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Findings) => ExitCode::from(1),
        Err(Failure::Input(sources, diags)) => {
            crate::report::human::print_stderr(&sources, &diags, message_lang(&sources));
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let lang = business.lang();
            let word = match lang {
                Lang::En => "error",
                Lang::Ru => "ошибка",
            };
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{word}: {}", localized::render(&e, lang));
            ExitCode::from(2)
        }
    }
}

/// Loads `business.toml` for a verb that writes from it (render, export). Documents and bot
/// scripts are never made from a config that contradicts itself or the law (SPEC §2): one
/// that does not load, or whose own C, P and S findings include an error, is refused with
/// those findings (exit 2). Its warnings are shown and the work goes on.
pub(crate) fn load_for_output(path: &Path) -> Result<(Sources, Loaded), Failure> {
    load_counting_todos(path).map(|(sources, loaded, _)| (sources, loaded))
}

/// [`load_for_output`], and how many to-dos (T codes) the business still has. They are not
/// printed: `regl lint` lists them, and `render` counts them in one line (SPEC §2), so a
/// fresh business renders at once without a page of warnings.
pub(crate) fn load_counting_todos(path: &Path) -> Result<(Sources, Loaded, usize), Failure> {
    let mut sources = Sources::default();
    let loaded = match crate::model::load(path, &mut sources) {
        Ok(l) => l,
        Err(diags) => return Err(Failure::Input(sources, diags)),
    };
    let today = crate::lint::today(&loaded.business).map_err(|e| Failure::Other(e.into()))?;
    let findings = crate::lint::config_findings(&loaded, &sources, today);
    let (errors, warnings): (Vec<_>, Vec<_>) = findings
        .into_iter()
        .partition(|d| d.severity == crate::diag::Severity::Error);
    if !errors.is_empty() {
        return Err(Failure::Input(sources, errors));
    }
    let (todos, warnings): (Vec<_>, Vec<_>) = warnings
        .into_iter()
        .partition(|d| d.code.is_some_and(|c| c.starts_with('T')));
    if !warnings.is_empty() {
        let lang = crate::i18n::choose(Some(loaded.business.lang()));
        crate::report::human::print_stderr(&sources, &warnings, lang);
    }
    Ok((sources, loaded, todos.len()))
}

/// «3 to-dos before publishing: regl lint», on stderr, when there are any.
pub(crate) fn print_todos(todos: usize, lang: Lang) {
    if todos == 0 {
        return;
    }
    let n = todos;
    let line = i18n::t!(
        "{n} to-dos before publishing: regl lint\n",
        "дел до публикации: {n} (список — regl lint)\n"
    );
    eprint!("{}", line.get(lang));
}

/// The language of the messages about the inputs in `sources`: `REGL_LANG`, else the `lang`
/// its `business.toml` (the first file read) declares, even when that file does not load,
/// else the locale.
pub(crate) fn message_lang(sources: &Sources) -> Lang {
    i18n::choose(sources.first().and_then(|f| i18n::sniff(&f.text)))
}

/// The business a command works on, known before it runs, so that an error which comes
/// with no diagnostics (a file that cannot be written, an unknown city) is still printed in
/// that business's language.
enum Whose {
    /// Its `business.toml`, which may not exist or load.
    File(PathBuf),
    /// One `init` is about to create, in the language it was asked for.
    New(Lang),
    Nobody,
}

impl Whose {
    fn of(command: &Command) -> Self {
        match command {
            Command::Init(a) => {
                let path = a.dir.join("business.toml");
                if path.exists() && !a.force {
                    Whose::File(path)
                } else {
                    Whose::New(Lang::from(a.lang))
                }
            }
            Command::Render(a) => Whose::File(a.business.config.clone()),
            Command::Export(a) => Whose::File(a.business.config.clone()),
            Command::Lint(a) => Whose::File(a.business.config.clone()),
            Command::Push(a) => Whose::File(a.business.config.clone()),
            Command::Test(a) => Whose::File(a.business.config.clone()),
            Command::Chat(a) => Whose::File(a.business.config.clone()),
            // As `explain` itself: the business in the current folder stands for the user's.
            Command::Explain(_) => Whose::File(PathBuf::from("business.toml")),
            Command::Schema(_) | Command::Completions(_) => Whose::Nobody,
        }
    }

    /// `REGL_LANG`, else this business's `lang`, else the locale.
    fn lang(&self) -> Lang {
        let declared = match self {
            // The beginning is enough for `lang`, and a huge file is not read whole.
            Whose::File(path) => crate::model::load::read_at_most(path, 64 * 1024)
                .ok()
                .and_then(|b| i18n::sniff(&String::from_utf8_lossy(&b))),
            Whose::New(lang) => Some(*lang),
            Whose::Nobody => None,
        };
        i18n::choose(declared)
    }
}

/// A closed pipe (`regl schema | head`) is the reader's choice, not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes to stdout, turning a closed pipe into a quiet success.
/// Removes what a killed run of regl left staged in `dirs` and says so on stderr.
pub(crate) fn remove_stale_temporaries(dirs: &[std::path::PathBuf], lang: Lang) {
    let removed = crate::stale_temporaries::remove(dirs);
    if removed.is_empty() {
        return;
    }
    let n = removed.len();
    let note = crate::i18n::t!(
        "removed {n} temporary files an interrupted regl run left behind (`.*.regl-tmp`)",
        "удалены временные файлы, оставшиеся от прерванного запуска regl (`.*.regl-tmp`): {n}"
    );
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", note.get(lang));
    for p in &removed {
        let _ = writeln!(err, "  {}", p.display());
    }
}

pub(crate) fn print_stdout(text: &str) -> Outcome {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Other(e.into()))
}
