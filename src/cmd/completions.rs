//! `regl completions SHELL`: the completion script clap generates from the command line.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

use super::{Outcome, print_stdout};

/// The completion script for `shell`.
///
/// `regl explain` takes any spelling of a rule's code or name (`b303`, `bot-reminders`) and
/// answers an unknown one with the nearest rules, so its parser accepts any word; the
/// scripts are made from a copy of the command line whose argument lists every code, every
/// name and `all`, so that Tab offers them.
pub fn script(shell: clap_complete::Shell) -> String {
    let words: Vec<&'static str> = crate::lint::registry::RULES
        .iter()
        .flat_map(|r| [r.code, r.name])
        .chain(["all"])
        .collect();
    let mut command = Cli::command().mut_subcommand("explain", |explain| {
        explain.mut_arg("code", |code| {
            code.value_parser(clap::builder::PossibleValuesParser::new(words))
        })
    });
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut command, "regl", &mut buf);
    String::from_utf8(buf).expect("completion scripts are UTF-8")
}

pub fn run(args: &CompletionsArgs) -> Outcome {
    print_stdout(&script(args.shell))
}
