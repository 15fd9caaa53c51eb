//! The `errspec` command: parse arguments, call the library, map the outcome to an exit code.

mod cli;
mod git;
mod output;

use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use errspec::{Diagnostic, DiffOptions, Error, Generator};

use cli::{Cli, Command, DiffArgs, GenerateArgs, ValidateArgs};
use output::Output;

/// `diff`'s exit code when the versions could not be compared, as diff(1) and clap's usage
/// errors have it; 1 is kept for "something breaks".
const CANNOT_COMPARE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut output = Output::new(&cli.output);
    match cli.command {
        Command::Generate(args) => exit_code(generate(&args, &mut output)),
        Command::Validate(args) => exit_code(validate(&args, &mut output)),
        Command::Schema => {
            print!("{}", errspec::spec_schema());
            ExitCode::SUCCESS
        }
        Command::Diff(args) => diff(&args, &mut output),
        Command::Completions(args) => {
            let mut stdout = std::io::stdout();
            clap_complete::generate(args.shell, &mut Cli::command(), "errspec", &mut stdout);
            ExitCode::SUCCESS
        }
    }
}

/// 0 when the command did its job, 1 when it found a problem.
fn exit_code(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Reads both versions, compares them and reports every change: exit 0 when nothing breaks
/// (or breaking is allowed), 1 when something breaks, 2 when the versions cannot be compared.
fn diff(args: &DiffArgs, output: &mut Output) -> ExitCode {
    let new_name = spec_name(&args.spec);
    let (old_name, old, new) = match read_versions(args, &new_name) {
        Ok(versions) => versions,
        Err(problems) => {
            output.error(&Error::InvalidSpec(problems), "");
            return ExitCode::from(CANNOT_COMPARE);
        }
    };
    output.source(&old_name, &old).source(&new_name, &new);
    match errspec::diff(&old, &new, &DiffOptions::new(old_name, new_name)) {
        Ok(changes) => {
            output.changes(&changes, args.allow_breaking);
            let breaks = changes.iter().any(errspec::Change::is_breaking);
            if breaks && !args.allow_breaking {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            output.error(&error, "");
            ExitCode::from(CANNOT_COMPARE)
        }
    }
}

/// The old version's name and text and the new version's text; or every problem reading
/// them, the old version's first, as `errspec::diff` orders them.
fn read_versions(
    args: &DiffArgs,
    new_name: &str,
) -> Result<(String, String, String), Vec<Diagnostic>> {
    let new = errspec::read_spec(&args.spec, new_name);
    // git finds the old version by the new one's path, so without the new one there is
    // nothing to ask git; a `--base` file is read either way, so both problems show at once.
    let new = match (new, &args.base_rev) {
        (Err(error), Some(_)) => return Err(problems(error)),
        (new, _) => new,
    };
    match (read_base(args), new) {
        (Ok((old_name, old)), Ok(new)) => Ok((old_name, old, new)),
        (old, new) => Err([old.err(), new.err()]
            .into_iter()
            .flatten()
            .flat_map(problems)
            .collect()),
    }
}

/// The diagnostics of an error from reading a spec (reading finds only problems with the
/// spec, but any other error is shown too rather than lost).
fn problems(error: Error) -> Vec<Diagnostic> {
    match error {
        Error::InvalidSpec(problems) => problems,
        other => vec![Diagnostic {
            id: "SPEC_UNREADABLE",
            severity: errspec::Severity::Error,
            file: String::new(),
            location: None,
            end: None,
            message: other.to_string(),
            hint: None,
        }],
    }
}

/// The old version's name and text: the `--base` file, or the spec at `--base-rev`.
fn read_base(args: &DiffArgs) -> Result<(String, String), Error> {
    if let Some(rev) = &args.base_rev {
        let (name, bytes) =
            git::show(rev, &args.spec).map_err(|problem| Error::InvalidSpec(vec![*problem]))?;
        let text = errspec::decode_spec(bytes, &name)?;
        return Ok((name, text));
    }
    let path = args
        .base
        .as_deref()
        .expect("clap requires --base or --base-rev");
    let name = spec_name(path);
    let text = errspec::read_spec(path, &name)?;
    Ok((name, text))
}

/// A spec's name in reports: its path as given, with `/` separators, as `Generator` names it.
fn spec_name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Generates, reporting the warnings before anything is written, from one reading of the spec.
fn generate(args: &GenerateArgs, output: &mut Output) -> bool {
    output.spec(&args.spec.spec, args.lints.deny_warnings);
    generator(args)
        .generate_with(|warnings| output.diagnostics(warnings))
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
        .openapi_version(args.openapi_version)
        .check(args.check)
        .deny_warnings(args.lints.deny_warnings);
    // The command prints warnings itself, in the chosen format, even under a build script.
    generator
        .emit_rerun_if_changed(false)
        .emit_cargo_warnings(false);
    if args.targets.is_empty() {
        generator.targets(errspec::Target::ALL);
    } else {
        generator.targets(args.targets.iter().copied());
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
