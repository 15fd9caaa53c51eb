//! The serde copy of a spec -> the validated model, or every problem found in it.
//!
//! Each check is a small function with a stable id. Checks see the whole spec and report
//! problems as node paths; positions are looked up only for what is reported.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint;
use crate::locate::{Locator, NodePath};
use crate::model::{Api, Code, Example, Spec};
use crate::names::{Identifiers, NameError};
use crate::spec::{RawCode, RawSpec};

/// The `error.name` of bodies when the spec does not set `api.error_name`.
pub(crate) const DEFAULT_ERROR_NAME: &str = "Error";

/// The statuses HTTP defines.
const STATUS_RANGE: std::ops::RangeInclusive<i64> = 100..=599;

/// One problem, before it is given a position.
struct Problem {
    id: &'static str,
    path: NodePath,
    message: String,
    hint: Option<String>,
}

/// What every check reads: the spec and each code's identifiers (or why it has none).
struct Context<'a> {
    raw: &'a RawSpec,
    idents: Vec<Result<Identifiers, NameError>>,
    locator: Locator<'a>,
}

type Check = fn(&Context<'_>, &mut Vec<Problem>);

/// Every check, in the order their problems are reported for the same position.
const CHECKS: &[Check] = &[
    check_codes_not_empty,
    check_status_range,
    check_duplicate_status,
    check_empty_strings,
    check_names,
    check_identifier_collisions,
    check_example,
    check_allowed_lints,
];

/// Validates `raw`, parsed from `source` (the file named `file`).
pub(crate) fn validate(raw: &RawSpec, source: &str, file: &str) -> Result<Spec, Vec<Diagnostic>> {
    let idents = raw
        .codes
        .iter()
        .map(|code| Identifiers::for_name(identifier_source(code)))
        .collect();
    let context = Context {
        raw,
        idents,
        locator: Locator::new(source),
    };
    let mut problems = Vec::new();
    for check in CHECKS {
        check(&context, &mut problems);
    }
    if problems.is_empty() {
        return Ok(build(raw, context.idents));
    }
    let mut diagnostics: Vec<Diagnostic> = problems
        .into_iter()
        .map(|problem| Diagnostic {
            id: problem.id,
            severity: Severity::Error,
            file: file.to_owned(),
            location: context.locator.locate(&problem.path),
            message: problem.message,
            hint: problem.hint,
        })
        .collect();
    diagnostics.sort_by_key(|d| d.location);
    Err(diagnostics)
}

/// A code's `name`, or its title when it has none.
fn identifier_source(code: &RawCode) -> &str {
    code.name.as_deref().unwrap_or(&code.title)
}

/// The path of the node a code's identifier comes from.
fn identifier_path(index: usize, code: &RawCode) -> NodePath {
    let key = if code.name.is_some() { "name" } else { "title" };
    code_path(index).key(key)
}

fn code_path(index: usize) -> NodePath {
    NodePath::root().key("codes").index(index)
}

/// The line a node is on, for messages that point at a second place.
fn line_of(context: &Context<'_>, path: &NodePath) -> String {
    match context.locator.locate(path) {
        Some(at) => format!("line {}", at.line),
        None => path.to_string(),
    }
}

fn check_codes_not_empty(context: &Context<'_>, problems: &mut Vec<Problem>) {
    if context.raw.codes.is_empty() {
        problems.push(Problem {
            id: "EMPTY_CODES",
            path: NodePath::root().key("codes"),
            message: "`codes` is empty".to_owned(),
            hint: Some(
                "list at least one code, with its `status`, `title` and `description`".to_owned(),
            ),
        });
    }
}

fn check_status_range(context: &Context<'_>, problems: &mut Vec<Problem>) {
    for (index, code) in context.raw.codes.iter().enumerate() {
        if !STATUS_RANGE.contains(&code.status) {
            problems.push(Problem {
                id: "STATUS_OUT_OF_RANGE",
                path: code_path(index).key("status"),
                message: format!("status {} is not an HTTP status", code.status),
                hint: Some("HTTP statuses run from 100 to 599".to_owned()),
            });
        }
    }
}

fn check_duplicate_status(context: &Context<'_>, problems: &mut Vec<Problem>) {
    let mut first_use: BTreeMap<i64, usize> = BTreeMap::new();
    for (index, code) in context.raw.codes.iter().enumerate() {
        let Some(&first) = first_use.get(&code.status) else {
            first_use.insert(code.status, index);
            continue;
        };
        let first_line = line_of(context, &code_path(first).key("status"));
        problems.push(Problem {
            id: "DUPLICATE_STATUS",
            path: code_path(index).key("status"),
            message: format!(
                "status {} is already used by the code at {first_line}",
                code.status
            ),
            hint: Some("give each code its own status, or merge the two".to_owned()),
        });
    }
}

fn check_empty_strings(context: &Context<'_>, problems: &mut Vec<Problem>) {
    let raw = context.raw;
    let api = NodePath::root().key("api");
    let mut fields = vec![(api.key("name"), Some(raw.api.name.as_str()))];
    fields.push((api.key("error_name"), raw.api.error_name.as_deref()));
    if let Some(example) = &raw.api.example {
        fields.push((
            api.key("example").key("message"),
            Some(example.message.as_str()),
        ));
    }
    for (index, code) in raw.codes.iter().enumerate() {
        let path = code_path(index);
        fields.push((path.key("name"), code.name.as_deref()));
        fields.push((path.key("title"), Some(code.title.as_str())));
        fields.push((path.key("description"), Some(code.description.as_str())));
    }
    for (path, value) in fields {
        if value.is_some_and(|text| text.trim().is_empty()) {
            problems.push(Problem {
                id: "EMPTY_STRING",
                message: format!("`{path}` is empty"),
                hint: Some("write the text, or remove the key if it is optional".to_owned()),
                path,
            });
        }
    }
}

fn check_names(context: &Context<'_>, problems: &mut Vec<Problem>) {
    for (index, (code, idents)) in context.raw.codes.iter().zip(&context.idents).enumerate() {
        let Err(error) = idents else { continue };
        let source = identifier_source(code);
        if source.trim().is_empty() {
            continue; // EMPTY_STRING already says so
        }
        let hint = if code.name.is_some() {
            "change `name:` to a few ASCII words, e.g. `name: Rate Limited`"
        } else {
            "add `name:` with a few ASCII words to name this code, e.g. `name: Rate Limited`"
        };
        problems.push(Problem {
            id: "INVALID_NAME",
            path: identifier_path(index, code),
            message: format!("{source:?} cannot become an identifier: {error}"),
            hint: Some(hint.to_owned()),
        });
    }
}

fn check_identifier_collisions(context: &Context<'_>, problems: &mut Vec<Problem>) {
    let mut taken: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut reported: Vec<(usize, usize)> = Vec::new();
    for (index, idents) in context.idents.iter().enumerate() {
        let Ok(idents) = idents else { continue };
        for (target, ident) in idents.by_target() {
            let Some(&first) = taken.get(&(target, ident)) else {
                taken.insert((target, ident), index);
                continue;
            };
            if reported.contains(&(first, index)) {
                continue;
            }
            reported.push((first, index));
            let codes = &context.raw.codes;
            let first_line = line_of(context, &identifier_path(first, &codes[first]));
            problems.push(Problem {
                id: "IDENTIFIER_COLLISION",
                path: identifier_path(index, &codes[index]),
                message: format!(
                    "this code and the code at {first_line} both become `{ident}` in {target}"
                ),
                hint: Some("give one of them a distinct `name:`".to_owned()),
            });
        }
    }
}

fn check_example(context: &Context<'_>, problems: &mut Vec<Problem>) {
    let Some(example) = &context.raw.api.example else {
        return;
    };
    let error_statuses: std::collections::BTreeSet<i64> = context
        .raw
        .codes
        .iter()
        .map(|code| code.status)
        .filter(|status| (400..=599).contains(status))
        .collect();
    if !error_statuses.contains(&example.status) {
        let error_statuses: Vec<String> = error_statuses.iter().map(i64::to_string).collect();
        let hint = match error_statuses.is_empty() {
            true => {
                "add an error code (400 to 599) for the example, or remove the example".to_owned()
            }
            false => format!(
                "use one of the spec's error statuses: {}",
                error_statuses.join(", ")
            ),
        };
        problems.push(Problem {
            id: "EXAMPLE_STATUS",
            path: NodePath::root().key("api").key("example").key("status"),
            message: format!(
                "the example's status {} is not an error code of this spec",
                example.status
            ),
            hint: Some(hint),
        });
    }
}

/// An unknown id in `allow:` is an error rather than a warning: like an unknown key, a misspelt
/// id would otherwise silence nothing without a word, and the schema lists the ids an editor
/// can complete.
fn check_allowed_lints(context: &Context<'_>, problems: &mut Vec<Problem>) {
    for (index, code) in context.raw.codes.iter().enumerate() {
        for (entry, id) in code.allow.iter().enumerate() {
            if lint::is_allowable(id) {
                continue;
            }
            let message = if id == lint::UNUSED_ALLOW {
                format!("`{id}` cannot be allowed")
            } else {
                format!("unknown lint `{id}` in `allow`")
            };
            let hint = if id == lint::UNUSED_ALLOW {
                "delete the allows that silence nothing instead".to_owned()
            } else {
                format!("the lints are {}", lint::allowable_ids_listed())
            };
            problems.push(Problem {
                id: "UNKNOWN_LINT",
                path: code_path(index).key("allow").index(entry),
                message,
                hint: Some(hint),
            });
        }
    }
}

/// Builds the model from a spec that passed every check.
fn build(raw: &RawSpec, idents: Vec<Result<Identifiers, NameError>>) -> Spec {
    let codes = raw
        .codes
        .iter()
        .zip(idents)
        .filter_map(|(code, idents)| {
            Some(Code {
                status: u16::try_from(code.status).ok()?,
                title: code.title.clone(),
                description: code.description.clone(),
                retryable: code.retryable,
                idents: idents.ok()?,
            })
        })
        .collect();
    let example = raw.api.example.as_ref().and_then(|example| {
        Some(Example {
            status: u16::try_from(example.status).ok()?,
            message: example.message.clone(),
        })
    });
    Spec {
        api: Api {
            name: raw.api.name.clone(),
            error_name: raw
                .api
                .error_name
                .clone()
                .unwrap_or_else(|| DEFAULT_ERROR_NAME.to_owned()),
            example,
        },
        codes,
    }
}
