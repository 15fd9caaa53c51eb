//! The kinds of change: each a small function with a stable id and a severity, in the order
//! `RULES` lists them.
//!
//! A rule reads the paired codes (see `matching`) and the two models, and says what it found
//! and which nodes to point at in each version. Rules are independent: one edit may be seen by
//! more than one (a status moved from 404 to 204 is `STATUS_CHANGED` and
//! `ERROR_BECAME_SUCCESS`; a retitled code without a `name:` is `TITLE_CHANGED` and
//! `IDENTIFIER_RENAMED`), since each says something different to the people reviewing it.

use crate::model::{Api, Code, Example};
use crate::names::Identifiers;
use crate::yaml::Span;

use super::ChangeSeverity::{self, Breaking, Dangerous, Safe};
use super::Finding;
use super::matching::{Comparison, Indexed, Pair};

/// One kind of change.
pub(crate) struct Rule {
    /// The stable id, as reports show it.
    pub id: &'static str,
    /// What every change of this kind does to clients.
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
        check: format_version_changed,
    },
    Rule {
        id: "CODE_REMOVED",
        severity: Breaking,
        summary: "a code is gone: clients that name it stop compiling, and its status is unknown to new ones",
        check: code_removed,
    },
    Rule {
        id: "STATUS_CHANGED",
        severity: Breaking,
        summary: "a code has a new status: deployed clients read the old status as this code",
        check: status_changed,
    },
    Rule {
        id: "ERROR_BECAME_SUCCESS",
        severity: Breaking,
        summary: "a code's status moved from 400 and up to below 400: it no longer reports an error",
        check: error_became_success,
    },
    Rule {
        id: "SUCCESS_BECAME_ERROR",
        severity: Breaking,
        summary: "a code's status moved from below 400 to 400 and up: it now reports an error",
        check: success_became_error,
    },
    Rule {
        id: "IDENTIFIER_RENAMED",
        severity: Breaking,
        summary: "a code's identifier changed in a target (a new `name:`, or a new title without one): client code that names it stops compiling",
        check: identifier_renamed,
    },
    Rule {
        id: "ERROR_NAME_CHANGED",
        severity: Breaking,
        summary: "`api.error_name`, the `error.name` every error body carries, changed: clients that recognise error bodies by it reject every new one",
        check: error_name_changed,
    },
    Rule {
        id: "RETRYABLE_CHANGED",
        severity: Dangerous,
        summary: "a code's `retryable` flipped: clients that retry by it retry differently",
        check: retryable_changed,
    },
    Rule {
        id: "TITLE_CHANGED",
        severity: Dangerous,
        summary: "a code's title changed: clients that compare the title or the displayed `404 Not Found` see new text",
        check: title_changed,
    },
    Rule {
        id: "CODE_ADDED",
        severity: Safe,
        summary: "a new code: deployed clients see an unknown status (v1) or an unknown code (v2), which they read as they could before; in v2 `ErrorCode` is `#[non_exhaustive]`",
        check: code_added,
    },
    Rule {
        id: "DESCRIPTION_CHANGED",
        severity: Safe,
        summary: "a code's description changed: docs and doc comments only",
        check: description_changed,
    },
    Rule {
        id: "DOCS_URL_CHANGED",
        severity: Safe,
        summary: "a code's documentation URL was added, removed or changed (format v2): docs only",
        check: docs_url_changed,
    },
    Rule {
        id: "CODE_MOVED",
        severity: Safe,
        summary: "a code moved in the list: `ErrorCode::ALL`, `ERROR_CODES` and the docs' table follow the spec's order",
        check: code_moved,
    },
    Rule {
        id: "API_NAME_CHANGED",
        severity: Safe,
        summary: "`api.name` changed: docs and doc comments only",
        check: api_name_changed,
    },
    Rule {
        id: "EXAMPLE_CHANGED",
        severity: Safe,
        summary: "the example error body was added, removed or changed: docs only",
        check: example_changed,
    },
];

/// A move between formats changes what every generated API is keyed by; pairing codes across
/// it would report every code, so this is the one finding (see `compare`).
fn format_version_changed(c: &Comparison<'_>) -> Vec<Finding> {
    if c.old.format == c.new.format {
        return Vec::new();
    }
    let version = |spec: &crate::model::Spec| match spec.format {
        crate::model::Format::V1 => 1,
        crate::model::Format::V2 => 2,
    };
    let at = |spec: &crate::model::Spec| Some(spec.origin.at("version"));
    vec![Finding {
        message: format!(
            "the spec moved from format v{} to v{}",
            version(c.old),
            version(c.new)
        ),
        hint: Some(
            "every generated API changes with it: v1 knows a code by its HTTP status, v2 by the \
             code sent in `error.code`; release it as a new major version of the API's clients"
                .to_owned(),
        ),
        old: at(c.old),
        new: at(c.new),
    }]
}

fn docs_url_changed(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| old.docs_url != new.docs_url)
        .map(|pair| {
            let (old, new) = (pair.old.code, pair.new.code);
            let message = match (&old.docs_url, &new.docs_url) {
                (None, Some(url)) => format!("{} is now documented at {url}", label(new)),
                (Some(_), None) => format!("{} no longer has a documentation URL", label(new)),
                (Some(before), Some(after)) => format!(
                    "{}'s documentation URL changed from {before} to {after}",
                    label(new)
                ),
                (None, None) => String::new(),
            };
            // A URL from `api.docs` shows at the code; point at the code's own `docs` if any.
            let at = |code: &Indexed<'_>| Some(code.code.origin.at("docs"));
            Finding {
                message,
                hint: None,
                old: at(&pair.old),
                new: at(&pair.new),
            }
        })
        .collect()
}

fn code_removed(c: &Comparison<'_>) -> Vec<Finding> {
    c.removed
        .iter()
        .map(|old| Finding {
            message: format!("{} was removed", label(old.code)),
            hint: Some(
                "keep the code (its description can say that it is no longer sent)".to_owned(),
            ),
            old: whole(old),
            new: None,
        })
        .collect()
}

fn status_changed(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| old.status != new.status)
        .map(|pair| {
            let (old, new) = (pair.old.code, pair.new.code);
            Finding {
                message: match &new.code {
                    Some(wire) => format!(
                        "code `{wire}` changed its status from {} to {}",
                        old.status, new.status
                    ),
                    None => format!(
                        "code `{}` changed its status from {} to {}",
                        new.idents.rust, old.status, new.status
                    ),
                },
                hint: Some(match &new.code {
                    Some(_) => format!(
                        "keep the code at {}: clients that handle it by its status, or by the \
                         code and the status together, see another error; add a new code for \
                         the new case",
                        old.status
                    ),
                    None => format!(
                        "keep the code at {} and add a new code for {}",
                        old.status, new.status
                    ),
                }),
                old: status(&pair.old),
                new: status(&pair.new),
            }
        })
        .collect()
}

fn error_became_success(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| old.is_error() && !new.is_error())
        .map(|pair| {
            let (old, new) = (pair.old.code, pair.new.code);
            Finding {
                message: format!(
                    "code `{}` is no longer an error: its status changed from {} to {}",
                    new.idents.rust, old.status, new.status
                ),
                hint: Some(
                    "clients that check `is_error()` (`isErrorStatus` in TypeScript) now treat it as a success"
                        .to_owned(),
                ),
                old: status(&pair.old),
                new: status(&pair.new),
            }
        })
        .collect()
}

fn success_became_error(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| !old.is_error() && new.is_error())
        .map(|pair| {
            let (old, new) = (pair.old.code, pair.new.code);
            Finding {
                message: format!(
                    "code `{}` is now an error: its status changed from {} to {}",
                    new.idents.rust, old.status, new.status
                ),
                hint: Some(
                    "clients that check `is_error()` (`isErrorStatus` in TypeScript) now treat it as a failure"
                        .to_owned(),
                ),
                old: status(&pair.old),
                new: status(&pair.new),
            }
        })
        .collect()
}

/// Compares every target's identifier, so a rule of one target that renames what the others
/// keep is caught too.
fn identifier_renamed(c: &Comparison<'_>) -> Vec<Finding> {
    let mut found = Vec::new();
    for pair in &c.pairs {
        let (old, new) = (&pair.old.code.idents, &pair.new.code.idents);
        let renamed: Vec<(&str, &str, &str)> = old
            .by_target()
            .into_iter()
            .zip(new.by_target())
            .filter(|((_, before), (_, after))| before != after)
            .map(|((target, before), (_, after))| (target, before, after))
            .collect();
        let Some(&(_, first_before, first_after)) = renamed.first() else {
            continue;
        };
        let code = match &pair.new.code.code {
            Some(wire) => format!("`{wire}`"),
            None => pair.new.code.status.to_string(),
        };
        let message = if renamed
            .iter()
            .all(|&(_, before, after)| (before, after) == (first_before, first_after))
        {
            let targets: Vec<String> = renamed.iter().map(|r| r.0.to_owned()).collect();
            format!(
                "code {code} is renamed from `{first_before}` to `{first_after}` in {}",
                and_list(&targets)
            )
        } else {
            let each: Vec<String> = renamed
                .iter()
                .map(|(target, before, after)| format!("{target} (`{before}` to `{after}`)"))
                .collect();
            format!("code {code} is renamed in {}", and_list(&each))
        };
        // `name:` set to the old identifier gives the old identifiers back, whatever the title.
        let keep = old.typescript.as_str();
        let hint = (Identifiers::for_name(keep).as_ref() == Ok(old))
            .then(|| format!("give the code `name: {keep}` to keep its old identifiers"));
        found.push(Finding {
            message,
            hint,
            old: identifier_source(&pair.old),
            new: identifier_source(&pair.new),
        });
    }
    found
}

fn error_name_changed(c: &Comparison<'_>) -> Vec<Finding> {
    let (old, new) = (&c.old.api.error_name, &c.new.api.error_name);
    if old == new {
        return Vec::new();
    }
    // Absent, it is the default, "Error": point at the `api` key then.
    let place = |spec: &crate::model::Spec| {
        spec.api
            .origin
            .value("error_name")
            .or(spec.origin.key("api"))
    };
    vec![Finding {
        message: format!("every error body's `error.name` changed from {old:?} to {new:?}"),
        hint: Some(format!(
            "keep it {old:?}: clients that recognise error bodies by `error.name` (`ErrorBody::NAME` in Rust, `ERROR_NAME` in TypeScript) would reject every new one"
        )),
        old: place(c.old),
        new: place(c.new),
    }]
}

fn retryable_changed(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| old.retryable != new.retryable)
        .map(|pair| {
            let new = pair.new.code;
            let (now, clients) = if new.retryable {
                ("now retryable", "start retrying it")
            } else {
                ("no longer retryable", "stop retrying it")
            };
            Finding {
                message: format!("{} is {now}", label(new)),
                hint: Some(format!(
                    "clients that retry by `is_retryable()` (`isRetryable` in TypeScript) {clients}"
                )),
                old: retryable(&pair.old),
                new: retryable(&pair.new),
            }
        })
        .collect()
}

fn title_changed(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| old.title != new.title)
        .map(|pair| Finding {
            message: format!(
                "{} changed its title from {:?} to {:?}",
                label(pair.new.code),
                pair.old.code.title,
                pair.new.code.title
            ),
            hint: Some(format!(
                "check clients that compare the title, or the displayed `{} {}`",
                pair.old.code.status, pair.old.code.title
            )),
            old: field(&pair.old, "title"),
            new: field(&pair.new, "title"),
        })
        .collect()
}

fn code_added(c: &Comparison<'_>) -> Vec<Finding> {
    c.added
        .iter()
        .map(|new| Finding {
            message: format!("{} was added", label(new.code)),
            hint: None,
            old: None,
            new: whole(new),
        })
        .collect()
}

fn description_changed(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| old.description != new.description)
        .map(|pair| Finding {
            message: format!("{} has a new description", label(pair.new.code)),
            hint: None,
            old: field(&pair.old, "description"),
            new: field(&pair.new, "description"),
        })
        .collect()
}

/// The paired codes whose relative order changed. The codes kept in place are a longest run of
/// pairs whose old order is the new order, so one code moved to the top is one move, not a
/// shift of all the others.
fn code_moved(c: &Comparison<'_>) -> Vec<Finding> {
    let old_order: Vec<usize> = c.pairs.iter().map(|pair| pair.old.index).collect();
    let kept = longest_increasing(&old_order);
    c.pairs
        .iter()
        .enumerate()
        .filter(|(i, _)| !kept.contains(i))
        .map(|(_, pair)| Finding {
            message: format!("{} moved in the list of codes", label(pair.new.code)),
            hint: None,
            old: whole(&pair.old),
            new: whole(&pair.new),
        })
        .collect()
}

fn api_name_changed(c: &Comparison<'_>) -> Vec<Finding> {
    let (old, new) = (&c.old.api.name, &c.new.api.name);
    if old == new {
        return Vec::new();
    }
    vec![Finding {
        message: format!("the API's name changed from {old:?} to {new:?}"),
        hint: None,
        old: Some(c.old.api.origin.at("name")),
        new: Some(c.new.api.origin.at("name")),
    }]
}

fn example_changed(c: &Comparison<'_>) -> Vec<Finding> {
    // The `example` key itself, for an example as a whole.
    let example = |api: &Api| api.origin.key("example");
    let (message, old, new) = match (&c.old.api.example, &c.new.api.example) {
        (None, None) => return Vec::new(),
        (Some(old), Some(new)) if old == new => return Vec::new(),
        (None, Some(_)) => (
            "the example error body was added".to_owned(),
            None,
            example(&c.new.api),
        ),
        (Some(_), None) => (
            "the example error body was removed".to_owned(),
            example(&c.old.api),
            None,
        ),
        (Some(old), Some(new)) => {
            let (message, field) = example_edit(old, new);
            let at = |api: &Api, example: &Example| match field {
                Some(field) => Some(example.origin.at(field)),
                None => api.origin.key("example"),
            };
            (message, at(&c.old.api, old), at(&c.new.api, new))
        }
    };
    vec![Finding {
        message,
        hint: None,
        old,
        new,
    }]
}

/// What changed in an example that both versions have, and the key to point at (`None`: the
/// example as a whole).
fn example_edit(old: &Example, new: &Example) -> (String, Option<&'static str>) {
    let status = (old.status != new.status)
        .then(|| format!("its status from {} to {}", old.status, new.status));
    let message = (old.message != new.message)
        .then(|| format!("its message from {:?} to {:?}", old.message, new.message));
    let at = match (&status, &message) {
        (Some(_), None) => Some("status"),
        (None, Some(_)) => Some("message"),
        _ => None,
    };
    let edits: Vec<String> = [status, message].into_iter().flatten().collect();
    (
        format!("the example error body changed {}", and_list(&edits)),
        at,
    )
}

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
