//! The life cycle of a code: removal, deprecation and replacement, and the wire codes reserved
//! for good (format v2).
//!
//! A code's planned way out is to be deprecated in one version (clients that name it are
//! warned, servers stop sending it) and removed in a later one, with its wire code listed
//! under `reserved:` so that no code takes it again. That removal is `CODE_RETIRED`, dangerous;
//! any other removal is `CODE_REMOVED`, breaking, with the step that was skipped as the hint.
//! Reserved codes are compared as validation compares them, ignoring case: clients compare
//! codes both ways.

use crate::diff::Finding;
use crate::diff::matching::{Comparison, Indexed};
use crate::model::{Reserved, Spec};
use crate::yaml::Span;

use super::{label, pairs_where, whole};

pub(super) fn code_removed(c: &Comparison<'_>) -> Vec<Finding> {
    c.removed
        .iter()
        .filter_map(|old| {
            let Some(wire) = &old.code.code else {
                return Some(Finding {
                    message: format!("{} was removed", label(old.code)),
                    hint: Some(
                        "keep the code (its description can say that it is no longer sent)"
                            .to_owned(),
                    ),
                    old: whole(old),
                    new: None,
                });
            };
            let reserved = reserved_entry(c.new, wire);
            let deprecate_first = "deprecate it first (`deprecated:` with the reason, and \
                                   `replaced_by:` if a code replaces it), so that clients that \
                                   name it are warned, and remove it in a later version";
            let hint = match (old.code.deprecated.is_some(), reserved.is_some()) {
                (true, true) => return None, // CODE_RETIRED
                (true, false) => format!(
                    "list `{wire}` under `reserved:` as you remove it, so that no code takes it \
                     again with another meaning"
                ),
                (false, true) => deprecate_first.to_owned(),
                (false, false) => format!("{deprecate_first}, listing `{wire}` under `reserved:`"),
            };
            Some(Finding {
                message: format!("{} was removed", label(old.code)),
                hint: Some(hint),
                old: whole(old),
                new: reserved.map(|entry| entry.span),
            })
        })
        .collect()
}

pub(super) fn code_retired(c: &Comparison<'_>) -> Vec<Finding> {
    c.removed
        .iter()
        .filter(|old| old.code.deprecated.is_some())
        .filter_map(|old| {
            let entry = reserved_entry(c.new, old.code.code.as_deref()?)?;
            Some(Finding {
                message: format!(
                    "{} was retired: removed after its deprecation, and reserved",
                    label(old.code)
                ),
                hint: Some(
                    "the planned end of its deprecation: clients that still name it stop \
                     compiling when they regenerate, and read it as an unknown code if a server \
                     still sends it"
                        .to_owned(),
                ),
                old: whole(old),
                new: Some(entry.span),
            })
        })
        .collect()
}

pub(super) fn reserved_code_removed(c: &Comparison<'_>) -> Vec<Finding> {
    c.old
        .reserved
        .iter()
        .filter(|entry| {
            reserved_entry(c.new, &entry.code).is_none() && reusing(c, &entry.code).is_none()
        })
        .map(|entry| Finding {
            message: format!("the wire code `{}` is no longer reserved", entry.code),
            hint: Some(format!(
                "keep `{}` under `reserved:`: a code may take it again, and clients built when it \
                 was a code would read that code as the old one",
                entry.code
            )),
            old: Some(entry.span),
            new: c.new.origin.key("reserved"),
        })
        .collect()
}

pub(super) fn reserved_code_reused(c: &Comparison<'_>) -> Vec<Finding> {
    c.old
        .reserved
        .iter()
        .filter_map(|entry| {
            let new = reusing(c, &entry.code)?;
            let spelt = match &new.code.code {
                Some(wire) if *wire != entry.code => format!(" (as `{}`)", entry.code),
                _ => String::new(),
            };
            Some(Finding {
                message: format!(
                    "{} takes a wire code that the old version reserved{spelt}",
                    label(new.code)
                ),
                hint: Some(format!(
                    "give the new code a wire code of its own and keep `{}` reserved: clients \
                     built when it was a code read the new code as the old one",
                    entry.code
                )),
                old: Some(entry.span),
                new: whole(new),
            })
        })
        .collect()
}

pub(super) fn code_reserved(c: &Comparison<'_>) -> Vec<Finding> {
    c.new
        .reserved
        .iter()
        .filter(|entry| {
            // A code removed and reserved is CODE_RETIRED or CODE_REMOVED.
            let removed = c.removed.iter().any(|old| {
                old.code
                    .code
                    .as_deref()
                    .is_some_and(|wire| same_code(wire, &entry.code))
            });
            reserved_entry(c.old, &entry.code).is_none() && !removed
        })
        .map(|entry| Finding {
            message: format!("the wire code `{}` is now reserved", entry.code),
            hint: None,
            old: None,
            new: Some(entry.span),
        })
        .collect()
}

pub(super) fn code_deprecated(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| {
        old.deprecated.is_none() && new.deprecated.is_some()
    })
    .map(|pair| {
        let new = pair.new.code;
        let replacement = match &new.replaced_by {
            Some(code) => format!(", replaced by `{code}`"),
            None => String::new(),
        };
        Finding {
            message: format!("{} is deprecated{replacement}", label(new)),
            hint: None,
            old: whole(&pair.old),
            new: deprecation(&pair.new),
        }
    })
    .collect()
}

pub(super) fn code_undeprecated(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| {
        old.deprecated.is_some() && new.deprecated.is_none()
    })
    .map(|pair| {
        let dropped = match (&pair.old.code.replaced_by, &pair.new.code.replaced_by) {
            (Some(code), None) => format!(", nor replaced by `{code}`"),
            _ => String::new(),
        };
        Finding {
            message: format!("{} is no longer deprecated{dropped}", label(pair.new.code)),
            hint: None,
            old: deprecation(&pair.old),
            new: whole(&pair.new),
        }
    })
    .collect()
}

pub(super) fn deprecation_changed(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| {
        old.deprecated.is_some() && new.deprecated.is_some() && old.deprecated != new.deprecated
    })
    .map(|pair| Finding {
        message: format!("{} has a new deprecation reason", label(pair.new.code)),
        hint: None,
        old: deprecation(&pair.old),
        new: deprecation(&pair.new),
    })
    .collect()
}

/// A `replaced_by` that changes, unless it comes or goes with the deprecation itself, which
/// `CODE_DEPRECATED` and `CODE_UNDEPRECATED` report with the replacement.
pub(super) fn replacement_changed(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| {
        let with_deprecation = match (&old.replaced_by, &new.replaced_by) {
            (None, Some(_)) => old.deprecated.is_none() && new.deprecated.is_some(),
            (Some(_), None) => old.deprecated.is_some() && new.deprecated.is_none(),
            _ => false,
        };
        old.replaced_by != new.replaced_by && !with_deprecation
    })
    .map(|pair| {
        let code = label(pair.new.code);
        let (message, now) = match (&pair.old.code.replaced_by, &pair.new.code.replaced_by) {
            (Some(before), Some(after)) => (
                format!("{code} is now replaced by `{after}` instead of `{before}`"),
                format!("get `{after}` where they got `{before}`"),
            ),
            (Some(before), None) => (
                format!("{code} is no longer replaced by `{before}`"),
                format!("no longer get `{before}`"),
            ),
            (None, Some(after)) => (
                format!("{code} is now replaced by `{after}`"),
                format!("now get `{after}`"),
            ),
            (None, None) => (String::new(), String::new()),
        };
        Finding {
            message,
            hint: Some(format!(
                "clients that act on `replaced_by()` (`replacedBy` in TypeScript) {now}"
            )),
            old: replacement(&pair.old),
            new: replacement(&pair.new),
        }
    })
    .collect()
}

/// Whether two wire codes are the same code to clients, as validation compares them.
fn same_code(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The entry of `spec`'s `reserved:` for the wire code `code`, if it reserves it.
fn reserved_entry<'a>(spec: &'a Spec, code: &str) -> Option<&'a Reserved> {
    spec.reserved
        .iter()
        .find(|entry| same_code(&entry.code, code))
}

/// The new code that uses `code`, reserved in the old version. Validation refuses a code that
/// uses a code reserved in its own spec, so it is always an added code.
fn reusing<'c, 'a>(c: &'c Comparison<'a>, code: &str) -> Option<&'c Indexed<'a>> {
    c.added.iter().find(|new| {
        new.code
            .code
            .as_deref()
            .is_some_and(|wire| same_code(wire, code))
    })
}

/// A code's `deprecated:`, or the code itself when it has none.
fn deprecation(code: &Indexed<'_>) -> Option<Span> {
    code.code.origin.value("deprecated").or_else(|| whole(code))
}

/// A code's `replaced_by:`, or, without one, its `deprecated:` or the code itself.
fn replacement(code: &Indexed<'_>) -> Option<Span> {
    let origin = &code.code.origin;
    origin.value("replaced_by").or_else(|| deprecation(code))
}

#[cfg(test)]
mod tests {
    use crate::diff::{DiffOptions, diff};

    /// A v2 spec with a code per wire code (`!` after one marks it deprecated, replaced by the
    /// first code), and these reserved codes.
    fn spec(codes: &[&str], reserved: &[&str]) -> String {
        let mut text = "version: 2\napi:\n  name: Acme\ncodes:\n".to_owned();
        for code in codes {
            let (wire, deprecated) = match code.strip_suffix('!') {
                Some(wire) => (wire, true),
                None => (*code, false),
            };
            text.push_str(&format!(
                "  - code: {wire}\n    status: 400\n    title: T {wire}\n    description: d\n"
            ));
            if deprecated {
                text.push_str(&format!("    deprecated: Use {}.\n", codes[0]));
                text.push_str(&format!("    replaced_by: {}\n", codes[0]));
            }
        }
        text.push_str(&format!("reserved: [{}]\n", reserved.join(", ")));
        text
    }

    fn changes(old: &str, new: &str) -> Vec<(&'static str, String)> {
        diff(old, new, &DiffOptions::new("old.yaml", "new.yaml"))
            .unwrap()
            .into_iter()
            .map(|change| (change.id, change.message))
            .collect()
    }

    #[test]
    fn reserved_codes_are_compared_ignoring_case_as_validation_does() {
        let old = spec(&["a", "gone!"], &["old_x"]);
        let new = spec(&["a"], &["OLD_X", "Gone"]);
        assert_eq!(
            changes(&old, &new),
            [(
                "CODE_RETIRED",
                "code `gone` was retired: removed after its deprecation, and reserved".to_owned()
            )]
        );
        // Breaking changes placed in the new version come first, then those only in the old.
        let reused = spec(&["a", "Old_X"], &[]);
        assert_eq!(
            changes(&old, &reused),
            [
                (
                    "RESERVED_CODE_REUSED",
                    "code `Old_X` takes a wire code that the old version reserved (as `old_x`)"
                        .to_owned()
                ),
                ("CODE_REMOVED", "code `gone` was removed".to_owned()),
                ("CODE_ADDED", "code `Old_X` was added".to_owned()),
            ],
            "a reused code is not also reported as no longer reserved"
        );
    }

    #[test]
    fn a_replacement_is_reported_apart_from_its_deprecation_only_when_it_changes_alone() {
        let deprecated = spec(&["a", "b!"], &[]);
        let plain = spec(&["a", "b"], &[]);
        // `replaced_by` without `deprecated` is valid (a lint), and a change of its own.
        let replaced_only = plain.replace(
            "description: d\nreserved",
            "description: d\n    replaced_by: a\nreserved",
        );
        let ids = |old: &str, new: &str| -> Vec<&'static str> {
            changes(old, new).into_iter().map(|(id, _)| id).collect()
        };
        assert_eq!(ids(&plain, &deprecated), ["CODE_DEPRECATED"]);
        assert_eq!(ids(&deprecated, &plain), ["CODE_UNDEPRECATED"]);
        assert_eq!(ids(&plain, &replaced_only), ["REPLACEMENT_CHANGED"]);
        assert_eq!(ids(&replaced_only, &deprecated), ["CODE_DEPRECATED"]);
        assert_eq!(ids(&deprecated, &replaced_only), ["CODE_UNDEPRECATED"]);
        assert_eq!(
            changes(&replaced_only, &plain),
            [(
                "REPLACEMENT_CHANGED",
                "code `b` is no longer replaced by `a`".to_owned()
            )]
        );
    }
}
