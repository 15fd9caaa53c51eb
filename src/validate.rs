//! The serde copy of a spec -> the validated model, or every problem found in it.
//!
//! One pass lowers each part of the spec into its model value and checks it as it goes: a
//! value that passes becomes part of a draft, one that fails becomes a problem with the span
//! of its node. Checks across codes then read the drafts, so nothing is converted twice. Each
//! check is a small function with a stable id; the model is built only when none found a
//! problem, and then from the drafts, which are complete.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{Allow, Api, Code, Example, Origin, Spec};
use crate::names::Identifiers;
use crate::spec::{RawApi, RawCode, RawExample, RawSpec};
use crate::yaml::{Document, Path, Span};

/// The `error.name` of bodies when the spec does not set `api.error_name`.
pub(crate) const DEFAULT_ERROR_NAME: &str = "Error";

/// The statuses HTTP defines.
const STATUS_RANGE: std::ops::RangeInclusive<i64> = 100..=599;

/// One problem, at the span of its node.
struct Problem {
    id: &'static str,
    span: Span,
    message: String,
    hint: Option<String>,
}

/// The lowering's state: the document, for origins, and the problems found so far.
struct Lowering<'d, 'a> {
    document: &'d Document<'a>,
    problems: Vec<Problem>,
}

/// A code as far as it lowered: each part that passed its checks, with the code's origin.
struct Draft {
    status: Option<u16>,
    title: Option<String>,
    description: Option<String>,
    idents: Option<Identifiers>,
    retryable: bool,
    allow: Vec<Allow>,
    origin: Origin,
}

/// Validates `raw`, parsed into `document` from the file named `file`.
pub(crate) fn validate(
    raw: &RawSpec,
    document: &Document<'_>,
    file: &str,
) -> Result<Spec, Vec<Diagnostic>> {
    let mut lowering = Lowering {
        document,
        problems: Vec::new(),
    };
    let codes_path = Path::root().key("codes");
    check_codes_not_empty(&mut lowering, raw, &codes_path);
    let drafts: Vec<Draft> = raw
        .codes
        .iter()
        .enumerate()
        .map(|(index, code)| lowering.code(code, &codes_path.index(index)))
        .collect();
    check_duplicate_status(&mut lowering, &drafts);
    check_identifier_collisions(&mut lowering, &drafts);
    let api = lowering.api(&raw.api, &drafts);
    let codes: Option<Vec<Code>> = drafts.into_iter().map(Draft::finish).collect();
    match (lowering.problems.is_empty(), api, codes) {
        (true, Some(api), Some(codes)) => Ok(Spec {
            api,
            codes,
            origin: Origin::of(document, &Path::root()),
        }),
        (false, ..) => Err(diagnostics(lowering.problems, document, file)),
        // Every part that fails to lower reports why; were one to fail silently, this says so
        // instead of dropping it from every output.
        (true, ..) => Err(vec![Diagnostic::error(
            "INTERNAL_ERROR",
            file,
            None,
            "errspec could not read a part of this spec and found no reason why".to_owned(),
            Some("this is a bug in errspec; please report it with the spec".to_owned()),
        )]),
    }
}

/// The problems as diagnostics, in file order (problems at one place keep the checks' order).
fn diagnostics(problems: Vec<Problem>, document: &Document<'_>, file: &str) -> Vec<Diagnostic> {
    let mut problems = problems;
    problems.sort_by_key(|problem| problem.span.start);
    problems
        .into_iter()
        .map(|problem| {
            let at = Some(document.lines().range(problem.span));
            Diagnostic::error(problem.id, file, at, problem.message, problem.hint)
        })
        .collect()
}

impl Lowering<'_, '_> {
    fn problem(&mut self, id: &'static str, span: Span, message: String, hint: &str) {
        self.problems.push(Problem {
            id,
            span,
            message,
            hint: Some(hint.to_owned()),
        });
    }

    /// The line a node is on, for messages that point at a second place.
    fn line_of(&self, span: Span) -> usize {
        self.document.lines().location(span.start).line
    }

    fn code(&mut self, raw: &RawCode, path: &Path) -> Draft {
        let origin = Origin::of(self.document, path);
        let status = check_status_range(self, raw.status, &origin);
        if let Some(name) = &raw.name {
            check_not_empty(self, name, &origin, path, "name");
        }
        let title = check_not_empty(self, &raw.title, &origin, path, "title");
        let description = check_not_empty(self, &raw.description, &origin, path, "description");
        let idents = check_name(self, raw, &origin);
        let allow = check_allowed_lints(self, raw, path);
        Draft {
            status,
            title,
            description,
            idents,
            retryable: raw.retryable,
            allow,
            origin,
        }
    }

    fn api(&mut self, raw: &RawApi, drafts: &[Draft]) -> Option<Api> {
        let path = Path::root().key("api");
        let origin = Origin::of(self.document, &path);
        let name = check_not_empty(self, &raw.name, &origin, &path, "name");
        let error_name = match &raw.error_name {
            Some(error_name) => check_not_empty(self, error_name, &origin, &path, "error_name"),
            None => Some(DEFAULT_ERROR_NAME.to_owned()),
        };
        let example = match &raw.example {
            Some(example) => Some(check_example(self, example, drafts, &path.key("example"))?),
            None => None,
        };
        Some(Api {
            name: name?,
            error_name: error_name?,
            example,
            origin,
        })
    }
}

impl Draft {
    /// The model code, when every part lowered.
    fn finish(self) -> Option<Code> {
        Some(Code {
            status: self.status?,
            title: self.title?,
            description: self.description?,
            retryable: self.retryable,
            idents: self.idents?,
            allow: self.allow,
            origin: self.origin,
        })
    }
}

fn check_codes_not_empty(lowering: &mut Lowering<'_, '_>, raw: &RawSpec, path: &Path) {
    if raw.codes.is_empty() {
        let span = lowering.document.span(path).unwrap_or_default();
        lowering.problem(
            "EMPTY_CODES",
            span,
            "`codes` is empty".to_owned(),
            "list at least one code, with its `status`, `title` and `description`",
        );
    }
}

fn check_status_range(
    lowering: &mut Lowering<'_, '_>,
    status: i64,
    origin: &Origin,
) -> Option<u16> {
    if let Some(status) = u16::try_from(status)
        .ok()
        .filter(|s| STATUS_RANGE.contains(&i64::from(*s)))
    {
        return Some(status);
    }
    lowering.problem(
        "STATUS_OUT_OF_RANGE",
        origin.at("status"),
        format!("status {status} is not an HTTP status"),
        "HTTP statuses run from 100 to 599",
    );
    None
}

/// `text` if it has more than blanks; else an `EMPTY_STRING` problem at `key` of `origin`.
fn check_not_empty(
    lowering: &mut Lowering<'_, '_>,
    text: &str,
    origin: &Origin,
    path: &Path,
    key: &str,
) -> Option<String> {
    if !text.trim().is_empty() {
        return Some(text.to_owned());
    }
    lowering.problem(
        "EMPTY_STRING",
        origin.at(key),
        format!("`{}` is empty", path.key(key)),
        "write the text, or remove the key if it is optional",
    );
    None
}

/// The code's identifiers, from its `name` or its title.
fn check_name(
    lowering: &mut Lowering<'_, '_>,
    raw: &RawCode,
    origin: &Origin,
) -> Option<Identifiers> {
    let source = raw.name.as_deref().unwrap_or(&raw.title);
    let error = match Identifiers::for_name(source) {
        Ok(idents) => return Some(idents),
        Err(error) => error,
    };
    if source.trim().is_empty() {
        return None; // EMPTY_STRING already says so
    }
    let hint = if raw.name.is_some() {
        "change `name:` to a few ASCII words, e.g. `name: Rate Limited`"
    } else {
        "add `name:` with a few ASCII words to name this code, e.g. `name: Rate Limited`"
    };
    lowering.problem(
        "INVALID_NAME",
        origin.identifier_source(),
        format!("{source:?} cannot become an identifier: {error}"),
        hint,
    );
    None
}

fn check_duplicate_status(lowering: &mut Lowering<'_, '_>, drafts: &[Draft]) {
    let mut first_use: BTreeMap<u16, Span> = BTreeMap::new();
    for draft in drafts {
        let Some(status) = draft.status else { continue };
        let span = draft.origin.at("status");
        let Some(&first) = first_use.get(&status) else {
            first_use.insert(status, span);
            continue;
        };
        let first_line = lowering.line_of(first);
        lowering.problem(
            "DUPLICATE_STATUS",
            span,
            format!("status {status} is already used by the code at line {first_line}"),
            "give each code its own status, or merge the two",
        );
    }
}

fn check_identifier_collisions(lowering: &mut Lowering<'_, '_>, drafts: &[Draft]) {
    let mut taken: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut reported: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (index, draft) in drafts.iter().enumerate() {
        let Some(idents) = &draft.idents else {
            continue;
        };
        for (target, ident) in idents.by_target() {
            let Some(&first) = taken.get(&(target, ident)) else {
                taken.insert((target, ident), index);
                continue;
            };
            if !reported.insert((first, index)) {
                continue;
            }
            let identifier_span = |draft: &Draft| draft.origin.identifier_source();
            let first_line = lowering.line_of(identifier_span(&drafts[first]));
            lowering.problem(
                "IDENTIFIER_COLLISION",
                identifier_span(draft),
                format!(
                    "this code and the code at line {first_line} both become `{ident}` in {target}"
                ),
                "give one of them a distinct `name:`",
            );
        }
    }
}

fn check_example(
    lowering: &mut Lowering<'_, '_>,
    raw: &RawExample,
    drafts: &[Draft],
    path: &Path,
) -> Option<Example> {
    let origin = Origin::of(lowering.document, path);
    let message = check_not_empty(lowering, &raw.message, &origin, path, "message");
    let error_statuses: BTreeSet<u16> = drafts
        .iter()
        .filter_map(|draft| draft.status)
        .filter(|status| (400..=599).contains(status))
        .collect();
    let status = u16::try_from(raw.status)
        .ok()
        .filter(|status| error_statuses.contains(status));
    if status.is_none() {
        let listed: Vec<String> = error_statuses.iter().map(u16::to_string).collect();
        let hint = match listed.is_empty() {
            true => {
                "add an error code (400 to 599) for the example, or remove the example".to_owned()
            }
            false => format!(
                "use one of the spec's error statuses: {}",
                listed.join(", ")
            ),
        };
        lowering.problem(
            "EXAMPLE_STATUS",
            origin.at("status"),
            format!(
                "the example's status {} is not an error code of this spec",
                raw.status
            ),
            &hint,
        );
    }
    Some(Example {
        status: status?,
        message: message?,
        origin,
    })
}

/// An unknown id in `allow:` is an error rather than a warning: like an unknown key, a misspelt
/// id would otherwise silence nothing without a word, and the schema lists the ids an editor
/// can complete.
fn check_allowed_lints(lowering: &mut Lowering<'_, '_>, raw: &RawCode, path: &Path) -> Vec<Allow> {
    let mut allow = Vec::new();
    for (entry, id) in raw.allow.iter().enumerate() {
        let span = lowering
            .document
            .span(&path.key("allow").index(entry))
            .unwrap_or_default();
        allow.push(Allow {
            id: id.clone(),
            span,
        });
        if lint::is_allowable(id) {
            continue;
        }
        let (message, hint) = if id == lint::UNUSED_ALLOW {
            (
                format!("`{id}` cannot be allowed"),
                "delete the allows that silence nothing instead".to_owned(),
            )
        } else {
            (
                format!("unknown lint `{id}` in `allow`"),
                format!("the lints are {}", lint::allowable_ids_listed()),
            )
        };
        lowering.problem("UNKNOWN_LINT", span, message, &hint);
    }
    allow
}
