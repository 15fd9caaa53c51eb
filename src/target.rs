//! The targets errspec generates, and where each one's file lands under the output folder.

use std::fmt;
use std::str::FromStr;

/// A language or format errspec generates from the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Target {
    /// Rust: the `ErrorCode` enum and the `ErrorBody` type, for `include!` or a module.
    Rust,
    /// TypeScript: an ES module with the `ErrorCode` object, the `ERROR_CODES` table, lookups
    /// and the `ErrorBody` type with its runtime guard; no dependencies, erasable syntax only.
    TypeScript,
    /// Markdown: a page for people, with the table of codes and the error body.
    Markdown,
}

impl Target {
    /// Every target, in the order files are generated and listed.
    pub const ALL: [Target; 3] = [Target::Rust, Target::TypeScript, Target::Markdown];

    /// The name used on the command line: `rust`, `typescript`, `markdown`.
    pub fn name(self) -> &'static str {
        match self {
            Target::Rust => "rust",
            Target::TypeScript => "typescript",
            Target::Markdown => "markdown",
        }
    }

    /// The generated file's path under the output folder, with `/` separators:
    /// `rust/error_codes.rs`, `typescript/error-codes.ts`, `docs/error-codes.md`. Each file is
    /// named as its language's projects name files.
    pub fn file_path(self) -> &'static str {
        match self {
            Target::Rust => "rust/error_codes.rs",
            Target::TypeScript => "typescript/error-codes.ts",
            Target::Markdown => "docs/error-codes.md",
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a target name that errspec does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTarget(pub String);

impl fmt::Display for UnknownTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
        write!(
            f,
            "unknown target `{}`; the targets are {}",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownTarget {}

impl FromStr for Target {
    type Err = UnknownTarget;

    /// Parses a target's command-line name, e.g. `"rust"`.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Target::ALL
            .into_iter()
            .find(|target| target.name() == name)
            .ok_or_else(|| UnknownTarget(name.to_owned()))
    }
}
