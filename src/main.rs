//! The `errspec` command: parse arguments, call the library, map the outcome to an exit code.

mod cli;
mod output;

use std::process::ExitCode;

use clap::Parser;
use errspec::Generator;

use cli::{Cli, Command, GenerateArgs, ValidateArgs};
use output::Output;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut output = Output::new(&cli.output);
    let ok = match cli.command {
        Command::Generate(args) => generate(&args, &mut output),
        Command::Validate(args) => validate(&args, &mut output),
        Command::Schema => {
            print!("{}", errspec::spec_schema());
            true
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Reports the warnings (the library reads the spec for them), then generates.
fn generate(args: &GenerateArgs, output: &mut Output) -> bool {
    output.spec(&args.spec.spec, args.lints.deny_warnings);
    let generator = generator(args);
    let outcome = generator.validate().and_then(|warnings| {
        output.diagnostics(&warnings);
        generator.generate()
    });
    outcome
        .map_err(|error| output.error(&error, &rerun_without_check()))
        .is_ok()
}

fn validate(args: &ValidateArgs, output: &mut Output) -> bool {
    output.spec(&args.spec.spec, args.lints.deny_warnings);
    let mut generator = Generator::new(&args.spec.spec);
    generator.deny_warnings(args.lints.deny_warnings);
    match generator.validate() {
        Ok(warnings) => {
            output.diagnostics(&warnings);
            true
        }
        Err(error) => {
            output.error(&error, &rerun_without_check());
            false
        }
    }
}

fn generator(args: &GenerateArgs) -> Generator {
    let mut generator = Generator::new(&args.spec.spec);
    generator
        .out_dir(&args.out)
        .serde(!args.no_serde)
        .openapi_version(args.openapi_version.into())
        .check(args.check)
        .deny_warnings(args.lints.deny_warnings);
    // The command prints warnings itself, in the chosen format, even under a build script.
    generator
        .emit_rerun_if_changed(false)
        .emit_cargo_warnings(false);
    if args.targets.is_empty() {
        generator.targets(errspec::Target::ALL);
    } else {
        generator.targets(args.targets.iter().map(|&target| target.into()));
    }
    generator
}

/// The command line as given, less `--check`: what updates the stale files.
fn rerun_without_check() -> String {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--check")
        .collect();
    format!("errspec {}", args.join(" "))
}
