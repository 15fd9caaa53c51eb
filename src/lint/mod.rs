//! Lints: warnings about a valid spec, each a small function with a stable id.
//!
//! A lint points at something that is probably a mistake but still generates correct code: a
//! title that is not the status's registered reason phrase, a status no client knows. Lints
//! run only once the spec is valid, so a warning never repeats an error. A code's
//! `allow: [ID]` silences a lint there, and an allow that silences nothing is itself reported,
//! so stale allows do not pile up.

mod code_style;
pub(crate) mod registry;
mod title_case;

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Allow, Code, Format, Spec};
use crate::yaml::{LineIndex, Span};

use registry::Entry;
use title_case::Case;

/// One lint: a stable id, a one-line summary (for `UNKNOWN_LINT`'s hint and the docs) and the
/// check itself, which reads the model and, for what the model cannot show (such as a comment
/// after a value), the spec's text, into which the model's spans point.
pub(crate) struct Lint {
    /// The stable id, as written in `allow:` and shown in diagnostics.
    pub id: &'static str,
    /// What it warns about, in a few words; the schema shows it to editors.
    #[cfg_attr(not(feature = "schemars"), allow(dead_code))]
    pub summary: &'static str,
    check: fn(&Spec, &str) -> Vec<Hit>,
}

/// Every lint a code's `allow:` may name, in the order their warnings are reported for the
/// same position.
pub(crate) const LINTS: &[Lint] = &[
    Lint {
        id: "TITLE_NOT_REASON_PHRASE",
        summary: "a title differs from its status's reason phrase in the IANA registry (format v1)",
        check: title_not_reason_phrase,
    },
    Lint {
        id: "UNREGISTERED_STATUS",
        summary: "a status is unassigned or marked (Unused) in the IANA registry",
        check: unregistered_status,
    },
    Lint {
        id: "RETRYABLE_SUCCESS",
        summary: "a status below 400, which is not an error, is marked `retryable`",
        check: retryable_success,
    },
    Lint {
        id: "DESCRIPTION_DOUBLE_PERIOD",
        summary: "a description ends in `..` (an ellipsis `...` is fine)",
        check: description_double_period,
    },
    Lint {
        id: "TITLE_CASE",
        summary: "a title is capitalised unlike most titles of the spec",
        check: title_case,
    },
    Lint {
        id: "CODE_STYLE",
        summary: "a wire code is spelt unlike most codes of the spec (format v2)",
        check: code_style,
    },
    Lint {
        id: "TITLE_IS_CODE",
        summary: "a title is its wire code again, not words people read (format v2)",
        check: title_is_code,
    },
    Lint {
        id: "REPLACED_WITHOUT_DEPRECATION",
        summary: "a code names its replacement but is not deprecated (format v2)",
        check: replaced_without_deprecation,
    },
    Lint {
        id: "COMMENT_IN_TEXT",
        summary: "a ` #` in an unquoted title, description or name starts a YAML comment, which cuts the text there",
        check: comment_in_text,
    },
];

/// The id of the warning for an `allow:` entry that silences nothing. It cannot itself be
/// allowed: the fix is always to delete the entry.
pub(crate) const UNUSED_ALLOW: &str = "UNUSED_ALLOW";

/// What a lint found at one code, before the lint's id and a position are attached.
struct Hit {
    /// The index of the code in `codes`.
    code: usize,
    /// The node to point at.
    span: Span,
    message: String,
    hint: String,
}

/// Runs every lint over `spec` (of the file named `file`, whose lines `lines` indexes) and
/// returns the warnings that no `allow:` silences, in file order.
pub(crate) fn lint(spec: &Spec, lines: &LineIndex<'_>, file: &str) -> Vec<Diagnostic> {
    let mut used_allows: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut warnings: Vec<(&'static str, Hit)> = Vec::new();
    for lint in LINTS {
        for hit in (lint.check)(spec, lines.text()) {
            let allows = &spec.codes[hit.code].allow;
            match allows.iter().position(|allow| allow.id == lint.id) {
                Some(entry) => {
                    used_allows.insert((hit.code, entry));
                }
                None => warnings.push((lint.id, hit)),
            }
        }
    }
    for (index, code) in spec.codes.iter().enumerate() {
        for entry in 0..code.allow.len() {
            if !used_allows.contains(&(index, entry)) {
                warnings.push((UNUSED_ALLOW, unused_allow(index, code, entry)));
            }
        }
    }
    // Stable: lints keep their order at one place.
    warnings.sort_by_key(|(_, hit)| hit.span.start);
    warnings
        .into_iter()
        .map(|(id, hit)| {
            let (start, end) = lines.range(hit.span);
            Diagnostic {
                id,
                severity: Severity::Warning,
                file: file.to_owned(),
                location: Some(start),
                end: Some(end),
                message: hit.message,
                hint: Some(hit.hint),
            }
        })
        .collect()
}

/// The codes, with their index and status.
fn statuses(spec: &Spec) -> impl Iterator<Item = (usize, &Code, u16)> {
    spec.codes
        .iter()
        .enumerate()
        .map(|(index, code)| (index, code, code.status))
}

/// The end of every lint's hint: how to keep the spec as it is.
fn or_allow(id: &str) -> String {
    format!("or add `allow: [{id}]` to this code to keep it")
}

/// In format v1 a code is its status, so its title is the status's; in v2 many codes share a
/// status and each title is its own.
fn title_not_reason_phrase(spec: &Spec, _: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    if spec.format != Format::V1 {
        return hits;
    }
    for (index, code, status) in statuses(spec) {
        let Entry::Assigned(phrase) = registry::lookup(status) else {
            continue; // UNREGISTERED_STATUS says what there is to say
        };
        // Case and spacing are style, which TITLE_CASE judges; the words must match.
        if words_lowercase(&code.title) == words_lowercase(phrase) {
            continue;
        }
        hits.push(Hit {
            code: index,
            span: code.origin.at("title"),
            message: format!(
                "the title {:?} is not {status}'s registered reason phrase, {phrase:?}",
                code.title
            ),
            hint: format!(
                "write `title: {phrase}`, {}",
                or_allow("TITLE_NOT_REASON_PHRASE")
            ),
        });
    }
    hits
}

fn words_lowercase(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

fn unregistered_status(spec: &Spec, _: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (index, code, status) in statuses(spec) {
        let what = match registry::lookup(status) {
            Entry::Assigned(_) => continue,
            Entry::Unused => "is reserved as (Unused) in the IANA registry",
            Entry::Unassigned => "is not in the IANA registry",
        };
        // RFC 9110, Section 15: a client treats a status it does not know as the x00 of its
        // class, so that is what the code means to every client that is not yours.
        let class = status / 100 * 100;
        let fallback = match registry::lookup(class) {
            Entry::Assigned(phrase) => format!("{class} {phrase}"),
            _ => class.to_string(),
        };
        hits.push(Hit {
            code: index,
            span: code.origin.at("status"),
            message: format!("status {status} {what}"),
            hint: format!(
                "clients that do not know it treat it as {fallback} (RFC 9110, Section 15); use a \
                 registered status, {}",
                or_allow("UNREGISTERED_STATUS")
            ),
        });
    }
    hits
}

fn retryable_success(spec: &Spec, _: &str) -> Vec<Hit> {
    statuses(spec)
        .filter(|(_, code, status)| code.retryable && *status < 400)
        .map(|(index, code, status)| Hit {
            code: index,
            span: code.origin.at("retryable"),
            message: format!("{status} is marked `retryable`, but it does not report an error"),
            hint: format!(
                "remove `retryable: true`: a request answered with {status} has nothing to retry, {}",
                or_allow("RETRYABLE_SUCCESS")
            ),
        })
        .collect()
}

fn description_double_period(spec: &Spec, _: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (index, code) in spec.codes.iter().enumerate() {
        let text = code.description.trim_end();
        let periods = text.len() - text.trim_end_matches('.').len();
        if periods == 2 || periods > 3 {
            hits.push(Hit {
                code: index,
                span: code.origin.at("description"),
                message: format!("the description ends in {:?}", ".".repeat(periods)),
                hint: format!(
                    "end it with one `.` (or `...` for an ellipsis), {}",
                    or_allow("DESCRIPTION_DOUBLE_PERIOD")
                ),
            });
        }
    }
    hits
}

fn title_case(spec: &Spec, _: &str) -> Vec<Hit> {
    let cases: Vec<Case> = spec
        .codes
        .iter()
        .map(|code| title_case::classify(&code.title))
        .collect();
    let Some((majority, count)) = title_case::majority(&cases) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (index, (code, case)) in spec.codes.iter().zip(&cases).enumerate() {
        if *case == majority || *case == Case::Either {
            continue;
        }
        let suggestion = title_case::recase(&code.title, majority);
        hits.push(Hit {
            code: index,
            span: code.origin.at("title"),
            message: format!(
                "the title {:?} is in {}, while {count} other {} in {}",
                code.title,
                case.describe(),
                if count == 1 { "title is" } else { "titles are" },
                majority.describe()
            ),
            hint: format!("write `title: {suggestion}`, {}", or_allow("TITLE_CASE")),
        });
    }
    hits
}

/// Clients match wire codes as text: one spelt in another style than its neighbours is a slip
/// that becomes part of the API once it is sent.
fn code_style(spec: &Spec, _: &str) -> Vec<Hit> {
    let codes = spec.codes.iter().filter_map(|code| code.code.as_deref());
    let Some((majority, count)) = code_style::majority(codes) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (index, code) in spec.codes.iter().enumerate() {
        let Some(wire) = code.code.as_deref() else {
            continue;
        };
        if majority.fits(wire) {
            continue;
        }
        let rewrite = majority.rewrite(wire);
        hits.push(Hit {
            code: index,
            span: code.origin.at("code"),
            message: format!(
                "the code `{wire}` is not in {}, while {count} other {}",
                majority.describe(),
                if count == 1 { "code is" } else { "codes are" },
            ),
            hint: format!(
                "write `code: {rewrite}` if the API does not send this code yet (a sent code \
                 cannot change), {}",
                or_allow("CODE_STYLE")
            ),
        });
    }
    hits
}

fn title_is_code(spec: &Spec, _: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (index, code) in spec.codes.iter().enumerate() {
        let Some(wire) = code.code.as_deref() else {
            continue;
        };
        // Exactly the code: `Cancelled` for `CANCELLED` is a title people read.
        if code.title.trim() != wire {
            continue;
        }
        let words = wire.replace(['_', '-', '.'], " ").to_lowercase();
        let mut suggestion = words.clone();
        if let Some(first) = words.chars().next() {
            suggestion.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
        }
        hits.push(Hit {
            code: index,
            span: code.origin.at("title"),
            message: format!("the title {:?} is the code itself", code.title),
            hint: format!(
                "write the title people read, e.g. `title: {suggestion}`, {}",
                or_allow("TITLE_IS_CODE")
            ),
        });
    }
    hits
}

/// YAML ends an unquoted (plain) value at ` #`, which starts a comment: `title: The URL
/// #requested is invalid.` is read as `The URL`, and every generated file says only that. The
/// model holds the cut value, so the check reads the text after the value's node on its line.
fn comment_in_text(spec: &Spec, text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (index, code) in spec.codes.iter().enumerate() {
        for key in ["title", "description", "name"] {
            let Some(span) = code.origin.value(key) else {
                continue;
            };
            let Some(comment) = comment_after_plain(text, span) else {
                continue;
            };
            let value = match key {
                "title" => code.title.clone(),
                "description" => code.description.clone(),
                // The model keeps no name, only the identifiers made from it; a plain value
                // folds its lines into one, as here, and its anchor or tag is no text.
                _ => without_properties(&text[span.start..span.end])
                    .unwrap_or_default()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            let cut = &text[comment.start..comment.end];
            let separator = &text[span.end..comment.start];
            let whole = format!("{value}{separator}{cut}");
            hits.push(Hit {
                code: index,
                span: comment,
                message: format!(
                    "the {key} stops before `{cut}`, which YAML reads as a comment, not as text"
                ),
                hint: format!(
                    "if it belongs to the {key}, quote the whole text: `{key}: {}`; if it is a \
                     comment, put it on a line of its own, {}",
                    double_quoted(&whole),
                    or_allow("COMMENT_IN_TEXT")
                ),
            });
        }
    }
    hits
}

/// The comment on the same line after the plain scalar at `span`, from its `#` to the end of
/// the line: what YAML dropped from the value. Quoted and block values keep a `#` as text, and
/// an alias is no text of its own, so they have none.
fn comment_after_plain(text: &str, span: Span) -> Option<Span> {
    let value = without_properties(text.get(span.start..span.end)?)?;
    if value.is_empty() || value.starts_with(['"', '\'', '|', '>', '*']) {
        return None;
    }
    let rest = &text[span.end..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let comment = line.trim_start_matches([' ', '\t']);
    if comment.len() == line.len() || !comment.starts_with('#') {
        return None;
    }
    let start = span.end + (line.len() - comment.len());
    Some(Span::new(start, start + comment.trim_end().len()))
}

/// A node's text without the anchor or tag that may come before its value, each followed by a
/// space; `None` for a node that is only those.
fn without_properties(node: &str) -> Option<&str> {
    let mut value = node;
    while value.starts_with(['&', '!']) {
        value = value.split_once([' ', '\t'])?.1.trim_start();
    }
    Some(value)
}

/// `text` as a YAML double-quoted scalar on one line.
fn double_quoted(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    format!("\"{escaped}\"")
}

/// The warning for the `entry`th id of a code's `allow:` list, which silenced nothing.
fn unused_allow(index: usize, code: &Code, entry: usize) -> Hit {
    let Allow { id, span } = &code.allow[entry];
    let repeated = code.allow[..entry].iter().any(|earlier| earlier.id == *id);
    let (message, hint) = if repeated {
        (
            format!("`{id}` is allowed twice on this code"),
            "delete the repeated entry".to_owned(),
        )
    } else {
        (
            format!("`allow: [{id}]` silences nothing: {id} does not fire on this code"),
            format!("delete `{id}` from `allow`"),
        )
    };
    Hit {
        code: index,
        span: *span,
        message,
        hint,
    }
}

/// The ids `allow:` may name, joined for a hint: `A, B and C`.
pub(crate) fn allowable_ids_listed() -> String {
    let ids: Vec<&str> = LINTS.iter().map(|lint| lint.id).collect();
    match ids.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => ids.join(""),
    }
}

/// Whether `allow:` may name `id`.
pub(crate) fn is_allowable(id: &str) -> bool {
    LINTS.iter().any(|lint| lint.id == id)
}

/// A code that names its replacement is on its way out, but without `deprecated:` no target
/// says so: Rust and TypeScript users get no warning, and the docs no reason.
fn replaced_without_deprecation(spec: &Spec, _: &str) -> Vec<Hit> {
    spec.codes
        .iter()
        .enumerate()
        .filter(|(_, code)| code.deprecated.is_none())
        .filter_map(|(index, code)| {
            let replacement = code.replaced_by.as_deref()?;
            Some(Hit {
                code: index,
                span: code.origin.at("replaced_by"),
                message: format!(
                    "the code names `{replacement}` as its replacement but is not deprecated"
                ),
                hint: format!(
                    "add `deprecated:` saying why, e.g. `deprecated: Use {replacement} instead.`, \
                     or remove `replaced_by`, {}",
                    or_allow("REPLACED_WITHOUT_DEPRECATION")
                ),
            })
        })
        .collect()
}
