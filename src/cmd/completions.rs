//! `regl completions SHELL`: the completion script clap generates from the command line.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

use super::{Outcome, print_stdout};

/// The completion script for `shell`.
pub fn script(shell: clap_complete::Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "regl", &mut buf);
    String::from_utf8(buf).expect("completion scripts are UTF-8")
}

pub fn run(args: &CompletionsArgs) -> Outcome {
    print_stdout(&script(args.shell))
}
