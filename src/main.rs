//! The `errspec` command: parse arguments, call the library, map the outcome to an exit code.

mod cli;
mod git;
mod init;
mod output;
mod settings;

use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use errspec::{Diagnostic, DiffOptions, Error};

use cli::{Cli, Command, DiffArgs, GenerateArgs, InitArgs, ModelArgs, ValidateArgs};
use output::Output;
use settings::Input;

/// `diff`'s exit code when the versions could not be compared, as diff(1) and clap's usage
/// errors have it; 1 is kept for "something breaks".
const CANNOT_COMPARE: u8 = 2;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Init(args) => exit_code(init(&args)),
        Command::Generate(args) => exit_code(generate(&args)),
        Command::Validate(args) => exit_code(validate(&args)),
        Command::Schema(args) => {
            let schema = match (args.config, args.model) {
                (true, _) => errspec::config_schema(),
                (_, true) => errspec::model_schema(),
                _ => errspec::spec_schema(),
            };
            print_to_stdout(schema.as_bytes())
        }
        Command::Model(args) => model(&args),
        Command::Diff(args) => diff(&args),
        Command::Completions(args) => {
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "errspec", &mut script);
            print_to_stdout(&script)
        }
    }
}

/// Writes a command's whole output to stdout. A reader that stops early (`errspec schema |
/// head`) is no error of errspec's: like other tools, it stops quietly, where `print!` would
/// panic on the broken pipe.
fn print_to_stdout(bytes: &[u8]) -> ExitCode {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write to stdout: {error}");
            ExitCode::FAILURE
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
fn diff(args: &DiffArgs) -> ExitCode {
    let mut output = Output::new(&args.output);
    let input = match read_input(&args.input, &mut output) {
        Ok(input) => input,
        Err(error) => {
            output.error(&error, "");
            return ExitCode::from(CANNOT_COMPARE);
        }
    };
    let new_name = input.spec_name();
    let (old_name, old, new) = match read_versions(args, input.generator.spec_path(), &new_name) {
        Ok(versions) => versions,
        Err(problems) => {
            output.error(&input.hinted(Error::InvalidSpec(problems)), "");
            return ExitCode::from(CANNOT_COMPARE);
        }
    };
    output.source(&old_name, &old).source(&new_name, &new);
    let options = DiffOptions::new(old_name.clone(), new_name.clone());
    match errspec::diff(&old, &new, &options) {
        Ok(changes) => {
            output.changes(&changes, args.allow_breaking);
            if changes.is_empty() {
                output.success(
                    "Compared",
                    &format!("{new_name} with {old_name}: no changes"),
                );
            }
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
    spec: &Path,
    new_name: &str,
) -> Result<(String, String, String), Vec<Diagnostic>> {
    let new = errspec::read_spec(spec, new_name);
    // git finds the old version by the new one's path, so without the new one there is
    // nothing to ask git; a `--base` file is read either way, so both problems show at once.
    let new = match (new, &args.base_rev) {
        (Err(error), Some(_)) => return Err(problems(error)),
        (new, _) => new,
    };
    match (read_base(args, spec), new) {
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
fn read_base(args: &DiffArgs, spec: &Path) -> Result<(String, String), Error> {
    if let Some(rev) = &args.base_rev {
        let (name, bytes) =
            git::show(rev, spec).map_err(|problem| Error::InvalidSpec(vec![*problem]))?;
        let text = errspec::decode_spec(bytes, &name)?;
        return Ok((name, text));
    }
    let path = args
        .base
        .as_deref()
        .expect("clap requires --base or --base-rev");
    let name = settings::slashed(path);
    let text = errspec::read_spec(path, &name).map_err(|error| {
        settings::missing_hint(error, &name, "check --base: a path from the working folder")
    })?;
    Ok((name, text))
}

/// The config and the spec, with both registered for the snippets of their diagnostics.
fn read_input(args: &cli::InputArgs, output: &mut Output) -> Result<Input, Error> {
    let config = Input::config_file(args);
    if let Some(config) = &config {
        output.file(config, settings::slashed(config));
    }
    let input = Input::read(args, config)?;
    output.file(input.generator.spec_path(), input.spec_name());
    Ok(input)
}

/// Prints the validated model as JSON on stdout; warnings and errors go to stderr.
fn model(args: &ModelArgs) -> ExitCode {
    let display = cli::OutputArgs {
        message_format: errspec::report::MessageFormat::Human,
        color: args.color,
        quiet: true,
    };
    let mut output = Output::new(&display);
    output.deny_warnings(args.lints.deny_warnings);
    let mut input = match read_input(&args.input, &mut output) {
        Ok(input) => input,
        Err(error) => {
            output.error(&error, "");
            return ExitCode::FAILURE;
        }
    };
    input.generator.deny_warnings(args.lints.deny_warnings);
    match input
        .generator
        .model_json_with(|warnings| output.diagnostics(warnings))
    {
        Ok(json) => print_to_stdout(json.as_bytes()),
        Err(error) => {
            output.error(&input.hinted(error), "");
            ExitCode::FAILURE
        }
    }
}

/// Writes the starter files, or says which exist and writes none.
fn init(args: &InitArgs) -> bool {
    let output = Output::new(&args.output);
    // `--dir .` is the working folder, and is named as it is without the flag.
    let dir = args
        .dir
        .as_deref()
        .filter(|dir| *dir != Path::new("."))
        .unwrap_or(Path::new(""));
    match init::create(dir) {
        Ok(_) => {
            output.created(dir);
            true
        }
        Err(problems) => {
            output.diagnostics(&problems);
            false
        }
    }
}

/// Generates, reporting the warnings before anything is written, from one reading of the spec.
fn generate(args: &GenerateArgs) -> bool {
    let mut output = Output::new(&args.output);
    output.deny_warnings(args.lints.deny_warnings);
    let input = match read_input(&args.input, &mut output) {
        Ok(input) => settings::generate(input, args),
        Err(error) => {
            output.error(&error, "");
            return false;
        }
    };
    match input
        .generator
        .generate_with(|warnings| output.diagnostics(warnings))
    {
        Ok(files) => {
            output.generated(&files, input.config_name().as_deref(), args.check);
            true
        }
        Err(error) => {
            output.error(&input.hinted(error), &settings::rerun(args));
            false
        }
    }
}

fn validate(args: &ValidateArgs) -> bool {
    let mut output = Output::new(&args.output);
    output.deny_warnings(args.lints.deny_warnings);
    let mut input = match read_input(&args.input, &mut output) {
        Ok(input) => input,
        Err(error) => {
            output.error(&error, "");
            return false;
        }
    };
    input.generator.deny_warnings(args.lints.deny_warnings);
    match input
        .generator
        .validate_with(|warnings| output.diagnostics(warnings))
    {
        Ok(codes) => {
            output.validated(&input.spec_name(), codes);
            true
        }
        Err(error) => {
            output.error(&input.hinted(error), "");
            false
        }
    }
}
