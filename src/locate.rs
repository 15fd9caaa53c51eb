//! Finds where a node of the spec sits in its YAML text.
//!
//! serde_yaml keeps no positions in the values it builds, but it stamps every error raised
//! while deserializing a node with that node's line and column. `locate` walks the document
//! along a path and raises an error at the node it is looking for, then reads the stamp.
//! Validation only locates the nodes it reports, so a valid spec never pays for this.
//!
//! A report of many problems uses a [`Locator`], which finds every scalar and key in one walk
//! (the stamp of an error raised on a scalar can be read without leaving the walk), so that
//! locating hundreds of nodes costs one parse, not one each.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::Location;
use crate::spec::static_key;

/// One step from a node to its child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Step {
    /// The value under a mapping key.
    Key(&'static str),
    /// An element of a sequence, from 0.
    Index(usize),
}

/// A path from the document root to a node, e.g. `codes[3].status`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct NodePath {
    steps: Vec<Step>,
    /// Point at the last key itself rather than at its value (an unknown or repeated key):
    /// at its `n`th occurrence, from 0, since a repeated key occurs more than once.
    at_key: Option<usize>,
}

impl NodePath {
    /// The document root.
    pub(crate) fn root() -> Self {
        Self::default()
    }

    /// This path extended by one mapping key.
    pub(crate) fn key(&self, key: &'static str) -> Self {
        self.with(Step::Key(key))
    }

    /// This path extended by one sequence index.
    pub(crate) fn index(&self, index: usize) -> Self {
        self.with(Step::Index(index))
    }

    /// The `n`th occurrence (from 0) of the last key, for a key written more than once.
    pub(crate) fn the_key_occurrence(mut self, n: usize) -> Self {
        self.at_key = Some(n);
        self
    }

    fn with(&self, step: Step) -> Self {
        let mut steps = self.steps.clone();
        steps.push(step);
        Self {
            steps,
            at_key: None,
        }
    }
}

impl fmt::Display for NodePath {
    /// The path as serde_yaml writes it: `codes[3].status`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => write!(f, "{key}")?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// The message of the error that marks the sought node; no real error says this.
const FOUND: &str = "errspec-locate: found";

/// Where `path` sits in `source`, or `None` when the document has no such node.
pub(crate) fn locate(source: &str, path: &NodePath) -> Option<Location> {
    let seek = Seek {
        steps: &path.steps,
        at_key: path.at_key,
    };
    let error = seek
        .deserialize(serde_yaml::Deserializer::from_str(source))
        .err()?;
    if !error.to_string().contains(FOUND) {
        return None;
    }
    error.location().map(|at| Location {
        line: at.line(),
        column: at.column(),
    })
}

/// Locates many nodes of one text: the first lookup indexes every scalar and key in one walk;
/// a node the index lacks (a mapping or a list) is located on its own.
pub(crate) struct Locator<'a> {
    source: &'a str,
    index: OnceCell<BTreeMap<NodePath, Location>>,
}

impl<'a> Locator<'a> {
    /// A locator for the YAML text `source`.
    pub(crate) fn new(source: &'a str) -> Self {
        Self {
            source,
            index: OnceCell::new(),
        }
    }

    /// Where `path` sits in the text, or `None` when the document has no such node.
    pub(crate) fn locate(&self, path: &NodePath) -> Option<Location> {
        let index = self.index.get_or_init(|| {
            let index = RefCell::new(BTreeMap::new());
            let walk = Walk {
                path: NodePath::root(),
                index: &index,
            };
            // A document that does not parse has no index; nodes are then located one by one.
            let _ = walk.deserialize(serde_yaml::Deserializer::from_str(self.source));
            index.into_inner()
        });
        index
            .get(path)
            .copied()
            .or_else(|| locate(self.source, path))
    }
}

#[cfg(test)]
impl Locator<'_> {
    /// How many nodes the one walk located (the index is built by this call).
    fn index_len_for_tests(&self) -> usize {
        let _ = self.locate(&NodePath::root());
        self.index.get().map_or(0, BTreeMap::len)
    }
}

/// The position stamped on an error raised with [`FOUND`], read from its message (the error
/// type is generic inside a walk): serde_yaml ends it with ` at line L column C`, except at
/// the very start of the text.
fn stamped<E: de::Error>(error: &E) -> Option<Location> {
    let text = error.to_string();
    if !text.contains(FOUND) {
        return None;
    }
    // serde_yaml leaves out the position of the very first character.
    let Some((_, at)) = text.rsplit_once(" at line ") else {
        return Some(Location { line: 1, column: 1 });
    };
    let (line, column) = at.split_once(" column ")?;
    Some(Location {
        line: line.parse().ok()?,
        column: column.parse().ok()?,
    })
}

/// Walks the whole document, recording the position of every scalar and every key under its
/// path. Subtrees under keys that are not the format's are skipped.
struct Walk<'i> {
    path: NodePath,
    index: &'i RefCell<BTreeMap<NodePath, Location>>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let (path, index) = (self.path.clone(), self.index);
        match deserializer.deserialize_any(self) {
            // A scalar raised the marker once read whole, so the walk goes on after it.
            Err(error) => match stamped(&error) {
                Some(at) => {
                    index.borrow_mut().entry(path).or_insert(at);
                    Ok(())
                }
                None => Err(error),
            },
            Ok(()) => Ok(()),
        }
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(FOUND))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(FOUND))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            let element = Walk {
                path: self.path.index(index),
                index: self.index,
            };
            if seq.next_element_seed(element)?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
        while let Some(key) = map.next_key_seed(KeyProbe)? {
            let Some((key, at)) = key.and_then(|(key, at)| Some((static_key(&key)?, at))) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let occurrence = seen.entry(key).or_default();
            let key_path = self.path.key(key).the_key_occurrence(*occurrence);
            *occurrence += 1;
            self.index.borrow_mut().insert(key_path, at);
            let value = Walk {
                path: self.path.key(key),
                index: self.index,
            };
            map.next_value_seed(value)?;
        }
        Ok(())
    }
}

/// Reads a mapping key and its position: the key's text is kept aside, then the marker raised
/// so that serde_yaml stamps the key's position. `None` for a key that is not a string.
struct KeyProbe;

impl<'de> DeserializeSeed<'de> for KeyProbe {
    type Value = Option<(String, Location)>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        let text = RefCell::new(None);
        match deserializer.deserialize_any(KeyText(&text)) {
            Err(error) => match (stamped(&error), text.into_inner()) {
                (Some(at), Some(key)) => Ok(Some((key, at))),
                _ => Err(error),
            },
            Ok(()) => Ok(None),
        }
    }
}

/// Keeps a string key's text, then raises the marker; skips any other key.
struct KeyText<'t>(&'t RefCell<Option<String>>);

impl<'de> Visitor<'de> for KeyText<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<(), E> {
        *self.0.borrow_mut() = Some(key.to_owned());
        Err(E::custom(FOUND))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// Walks towards the node at `steps`, skipping every sibling unread.
struct Seek<'p> {
    steps: &'p [Step],
    at_key: Option<usize>,
}

impl Seek<'_> {
    /// A leaf is the sought node exactly when no steps are left.
    fn leaf<E: de::Error>(self) -> Result<(), E> {
        if self.steps.is_empty() {
            Err(E::custom(FOUND))
        } else {
            Ok(())
        }
    }
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.leaf()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.leaf()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.leaf()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.leaf()
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.leaf()
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.leaf()
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.leaf()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.steps.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        let mut index = 0;
        loop {
            let more = if *first == Step::Index(index) {
                let seek = Seek {
                    steps: rest,
                    at_key: self.at_key,
                };
                seq.next_element_seed(seek)?.is_some()
            } else {
                seq.next_element::<IgnoredAny>()?.is_some()
            };
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.steps.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        let wanted = match first {
            Step::Key(key) => Some(*key),
            Step::Index(_) => None,
        };
        let stop_at_occurrence = if rest.is_empty() { self.at_key } else { None };
        let mut seen = 0;
        loop {
            let seek_key = SeekKey {
                wanted,
                stop_here: stop_at_occurrence == Some(seen),
            };
            let Some(matched) = map.next_key_seed(seek_key)? else {
                return Ok(());
            };
            if matched && stop_at_occurrence.is_none() {
                let seek = Seek {
                    steps: rest,
                    at_key: self.at_key,
                };
                map.next_value_seed(seek)?;
            } else {
                seen += usize::from(matched);
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
}

/// Reads one mapping key and says whether it is the wanted one; raises the marker error at the
/// key itself when the key is the sought node.
struct SeekKey {
    wanted: Option<&'static str>,
    stop_here: bool,
}

impl<'de> DeserializeSeed<'de> for SeekKey {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SeekKey {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        let matched = self.wanted == Some(key);
        if matched && self.stop_here {
            return Err(E::custom(FOUND));
        }
        Ok(matched)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "version: 1\ncodes:\n  - status: 200\n    title: OK\n  - status: 404\n    title: Not Found\n";

    fn at(path: &NodePath) -> Option<(usize, usize)> {
        locate(SOURCE, path).map(|l| (l.line, l.column))
    }

    #[test]
    fn finds_values_keys_and_elements() {
        let codes = NodePath::root().key("codes");
        assert_eq!(at(&NodePath::root().key("version")), Some((1, 10)));
        assert_eq!(at(&codes.index(1)), Some((5, 5)));
        assert_eq!(at(&codes.index(1).key("status")), Some((5, 13)));
        assert_eq!(
            at(&codes.index(1).key("title").the_key_occurrence(0)),
            Some((6, 5))
        );
    }

    #[test]
    fn finds_a_repeated_key() {
        let source = "a: 1\nb: 2\na: 3\n";
        let second = NodePath::root().key("a").the_key_occurrence(1);
        assert_eq!(
            locate(source, &second).map(|l| (l.line, l.column)),
            Some((3, 1))
        );
    }

    #[test]
    fn missing_nodes_have_no_location() {
        let codes = NodePath::root().key("codes");
        assert_eq!(at(&codes.index(2)), None);
        assert_eq!(at(&codes.index(0).key("name")), None);
    }

    #[test]
    fn a_locator_finds_what_locate_finds() {
        let locator = Locator::new(SOURCE);
        let codes = NodePath::root().key("codes");
        let paths = [
            NodePath::root().key("version"),
            codes.index(1),
            codes.index(1).key("status"),
            codes.index(0).key("title").the_key_occurrence(0),
            codes.index(2),
            codes.index(0).key("name"),
        ];
        for path in &paths {
            assert_eq!(locator.locate(path), locate(SOURCE, path), "{path}");
        }
        let source = "name: 1\nb: 2\nname: 3\n";
        let first = NodePath::root().key("name").the_key_occurrence(0);
        // Both keys, and the first value (`b` is not a key of the format).
        assert_eq!(Locator::new(source).index_len_for_tests(), 3);
        assert_eq!(Locator::new(source).locate(&first), locate(source, &first));
        let second = NodePath::root().key("name").the_key_occurrence(1);
        assert_eq!(
            Locator::new(source).locate(&second),
            locate(source, &second)
        );
        assert!(Locator::new(source).locate(&second).is_some());
    }

    #[test]
    fn displays_like_serde_yaml() {
        let path = NodePath::root().key("codes").index(3).key("status");
        assert_eq!(path.to_string(), "codes[3].status");
    }
}
