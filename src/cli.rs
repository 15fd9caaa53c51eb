//! The command line, as clap definitions: what each command and flag means.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use errspec::report::MessageFormat;
use errspec::{OpenApiVersion, Target};

/// Generate Rust, TypeScript, OpenAPI, Markdown, Python and more from one spec of your API's error codes.
#[derive(Debug, Parser)]
#[command(name = "errspec", version, about, propagate_version = true)]
#[command(after_help = "\
Examples:
  errspec init                             start: a spec, its schema and errspec.yaml
  errspec generate                         write every target under generated/, or where
                                           errspec.yaml says
  errspec generate --target rust --out src/generated
  errspec generate --target typescript --out web/src/generated
  errspec generate --target openapi --openapi-version 3.0
  errspec generate --check                 fail if a generated file is stale (for CI)
  errspec validate --spec api/errors.yaml  report every problem in a spec
  errspec validate --message-format github annotate a pull request from CI
  errspec diff --base-rev origin/main      what this branch breaks for clients
  errspec schema > spec/errspec.schema.json
  errspec model > model.json               the validated spec as JSON, for other languages
  errspec completions bash                 shell completions

Settings come from errspec.yaml (in the working folder or the nearest folder above it, up to
the repository's root; or --config), and flags override it.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How a command reports: offered by the commands that report something.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// How to write errors and warnings.
    #[arg(long, value_name = "FORMAT", default_value = "human")]
    pub message_format: MessageFormat,

    /// When to colour the output for people.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    /// Say nothing when the command succeeds; warnings and errors are still shown.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Where a command's settings come from: errspec.yaml, and the spec it names.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// The config file [default: errspec.yaml in the working folder or the nearest folder
    /// above it, up to the repository's root]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The spec file [default: the config's `spec`, or spec/errors.yaml]
    #[arg(long, value_name = "FILE")]
    pub spec: Option<PathBuf>,
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
    /// Start a project: a spec with two example codes, its schema for editors, and
    /// errspec.yaml listing every target; writes nothing if any of them exists.
    #[command(after_help = "\
Examples:
  errspec init                 errspec.yaml, spec/errors.yaml, spec/errspec.schema.json
  errspec init --dir api       the same under api/
Then `errspec generate` writes every target under generated/.")]
    Init(InitArgs),
    /// Generate code from the spec, writing only the files that change.
    #[command(after_help = "\
Examples:
  errspec generate
  errspec generate --config api/errspec.yaml
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
    /// Print the JSON Schema of the spec format (or of errspec.yaml), for editors to complete
    /// and check it.
    #[command(after_help = "\
Examples:
  errspec schema > spec/errspec.schema.json
  errspec schema --config > errspec.schema.json
  errspec schema --model > model.schema.json
Then start the file with `# yaml-language-server: $schema=errspec.schema.json` (the path from
the file's folder).")]
    Schema(SchemaArgs),
    /// Print the validated model of the spec as JSON, to render it into a language errspec
    /// does not generate.
    #[command(after_help = "\
Examples:
  errspec model > model.json
  errspec model --spec api/errors.yaml | python3 render_go.py
  errspec schema --model > model.schema.json

The JSON has `\"model_version\": 1` at the top; its shape is `errspec schema --model`.")]
    Model(ModelArgs),
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

    /// The config, and the new version of the spec: the file as it is now.
    #[command(flatten)]
    pub input: InputArgs,

    /// Exit 0 even when something breaks; the report is the same.
    #[arg(long)]
    pub allow_breaking: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// `init`'s options.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to start the project in; created if missing [default: the working folder]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// `schema`'s options.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the schema of errspec.yaml instead of the spec's.
    #[arg(long, conflicts_with = "model")]
    pub config: bool,

    /// Print the schema of `errspec model`'s JSON instead of the spec's.
    #[arg(long)]
    pub model: bool,
}

/// `model`'s options: the spec, and what to do with warnings. Diagnostics go to stderr for
/// people, as stdout holds the model.
#[derive(Debug, Args)]
pub struct ModelArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub lints: LintArgs,

    /// When to colour the diagnostics.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
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
    pub input: InputArgs,

    #[command(flatten)]
    pub lints: LintArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// What to do with warnings.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Treat warnings as errors: report them as errors, exit 1, and generate nothing.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// `generate`'s options.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// The folder to write under, each target at its fixed path in it [default: the config's
    /// paths, or generated]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// A target to generate; repeat for several [default: the config's targets, or every
    /// target]
    #[arg(long = "target", value_name = "TARGET")]
    pub targets: Vec<Target>,

    /// Generate Rust that needs only std: no serde derives on the body types [default: the
    /// config's `serde`]
    #[arg(long)]
    pub no_serde: bool,

    /// Implement axum 0.8's IntoResponse for the Rust ErrorBody and From<ErrorCode> for its
    /// StatusCode; the including crate then needs axum [default: the config's `axum`]
    #[arg(long, conflicts_with = "no_serde")]
    pub axum: bool,

    /// The OpenAPI version of the OpenAPI target [default: the config's `version`, or 3.1]
    #[arg(long, value_name = "VERSION")]
    pub openapi_version: Option<OpenApiVersion>,

    /// Write nothing; show a diff for each file that is missing or differs, and exit 1 if any.
    #[arg(long)]
    pub check: bool,

    #[command(flatten)]
    pub lints: LintArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}
