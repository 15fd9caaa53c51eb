//! The validated spec that renderers consume. Only `validate` builds it, so every value here
//! has passed every check: statuses are unique and in range, strings are non-empty, and
//! identifiers are valid and distinct in every target.
//!
//! Each item carries its [`Origin`], where the spec file wrote it, so that lints and `diff`
//! point at the right place without looking anything up again. Origins never take part in
//! comparisons: two models are equal when they say the same, however their files are laid out.

use crate::names::{Identifiers, ParamIdentifiers};
use crate::yaml::{Document, Path, Span};

/// The spec format a spec is written in, which says how a code is known on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Format {
    /// Format v1: a code is its HTTP status, one code per status.
    V1,
    /// Format v2: a code is an application code (`card_declined`) sent in `error.code`;
    /// codes may share a status.
    V2,
}

/// A valid spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spec {
    /// The format it was written in.
    pub format: Format,
    /// The API as a whole.
    pub api: Api,
    /// The codes, in spec order.
    pub codes: Vec<Code>,
    /// The wire codes retired for good (format v2), in spec order; no code uses one.
    pub reserved: Vec<Reserved>,
    /// The top-level mapping.
    pub origin: Origin,
}

impl Spec {
    /// Whether some code has a message template or parameters.
    pub(crate) fn uses_params(&self) -> bool {
        self.codes.iter().any(Code::has_params_or_template)
    }

    /// Whether some code is deprecated or names its replacement.
    pub(crate) fn uses_lifecycle(&self) -> bool {
        self.codes.iter().any(Code::has_lifecycle)
    }
}

/// A wire code retired for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reserved {
    /// The wire code.
    pub code: String,
    /// Where the entry is written.
    pub span: Span,
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
    /// The shape of error bodies on the wire (format v1: always errspec's).
    pub envelope: Envelope,
    /// The `api` mapping.
    pub origin: Origin,
}

/// The shape of an error body on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Envelope {
    /// errspec's, the seed page's grown by format v2:
    /// `{"error": {name, status, code, message, params}}`, sent as `application/json`.
    #[default]
    Errspec,
    /// RFC 9457 problem details, sent as `application/problem+json`: `type` (the code's
    /// documentation URL), `title`, `status`, `detail` (the message), `code`, an optional
    /// `instance`, and the parameters as extension members beside them.
    Problem,
}

impl Envelope {
    /// Every envelope, in the order the spec format lists them.
    pub(crate) const ALL: [Envelope; 2] = [Envelope::Errspec, Envelope::Problem];

    /// The members of a problem body that are not parameters, which no parameter may be
    /// named under `problem`.
    pub(crate) const PROBLEM_MEMBERS: [&'static str; 6] =
        ["type", "title", "status", "detail", "instance", "code"];

    /// The envelope as the spec writes it, e.g. `problem`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Envelope::Errspec => "errspec",
            Envelope::Problem => "problem",
        }
    }

    /// The envelope the spec writes as `text`, if any.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|envelope| envelope.as_str() == text)
    }

    /// Where a body of this envelope holds its code, in a code span for docs:
    /// `` `error.code` ``, or a problem's `` `code` ``.
    pub(crate) fn code_span(self) -> &'static str {
        match self {
            Envelope::Errspec => "`error.code`",
            Envelope::Problem => "`code`",
        }
    }

    /// The media type of a response whose body has this envelope.
    pub(crate) fn media_type(self) -> &'static str {
        match self {
            Envelope::Errspec => "application/json",
            Envelope::Problem => "application/problem+json",
        }
    }
}

/// The documented example error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Example {
    /// An error status of the spec.
    pub status: u16,
    /// The example's message.
    pub message: String,
    /// The `example` mapping.
    pub origin: Origin,
}

/// One error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code {
    /// The wire code, as sent in `error.code` (format v2): unique, also ignoring case. `None`
    /// in format v1, where the status is the code.
    pub code: Option<String>,
    /// The HTTP status: 100 to 599 and unique in format v1, 400 to 599 in format v2.
    pub status: u16,
    /// The short title people read.
    pub title: String,
    /// What the code means.
    pub description: String,
    /// Whether retrying the same request may succeed.
    pub retryable: bool,
    /// The code's documentation URL (format v2): its own `docs`, or `api.docs` with `{code}`
    /// replaced by the wire code.
    pub docs_url: Option<String>,
    /// The message every error of the code carries (format v2), if the spec gives one;
    /// otherwise servers write each error's message.
    pub message: Option<Template>,
    /// The values each error carries in `error.params` (format v2), in spec order.
    pub params: Vec<Param>,
    /// Why the code is deprecated and what to use instead (format v2), if it is.
    pub deprecated: Option<String>,
    /// The wire code of the code that replaces this deprecated one (format v2): another code
    /// of the spec, not itself deprecated.
    pub replaced_by: Option<String>,
    /// The code's identifiers in each target.
    pub idents: Identifiers,
    /// The key its identifiers come from: `name`, else `title` (v1) or `code` (v2).
    pub ident_key: &'static str,
    /// The lints silenced for this code, by id, each where it is written.
    pub allow: Vec<Allow>,
    /// The code's mapping.
    pub origin: Origin,
}

impl Code {
    /// Whether the code reports an error: a status from 400 up, as the generated `is_error`
    /// and the docs' intro say.
    pub(crate) fn is_error(&self) -> bool {
        self.status >= 400
    }

    /// Whether the code has a message template or parameters (format v2): what each target's
    /// constructors, templates and typed reads are for. A code with neither takes a message
    /// alone.
    pub(crate) fn has_params_or_template(&self) -> bool {
        self.message.is_some() || !self.params.is_empty()
    }

    /// Whether the code is deprecated or names the code that replaces it (format v2).
    pub(crate) fn has_lifecycle(&self) -> bool {
        self.deprecated.is_some() || self.replaced_by.is_some()
    }

    /// Where the code's identifiers come from: its `name`, else its title (v1) or its code
    /// (v2).
    pub(crate) fn identifier_origin(&self) -> Span {
        self.origin.at(self.ident_key)
    }

    /// The wire code in v2, the status in v1: what a message names the code by.
    pub(crate) fn label(&self) -> String {
        match &self.code {
            Some(code) => format!("code `{code}`"),
            None => format!("code {} `{}`", self.status, self.idents.rust),
        }
    }
}

/// One parameter of a code: a value each of its errors carries in `error.params`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Param {
    /// The name on the wire: 1 to 64 of `[A-Za-z0-9_]`, starting with a letter.
    pub name: String,
    /// The value's JSON type.
    pub kind: ParamKind,
    /// What the value is.
    pub description: String,
    /// Whether an error may leave the value out.
    pub optional: bool,
    /// The parameter's identifiers in the targets that name it (the wire name elsewhere).
    pub idents: ParamIdentifiers,
    /// Where its name is written (the key in `params`).
    pub name_span: Span,
    /// The parameter's mapping.
    pub origin: Origin,
}

/// The JSON type of a parameter's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ParamKind {
    /// A JSON string.
    String,
    /// A JSON number that is an integer (a 64-bit one in Rust).
    Integer,
    /// Any JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
}

impl ParamKind {
    /// Every kind, in the order the spec format lists them.
    pub(crate) const ALL: [ParamKind; 4] = [
        ParamKind::String,
        ParamKind::Integer,
        ParamKind::Number,
        ParamKind::Boolean,
    ];

    /// The kind as the spec writes it, e.g. `integer`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ParamKind::String => "string",
            ParamKind::Integer => "integer",
            ParamKind::Number => "number",
            ParamKind::Boolean => "boolean",
        }
    }

    /// The kind the spec writes as `text`, if any.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// A code's message template, as written and as its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    /// The template as the spec writes it, e.g. `Used {limit} of {{quota}}`.
    pub text: String,
    /// Its literal text and placeholders in order, with `{{` and `}}` already made single
    /// braces; no two text parts are adjacent, and no text part is empty.
    pub parts: Vec<Part>,
}

/// One part of a message template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// Literal text.
    Text(String),
    /// The value of the parameter of this wire name, written as text.
    Param(String),
}

/// One entry of a code's `allow:` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Allow {
    /// The lint's id.
    pub id: String,
    /// Where the entry is written.
    pub span: Span,
}

/// Where a model item was written: its node, and each of its keys with its value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Origin {
    /// The item's node (a mapping).
    pub node: Span,
    /// Each key, with where the key and its value are written, in file order.
    keys: Vec<(String, Span, Span)>,
}

impl Origin {
    /// The origin of the mapping at `path` in `document` (for a path that is not there, an
    /// empty origin at the start of the file).
    pub(crate) fn of(document: &Document<'_>, path: &Path) -> Self {
        Self {
            node: document.span(path).unwrap_or_default(),
            keys: document.entries(path),
        }
    }

    /// Where the value of `key` is written, if the item has the key.
    pub(crate) fn value(&self, key: &str) -> Option<Span> {
        self.entry(key).map(|(_, _, value)| *value)
    }

    /// Where `key` itself is written, if the item has it.
    pub(crate) fn key(&self, key: &str) -> Option<Span> {
        self.entry(key).map(|(_, key, _)| *key)
    }

    /// Where the value of `key` is written, or else the item itself: where a report about the
    /// key points.
    pub(crate) fn at(&self, key: &str) -> Span {
        self.value(key).unwrap_or(self.node)
    }

    fn entry(&self, key: &str) -> Option<&(String, Span, Span)> {
        self.keys.iter().find(|(name, _, _)| name == key)
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{Options, check};

    #[test]
    fn a_template_or_a_parameter_alone_is_enough_and_so_is_either_lifecycle_key() {
        let text = "version: 2\napi: {name: T}\ncodes:\n  \
            - {code: a, status: 400, title: A, description: D.}\n  \
            - {code: b, status: 400, title: B, description: D., message: M.}\n  \
            - {code: c, status: 400, title: C, description: D., params: {p: {type: string, description: P.}}}\n  \
            - {code: d, status: 400, title: D, description: D., deprecated: Gone.}\n  \
            - {code: e, status: 400, title: E, description: D., replaced_by: a}\n";
        let spec = check(text, &Options::new("t.yaml")).expect("valid").0;
        let facts: Vec<(bool, bool)> = spec
            .codes
            .iter()
            .map(|code| (code.has_params_or_template(), code.has_lifecycle()))
            .collect();
        assert_eq!(
            facts,
            [
                (false, false),
                (true, false),
                (true, false),
                (false, true),
                (false, true)
            ]
        );
    }
}
