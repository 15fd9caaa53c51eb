//! The spec file as serde types: a faithful copy of the YAML, with no logic.
//!
//! Every struct denies unknown fields, which also makes serde reject a key written twice.
//! Checks beyond shape (ranges, uniqueness, identifiers) belong to `validate`.

use serde::Deserialize;

/// A whole spec file, format version 1.
#[derive(Debug, Clone, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with `version`, `api` and `codes`"
)]
pub(crate) struct RawSpec {
    /// The format version; only 1 exists. `parse` checks it before this type is read.
    #[allow(dead_code)]
    pub version: u32,
    /// Facts about the API as a whole.
    pub api: RawApi,
    /// The codes, in the order the generated files list them.
    pub codes: Vec<RawCode>,
}

/// The `api:` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a mapping with the API's `name`")]
pub(crate) struct RawApi {
    /// The API's name, used in docs and titles.
    pub name: String,
    /// The `error.name` every error body carries; "Error" when absent.
    pub error_name: Option<String>,
    /// The example error body the API's own documentation shows.
    pub example: Option<RawExample>,
}

/// `api.example`: the status and message of the documented example body.
#[derive(Debug, Clone, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with `status` and `message`"
)]
pub(crate) struct RawExample {
    /// The example's HTTP status; must be one of the spec's error codes.
    pub status: i64,
    /// The example's message.
    pub message: String,
}

/// One entry of `codes:`.
#[derive(Debug, Clone, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with `status`, `title` and `description`"
)]
pub(crate) struct RawCode {
    /// The HTTP status, 100 to 599. Wider than `u16` so that 70000 is a range error with a
    /// clear message instead of a type error.
    pub status: i64,
    /// The identifier source; the title when absent.
    pub name: Option<String>,
    /// The short title people read, e.g. "Not Found".
    pub title: String,
    /// What the code means.
    pub description: String,
    /// Whether retrying the same request may succeed.
    #[serde(default)]
    pub retryable: bool,
}
