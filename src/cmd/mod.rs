//! The verbs. Each composes model, render, lint and export; `run` maps outcomes to exit codes.

mod completions;
mod init;
mod render;
mod schema;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::diag::{Diagnostic, Sources};

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
    let result = match cli.command {
        Command::Init(args) => init::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Completions(args) => completions::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Findings) => ExitCode::from(1),
        Err(Failure::Input(sources, diags)) => {
            crate::report::human::print_stderr(&sources, &diags);
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "error: {e:#}");
            ExitCode::from(2)
        }
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
pub(crate) fn print_stdout(text: &str) -> Outcome {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Other(e.into()))
}
