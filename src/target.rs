//! The targets errspec generates, where each one's file lands under the output folder, and the
//! versions of OpenAPI the OpenAPI target can be written in.

use std::fmt;
use std::str::FromStr;

/// A language or format errspec generates from the spec.
///
/// With the `cli` feature it is also the command line's `--target` value, by [`Target::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum Target {
    /// Rust: the `ErrorCode` enum and the `ErrorBody` type, for `include!` or a module.
    #[cfg_attr(
        feature = "cli",
        value(name = "rust", help = "Rust: rust/error_codes.rs")
    )]
    Rust,
    /// TypeScript: an ES module with the `ErrorCode` object, the `ERROR_CODES` table, lookups
    /// and the `ErrorBody` type with its runtime guard; no dependencies, erasable syntax only.
    #[cfg_attr(
        feature = "cli",
        value(name = "typescript", help = "TypeScript: typescript/error-codes.ts")
    )]
    TypeScript,
    /// OpenAPI: a fragment with the error responses and the error body's schema, for an API
    /// document to reference with `$ref`; itself a valid OpenAPI document.
    #[cfg_attr(
        feature = "cli",
        value(name = "openapi", help = "OpenAPI: openapi/error-codes.yaml")
    )]
    OpenApi,
    /// Markdown: a page for people, with the table of codes and the error body.
    #[cfg_attr(
        feature = "cli",
        value(name = "markdown", help = "Markdown: docs/error-codes.md")
    )]
    Markdown,
    /// Python: a module with the `ErrorCode` enum, the body as `TypedDict`s, a constructor per
    /// code and the body's guard; Python 3.10 or newer, standard library only.
    #[cfg_attr(
        feature = "cli",
        value(name = "python", help = "Python: python/error_codes.py")
    )]
    Python,
}

impl Target {
    /// Every target, in the order files are generated and listed.
    pub const ALL: [Target; 5] = [
        Target::Rust,
        Target::TypeScript,
        Target::OpenApi,
        Target::Markdown,
        Target::Python,
    ];

    /// The name used on the command line: `rust`, `typescript`, `openapi`, `markdown`,
    /// `python`.
    pub fn name(self) -> &'static str {
        match self {
            Target::Rust => "rust",
            Target::TypeScript => "typescript",
            Target::OpenApi => "openapi",
            Target::Markdown => "markdown",
            Target::Python => "python",
        }
    }

    /// The generated file's path under the output folder, with `/` separators:
    /// `rust/error_codes.rs`, `typescript/error-codes.ts`, `openapi/error-codes.yaml`,
    /// `docs/error-codes.md`, `python/error_codes.py`. Each file is named as its language's projects name files.
    pub fn file_path(self) -> &'static str {
        match self {
            Target::Rust => "rust/error_codes.rs",
            Target::TypeScript => "typescript/error-codes.ts",
            Target::OpenApi => "openapi/error-codes.yaml",
            Target::Markdown => "docs/error-codes.md",
            Target::Python => "python/error_codes.py",
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

/// The version of OpenAPI that the OpenAPI target is written in.
///
/// Each is written as that version's own documents are: 3.1 uses JSON Schema 2020-12 (`const`,
/// `examples`, `jsonSchemaDialect`), 3.0 its own schema dialect (`enum`, `example`).
///
/// With the `cli` feature it is also the command line's `--openapi-version` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum OpenApiVersion {
    /// OpenAPI 3.0, written as 3.0.3, for tools that do not read 3.1 yet.
    #[cfg_attr(
        feature = "cli",
        value(
            name = "3.0",
            help = "OpenAPI 3.0 (written as 3.0.3), for tools that do not read 3.1 yet"
        )
    )]
    V3_0,
    /// OpenAPI 3.1, written as 3.1.0: the default.
    #[default]
    #[cfg_attr(
        feature = "cli",
        value(name = "3.1", help = "OpenAPI 3.1 (written as 3.1.0)")
    )]
    V3_1,
}

impl OpenApiVersion {
    /// Every version, oldest first.
    pub const ALL: [OpenApiVersion; 2] = [OpenApiVersion::V3_0, OpenApiVersion::V3_1];

    /// The name used on the command line: `3.0`, `3.1`.
    pub fn name(self) -> &'static str {
        match self {
            OpenApiVersion::V3_0 => "3.0",
            OpenApiVersion::V3_1 => "3.1",
        }
    }

    /// The `openapi` field of the generated document: `3.0.3`, `3.1.0`. These are the patch
    /// releases every tool recognises; the later ones (3.0.4, 3.1.1) only clarify the text,
    /// and some tools still refuse them.
    pub fn document_version(self) -> &'static str {
        match self {
            OpenApiVersion::V3_0 => "3.0.3",
            OpenApiVersion::V3_1 => "3.1.0",
        }
    }
}

impl fmt::Display for OpenApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing an OpenAPI version that errspec does not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownOpenApiVersion(pub String);

impl fmt::Display for UnknownOpenApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = OpenApiVersion::ALL.iter().map(|v| v.name()).collect();
        write!(
            f,
            "unknown OpenAPI version `{}`; the versions are {}",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownOpenApiVersion {}

impl FromStr for OpenApiVersion {
    type Err = UnknownOpenApiVersion;

    /// Parses a version's command-line name, e.g. `"3.0"`.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        OpenApiVersion::ALL
            .into_iter()
            .find(|version| version.name() == name)
            .ok_or_else(|| UnknownOpenApiVersion(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for target in Target::ALL {
            assert_eq!(target.name().parse::<Target>(), Ok(target));
        }
        for version in OpenApiVersion::ALL {
            assert_eq!(version.name().parse::<OpenApiVersion>(), Ok(version));
        }
        assert_eq!(
            "3.2".parse::<OpenApiVersion>().unwrap_err().to_string(),
            "unknown OpenAPI version `3.2`; the versions are 3.0, 3.1"
        );
        assert_eq!(OpenApiVersion::default(), OpenApiVersion::V3_1);
    }
}
