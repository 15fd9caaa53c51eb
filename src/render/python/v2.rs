//! The Python of a format v2 spec: `ErrorCode` members valued by the code the API sends,
//! lookups by code and by status, a constructor per code (its parameters as keyword
//! arguments, its message made from its template), `error_body` for the codes that take only
//! a message, and a body guard that accepts codes the spec lacks.
//!
//! The body is the spec's envelope: errspec's (`{"error": {...}}`) or RFC 9457's problem
//! details (see `problem.rs`). Its `TypedDict`s, the one private function that builds it,
//! `_body`, and the guard are the only places that know its shape: a constructor takes the
//! same arguments in either envelope, and only its return type differs (a problem body with
//! parameters has a `TypedDict` of its own). `with_instance` adds a problem's `instance` to a
//! body, as TypeScript's `withInstance` and Rust's `with_instance` do; a keyword argument of
//! every constructor would have taken a name from the parameters'.

use askama::Template;

use super::problem::{body_type, body_types};
use super::{
    INDENT, LINE_LENGTH, Shared, assignment, doc_escape, doc_text, doc_width, docstring,
    literal_alias, paragraphs, python_type, string_literal,
};
use crate::model::{Code, Envelope, Part, Spec};

#[derive(Template)]
#[template(path = "python/error_codes_v2.py", escape = "none")]
struct PythonFileV2 {
    header: String,
    shared: Shared,
    /// Each member of `ErrorCode` with its docstring, as lines.
    members: Vec<Vec<String>>,
    /// Each entry of `_INFO`, as lines.
    entries: Vec<Vec<String>>,
    /// The `PlainErrorCode` alias, as lines, when some code takes only a message.
    plain_codes: Option<Vec<String>>,
    /// Each code's constructor, as lines.
    constructors: Vec<Vec<String>>,
    /// Whether some template has a placeholder, so that the module writes values as text.
    renders: bool,
    /// Whether the body is RFC 9457 problem details (`envelope: problem`).
    problem: bool,
    /// Where a body holds its code: `error.code`, or `code` in problem details.
    code_member: &'static str,
    /// `from typing import ...`, as lines.
    typing: Vec<String>,
    /// The `TypedDict`s of the problem bodies of each code with parameters, as lines.
    body_types: Vec<Vec<String>>,
}

/// Renders the Python file of a format v2 spec.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    let problem = spec.api.envelope == Envelope::Problem;
    let plain_codes = plain_codes(spec);
    let file = PythonFileV2 {
        header: header.to_owned(),
        shared: Shared::new(spec),
        members: spec.codes.iter().map(|code| member(spec, code)).collect(),
        entries: spec.codes.iter().map(entry).collect(),
        typing: typing(plain_codes.is_some(), problem),
        plain_codes,
        constructors: spec
            .codes
            .iter()
            .map(|code| constructor(spec, code, problem))
            .collect(),
        renders: spec.codes.iter().any(|code| {
            code.message
                .as_ref()
                .is_some_and(|template| template.parts.iter().any(|p| matches!(p, Part::Param(_))))
        }),
        problem,
        code_member: if problem { "code" } else { "error.code" },
        body_types: if problem {
            spec.codes.iter().filter_map(body_types).collect()
        } else {
            Vec::new()
        },
    };
    let mut text = file
        .render()
        .expect("the Python template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

/// `from typing import ...` of what the module uses, as ruff format lays it out: on one line
/// when it fits, else one name a line. The names are in isort's order, as ruff's `I001` wants.
fn typing(plain_codes: bool, problem: bool) -> Vec<String> {
    let names: Vec<&str> = [
        ("TYPE_CHECKING", true),
        ("Final", true),
        ("Literal", plain_codes),
        ("NamedTuple", true),
        ("TypeAlias", plain_codes),
        ("TypedDict", true),
        ("TypeGuard", true),
        ("TypeVar", problem),
        ("cast", true),
    ]
    .into_iter()
    .filter_map(|(name, used)| used.then_some(name))
    .collect();
    let one_line = format!("from typing import {}", names.join(", "));
    if one_line.len() <= LINE_LENGTH {
        return vec![one_line];
    }
    let mut lines = vec!["from typing import (".to_owned()];
    lines.extend(names.iter().map(|name| format!("    {name},")));
    lines.push(")".to_owned());
    lines
}

fn wire(code: &Code) -> &str {
    code.code.as_deref().unwrap_or_default()
}

/// Whether `code` takes only a message: it has neither parameters nor a template.
fn is_plain(code: &Code) -> bool {
    !code.has_params_or_template()
}

/// The paragraphs that say a code is deprecated, and what replaces it, for doc text at
/// `indent` columns.
fn lifecycle_doc(spec: &Spec, code: &Code, indent: usize) -> Vec<Vec<String>> {
    let width = doc_width(indent);
    let mut out = Vec::new();
    if let Some(reason) = &code.deprecated {
        let mut text = doc_text(reason, width);
        if text.is_empty() {
            text.push(String::new());
        }
        text[0].insert_str(0, "Deprecated: ");
        out.push(text);
    }
    let replacement = code.replaced_by.as_deref().and_then(|replaced_by| {
        spec.codes
            .iter()
            .find(|other| other.code.as_deref() == Some(replaced_by))
    });
    if let Some(replacement) = replacement {
        out.push(vec![format!(
            "Replaced by ``ErrorCode.{}``.",
            replacement.idents.python
        )]);
    }
    out
}

/// `QUOTA_EXCEEDED = "quota_exceeded"` with its docstring: the status and the title, the
/// description, the deprecation.
fn member(spec: &Spec, code: &Code) -> Vec<String> {
    let mut lines = assignment(INDENT, &code.idents.python, &string_literal(wire(code)));
    let width = doc_width(INDENT);
    let mut body = vec![
        doc_text(&format!("{} {}", code.status, code.title), width),
        doc_text(&code.description, width),
    ];
    body.extend(lifecycle_doc(spec, code, INDENT));
    lines.extend(docstring(
        INDENT,
        &format!("The code ``{}``.", doc_escape(wire(code))),
        &paragraphs(body),
    ));
    lines
}

/// The code's entry in `_INFO`, keyed by its code: every fact, one keyword argument a line.
fn entry(code: &Code) -> Vec<String> {
    let optional = |text: Option<&str>| text.map_or_else(|| "None".to_owned(), string_literal);
    let retryable = if code.retryable { "True" } else { "False" };
    let mut lines = vec![format!("    {}: _Info(", string_literal(wire(code)))];
    for (key, value) in [
        ("status", code.status.to_string()),
        ("title", string_literal(&code.title)),
        ("description", string_literal(&code.description)),
        ("retryable", retryable.to_owned()),
        ("docs_url", optional(code.docs_url.as_deref())),
        ("deprecated", optional(code.deprecated.as_deref())),
        ("replaced_by", optional(code.replaced_by.as_deref())),
    ] {
        lines.push(format!("        {key}={value},"));
    }
    lines.push("    ),".to_owned());
    lines
}

/// `PlainErrorCode`, the members `error_body` takes: the codes without parameters or template.
fn plain_codes(spec: &Spec) -> Option<Vec<String>> {
    let members: Vec<String> = spec
        .codes
        .iter()
        .filter(|code| is_plain(code))
        .map(|code| format!("ErrorCode.{}", code.idents.python))
        .collect();
    literal_alias("PlainErrorCode", &members)
}

/// The code's constructor: `def quota_exceeded(*, limit: int, ...) -> ErrorBody`, its
/// arguments one a line (the message first for a code without a template, then its
/// parameters as keyword arguments, an optional one defaulting to `None`), calling `_body`.
/// A problem body with parameters is typed as its code's own `TypedDict`, which `_body`'s
/// result is cast to: the constructor's arguments make it one.
fn constructor(spec: &Spec, code: &Code, problem: bool) -> Vec<String> {
    let name = &code.idents.python_constructor;
    let mut arguments = Vec::new();
    if code.message.is_none() {
        arguments.push("message: str".to_owned());
    }
    if !code.params.is_empty() {
        arguments.push("*".to_owned());
    }
    for param in &code.params {
        let kind = python_type(param.kind);
        arguments.push(if param.optional {
            format!("{}: {kind} | None = None", param.idents.python)
        } else {
            format!("{}: {kind}", param.idents.python)
        });
    }
    let body_type = body_type(code).filter(|_| problem);
    let returns = body_type.as_deref().unwrap_or("ErrorBody");
    let mut lines = if arguments.is_empty() {
        vec![format!("def {name}() -> {returns}:")]
    } else {
        let mut lines = vec![format!("def {name}(")];
        lines.extend(arguments.iter().map(|argument| format!("    {argument},")));
        lines.push(format!(") -> {returns}:"));
        lines
    };
    lines.extend(docstring(
        INDENT,
        &format!(
            "Build the body of an error with the code ``{}``.",
            doc_escape(wire(code))
        ),
        &constructor_doc(spec, code),
    ));
    let call = body_call(code);
    match body_type {
        None => {
            lines.push("    return _body(".to_owned());
            lines.extend(call.iter().map(|line| format!("    {line}")));
            lines.push("    )".to_owned());
        }
        Some(body_type) => {
            lines.push("    return cast(".to_owned());
            lines.push(format!("        {},", string_literal(&body_type)));
            lines.push("        _body(".to_owned());
            lines.extend(call.iter().map(|line| format!("        {line}")));
            lines.push("        ),".to_owned());
            lines.push("    )".to_owned());
        }
    }
    lines
}

/// The arguments of the constructor's call of `_body`, one a line at 4 columns: the member,
/// the message and the parameters by their names on the wire.
fn body_call(code: &Code) -> Vec<String> {
    let mut lines = vec![format!("    ErrorCode.{},", code.idents.python)];
    lines.extend(message(code));
    if code.params.is_empty() {
        lines.push("    {},".to_owned());
    } else {
        lines.push("    {".to_owned());
        for param in &code.params {
            lines.push(format!(
                "        {}: {},",
                string_literal(&param.name),
                param.idents.python
            ));
        }
        lines.push("    },".to_owned());
    }
    lines
}

/// What the constructor's docstring says after its summary: the status and title, the message
/// or its template, each parameter, the deprecation.
fn constructor_doc(spec: &Spec, code: &Code) -> Vec<String> {
    let width = doc_width(INDENT);
    let mut body = vec![doc_text(&format!("{} {}", code.status, code.title), width)];
    body.push(match &code.message {
        Some(template) => doc_text(
            &format!(
                "The message is made from the template ``{}``: each placeholder is \
                 replaced by its parameter's value, written as JavaScript's ``String()`` \
                 writes it.",
                template.text
            ),
            width,
        ),
        None => doc_text("The message is the one given.", width),
    });
    for param in &code.params {
        let optional = if param.optional {
            " Optional: left out of the body when it is None."
        } else {
            ""
        };
        let wire = if param.idents.python == param.name {
            String::new()
        } else {
            format!(" (``{}`` in the body)", param.name)
        };
        body.push(doc_text(
            &format!(
                "``{}``{wire}: {}{optional}",
                param.idents.python, param.description
            ),
            width,
        ));
    }
    body.extend(lifecycle_doc(spec, code, INDENT));
    paragraphs(body)
}

/// The message argument of `_body` at 4 columns: the message given, the template's text when
/// it has no placeholder, else `_render` of its parts, one a line.
fn message(code: &Code) -> Vec<String> {
    let Some(template) = &code.message else {
        return vec!["    message,".to_owned()];
    };
    if let [Part::Text(text)] = template.parts.as_slice() {
        return vec![format!("    {},", string_literal(text))];
    }
    let mut lines = vec!["    _render(".to_owned()];
    for part in &template.parts {
        let argument = match part {
            Part::Text(text) => string_literal(text),
            Part::Param(name) => code
                .params
                .iter()
                .find(|param| &param.name == name)
                .map_or_else(|| string_literal(""), |param| param.idents.python.clone()),
        };
        lines.push(format!("        {argument},"));
    }
    lines.push("    ),".to_owned());
    lines
}
