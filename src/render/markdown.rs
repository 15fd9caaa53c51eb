//! The Markdown target: a page for people, with the table of codes and the error body.
//!
//! Every string from the spec shows exactly as written: Markdown syntax is escaped, a `|` or a
//! line break cannot break the table (line breaks become `<br>`), invisible characters are
//! named (`U+202E`), and the header comment cannot be closed early by the spec's path. The
//! table is padded to aligned columns, so the raw file reads as a table too.

use askama::Template;
use unicode_width::UnicodeWidthStr;

use super::text::{doc_lines, escape_inline, is_invisible, lines, quoted};
use crate::model::Spec;

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

/// Renders the Markdown page for `spec`; `header` is the `@generated` line without a marker.
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

/// An HTML comment holding `text`. A comment ends at the first `-->` (and HTML also forbids
/// `--` inside it), so a space goes between any two hyphens: a spec path cannot end it early.
fn html_comment(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '-' && safe.ends_with('-') {
            safe.push(' ');
        }
        safe.push(c);
    }
    format!("<!-- {safe} -->")
}

/// The table: a header row, the delimiter row, and one row per code in spec order, with each
/// column padded to its widest cell.
fn table(spec: &Spec) -> Vec<String> {
    let mut rows: Vec<[String; 3]> = vec![["CODE", "TITLE", "DESCRIPTION"].map(str::to_owned)];
    rows.extend(spec.codes.iter().map(|code| {
        [
            code.status.to_string(),
            table_cell(&code.title),
            table_cell(&code.description),
        ]
    }));
    let widths: Vec<usize> = (0..3)
        .map(|column| {
            rows.iter()
                .map(|row| row[column].width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 3]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.width())))
            .collect();
        format!("| {} |", padded.join(" | "))
    };
    let delimiter: Vec<String> = widths.iter().map(|width| "-".repeat(*width)).collect();
    let mut out = vec![line([&rows[0][0], &rows[0][1], &rows[0][2]])];
    out.push(line([&delimiter[0], &delimiter[1], &delimiter[2]]));
    out.extend(
        rows[1..]
            .iter()
            .map(|row| line([&row[0], &row[1], &row[2]])),
    );
    out
}

/// Text as one table cell: each line with its runs of spaces and tabs made one space and its
/// Markdown escaped, the lines joined by `<br>` (a cell cannot hold a line break); blank lines
/// at either end are dropped.
fn table_cell(text: &str) -> String {
    let mut cell_lines: Vec<String> = lines(text)
        .iter()
        .map(|line| {
            line.split_ascii_whitespace()
                .map(escape_inline)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    while cell_lines.last().is_some_and(String::is_empty) {
        cell_lines.pop();
    }
    let leading_blank = cell_lines.iter().take_while(|line| line.is_empty()).count();
    cell_lines.drain(..leading_blank);
    cell_lines.join("<br>")
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

/// A JSON string literal whose value is `text`; invisible characters are escaped so the code
/// block shows them.
fn json_string(text: &str) -> String {
    quoted(text, '"', is_invisible, |c| {
        format!("\\u{:04x}", u32::from(c))
    })
}

/// `text` as a Markdown code span, fenced with more backticks than it contains in a row.
fn code_span(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_markdown_and_keep_line_breaks_visible() {
        assert_eq!(table_cell("a | b"), r"a \| b");
        assert_eq!(
            table_cell("one\ntwo\r\n\nthree\n"),
            "one<br>two<br><br>three"
        );
        assert_eq!(table_cell("  *x*\t_y_  "), r"\*x\* \_y\_");
        assert_eq!(table_cell("couldn’t"), "couldn’t");
        assert_eq!(table_cell("a\u{202E}b"), "aU+202Eb");
    }

    #[test]
    fn the_header_comment_cannot_be_closed_early() {
        assert_eq!(html_comment("a-->b"), "<!-- a- ->b -->");
        assert_eq!(html_comment("x---y"), "<!-- x- - -y -->");
        let hostile = html_comment("<!-- --!> --->");
        let inner = &hostile["<!-- ".len()..hostile.len() - " -->".len()];
        assert!(!inner.contains("--"), "{hostile}");
    }

    #[test]
    fn json_strings_and_code_spans_hold_any_text() {
        assert_eq!(
            json_string("a \"b\" \\ \u{1}\u{2028}"),
            r#""a \"b\" \\ \u0001\u2028""#
        );
        assert_eq!(code_span("\"Error\""), "`\"Error\"`");
        assert_eq!(code_span("a `b` ``c"), "```a `b` ``c```");
        assert_eq!(code_span("`x"), "`` `x ``");
    }
}
