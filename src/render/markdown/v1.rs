//! The Markdown page of a format v1 spec: the seed page's table, one line per code and no
//! padding, so a change to one code changes one line of the page, and the example body.

use askama::Template;

use super::{code_span, html_comment, json_string, table_cell};
use crate::model::Spec;
use crate::render::text::doc_lines;

#[derive(Template)]
#[template(path = "markdown/error-codes.md", escape = "none")]
struct MarkdownFile {
    /// The whole first line: `<!-- @generated ... -->`.
    header: String,
    /// The API's name, escaped for running text.
    api: String,
    /// The table, one line per row, laid out.
    table: Vec<String>,
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
        table: table(spec),
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

/// The table: a header row, the delimiter row, and one row per code in spec order. Cells are
/// not padded to their column's widest: padding would tie every row to the longest cell, so
/// shortening one description would rewrite every row of a pull request's diff.
fn table(spec: &Spec) -> Vec<String> {
    let row = |cells: [&str; 3]| format!("| {} |", cells.join(" | "));
    let mut rows = vec![
        row(["CODE", "TITLE", "DESCRIPTION"]),
        row(["---", "---", "---"]),
    ];
    rows.extend(spec.codes.iter().map(|code| {
        row([
            &code.status.to_string(),
            &table_cell(&code.title),
            &table_cell(&code.description),
        ])
    }));
    rows
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
