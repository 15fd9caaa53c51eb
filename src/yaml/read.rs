//! Reading the spec format's types from the document tree, with the value semantics of
//! serde_yaml (yaml_serde), and each shape error returned with its path as data.
//!
//! Each type of the format implements [`FromYaml`]: it reads itself from a node of the
//! document at a [`Path`]. When a node has the wrong shape (an unknown, missing or repeated
//! key, a wrong type), the reader that finds it returns a [`ShapeError`] with the node's path,
//! and the document locates it; the first found, in document order, is the one reported.
//!
//! The values are read as serde_yaml reads them into the same Rust types, rule for rule
//! (`de.rs` in yaml_serde 0.10): a string takes any scalar's text as written; an integer or a
//! boolean is a plain scalar (or a block literal tagged `!!int`, `!!bool`) spelt as YAML 1.2's
//! core schema spells one, `0x`, `0o` and `0b` included; `~`, `null` and an empty plain scalar
//! are null; an empty plain scalar is also an empty list or mapping. The tests check that this
//! reader and serde_yaml read every YAML file of the tests, and the fuzz corpus, to the same
//! values or both refuse it. errspec reads values itself rather than through serde_yaml so that
//! a build script compiles neither serde nor serde_yaml: together they were a fifth of a cold
//! build (see `benches/compile-cost.sh` and ARCHITECTURE.md).

use super::document::{NodeId, NodeKind};
use super::events::ScalarStyle;
use super::{Document, Path};

/// What is wrong with the shape of the node at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ShapeErrorKind {
    /// The mapping at the path has a key its type does not know.
    UnknownKey {
        key: String,
        allowed: &'static [&'static str],
    },
    /// The mapping at the path lacks a required key.
    MissingKey { key: &'static str },
    /// The mapping at the path has a key twice.
    DuplicateKey { key: String },
    /// The node at the path is not what its place needs, e.g. "a string".
    WrongType { expected: String },
    /// A key of the mapping at the path is a mapping or a list, not text.
    KeyNotText,
}

/// A shape error and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShapeError {
    pub path: Path,
    pub kind: ShapeErrorKind,
}

/// Reads `T` from the root of `document`; a document without one reads as an empty plain
/// scalar would (serde_yaml's empty document).
pub(crate) fn read<T: FromYaml>(document: &Document<'_>) -> Result<T, ShapeError> {
    let node = Node {
        document,
        id: document.root_id(),
    };
    T::read(node, &Path::root())
}

/// A node of a document, aliases followed; `id` is `None` for the empty document.
#[derive(Clone, Copy)]
pub(crate) struct Node<'d> {
    document: &'d Document<'d>,
    id: Option<NodeId>,
}

/// A scalar's parts.
struct Scalar<'d> {
    value: &'d str,
    style: ScalarStyle,
    tag: Option<&'d str>,
}

impl<'d> Node<'d> {
    fn kind(&self) -> Option<&'d NodeKind> {
        self.id.map(|id| &self.document.node(id).kind)
    }

    fn scalar(&self) -> Option<Scalar<'d>> {
        match self.kind()? {
            NodeKind::Scalar { value, style, tag } => Some(Scalar {
                value,
                style: *style,
                tag: tag.as_deref(),
            }),
            _ => None,
        }
    }

    /// Whether serde_yaml reads the node as an empty list or mapping: the empty document, or an
    /// empty plain scalar (`key:` with nothing after it).
    fn is_empty_scalar(&self) -> bool {
        match self.kind() {
            None => true,
            Some(_) => self
                .scalar()
                .is_some_and(|s| s.value.is_empty() && s.style == ScalarStyle::Plain),
        }
    }

    /// The node's elements, if it is a list (or reads as an empty one).
    pub(crate) fn items(&self) -> Option<Vec<Node<'d>>> {
        if let Some(NodeKind::Sequence { items }) = self.kind() {
            return Some(items.iter().map(|&id| self.at(id)).collect());
        }
        self.is_empty_scalar().then(Vec::new)
    }

    /// The node's keys and values, if it is a mapping (or reads as an empty one).
    pub(crate) fn entries(&self) -> Option<Vec<(Node<'d>, Node<'d>)>> {
        if let Some(NodeKind::Mapping { entries }) = self.kind() {
            let pairs = entries.iter().map(|&(k, v)| (self.at(k), self.at(v)));
            return Some(pairs.collect());
        }
        self.is_empty_scalar().then(Vec::new)
    }

    /// The node's text as a mapping key: any scalar's value (a key that is a mapping or a list
    /// has none).
    pub(crate) fn key_text(&self) -> Option<&'d str> {
        self.scalar().map(|scalar| scalar.value)
    }

    /// Whether serde_yaml reads the node as `None` for an `Option`; `Err` for a plain scalar
    /// tagged `!!null` that is not null, which serde_yaml refuses.
    pub(crate) fn is_null(&self) -> Result<bool, ()> {
        let Some(kind) = self.kind() else {
            return Ok(true);
        };
        let NodeKind::Scalar { value, style, tag } = kind else {
            return Ok(false);
        };
        if *style != ScalarStyle::Plain {
            return Ok(false);
        }
        match tag.as_deref() {
            Some(NULL) if is_null_text(value) => Ok(true),
            Some(NULL) => Err(()),
            Some(_) => Ok(false),
            None => Ok(value.is_empty() || is_null_text(value)),
        }
    }

    fn at(&self, id: NodeId) -> Node<'d> {
        Node {
            document: self.document,
            id: Some(id),
        }
    }

    /// A scalar that serde_yaml reads as a value of `tag`'s kind: a plain scalar, whatever its
    /// tag, or a block literal (`|`) tagged with `tag` itself.
    fn typed_scalar(&self, tag: &str) -> Option<&'d str> {
        let scalar = self.scalar()?;
        match (scalar.style, scalar.tag) {
            (ScalarStyle::Plain, _) => Some(scalar.value),
            (ScalarStyle::Literal, Some(found)) if found == tag => Some(scalar.value),
            _ => None,
        }
    }
}

const NULL: &str = "tag:yaml.org,2002:null";
const BOOL: &str = "tag:yaml.org,2002:bool";
const INT: &str = "tag:yaml.org,2002:int";

/// A type of the spec format, read from a node at a path.
pub(crate) trait FromYaml: Sized {
    /// What a node of this type is, in the words of a message: "a string".
    fn expected() -> String;

    /// Reads a value from `node`, at `path`.
    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError>;
}

/// The error for a node at `path` that is not a `T`.
pub(crate) fn wrong_type<T: FromYaml>(path: &Path) -> ShapeError {
    ShapeError {
        path: path.clone(),
        kind: ShapeErrorKind::WrongType {
            expected: T::expected(),
        },
    }
}

impl FromYaml for String {
    fn expected() -> String {
        "a string".to_owned()
    }

    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError> {
        match node.scalar() {
            Some(scalar) => Ok(scalar.value.to_owned()),
            None => Err(wrong_type::<Self>(path)),
        }
    }
}

impl FromYaml for bool {
    fn expected() -> String {
        "a boolean".to_owned()
    }

    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError> {
        match node.typed_scalar(BOOL) {
            Some("true" | "True" | "TRUE") => Ok(true),
            Some("false" | "False" | "FALSE") => Ok(false),
            _ => Err(wrong_type::<Self>(path)),
        }
    }
}

impl FromYaml for i64 {
    fn expected() -> String {
        "an integer".to_owned()
    }

    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError> {
        let number = node.typed_scalar(INT).and_then(|text| integer(text, true));
        number
            .and_then(|number| i64::try_from(number).ok())
            .ok_or_else(|| wrong_type::<Self>(path))
    }
}

impl FromYaml for u32 {
    fn expected() -> String {
        "an integer".to_owned()
    }

    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError> {
        let number = node.typed_scalar(INT).and_then(|text| integer(text, false));
        number
            .and_then(|number| u32::try_from(number).ok())
            .ok_or_else(|| wrong_type::<Self>(path))
    }
}

/// A scalar's text as an integer, as serde_yaml's `parse_signed_int` (or, without `signed`,
/// `parse_unsigned_int`) reads it: decimal with an optional sign, or `0x`, `0o`, `0b` digits
/// (negative only when signed); a decimal with a leading zero is text, not a number. The
/// range of the target type is the caller's to check.
pub(crate) fn integer(text: &str, signed: bool) -> Option<i128> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) if signed => (true, rest),
        Some(_) => return None,
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if unsigned.starts_with(['+', '-']) {
        return None;
    }
    let radix = [("0x", 16), ("0o", 8), ("0b", 2)]
        .into_iter()
        .find_map(|(prefix, radix)| Some((radix, unsigned.strip_prefix(prefix)?)));
    let (radix, digits) = radix.unwrap_or((10, unsigned));
    let leading_zero = digits.len() > 1 && digits.starts_with('0') && radix == 10;
    if digits.starts_with(['+', '-']) || leading_zero || digits.is_empty() {
        return None;
    }
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = i128::from_str_radix(digits, radix).ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

/// The plain scalars YAML reads as null (serde_yaml's set, an empty one aside).
pub(crate) fn is_null_text(text: &str) -> bool {
    matches!(text, "~" | "null" | "Null" | "NULL")
}

/// An absent or null value is `None`, as serde reads `Option`.
impl<T: FromYaml> FromYaml for Option<T> {
    fn expected() -> String {
        T::expected()
    }

    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError> {
        match node.is_null() {
            Ok(true) => Ok(None),
            Ok(false) => T::read(node, path).map(Some),
            Err(()) => Err(wrong_type::<Self>(path)),
        }
    }
}

impl<T: FromYaml> FromYaml for Vec<T> {
    fn expected() -> String {
        "a list".to_owned()
    }

    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError> {
        let items = node.items().ok_or_else(|| wrong_type::<Self>(path))?;
        items
            .into_iter()
            .enumerate()
            .map(|(index, item)| T::read(item, &path.index(index)))
            .collect()
    }
}

/// A mapping whose keys are the user's own names (a code's parameters), in the order written;
/// each key at most once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entries<T>(pub Vec<(String, T)>);

impl<T: FromYaml> FromYaml for Entries<T> {
    fn expected() -> String {
        "a mapping".to_owned()
    }

    fn read(node: Node<'_>, path: &Path) -> Result<Self, ShapeError> {
        let pairs = node.entries().ok_or_else(|| wrong_type::<Self>(path))?;
        let mut entries: Vec<(String, T)> = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let key = key_text(key, path)?;
            if entries.iter().any(|(seen, _)| seen == key) {
                let key = key.to_owned();
                let kind = ShapeErrorKind::DuplicateKey { key };
                return Err(ShapeError {
                    path: path.clone(),
                    kind,
                });
            }
            let value = T::read(value, &path.key(key))?;
            entries.push((key.to_owned(), value));
        }
        Ok(Entries(entries))
    }
}

/// In the tests serde_yaml reads entries too, as the reference for this reader.
#[cfg(test)]
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Entries<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a mapping")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Entries<T>, A::Error> {
                let mut entries: Vec<(String, T)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, T>()? {
                    if entries.iter().any(|(seen, _)| *seen == key) {
                        return Err(serde::de::Error::custom("duplicate key"));
                    }
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(std::marker::PhantomData))
    }
}

/// A mapping key's text, or `KeyNotText` at the mapping's `path`.
pub(crate) fn key_text<'d>(key: Node<'d>, path: &Path) -> Result<&'d str, ShapeError> {
    key.key_text().ok_or_else(|| ShapeError {
        path: path.clone(),
        kind: ShapeErrorKind::KeyNotText,
    })
}

/// Declares a struct of the spec format and its [`FromYaml`]: a mapping with these keys and
/// no others, each at most once. A field is `required`, or `default` (absent means
/// `Default::default()`: `None`, `false`, empty). A field whose key is a Rust keyword is
/// written `field as "key"`.
macro_rules! spec_struct {
    (
        $(#[$meta:meta])*
        pub(crate) struct $name:ident expecting $expecting:literal {
            $(
                $(#[$field_meta:meta])*
                $field:ident $(as $key:literal)?: $ty:ty = $presence:ident,
            )*
        }
    ) => {
        $(#[$meta])*
        pub(crate) struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
        }

        // In the tests serde_yaml reads the type too, as the reference for this reader: the
        // impl `#[derive(Deserialize)]` with `deny_unknown_fields` would generate.
        #[cfg(test)]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use serde::de::{self, MapAccess, Visitor};

                const FIELDS: &[&str] = &[$(spec_struct!(@key $field $(as $key)?)),*];

                struct FieldsVisitor;

                impl<'de> Visitor<'de> for FieldsVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $(let mut $field: Option<$ty> = None;)*
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $(spec_struct!(@key $field $(as $key)?) => {
                                    if $field.is_some() {
                                        return Err(de::Error::duplicate_field(spec_struct!(@key $field $(as $key)?)));
                                    }
                                    $field = Some(map.next_value()?);
                                })*
                                other => return Err(de::Error::unknown_field(other, FIELDS)),
                            }
                        }
                        Ok($name {
                            $($field: spec_struct!(@serde_take $presence, $field, spec_struct!(@key $field $(as $key)?)),)*
                        })
                    }
                }

                deserializer.deserialize_struct(stringify!($name), FIELDS, FieldsVisitor)
            }
        }

        impl $crate::yaml::read::FromYaml for $name {
            fn expected() -> String {
                $expecting.to_owned()
            }

            fn read(
                node: $crate::yaml::read::Node<'_>,
                path: &$crate::yaml::Path,
            ) -> Result<Self, $crate::yaml::read::ShapeError> {
                use $crate::yaml::read::{ShapeError, ShapeErrorKind, key_text};

                const FIELDS: &[&str] = &[$(spec_struct!(@key $field $(as $key)?)),*];
                let fail = |kind| ShapeError { path: path.clone(), kind };
                let pairs = node
                    .entries()
                    .ok_or_else(|| $crate::yaml::read::wrong_type::<Self>(path))?;
                $(let mut $field: Option<$ty> = None;)*
                for (key, value) in pairs {
                    let key = key_text(key, path)?;
                    match key {
                        $(spec_struct!(@key $field $(as $key)?) => {
                            if $field.is_some() {
                                let key = key.to_owned();
                                return Err(fail(ShapeErrorKind::DuplicateKey { key }));
                            }
                            $field = Some(<$ty as $crate::yaml::read::FromYaml>::read(value, &path.key(key))?);
                        })*
                        _ => {
                            let key = key.to_owned();
                            return Err(fail(ShapeErrorKind::UnknownKey { key, allowed: FIELDS }));
                        }
                    }
                }
                Ok($name {
                    $($field: spec_struct!(@take $presence, $field, spec_struct!(@key $field $(as $key)?), fail),)*
                })
            }
        }
    };
    (@serde_take required, $value:ident, $key:expr) => {
        $value.ok_or_else(|| de::Error::missing_field($key))?
    };
    (@serde_take default, $value:ident, $key:expr) => {
        $value.unwrap_or_default()
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident as $key:literal) => { $key };
    (@take required, $value:ident, $key:expr, $fail:ident) => {
        match $value {
            Some(value) => value,
            None => return Err($fail(ShapeErrorKind::MissingKey { key: $key })),
        }
    };
    (@take default, $value:ident, $key:expr, $fail:ident) => {
        $value.unwrap_or_default()
    };
}

pub(crate) use spec_struct;

#[cfg(test)]
mod tests {
    use super::*;

    spec_struct! {
        #[derive(Debug, PartialEq)]
        pub(crate) struct Item expecting "a mapping with `id`" {
            id: i64 = required,
            tags: Vec<String> = default,
            note: Option<String> = default,
            kind as "type": Option<bool> = default,
            params: Option<Entries<bool>> = default,
        }
    }

    impl PartialEq for Entries<bool> {
        fn eq(&self, other: &Self) -> bool {
            self.0 == other.0
        }
    }

    spec_struct! {
        #[derive(Debug, PartialEq)]
        pub(crate) struct Top expecting "a mapping with `items`" {
            items: Vec<Item> = required,
        }
    }

    fn read_text<T: FromYaml>(text: &str) -> Result<T, ShapeError> {
        read(&Document::parse(text).expect("the test's YAML parses"))
    }

    fn shape(text: &str) -> (String, ShapeErrorKind) {
        match read_text::<Top>(text) {
            Err(error) => (error.path.to_string(), error.kind),
            Ok(top) => panic!("expected a shape error, got {top:?}"),
        }
    }

    fn wrong(expected: &str) -> ShapeErrorKind {
        ShapeErrorKind::WrongType {
            expected: expected.to_owned(),
        }
    }

    #[test]
    fn values_are_read_as_serde_yaml_reads_them() {
        let top = read_text::<Top>(
            "items:\n  - id: 0x10\n    tags: [a, 1.10, ~, '']\n    note: ~\n    type: True\n",
        )
        .unwrap();
        assert_eq!(top.items[0].id, 16);
        assert_eq!(
            top.items[0].tags,
            ["a", "1.10", "~", ""],
            "a scalar's text, as written"
        );
        assert_eq!(top.items[0].note, None);
        assert_eq!(top.items[0].kind, Some(true));
        let params = read_text::<Top>("items: [{id: 1, params: {b: true, a: false}}]\n").unwrap();
        let entries = params.items[0].params.clone().unwrap().0;
        assert_eq!(entries, [("b".to_owned(), true), ("a".to_owned(), false)]);
        let empty = read_text::<Top>("items:\n  - id: -0b11\n    tags:\n").unwrap();
        assert_eq!((empty.items[0].id, empty.items[0].tags.len()), (-3, 0));
    }

    /// Whether this reader and serde_yaml read `text` as `T` alike: the same value, or both
    /// refusing it.
    fn agree<T>(text: &str, document: &Document<'_>) -> Result<(), String>
    where
        T: FromYaml + std::fmt::Debug + for<'de> serde::Deserialize<'de>,
    {
        let ours = read::<T>(document).map(|value| format!("{value:?}"));
        let theirs = serde_yaml::from_str::<T>(text).map(|value| format!("{value:?}"));
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) if a == b => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            _ => Err(format!("errspec: {ours:?}\nserde_yaml: {theirs:?}")),
        }
    }

    #[test]
    fn every_test_file_reads_as_serde_yaml_reads_it() {
        use crate::config::raw::RawConfig;
        use crate::spec::{RawSpecV1, RawSpecV2};

        let files = crate::yaml::every_test_yaml();
        let mut read_whole = 0;
        for (path, text) in &files {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let Ok(document) = Document::parse(text) else {
                continue; // refused before any value is read; document.rs checks that part
            };
            let context = path.display();
            agree::<RawSpecV1>(text, &document).unwrap_or_else(|e| panic!("{context} (v1): {e}"));
            agree::<RawSpecV2>(text, &document).unwrap_or_else(|e| panic!("{context} (v2): {e}"));
            agree::<RawConfig>(text, &document)
                .unwrap_or_else(|e| panic!("{context} (config): {e}"));
            read_whole += usize::from(
                read::<RawSpecV1>(&document).is_ok() || read::<RawSpecV2>(&document).is_ok(),
            );
        }
        assert!(
            read_whole > 40,
            "the valid specs are among the files: {read_whole}"
        );
    }

    #[test]
    fn scalars_read_as_serde_yaml_reads_them() {
        // Every way YAML writes a value of each type errspec reads, and ways it does not.
        let scalars = [
            "1",
            "+1",
            "-1",
            "0x1F",
            "-0x1F",
            "0o17",
            "0b101",
            "01",
            "00",
            "1.0",
            "1e3",
            ".inf",
            "true",
            "True",
            "TRUE",
            "yes",
            "on",
            "~",
            "null",
            "Null",
            "NULL",
            "",
            "''",
            "\"\"",
            "'1'",
            "\"true\"",
            "!!int 5",
            "!!str 5",
            "!!bool true",
            "!!null ~",
            "!!null x",
            "!foo bar",
            "|\n  5",
            "!!int |\n  5",
            ">\n  5",
            "[]",
            "{}",
            "[1]",
            "{a: 1}",
            "2147483648",
            "4294967296",
            "9223372036854775808",
            "-9223372036854775808",
            "0x8000000000000000",
            "1_000",
            "0x",
            "-",
            "--1",
            "+-1",
            ".5",
            "a: b",
        ];
        spec_struct! {
            // The fields are read through `Debug`, which dead-code analysis does not count.
            #[derive(Debug)]
            #[allow(dead_code)]
            pub(crate) struct Probe expecting "a probe" {
                text: Option<String> = default,
                integer: Option<i64> = default,
                unsigned: Option<u32> = default,
                boolean: Option<bool> = default,
                list: Option<Vec<String>> = default,
                entries: Option<Entries<String>> = default,
            }
        }
        for scalar in scalars {
            for key in ["text", "integer", "unsigned", "boolean", "list", "entries"] {
                let text = format!("{key}: {scalar}\n");
                let Ok(document) = Document::parse(&text) else {
                    continue;
                };
                agree::<Probe>(&text, &document).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            }
        }
    }

    #[test]
    fn integers_are_core_schema_integers() {
        for (text, signed, value) in [
            ("1", true, Some(1)),
            ("+1", false, Some(1)),
            ("-0x10", true, Some(-16)),
            ("-1", false, None),
            ("0o17", true, Some(15)),
            ("01", true, None),
            ("0", true, Some(0)),
            ("1.0", true, None),
            ("--1", true, None),
            ("0x", true, None),
            ("1_000", true, None),
        ] {
            assert_eq!(integer(text, signed), value, "{text}");
        }
    }

    #[test]
    fn shape_errors_come_with_their_path() {
        assert_eq!(
            shape("items: [{id: x}]"),
            ("items[0].id".into(), wrong("an integer"))
        );
        assert_eq!(
            shape("items: [{id: '5'}]"),
            ("items[0].id".into(), wrong("an integer")),
            "a quoted number is text"
        );
        assert_eq!(
            shape("items: [{id: 1, tags: [[]]}]"),
            ("items[0].tags[0]".into(), wrong("a string"))
        );
        assert_eq!(shape("items: 5"), ("items".into(), wrong("a list")));
        assert_eq!(
            shape("items: [[]]"),
            ("items[0]".into(), wrong("a mapping with `id`"))
        );
        assert_eq!(
            shape("items: [{}]"),
            ("items[0]".into(), ShapeErrorKind::MissingKey { key: "id" })
        );
        assert_eq!(
            shape("items: [{id: 1, colour: red}]"),
            (
                "items[0]".into(),
                ShapeErrorKind::UnknownKey {
                    key: "colour".into(),
                    allowed: &["id", "tags", "note", "type", "params"]
                }
            )
        );
        assert_eq!(
            shape("items: [{id: 1, id: 2}]"),
            (
                "items[0]".into(),
                ShapeErrorKind::DuplicateKey { key: "id".into() }
            )
        );
        assert_eq!(
            shape("items: [{id: 1, params: {a: true, a: true}}]"),
            (
                "items[0].params".into(),
                ShapeErrorKind::DuplicateKey { key: "a".into() }
            )
        );
        assert_eq!(
            shape("items: [{id: 1, params: {a: 5}}]"),
            ("items[0].params.a".into(), wrong("a boolean"))
        );
        assert_eq!(
            shape("items: [{? [k] : 1}]"),
            ("items[0]".into(), ShapeErrorKind::KeyNotText)
        );
    }
}
