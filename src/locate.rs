//! Finds where a node of the spec sits in its YAML text.
//!
//! serde_yaml keeps no positions in the values it builds, but it stamps every error raised
//! while deserializing a node with that node's line and column. `locate` walks the document
//! along a path and raises an error at the node it is looking for, then reads the stamp.
//! Validation only locates the nodes it reports, so a valid spec never pays for this.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::Location;

/// One step from a node to its child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// The value under a mapping key.
    Key(&'static str),
    /// An element of a sequence, from 0.
    Index(usize),
}

/// A path from the document root to a node, e.g. `codes[3].status`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
    fn displays_like_serde_yaml() {
        let path = NodePath::root().key("codes").index(3).key("status");
        assert_eq!(path.to_string(), "codes[3].status");
    }
}
