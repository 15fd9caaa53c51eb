//! Problems found in a spec, each with a stable id, a position and, where the fix is obvious,
//! a hint.

use std::fmt;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// The spec is invalid; nothing is generated.
    Error,
    /// A lint: the spec is valid and generates, but something in it looks wrong. A warning
    /// fails only when warnings are denied, and then it is reported as an error.
    Warning,
}

impl Severity {
    /// The lowercase word used in messages: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A position in the spec file, both numbers counted from 1; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

/// One problem in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// A stable identifier for the kind of problem, e.g. `DUPLICATE_STATUS`.
    pub id: &'static str,
    /// Whether the problem stops generation (an error) or is a lint (a warning).
    pub severity: Severity,
    /// The spec file, as the user named it.
    pub file: String,
    /// Where in the file, when the problem has a place (an unreadable file has none): the
    /// start of the node the problem is about.
    pub location: Option<Location>,
    /// The exclusive end of that node, when it is known.
    pub end: Option<Location>,
    /// What is wrong, starting lowercase, without a final dot.
    pub message: String,
    /// How to fix it, when that is clear.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about the node that spans `at` (start and exclusive end), or about the file
    /// as a whole.
    pub(crate) fn error(
        id: &'static str,
        file: &str,
        at: Option<(Location, Location)>,
        message: String,
        hint: Option<String>,
    ) -> Self {
        Self {
            id,
            severity: Severity::Error,
            file: file.to_owned(),
            location: at.map(|(start, _)| start),
            end: at.map(|(_, end)| end),
            message,
            hint,
        }
    }

    /// Whether this diagnostic stops generation.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: error: message` (or `warning:`), then `  hint: ...` on its own line: the form
    /// compilers use, so editors and terminals can jump to the place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(at) = self.location {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        write!(f, ": {}: {}", self.severity, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}
