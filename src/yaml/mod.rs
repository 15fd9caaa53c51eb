//! The YAML layer: where each node of a spec file is, as data.
//!
//! serde_yaml reads a spec's values (see `read`); this module says where each value was
//! written. `events` runs the same parser (libyaml-rs) for its events and their offsets;
//! `document` builds from them a tree of nodes with their spans, reached by a [`Path`] that
//! can name any key (`codes[3].params.limit`). Nothing here reads a position back out of an
//! error message: offsets are the parser's data, turned into lines and columns by
//! [`LineIndex`] as editors count them.

pub(crate) mod document;
pub(crate) mod events;
pub(crate) mod read;

use std::fmt;

use crate::diagnostic::Location;

pub(crate) use document::Document;

/// Where a node is in the text: byte offsets, the end exclusive.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The span from `start` to `end`.
    pub(crate) fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }
}

/// Two spans are always equal, so that a model item that carries its origin compares by what
/// it says, not by where the file says it (as syn's syntax trees ignore their spans).
impl PartialEq for Span {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Span {}

/// The text's line starts, to turn byte offsets into lines and columns as editors count them:
/// a line ends at `\n` (a `\r` before it belongs to the break), and columns count characters.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// The byte offset where each line starts; the first is 0.
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, line_starts }
    }

    /// The text the index is of: what the spans index into.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The line and column of byte `offset` (clamped to the text, and back to a character
    /// boundary).
    pub(crate) fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        Location {
            line,
            column: self.text[line_start..offset].chars().count() + 1,
        }
    }

    /// The start and the exclusive end of `span`. A span that ends after line breaks and
    /// blanks (a block scalar, a block mapping) ends at its last character instead; a span of
    /// blanks only (a tab where YAML forbids one) keeps them.
    pub(crate) fn range(&self, span: Span) -> (Location, Location) {
        let text = self.text.get(span.start..span.end.min(self.text.len()));
        let trimmed = text.map_or(0, |text| match text.trim_end() {
            "" => 0,
            kept => text.len() - kept.len(),
        });
        (
            self.location(span.start),
            self.location(span.end - trimmed.min(span.end - span.start)),
        )
    }

    /// The span of the bytes `range` of a scalar's value, where the scalar at `span` is
    /// written as its value is: plain, or quoted with no escapes and on one line. Otherwise
    /// (escapes, folding, a block scalar) the offsets in the value are not offsets in the
    /// text, and the whole scalar's span stands for the part.
    pub(crate) fn within(&self, span: Span, value: &str, range: std::ops::Range<usize>) -> Span {
        let Some(written) = self.text.get(span.start..span.end) else {
            return span;
        };
        let start = if written == value {
            span.start
        } else if written.len() == value.len() + 2
            && (written.starts_with('"') && !written.contains('\\')
                || written.starts_with('\'') && !value.contains('\''))
            && &written[1..written.len() - 1] == value
        {
            span.start + 1
        } else {
            return span;
        };
        Span::new(start + range.start, start + range.end)
    }

    /// The position just past the end of the text.
    pub(crate) fn end(&self) -> Location {
        self.location(self.text.len())
    }
}

/// One step from a node to a child.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Segment {
    /// The value under a mapping key, by the key's text.
    Key(String),
    /// An element of a list, from 0.
    Index(usize),
}

/// A path from the document's root to a node: `codes[3].params.limit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Path(Vec<Segment>);

impl Path {
    /// The document's root.
    pub(crate) fn root() -> Self {
        Self::default()
    }

    /// This path, one key further.
    pub(crate) fn key(&self, key: impl Into<String>) -> Self {
        self.with(Segment::Key(key.into()))
    }

    /// This path, one list element further.
    pub(crate) fn index(&self, index: usize) -> Self {
        self.with(Segment::Index(index))
    }

    /// The steps from the root.
    pub(crate) fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the root.
    pub(crate) fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    fn with(&self, segment: Segment) -> Self {
        let mut segments = self.0.clone();
        segments.push(segment);
        Self(segments)
    }
}

impl fmt::Display for Path {
    /// `codes[3].status`, as serde_yaml writes paths.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
/// Every YAML file of the tests, with its text: the fixtures (valid, invalid, lints, diff
/// pairs and the fuzz corpus), the seed spec and the examples' catalogs.
pub(crate) fn every_test_yaml() -> Vec<(std::path::PathBuf, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pending = vec![root.join("tests/fixtures")];
    let mut files = vec![
        root.join("spec/errors.yaml"),
        root.join("examples/grpc/errors.yaml"),
    ];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "yaml") {
                files.push(path);
            }
        }
    }
    let mut texts: Vec<_> = files
        .into_iter()
        .filter_map(|path| Some((path.clone(), std::fs::read_to_string(path).ok()?)))
        .collect();
    texts.sort();
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(index: &LineIndex<'_>, offset: usize) -> (usize, usize) {
        let location = index.location(offset);
        (location.line, location.column)
    }

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let index = LineIndex::new("ab\r\né: ü\n\nx");
        assert_eq!(at(&index, 0), (1, 1));
        assert_eq!(at(&index, 2), (1, 3), "the \\r ends the line");
        assert_eq!(at(&index, 4), (2, 1));
        assert_eq!(at(&index, 8), (2, 4), "é counts once");
        assert_eq!(at(&index, 12), (4, 1));
        assert_eq!(at(&index, 99), (4, 2), "past the end is the end");
        assert_eq!(at(&index, 5), (2, 1), "inside é is at é");
    }

    #[test]
    fn a_range_ends_at_its_last_character() {
        let text = "d: >-\n  text\n\ne: 1\n";
        let index = LineIndex::new(text);
        let (start, end) = index.range(Span::new(3, 14));
        assert_eq!((start.line, start.column), (1, 4));
        assert_eq!((end.line, end.column), (2, 7));
    }

    #[test]
    fn paths_display_as_serde_yaml_writes_them() {
        let path = Path::root()
            .key("codes")
            .index(3)
            .key("params")
            .key("limit");
        assert_eq!(path.to_string(), "codes[3].params.limit");
        assert_eq!(Path::root().to_string(), "");
    }
}
