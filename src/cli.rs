//! The command line, as clap definitions: what each command and flag means.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Generate Rust, TypeScript and more from one spec of your API's error codes.
#[derive(Debug, Parser)]
#[command(name = "errspec", version, about, propagate_version = true)]
#[command(after_help = "\
Examples:
  errspec generate                         write every target under generated/
  errspec generate --target rust --out src/generated
  errspec generate --target typescript --out web/src/generated
  errspec generate --check                 fail if generated/ is stale (for CI)
  errspec validate --spec api/errors.yaml  report every problem in a spec")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
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
  errspec generate --check")]
    Generate(GenerateArgs),
    /// Check the spec and report every problem in it, without generating anything.
    #[command(after_help = "\
Examples:
  errspec validate
  errspec validate --spec api/errors.yaml")]
    Validate(SpecArgs),
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
    pub targets: Vec<TargetArg>,

    /// Generate Rust that needs only std: no serde derives on the body types.
    #[arg(long)]
    pub no_serde: bool,

    /// Write nothing; show a diff for each file that is missing or differs, and exit 1 if any.
    #[arg(long)]
    pub check: bool,
}

/// The targets, by their command-line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// Rust: rust/error_codes.rs
    Rust,
    /// TypeScript: typescript/error-codes.ts
    #[value(name = "typescript")]
    TypeScript,
}

impl From<TargetArg> for errspec::Target {
    fn from(target: TargetArg) -> Self {
        match target {
            TargetArg::Rust => errspec::Target::Rust,
            TargetArg::TypeScript => errspec::Target::TypeScript,
        }
    }
}
