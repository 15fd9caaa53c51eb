//! The extent of the YAML node at a position, for the carets under it: a diagnostic carries
//! only where its node starts, and the source says where it ends.
//!
//! This reads one line, the way a YAML author sees it: a quoted scalar to its closing quote, a
//! flow collection to its closing bracket, a block scalar's indicator (`>-`), a key to its
//! colon, a plain scalar to the end of its text (before a comment, or a `,` `]` `}` in flow
//! context). A node that goes on past its line is underlined on its first line.

use std::ops::Range;

use crate::diagnostic::Location;

/// A file's text with the offset of each line, so that a report of many diagnostics finds each
/// one's line without scanning the file again.
#[derive(Debug, Clone, Default)]
pub(crate) struct Source {
    text: String,
    line_starts: Vec<usize>,
}

impl Source {
    /// Indexes the lines of `text`.
    pub(crate) fn new(text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, line_starts }
    }

    /// Line `line` (from 1) without its line break, and the byte offset where it starts.
    pub(crate) fn line(&self, line: usize) -> Option<(usize, &str)> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        Some((start, self.text[start..end].trim_end_matches('\r')))
    }

    /// The byte range, within its line, of the node that starts at `at`, with that line and
    /// the line's offset in the file. Empty when `at` is past the end of its line (a missing
    /// value); `None` past the end of the file.
    pub(crate) fn span(&self, at: Location) -> Option<(usize, &str, Range<usize>)> {
        let (line_start, line) = self.line(at.line)?;
        let column = line
            .char_indices()
            .nth(at.column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        let length = extent(&line[column..], in_flow(&line[..column]));
        Some((line_start, line, column..column + length))
    }

    /// The position just past the node that starts at `at`: the exclusive end of its span.
    pub(crate) fn end_location(&self, at: Location) -> Location {
        match self.span(at) {
            Some((_, line, range)) => Location {
                line: at.line,
                column: line[..range.end].chars().count() + 1,
            },
            None => crate::pipeline::location_after(&self.text),
        }
    }
}

/// The byte range in `source` of the node that starts at `at`. Empty when `at` is past the end
/// of its line (a missing value) or of the file.
#[cfg(test)]
fn span(source: &str, at: Location) -> Range<usize> {
    match Source::new(source.to_owned()).span(at) {
        Some((line_start, _, range)) => line_start + range.start..line_start + range.end,
        None => source.len()..source.len(),
    }
}

/// The length in bytes of the node at the start of `rest` (the rest of its line).
fn extent(rest: &str, flow: bool) -> usize {
    match rest.chars().next() {
        None => 0,
        Some(quote @ ('"' | '\'')) => quoted(rest, quote),
        Some('[' | '{') => bracketed(rest).unwrap_or(1),
        Some('|' | '>') => rest.find(char::is_whitespace).unwrap_or(rest.len()),
        Some(_) => plain(rest, flow),
    }
}

/// A quoted scalar up to its closing quote, or to the end of the line's text.
fn quoted(rest: &str, quote: char) -> usize {
    let mut chars = rest.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek().is_some_and(|(_, next)| *next == '\'') => {
                chars.next();
            }
            c if c == quote => return i + 1,
            _ => {}
        }
    }
    rest.trim_end().len()
}

/// A flow collection up to its matching bracket, when that is on the same line.
fn bracketed(rest: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            (None, '#') if rest[..i].ends_with(char::is_whitespace) => return None,
            _ => {}
        }
    }
    None
}

/// A plain scalar (or key): up to ` #`, a `: ` or final `:`, and in flow context `,` `]` `}`.
fn plain(rest: &str, flow: bool) -> usize {
    let mut end = rest.len();
    let mut previous = ' ';
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, next)| *next);
        let key_colon = c == ':' && next.is_none_or(char::is_whitespace);
        let comment = c == '#' && previous.is_whitespace() && i > 0;
        let flow_end = flow && matches!(c, ',' | ']' | '}');
        if key_colon || comment || flow_end {
            end = i;
            break;
        }
        previous = c;
    }
    rest[..end].trim_end().len()
}

/// Whether a node after `prefix` (the start of its line) is inside an unclosed `[` or `{`.
fn in_flow(prefix: &str) -> bool {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for c in prefix.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text under the carets for the node at `line:column` of `source`.
    fn under(source: &str, line: usize, column: usize) -> &str {
        &source[span(source, Location { line, column })]
    }

    #[test]
    fn plain_scalars_end_before_comments_and_trailing_space() {
        let source = "a: 1\nstatus: 404   # the code\ntitle: Not Found  \n";
        assert_eq!(under(source, 2, 9), "404");
        assert_eq!(under(source, 3, 8), "Not Found");
        assert_eq!(under(source, 2, 1), "status", "a key ends at its colon");
        assert_eq!(under("url: http://x:80/a#b\n", 1, 6), "http://x:80/a#b");
    }

    #[test]
    fn quoted_scalars_end_at_their_closing_quote() {
        let source = "t: \"a \\\" b\" # c\nu: 'it''s' x\nv: \"open\n";
        assert_eq!(under(source, 1, 4), "\"a \\\" b\"");
        assert_eq!(under(source, 2, 4), "'it''s'");
        assert_eq!(
            under(source, 3, 4),
            "\"open",
            "an unclosed quote runs to the line's end"
        );
    }

    #[test]
    fn flow_collections_and_their_elements() {
        let source = "codes: [{status: 404, title: \"a, b\"}, 2]\n";
        assert_eq!(under(source, 1, 8), "[{status: 404, title: \"a, b\"}, 2]");
        assert_eq!(under(source, 1, 9), "{status: 404, title: \"a, b\"}");
        assert_eq!(
            under(source, 1, 18),
            "404",
            "a flow scalar ends at the comma"
        );
        assert_eq!(under(source, 1, 39), "2", "and at the bracket");
        assert_eq!(
            under("a: [1,\n", 1, 4),
            "[",
            "an unclosed bracket is one character"
        );
    }

    #[test]
    fn block_scalars_show_their_indicator_and_missing_values_are_empty() {
        let source = "d: >-\n  text\ne:\n";
        assert_eq!(under(source, 1, 4), ">-");
        assert_eq!(span(source, Location { line: 3, column: 3 }), 15..15);
        assert_eq!(span(source, Location { line: 9, column: 1 }), 16..16);
    }

    #[test]
    fn columns_count_characters_and_crlf_is_a_line_break() {
        let source = "é: ünï  \r\nx: y\r\n";
        assert_eq!(under(source, 1, 4), "ünï");
        assert_eq!(under(source, 2, 4), "y");
        let end = Source::new(source.to_owned()).end_location(Location { line: 1, column: 4 });
        assert_eq!((end.line, end.column), (1, 7));
    }
}
