//! The Markdown target: a page for people, with the table of codes and the error body.
//!
//! Every string from the spec shows exactly as written: Markdown syntax is escaped, a `|` or a
//! line break cannot break the table (line breaks become `<br>`), invisible characters are
//! named (`U+202E`), and the header comment cannot be closed early by the spec's path. Each
//! format has its own file (`v1.rs`, `v2.rs`); the escaping is shared.

mod catalog;
mod v1;
mod v2;

use super::text::{escape_inline, is_invisible, lines, quoted};
use crate::model::{Format, Spec};

/// Renders the Markdown page for `spec`; `header` is the `@generated` line without a marker.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    match spec.format {
        Format::V1 => v1::render(spec, header),
        Format::V2 => v2::render(spec, header),
    }
}

/// An HTML comment holding `text`. A comment ends at the first `-->` (and HTML also forbids
/// `--` inside it), so a space goes between any two hyphens: a spec path cannot end it early.
pub(super) fn html_comment(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '-' && safe.ends_with('-') {
            safe.push(' ');
        }
        safe.push(c);
    }
    format!("<!-- {safe} -->")
}

/// Text as one table cell: each line with its runs of spaces and tabs made one space and its
/// Markdown escaped, the lines joined by `<br>` (a cell cannot hold a line break); blank lines
/// at either end are dropped.
pub(super) fn table_cell(text: &str) -> String {
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

/// A JSON string literal whose value is `text`; invisible characters are escaped so the code
/// block shows them.
pub(super) fn json_string(text: &str) -> String {
    quoted(text, '"', is_invisible, |c| {
        format!("\\u{:04x}", u32::from(c))
    })
}

/// `text` as a Markdown code span, fenced with more backticks than it contains in a row. A
/// space goes inside each end when the text starts or ends with a backtick, or starts and
/// ends with a space (CommonMark strips one space from each end of such a span), so the span
/// shows the text as written. A span cannot hold a line break (CommonMark reads one as a
/// space), so `text` is one line.
pub(in crate::render) fn code_span(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let spaced =
        text.starts_with(' ') && text.ends_with(' ') && !text.trim_start_matches(' ').is_empty();
    let pad = if text.starts_with('`') || text.ends_with('`') || spaced {
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
        assert_eq!(code_span(" x "), "`  x  `");
        assert_eq!(code_span("  "), "`  `");
    }
}
