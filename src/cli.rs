//! The command line, as clap definitions: what each command and flag means.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use errspec::report::MessageFormat;
use errspec::{OpenApiVersion, Target};

/// Generate Rust, TypeScript, OpenAPI, Markdown and more from one spec of your API's error codes.
#[derive(Debug, Parser)]
#[command(name = "errspec", version, about, propagate_version = true)]
#[command(after_help = "\
Examples:
  errspec generate                         write every target under generated/
  errspec generate --target rust --out src/generated
  errspec generate --target typescript --out web/src/generated
  errspec generate --target openapi --openapi-version 3.0
  errspec generate --check                 fail if generated/ is stale (for CI)
  errspec validate --spec api/errors.yaml  report every problem in a spec
  errspec validate --message-format github annotate a pull request from CI
  errspec diff --base-rev origin/main      what this branch breaks for clients
  errspec schema > spec/errspec.schema.json
  errspec completions bash                 shell completions")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// How diagnostics are shown; accepted before or after the subcommand.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// How to write errors and warnings.
    #[arg(long, value_name = "FORMAT", default_value = "human", global = true)]
    pub message_format: MessageFormat,

    /// When to colour the human format.
    #[arg(long, value_name = "WHEN", default_value = "auto", global = true)]
    pub color: ColorChoice,
}

/// When to colour diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// when stderr is a terminal and NO_COLOR is not set
    Auto,
    /// always, even when NO_COLOR is set (the flag wins)
    Always,
    /// never
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate code from the spec, writing only the files that change.
    #[command(after_help = "\
Examples:
  errspec generate
  errspec generate --spec api/errors.yaml --out src/generated --target rust
  errspec generate --no-serde --target rust
  errspec generate --target typescript --out web/src/generated
  errspec generate --target openapi --out api --openapi-version 3.0
  errspec generate --check")]
    Generate(GenerateArgs),
    /// Check the spec and report every problem in it, and every warning, without generating
    /// anything.
    #[command(after_help = "\
Examples:
  errspec validate
  errspec validate --spec api/errors.yaml
  errspec validate --deny-warnings --message-format github")]
    Validate(ValidateArgs),
    /// Print the JSON Schema of the spec format, for editors to complete and check specs.
    #[command(after_help = "\
Examples:
  errspec schema > spec/errspec.schema.json
Then start the spec with `# yaml-language-server: $schema=errspec.schema.json`.")]
    Schema,
    /// Report what changed between an old version of the spec and the new one, and what each
    /// change does to clients: breaking, dangerous or safe.
    #[command(after_help = "\
Examples:
  errspec diff --base-rev origin/main       this branch's spec against main's
  errspec diff --base old.yaml --spec spec/errors.yaml
  errspec diff --base-rev v1.2.0 --message-format github
  errspec diff --base-rev HEAD~1 --allow-breaking

Exit codes: 0 nothing breaks (or --allow-breaking); 1 something breaks; 2 the versions
could not be compared (a usage error, a missing, unreadable or invalid spec, git failing).")]
    Diff(DiffArgs),
    /// Print a completion script for a shell, to complete errspec's commands and options.
    #[command(after_help = "\
Examples:
  errspec completions bash > ~/.local/share/bash-completion/completions/errspec
  errspec completions zsh > ~/.zfunc/_errspec     (with fpath+=(~/.zfunc) before compinit)
  errspec completions fish > ~/.config/fish/completions/errspec.fish")]
    Completions(CompletionsArgs),
}

/// `diff`'s options: one old version, and the new one in `--spec`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("old").required(true)))]
pub struct DiffArgs {
    /// The old version of the spec, as a file.
    #[arg(long, value_name = "FILE", group = "old")]
    pub base: Option<PathBuf>,

    /// The old version of the spec, as the spec file is at a git revision (a branch, a tag, a
    /// commit): `git show REV:PATH`.
    #[arg(long, value_name = "REV", group = "old")]
    pub base_rev: Option<String>,

    /// The new version of the spec: the file as it is now.
    #[arg(long, value_name = "FILE", default_value = "spec/errors.yaml")]
    pub spec: PathBuf,

    /// Exit 0 even when something breaks; the report is the same.
    #[arg(long)]
    pub allow_breaking: bool,
}

/// `completions`' options.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `validate`'s options.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub spec: SpecArgs,

    #[command(flatten)]
    pub lints: LintArgs,
}

/// What to do with warnings.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Treat warnings as errors: report them as errors, exit 1, and generate nothing.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// The spec to read.
#[derive(Debug, Args)]
pub struct SpecArgs {
    /// The spec file.
    #[arg(long, value_name = "FILE", default_value = "spec/errors.yaml")]
    pub spec: PathBuf,
}

/// `generate`'s options.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    pub spec: SpecArgs,

    /// The folder to write under; each target has its own path in it.
    #[arg(long, value_name = "DIR", default_value = "generated")]
    pub out: PathBuf,

    /// A target to generate; repeat for several. Without it, every target is generated.
    #[arg(long = "target", value_name = "TARGET")]
    pub targets: Vec<Target>,

    /// Generate Rust that needs only std: no serde derives on the body types.
    #[arg(long)]
    pub no_serde: bool,

    /// The OpenAPI version of the OpenAPI target.
    #[arg(long, value_name = "VERSION", default_value = "3.1")]
    pub openapi_version: OpenApiVersion,

    /// Write nothing; show a diff for each file that is missing or differs, and exit 1 if any.
    #[arg(long)]
    pub check: bool,

    #[command(flatten)]
    pub lints: LintArgs,
}
