//! What changed between two versions of a spec, each change classified by what it does to the
//! code built against the old version (clients that read error bodies, and servers that build
//! them with the generated constructors): breaking, dangerous or safe.
//!
//! The comparison is pure: two validated models in, a list of changes out. The codes of the
//! two versions are paired first (`matching`), then every rule of `rules::RULES` looks at the
//! pairs and at what is left unpaired, each rule with its own stable id and severity. Positions
//! are looked up afterwards, in both texts, only for what is reported. Reading the two versions
//! (a file, or `git show`) is the caller's job.

mod matching;
mod rules;

use std::fmt;

use crate::diagnostic::Location;
use crate::error::Error;
use crate::model::Spec;
use crate::pipeline::{self, Options};
use crate::yaml::{LineIndex, Span};

use matching::Comparison;

/// How a change affects the code built against the old version of the spec: clients that read
/// error bodies, and (format v2) servers that build them with the generated constructors.
///
/// The order is the report's: breaking first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ChangeSeverity {
    /// Clients or servers break: a status or code they handle disappears or means something
    /// else on the wire, or their code stops compiling against the regenerated files (a renamed
    /// identifier, a constructor that takes other arguments).
    Breaking,
    /// Clients may break if they depend on the changed value: a title they compare, a
    /// retryability or a replacement they act on, a deprecated code that is now retired.
    Dangerous,
    /// Nothing breaks: a new code, a deprecation, a reworded description or message template,
    /// docs-only facts.
    Safe,
}

impl ChangeSeverity {
    /// Every severity, in report order.
    pub const ALL: [ChangeSeverity; 3] = [
        ChangeSeverity::Breaking,
        ChangeSeverity::Dangerous,
        ChangeSeverity::Safe,
    ];

    /// The lowercase word used in reports: `breaking`, `dangerous` or `safe`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeSeverity::Breaking => "breaking",
            ChangeSeverity::Dangerous => "dangerous",
            ChangeSeverity::Safe => "safe",
        }
    }
}

impl fmt::Display for ChangeSeverity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a change shows in one version of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The version's file, as [`DiffOptions`] names it.
    pub file: String,
    /// The node that changed (or, for a key that is absent and defaulted, its code's status).
    pub location: Option<Location>,
    /// The exclusive end of that node.
    pub end: Option<Location>,
}

/// One change between two versions of a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// A stable identifier for the kind of change, e.g. `STATUS_CHANGED`; see
    /// [`change_kinds`].
    pub id: &'static str,
    /// What the change does to clients and servers.
    pub severity: ChangeSeverity,
    /// What changed, starting lowercase, without a final dot.
    pub message: String,
    /// For a breaking or dangerous change: what it breaks, or how to avoid breaking it.
    pub hint: Option<String>,
    /// Where the change shows in the old version; `None` for what the old version lacks (an
    /// added code).
    pub old: Option<Place>,
    /// Where the change shows in the new version; `None` for what the new version lacks (a
    /// removed code).
    pub new: Option<Place>,
}

impl Change {
    /// Whether the change breaks clients or servers.
    pub fn is_breaking(&self) -> bool {
        self.severity == ChangeSeverity::Breaking
    }

    /// The place a report points at first: in the new version where the change shows there,
    /// else in the old one.
    pub fn primary(&self) -> Option<&Place> {
        self.new.as_ref().or(self.old.as_ref())
    }
}

impl fmt::Display for Place {
    /// `file:line:column`, or the file alone when the node was not found.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(at) = self.location {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        Ok(())
    }
}

impl fmt::Display for Change {
    /// The one-line form, as for a [`Diagnostic`](crate::Diagnostic):
    /// `new.yaml:5:13: breaking: message`, then, each on its own line, `  was: old.yaml:5:13`
    /// when the change shows in both versions, and `  hint: ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(place) = self.primary() {
            write!(f, "{place}: ")?;
        }
        write!(f, "{}: {}", self.severity, self.message)?;
        if let (Some(old), Some(_)) = (&self.old, &self.new) {
            write!(f, "\n  was: {old}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A kind of change [`diff`] reports: its stable id, its severity, and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChangeKind {
    /// The id, as in [`Change::id`].
    pub id: &'static str,
    /// The severity every change of this kind has.
    pub severity: ChangeSeverity,
    /// What it reports, in a few words.
    pub summary: &'static str,
}

/// Every kind of change [`diff`] reports, breaking first.
///
/// ```
/// let kinds: Vec<_> = errspec::change_kinds().collect();
/// assert!(kinds.iter().any(|k| k.id == "CODE_REMOVED" && k.severity == errspec::ChangeSeverity::Breaking));
/// ```
pub fn change_kinds() -> impl Iterator<Item = ChangeKind> {
    rules::RULES.iter().map(|rule| ChangeKind {
        id: rule.id,
        severity: rule.severity,
        summary: rule.summary,
    })
}

/// How [`diff`] names the two versions in its changes and diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DiffOptions {
    /// The old version's name, e.g. `old.yaml` or `origin/main:spec/errors.yaml`.
    pub old_name: String,
    /// The new version's name, e.g. `spec/errors.yaml`.
    pub new_name: String,
}

impl DiffOptions {
    /// Options naming the old version `old_name` and the new one `new_name`.
    pub fn new(old_name: impl Into<String>, new_name: impl Into<String>) -> Self {
        Self {
            old_name: old_name.into(),
            new_name: new_name.into(),
        }
    }
}

/// Compares two versions of a spec, given as text, and returns every change between them,
/// breaking changes first, then dangerous, then safe, each group in the new version's order.
///
/// Both versions must be valid; if either is not, the error lists the problems of each
/// (the old version's first), named as `options` names them. Warnings (lints) do not matter
/// here. Two versions that differ only in what no generated file shows (comments, layout,
/// `allow:`, a `name:` that gives the identifiers the title gave) have no changes.
///
/// In format v1, codes are paired across the versions by their identifiers first, then by
/// status: so a code whose status changes is `STATUS_CHANGED`, one whose name changes at the
/// same status is `IDENTIFIER_RENAMED`, and one whose name and status both change is a removed
/// code and an added one. In format v2 a code is its wire code, and a parameter its wire name:
/// each is paired by that alone.
///
/// ```
/// let old = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 404\n    title: Not Found\n    description: No such thing.\n";
/// let new = old.replace("404", "410");
/// let changes = errspec::diff(old, &new, &errspec::DiffOptions::new("old.yaml", "new.yaml"))?;
/// assert_eq!(changes[0].id, "STATUS_CHANGED");
/// assert!(changes[0].is_breaking());
/// assert_eq!(changes[0].message, "code `NotFound` changed its status from 404 to 410");
/// let new_place = changes[0].new.as_ref().unwrap();
/// assert_eq!((new_place.file.as_str(), new_place.location.unwrap().line), ("new.yaml", 5));
/// # Ok::<(), errspec::Error>(())
/// ```
pub fn diff(old: &str, new: &str, options: &DiffOptions) -> Result<Vec<Change>, Error> {
    let old_checked = pipeline::check_with_lines(old, &Options::new(options.old_name.as_str()));
    let new_checked = pipeline::check_with_lines(new, &Options::new(options.new_name.as_str()));
    let ((old_spec, _, old_lines), (new_spec, _, new_lines)) = match (old_checked, new_checked) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let problems = [old.err(), new.err()].into_iter().flatten().flatten();
            return Err(Error::InvalidSpec(problems.collect()));
        }
    };
    let mut changes: Vec<Change> = compare(&old_spec, &new_spec)
        .into_iter()
        .map(|(rule, finding)| Change {
            id: rule.id,
            severity: rule.severity,
            message: finding.message,
            hint: finding.hint,
            old: place(&old_lines, &options.old_name, finding.old),
            new: place(&new_lines, &options.new_name, finding.new),
        })
        .collect();
    // Stable, so changes at the same place keep the rules' order.
    changes.sort_by_key(|change| {
        let at = |side: &Option<Place>| side.as_ref().and_then(|place| place.location);
        (
            change.severity,
            change.new.is_none(),
            at(&change.new),
            at(&change.old),
        )
    });
    Ok(changes)
}

/// What one rule found, before the rule's id and severity and the positions are attached.
pub(crate) struct Finding {
    message: String,
    hint: Option<String>,
    /// The node to point at in the old version; `None` when the change has no place there.
    old: Option<Span>,
    /// The same for the new version.
    new: Option<Span>,
}

/// Every change from `old` to `new`, with the rule that found it, in the rules' order. Pure:
/// the models in, the findings out.
fn compare(old: &Spec, new: &Spec) -> Vec<(&'static rules::Rule, Finding)> {
    let comparison = Comparison::new(old, new);
    // Across formats every code changes its key: that one change says it all.
    let same_format = old.format == new.format;
    rules::RULES
        .iter()
        .filter(|rule| same_format || rule.id == rules::FORMAT_VERSION_CHANGED)
        .flat_map(|rule| {
            (rule.check)(&comparison)
                .into_iter()
                .map(move |finding| (rule, finding))
        })
        .collect()
}

/// The place of `span` in the version whose lines `lines` indexes.
fn place(lines: &LineIndex<'_>, file: &str, span: Option<Span>) -> Option<Place> {
    let (start, end) = lines.range(span?);
    Some(Place {
        file: file.to_owned(),
        location: Some(start),
        end: Some(end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 404\n    title: Not Found\n    description: No such thing.\n  - status: 500\n    title: Internal Server Error\n    description: Try again.\n    retryable: true\n";

    fn ids(old: &str, new: &str) -> Vec<&'static str> {
        diff(old, new, &DiffOptions::new("old.yaml", "new.yaml"))
            .unwrap()
            .iter()
            .map(|change| change.id)
            .collect()
    }

    #[test]
    fn layout_comments_and_allows_are_not_changes() {
        let new = format!(
            "# A comment.\n{}",
            OLD.replace(
                "title: Not Found",
                "name: Not Found\n    title: 'Not Found'"
            )
            .replace(
                "description: Try again.",
                "description: >-\n      Try again."
            )
        );
        assert_eq!(ids(OLD, &new), Vec::<&str>::new());
    }

    #[test]
    fn breaking_changes_come_first_then_dangerous_then_safe() {
        let new = OLD
            .replace("No such thing.", "Nothing here.")
            .replace("    retryable: true\n", "")
            .replace("status: 404", "status: 410");
        assert_eq!(
            ids(OLD, &new),
            ["STATUS_CHANGED", "RETRYABLE_CHANGED", "DESCRIPTION_CHANGED"]
        );
    }

    #[test]
    fn an_invalid_version_reports_its_problems_named_by_side() {
        let bad_old = OLD.replace("status: 500", "status: 404");
        let bad_new = OLD.replace("title: Not Found", "title: ''");
        let options = DiffOptions::new("old.yaml", "new.yaml");
        let Err(Error::InvalidSpec(problems)) = diff(&bad_old, &bad_new, &options) else {
            panic!("two invalid versions are refused");
        };
        let found: Vec<(&str, &str)> = problems.iter().map(|d| (d.file.as_str(), d.id)).collect();
        assert_eq!(
            found,
            [
                ("old.yaml", "DUPLICATE_STATUS"),
                ("new.yaml", "EMPTY_STRING")
            ]
        );
        let Err(Error::InvalidSpec(problems)) = diff(OLD, &bad_new, &options) else {
            panic!("an invalid new version is refused");
        };
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_byte_order_mark_does_not_shift_positions() {
        let new = format!("\u{FEFF}{}", OLD.replace("status: 404", "status: 410"));
        let changes = diff(OLD, &new, &DiffOptions::new("old.yaml", "new.yaml")).unwrap();
        let at = changes[0].new.as_ref().unwrap().location.unwrap();
        assert_eq!((at.line, at.column), (5, 13));
    }
}
