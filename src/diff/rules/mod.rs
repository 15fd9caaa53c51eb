//! The kinds of change: each a small function with a stable id and a severity, in the order
//! `RULES` lists them, grouped by theme: a code's own facts (`codes`), its parameters and
//! message template (`params`), its life cycle and the reserved codes (`lifecycle`), and the
//! API as a whole (`api`).
//!
//! A rule reads the paired codes (see `matching`) and the two models, and says what it found
//! and which nodes to point at in each version. Rules are independent: one edit may be seen by
//! more than one (a status moved from 404 to 204 is `STATUS_CHANGED` and
//! `ERROR_BECAME_SUCCESS`; a retitled code without a `name:` is `TITLE_CHANGED` and
//! `IDENTIFIER_RENAMED`), since each says something different to the people reviewing it.
//!
//! Severity is what the change does to the code built against the old version: clients that
//! read error bodies and servers that build them with the generated constructors. A change that
//! stops such code compiling against the regenerated files is breaking, as a change that breaks
//! it on the wire is, since either fails someone's build or someone's request.

mod api;
mod codes;
mod lifecycle;
mod params;

use crate::model::Code;
use crate::yaml::Span;

use super::ChangeSeverity::{self, Breaking, Dangerous, Safe};
use super::Finding;
use super::matching::{Comparison, Indexed, Pair};

/// One kind of change.
pub(crate) struct Rule {
    /// The stable id, as reports show it.
    pub id: &'static str,
    /// What every change of this kind does to clients and servers.
    pub severity: ChangeSeverity,
    /// What it reports, in a few words.
    pub summary: &'static str,
    /// Finds the changes of this kind.
    pub check: fn(&Comparison<'_>) -> Vec<Finding>,
}

/// The one rule that runs when the two versions are in different formats.
pub(crate) const FORMAT_VERSION_CHANGED: &str = "FORMAT_VERSION_CHANGED";

/// Every rule, breaking first; changes at the same place are reported in this order.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        id: FORMAT_VERSION_CHANGED,
        severity: Breaking,
        summary: "the spec moved between format v1 and v2: codes are known by another key on the wire and in every generated API, so nothing else is compared",
        check: codes::format_version_changed,
    },
    Rule {
        id: "CODE_REMOVED",
        severity: Breaking,
        summary: "a code is gone, other than at the end of its deprecation: clients that name it stop compiling, and its status (v1) or code (v2) is unknown to new ones",
        check: lifecycle::code_removed,
    },
    Rule {
        id: "RESERVED_CODE_REMOVED",
        severity: Breaking,
        summary: "a wire code is no longer reserved (format v2): a code may take it again, and clients built when it was a code would read that code as the old one",
        check: lifecycle::reserved_code_removed,
    },
    Rule {
        id: "RESERVED_CODE_REUSED",
        severity: Breaking,
        summary: "a new code uses a wire code the old version reserved (format v2): clients built when it was a code read the new code as the old one",
        check: lifecycle::reserved_code_reused,
    },
    Rule {
        id: "STATUS_CHANGED",
        severity: Breaking,
        summary: "a code has a new status: deployed clients read the old status as this code",
        check: codes::status_changed,
    },
    Rule {
        id: "ERROR_BECAME_SUCCESS",
        severity: Breaking,
        summary: "a code's status moved from 400 and up to below 400: it no longer reports an error",
        check: codes::error_became_success,
    },
    Rule {
        id: "SUCCESS_BECAME_ERROR",
        severity: Breaking,
        summary: "a code's status moved from below 400 to 400 and up: it now reports an error",
        check: codes::success_became_error,
    },
    Rule {
        id: "IDENTIFIER_RENAMED",
        severity: Breaking,
        summary: "a code's identifier changed in a target (a new `name:`, or a new title without one): client code that names it stops compiling",
        check: codes::identifier_renamed,
    },
    Rule {
        id: "ERROR_NAME_CHANGED",
        severity: Breaking,
        summary: "`api.error_name`, the `error.name` every error body carries, changed: clients that recognise error bodies by it reject every new one",
        check: api::error_name_changed,
    },
    Rule {
        id: "ENVELOPE_CHANGED",
        severity: Breaking,
        summary: "`api.envelope` changed (format v2): every error body has a new shape and media type, which clients of the old one cannot read",
        check: api::envelope_changed,
    },
    Rule {
        id: "PARAM_REMOVED",
        severity: Breaking,
        summary: "a code lost a parameter (format v2): clients that read it no longer get it, and servers' constructor calls still pass it",
        check: params::param_removed,
    },
    Rule {
        id: "PARAM_TYPE_CHANGED",
        severity: Breaking,
        summary: "a parameter has a new type: clients that read it fail on the new value, and servers' constructor calls pass the old type",
        check: params::param_type_changed,
    },
    Rule {
        id: "PARAM_MADE_OPTIONAL",
        severity: Breaking,
        summary: "a required parameter became optional: clients that read it as always there fail on bodies without it, and the Rust constructor takes it as an `Option`, after the required ones",
        check: params::param_made_optional,
    },
    Rule {
        id: "PARAM_ADDED",
        severity: Breaking,
        summary: "a code has a new required parameter: every server's constructor call must pass it; clients built before ignore it",
        check: params::param_added,
    },
    Rule {
        id: "OPTIONAL_PARAM_ADDED",
        severity: Breaking,
        summary: "a code has a new optional parameter: the Rust constructor takes one more positional argument, so Rust servers' calls stop compiling; TypeScript calls and clients are unaffected",
        check: params::optional_param_added,
    },
    Rule {
        id: "PARAM_MADE_REQUIRED",
        severity: Breaking,
        summary: "an optional parameter became required: servers must now pass it (the constructors' signatures change); clients gain a guarantee",
        check: params::param_made_required,
    },
    Rule {
        id: "PARAM_REORDERED",
        severity: Breaking,
        summary: "the Rust constructor takes a code's parameters in a new order: calls stop compiling where the types differ, and send values under the wrong names where they are the same",
        check: params::param_reordered,
    },
    Rule {
        id: "MESSAGE_TEMPLATE_ADDED",
        severity: Breaking,
        summary: "a code without a message template has one now: its constructors no longer take a message, so every server's call changes",
        check: params::message_template_added,
    },
    Rule {
        id: "MESSAGE_TEMPLATE_REMOVED",
        severity: Breaking,
        summary: "a code's message template is gone: its constructors take a message again, so every server's call changes",
        check: params::message_template_removed,
    },
    Rule {
        id: "CODE_RETIRED",
        severity: Dangerous,
        summary: "a code deprecated in the old version is removed and its wire code reserved: the planned end of a deprecation; clients that still name it stop compiling when they regenerate",
        check: lifecycle::code_retired,
    },
    Rule {
        id: "RETRYABLE_CHANGED",
        severity: Dangerous,
        summary: "a code's `retryable` flipped: clients that retry by it retry differently",
        check: codes::retryable_changed,
    },
    Rule {
        id: "TITLE_CHANGED",
        severity: Dangerous,
        summary: "a code's title changed: clients that compare the title or the displayed `404 Not Found` see new text",
        check: codes::title_changed,
    },
    Rule {
        id: "REPLACEMENT_CHANGED",
        severity: Dangerous,
        summary: "a code's `replaced_by` names another code, or none: clients that act on `replaced_by()` get another answer",
        check: lifecycle::replacement_changed,
    },
    Rule {
        id: "CODE_ADDED",
        severity: Safe,
        summary: "a new code: deployed clients see an unknown status (v1) or an unknown code (v2), which they read as they could before; in v2 `ErrorCode` is `#[non_exhaustive]`",
        check: codes::code_added,
    },
    Rule {
        id: "CODE_DEPRECATED",
        severity: Safe,
        summary: "a code is deprecated: it works as before, and code that names it gets a deprecation warning",
        check: lifecycle::code_deprecated,
    },
    Rule {
        id: "CODE_UNDEPRECATED",
        severity: Safe,
        summary: "a code is no longer deprecated: it works as before, without the warning",
        check: lifecycle::code_undeprecated,
    },
    Rule {
        id: "DEPRECATION_CHANGED",
        severity: Safe,
        summary: "a deprecated code's reason changed: docs and deprecation notes only",
        check: lifecycle::deprecation_changed,
    },
    Rule {
        id: "CODE_RESERVED",
        severity: Safe,
        summary: "a wire code that was not a code of the old version is now reserved: docs only",
        check: lifecycle::code_reserved,
    },
    Rule {
        id: "DESCRIPTION_CHANGED",
        severity: Safe,
        summary: "a code's description changed: docs and doc comments only",
        check: codes::description_changed,
    },
    Rule {
        id: "DOCS_URL_CHANGED",
        severity: Safe,
        summary: "a code's documentation URL was added, removed or changed (format v2): docs only",
        check: codes::docs_url_changed,
    },
    Rule {
        id: "MESSAGE_TEMPLATE_CHANGED",
        severity: Safe,
        summary: "a code's message template changed: new bodies carry the new text, and constructor calls stay as they are",
        check: params::message_template_changed,
    },
    Rule {
        id: "PARAM_DESCRIPTION_CHANGED",
        severity: Safe,
        summary: "a parameter's description changed: docs and doc comments only",
        check: params::param_description_changed,
    },
    Rule {
        id: "CODE_MOVED",
        severity: Safe,
        summary: "a code moved in the list: `ErrorCode::ALL`, `ERROR_CODES` and the docs' table follow the spec's order",
        check: codes::code_moved,
    },
    Rule {
        id: "API_NAME_CHANGED",
        severity: Safe,
        summary: "`api.name` changed: docs and doc comments only",
        check: api::api_name_changed,
    },
    Rule {
        id: "EXAMPLE_CHANGED",
        severity: Safe,
        summary: "the example error body was added, removed or changed: docs only",
        check: api::example_changed,
    },
];

/// The pairs whose old and new code satisfy `changed`.
fn pairs_where<'c, 'a>(
    c: &'c Comparison<'a>,
    changed: fn(&Code, &Code) -> bool,
) -> impl Iterator<Item = &'c Pair<'a>> {
    c.pairs
        .iter()
        .filter(move |pair| changed(pair.old.code, pair.new.code))
}

/// How messages name a code: `code 404 `NotFound`` in v1, `code `card_declined`` in v2.
fn label(code: &Code) -> String {
    code.label()
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The indices of a longest strictly increasing subsequence of `values`, in order; of several,
/// the one that ends and then continues earliest, so the choice is the same on every run.
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let mut length = vec![1usize; values.len()];
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for i in 0..values.len() {
        for j in 0..i {
            if values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = Some(j);
            }
        }
    }
    let mut end =
        (0..values.len()).reduce(|best, i| if length[i] > length[best] { i } else { best });
    let mut kept = Vec::new();
    while let Some(i) = end {
        kept.push(i);
        end = previous[i];
    }
    kept.reverse();
    kept
}

fn field(code: &Indexed<'_>, key: &str) -> Option<Span> {
    Some(code.code.origin.at(key))
}

/// A code's status.
fn status(code: &Indexed<'_>) -> Option<Span> {
    field(code, "status")
}

/// Where reports point at a code as a whole: what identifies it, its wire code in v2 and its
/// status in v1.
fn whole(code: &Indexed<'_>) -> Option<Span> {
    match code.code.code {
        Some(_) => field(code, "code"),
        None => status(code),
    }
}

/// Where a code's identifiers come from: its `name:`, or its title when it has none.
fn identifier_source(code: &Indexed<'_>) -> Option<Span> {
    Some(code.code.identifier_origin())
}

/// A code's `retryable:`, or its status when the key is absent (and so `false`).
fn retryable(code: &Indexed<'_>) -> Option<Span> {
    let origin = &code.code.origin;
    Some(
        origin
            .value("retryable")
            .unwrap_or_else(|| origin.at("status")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_breaking_comes_first() {
        let mut ids: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        assert!(RULES.is_sorted_by_key(|rule| rule.severity));
    }

    #[test]
    fn the_longest_increasing_run_keeps_all_but_the_moved_code() {
        assert_eq!(longest_increasing(&[0, 1, 2]), [0, 1, 2]);
        assert_eq!(
            longest_increasing(&[2, 0, 1]),
            [1, 2],
            "the last moved to the top"
        );
        assert_eq!(
            longest_increasing(&[1, 2, 0]),
            [0, 1],
            "the first moved to the end"
        );
        assert_eq!(
            longest_increasing(&[1, 0]),
            [0],
            "of a swap, the first stays"
        );
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
    }

    #[test]
    fn lists_read_as_english() {
        let items = |n: usize| -> Vec<String> {
            ["a", "b", "c"][..n].iter().map(|s| s.to_string()).collect()
        };
        assert_eq!(and_list(&items(1)), "a");
        assert_eq!(and_list(&items(2)), "a and b");
        assert_eq!(and_list(&items(3)), "a, b and c");
    }
}
