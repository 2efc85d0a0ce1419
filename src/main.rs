use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    regl::run(regl::cli::Cli::parse())
}
