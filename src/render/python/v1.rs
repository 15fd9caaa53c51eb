//! The Python of a format v1 spec: `ErrorCode` members valued by their HTTP status, the lookup
//! by status, `error_body` for the error statuses (400 and up) and the body's guard.

use askama::Template;

use super::{
    INDENT, Shared, doc_text, doc_width, docstring, literal_alias, paragraphs, string_literal,
};
use crate::model::{Code, Spec};

#[derive(Template)]
#[template(path = "python/error_codes.py", escape = "none")]
struct PythonFile {
    header: String,
    shared: Shared,
    /// Each member of `ErrorCode` with its docstring, as lines.
    members: Vec<Vec<String>>,
    /// Each entry of `_INFO`, as lines.
    entries: Vec<Vec<String>>,
    /// The `ErrorStatusCode` alias, as lines, when some code is an error (400 and up).
    error_codes: Option<Vec<String>>,
}

/// Renders the Python file of a format v1 spec.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    let file = PythonFile {
        header: header.to_owned(),
        shared: Shared::new(spec),
        members: spec.codes.iter().map(member).collect(),
        entries: spec.codes.iter().map(entry).collect(),
        error_codes: error_codes(spec),
    };
    let mut text = file
        .render()
        .expect("the Python template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

/// `NOT_FOUND = 404` with its docstring: the title and the description.
fn member(code: &Code) -> Vec<String> {
    let mut lines = vec![format!("    {} = {}", code.idents.python, code.status)];
    let width = doc_width(INDENT);
    lines.extend(docstring(
        INDENT,
        &format!("The status {}.", code.status),
        &paragraphs(vec![
            doc_text(&code.title, width),
            doc_text(&code.description, width),
        ]),
    ));
    lines
}

/// The code's entry in `_INFO`, keyed by its status: every fact, one keyword argument a line.
fn entry(code: &Code) -> Vec<String> {
    let retryable = if code.retryable { "True" } else { "False" };
    let mut lines = vec![format!("    {}: _Info(", code.status)];
    for (key, value) in [
        ("title", string_literal(&code.title)),
        ("description", string_literal(&code.description)),
        ("retryable", retryable.to_owned()),
    ] {
        lines.push(format!("        {key}={value},"));
    }
    lines.push("    ),".to_owned());
    lines
}

/// `ErrorStatusCode`, the members `error_body` takes: the codes of 400 and up.
fn error_codes(spec: &Spec) -> Option<Vec<String>> {
    let members: Vec<String> = spec
        .codes
        .iter()
        .filter(|code| code.status >= 400)
        .map(|code| format!("ErrorCode.{}", code.idents.python))
        .collect();
    literal_alias("ErrorStatusCode", &members)
}
