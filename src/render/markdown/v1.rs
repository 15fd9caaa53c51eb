//! The Markdown page of a format v1 spec: the seed page's table, with each code's identifier
//! and retryability, and the example body. Each row starts with an anchor named by its status
//! (`#404`), so a link can point at one code. Rows are not padded to aligned columns: each
//! holds one code's text on one line, so a change to one code changes one line of the page.

use askama::Template;

use super::{code_span, html_comment, json_string, table_cell};
use crate::model::{Code, Spec};
use crate::render::text::doc_lines;

#[derive(Template)]
#[template(path = "markdown/error-codes.md", escape = "none")]
struct MarkdownFile {
    /// The whole first line: `<!-- @generated ... -->`.
    header: String,
    /// The API's name, escaped for running text.
    api: String,
    /// The table's rows, one per code, after the header and delimiter rows.
    rows: Vec<String>,
    /// The anchor of the first error code (or of the first code, when none is an error), in a
    /// code span: `` `#400` ``.
    anchor: String,
    /// The statuses of the retryable codes, as a phrase: `500, 502 or 504`.
    retryable: Option<String>,
    /// The `error.name` of every body, as a JSON string in a code span.
    error_name: String,
    /// The example body, one line of JSON per element, when the spec has one.
    example: Option<Example>,
}

struct Example {
    status: u16,
    json: Vec<String>,
}

/// Renders the Markdown page of a format v1 spec.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    let json_name = json_string(&spec.api.error_name);
    let file = MarkdownFile {
        header: html_comment(header),
        api: doc_lines(&spec.api.name, usize::MAX).join(" "),
        rows: spec.codes.iter().map(row).collect(),
        anchor: code_span(&format!("#{}", example_code(spec).status)),
        retryable: retryable(spec),
        error_name: code_span(&json_name),
        example: spec.api.example.as_ref().map(|example| Example {
            status: example.status,
            json: vec![
                "{".to_owned(),
                "  \"error\": {".to_owned(),
                format!("    \"name\": {json_name},"),
                format!("    \"status\": {},", example.status),
                format!("    \"message\": {}", json_string(&example.message)),
                "  }".to_owned(),
                "}".to_owned(),
            ],
        }),
    };
    let mut text = file
        .render()
        .expect("the Markdown template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

/// `| <a id="404"></a>404 | `NotFound` | Not Found | ... | no |`. The name is the code's
/// identifier in TypeScript and OpenAPI (Rust's too, but for `Self`, which Rust spells
/// `Self_`): ASCII letters and digits, so a code span as it is.
fn row(code: &Code) -> String {
    let status = code.status;
    format!(
        "| <a id=\"{status}\"></a>{status} | `{}` | {} | {} | {} |",
        code.idents.typescript,
        table_cell(&code.title),
        table_cell(&code.description),
        if code.retryable { "yes" } else { "no" },
    )
}

/// The code the page's text links to as an example: the first error code, else the first.
fn example_code(spec: &Spec) -> &Code {
    let first_error = spec.codes.iter().find(|code| code.status >= 400);
    first_error.unwrap_or(&spec.codes[0])
}

/// `500, 502 or 504`: the retryable codes, or `None` when there are none.
fn retryable(spec: &Spec) -> Option<String> {
    let statuses: Vec<String> = spec
        .codes
        .iter()
        .filter(|code| code.retryable)
        .map(|code| code.status.to_string())
        .collect();
    match statuses.split_last()? {
        (last, []) => Some(last.clone()),
        (last, rest) => Some(format!("{} or {last}", rest.join(", "))),
    }
}
