//! `errspec.yaml` as Rust types: a faithful copy of the YAML, with no logic.
//!
//! Read as the spec's types are (see `yaml::read`): an unknown, repeated or mistyped key is an
//! error with its position. With the `schemars` feature these types also derive the config's
//! JSON Schema (`errspec schema --config`), so the schema says what the reader reads. Their
//! `///` docs become the schema's descriptions, for the config's author; notes for errspec's
//! developers are `//` comments.

use crate::yaml::Path;
use crate::yaml::read::{FromYaml, Node, ShapeError, spec_struct, wrong_type};

spec_struct! {
    /// errspec's configuration, `errspec.yaml` at the repository's root: the spec, the targets
    /// with where each one's file goes, and the generation options. `errspec generate`,
    /// `generate --check`, `validate`, `diff`, the CI script and `Generator::from_config` all
    /// read it; command-line flags override it. Paths are from this file's folder.
    #[derive(Debug, Clone, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(title = "errspec configuration", deny_unknown_fields))]
    pub(crate) struct RawConfig expecting "a mapping with `spec` and `targets`" {
        /// The spec file; `spec/errors.yaml` when absent.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
        spec: Option<String> = default,
        /// The targets to generate, each with its file and options: only those listed are
        /// generated. Without `targets`, every target is, each at its default path.
        targets: Option<RawTargets> = default,
    }
}

spec_struct! {
    /// The targets to generate. `rust:` alone, or `rust: {}`, lists a target with every default.
    #[derive(Debug, Clone, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "Targets", deny_unknown_fields))]
    pub(crate) struct RawTargets expecting "a mapping of targets: `rust`, `typescript`, `openapi`, `markdown`, `python`" {
        /// Rust: the `ErrorCode` enum and the `ErrorBody` type; by default
        /// `generated/rust/error_codes.rs`.
        #[cfg_attr(feature = "schemars", schemars(with = "Option<RawRust>"))]
        rust: Listed<RawRust> = default,
        /// TypeScript: an ES module with the codes, lookups and the body's type and guard; by
        /// default `generated/typescript/error-codes.ts`.
        #[cfg_attr(feature = "schemars", schemars(with = "Option<RawFile>"))]
        typescript: Listed<RawFile> = default,
        /// OpenAPI: a fragment with the error responses and the body's schema; by default
        /// `generated/openapi/error-codes.yaml`.
        #[cfg_attr(feature = "schemars", schemars(with = "Option<RawOpenApi>"))]
        openapi: Listed<RawOpenApi> = default,
        /// Markdown: a page for people with the table of codes; by default
        /// `generated/docs/error-codes.md`.
        #[cfg_attr(feature = "schemars", schemars(with = "Option<RawFile>"))]
        markdown: Listed<RawFile> = default,
        /// Python: a module with the codes as an enum, the body as `TypedDict`s, a constructor
        /// per code and the body's guard; by default `generated/python/error_codes.py`.
        #[cfg_attr(feature = "schemars", schemars(with = "Option<RawFile>"))]
        python: Listed<RawFile> = default,
    }
}

spec_struct! {
    /// The Rust target's file and options.
    #[derive(Debug, Clone, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "RustTarget", deny_unknown_fields))]
    pub(crate) struct RawRust expecting "a mapping with the Rust target's `path`, `serde` and `axum`" {
        /// The generated file, from the folder of errspec.yaml, e.g. `src/errors.rs`.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
        path: Option<String> = default,
        /// Derive serde's `Serialize` and `Deserialize` on the body types (default: true); the
        /// including crate then needs `serde` with `derive`. false: the code needs only `std`.
        serde: Option<bool> = default,
        /// Implement axum 0.8's `IntoResponse` for the body and `From<ErrorCode>` for its
        /// `StatusCode` (default: false); the including crate then needs `axum` 0.8. Needs
        /// `serde`, through which axum sends the body.
        axum: Option<bool> = default,
        // Options of later Rust integrations go here, each defaulting to off.
    }
}

spec_struct! {
    /// A target's file.
    #[derive(Debug, Clone, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "FileTarget", deny_unknown_fields))]
    pub(crate) struct RawFile expecting "a mapping with the target's `path`" {
        /// The generated file, from the folder of errspec.yaml, e.g. `web/src/errors.ts`.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
        path: Option<String> = default,
    }
}

spec_struct! {
    /// The OpenAPI target's file and version.
    #[derive(Debug, Clone, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "OpenApiTarget", deny_unknown_fields))]
    pub(crate) struct RawOpenApi expecting "a mapping with the OpenAPI target's `path` and `version`" {
        /// The generated file, from the folder of errspec.yaml, e.g. `api/errors.yaml`.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
        path: Option<String> = default,
        /// The OpenAPI version to write: "3.1" (the default) or "3.0", for tools that do not
        /// read 3.1 yet. Quote it, or YAML reads a number.
        #[cfg_attr(feature = "schemars", schemars(extend("enum" = ["3.0", "3.1"])))]
        version: Option<String> = default,
    }
}

/// A target's entry: absent, or listed with its settings. `rust:` alone (null) lists the
/// target with every default, like `rust: {}`: an `Option` would read it as absent, and the
/// target would silently not be generated.
#[derive(Debug, Clone, Default)]
pub(crate) struct Listed<T>(pub Option<T>);

impl<T: FromYaml + Default> FromYaml for Listed<T> {
    fn expected() -> String {
        T::expected()
    }

    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError> {
        match node.is_null() {
            Ok(true) => Ok(Listed(Some(T::default()))),
            Ok(false) => T::read(node, path).map(|value| Listed(Some(value))),
            Err(()) => Err(wrong_type::<Self>(path)),
        }
    }
}

/// In the tests serde_yaml reads a listed target too, as the reference for the reader.
#[cfg(test)]
impl<'de, T: serde::Deserialize<'de> + Default> serde::Deserialize<'de> for Listed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Option::<T>::deserialize(deserializer)?;
        Ok(Listed(Some(value.unwrap_or_default())))
    }
}
