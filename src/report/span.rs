//! The line a diagnostic points into, and the part of it under the carets.
//!
//! Diagnostics carry the start and the end of their node, found by the parser; this module
//! only finds the node's first line in the file's text. A node that goes on past its line is
//! underlined to the end of that line.

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

    /// Line `line` (from 1) without its line break.
    pub(crate) fn line(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        Some(self.text[start..end].trim_end_matches('\r'))
    }

    /// The line of the node from `start` to `end` (exclusive), with the byte range of the
    /// node on it: to `end`, or to the end of the line when the node goes on past it. Empty
    /// when `start` is past the end of its line (a missing value); `None` past the end of
    /// the file.
    pub(crate) fn span(
        &self,
        start: Location,
        end: Option<Location>,
    ) -> Option<(&str, Range<usize>)> {
        let line = self.line(start.line)?;
        let byte = |column: usize| {
            line.char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i)
        };
        let from = byte(start.column);
        let to = match end {
            Some(end) if end.line == start.line => byte(end.column).max(from),
            Some(_) => line.trim_end().len().max(from),
            None => from,
        };
        Some((line, from..to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn under(source: &str, start: (usize, usize), end: (usize, usize)) -> String {
        let at = |(line, column)| Location { line, column };
        let source = Source::new(source.to_owned());
        let (line, range) = source.span(at(start), Some(at(end))).unwrap();
        line[range].to_owned()
    }

    #[test]
    fn the_node_is_underlined_on_its_first_line() {
        let source = "é: ünï  \r\nd: >-\n  text\n";
        assert_eq!(
            under(source, (1, 4), (1, 7)),
            "ünï",
            "columns count characters"
        );
        assert_eq!(
            under(source, (2, 4), (3, 7)),
            ">-",
            "to the end of the line"
        );
        assert_eq!(
            under(source, (1, 9), (1, 9)),
            "",
            "a missing value is empty"
        );
        assert!(
            Source::new(source.to_owned())
                .span(Location { line: 9, column: 1 }, None)
                .is_none()
        );
    }
}
