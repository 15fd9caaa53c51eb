//! The spec file as serde types: a faithful copy of the YAML, with no logic.
//!
//! Every struct denies unknown fields, which also makes serde reject a key written twice.
//! Checks beyond shape (ranges, uniqueness, identifiers) belong to `validate`.
//!
//! With the `schemars` feature these types also derive the JSON Schema of the format
//! (`errspec schema`), so the schema cannot drift from what the parser reads. Their `///` docs
//! become the schema's descriptions, which editors show while the spec is written: they speak
//! to the spec's author. Notes for errspec's developers are `//` comments.

use serde::Deserialize;

/// An errspec spec (format version 1): the error codes of one HTTP API, from which errspec
/// generates code and docs.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(title = "errspec spec, format v1"))]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with `version`, `api` and `codes`"
)]
pub(crate) struct RawSpec {
    /// The spec format's version: 1, the only one so far.
    // `parse` checks it before this type is read, so nothing reads the field.
    #[allow(dead_code)]
    #[cfg_attr(feature = "schemars", schemars(extend("const" = 1)))]
    pub version: u32,
    /// Facts about the API as a whole.
    pub api: RawApi,
    /// The codes, at least one, in the order the generated files list them.
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub codes: Vec<RawCode>,
}

/// Facts about the API as a whole.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "Api"))]
#[serde(deny_unknown_fields, expecting = "a mapping with the API's `name`")]
pub(crate) struct RawApi {
    /// The API's name, used in the docs' title and in doc comments, e.g. `Acme`.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub name: String,
    /// The `error.name` that every error body carries; `Error` when absent.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub error_name: Option<String>,
    /// The example error body the API's documentation shows.
    pub example: Option<RawExample>,
}

/// The status and message of the example error body; its `error.name` is `api.error_name`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "Example"))]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with `status` and `message`"
)]
pub(crate) struct RawExample {
    /// The example's HTTP status: one of the spec's error codes (400 to 599).
    #[cfg_attr(feature = "schemars", schemars(range(min = 400, max = 599)))]
    pub status: i64,
    /// The example's message, e.g. `wrong element in type`.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub message: String,
}

/// One error code: an HTTP status with its title and description.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "Code"))]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with `status`, `title` and `description`"
)]
pub(crate) struct RawCode {
    /// The HTTP status, 100 to 599, unique in the spec.
    // Wider than `u16` so that 70000 is a range error with a clear message instead of a type
    // error.
    #[cfg_attr(feature = "schemars", schemars(range(min = 100, max = 599)))]
    pub status: i64,
    /// Where the code's identifiers come from (`Bad Gateway` becomes `BadGateway`); the title
    /// when absent. Give one when two titles would make the same identifier.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub name: Option<String>,
    /// The short title people read, e.g. `Not Found`.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub title: String,
    /// What the code means, for the people who get it.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub description: String,
    /// Whether the same request may succeed if it is sent again later.
    #[serde(default)]
    pub retryable: bool,
    /// Lints to silence for this code, by id, e.g. `[TITLE_NOT_REASON_PHRASE]`. An allowed
    /// lint that does not fire here is itself reported.
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(schema_with = "crate::schema::allow_list")
    )]
    pub allow: Vec<String>,
}
