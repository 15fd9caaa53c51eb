//! The serde copy of a spec -> the validated model, or every problem found in it.
//!
//! One pass lowers each part of the spec into its model value and checks it as it goes: a
//! value that passes becomes part of a draft, one that fails becomes a problem with the span
//! of its node. Checks across codes then read the drafts, so nothing is converted twice. Each
//! check is a small function with a stable id; the model is built only when none found a
//! problem, and then from the drafts, which are complete. Both formats lower into the one
//! model: v1's checks are here, v2's own in `v2.rs`.

mod envelope;
mod lifecycle;
mod params;
mod template;
mod v2;

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{Allow, Api, Code, Envelope, Example, Format, Origin, Param, Spec, Template};
use crate::names::Identifiers;
use crate::spec::{RawCode, RawExample, RawSpec, RawSpecV1};
use crate::yaml::{Document, Path, Span};

/// The `error.name` of bodies when the spec does not set `api.error_name`.
pub(crate) const DEFAULT_ERROR_NAME: &str = "Error";

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
    code: Option<String>,
    status: Option<u16>,
    title: Option<String>,
    description: Option<String>,
    idents: Option<Identifiers>,
    ident_key: &'static str,
    retryable: bool,
    docs_url: Option<String>,
    /// `Err` when the template is invalid.
    message: Result<Option<Template>, ()>,
    /// `None` when a parameter is invalid.
    params: Option<Vec<Param>>,
    /// `Err` when the reason is empty.
    deprecated: Result<Option<String>, ()>,
    replaced_by: Option<String>,
    allow: Vec<Allow>,
    origin: Origin,
}

/// The text of a code's fields that every format has.
struct CodeText<'r> {
    name: Option<&'r str>,
    title: &'r str,
    description: &'r str,
    allow: &'r [String],
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
    let (format, api, drafts, reserved) = match raw {
        RawSpec::V1(raw) => {
            let (api, drafts) = lowering.spec_v1(raw);
            (Format::V1, api, drafts, Some(Vec::new()))
        }
        RawSpec::V2(raw) => {
            let (api, drafts, reserved) = lowering.spec_v2(raw);
            (Format::V2, api, drafts, reserved)
        }
    };
    let codes: Option<Vec<Code>> = drafts.into_iter().map(Draft::finish).collect();
    match (lowering.problems.is_empty(), api, codes, reserved) {
        (true, Some(api), Some(codes), Some(reserved)) => Ok(Spec {
            format,
            api,
            codes,
            reserved,
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

    fn spec_v1(&mut self, raw: &RawSpecV1) -> (Option<Api>, Vec<Draft>) {
        let codes_path = Path::root().key("codes");
        check_codes_not_empty(self, raw.codes.is_empty(), &codes_path);
        let drafts: Vec<Draft> = raw
            .codes
            .iter()
            .enumerate()
            .map(|(index, code)| self.code_v1(code, &codes_path.index(index)))
            .collect();
        check_duplicate_status(self, &drafts);
        check_identifier_collisions(self, &drafts);
        let path = Path::root().key("api");
        let api = self.api(&path, &raw.api.name, raw.api.error_name.as_deref());
        let example = match &raw.api.example {
            Some(example) => check_example(self, example, &drafts, &path.key("example")).map(Some),
            None => Some(None),
        };
        let api = api
            .zip(example)
            .map(|(api, example)| Api { example, ..api });
        (api, drafts)
    }

    fn code_v1(&mut self, raw: &RawCode, path: &Path) -> Draft {
        let origin = Origin::of(self.document, path);
        let status = check_status_range(self, raw.status, 100..=599, &origin);
        let text = CodeText {
            name: raw.name.as_deref(),
            title: &raw.title,
            description: &raw.description,
            allow: &raw.allow,
        };
        self.code_text(&text, status, None, raw.retryable, "title", origin, path)
    }

    /// Lowers the fields every format's code has; `fallback_key` names the key the
    /// identifiers come from when the code has no `name`.
    #[allow(clippy::too_many_arguments)] // each is one part of the code already lowered
    fn code_text(
        &mut self,
        text: &CodeText<'_>,
        status: Option<u16>,
        code: Option<String>,
        retryable: bool,
        fallback_key: &'static str,
        origin: Origin,
        path: &Path,
    ) -> Draft {
        if let Some(name) = text.name {
            check_not_empty(self, name, &origin, path, "name");
        }
        let title = check_not_empty(self, text.title, &origin, path, "title");
        let description = check_not_empty(self, text.description, &origin, path, "description");
        let ident_key = if text.name.is_some() {
            "name"
        } else {
            fallback_key
        };
        let fallback = if fallback_key == "code" {
            code.as_deref()
        } else {
            Some(text.title)
        };
        let source = text.name.or(fallback);
        let idents = source.and_then(|source| check_name(self, source, ident_key, &origin));
        let allow = check_allowed_lints(self, text.allow, path);
        Draft {
            code,
            status,
            title,
            description,
            idents,
            ident_key,
            retryable,
            docs_url: None,
            message: Ok(None),
            params: Some(Vec::new()),
            deprecated: Ok(None),
            replaced_by: None,
            allow,
            origin,
        }
    }

    /// The parts of `api` every format has; the example is v1's.
    fn api(&mut self, path: &Path, name: &str, error_name: Option<&str>) -> Option<Api> {
        let origin = Origin::of(self.document, path);
        let name = check_not_empty(self, name, &origin, path, "name");
        let error_name = match error_name {
            Some(error_name) => check_not_empty(self, error_name, &origin, path, "error_name"),
            None => Some(DEFAULT_ERROR_NAME.to_owned()),
        };
        Some(Api {
            name: name?,
            error_name: error_name?,
            example: None,
            envelope: Envelope::Errspec,
            origin,
        })
    }
}

impl Draft {
    /// The model code, when every part lowered.
    fn finish(self) -> Option<Code> {
        Some(Code {
            code: self.code,
            status: self.status?,
            title: self.title?,
            description: self.description?,
            retryable: self.retryable,
            docs_url: self.docs_url,
            message: self.message.ok()?,
            params: self.params?,
            deprecated: self.deprecated.ok()?,
            replaced_by: self.replaced_by,
            idents: self.idents?,
            ident_key: self.ident_key,
            allow: self.allow,
            origin: self.origin,
        })
    }
}

fn check_codes_not_empty(lowering: &mut Lowering<'_, '_>, empty: bool, path: &Path) {
    if empty {
        let span = lowering.document.span(path).unwrap_or_default();
        lowering.problem(
            "EMPTY_CODES",
            span,
            "`codes` is empty".to_owned(),
            "list at least one code, with its `status`, `title` and `description`",
        );
    }
}

/// The status, if it is in `range`: any HTTP status in v1, an error status in v2.
fn check_status_range(
    lowering: &mut Lowering<'_, '_>,
    status: i64,
    range: std::ops::RangeInclusive<u16>,
    origin: &Origin,
) -> Option<u16> {
    if let Some(status) = u16::try_from(status).ok().filter(|s| range.contains(s)) {
        return Some(status);
    }
    let (message, hint) = if *range.start() == 100 {
        (
            format!("status {status} is not an HTTP status"),
            "HTTP statuses run from 100 to 599",
        )
    } else {
        (
            format!("status {status} is not an error status"),
            "format v2 lists errors: a status from 400 to 599 (a client error or a server error)",
        )
    };
    lowering.problem("STATUS_OUT_OF_RANGE", origin.at("status"), message, hint);
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

/// The code's identifiers, from `source`, the value of its `key`.
fn check_name(
    lowering: &mut Lowering<'_, '_>,
    source: &str,
    key: &str,
    origin: &Origin,
) -> Option<Identifiers> {
    let error = match Identifiers::for_name(source) {
        Ok(idents) => return Some(idents),
        Err(error) => error,
    };
    if source.trim().is_empty() {
        return None; // EMPTY_STRING already says so
    }
    let hint = if key == "name" {
        "change `name:` to a few ASCII words, e.g. `name: Rate Limited`"
    } else {
        "add `name:` with a few ASCII words to name this code, e.g. `name: Rate Limited`"
    };
    lowering.problem(
        "INVALID_NAME",
        origin.at(key),
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
    let identifier_span = |draft: &Draft| draft.origin.at(draft.ident_key);
    for (index, draft) in drafts.iter().enumerate() {
        let Some(idents) = &draft.idents else {
            continue;
        };
        for (target, ident) in idents.all() {
            let Some(&first) = taken.get(&(target, ident)) else {
                taken.insert((target, ident), index);
                continue;
            };
            if !reported.insert((first, index)) {
                continue;
            }
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
fn check_allowed_lints(lowering: &mut Lowering<'_, '_>, ids: &[String], path: &Path) -> Vec<Allow> {
    let mut allow = Vec::new();
    for (entry, id) in ids.iter().enumerate() {
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
