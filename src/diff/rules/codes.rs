//! The changes to a code's own facts: its status, identifiers, title, description, retryability,
//! documentation URL and place in the list, and a move between formats.

use crate::model::{Format, Spec};
use crate::names::Identifiers;

use super::{
    and_list, field, identifier_source, label, longest_increasing, pairs_where, retryable, status,
    whole,
};
use crate::diff::Finding;
use crate::diff::matching::{Comparison, Indexed};

/// A move between formats changes what every generated API is keyed by; pairing codes across
/// it would report every code, so this is the one finding (see `compare`).
pub(super) fn format_version_changed(c: &Comparison<'_>) -> Vec<Finding> {
    if c.old.format == c.new.format {
        return Vec::new();
    }
    let version = |spec: &Spec| match spec.format {
        Format::V1 => 1,
        Format::V2 => 2,
    };
    let at = |spec: &Spec| Some(spec.origin.at("version"));
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

pub(super) fn status_changed(c: &Comparison<'_>) -> Vec<Finding> {
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

pub(super) fn error_became_success(c: &Comparison<'_>) -> Vec<Finding> {
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

pub(super) fn success_became_error(c: &Comparison<'_>) -> Vec<Finding> {
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
pub(super) fn identifier_renamed(c: &Comparison<'_>) -> Vec<Finding> {
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
        if renamed.is_empty() {
            continue;
        }
        let code = match &pair.new.code.code {
            Some(wire) => format!("`{wire}`"),
            None => pair.new.code.status.to_string(),
        };
        // One phrase per distinct rename, in the order of the targets: Rust, TypeScript and
        // OpenAPI name a code alike, Python's members are UPPER_SNAKE_CASE.
        let mut groups: Vec<(&str, &str, Vec<String>)> = Vec::new();
        for &(target, before, after) in &renamed {
            match groups.iter_mut().find(|g| (g.0, g.1) == (before, after)) {
                Some(group) => group.2.push(target.to_owned()),
                None => groups.push((before, after, vec![target.to_owned()])),
            }
        }
        let phrases: Vec<String> = groups
            .iter()
            .map(|(before, after, targets)| {
                format!("from `{before}` to `{after}` in {}", and_list(targets))
            })
            .collect();
        // Phrases that list targets themselves are kept apart by `;` once there are three.
        let joined = match phrases.as_slice() {
            [init @ .., last] if init.len() >= 2 => format!("{}; and {last}", init.join("; ")),
            _ => phrases.join(", and "),
        };
        let message = format!("code {code} is renamed {joined}");
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

pub(super) fn retryable_changed(c: &Comparison<'_>) -> Vec<Finding> {
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

pub(super) fn title_changed(c: &Comparison<'_>) -> Vec<Finding> {
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

pub(super) fn code_added(c: &Comparison<'_>) -> Vec<Finding> {
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

pub(super) fn description_changed(c: &Comparison<'_>) -> Vec<Finding> {
    pairs_where(c, |old, new| old.description != new.description)
        .map(|pair| Finding {
            message: format!("{} has a new description", label(pair.new.code)),
            hint: None,
            old: field(&pair.old, "description"),
            new: field(&pair.new, "description"),
        })
        .collect()
}

pub(super) fn docs_url_changed(c: &Comparison<'_>) -> Vec<Finding> {
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

/// The paired codes whose relative order changed. The codes kept in place are a longest run of
/// pairs whose old order is the new order, so one code moved to the top is one move, not a
/// shift of all the others.
pub(super) fn code_moved(c: &Comparison<'_>) -> Vec<Finding> {
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
