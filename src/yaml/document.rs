//! The parser's events -> a tree of nodes, each with its span: where every node of the spec
//! was written, reached by a [`Path`].
//!
//! The tree keeps aliases as links to their anchored node instead of copying it, so it is as
//! large as the text (an alias bomb costs nothing here), and a node reached through an alias
//! is located where the alias is written: that is where the user wrote what the path names.
//! The limits that protect the parser and serde_yaml (nesting, one document, defined anchors)
//! are checked here, in one walk, before serde_yaml reads any value.

use std::collections::HashMap;

use super::events::{EventKind, Offset, Parser, ScalarStyle, SyntaxError};
use super::{LineIndex, Path, Segment, Span};

/// The deepest nesting of mappings and lists a spec may have. A spec needs four levels; the
/// parser's time grows with the square of flow nesting (100 000 `[` took 38 s), and
/// serde_yaml refuses 128 levels only after reading them all, so deeper text is refused as
/// soon as its 65th level opens.
pub(crate) const MAX_DEPTH: usize = 64;

/// A node's index in its document.
pub(crate) type NodeId = usize;

/// One node: what it is and where it was written.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

/// What a node is.
#[derive(Debug, Clone)]
pub(crate) enum NodeKind {
    Scalar {
        value: String,
        style: ScalarStyle,
        tag: Option<String>,
    },
    Sequence {
        items: Vec<NodeId>,
    },
    Mapping {
        /// Each key and its value, in the order written (a repeated key is kept twice).
        entries: Vec<(NodeId, NodeId)>,
    },
    /// `*name`, standing for the node anchored as `&name` before it.
    Alias {
        target: NodeId,
    },
}

/// Why the text cannot become a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DocumentError {
    /// The parser refused the text.
    Syntax(SyntaxError),
    /// A mapping or list opens deeper than [`MAX_DEPTH`].
    TooDeep { at: Offset },
    /// A second document (`---`) begins.
    SecondDocument { at: Offset },
    /// An alias names no anchor defined before it.
    UnknownAnchor { name: String, at: Span },
}

/// A node found by its path.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    /// The node, aliases followed.
    pub node: NodeId,
    /// Where the path's node is written: the node itself, or, when the path passes through an
    /// alias, the first alias on the way.
    pub written: Span,
    /// Whether the path passes through an alias.
    pub through_alias: bool,
}

/// The tree of one YAML document, with its text's line index.
#[derive(Debug, Clone)]
pub(crate) struct Document<'a> {
    nodes: Vec<Node>,
    /// `None` when the text holds no document (it is empty or only comments).
    root: Option<NodeId>,
    lines: LineIndex<'a>,
}

impl<'a> Document<'a> {
    /// Parses `text` into its document tree.
    pub(crate) fn parse(text: &'a str) -> Result<Self, DocumentError> {
        let mut builder = Builder::default();
        for event in Parser::new(text) {
            let event = event.map_err(DocumentError::Syntax)?;
            builder.event(event.kind, Span::new(event.start, event.end))?;
        }
        Ok(Self {
            nodes: builder.nodes,
            root: builder.root,
            lines: LineIndex::new(text),
        })
    }

    /// The text's line index, to turn spans into lines and columns.
    pub(crate) fn lines(&self) -> &LineIndex<'a> {
        &self.lines
    }

    /// The root node's id; `None` for a text with no document.
    pub(crate) fn root_id(&self) -> Option<NodeId> {
        self.root
    }

    /// The root node, aliases followed; `None` for a text with no document.
    pub(crate) fn root(&self) -> Option<&Node> {
        self.root.map(|id| self.node(id))
    }

    /// The node `id`, aliases followed.
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        let mut node = &self.nodes[id];
        // An alias always names an earlier node, so this ends.
        while let NodeKind::Alias { target } = node.kind {
            node = &self.nodes[target];
        }
        node
    }

    /// The text of a scalar node, aliases followed; `None` for a mapping or a list.
    pub(crate) fn scalar(&self, id: NodeId) -> Option<&str> {
        match &self.node(id).kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The node at `path`, if the document has one.
    pub(crate) fn find(&self, path: &Path) -> Option<Found> {
        let mut id = self.root?;
        let mut alias: Option<Span> = None;
        for segment in path.segments() {
            alias = alias.or(self.alias_span(id));
            id = match (&self.node(id).kind, segment) {
                (NodeKind::Mapping { entries, .. }, Segment::Key(key)) => entries
                    .iter()
                    .find(|(k, _)| self.scalar(*k) == Some(key))
                    .map(|&(_, value)| value)?,
                (NodeKind::Sequence { items, .. }, Segment::Index(index)) => *items.get(*index)?,
                _ => return None,
            };
        }
        let alias = alias.or(self.alias_span(id));
        let written = alias.unwrap_or(self.nodes[id].span);
        Some(Found {
            node: self.node_id(id),
            written,
            through_alias: alias.is_some(),
        })
    }

    /// Where the node at `path` is written.
    pub(crate) fn span(&self, path: &Path) -> Option<Span> {
        self.find(path).map(|found| found.written)
    }

    /// Where the `occurrence`th (from 0) key `key` of the mapping at `path` is written; for a
    /// mapping reached through an alias, where the alias is.
    pub(crate) fn key_span(&self, path: &Path, key: &str, occurrence: usize) -> Option<Span> {
        let found = self.find(path)?;
        let NodeKind::Mapping { entries, .. } = &self.nodes[found.node].kind else {
            return None;
        };
        let (key, _) = entries
            .iter()
            .filter(|(k, _)| self.scalar(*k) == Some(key))
            .nth(occurrence)?;
        Some(match found.through_alias {
            true => found.written,
            false => self.nodes[*key].span,
        })
    }

    /// Each key of the mapping at `path` with where the key and its value are written, in
    /// order; empty when the node is not a mapping.
    pub(crate) fn entries(&self, path: &Path) -> Vec<(String, Span, Span)> {
        let Some(found) = self.find(path) else {
            return Vec::new();
        };
        let NodeKind::Mapping { entries, .. } = &self.nodes[found.node].kind else {
            return Vec::new();
        };
        let written = |id: NodeId| match found.through_alias {
            true => found.written,
            false => self.nodes[id].span,
        };
        entries
            .iter()
            .filter_map(|&(key, value)| {
                Some((self.scalar(key)?.to_owned(), written(key), written(value)))
            })
            .collect()
    }

    fn alias_span(&self, id: NodeId) -> Option<Span> {
        match self.nodes[id].kind {
            NodeKind::Alias { .. } => Some(self.nodes[id].span),
            _ => None,
        }
    }

    fn node_id(&self, mut id: NodeId) -> NodeId {
        while let NodeKind::Alias { target } = self.nodes[id].kind {
            id = target;
        }
        id
    }
}

/// Builds the tree from the events, one at a time.
#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    root: Option<NodeId>,
    /// The mappings and lists opened and not yet closed, innermost last.
    open: Vec<NodeId>,
    /// The node each anchor names; a later anchor of the same name replaces an earlier one,
    /// as in serde_yaml.
    anchors: HashMap<String, NodeId>,
    documents: usize,
}

impl Builder {
    fn event(&mut self, kind: EventKind, span: Span) -> Result<(), DocumentError> {
        match kind {
            EventKind::StreamStart | EventKind::StreamEnd | EventKind::DocumentEnd => {}
            EventKind::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(DocumentError::SecondDocument { at: span.start });
                }
            }
            EventKind::Alias { anchor } => {
                let Some(&target) = self.anchors.get(&anchor) else {
                    return Err(DocumentError::UnknownAnchor {
                        name: anchor,
                        at: span,
                    });
                };
                self.add(span, NodeKind::Alias { target }, None);
            }
            EventKind::Scalar {
                anchor,
                tag,
                value,
                style,
            } => {
                self.add(span, NodeKind::Scalar { value, style, tag }, anchor);
            }
            EventKind::SequenceStart { anchor } => {
                self.open_collection(span, NodeKind::Sequence { items: vec![] }, anchor)?;
            }
            EventKind::MappingStart { anchor } => {
                let entries = Vec::new();
                self.open_collection(span, NodeKind::Mapping { entries }, anchor)?;
            }
            EventKind::SequenceEnd | EventKind::MappingEnd => self.close_collection(span),
        }
        Ok(())
    }

    fn open_collection(
        &mut self,
        span: Span,
        kind: NodeKind,
        anchor: Option<String>,
    ) -> Result<(), DocumentError> {
        if self.open.len() >= MAX_DEPTH {
            return Err(DocumentError::TooDeep { at: span.start });
        }
        let id = self.add(span, kind, anchor);
        self.open.push(id);
        Ok(())
    }

    /// A flow collection ends at its closing bracket; a block collection's end event marks
    /// nothing, so it ends where its last child does.
    fn close_collection(&mut self, end: Span) {
        let Some(id) = self.open.pop() else { return };
        let last_child = match &self.nodes[id].kind {
            NodeKind::Sequence { items, .. } => items.last().copied(),
            NodeKind::Mapping { entries, .. } => entries.last().map(|&(_, value)| value),
            _ => None,
        };
        let node_end = if end.end > end.start {
            end.end
        } else {
            last_child.map_or(self.nodes[id].span.end, |child| self.nodes[child].span.end)
        };
        self.nodes[id].span.end = node_end.max(self.nodes[id].span.start);
    }

    /// Adds a node under the innermost open collection (or as the root).
    fn add(&mut self, span: Span, kind: NodeKind, anchor: Option<String>) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node { span, kind });
        if let Some(anchor) = anchor {
            self.anchors.insert(anchor, id);
        }
        match self.open.last().map(|&parent| &mut self.nodes[parent].kind) {
            Some(NodeKind::Sequence { items, .. }) => items.push(id),
            Some(NodeKind::Mapping { entries, .. }) => match entries.last_mut() {
                Some((_, value)) if *value == usize::MAX => *value = id,
                _ => entries.push((id, usize::MAX)),
            },
            _ => self.root = Some(id),
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = "version: 1\ncodes:\n  - status: &s 404\n    title: Not Found\n  - status: *s\n    title: [a, b]\n";

    fn at(document: &Document<'_>, span: Span) -> ((usize, usize), (usize, usize)) {
        let (start, end) = document.lines().range(span);
        ((start.line, start.column), (end.line, end.column))
    }

    fn codes() -> Path {
        Path::root().key("codes")
    }

    #[test]
    fn nodes_are_found_by_path_with_their_extent() {
        let document = Document::parse(SPEC).unwrap();
        let span = |path: &Path| at(&document, document.span(path).unwrap());
        assert_eq!(span(&Path::root().key("version")), ((1, 10), (1, 11)));
        assert_eq!(span(&codes().index(0)), ((3, 5), (4, 21)));
        assert_eq!(span(&codes().index(1).key("title")), ((6, 12), (6, 18)));
        assert_eq!(span(&codes()), ((3, 3), (6, 18)));
        assert!(document.find(&codes().index(2)).is_none());
        assert!(document.find(&codes().index(0).key("name")).is_none());
        let title = document.key_span(&codes().index(0), "title", 0).unwrap();
        assert_eq!(at(&document, title), ((4, 5), (4, 10)));
    }

    #[test]
    fn an_alias_is_located_where_it_is_written() {
        let document = Document::parse(SPEC).unwrap();
        let first = document.find(&codes().index(0).key("status")).unwrap();
        let second = document.find(&codes().index(1).key("status")).unwrap();
        assert_eq!(at(&document, first.written), ((3, 13), (3, 19)));
        assert_eq!(at(&document, second.written), ((5, 13), (5, 15)));
        assert!(second.through_alias);
        assert_eq!(first.node, second.node, "both name the anchored node");
        assert_eq!(document.scalar(second.node), Some("404"));
    }

    #[test]
    fn a_path_through_an_aliased_mapping_is_located_at_the_alias() {
        let text = "codes:\n  - &c {status: 404, title: T}\n  - *c\n";
        let document = Document::parse(text).unwrap();
        let status = document.span(&codes().index(1).key("status")).unwrap();
        assert_eq!(at(&document, status), ((3, 5), (3, 7)));
        let key = document.key_span(&codes().index(1), "title", 0).unwrap();
        assert_eq!(at(&document, key), ((3, 5), (3, 7)));
        let entries = document.entries(&codes().index(0));
        assert_eq!(entries.len(), 2);
        assert_eq!(at(&document, entries[1].2), ((2, 29), (2, 30)));
    }

    #[test]
    fn a_merge_key_is_an_ordinary_key_where_it_is_written() {
        let text = "base: &b {title: T}\ncode:\n  <<: *b\n  status: 1\n";
        let document = Document::parse(text).unwrap();
        let merge = document
            .key_span(&Path::root().key("code"), "<<", 0)
            .unwrap();
        assert_eq!(at(&document, merge), ((3, 3), (3, 5)));
    }

    #[test]
    fn repeated_keys_are_kept_in_order() {
        let document = Document::parse("a: 1\nb: 2\na: 3\n").unwrap();
        let second = document.key_span(&Path::root(), "a", 1).unwrap();
        assert_eq!(at(&document, second), ((3, 1), (3, 2)));
        assert_eq!(
            document.span(&Path::root().key("a")).map(|s| s.start),
            Some(3)
        );
    }

    #[test]
    fn the_limits_are_refused_where_they_are_passed() {
        let deep = format!("a: {}", "[".repeat(100_000));
        assert_eq!(
            Document::parse(&deep).unwrap_err(),
            DocumentError::TooDeep {
                at: 3 + MAX_DEPTH - 1
            }
        );
        let block: String = (0..=MAX_DEPTH)
            .map(|depth| format!("{}k:\n", " ".repeat(depth)))
            .collect();
        assert!(matches!(
            Document::parse(&block),
            Err(DocumentError::TooDeep { .. })
        ));
        assert_eq!(
            Document::parse("a: 1\n---\nb: 2\n").unwrap_err(),
            DocumentError::SecondDocument { at: 5 }
        );
        assert!(matches!(
            Document::parse("a: *nothing\n"),
            Err(DocumentError::UnknownAnchor { name, at }) if name == "nothing" && at.start == 3
        ));
    }

    /// Whether the tree under `id` has the shape and the text of serde_yaml's `value`.
    fn agrees(document: &Document<'_>, id: NodeId, value: &serde_yaml::Value) -> bool {
        use serde_yaml::Value;
        match (&document.node(id).kind, value) {
            (NodeKind::Mapping { entries }, Value::Mapping(mapping)) => {
                entries.len() == mapping.len()
                    && entries.iter().zip(mapping).all(|(&(key, value), (k, v))| {
                        agrees(document, key, k) && agrees(document, value, v)
                    })
            }
            (NodeKind::Sequence { items }, Value::Sequence(sequence)) => {
                items.len() == sequence.len()
                    && items
                        .iter()
                        .zip(sequence)
                        .all(|(&item, v)| agrees(document, item, v))
            }
            (NodeKind::Scalar { value: text, .. }, Value::String(string)) => text == string,
            (NodeKind::Scalar { .. }, scalar) => !scalar.is_mapping() && !scalar.is_sequence(),
            (_, Value::Tagged(tagged)) => agrees(document, id, &tagged.value),
            _ => false,
        }
    }

    #[test]
    fn the_tree_agrees_with_serde_yaml_on_every_test_file() {
        let files = crate::yaml::every_test_yaml();
        assert!(files.len() > 50, "the fixtures are found");
        for (path, text) in files {
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let value = serde_yaml::from_str::<serde_yaml::Value>(text);
            match Document::parse(text) {
                Ok(document) => {
                    let value = value.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    let agrees = match document.root {
                        Some(root) => agrees(&document, root, &value),
                        None => value.is_null(),
                    };
                    assert!(
                        agrees,
                        "{}: the tree differs from serde_yaml's",
                        path.display()
                    );
                }
                Err(error) => assert!(
                    value.is_err(),
                    "{}: refused ({error:?}), but serde_yaml reads it",
                    path.display()
                ),
            }
        }
    }

    #[test]
    fn an_empty_text_has_no_root() {
        assert!(Document::parse("").unwrap().root().is_none());
        assert!(
            Document::parse("# only a comment\n")
                .unwrap()
                .root()
                .is_none()
        );
        assert!(Document::parse("---\n").unwrap().root().is_some());
    }
}
