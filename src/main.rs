//! The `errspec` command: parse arguments, call the library, map the outcome to an exit code.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use errspec::{Error, Generator};

use cli::{Cli, Command, GenerateArgs};

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Generate(args) => generator(&args).generate().map(drop),
        Command::Validate(args) => Generator::new(&args.spec).validate(),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    }
}

fn generator(args: &GenerateArgs) -> Generator {
    let mut generator = Generator::new(&args.spec.spec);
    generator
        .out_dir(&args.out)
        .serde(!args.no_serde)
        .check(args.check);
    generator.emit_rerun_if_changed(false);
    if args.targets.is_empty() {
        generator.targets(errspec::Target::ALL);
    } else {
        generator.targets(args.targets.iter().map(|&target| target.into()));
    }
    generator
}

/// Prints an error to stderr; for stale files, each diff and the command that fixes them.
fn report(error: &Error) {
    if let Error::Stale(files) = error {
        for file in files {
            eprint!("{}", file.unified_diff());
        }
    }
    eprintln!("{error}");
    if let Error::Stale(_) = error {
        let args: Vec<String> = std::env::args()
            .skip(1)
            .filter(|a| a != "--check")
            .collect();
        eprintln!(
            "hint: run `errspec {}` to update them, and commit the result",
            args.join(" ")
        );
    }
}
