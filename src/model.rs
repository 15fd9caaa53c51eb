//! The validated spec that renderers consume. Only `validate` builds it, so every value here
//! has passed every check: statuses are unique and in range, strings are non-empty, and
//! identifiers are valid and distinct in every target.

use crate::names::Identifiers;

/// A valid spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spec {
    /// The API as a whole.
    pub api: Api,
    /// The codes, in spec order.
    pub codes: Vec<Code>,
}

/// Facts about the API as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Api {
    /// The API's name, e.g. "Signzy".
    pub name: String,
    /// The `error.name` that every error body carries.
    pub error_name: String,
    /// The example body the API's documentation shows; its status is one of the error codes.
    pub example: Option<Example>,
}

/// The documented example error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Example {
    /// An error status of the spec.
    pub status: u16,
    /// The example's message.
    pub message: String,
}

/// One error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code {
    /// The HTTP status, 100 to 599, unique in the spec.
    pub status: u16,
    /// The short title people read.
    pub title: String,
    /// What the code means.
    pub description: String,
    /// Whether retrying the same request may succeed.
    pub retryable: bool,
    /// The code's identifier in each target.
    pub idents: Identifiers,
}

impl Code {
    /// Whether the code reports an error: a status from 400 up, as the generated `is_error`
    /// and the docs' intro say.
    pub(crate) fn is_error(&self) -> bool {
        self.status >= 400
    }
}
